// Loads an order's care state (OrderCare, OrderFulfillment, OrderRefund rows), folds events
// into it with the pure rules of order-state.ts and writes back what changed, with the
// timeline entries the events report — all in one transaction per order.
//
// Concurrency: two workers may apply events of the same order at once (a webhook and the
// reconciliation, or two webhooks). Each transaction first takes a lock on the order:
// on PostgreSQL a transaction-scoped advisory lock on (shop, order id), which also covers
// the order whose rows do not exist yet (no row to SELECT … FOR UPDATE); on SQLite the
// driver runs one transaction at a time. The read-merge-write is therefore never
// interleaved, and the merge itself makes arrival order irrelevant. A unique violation or a
// write conflict that still slips through (another writer, a deadlock) reruns the whole
// transaction, which is safe because applying an event twice changes nothing.
import type { Prisma } from "@prisma/client";
import { getConfig } from "../config.server";
import type { Db } from "../db.server";
import type { EventSource, OrderEvent, ShipmentStatus } from "./order-snapshot";
import { applyOrderEvent, eventOrderId, sameValue, type StoredCare, type StoredFulfillment, type StoredOrder, type StoredRefund } from "./order-state";
import { mergeTimelineEntry, serializeDetail, TIMELINE_KINDS, type TimelineEntry, type TimelineEntryDetail, type TimelineKind } from "./timeline";
import { isWriteConflict } from "../db-errors";

export type Tx = Prisma.TransactionClient;

export type OrderStateChange = {
  orderId: string;
  /** Whether any OrderCare, OrderFulfillment or OrderRefund row was written. */
  changed: boolean;
  /** Timeline rows inserted, or moved to an earlier time by better knowledge. */
  timelineRecorded: number;
};

const MAX_ATTEMPTS = 4;
const EVENT_SOURCES: readonly EventSource[] = ["webhook", "backfill", "reconciliation", "merchant", "shopper"];

// --- transaction and lock ---------------------------------------------------------------------

/** Runs `work` in a transaction holding the order's lock; reruns it on a write conflict. */
export async function withOrderLock<T>(db: Db, shop: string, orderId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(
        async (tx) => {
          await lockOrder(tx, shop, orderId);
          return work(tx);
        },
        { maxWait: 15_000, timeout: 30_000 },
      );
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isWriteConflict(error)) throw error;
    }
  }
}

async function lockOrder(tx: Tx, shop: string, orderId: string): Promise<void> {
  if (getConfig().database !== "postgres") return;
  const key = `aftercare:order:${shop}:${orderId}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

// --- applying events --------------------------------------------------------------------------

/** Applies events of any orders of one shop, one transaction per order; for the backfill and reconciliation. */
export async function updateOrderStates(db: Db, shop: string, events: readonly OrderEvent[], now: Date): Promise<OrderStateChange[]> {
  const byOrder = new Map<string, OrderEvent[]>();
  for (const event of events) {
    const orderId = eventOrderId(event);
    byOrder.set(orderId, [...(byOrder.get(orderId) ?? []), event]);
  }
  const changes: OrderStateChange[] = [];
  for (const [orderId, orderEvents] of byOrder) {
    changes.push(await withOrderLock(db, shop, orderId, (tx) => applyEventsInTransaction(tx, shop, orderId, orderEvents, now)));
  }
  return changes;
}

/** Inside a transaction that holds the order's lock (withOrderLock). */
export async function applyEventsInTransaction(tx: Tx, shop: string, orderId: string, events: readonly OrderEvent[], now: Date): Promise<OrderStateChange> {
  const before = await loadStoredOrder(tx, shop, orderId);
  let state = before;
  const reported: { entry: TimelineEntry; source: EventSource }[] = [];
  for (const event of events) {
    if (eventOrderId(event) !== orderId) throw new Error(`event for order ${eventOrderId(event)} in the transaction of order ${orderId}`);
    const applied = applyOrderEvent(state, event);
    state = applied.next;
    for (const entry of applied.timeline) reported.push({ entry, source: event.source });
  }
  const changed = state === null ? false : await saveStoredOrder(tx, shop, before, state, now);
  const timelineRecorded = await recordTimeline(tx, shop, orderId, reported, now);
  return { orderId, changed, timelineRecorded };
}

// --- rows <-> state ---------------------------------------------------------------------------

const list = (text: string): string[] => text.split(",").map((item) => item.trim()).filter(Boolean);

function asSource(value: string): EventSource {
  return EVENT_SOURCES.find((source) => source === value) ?? "webhook";
}

export async function loadStoredOrder(db: Db | Tx, shop: string, orderId: string): Promise<StoredOrder | null> {
  const care = await db.orderCare.findUnique({ where: { shop_orderId: { shop, orderId } } });
  const fulfillments = await db.orderFulfillment.findMany({ where: { shop, orderId } });
  const refunds = await db.orderRefund.findMany({ where: { shop, orderId } });
  if (!care && fulfillments.length === 0 && refunds.length === 0) return null;
  const byId = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  return {
    orderId,
    care: care && {
      orderGid: care.orderGid,
      name: care.name,
      number: care.number,
      customerId: care.customerId,
      customerLocale: care.customerLocale,
      emailConsent: care.emailConsent,
      // Not stored (yet): the consent counts as of the newest snapshot applied, so an older
      // snapshot never replaces it.
      emailConsentAt: care.emailConsent === null ? null : care.shopifyUpdatedAt,
      placedAt: care.placedAt,
      paidAt: care.paidAt,
      cancelledAt: care.cancelledAt,
      closedAt: care.closedAt,
      financialStatus: care.financialStatus,
      fulfillmentStatus: care.fulfillmentStatus,
      paymentGateways: list(care.paymentGateways),
      cashOnDelivery: care.cashOnDelivery,
      shippingCountry: care.shippingCountry,
      shippingZone: care.shippingZone,
      totalPrice: care.totalPrice,
      currency: care.currency,
      tags: list(care.tags),
      shippingMethod: care.shippingMethod,
      discountCodes: list(care.discountCodes),
      shopifyUpdatedAt: care.shopifyUpdatedAt,
      lastSource: asSource(care.lastSource),
    },
    fulfillments: fulfillments
      .map(
        (row): StoredFulfillment => ({
          fulfillmentId: row.fulfillmentId,
          orderId: row.orderId,
          status: row.status,
          shipmentStatus: row.shipmentStatus as ShipmentStatus | null,
          trackingCompany: row.trackingCompany,
          trackingNumber: row.trackingNumber,
          trackingUrl: row.trackingUrl,
          estimatedDeliveryAt: row.estimatedDeliveryAt,
          // Not stored (yet): as for the consent, the newest fulfillment update applied.
          estimatedDeliveryAsOf: row.estimatedDeliveryAt === null ? null : row.shopifyUpdatedAt,
          inTransitAt: row.inTransitAt,
          deliveredAt: row.deliveredAt,
          createdAt: row.createdAt,
          shopifyUpdatedAt: row.shopifyUpdatedAt,
        }),
      )
      .sort((a, b) => byId(a.fulfillmentId, b.fulfillmentId)),
    refunds: refunds
      .map((row): StoredRefund => ({ refundId: row.refundId, orderId: row.orderId, createdAt: row.createdAt, amount: row.amount, currency: row.currency }))
      .sort((a, b) => byId(a.refundId, b.refundId)),
  };
}

function careRow(care: StoredCare) {
  return {
    orderGid: care.orderGid,
    name: care.name,
    number: care.number,
    customerId: care.customerId,
    customerLocale: care.customerLocale,
    emailConsent: care.emailConsent,
    placedAt: care.placedAt,
    paidAt: care.paidAt,
    cancelledAt: care.cancelledAt,
    closedAt: care.closedAt,
    financialStatus: care.financialStatus,
    fulfillmentStatus: care.fulfillmentStatus,
    paymentGateways: care.paymentGateways.join(","),
    cashOnDelivery: care.cashOnDelivery,
    shippingCountry: care.shippingCountry,
    shippingZone: care.shippingZone,
    totalPrice: care.totalPrice,
    currency: care.currency,
    tags: care.tags.join(","),
    shippingMethod: care.shippingMethod,
    discountCodes: care.discountCodes.join(","),
    shopifyUpdatedAt: care.shopifyUpdatedAt,
    lastSource: care.lastSource,
  };
}

function fulfillmentRow(fulfillment: StoredFulfillment) {
  return {
    orderId: fulfillment.orderId,
    status: fulfillment.status,
    shipmentStatus: fulfillment.shipmentStatus,
    trackingCompany: fulfillment.trackingCompany,
    trackingNumber: fulfillment.trackingNumber,
    trackingUrl: fulfillment.trackingUrl,
    estimatedDeliveryAt: fulfillment.estimatedDeliveryAt,
    inTransitAt: fulfillment.inTransitAt,
    deliveredAt: fulfillment.deliveredAt,
    createdAt: fulfillment.createdAt,
    shopifyUpdatedAt: fulfillment.shopifyUpdatedAt,
  };
}

function refundRow(refund: StoredRefund) {
  return { orderId: refund.orderId, createdAt: refund.createdAt, amount: refund.amount, currency: refund.currency };
}

/** Writes the rows that differ between `before` and `after`; true when any was written. */
async function saveStoredOrder(tx: Tx, shop: string, before: StoredOrder | null, after: StoredOrder, now: Date): Promise<boolean> {
  const { orderId } = after;
  // Thunks, run one after another below: the statements of one transaction go in order.
  const writes: (() => Promise<boolean>)[] = [];
  if (after.care) {
    const care = after.care;
    writes.push(() =>
      writeIfChanged(before?.care ? careRow(before.care) : null, careRow(care), {
        // watchDueAt: now — the order watch's sweep looks at a changed order again (app/watch).
        create: (data) => tx.orderCare.create({ data: { shop, orderId, ...data, updatedAt: now, watchDueAt: now } }),
        update: (data) => tx.orderCare.update({ where: { shop_orderId: { shop, orderId } }, data: { ...data, updatedAt: now, watchDueAt: now } }),
      }),
    );
  }
  for (const fulfillment of after.fulfillments) {
    const { fulfillmentId } = fulfillment;
    const stored = before?.fulfillments.find((candidate) => candidate.fulfillmentId === fulfillmentId);
    writes.push(() =>
      writeIfChanged(stored ? fulfillmentRow(stored) : null, fulfillmentRow(fulfillment), {
        create: (data) => tx.orderFulfillment.create({ data: { shop, fulfillmentId, ...data } }),
        update: (data) => tx.orderFulfillment.update({ where: { shop_fulfillmentId: { shop, fulfillmentId } }, data }),
      }),
    );
  }
  for (const refund of after.refunds) {
    const { refundId } = refund;
    const stored = before?.refunds.find((candidate) => candidate.refundId === refundId);
    writes.push(() =>
      writeIfChanged(stored ? refundRow(stored) : null, refundRow(refund), {
        create: (data) => tx.orderRefund.create({ data: { shop, refundId, ...data } }),
        update: (data) => tx.orderRefund.update({ where: { shop_refundId: { shop, refundId } }, data }),
      }),
    );
  }
  let written = false;
  for (const write of writes) written = (await write()) || written;
  return written;
}

/** Creates the row when there was none, updates it when it differs; true when it wrote. */
async function writeIfChanged<Row>(
  stored: Row | null,
  next: Row,
  write: { create: (row: Row) => Promise<unknown>; update: (row: Row) => Promise<unknown> },
): Promise<boolean> {
  if (stored === null) {
    await write.create(next);
    return true;
  }
  if (sameValue(stored, next)) return false;
  await write.update(next);
  return true;
}

// --- timeline ---------------------------------------------------------------------------------

function parseStoredDetail(detail: string | null): TimelineEntryDetail | undefined {
  if (detail === null) return undefined;
  try {
    const value: unknown = JSON.parse(detail);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as TimelineEntryDetail) : undefined;
  } catch {
    return undefined;
  }
}

const asKind = (kind: string): TimelineKind => TIMELINE_KINDS.find((known) => known === kind) ?? "placed";

/**
 * Inserts each reported entry once per (shop, order, dedupe key) with the source of the event
 * that reported it; an entry already there is moved only when the report is better by the
 * timeline's rule (an earlier time). Returns how many rows were inserted or moved.
 */
async function recordTimeline(
  tx: Tx,
  shop: string,
  orderId: string,
  reported: readonly { entry: TimelineEntry; source: EventSource }[],
  now: Date,
): Promise<number> {
  if (reported.length === 0) return 0;
  const keys = [...new Set(reported.map(({ entry }) => entry.dedupeKey))];
  const rows = await tx.timelineEvent.findMany({ where: { shop, orderId, dedupeKey: { in: keys } } });
  const stored = new Map(
    rows.map((row) => [row.dedupeKey, { id: row.id, entry: { kind: asKind(row.kind), occurredAt: row.occurredAt, detail: parseStoredDetail(row.detail), dedupeKey: row.dedupeKey } }]),
  );
  const pending = new Map<string, { id?: string; entry: TimelineEntry; source: EventSource; dirty: boolean }>();
  for (const row of stored.values()) pending.set(row.entry.dedupeKey, { id: row.id, entry: row.entry, source: "webhook", dirty: false });
  for (const { entry, source } of reported) {
    const kept = pending.get(entry.dedupeKey);
    if (!kept) {
      pending.set(entry.dedupeKey, { entry, source, dirty: true });
      continue;
    }
    const merged = mergeTimelineEntry(kept.entry, entry);
    if (merged !== kept.entry && !sameEntry(merged, kept.entry)) pending.set(entry.dedupeKey, { ...kept, entry: merged, dirty: true });
  }
  let recorded = 0;
  for (const { id, entry, source, dirty } of pending.values()) {
    if (!dirty) continue;
    const data = { kind: entry.kind, occurredAt: entry.occurredAt, detail: serializeDetail(entry.detail) };
    if (id) {
      await tx.timelineEvent.update({ where: { id }, data });
    } else {
      await tx.timelineEvent.create({ data: { shop, orderId, dedupeKey: entry.dedupeKey, source, recordedAt: now, ...data } });
    }
    recorded += 1;
  }
  return recorded;
}

function sameEntry(a: TimelineEntry, b: TimelineEntry): boolean {
  return a.kind === b.kind && a.occurredAt.getTime() === b.occurredAt.getTime() && serializeDetail(a.detail) === serializeDetail(b.detail);
}
