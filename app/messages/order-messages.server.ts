// The messages of one order on its admin page: what was composed for it (sent, kept, refused
// and why), and sending one by hand — the merchant's own action, so the type's switch does not
// stop it (consent still does).
import type { Db } from "~/db.server";
import type { JobQueue } from "~/jobs/queue.server";
import type { MessageType } from "./catalog";
import { messageDedupeKey } from "./dedupe";
import { requestMessage } from "./request-message.server";
import { messageTypeName } from "./templates.server";

/** The messages a merchant can send from an order's page. */
export const MANUAL_MESSAGE_TYPES = ["order_confirmation", "dispatch_note", "delivery_check_in", "review_request", "thank_you"] as const satisfies readonly MessageType[];
export type ManualMessageType = (typeof MANUAL_MESSAGE_TYPES)[number];

export function isManualMessageType(value: unknown): value is ManualMessageType {
  return typeof value === "string" && (MANUAL_MESSAGE_TYPES as readonly string[]).includes(value);
}

export type OrderMessageRow = { id: string; type: string; typeName: string; status: string; statusReason: string | null; locale: string; createdAt: string; sentAt: string | null };

export async function listOrderMessages(db: Db, shop: string, orderId: string): Promise<OrderMessageRow[]> {
  const rows = await db.outboxMessage.findMany({
    where: { shop, orderId, audience: "shopper" },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, type: true, status: true, statusReason: true, locale: true, createdAt: true, sentAt: true },
  });
  return rows.map((row) => ({ ...row, typeName: messageTypeName(row.type), createdAt: row.createdAt.toISOString(), sentAt: row.sentAt?.toISOString() ?? null }));
}

export type SendResult = { ok: true; message: string } | { ok: false; error: string };

export async function sendOrderMessage(db: Db, queue: Pick<JobQueue, "enqueue">, shop: string, orderId: string, type: ManualMessageType): Promise<SendResult> {
  const order = await db.orderCare.findUnique({ where: { shop_orderId: { shop, orderId } }, select: { name: true, cancelledAt: true } });
  if (!order) return { ok: false, error: "This order is not in Aftercare." };
  let reason = "";
  if (type === "dispatch_note") {
    const parcel = await db.orderFulfillment.findFirst({
      where: { shop, orderId, status: "success", trackingNumber: { not: null } },
      orderBy: { createdAt: "desc" },
      select: { fulfillmentId: true },
    });
    if (!parcel) return { ok: false, error: `${order.name} has no parcel with a tracking number yet: the dispatch note would have nothing to tell.` };
    reason = parcel.fulfillmentId;
  }
  const existing = await db.outboxMessage.findUnique({ where: { shop_dedupeKey: { shop, dedupeKey: messageDedupeKey({ type, orderId, reason }) } }, select: { id: true } });
  if (existing) return { ok: false, error: `This ${messageTypeName(type).toLowerCase()} already exists for ${order.name}: open it below to see it or send it again.` };
  await requestMessage(queue, shop, { type, orderId, reason, requestedBy: "merchant" });
  return { ok: true, message: `${messageTypeName(type)} for ${order.name} is being written; it appears below and in Messages in a moment.` };
}
