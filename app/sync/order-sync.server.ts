// The OrderSync row (one per shop) that backfill and reconciliation share, and the
// function both hand orders to.
import type { Db } from "../db.server";
import type { OrderEvent } from "../orders/order-snapshot";
import type { AdminClient } from "../shopify.server";

/** What applies events idempotently (newest updated_at wins): app/orders/apply-delivery.server.ts. */
export type ApplyOrderEvents = (db: Db, shop: string, events: OrderEvent[], now: Date) => Promise<unknown>;

export type AdminGraphql = Pick<AdminClient, "graphql">;

/** Whose error `lastError` holds: each process clears only its own when it next succeeds. */
export type SyncProcess = "Backfill" | "Reconciliation";

export function syncErrorMessage(process: SyncProcess, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${process}: ${message}`.slice(0, 1000);
}

export async function recordSyncError(db: Db, shop: string, process: SyncProcess, error: unknown): Promise<void> {
  const lastError = syncErrorMessage(process, error);
  await db.orderSync.upsert({ where: { shop }, create: { shop, lastError }, update: { lastError } });
}

export async function clearSyncError(db: Db, shop: string, process: SyncProcess): Promise<void> {
  await db.orderSync.updateMany({ where: { shop, lastError: { startsWith: `${process}:` } }, data: { lastError: null } });
}
