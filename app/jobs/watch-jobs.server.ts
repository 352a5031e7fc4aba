// The order watch's jobs: after an order changes, its messages and flags are looked at; a
// sweep every few minutes re-evaluates the orders whose due time has come (across shops, once
// per interval whatever the number of instances); flag changes are mirrored to Shopify (tags,
// the order metafield), sent to Shopify Flow and to the staff's instant alerts.
import { shopAdmin } from "./shop-admin.server";
import { z } from "zod";
import prisma from "../db.server";
import { queueAutomaticMessages } from "../messages/automatic-messages.server";
import { queueMerchantAlert, registerDigestSection } from "../messages/merchant-notifications.server";
import { enqueueDelivery } from "../messages/request-message.server";
import { mirrorOrderFlags, sendFlowTriggers } from "../watch/flag-mirror.server";
import { flagAlert, needsAttentionDigest } from "../watch/flag-alerts.server";
import { holdForConfirmation, releaseConfirmationHold } from "../watch/fulfillment-hold.server";
import { confirmationState, evaluateOrders, sweepDueOrders, type FlagChange } from "../watch/order-watch.server";
import { getWatchSettings } from "../watch/watch-settings.server";
import { FLAG_KINDS } from "../watch/watch-rules";
import { forgetDashboardDays, markOrderDays } from "../dashboard/dashboard-days.server";
import { queueDashboardDays } from "./dashboard-jobs.server";
import { afterOrderChanged } from "./gift-jobs.server";
import type { JobHandlers } from "./queue";
import type { JobQueue } from "./queue.server";
import { ALL_SHOPS } from "./schedule";
import type { ScheduledJob } from "./schedule.server";

export const ORDER_CHANGED_JOB = "care.order-changed";
export const WATCH_SWEEP_JOB = "watch.sweep";
export const WATCH_MIRROR_JOB = "watch.mirror";
export const WATCH_NOTIFY_JOB = "watch.notify";
export const WATCH_HOLD_JOB = "watch.hold";
export const WATCH_SHOP_JOB = "watch.evaluate-shop";
export const SWEEP_EVERY_MS = 5 * 60_000;

const OrderJob = z.object({ orderId: z.string().min(1) });
const FlagKindSchema = z.enum(FLAG_KINDS as [string, ...string[]]);
const NotifyJob = z.object({
  orderId: z.string().min(1),
  raised: z.array(z.object({ kind: FlagKindSchema, reason: z.string(), dueAt: z.string() })),
  cleared: z.array(FlagKindSchema),
  confirmed: z.boolean().default(false),
});

// The staff's daily digest opens with what needs attention.
registerDigestSection("needs-attention", (db, shop) => needsAttentionDigest(db, shop));

/** What follows flag changes: the mirror (one job per order at a time) and a notification per change. */
export async function followFlagChanges(queue: Pick<JobQueue, "enqueue">, shop: string, changes: readonly FlagChange[]): Promise<void> {
  // The dashboard counts confirmations against the unconfirmed flag: the orders' days change.
  await markOrderDays(prisma, shop, changes.map((change) => change.orderId), new Date(), { neighbours: false });
  for (const change of changes) {
    await queue.enqueue(WATCH_MIRROR_JOB, shop, { orderId: change.orderId }, { singletonKey: `${WATCH_MIRROR_JOB}:${change.orderId}` });
    await queue.enqueue(WATCH_NOTIFY_JOB, shop, {
      orderId: change.orderId,
      raised: change.raised.map((flag) => ({ kind: flag.kind, reason: flag.reason, dueAt: flag.dueAt.toISOString() })),
      cleared: change.cleared,
      confirmed: false,
    });
  }
}

export function watchJobHandlers(queue: JobQueue): JobHandlers {
  return {
    async [ORDER_CHANGED_JOB](payload, { shop }) {
      const { orderId } = OrderJob.parse(payload);
      const now = new Date();
      await markOrderDays(prisma, shop, [orderId], now);
      await queueAutomaticMessages(prisma, queue, shop, orderId, now);
      // Thank-you gifts for a new or paid order, the customer's loyalty tier, redemptions of the app's codes.
      await afterOrderChanged(queue, prisma, shop, orderId, now);
      const settings = await getWatchSettings(prisma, shop);
      await followFlagChanges(queue, shop, await evaluateOrders(prisma, shop, [orderId], now, settings));
      if (settings.holdUntilConfirmed) await queue.enqueue(WATCH_HOLD_JOB, shop, { orderId }, { singletonKey: `${WATCH_HOLD_JOB}:${orderId}` });
    },

    // "Hold until confirmed": an order that needs confirming is not fulfilled before it is.
    async [WATCH_HOLD_JOB](payload, { shop }) {
      const { orderId } = OrderJob.parse(payload);
      const settings = await getWatchSettings(prisma, shop);
      const state = await confirmationState(prisma, shop, orderId, settings.rules);
      if (!state?.needed) return;
      const orderGid = `gid://shopify/Order/${orderId}`;
      if (state.confirmed) await releaseConfirmationHold(await shopAdmin(shop), orderGid);
      else if (state.open && settings.holdUntilConfirmed) await holdForConfirmation(await shopAdmin(shop), orderGid);
    },

    // After a backfill: the shop's orders are looked at at once, not at the next sweep.
    async [WATCH_SHOP_JOB](_payload, { shop }) {
      // The backfill rewrote the shop's history: the dashboard's kept days are computed again,
      // in the background, so that the merchant's first visit reads kept days.
      await forgetDashboardDays(prisma, shop);
      await queueDashboardDays(queue, shop);
      await sweepDueOrders(prisma, new Date(), { shop, onChanges: (changedShop, changes) => followFlagChanges(queue, changedShop, changes) });
    },

    async [WATCH_SWEEP_JOB]() {
      await sweepDueOrders(prisma, new Date(), { onChanges: (shop, changes) => followFlagChanges(queue, shop, changes) });
    },

    async [WATCH_MIRROR_JOB](payload, { shop }) {
      const { orderId } = OrderJob.parse(payload);
      const settings = await prisma.watchSettings.findUnique({ where: { shop }, select: { mirrorToShopify: true } });
      if (settings && !settings.mirrorToShopify) return;
      await mirrorOrderFlags(prisma, await shopAdmin(shop), shop, orderId, new Date());
    },

    async [WATCH_NOTIFY_JOB](payload, { shop }) {
      const change = NotifyJob.parse(payload);
      const now = new Date();
      // Staff alerts first (deduped, so a retry does not repeat them); a refused Flow trigger fails the job for good after.
      for (const flag of change.raised) {
        const alert = await flagAlert(prisma, shop, change.orderId, flag);
        if (!alert) continue;
        for (const messageId of await queueMerchantAlert(prisma, shop, alert, now)) await enqueueDelivery(queue, shop, messageId);
      }
      await sendFlowTriggers(await shopAdmin(shop), shop, change);
    },
  };
}

export function queueShopEvaluation(queue: Pick<JobQueue, "enqueue">, shop: string): Promise<string | null> {
  return queue.enqueue(WATCH_SHOP_JOB, shop, {}, { singletonKey: WATCH_SHOP_JOB });
}

/** Queued after an order's state changed, once per order at a time. */
export function queueOrderChanged(queue: Pick<JobQueue, "enqueue">, shop: string, orderId: string): Promise<string | null> {
  return queue.enqueue(ORDER_CHANGED_JOB, shop, { orderId }, { singletonKey: `${ORDER_CHANGED_JOB}:${orderId}` });
}

/** Queued after a confirmation (call outcome or the shopper's link): re-evaluated at once, and Flow told. */
export async function queueOrderConfirmed(queue: Pick<JobQueue, "enqueue">, shop: string, orderId: string): Promise<void> {
  await queueOrderChanged(queue, shop, orderId);
  await queue.enqueue(WATCH_HOLD_JOB, shop, { orderId }, { singletonKey: `${WATCH_HOLD_JOB}:${orderId}` });
  await queue.enqueue(WATCH_NOTIFY_JOB, shop, { orderId, raised: [], cleared: [], confirmed: true });
}

export const watchSchedules: ScheduledJob[] = [
  // One sweep across all shops per interval: it reads only the orders that fell due.
  { name: WATCH_SWEEP_JOB, everyMs: SWEEP_EVERY_MS, shops: async () => [SWEEP_SCOPE] },
];

/** The sweep's job is not one shop's: it is recorded under this name. */
export const SWEEP_SCOPE = `${ALL_SHOPS}sweep`;
