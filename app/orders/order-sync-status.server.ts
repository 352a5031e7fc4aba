// Reads where the shop's order sync stands, for the Orders list banner. The sync itself (and
// its "Sync orders now" trigger) belongs to app/sync/.
import type { Db } from "../db.server";
import type { OrderSyncState } from "./order-sync-banner";

export async function readOrderSyncState(db: Db, shop: string): Promise<OrderSyncState> {
  return db.orderSync.findUnique({
    where: { shop },
    select: {
      backfillStatus: true,
      ordersApplied: true,
      backfillSince: true,
      backfillStartedAt: true,
      backfillFinishedAt: true,
      lastReconciledAt: true,
      lastError: true,
      updatedAt: true,
    },
  });
}
