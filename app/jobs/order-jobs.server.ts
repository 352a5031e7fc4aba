// The order jobs the app runs, and when: applying webhook deliveries, the 60-day backfill
// (started on install and from the Orders page), and the reconciliation every 15 minutes.
import { shopAdmin } from "./shop-admin.server";
import { z } from "zod";
import prisma from "../db.server";
import { getConfig } from "../config.server";
import { getShopSettings, importShopDetails } from "../messages/shop-settings.server";
import { applyDelivery, applyOrderEvents } from "../orders/apply-delivery.server";
import { BACKFILL_JOB, continueBackfill, getSyncStatus, requestBackfill, startBackfill } from "../sync/backfill.server";
import { RECONCILE_JOB, reconcileOrders } from "../sync/reconcile.server";
import { APPLY_DELIVERY_JOB } from "../webhooks/order-topics";
import type { JobHandlers } from "./queue";
import type { JobQueue } from "./queue.server";
import type { ScheduledJob } from "./schedule.server";

export const RECONCILE_EVERY_MS = 15 * 60_000;
/** How long to wait before looking at a running bulk export again. */
export const BACKFILL_POLL_MS = 5_000;

const DeliveryJob = z.object({ deliveryId: z.string().min(1) });

/**
 * What follows a change to an order's state (new messages to send, later the order watch):
 * queued as its own job, so that applying the change never waits for it.
 */
export type OrderChangedHook = (shop: string, orderId: string) => Promise<unknown>;

/** What follows a completed backfill (the order watch looks at every order of the shop). */
export type BackfillDoneHook = (shop: string) => Promise<unknown>;

export function orderJobHandlers(
  queue: JobQueue,
  onOrderChanged: OrderChangedHook = async () => undefined,
  onBackfillDone: BackfillDoneHook = async () => undefined,
): JobHandlers {
  return {
    async [APPLY_DELIVERY_JOB](payload, { shop }) {
      const { deliveryId } = DeliveryJob.parse(payload);
      const outcome = await applyDelivery(prisma, shop, deliveryId, new Date(), {
        // orders/edited carries the edit, not the order: the reconciliation fetches it.
        onRefetch: (tx, request) => queue.enqueue(RECONCILE_JOB, request.shop, { reason: request.reason }, { tx, singletonKey: RECONCILE_JOB }),
      });
      if (outcome.outcome === "applied" && (outcome.changed || outcome.timelineRecorded > 0)) await onOrderChanged(shop, outcome.orderId);
    },

    async [BACKFILL_JOB](_payload, { shop }) {
      const admin = await shopAdmin(shop);
      const status = await getSyncStatus(prisma, shop);
      if (status.backfill !== "running") {
        // The shop's time zone, country and currency first: the watch's business hours and the
        // dashboard's days are the shop's, not UTC's, from the first order on.
        if (!(await getShopSettings(prisma, shop)).importedAt) await importShopDetails(prisma, admin, shop, new Date());
        await startBackfill(prisma, admin, shop, new Date());
      }
      const step = await continueBackfill(prisma, admin, shop, applyOrderEvents, new Date());
      if (step.state === "waiting") {
        await queue.enqueue(BACKFILL_JOB, shop, { shop }, { runAt: new Date(Date.now() + BACKFILL_POLL_MS), singletonKey: `${BACKFILL_JOB}:${shop}` });
      }
      if (step.state === "completed") await onBackfillDone(shop);
    },

    async [RECONCILE_JOB](_payload, { shop }) {
      const admin = await shopAdmin(shop);
      await reconcileOrders(
        prisma,
        admin,
        shop,
        async (db, eventShop, events, now) => {
          const changes = await applyOrderEvents(db, eventShop, events, now);
          for (const change of changes) if (change.changed || change.timelineRecorded > 0) await onOrderChanged(eventShop, change.orderId);
          return changes;
        },
        new Date(),
      );
    },
  };
}

export const orderSchedules: ScheduledJob[] = [
  {
    name: RECONCILE_JOB,
    everyMs: RECONCILE_EVERY_MS,
    shops: async () =>
      (await prisma.orderSync.findMany({ where: { backfillStatus: "completed" }, select: { shop: true } }))
        .map((row) => row.shop),
  },
];

/** Queues the first backfill of a shop (install hook; the demo shop at start). */
export function queueBackfill(queue: JobQueue, shop: string): Promise<void> {
  return requestBackfill(shop, (name, jobShop, payload, options) => queue.enqueue(name, jobShop, payload, options));
}

/** In demo mode the demo shop never installs through OAuth: its first backfill starts here. */
export async function backfillDemoShopOnce(queue: JobQueue): Promise<void> {
  const { demo } = getConfig();
  if (!demo.enabled) return;
  const status = await getSyncStatus(prisma, demo.shop);
  if (status.backfill === "none") await queueBackfill(queue, demo.shop);
}
