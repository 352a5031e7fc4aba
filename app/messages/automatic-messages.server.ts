// After an order changes: queue the messages its new state calls for (placed → confirmation,
// a parcel with tracking → dispatch note, delivered → check-in and later a review request).
// Happenings from before the install, or older than a few days (a backfill, a late
// reconciliation), never send anything. Asking twice is harmless: dedupe keys.
import type { Db } from "~/db.server";
import type { JobQueue } from "~/jobs/queue.server";
import { messageDedupeKey } from "./dedupe";
import { effectiveMessageSettings } from "./message-settings";
import { automaticMessages } from "./message-triggers";
import { requestMessage } from "./request-message.server";

/** Older happenings do not trigger messages (a shopper is not told about last month's parcel). */
export const TRIGGER_MAX_AGE_MINUTES = 3 * 24 * 60;

export async function queueAutomaticMessages(db: Db, queue: Pick<JobQueue, "enqueue">, shop: string, orderId: string, now: Date): Promise<number> {
  const [order, fulfillments, shopRow, settings] = await Promise.all([
    db.orderCare.findUnique({ where: { shop_orderId: { shop, orderId } }, select: { orderId: true, placedAt: true, cancelledAt: true } }),
    db.orderFulfillment.findMany({
      where: { shop, orderId },
      select: { fulfillmentId: true, status: true, trackingNumber: true, createdAt: true, deliveredAt: true },
      orderBy: { createdAt: "asc" },
    }),
    db.shop.findUnique({ where: { shop }, select: { installedAt: true, status: true } }),
    db.shopSettings.findUnique({ where: { shop }, select: { messageTypes: true } }),
  ]);
  if (!order || !shopRow || shopRow.status !== "active") return 0;
  const due = automaticMessages({ ...order, fulfillments }, effectiveMessageSettings(settings?.messageTypes ?? null), {
    notBefore: shopRow.installedAt,
    now,
    maxAgeMinutes: TRIGGER_MAX_AGE_MINUTES,
  });
  if (due.length === 0) return 0;
  const keys = due.map((message) => messageDedupeKey({ type: message.type, orderId, reason: message.reason }));
  const existing = new Set(
    (await db.outboxMessage.findMany({ where: { shop, dedupeKey: { in: keys } }, select: { dedupeKey: true } })).map((row) => row.dedupeKey),
  );
  let queued = 0;
  for (const [index, message] of due.entries()) {
    if (existing.has(keys[index] ?? "")) continue;
    const id = await requestMessage(queue, shop, { type: message.type, orderId, reason: message.reason }, { runAt: message.sendAt > now ? message.sendAt : undefined });
    if (id) queued += 1;
  }
  return queued;
}
