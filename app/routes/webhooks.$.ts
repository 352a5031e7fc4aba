import { rejected } from "../webhooks/respond.server";

// Any webhook URL without a handler: a clear 404, nothing stored. Every subscription in
// shopify.app.toml has its own route, so only a misconfiguration or a probe lands here.
export const action = ({ params }: { params: { "*"?: string } }) =>
  rejected(404, `No webhook handler for topic "${params["*"] ?? ""}"`);

export const loader = () => new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
