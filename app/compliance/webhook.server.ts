// The one handler behind the three compliance routes.
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { accepted, handleWebhook } from "../webhooks/respond.server";
import { carryOutComplianceRequest } from "./compliance-request.server";
import { parseCompliancePayload } from "./payloads";

export function handleComplianceWebhook(request: Request): Promise<Response> {
  return handleWebhook(request, async () => {
    // Topic from the raw header: the library's normalised form (CUSTOMERS_REDACT) loses the slash.
    const topic = request.headers.get("x-shopify-topic") ?? "";
    const { shop, payload, webhookId } = await authenticate.webhook(request);
    const input = parseCompliancePayload(topic, payload);
    await carryOutComplianceRequest(prisma, { ...input, shop, webhookId });
    return accepted();
  });
}
