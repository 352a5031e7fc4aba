// The job behind every order topic: apply one recorded WebhookDelivery to the order's care
// state. Safe to run any number of times, by any number of workers: a delivery is claimed
// (queued → applied) in the same transaction that applies it, and applying the same event
// again changes nothing anyway.
//
// Outcomes:
//   applied    the event was folded into the order's state (which may not have changed)
//   refetch    orders/edited: the edit does not carry the order; the caller fetches it
//   failed     the body is not what Shopify sends for the topic: retrying cannot help, so the
//              delivery is marked failed with the reason, and reconciliation repairs the order
//   ignored    not an order topic
//   skipped    already applied, failed or ignored: nothing to do
//   not_found  no such delivery for this shop
// The raw body holds personal data (names, addresses, emails): it is erased as soon as the
// delivery is settled, whatever the outcome. Database errors are thrown, for the queue to retry.
import type { Db } from "../db.server";
import { log } from "../observability/log.server";
import type { OrderEvent } from "./order-snapshot";
import { eventOrderId } from "./order-state";
import { applyEventsInTransaction, updateOrderStates, withOrderLock, type OrderStateChange, type Tx } from "./order-store.server";
import { isOrderWebhookTopic, parseOrderWebhook, type IntakeAction } from "./webhook-payloads";

export type RefetchRequest = { shop: string; orderId: string; reason: string; deliveryId: string };

export type DeliveryOutcome =
  | { outcome: "applied"; deliveryId: string; topic: string; orderId: string; changed: boolean; timelineRecorded: number }
  | { outcome: "refetch"; deliveryId: string; topic: string; orderId: string; reason: string }
  | { outcome: "failed"; deliveryId: string; topic: string; error: string }
  | { outcome: "ignored"; deliveryId: string; topic: string; error: string }
  | { outcome: "skipped"; deliveryId: string; topic: string; status: string }
  | { outcome: "not_found"; deliveryId: string };

export type ApplyDeliveryOptions = {
  /**
   * Called for orders/edited inside the transaction that settles the delivery, so that the
   * fetch is queued if and only if the delivery is marked applied (like intake's enqueue).
   */
  onRefetch?: (tx: Tx, request: RefetchRequest) => Promise<unknown>;
};

export async function applyDelivery(db: Db, shop: string, deliveryId: string, now: Date, options: ApplyDeliveryOptions = {}): Promise<DeliveryOutcome> {
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: deliveryId, shop },
    select: { id: true, topic: true, status: true, payload: true },
  });
  if (!delivery) return { outcome: "not_found", deliveryId };
  const { topic } = delivery;
  if (delivery.status !== "queued") return { outcome: "skipped", deliveryId, topic, status: delivery.status };

  let action: IntakeAction;
  try {
    action = parseDelivery(topic, delivery.payload);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const status = isOrderWebhookTopic(topic) ? "failed" : "ignored";
    const { count } = await db.webhookDelivery.updateMany({
      where: { id: deliveryId, shop, status: "queued" },
      data: { status, error: message.slice(0, 2000), payload: null },
    });
    if (count === 0) return { outcome: "skipped", deliveryId, topic, status: "settled by another worker" };
    log.warn("order webhook delivery not applicable", { shop, deliveryId, topic, status, error: message });
    return { outcome: status, deliveryId, topic, error: message };
  }

  if (action.type === "refetch") {
    const { orderId, reason } = action;
    return db.$transaction(async (tx): Promise<DeliveryOutcome> => {
      if (!(await claim(tx, shop, deliveryId, now))) return { outcome: "skipped", deliveryId, topic, status: "settled by another worker" };
      await options.onRefetch?.(tx, { shop, orderId, reason, deliveryId });
      return { outcome: "refetch", deliveryId, topic, orderId, reason };
    });
  }

  const { event } = action;
  const orderId = eventOrderId(event);
  return withOrderLock(db, shop, orderId, async (tx): Promise<DeliveryOutcome> => {
    if (!(await claim(tx, shop, deliveryId, now))) return { outcome: "skipped", deliveryId, topic, status: "settled by another worker" };
    const change = await applyEventsInTransaction(tx, shop, orderId, [event], now);
    return { outcome: "applied", deliveryId, topic, orderId, changed: change.changed, timelineRecorded: change.timelineRecorded };
  });
}

function parseDelivery(topic: string, payload: string | null): IntakeAction {
  if (payload === null) throw new Error("the delivery has no payload left to apply (erased by a privacy request)");
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    throw new Error(`the ${topic} payload is not JSON`);
  }
  return parseOrderWebhook(topic, body);
}

/** queued → applied, body erased; false when another worker settled it first. */
async function claim(tx: Tx, shop: string, deliveryId: string, now: Date): Promise<boolean> {
  const { count } = await tx.webhookDelivery.updateMany({
    where: { id: deliveryId, shop, status: "queued" },
    data: { status: "applied", appliedAt: now, payload: null, error: null },
  });
  return count === 1;
}

/**
 * For the backfill and reconciliation: applies events mapped from GraphQL (source
 * "backfill" or "reconciliation"), one transaction per order, under the same rules.
 */
export function applyOrderEvents(db: Db, shop: string, events: readonly OrderEvent[], now: Date): Promise<OrderStateChange[]> {
  return updateOrderStates(db, shop, events, now);
}
