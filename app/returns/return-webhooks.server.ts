// Returns in Shopify, followed by webhook: returns/request, approve, decline, cancel, close,
// reopen, process, and reverse_deliveries/attach_deliverable.
//
// The route verifies the delivery (authenticate.webhook), records it once (WebhookDelivery: the
// webhook id, and the event id per topic, are unique) and queues a job; it answers 200 without
// doing the work. The job reads the Return from Shopify as it is now — so deliveries arriving
// late, twice or out of order all lead to the same place — and moves the app's case with
// origin "shopify" (the state machine then does nothing in Shopify again). A return the
// merchant made in Shopify's admin becomes a case of its own (source "shopify").
import { z } from "zod";
import prisma from "~/db.server";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "~/db-errors";
import { PermanentJobError } from "~/jobs/queue";
import type { JobQueue } from "~/jobs/queue.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { log } from "~/observability/log.server";
import { authenticate, type AdminClient } from "~/shopify.server";
import { adminQuery } from "~/shopify/admin-graphql.server";
import { REVERSE_DELIVERY_OWNER_QUERY } from "~/shopify/graphql/reverse-delivery-owner";
import type { ReverseDeliveryOwnerQuery } from "~/types/admin.generated";
import { accepted, handleWebhook } from "~/webhooks/respond.server";
import type { ReturnEvent } from "./return-state";
import { applyEvent, createCaseFromShopify, findReturnByShopifyId, recordReopened, viewOf, type ReturnContext, type ReturnDeps } from "./return-service.server";
import { readShopifyReturn, reasonFromShopify, shopifyDeliveryOf, type ShopifyReturnDetails } from "./shopify-returns.server";

export const RETURN_TOPICS = [
  "returns/request",
  "returns/approve",
  "returns/decline",
  "returns/cancel",
  "returns/close",
  "returns/reopen",
  "returns/process",
  "reverse_deliveries/attach_deliverable",
] as const;
export type ReturnTopic = (typeof RETURN_TOPICS)[number];

export const RETURN_WEBHOOK_JOB = "returns.webhook";

type Admin = Pick<AdminClient, "graphql">;
type Queue = Pick<JobQueue, "enqueue">;

/** A case the app is still opening in Shopify is left alone this long before a delivery about an unknown return makes a new case. */
const IN_FLIGHT_MS = 15 * 60_000;

/** The route's work: verify, record once, queue, 200. */
export function receiveReturnWebhook(request: Request, topic: ReturnTopic, queue: Queue = getJobQueue()): Promise<Response> {
  return handleWebhook(request, async () => {
    const { shop, webhookId, payload } = await authenticate.webhook(request);
    const triggered = Date.parse(request.headers.get("x-shopify-triggered-at") ?? "");
    await recordReturnDelivery(prisma, queue, {
      shop,
      topic,
      webhookId,
      eventId: request.headers.get("x-shopify-event-id"),
      apiVersion: request.headers.get("x-shopify-api-version"),
      triggeredAt: Number.isNaN(triggered) ? null : new Date(triggered),
      payload,
    });
    return accepted();
  });
}

export async function recordReturnDelivery(
  db: Db,
  queue: Queue,
  delivery: { shop: string; topic: ReturnTopic; webhookId: string; eventId: string | null; apiVersion: string | null; triggeredAt: Date | null; payload: unknown },
): Promise<"queued" | "duplicate"> {
  try {
    await db.$transaction(async (tx) => {
      const row = await tx.webhookDelivery.create({
        data: { shop: delivery.shop, topic: delivery.topic, webhookId: delivery.webhookId, eventId: delivery.eventId, apiVersion: delivery.apiVersion, triggeredAt: delivery.triggeredAt, payload: JSON.stringify(delivery.payload ?? {}) },
        select: { id: true },
      });
      await queue.enqueue(RETURN_WEBHOOK_JOB, delivery.shop, { deliveryId: row.id }, { tx });
    });
    return "queued";
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}

const IdLike = z.union([z.string(), z.number()]);
const Reference = z.object({ id: IdLike.optional(), admin_graphql_api_id: z.string().optional() }).passthrough();
const Payload = z
  .object({ id: IdLike.optional(), admin_graphql_api_id: z.string().optional(), return: Reference.nullish(), return_id: IdLike.nullish() })
  .passthrough();

function gidOf(reference: { id?: string | number; admin_graphql_api_id?: string } | null | undefined, type: string): string | null {
  if (!reference) return null;
  if (reference.admin_graphql_api_id?.startsWith(`gid://shopify/${type}/`)) return reference.admin_graphql_api_id;
  if (reference.id === undefined) return null;
  const id = String(reference.id);
  return id.startsWith("gid://") ? id : /^\d+$/.test(id) ? `gid://shopify/${type}/${id}` : null;
}

/** The Shopify return a delivery is about. */
async function returnIdOf(admin: Admin, topic: string, payload: z.infer<typeof Payload>): Promise<string | null> {
  if (topic !== "reverse_deliveries/attach_deliverable") return gidOf(payload, "Return");
  const direct = gidOf(payload.return, "Return") ?? (payload.return_id !== null && payload.return_id !== undefined ? gidOf({ id: payload.return_id }, "Return") : null);
  if (direct) return direct;
  const deliveryId = gidOf(payload, "ReverseDelivery");
  if (!deliveryId) return null;
  const data = await adminQuery<ReverseDeliveryOwnerQuery>(admin, REVERSE_DELIVERY_OWNER_QUERY, { id: deliveryId });
  const rfo = data.reverseDelivery?.reverseFulfillmentOrder;
  if (!rfo?.order) return null;
  return rfo.order.returns.nodes.find((candidate) => candidate.reverseFulfillmentOrders.nodes.some((order) => order.id === rfo.id))?.id ?? null;
}

export type WebhookOutcome = "applied" | "ignored";

/** The job's work for one recorded delivery. */
export async function applyReturnWebhook(db: Db, admin: Admin, queue: Queue, shop: string, deliveryId: string, now: Date, deps: ReturnDeps = {}): Promise<WebhookOutcome> {
  const delivery = await db.webhookDelivery.findFirst({ where: { id: deliveryId, shop } });
  if (!delivery) throw new PermanentJobError(`Webhook delivery ${deliveryId} was not found for ${shop}`);
  if (delivery.status === "applied" || delivery.status === "ignored") return delivery.status;
  const parsed = Payload.safeParse(JSON.parse(delivery.payload ?? "{}"));
  const returnId = parsed.success ? await returnIdOf(admin, delivery.topic, parsed.data) : null;
  const outcome = returnId ? await followShopifyReturn({ db, admin, queue, shop, now, deps }, returnId, delivery.topic, delivery.eventId ?? delivery.webhookId) : "ignored";
  await db.webhookDelivery.updateMany({ where: { id: deliveryId, shop }, data: { status: outcome, appliedAt: now, payload: null } });
  return outcome;
}

const DECLINE_WORDS: Record<string, string> = {
  FINAL_SALE: "The return contains final sale items.",
  RETURN_PERIOD_ENDED: "The return period has ended.",
  OTHER: "Declined in Shopify.",
};

/** Moves the app's case to where the Shopify return is now. */
async function followShopifyReturn(ctx: ReturnContext, returnId: string, topic: string, eventKey: string): Promise<WebhookOutcome> {
  const details = await readShopifyReturn(ctx.admin, returnId);
  if (!details) return "ignored";
  let row = await findReturnByShopifyId(ctx.db, ctx.shop, returnId);
  if (!row) {
    if (details.status === "DECLINED" || details.status === "CANCELED") return "ignored";
    // The app may be opening this very return (its id not stored yet): look again later.
    const since = new Date(ctx.now.getTime() - IN_FLIGHT_MS);
    const opening = await ctx.db.returnCase.count({
      where: { shop: ctx.shop, orderId: details.order.legacyResourceId, requestedAt: { gte: since }, OR: [{ shopifyReturnId: null }, { shopifyReturnId: { startsWith: "pending:" } }], status: { notIn: ["declined", "cancelled"] } },
    });
    if (opening > 0) throw new Error(`Return ${details.name} may be one the app is still opening in Shopify; looking again shortly.`);
    row = await createCaseFromShopify(ctx, { id: details.id, order: details.order, lines: linesOf(details) });
    if (!row) return "ignored";
  }

  const events: ReturnEvent[] = [];
  const view = viewOf(row);
  const approve: ReturnEvent = { type: "approve", labelPaidBy: view.labelPaidBy, goodwill: view.decision.goodwill };
  switch (details.status) {
    case "OPEN":
      events.push(approve);
      if (topic === "returns/process" && processedUnits(details) > 0) events.push({ type: "mark_received" });
      break;
    case "DECLINED":
      events.push({ type: "decline", reason: details.decline?.note?.trim() || DECLINE_WORDS[details.decline?.reason ?? "OTHER"] || "Declined in Shopify." });
      break;
    case "CANCELED":
      events.push({ type: "cancel", by: "merchant" });
      break;
    case "CLOSED":
      events.push(approve, { type: "mark_received" }, details.exchangeLineItems.nodes.length > 0 ? { type: "exchange" } : { type: "refund" });
      break;
    default:
      break;
  }
  if (topic === "returns/reopen") await recordReopened(ctx.db, ctx.shop, row, ctx.now, eventKey);

  for (const event of events) {
    const current = (await ctx.db.returnCase.findFirst({ where: { id: row.id, shop: ctx.shop } })) ?? row;
    const result = await applyEvent(ctx, current, event, { origin: "shopify", actor: "webhook", requestedBy: "automatic", ...(event.type === "decline" ? { data: { declineReason: event.reason } } : {}) });
    if (!result.ok) log.info("a Shopify return change did not fit the app's return", { shop: ctx.shop, returnId: row.id, event: event.type, reason: result.error });
  }

  await followDelivery(ctx, row.id, details);
  return "applied";
}

/** Tracking (and a label) attached in Shopify: kept on the case; with both, the return's label is sent. */
async function followDelivery(ctx: ReturnContext, caseId: string, details: ShopifyReturnDetails): Promise<void> {
  const delivery = shopifyDeliveryOf(details);
  const row = await ctx.db.returnCase.findFirst({ where: { id: caseId, shop: ctx.shop } });
  if (!delivery || !row || row.reverseDeliveryId) return;
  await ctx.db.returnCase.updateMany({
    where: { id: caseId, shop: ctx.shop, reverseDeliveryId: null },
    data: {
      reverseDeliveryId: delivery.id,
      ...(row.trackingNumber ? {} : { trackingNumber: delivery.trackingNumber, trackingUrl: delivery.trackingUrl, carrier: delivery.carrier }),
    },
  });
  if (!delivery.trackingNumber || !delivery.labelUrl) return;
  const fresh = await ctx.db.returnCase.findFirst({ where: { id: caseId, shop: ctx.shop } });
  if (!fresh) return;
  await applyEvent(ctx, fresh, { type: "attach_label", carrier: delivery.carrier ?? "", trackingNumber: delivery.trackingNumber, labelUrl: delivery.labelUrl }, { origin: "shopify", actor: "webhook", requestedBy: "automatic" });
}

function processedUnits(details: ShopifyReturnDetails): number {
  return details.returnLineItems.nodes.reduce((sum, line) => sum + ("processedQuantity" in line ? line.processedQuantity : 0), 0);
}

function linesOf(details: ShopifyReturnDetails) {
  return details.returnLineItems.nodes.flatMap((line) =>
    "fulfillmentLineItem" in line
      ? [
          {
            lineItemId: line.fulfillmentLineItem.lineItem.id,
            fulfillmentLineItemId: line.fulfillmentLineItem.id,
            title: line.fulfillmentLineItem.lineItem.name,
            quantity: line.quantity,
            reason: reasonFromShopify(line.returnReason),
            note: [line.returnReasonNote, line.customerNote].filter(Boolean).join(" — ") || null,
          },
        ]
      : [],
  );
}
