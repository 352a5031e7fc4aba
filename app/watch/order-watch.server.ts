// Evaluating orders against the shop's watch rules and keeping their flags: one row per open
// flag (OrderFlag), raised, kept or cleared as the order moves on, and the time the order next
// needs looking at (OrderCare.watchDueAt, which the sweep reads through its index). Works in
// batches: a sweep evaluates hundreds of orders with a handful of queries.
import type { OrderFlag } from "@prisma/client";
import type { Db } from "~/db.server";
import { isPostgres } from "~/db-provider";
import { evaluateOrder, FLAG_KINDS, needsConfirmation, type Flag, type FlagKind, type WatchOrder, type WatchSettings } from "./watch-rules";
import { getWatchSettings, type ShopWatchSettings } from "./watch-settings.server";

export type FlagChange = { orderId: string; raised: Flag[]; cleared: FlagKind[]; open: FlagKind[] };

/** How many orders one batch loads and evaluates. */
export const EVALUATION_BATCH = 500;
/**
 * Shops swept side by side on PostgreSQL (the database and the evaluation overlap; more added
 * nothing on 2 cores). SQLite's one connection runs them one after the other: a batch's
 * transaction must not take in another shop's statements.
 */
const SWEEP_SHOPS_AT_ONCE = 3;

const OPEN_STATUSES = ["open", "handled", "snoozed"];

type CareRow = Awaited<ReturnType<typeof loadCare>>[number];

function loadCare(db: Db, shop: string, orderIds: readonly string[]) {
  return db.orderCare.findMany({
    where: { shop, orderId: { in: [...orderIds] } },
    select: {
      orderId: true,
      customerId: true,
      placedAt: true,
      paidAt: true,
      cancelledAt: true,
      closedAt: true,
      financialStatus: true,
      fulfillmentStatus: true,
      cashOnDelivery: true,
      totalPrice: true,
      tags: true,
      shippingCountry: true,
      shippingMethod: true,
      confirmedAt: true,
    },
  });
}

/**
 * Evaluates the given orders of one shop at `now`, writes what changed, and returns the
 * changes (for tags, Flow triggers and alerts). Orders that are not in the app are skipped.
 */
export async function evaluateOrders(db: Db, shop: string, orderIds: readonly string[], now: Date, settings?: ShopWatchSettings): Promise<FlagChange[]> {
  if (orderIds.length === 0) return [];
  const watch = settings ?? (await getWatchSettings(db, shop));
  const changes: FlagChange[] = [];
  for (let start = 0; start < orderIds.length; start += EVALUATION_BATCH) {
    changes.push(...(await evaluateBatch(db, shop, orderIds.slice(start, start + EVALUATION_BATCH), now, watch.rules)));
  }
  return changes;
}

async function evaluateBatch(db: Db, shop: string, orderIds: readonly string[], now: Date, rules: WatchSettings): Promise<FlagChange[]> {
  const [care, fulfillments, flags] = await Promise.all([
    loadCare(db, shop, orderIds),
    db.orderFulfillment.findMany({
      where: { shop, orderId: { in: [...orderIds] } },
      select: { orderId: true, fulfillmentId: true, createdAt: true, status: true, trackingNumber: true, shipmentStatus: true, shopifyUpdatedAt: true, deliveredAt: true, estimatedDeliveryAt: true },
    }),
    db.orderFlag.findMany({ where: { shop, orderId: { in: [...orderIds] }, status: { in: OPEN_STATUSES } } }),
  ]);
  const firstOrders = await firstOrderIds(db, shop, care);
  const parcelsByOrder = groupBy(fulfillments, (row) => row.orderId);
  const flagsByOrder = groupBy(flags, (row) => row.orderId);

  const changes: FlagChange[] = [];
  const dueTimes: { orderId: string; due: Date | null }[] = [];
  const writes: FlagWrites = { cleared: [], updated: [], raised: [] };
  for (const order of care) {
    const input: WatchOrder = {
      placedAt: order.placedAt,
      confirmedAt: order.confirmedAt,
      paidAt: order.paidAt,
      cancelledAt: order.cancelledAt,
      closedAt: order.closedAt,
      financialStatus: order.financialStatus,
      fulfillmentStatus: order.fulfillmentStatus,
      cashOnDelivery: order.cashOnDelivery,
      isFirstOrder: firstOrders.has(order.orderId),
      totalPrice: order.totalPrice,
      tags: order.tags.split(",").filter(Boolean),
      shippingCountry: order.shippingCountry,
      shippingMethod: order.shippingMethod,
      fulfillments: (parcelsByOrder.get(order.orderId) ?? []).map((parcel) => ({
        fulfillmentId: parcel.fulfillmentId,
        createdAt: parcel.createdAt,
        status: parcel.status,
        trackingNumber: parcel.trackingNumber,
        shipmentStatus: parcel.shipmentStatus,
        lastEventAt: parcel.shopifyUpdatedAt,
        deliveredAt: parcel.deliveredAt,
        estimatedDeliveryAt: parcel.estimatedDeliveryAt,
      })),
    };
    const result = evaluateOrder(input, rules, now);
    const stored = flagsByOrder.get(order.orderId) ?? [];
    const change = diffFlags(order.orderId, stored, result.flags, now, writes);
    // A snoozed flag is looked at again when its snooze ends.
    const snoozeEnds = stored.filter((row) => row.status === "snoozed" && row.snoozedUntil && row.snoozedUntil > now).map((row) => row.snoozedUntil as Date);
    const due = [result.nextDueAt, ...snoozeEnds].filter((date): date is Date => date !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
    dueTimes.push({ orderId: order.orderId, due });
    if (change.raised.length > 0 || change.cleared.length > 0) changes.push(change);
  }
  await writeFlags(db, shop, writes, now);
  await saveDueTimes(db, shop, dueTimes, now);
  return changes;
}

/** The batch's next due times in one statement on PostgreSQL (one transaction on SQLite). */
async function saveDueTimes(db: Db, shop: string, rows: readonly { orderId: string; due: Date | null }[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  if (isPostgres(db)) {
    await db.$executeRawUnsafe(
      `UPDATE "OrderCare" AS o
          SET "watchDueAt" = (v.due::timestamptz AT TIME ZONE 'UTC'), "watchEvaluatedAt" = ($3::timestamptz AT TIME ZONE 'UTC')
         FROM unnest($1::text[], $2::text[]) AS v(id, due)
        WHERE o."shop" = $4 AND o."orderId" = v.id`,
      rows.map((row) => row.orderId),
      rows.map((row) => row.due?.toISOString() ?? null),
      now.toISOString(),
      shop,
    );
    return;
  }
  await db.$transaction(
    rows.map((row) => db.orderCare.update({ where: { shop_orderId: { shop, orderId: row.orderId } }, data: { watchDueAt: row.due, watchEvaluatedAt: now } })),
  );
}

/** What a batch's evaluation changes in OrderFlag, written together (writeFlags). */
type FlagWrites = {
  cleared: { orderId: string; kind: FlagKind }[];
  updated: { orderId: string; kind: FlagKind; status: string; data: ReturnType<typeof flagData> }[];
  raised: { orderId: string; kind: FlagKind; data: ReturnType<typeof flagData> }[];
};

/** Compares the stored flags of one order with its evaluation; adds the writes to `writes`. */
function diffFlags(orderId: string, stored: OrderFlag[], flags: Flag[], now: Date, writes: FlagWrites): FlagChange {
  const current = new Map(flags.map((flag) => [flag.kind, flag]));
  const raised: Flag[] = [];
  const cleared: FlagKind[] = [];
  for (const row of stored) {
    const kind = row.kind as FlagKind;
    const flag = current.get(kind);
    if (!flag) {
      writes.cleared.push({ orderId, kind });
      cleared.push(kind);
      continue;
    }
    const status = row.status === "snoozed" && row.snoozedUntil && row.snoozedUntil <= now ? "open" : row.status;
    const data = flagData(flag);
    if (status !== row.status || data.reason !== row.reason || data.dueAt.getTime() !== row.dueAt.getTime() || data.fulfillmentId !== row.fulfillmentId) {
      writes.updated.push({ orderId, kind, status, data });
    }
  }
  for (const flag of flags) {
    if (stored.some((row) => row.kind === flag.kind)) continue;
    writes.raised.push({ orderId, kind: flag.kind, data: flagData(flag) });
    raised.push(flag);
  }
  return { orderId, raised, cleared, open: FLAG_KINDS.filter((kind) => current.has(kind)) };
}

/**
 * Writes a batch's flag changes: three statements on PostgreSQL whatever the batch size;
 * one transaction of single-row statements on SQLite (in-process, where that is cheap).
 * A raised flag that was cleared before starts afresh (its row is reused).
 */
async function writeFlags(db: Db, shop: string, writes: FlagWrites, now: Date): Promise<void> {
  if (isPostgres(db)) {
    const iso = (date: Date) => date.toISOString();
    const utc = (param: string) => `(${param}::timestamptz AT TIME ZONE 'UTC')`;
    if (writes.cleared.length > 0) {
      await db.$executeRawUnsafe(
        `UPDATE "OrderFlag" AS f SET "status" = 'cleared', "clearedAt" = ${utc("$3")}, "updatedAt" = ${utc("$3")}
           FROM unnest($1::text[], $2::text[]) AS v(order_id, kind)
          WHERE f."shop" = $4 AND f."orderId" = v.order_id AND f."kind" = v.kind`,
        writes.cleared.map((row) => row.orderId),
        writes.cleared.map((row) => row.kind),
        iso(now),
        shop,
      );
    }
    const rows = [...writes.updated.map((row) => ({ ...row, fresh: false })), ...writes.raised.map((row) => ({ ...row, status: "open", fresh: true }))];
    if (rows.length > 0) {
      await db.$executeRawUnsafe(
        `INSERT INTO "OrderFlag" ("shop", "orderId", "kind", "status", "reason", "reasonCode", "reasonParams", "fulfillmentId", "since", "dueAt", "raisedAt", "updatedAt")
         SELECT $1, v.order_id, v.kind, v.status, v.reason, v.reason_code, v.reason_params, v.fulfillment_id,
                (v.since::timestamptz AT TIME ZONE 'UTC'), (v.due_at::timestamptz AT TIME ZONE 'UTC'), ${utc("$12")}, ${utc("$12")}
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::boolean[])
             AS v(order_id, kind, status, reason, reason_code, reason_params, fulfillment_id, since, due_at, fresh)
         ON CONFLICT ("shop", "orderId", "kind") DO UPDATE SET
           "status" = EXCLUDED."status", "reason" = EXCLUDED."reason", "reasonCode" = EXCLUDED."reasonCode", "reasonParams" = EXCLUDED."reasonParams",
           "fulfillmentId" = EXCLUDED."fulfillmentId", "since" = EXCLUDED."since", "dueAt" = EXCLUDED."dueAt", "updatedAt" = EXCLUDED."updatedAt",
           "raisedAt" = CASE WHEN "OrderFlag"."status" = 'cleared' THEN EXCLUDED."raisedAt" ELSE "OrderFlag"."raisedAt" END,
           "clearedAt" = CASE WHEN "OrderFlag"."status" = 'cleared' THEN NULL ELSE "OrderFlag"."clearedAt" END,
           "handledAt" = CASE WHEN "OrderFlag"."status" = 'cleared' THEN NULL ELSE "OrderFlag"."handledAt" END,
           "handledNote" = CASE WHEN "OrderFlag"."status" = 'cleared' THEN NULL ELSE "OrderFlag"."handledNote" END,
           "snoozedUntil" = CASE WHEN "OrderFlag"."status" = 'cleared' THEN NULL ELSE "OrderFlag"."snoozedUntil" END`,
        shop,
        rows.map((row) => row.orderId),
        rows.map((row) => row.kind),
        rows.map((row) => row.status),
        rows.map((row) => row.data.reason),
        rows.map((row) => row.data.reasonCode),
        rows.map((row) => row.data.reasonParams),
        rows.map((row) => row.data.fulfillmentId),
        rows.map((row) => iso(row.data.since)),
        rows.map((row) => iso(row.data.dueAt)),
        rows.map((row) => row.fresh),
        iso(now),
      );
    }
    return;
  }
  const key = (orderId: string, kind: FlagKind) => ({ shop_orderId_kind: { shop, orderId, kind } });
  await db.$transaction([
    ...writes.cleared.map((row) => db.orderFlag.update({ where: key(row.orderId, row.kind), data: { status: "cleared", clearedAt: now } })),
    ...writes.updated.map((row) => db.orderFlag.update({ where: key(row.orderId, row.kind), data: { ...row.data, status: row.status } })),
    ...writes.raised.map((row) =>
      db.orderFlag.upsert({
        where: key(row.orderId, row.kind),
        create: { shop, orderId: row.orderId, kind: row.kind, ...row.data, status: "open", raisedAt: now },
        update: { ...row.data, status: "open", raisedAt: now, clearedAt: null, handledAt: null, handledNote: null, snoozedUntil: null },
      }),
    ),
  ]);
}

function flagData(flag: Flag) {
  return {
    reason: flag.reason,
    reasonCode: flag.reasonCode,
    reasonParams: JSON.stringify(flag.reasonParams),
    fulfillmentId: flag.fulfillmentId,
    since: flag.since,
    dueAt: flag.dueAt,
  };
}

/** Whether the order needs confirming under the shop's rules, and whether it is confirmed (for the fulfilment hold). */
export async function confirmationState(db: Db, shop: string, orderId: string, rules: WatchSettings): Promise<{ needed: boolean; confirmed: boolean; open: boolean } | null> {
  const [order] = await loadCare(db, shop, [orderId]);
  if (!order) return null;
  const first = await firstOrderIds(db, shop, [order]);
  const needed = needsConfirmation(
    {
      placedAt: order.placedAt, confirmedAt: order.confirmedAt, paidAt: order.paidAt, cancelledAt: order.cancelledAt, closedAt: order.closedAt,
      financialStatus: order.financialStatus, fulfillmentStatus: order.fulfillmentStatus, cashOnDelivery: order.cashOnDelivery, isFirstOrder: first.has(orderId),
      totalPrice: order.totalPrice, tags: order.tags.split(",").filter(Boolean), shippingCountry: order.shippingCountry, shippingMethod: order.shippingMethod, fulfillments: [],
    },
    rules,
  );
  const open = order.cancelledAt === null && order.closedAt === null && order.fulfillmentStatus !== "fulfilled";
  return { needed, confirmed: order.confirmedAt !== null, open };
}

/** The orders of the batch that are their customer's first (guests' orders count as first). */
async function firstOrderIds(db: Db, shop: string, care: CareRow[]): Promise<Set<string>> {
  const customers = [...new Set(care.map((order) => order.customerId).filter((id): id is string => id !== null))];
  const earliest = customers.length
    ? await db.orderCare.groupBy({ by: ["customerId"], where: { shop, customerId: { in: customers } }, _min: { placedAt: true } })
    : [];
  const firstAt = new Map(earliest.map((row) => [row.customerId, row._min.placedAt?.getTime()]));
  return new Set(care.filter((order) => order.customerId === null || firstAt.get(order.customerId) === order.placedAt.getTime()).map((order) => order.orderId));
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

export type SweepResult = { evaluated: number; changes: FlagChange[]; shops: number };

/**
 * The sweep: every order whose due time has come (watchDueAt ≤ now), shop by shop, oldest due
 * first, in batches — through the indexes (watchDueAt) to find the shops with due orders and
 * (shop, watchDueAt) to read each shop's, never a scan of all orders. `limit` bounds one run;
 * what is left is picked up by the next.
 */
export async function sweepDueOrders(
  db: Db,
  now: Date,
  options: { limit?: number; shop?: string; onChanges?: (shop: string, changes: FlagChange[]) => Promise<unknown> } = {},
): Promise<SweepResult> {
  const limit = options.limit ?? 50_000;
  let evaluated = 0;
  // Orders taken by batches still being evaluated: the limit counts them already.
  let reserved = 0;
  const changes: FlagChange[] = [];
  const dueShops = options.shop ? [{ shop: options.shop }] : await db.orderCare.groupBy({ by: ["shop"], where: { watchDueAt: { lte: now } } });
  let nextShop = 0;
  // A few shops at a time: while one batch is written, another is read and evaluated.
  const worker = async () => {
    for (let entry = dueShops[nextShop++]; entry !== undefined; entry = dueShops[nextShop++]) {
      const { shop } = entry;
      if (evaluated + reserved >= limit) return;
      const settings = await getWatchSettings(db, shop);
      for (;;) {
        const take = Math.min(EVALUATION_BATCH, limit - evaluated - reserved);
        if (take <= 0) break;
        reserved += take;
        try {
          const due = await db.orderCare.findMany({ where: { shop, watchDueAt: { lte: now } }, orderBy: { watchDueAt: "asc" }, take, select: { orderId: true } });
          if (due.length === 0) break;
          const shopChanges = await evaluateOrders(db, shop, due.map((row) => row.orderId), now, settings);
          evaluated += due.length;
          changes.push(...shopChanges);
          if (shopChanges.length > 0) await options.onChanges?.(shop, shopChanges);
          if (due.length < take) break;
        } finally {
          reserved -= take;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(isPostgres(db) ? SWEEP_SHOPS_AT_ONCE : 1, dueShops.length) }, worker));
  return { evaluated, changes, shops: dueShops.length };
}

// --- merchant actions --------------------------------------------------------------------------

/** "Handled": the flag stays out of the list until the order raises it again later. */
export async function markFlagHandled(db: Db, shop: string, orderId: string, kind: FlagKind, note: string | null, now: Date): Promise<boolean> {
  const { count } = await db.orderFlag.updateMany({
    where: { shop, orderId, kind, status: { in: ["open", "snoozed"] } },
    data: { status: "handled", handledAt: now, handledNote: note?.slice(0, 1000) ?? null, snoozedUntil: null },
  });
  if (count > 0) await recordMerchantEvent(db, shop, orderId, "flag_handled", now, { flag: kind, ...(note ? { note: note.slice(0, 500) } : {}) });
  return count > 0;
}

/** Out of the list until `until`, then open again if the order still has it. */
export async function snoozeFlag(db: Db, shop: string, orderId: string, kind: FlagKind, until: Date, now: Date): Promise<boolean> {
  if (until <= now) return false;
  const { count } = await db.orderFlag.updateMany({ where: { shop, orderId, kind, status: { in: ["open", "snoozed"] } }, data: { status: "snoozed", snoozedUntil: until } });
  if (count === 0) return false;
  await db.orderCare.updateMany({ where: { shop, orderId, OR: [{ watchDueAt: null }, { watchDueAt: { gt: until } }] }, data: { watchDueAt: until } });
  await recordMerchantEvent(db, shop, orderId, "flag_snoozed", now, { flag: kind, until: until.toISOString() });
  return true;
}

export type CallOutcome = "confirmed" | "address_corrected" | "no_answer" | "customer_cancels";

/**
 * The result of a confirmation call (or of the shopper's confirm link: via "shopper_link").
 * Confirmed and address-corrected orders are confirmed; "no answer" sets when to try again;
 * "customer cancels" is recorded for the merchant to cancel the order in Shopify.
 */
export async function recordConfirmation(
  db: Db,
  shop: string,
  orderId: string,
  input: { outcome: CallOutcome; via: "phone" | "shopper_link" | "merchant"; note?: string | null; retryAt?: Date | null },
  now: Date,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const order = await db.orderCare.findUnique({ where: { shop_orderId: { shop, orderId } }, select: { confirmedAt: true } });
  if (!order) return { ok: false, error: "This order is not in Aftercare." };
  const note = input.note?.trim().slice(0, 1000) || undefined;
  switch (input.outcome) {
    case "confirmed":
    case "address_corrected":
      await markOrderConfirmed(db, shop, orderId, input.via, now);
      await recordMerchantEvent(db, shop, orderId, "confirmed", now, { via: input.via, outcome: input.outcome, ...(note ? { note } : {}) }, input.via === "shopper_link" ? "shopper" : "merchant", "confirmed");
      return { ok: true };
    case "no_answer": {
      if (!input.retryAt || input.retryAt <= now) return { ok: false, error: "Choose when to call again (a time in the future)." };
      await db.orderCare.update({ where: { shop_orderId: { shop, orderId } }, data: { callRetryAt: input.retryAt } });
      await recordMerchantEvent(db, shop, orderId, "confirmation_call", now, { outcome: "no_answer", retryAt: input.retryAt.toISOString(), ...(note ? { note } : {}) });
      return { ok: true };
    }
    case "customer_cancels":
      await recordMerchantEvent(db, shop, orderId, "cancellation_requested", now, { via: input.via, ...(note ? { note } : {}) });
      return { ok: true };
  }
}

/** The order is confirmed (first confirmation wins); the watch looks at it again at once. */
export async function markOrderConfirmed(db: Db, shop: string, orderId: string, via: "phone" | "shopper_link" | "merchant", now: Date): Promise<boolean> {
  const { count } = await db.orderCare.updateMany({
    where: { shop, orderId, confirmedAt: null },
    data: { confirmedAt: now, confirmedVia: via, callRetryAt: null, watchDueAt: now },
  });
  return count === 1;
}

async function recordMerchantEvent(
  db: Db,
  shop: string,
  orderId: string,
  kind: string,
  now: Date,
  detail: Record<string, string>,
  source: "merchant" | "shopper" = "merchant",
  dedupeKey = `${kind}:${now.toISOString()}`,
): Promise<void> {
  await db.timelineEvent.upsert({
    where: { shop_orderId_dedupeKey: { shop, orderId, dedupeKey } },
    create: { shop, orderId, kind, occurredAt: now, source, detail: JSON.stringify(detail), dedupeKey, recordedAt: now },
    update: {},
  });
}

// --- reading -----------------------------------------------------------------------------------

/** Open flags of the shop by kind, for the counts on "Needs attention". */
export async function countOpenFlags(db: Db, shop: string): Promise<Record<FlagKind, number>> {
  const rows = await db.orderFlag.groupBy({ by: ["kind"], where: { shop, status: "open" }, _count: { _all: true } });
  const counts = Object.fromEntries(FLAG_KINDS.map((kind) => [kind, 0])) as Record<FlagKind, number>;
  for (const row of rows) if (row.kind in counts) counts[row.kind as FlagKind] = row._count._all;
  return counts;
}
