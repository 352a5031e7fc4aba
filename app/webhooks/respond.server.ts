// The answers a webhook route gives Shopify. Anything outside 2xx makes Shopify retry,
// so a 4xx is kept for deliveries that no retry can fix.
import { ZodError } from "zod";
import { log } from "../observability/log.server";
import { reportError } from "../observability/sentry.server";

export const accepted = () => new Response(null, { status: 200 });

export function rejected(status: 400 | 404 | 413 | 422, message: string): Response {
  return new Response(JSON.stringify({ error: message }), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

/**
 * Runs a webhook's handling: thrown Responses (401 for a bad HMAC, 400/405 from the
 * library) pass through; a payload that fails validation is a 400 with the reason; any
 * other failure (database down) is a 503 so that Shopify delivers again.
 */
export async function handleWebhook(request: Request, handle: () => Promise<Response>): Promise<Response> {
  try {
    return await handle();
  } catch (error) {
    if (error instanceof Response) return error;
    const topic = request.headers.get("x-shopify-topic") ?? "unknown";
    const shop = request.headers.get("x-shopify-shop-domain") ?? undefined;
    if (error instanceof ZodError) {
      const reason = error.issues.map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`).join("; ");
      log.warn("webhook payload rejected", { topic, shop, reason });
      return rejected(400, `Invalid ${topic} payload: ${reason}`);
    }
    log.error("webhook failed, asking Shopify to retry", { topic, shop, error: String(error) });
    reportError(error, { source: "webhook", topic, shop });
    return new Response(JSON.stringify({ error: "Temporarily unavailable; please retry" }), {
      status: 503,
      headers: { "Content-Type": "application/json", "Retry-After": "60" },
    });
  }
}
