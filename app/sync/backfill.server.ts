// The backfill: the last 60 days of orders through one bulk operation. startBackfill asks
// Shopify for the export; continueBackfill polls it and, once COMPLETED, streams the JSONL
// into `apply` in batches, recording after each batch how far it got (OrderSync
// .linesApplied), so that a crash resumes there. A batch applied but not yet recorded is
// applied again on resume, which is harmless: apply is idempotent.
import type { OrderSync } from "@prisma/client";
import type { Db } from "../db.server";
import type { OrderEvent } from "../orders/order-snapshot";
import { AdminApiError, adminQuery, assertNoUserErrors } from "../shopify/admin-graphql.server";
import { BULK_OPERATION_STATUS_QUERY } from "../shopify/graphql/bulk-operation-status";
import { ORDERS_BACKFILL_RUN_MUTATION } from "../shopify/graphql/orders-backfill-run";
import type { BulkOperationStatusQuery, OrdersBackfillRunMutation } from "../types/admin.generated";
import { backfillBulkQuery, backfillSince } from "./backfill-query";
import { orderEventOf, type BulkOrderLine, type GraphqlOrder } from "./graphql-order";
import { JsonlError, readJsonl, type JsonlLine } from "./jsonl";
import { clearSyncError, recordSyncError, syncErrorMessage, type AdminGraphql, type ApplyOrderEvents } from "./order-sync.server";

export const BACKFILL_JOB = "orders.backfill";
/** Orders per apply call and per progress update. */
export const BACKFILL_BATCH_SIZE = 50;

export type BackfillStatus = "none" | "running" | "completed" | "failed";

/** What the Orders page shows. */
export type SyncStatus = {
  backfill: BackfillStatus;
  /** Orders created on or after this date are being (or were) backfilled. */
  backfillSince: Date | null;
  backfillStartedAt: Date | null;
  backfillFinishedAt: Date | null;
  ordersApplied: number;
  lastReconciledAt: Date | null;
  lastError: string | null;
};

export type BackfillStep =
  | { state: "idle" }
  /** Shopify is still exporting: poll again later. */
  | { state: "waiting"; bulkStatus: string; objectCount: number }
  | { state: "completed"; ordersApplied: number }
  | { state: "failed"; error: string };

export type ContinueBackfillOptions = {
  /** Downloads the result file (default: global fetch). */
  fetchFile?: (url: string) => Promise<Response>;
  batchSize?: number;
};

export type EnqueueJob = (name: string, shop: string, payload: Record<string, unknown>, options: { singletonKey: string }) => Promise<unknown>;

/**
 * What the Orders page's "Sync orders now" button and the install hook call: queue the
 * backfill job, at most one per shop (the singleton key), which starts and follows it.
 */
export async function requestBackfill(shop: string, enqueue: EnqueueJob): Promise<void> {
  await enqueue(BACKFILL_JOB, shop, { shop }, { singletonKey: `${BACKFILL_JOB}:${shop}` });
}

/** Starts the bulk export of the orders created in the last 60 days; a backfill already running is left alone. */
export async function startBackfill(db: Db, admin: AdminGraphql, shop: string, now: Date): Promise<SyncStatus> {
  const existing = await db.orderSync.findUnique({ where: { shop } });
  if (existing?.backfillStatus === "running" && existing.bulkOperationId) return statusOf(existing);
  const since = backfillSince(now);
  let bulkOperationId: string;
  try {
    const data = await adminQuery<OrdersBackfillRunMutation>(admin, ORDERS_BACKFILL_RUN_MUTATION, { query: backfillBulkQuery(since) });
    assertNoUserErrors("OrdersBackfillRun", data.bulkOperationRunQuery?.userErrors);
    const operation = data.bulkOperationRunQuery?.bulkOperation;
    if (!operation) throw new AdminApiError("OrdersBackfillRun: Shopify returned no bulk operation", "OrdersBackfillRun", ["NO_DATA"]);
    bulkOperationId = operation.id;
  } catch (error) {
    const failed = { backfillStatus: "failed", backfillFinishedAt: now, lastError: syncErrorMessage("Backfill", error) };
    await db.orderSync.upsert({ where: { shop }, create: { shop, ...failed }, update: failed });
    throw error;
  }
  const started = {
    backfillStatus: "running",
    bulkOperationId,
    backfillSince: since,
    linesApplied: 0,
    ordersApplied: 0,
    backfillStartedAt: now,
    backfillFinishedAt: null,
  };
  await db.orderSync.upsert({ where: { shop }, create: { shop, ...started }, update: started });
  await clearSyncError(db, shop, "Backfill");
  return getSyncStatus(db, shop);
}

/** One look at the running backfill: wait, apply the finished export, or record why it failed. */
export async function continueBackfill(
  db: Db,
  admin: AdminGraphql,
  shop: string,
  apply: ApplyOrderEvents,
  now: Date,
  options: ContinueBackfillOptions = {},
): Promise<BackfillStep> {
  const sync = await db.orderSync.findUnique({ where: { shop } });
  if (sync?.backfillStatus !== "running" || !sync.bulkOperationId) return { state: "idle" };
  const bulkOperationId = sync.bulkOperationId;
  const { bulkOperation } = await adminQuery<BulkOperationStatusQuery>(admin, BULK_OPERATION_STATUS_QUERY, { id: bulkOperationId });
  if (!bulkOperation) return fail(db, shop, bulkOperationId, now, `Shopify no longer knows the export ${bulkOperationId}; sync again.`);
  switch (bulkOperation.status) {
    case "COMPLETED":
      break;
    case "FAILED":
      return fail(db, shop, bulkOperationId, now, `Shopify's export failed (${bulkOperation.errorCode ?? "no error code"}); sync again.`);
    case "CANCELED":
      return fail(db, shop, bulkOperationId, now, "The export was canceled before it finished; sync again.");
    case "EXPIRED":
      return fail(db, shop, bulkOperationId, now, "The export's file expired (Shopify keeps it seven days) before it was read; sync again.");
    default: // CREATED, RUNNING, CANCELING
      return { state: "waiting", bulkStatus: bulkOperation.status, objectCount: Number(bulkOperation.objectCount) };
  }
  try {
    if (bulkOperation.url) {
      const response = await (options.fetchFile ?? fetch)(bulkOperation.url);
      if (!response.ok || !response.body) throw new Error(`downloading the export failed: HTTP ${response.status}`);
      const applied = await applyLines(db, shop, bulkOperationId, apply, now, readJsonl(response.body, { afterLine: sync.linesApplied }), options.batchSize ?? BACKFILL_BATCH_SIZE);
      if (!applied) return { state: "idle" };
    }
  } catch (error) {
    await recordSyncError(db, shop, "Backfill", error);
    throw error;
  }
  // The export holds every order as of its start: reconciliation can begin there.
  const exportedAt = new Date(bulkOperation.createdAt);
  const lastReconciledAt = sync.lastReconciledAt && sync.lastReconciledAt > exportedAt ? sync.lastReconciledAt : exportedAt;
  await db.orderSync.updateMany({
    where: { shop, bulkOperationId },
    data: { backfillStatus: "completed", backfillFinishedAt: now, lastReconciledAt },
  });
  await clearSyncError(db, shop, "Backfill");
  const done = await db.orderSync.findUniqueOrThrow({ where: { shop } });
  return { state: "completed", ordersApplied: done.ordersApplied };
}

/**
 * Applies the lines in batches, recording progress after each; false when the row no
 * longer belongs to this export (a new backfill started meanwhile).
 */
async function applyLines(
  db: Db,
  shop: string,
  bulkOperationId: string,
  apply: ApplyOrderEvents,
  now: Date,
  lines: AsyncIterable<JsonlLine>,
  batchSize: number,
): Promise<boolean> {
  let events: OrderEvent[] = [];
  let lastLine = 0;
  const flush = async (): Promise<boolean> => {
    if (events.length > 0) await apply(db, shop, events, now);
    const recorded = await db.orderSync.updateMany({
      where: { shop, bulkOperationId },
      data: { linesApplied: lastLine, ordersApplied: { increment: events.length } },
    });
    events = [];
    return recorded.count === 1;
  };
  for await (const line of lines) {
    events.push(eventOfLine(line));
    lastLine = line.lineNumber;
    if (events.length >= batchSize && !(await flush())) return false;
  }
  return lastLine === 0 || (await flush());
}

function eventOfLine(line: JsonlLine): OrderEvent {
  const order = orderOfLine(line);
  try {
    return orderEventOf(order, "backfill");
  } catch (error) {
    throw new JsonlError(`cannot be read as an order (${error instanceof Error ? error.message : String(error)})`, line.lineNumber);
  }
}

/** Each line is one order (the query selects no nested connection, so there are no child lines). */
function orderOfLine(line: JsonlLine): GraphqlOrder {
  const value = line.value as Partial<BulkOrderLine> & { __parentId?: unknown };
  if (value.__parentId !== undefined) throw new JsonlError("a child line (__parentId): the backfill query selects no nested connection", line.lineNumber);
  if (typeof value.id !== "string" || !value.id.startsWith("gid://shopify/Order/")) {
    throw new JsonlError("not an order (no Order id)", line.lineNumber);
  }
  // Typed through the bulk query's generated type: this stops compiling if it drifts from the reconciliation's.
  const order: GraphqlOrder = value as BulkOrderLine;
  return order;
}

async function fail(db: Db, shop: string, bulkOperationId: string, now: Date, reason: string): Promise<BackfillStep> {
  const lastError = syncErrorMessage("Backfill", reason);
  await db.orderSync.updateMany({
    where: { shop, bulkOperationId },
    data: { backfillStatus: "failed", backfillFinishedAt: now, lastError },
  });
  return { state: "failed", error: lastError };
}

export async function getSyncStatus(db: Db, shop: string): Promise<SyncStatus> {
  const sync = await db.orderSync.findUnique({ where: { shop } });
  return sync ? statusOf(sync) : { backfill: "none", backfillSince: null, backfillStartedAt: null, backfillFinishedAt: null, ordersApplied: 0, lastReconciledAt: null, lastError: null };
}

function statusOf(sync: OrderSync): SyncStatus {
  return {
    backfill: isBackfillStatus(sync.backfillStatus) ? sync.backfillStatus : "none",
    backfillSince: sync.backfillSince,
    backfillStartedAt: sync.backfillStartedAt,
    backfillFinishedAt: sync.backfillFinishedAt,
    ordersApplied: sync.ordersApplied,
    lastReconciledAt: sync.lastReconciledAt,
    lastError: sync.lastError,
  };
}

function isBackfillStatus(value: string): value is BackfillStatus {
  return ["none", "running", "completed", "failed"].includes(value);
}
