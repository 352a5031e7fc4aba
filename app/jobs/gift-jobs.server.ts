// Gifts and loyalty jobs: giving an order the gifts its rules earn (gifts.apply, per order; the
// late-order apology asks for its own), and recalculating a customer's loyalty tier
// (loyalty.recalculate, per customer), which asks for the loyalty_tier message when the customer
// moved up a tier. afterOrderChanged decides, after an order changed, which of them to queue, and
// does the database-only follow-ups at once: the app's discount codes the order used are marked
// redeemed, the packer's notes of a fulfilled order are done.
import { shopAdmin } from "./shop-admin.server";
import { z } from "zod";
import prisma, { type Db } from "../db.server";
import type { AdminClient } from "../shopify.server";
import { applyApologyGift, applyGiftsForOrder, markPackerInstructionsDone } from "../gifts/gift-grants.server";
import { loyaltyStandingChanged, recalculateCustomer, type ReachedTier } from "../loyalty/loyalty.server";
import { recordRedemptions, type Redemption } from "../loyalty/redemptions.server";
import { effectiveMessageSettings } from "../messages/message-settings";
import { requestMessage } from "../messages/request-message.server";
import type { JobHandlers } from "./queue";
import type { JobQueue } from "./queue.server";

export const GIFTS_APPLY_JOB = "gifts.apply";
export const LOYALTY_RECALCULATE_JOB = "loyalty.recalculate";

/** Gifts are given to orders placed this recently (or paid in the last day), never to old ones a sync brings in. */
export const GIFT_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

type Enqueue = Pick<JobQueue, "enqueue">;
type Admin = Pick<AdminClient, "graphql">;

const GiftsJob = z.object({ orderId: z.string().regex(/^\d+$/), trigger: z.enum(["order", "apology"]).default("order") });
const LoyaltyJob = z.object({ customerId: z.string().regex(/^\d+$/) });

export type GiftJobOptions = {
  db?: Db;
  /** The shop's Admin API client (tests hand the stand-in's). */
  adminFor?: (shop: string) => Promise<Admin>;
  now?: () => Date;
};

export function giftJobHandlers(queue: Enqueue, options: GiftJobOptions = {}): JobHandlers {
  const db = options.db ?? prisma;
  const adminFor = options.adminFor ?? shopAdmin;
  const now = options.now ?? (() => new Date());
  return {
    async [GIFTS_APPLY_JOB](payload, { shop }) {
      const { orderId, trigger } = GiftsJob.parse(payload);
      const apply = trigger === "apology" ? applyApologyGift : applyGiftsForOrder;
      await apply(db, await adminFor(shop), queue, shop, orderId, now());
    },

    async [LOYALTY_RECALCULATE_JOB](payload, { shop }) {
      const { customerId } = LoyaltyJob.parse(payload);
      const at = now();
      await recalculateCustomer(db, await adminFor(shop), shop, customerId, at, { onReached: (reached) => requestTierMessage(queue, db, shop, customerId, reached, at) });
    },
  };
}

/** The message's facts are capped to what a message request takes (a merchant's tier name is free text). */
const TIER_NAME_MAX = 80;

/**
 * Asks for the loyalty_tier message about the customer's most recent paid, not cancelled order
 * in the app (its language, consent and address are what the message is composed with), when
 * that order is recent: a tier reached by an old order (loyalty just turned on, tiers changed,
 * a sync bringing in history) is not announced to the whole customer list. Without such an
 * order nothing is sent. The reason names the tier, so each tier is told once per order. The
 * merchant's switch and the shopper's consent are applied when it is composed; the merchant's
 * delay for the type is applied here, as for the order messages. Returns the job id, or null.
 */
async function requestTierMessage(queue: Enqueue, db: Db, shop: string, customerId: string, reached: ReachedTier, now: Date): Promise<string | null> {
  const order = await db.orderCare.findFirst({
    where: { shop, customerId, paidAt: { not: null }, cancelledAt: null, placedAt: { gte: new Date(now.getTime() - GIFT_WINDOW_DAYS * DAY_MS) } },
    orderBy: [{ paidAt: "desc" }, { placedAt: "desc" }],
    select: { orderId: true },
  });
  if (!order) return null;
  const settings = await db.shopSettings.findUnique({ where: { shop }, select: { messageTypes: true } });
  const delayMinutes = effectiveMessageSettings(settings?.messageTypes ?? null).loyalty_tier.delayMinutes;
  const tierName = reached.name.trim().slice(0, TIER_NAME_MAX);
  return requestMessage(
    queue,
    shop,
    { type: "loyalty_tier", orderId: order.orderId, reason: `tier:${tierName}`, facts: { tierName, discountPercent: reached.percent }, requestedBy: "automatic" },
    delayMinutes > 0 ? { runAt: new Date(now.getTime() + delayMinutes * 60_000) } : {},
  );
}

/** Queued once per order at a time. */
export function queueGiftsForOrder(queue: Enqueue, shop: string, orderId: string): Promise<string | null> {
  return queue.enqueue(GIFTS_APPLY_JOB, shop, { orderId, trigger: "order" }, { singletonKey: `${GIFTS_APPLY_JOB}:${orderId}` });
}

/** The order watch's delay apology asks for the "late order apology" gifts of the order. */
export function queueApologyGift(queue: Enqueue, shop: string, orderId: string): Promise<string | null> {
  return queue.enqueue(GIFTS_APPLY_JOB, shop, { orderId, trigger: "apology" }, { singletonKey: `${GIFTS_APPLY_JOB}:apology:${orderId}` });
}

export function queueLoyaltyRecalculation(queue: Enqueue, shop: string, customerId: string): Promise<string | null> {
  return queue.enqueue(LOYALTY_RECALCULATE_JOB, shop, { customerId }, { singletonKey: `${LOYALTY_RECALCULATE_JOB}:${customerId}` });
}

/** After the tiers or the period changed: every customer with a paid order, or a standing to undo. */
export async function queueShopLoyaltyRecalculation(queue: Enqueue, db: Db, shop: string): Promise<number> {
  const fromOrders = await db.orderCare.findMany({ where: { shop, customerId: { not: null }, paidAt: { not: null } }, select: { customerId: true }, distinct: ["customerId"] });
  const members = await db.loyaltyMember.findMany({ where: { shop }, select: { customerId: true } });
  const customerIds = new Set([...fromOrders.map((row) => row.customerId as string), ...members.map((row) => row.customerId)]);
  for (const customerId of customerIds) await queueLoyaltyRecalculation(queue, shop, customerId);
  return customerIds.size;
}

export type AfterOrderChanged = {
  /** gifts.apply was asked for (a job already waiting for the order counts). */
  giftsQueued: boolean;
  loyaltyQueued: boolean;
  redemptions: Redemption[];
  packerNotesDone: number;
};

/**
 * Called by the order-changed job. Queues gifts.apply while the order is new (placed in the last
 * GIFT_WINDOW_DAYS, or paid in the last day), not cancelled and nothing of it fulfilled, when the
 * shop has active gift rules; queues loyalty.recalculate for its customer when their standing
 * from the app's orders (paid, cancelled, refunded) no longer matches the one recorded; records
 * the redemption of the app's discount codes the order carries; marks the packer's notes done
 * once the order is fulfilled.
 */
export async function afterOrderChanged(queue: Enqueue, db: Db, shop: string, orderId: string, now: Date = new Date()): Promise<AfterOrderChanged> {
  const outcome: AfterOrderChanged = { giftsQueued: false, loyaltyQueued: false, redemptions: [], packerNotesDone: 0 };
  const care = await db.orderCare.findUnique({
    where: { shop_orderId: { shop, orderId } },
    select: { customerId: true, placedAt: true, paidAt: true, cancelledAt: true, fulfillmentStatus: true, discountCodes: true },
  });
  if (!care) return outcome;

  const codes = care.discountCodes.split(",").map((code) => code.trim()).filter(Boolean);
  if (codes.length > 0) outcome.redemptions = await recordRedemptions(db, shop, orderId, codes, care.placedAt);
  if (care.fulfillmentStatus === "fulfilled") outcome.packerNotesDone = await markPackerInstructionsDone(db, shop, orderId, now);

  const isNew = now.getTime() - care.placedAt.getTime() <= GIFT_WINDOW_DAYS * DAY_MS || (care.paidAt !== null && now.getTime() - care.paidAt.getTime() <= DAY_MS);
  const open = care.cancelledAt === null && (care.fulfillmentStatus === null || care.fulfillmentStatus === "unfulfilled");
  if (isNew && open && (await db.giftRule.count({ where: { shop, active: true } })) > 0) {
    await queueGiftsForOrder(queue, shop, orderId);
    outcome.giftsQueued = true;
  }

  if (care.customerId && (await loyaltyStandingChanged(db, shop, care.customerId, now))) {
    await queueLoyaltyRecalculation(queue, shop, care.customerId);
    outcome.loyaltyQueued = true;
  }
  return outcome;
}
