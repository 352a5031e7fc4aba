// The demo only: Shopify's app proxy, imitated. In a real shop the shopper opens
// https://{shop}/apps/aftercare/… and Shopify forwards the request to /proxy/… with a
// signature. The demo has no shop domain, so shopper links point at the app itself
// (shopper-links.server.ts) and this route signs and forwards them the way Shopify does —
// only when demo mode is on (which config.server.ts refuses on a non-loopback URL).
import { createHmac } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getConfig } from "~/config.server";
import { APP_PROXY_PATH } from "~/messages/shopper-links.server";

async function forward(request: Request, splat: string): Promise<Response> {
  const config = getConfig();
  if (!config.demo.enabled) return new Response("Not found", { status: 404 });
  const incoming = new URL(request.url);
  const target = new URL(`/proxy/${splat}`, incoming.origin);
  // Back to this same server: by its IPv4 loopback address (remix-serve listens there; "localhost" may resolve to ::1 first).
  if (target.hostname === "localhost") target.hostname = "127.0.0.1";
  const params = new Map<string, string>();
  for (const [key, value] of incoming.searchParams) params.set(key, params.has(key) ? `${params.get(key)},${value}` : value);
  params.set("shop", config.demo.shop);
  params.set("logged_in_customer_id", "");
  params.set("path_prefix", APP_PROXY_PATH);
  params.set("timestamp", String(Math.floor(Date.now() / 1000)));
  params.delete("signature");
  // Shopify's proxy signature: HMAC-SHA256 of the sorted key=value pairs, joined with nothing.
  const message = [...params.keys()].sort().map((key) => `${key}=${params.get(key)}`).join("");
  for (const [key, value] of params) target.searchParams.set(key, value);
  target.searchParams.set("signature", createHmac("sha256", config.apiSecret).update(message).digest("hex"));
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  const headers = new Headers({ "User-Agent": request.headers.get("User-Agent") ?? "Mozilla/5.0" });
  const type = request.headers.get("Content-Type");
  if (type) headers.set("Content-Type", type);
  const answer = await fetch(target, { method: request.method, body, headers, redirect: "manual" });
  // fetch has already decoded the body: its encoding and length headers no longer apply.
  const answerHeaders = new Headers(answer.headers);
  for (const name of ["content-encoding", "content-length", "transfer-encoding"]) answerHeaders.delete(name);
  return new Response(answer.body, { status: answer.status, headers: answerHeaders });
}

export const loader = ({ request, params }: LoaderFunctionArgs) => forward(request, params["*"] ?? "");
export const action = ({ request, params }: ActionFunctionArgs) => forward(request, params["*"] ?? "");
