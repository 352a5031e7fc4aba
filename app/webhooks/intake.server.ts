// The lean path for high-volume topics (orders, fulfillments, refunds): verify, record the
// delivery durably once, hand it to the queue, answer. Nothing else happens in the request,
// so Shopify gets its 200 in milliseconds even during a flash sale
// (docs/decisions/007-webhook-intake.md; figures in the README).
import type { Prisma } from "@prisma/client";
import { isUniqueViolation, type Db } from "../db.server";
import { log } from "../observability/log.server";
import { reportError } from "../observability/sentry.server";
import { readDeliveryHeaders, type DeliveryHeaders } from "./delivery-headers";
import { isValidWebhookSignature } from "./hmac";
import { rejected } from "./respond.server";

/** Shopify's order payloads run to tens of kilobytes; anything past this is refused. */
export const MAX_WEBHOOK_BYTES = 2 * 1024 * 1024;

export type Transaction = Prisma.TransactionClient;

export type IntakeDependencies = {
  db: Db;
  secret: string;
  /** Queues the job that applies the delivery, inside the transaction that stores it. */
  enqueue: (tx: Transaction, delivery: { id: string; shop: string; topic: string }) => Promise<unknown>;
  isShopActive: (shop: string) => Promise<boolean>;
  /** Replaces the Prisma transaction below (PostgreSQL's raw-SQL recorder). */
  record?: (headers: DeliveryHeaders, payload: string) => Promise<"queued" | "duplicate">;
};

export type IntakeOutcome = "queued" | "duplicate" | "dropped";

const ok = (outcome: IntakeOutcome) => new Response(null, { status: 200, headers: { "X-Aftercare-Intake": outcome } });

export async function receiveWebhook(request: Request, topic: string, deps: IntakeDependencies): Promise<Response> {
  if (request.method !== "POST") return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_WEBHOOK_BYTES) return rejected(413, `Webhook body over ${MAX_WEBHOOK_BYTES} bytes`);
  const body = await readLimited(request, MAX_WEBHOOK_BYTES);
  if (body === null) return rejected(413, `Webhook body over ${MAX_WEBHOOK_BYTES} bytes`);

  if (!isValidWebhookSignature(body, request.headers.get("x-shopify-hmac-sha256"), deps.secret)) {
    return new Response("Unauthorized", { status: 401 });
  }
  const check = readDeliveryHeaders(request.headers, topic);
  if (!check.ok) return rejected(400, check.problem);
  const text = new TextDecoder().decode(body);
  if (!isJsonObject(text)) return rejected(400, `The ${topic} body is not a JSON object`);

  const { headers } = check;
  try {
    if (!(await deps.isShopActive(headers.shop))) {
      log.info("webhook for an uninstalled shop dropped", { shop: headers.shop, topic, webhookId: headers.webhookId });
      return ok("dropped");
    }
    if (deps.record) return ok(await deps.record(headers, text));
    await deps.db.$transaction(async (tx) => {
      const delivery = await tx.webhookDelivery.create({
        data: {
          shop: headers.shop,
          topic,
          webhookId: headers.webhookId,
          eventId: headers.eventId,
          apiVersion: headers.apiVersion,
          triggeredAt: headers.triggeredAt,
          payload: text,
        },
        select: { id: true, shop: true, topic: true },
      });
      await deps.enqueue(tx, delivery);
    });
    return ok("queued");
  } catch (error) {
    if (isUniqueViolation(error)) return ok("duplicate");
    log.error("webhook could not be recorded, asking Shopify to retry", { shop: headers.shop, topic, error: String(error) });
    reportError(error, { source: "webhook", shop: headers.shop, topic });
    return new Response(JSON.stringify({ error: "Temporarily unavailable; please retry" }), {
      status: 503,
      headers: { "Content-Type": "application/json", "Retry-After": "30" },
    });
  }
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
