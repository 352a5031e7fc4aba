// Reconciliation: what webhooks may have missed. Asks for the orders updated since the
// last run (a little before, for Shopify's search index lag; the last 60 days the first
// time), oldest update first, a page at a time; applies each page and moves
// OrderSync.lastReconciledAt to the newest updatedAt seen, so a run cut short resumes
// after what it applied. Paces itself on extensions.cost.throttleStatus and, when
// THROTTLED anyway, waits for the bucket to refill and asks again.
import type { Db } from "../db.server";
import { AdminApiError, adminQueryWithCost, type QueryCost } from "../shopify/admin-graphql.server";
import { ORDERS_RECONCILE_QUERY } from "../shopify/graphql/orders-reconcile";
import type { OrdersReconcileQuery } from "../types/admin.generated";
import { backfillSince } from "./backfill-query";
import { orderEventOf } from "./graphql-order";
import { clearSyncError, recordSyncError, type AdminGraphql, type ApplyOrderEvents } from "./order-sync.server";
import { msUntilAvailable, throttledBackoffMs } from "./throttle";

export const RECONCILE_JOB = "orders.reconcile";
/**
 * Orders a page. Each is priced at 56 points (6 for the order and its objects, 10
 * fulfillments × 2, 10 refunds × 3), so a page requests 2 + 16 × 56 = 898 of the
 * 1000-point single-query limit; it is charged for what it returns, usually far less.
 */
export const RECONCILE_PAGE_SIZE = 16;
/** Asked again from this long before the last run's newest update (search index lag, equal timestamps). */
export const RECONCILE_OVERLAP_MS = 5 * 60_000;
/** THROTTLED answers in a row before giving up (the job retries later). */
export const MAX_THROTTLED_RETRIES = 8;

export type ReconcileOptions = {
  /** Waits between calls; inject a fake in tests. */
  sleep?: (ms: number) => Promise<void>;
  pageSize?: number;
};

export type ReconcileResult = {
  /** Orders updated after this were asked for. */
  since: Date;
  pages: number;
  ordersApplied: number;
  /** THROTTLED answers that were waited out and asked again. */
  throttledRetries: number;
  /** Time spent waiting for the bucket, in ms. */
  waitedMs: number;
  lastReconciledAt: Date | null;
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function reconcileSearch(since: Date): string {
  return `updated_at:>'${since.toISOString()}'`;
}

export async function reconcileOrders(
  db: Db,
  admin: AdminGraphql,
  shop: string,
  apply: ApplyOrderEvents,
  now: Date,
  options: ReconcileOptions = {},
): Promise<ReconcileResult> {
  const sleep = options.sleep ?? realSleep;
  const sync = await db.orderSync.findUnique({ where: { shop } });
  let cursor = sync?.lastReconciledAt ?? null;
  const since = cursor ? new Date(cursor.getTime() - RECONCILE_OVERLAP_MS) : backfillSince(now);
  const result: ReconcileResult = { since, pages: 0, ordersApplied: 0, throttledRetries: 0, waitedMs: 0, lastReconciledAt: cursor };
  const wait = async (ms: number) => {
    result.waitedMs += ms;
    await sleep(ms);
  };
  const variables = { first: options.pageSize ?? RECONCILE_PAGE_SIZE, after: null as string | null, query: reconcileSearch(since) };
  try {
    for (;;) {
      const { data, cost } = await askPatiently(admin, variables, wait, () => (result.throttledRetries += 1));
      const orders = data.orders.nodes;
      if (orders.length > 0) await apply(db, shop, orders.map((order) => orderEventOf(order, "reconciliation")), now);
      result.pages += 1;
      result.ordersApplied += orders.length;
      const newest = orders.reduce<Date | null>((latest, order) => {
        const updatedAt = new Date(order.updatedAt);
        return !latest || updatedAt > latest ? updatedAt : latest;
      }, null);
      if (newest && (!cursor || newest > cursor)) {
        cursor = newest;
        await db.orderSync.upsert({ where: { shop }, create: { shop, lastReconciledAt: cursor }, update: { lastReconciledAt: cursor } });
      }
      if (!data.orders.pageInfo.hasNextPage || !data.orders.pageInfo.endCursor) break;
      variables.after = data.orders.pageInfo.endCursor;
      // Pace: the next page costs about what this one was priced at.
      if (cost) {
        const pause = msUntilAvailable(cost.throttleStatus, cost.requestedQueryCost);
        if (pause > 0) await wait(pause);
      }
    }
  } catch (error) {
    await recordSyncError(db, shop, "Reconciliation", error);
    throw error;
  }
  await clearSyncError(db, shop, "Reconciliation");
  return { ...result, lastReconciledAt: cursor };
}

/** One page; a THROTTLED answer is waited out (as long as its cost says) and asked again. */
async function askPatiently(
  admin: AdminGraphql,
  variables: Record<string, unknown>,
  wait: (ms: number) => Promise<void>,
  onThrottled: () => void,
): Promise<{ data: OrdersReconcileQuery; cost: QueryCost | null }> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await adminQueryWithCost<OrdersReconcileQuery>(admin, ORDERS_RECONCILE_QUERY, variables);
    } catch (error) {
      if (!(error instanceof AdminApiError) || !error.throttled || attempt >= MAX_THROTTLED_RETRIES) throw error;
      onThrottled();
      await wait(throttledBackoffMs(attempt, error.cost?.throttleStatus ?? null, error.cost?.requestedQueryCost ?? null));
    }
  }
}
