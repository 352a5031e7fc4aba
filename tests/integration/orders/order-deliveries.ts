// Helpers for the order-care integration tests: WebhookDelivery rows as the intake stores
// them, a demo order's history as Shopify would have sent it, and the order rows of a shop.
import type { Db } from "~/db.server";
import { buildDemoShop, type OrderRecord } from "../../admin-api/demo-shop";
import { fulfillmentWebhookPayload, orderWebhookPayload, refundWebhookPayload, type WebhookOptions } from "../../admin-api/webhook-payloads";

type Json = Record<string, unknown>;

export const NOW = new Date("2026-06-15T10:00:00Z");
export const demo = buildDemoShop({ now: NOW });

let sequence = 0;

/** A delivery row as the intake records it: queued, with the raw body. */
export async function recordDelivery(db: Db, shop: string, topic: string, body: unknown): Promise<string> {
  sequence += 1;
  const row = await db.webhookDelivery.create({
    data: {
      shop,
      topic,
      webhookId: `webhook-${sequence}`,
      eventId: `event-${sequence}`,
      apiVersion: "2026-10",
      triggeredAt: NOW,
      receivedAt: NOW,
      payload: typeof body === "string" ? body : JSON.stringify(body),
    },
  });
  return row.id;
}

export function demoOrder(predicate: (order: OrderRecord) => boolean): OrderRecord {
  const order = demo.orders.find(predicate);
  if (!order) throw new Error("no demo order matches");
  return order;
}

/** A delivered order with a refund: the richest history the demo shop has. */
export const deliveredAndRefunded = () =>
  demoOrder((order) => order.refunds.length > 0 && order.fulfillments.length > 0 && order.fulfillments.every((f) => f.displayStatus === "DELIVERED" && f.updatedAt > f.createdAt));

export type Delivery = { topic: string; body: Json };

/**
 * What Shopify sent over the order's life, oldest first: orders/create (before payment if
 * paid on delivery, before any parcel or refund), fulfillments/create and /update for each
 * parcel, refunds/create for each refund, and the final orders/updated.
 */
export function orderHistory(order: OrderRecord, options: WebhookOptions = {}): Delivery[] {
  const final = orderWebhookPayload(order, demo.shop, options);
  const cod = order.paymentGatewayNames.some((name) => /cash on delivery/i.test(name));
  const created: Json = {
    ...final,
    updated_at: final.created_at,
    financial_status: cod ? "pending" : "paid",
    fulfillment_status: null,
    closed_at: null,
    cancelled_at: null,
    cancel_reason: null,
    fulfillments: [],
    refunds: [],
  };
  const parcels = order.fulfillments.flatMap((fulfillment): Delivery[] => {
    const updated = fulfillmentWebhookPayload(order, fulfillment);
    return [
      { topic: "fulfillments/create", body: { ...updated, shipment_status: null, updated_at: updated.created_at } },
      { topic: "fulfillments/update", body: updated },
    ];
  });
  const refunds = order.refunds.map((refund): Delivery => ({ topic: "refunds/create", body: refundWebhookPayload(order, refund) }));
  return [{ topic: "orders/create", body: created }, ...parcels, ...refunds, { topic: "orders/updated", body: final }];
}

/** Every order-care row of a shop, without the shop and generated ids, in a fixed order. */
export async function orderRows(db: Db, shop: string) {
  const care = await db.orderCare.findMany({ where: { shop }, orderBy: { orderId: "asc" } });
  const fulfillments = await db.orderFulfillment.findMany({ where: { shop }, orderBy: { fulfillmentId: "asc" } });
  const refunds = await db.orderRefund.findMany({ where: { shop }, orderBy: { refundId: "asc" } });
  const timeline = await db.timelineEvent.findMany({ where: { shop }, orderBy: [{ orderId: "asc" }, { dedupeKey: "asc" }] });
  return {
    care: care.map(({ shop: _shop, ...row }) => row),
    fulfillments: fulfillments.map(({ shop: _shop, ...row }) => row),
    refunds: refunds.map(({ shop: _shop, ...row }) => row),
    timeline: timeline.map(({ shop: _shop, id: _id, ...row }) => row),
  };
}
