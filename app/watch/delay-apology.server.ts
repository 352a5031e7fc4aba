// Acting on a late order: the delay apology to the shopper (new expected date, and if the
// merchant wants, a gift or a discount code), recorded on the order's timeline, and the flag
// marked handled. One apology per order and flag: asking again changes nothing.
import type { Db } from "~/db.server";
import type { JobQueue } from "~/jobs/queue.server";
import { queueApologyGift } from "~/jobs/gift-jobs.server";
import { requestMessage } from "~/messages/request-message.server";
import { markFlagHandled } from "./order-watch.server";
import type { FlagKind } from "./watch-rules";

export type DelayApology = {
  orderId: string;
  /** The flag it answers (late dispatch, late delivery, …): one apology per order and flag. */
  flag: FlagKind;
  expectedDelivery: Date;
  delayReason?: string | null;
  giftDescription?: string | null;
  discountCode?: string | null;
};

export type ApologyResult = { ok: true; alreadySent: boolean } | { ok: false; error: string };

export async function sendDelayApology(db: Db, queue: Pick<JobQueue, "enqueue">, shop: string, input: DelayApology, now: Date): Promise<ApologyResult> {
  const order = await db.orderCare.findUnique({ where: { shop_orderId: { shop, orderId: input.orderId } }, select: { orderId: true, cancelledAt: true } });
  if (!order) return { ok: false, error: "This order is not in Aftercare." };
  if (order.cancelledAt) return { ok: false, error: "This order is cancelled: no apology is sent." };
  if (!(input.expectedDelivery.getTime() > now.getTime())) return { ok: false, error: "The new expected delivery date must be in the future." };
  const text = (value: string | null | undefined, max: number) => value?.trim().slice(0, max) || undefined;
  const facts = {
    expectedDelivery: input.expectedDelivery.toISOString(),
    delayReason: text(input.delayReason, 300),
    giftDescription: text(input.giftDescription, 300),
    discountCode: text(input.discountCode, 64),
  };
  const dedupeKey = `apology:${input.flag}`;
  const existing = await db.timelineEvent.findUnique({ where: { shop_orderId_dedupeKey: { shop, orderId: input.orderId, dedupeKey } }, select: { id: true } });
  if (existing) return { ok: true, alreadySent: true };
  await requestMessage(queue, shop, { type: "delay_apology", orderId: input.orderId, reason: input.flag, facts: Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)), requestedBy: "merchant" });
  // A "late order apology" gift rule, if the shop has one, gives its gift with the apology.
  await queueApologyGift(queue, shop, input.orderId);
  await db.timelineEvent.create({
    data: {
      shop,
      orderId: input.orderId,
      kind: "apology_sent",
      occurredAt: now,
      source: "merchant",
      detail: JSON.stringify({ flag: input.flag, expectedDelivery: facts.expectedDelivery, ...(facts.giftDescription ? { gift: facts.giftDescription } : {}), ...(facts.discountCode ? { discountCode: facts.discountCode } : {}) }),
      dedupeKey,
      recordedAt: now,
    },
  });
  await markFlagHandled(db, shop, input.orderId, input.flag, "Delay apology sent", now);
  return { ok: true, alreadySent: false };
}
