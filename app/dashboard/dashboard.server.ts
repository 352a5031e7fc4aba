// The dashboard's data: every figure of a period and of the period before, summed up by the
// database (counts, and histograms of durations), never one row per order in memory. Raw SQL
// where Prisma cannot aggregate (durations, the dispatch due time, local days); each query is
// bounded by `shop` and the period's dates, on the (shop, placedAt) index.
import type { Db } from "~/db.server";
import { isPostgres } from "~/db-provider";
import { localDateTime } from "~/watch/business-calendar";
import { deliveryZone, dispatchBusinessDays, type DeliveryZone, type WatchSettings } from "~/watch/watch-rules";
import { getWatchSettings } from "~/watch/watch-settings.server";
import {
  dailySeries,
  dashboardFigures,
  dispatchDistribution,
  emptyAggregates,
  mergeHistograms,
  returnsByReason,
  type FigureGroup,
  type Histogram,
  type OpenFlags,
  type OrderSet,
  type PeriodAggregates,
} from "./indicators";
import { dispatchDueSegments } from "./dispatch-due";
import { parsePeriod, periodDates, periodParams, type DashboardPeriod, type Period } from "./period";

const MINUTE_MS = 60_000;
const QUARTER_HOUR_MS = 15 * MINUTE_MS;
/** Flags counted as "late" in "Late orders open now". */
const LATE_FLAG_KINDS = ["late_dispatch", "late_delivery"];

export type Dashboard = {
  shop: string;
  period: DashboardPeriod;
  /** The query string that chooses this period (for the export and links). */
  periodQuery: string;
  currency: string;
  timeZone: string;
  groups: FigureGroup[];
  charts: {
    ordersPerDay: { date: string; count: number; previousDate: string; previousCount: number }[];
    dispatchTimes: { id: string; label: string; count: number; previousCount: number }[];
    returnReasons: { reason: string; label: string; count: number; previousCount: number }[];
  };
  /** false when the shop has no order at all yet. */
  hasOrders: boolean;
};

/** The dashboard for `?period=…` at `now` (the route's loader calls this). */
export async function loadDashboard(db: Db, shop: string, params: URLSearchParams, options: { now: Date }): Promise<Dashboard> {
  const [{ rules }, settings, anyOrder] = await Promise.all([
    getWatchSettings(db, shop),
    db.shopSettings.findUnique({ where: { shop }, select: { currency: true } }),
    db.orderCare.findFirst({ where: { shop }, select: { orderId: true } }),
  ]);
  const timeZone = rules.calendar.timeZone;
  const period = parsePeriod(params, options.now, timeZone);
  const [current, previous, flags] = anyOrder
    ? await Promise.all([periodAggregates(db, shop, period.current, rules, options.now), periodAggregates(db, shop, period.previous, rules, options.now), openFlags(db, shop)])
    : [emptyAggregates(), emptyAggregates(), await openFlags(db, shop)];

  const days = dailySeries(periodDates(period.current), current.ordersPerDay);
  const daysBefore = dailySeries(periodDates(period.previous), previous.ordersPerDay);
  const dispatchBefore = dispatchDistribution(previous.dispatch.minutes);
  const reasonsBefore = returnsByReason(previous.returns.byReason);
  return {
    shop,
    period,
    periodQuery: periodParams(period).toString(),
    currency: settings?.currency ?? "USD",
    timeZone,
    groups: dashboardFigures(current, previous, flags),
    charts: {
      ordersPerDay: days.map((day, index) => ({ date: day.date, count: day.count, previousDate: daysBefore[index]?.date ?? "", previousCount: daysBefore[index]?.count ?? 0 })),
      dispatchTimes: dispatchDistribution(current.dispatch.minutes).map((bucket, index) => ({ ...bucket, previousCount: dispatchBefore[index]?.count ?? 0 })),
      returnReasons: returnsByReason(current.returns.byReason).map((row, index) => ({ reason: row.reason, label: row.label, count: row.count, previousCount: reasonsBefore[index]?.count ?? 0 })),
    },
    hasOrders: anyOrder !== null,
  };
}

// --- SQL, for both databases ----------------------------------------------------------------

/**
 * Writes SQL once for both databases: `$n` parameters, durations in epoch milliseconds. Prisma
 * stores DateTime on SQLite as ISO text ("2026-11-19T09:00:00.000+00:00", which compares in
 * time order), on PostgreSQL as timestamp(3) in UTC.
 */
type Dialect = {
  postgres: boolean;
  /** A DateTime column as epoch milliseconds. */
  ms: (column: string) => string;
  /** The `$n` parameter holding an instant, comparable with DateTime columns. */
  at: (n: number) => string;
  /** An instant as the value of an `at` parameter. */
  instant: (date: Date) => string | number;
  greatest: string;
  query: <T>(sql: string, ...values: unknown[]) => Promise<T[]>;
};

function dialectOf(db: Db): Dialect {
  const postgres = isPostgres(db);
  return {
    postgres,
    ms: (column) => (postgres ? `CAST(date_part('epoch', ${column}) * 1000 AS BIGINT)` : `CAST(ROUND((julianday(${column}) - 2440587.5) * 86400000) AS INTEGER)`),
    at: (n) => (postgres ? `($${n}::timestamptz AT TIME ZONE 'UTC')` : `$${n}`),
    instant: (date) => (postgres ? date.toISOString() : date.toISOString().replace("Z", "+00:00")),
    greatest: postgres ? "GREATEST" : "MAX",
    query: <T>(sql: string, ...values: unknown[]) => {
      if (postgres) return db.$queryRawUnsafe<T[]>(sql, ...values);
      // SQLite's driver binds `?` in order: each `$n` becomes one, with its value.
      const ordered: unknown[] = [];
      const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
        ordered.push(values[Number(n) - 1]);
        return "?";
      });
      return db.$queryRawUnsafe<T[]>(text, ...ordered);
    },
  };
}

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** When an order is ready for dispatch (as the watch counts it): placed, confirmed or paid (not for cash on delivery), the latest. */
function readyAtSql(sql: Dialect): string {
  const placed = sql.ms(`o."placedAt"`);
  return `${sql.greatest}(${placed}, COALESCE(${sql.ms(`o."confirmedAt"`)}, ${placed}), CASE WHEN o."cashOnDelivery" THEN ${placed} ELSE COALESCE(${sql.ms(`o."paidAt"`)}, ${placed}) END)`;
}

function valuesTable(name: string, columns: string[], rows: number[][]): string {
  return `${name}(${columns.join(", ")}) AS (VALUES ${rows.map((row) => `(${row.map((value) => `CAST(${Math.trunc(value)} AS BIGINT)`).join(", ")})`).join(", ")})`;
}

/** Orders of the shop placed in the period: `$1` shop, `$2`/`$3` the period. */
function periodOrders(sql: Dialect): string {
  return `o."shop" = $1 AND o."placedAt" >= ${sql.at(2)} AND o."placedAt" < ${sql.at(3)}`;
}

export async function periodAggregates(db: Db, shop: string, period: Period, settings: WatchSettings, now: Date): Promise<PeriodAggregates> {
  const sql = dialectOf(db);
  const bounds = [shop, sql.instant(period.start), sql.instant(period.end)] as const;
  const inPeriod = { gte: period.start, lt: period.end };

  const [perQuarter, dispatch, confirmation, confirmMinutes, delivery, returned, reasons, customers, checkIns, messages, gifts, issued, redeemed] =
    await Promise.all([
      sql.query<{ slot: unknown; orders: unknown; cancelled: unknown }>(
        `SELECT CAST(${sql.ms(`o."placedAt"`)} / ${QUARTER_HOUR_MS} AS BIGINT) AS slot, COUNT(*) AS orders, SUM(CASE WHEN o."cancelledAt" IS NULL THEN 0 ELSE 1 END) AS cancelled
           FROM "OrderCare" o WHERE ${periodOrders(sql)} GROUP BY 1`,
        ...bounds,
      ),
      dispatchFigures(db, sql, shop, period, settings, now),
      sql.query<{ needed: unknown; confirmed: unknown; within: unknown }>(
        `SELECT COUNT(*) AS needed, SUM(CASE WHEN c.confirmed = 1 THEN 1 ELSE 0 END) AS confirmed, SUM(CASE WHEN c.confirmed = 1 AND c.flagged = 0 THEN 1 ELSE 0 END) AS within
           FROM (SELECT CASE WHEN o."confirmedAt" IS NULL THEN 0 ELSE 1 END AS confirmed,
                        CASE WHEN EXISTS (SELECT 1 FROM "OrderFlag" f WHERE f."shop" = o."shop" AND f."orderId" = o."orderId" AND f."kind" = 'unconfirmed') THEN 1 ELSE 0 END AS flagged
                   FROM "OrderCare" o WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL) c
          WHERE c.confirmed = 1 OR c.flagged = 1`,
        ...bounds,
      ),
      sql.query<{ minutes: unknown; count: unknown }>(
        `SELECT CAST(${sql.greatest}(0, ${sql.ms(`o."confirmedAt"`)} - ${sql.ms(`o."placedAt"`)}) / 300000 AS BIGINT) * 5 AS minutes, COUNT(*) AS count
           FROM "OrderCare" o WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL AND o."confirmedAt" IS NOT NULL GROUP BY 1`,
        ...bounds,
      ),
      sql.query<{ country: string | null; minutes: unknown; count: unknown }>(
        `SELECT o."shippingCountry" AS country, CAST(${sql.greatest}(0, ${sql.ms(`f."deliveredAt"`)} - ${sql.ms(`f."createdAt"`)}) / 3600000 AS BIGINT) * 60 AS minutes, COUNT(*) AS count
           FROM "OrderCare" o JOIN "OrderFulfillment" f ON f."shop" = o."shop" AND f."orderId" = o."orderId"
          WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL AND f."status" = 'success' AND f."deliveredAt" IS NOT NULL
          GROUP BY 1, 2`,
        ...bounds,
      ),
      sql.query<{ count: unknown }>(
        `SELECT COUNT(*) AS count FROM "OrderCare" o
          WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL
            AND EXISTS (SELECT 1 FROM "ReturnCase" r WHERE r."shop" = o."shop" AND r."orderId" = o."orderId" AND r."status" <> 'cancelled')`,
        ...bounds,
      ),
      db.returnCase.groupBy({ by: ["reason"], where: { shop, requestedAt: inPeriod, status: { not: "cancelled" } }, _count: { _all: true } }),
      sql.query<{ customers: unknown; repeat: unknown; orders: unknown }>(
        `SELECT COUNT(*) AS customers, SUM(c.here) AS orders, SUM(CASE WHEN c.here > 1 OR c.before > 0 THEN 1 ELSE 0 END) AS repeat
           FROM (${customerOrders(sql)}) c WHERE c.here > 0`,
        ...bounds,
      ),
      db.timelineEvent.groupBy({ by: ["detail"], where: { shop, kind: "checked_in", occurredAt: inPeriod }, _count: { _all: true } }),
      db.outboxMessage.groupBy({ by: ["status", "type"], where: { shop, audience: "shopper", createdAt: inPeriod }, _count: { _all: true } }),
      db.giftGrant.groupBy({ by: ["cost"], where: { shop, createdAt: inPeriod, status: { not: "failed" } }, _count: { _all: true } }),
      db.issuedDiscountCode.count({ where: { shop, issuedAt: inPeriod } }),
      db.issuedDiscountCode.count({ where: { shop, redeemedAt: inPeriod } }),
    ]);

  const perDay = new Map<string, number>();
  let orders = 0;
  let cancelled = 0;
  for (const row of perQuarter) {
    const date = localDateTime(period.timeZone, new Date(num(row.slot) * QUARTER_HOUR_MS)).date;
    perDay.set(date, (perDay.get(date) ?? 0) + num(row.orders));
    orders += num(row.orders);
    cancelled += num(row.cancelled);
  }
  const byZone: Record<DeliveryZone, Histogram[]> = { domestic: [], region: [], international: [] };
  for (const row of delivery) byZone[deliveryZone(row.country, settings)].push([{ minutes: num(row.minutes), count: num(row.count) }]);
  const answers = { arrivedWell: 0, problem: 0 };
  for (const row of checkIns) {
    const answer = checkInAnswer(row.detail);
    if (answer === "arrived_well") answers.arrivedWell += row._count._all;
    if (answer === "problem") answers.problem += row._count._all;
  }
  const histogram = (rows: { minutes: unknown; count: unknown }[]): Histogram => mergeHistograms(rows.map((row) => ({ minutes: num(row.minutes), count: num(row.count) })));
  return {
    orders,
    cancelledOrders: cancelled,
    ordersPerDay: [...perDay].map(([date, count]) => ({ date, count })),
    dispatch: {
      due: dispatch.reduce((sum, row) => sum + (num(row.due) === 1 ? num(row.count) : 0), 0),
      onTime: dispatch.reduce((sum, row) => sum + (num(row.on_time) === 1 ? num(row.count) : 0), 0),
      minutes: histogram(dispatch.filter((row) => row.minutes !== null)),
    },
    confirmation: { needed: num(confirmation[0]?.needed), confirmed: num(confirmation[0]?.confirmed), withinSla: num(confirmation[0]?.within), minutes: histogram(confirmMinutes) },
    delivery: { domestic: mergeHistograms(...byZone.domestic), region: mergeHistograms(...byZone.region), international: mergeHistograms(...byZone.international) },
    returns: { ordersWithReturn: num(returned[0]?.count), byReason: reasons.map((row) => ({ reason: row.reason, count: row._count._all })) },
    customers: { customers: num(customers[0]?.customers), repeat: num(customers[0]?.repeat), orders: num(customers[0]?.orders) },
    checkIns: answers,
    reviewRequestsSent: messages.filter((row) => row.type === "review_request" && row.status === "sent").reduce((sum, row) => sum + row._count._all, 0),
    messages: messages.map((row) => ({ status: row.status, count: row._count._all })),
    gifts: { given: gifts.reduce((sum, row) => sum + row._count._all, 0), cost: gifts.map((row) => ({ cost: row.cost, count: row._count._all })) },
    discountCodes: { issued, redeemed },
  };
}

/**
 * Each customer's orders (not cancelled) in the period (`here`) and before it (`before`): one
 * pass over the shop's orders up to the period's end, cheaper than a look-up per customer.
 */
function customerOrders(sql: Dialect): string {
  return `SELECT o."customerId" AS customer, SUM(CASE WHEN o."placedAt" >= ${sql.at(2)} THEN 1 ELSE 0 END) AS here, SUM(CASE WHEN o."placedAt" < ${sql.at(2)} THEN 1 ELSE 0 END) AS before
            FROM "OrderCare" o WHERE o."shop" = $1 AND o."placedAt" < ${sql.at(3)} AND o."cancelledAt" IS NULL AND o."customerId" IS NOT NULL
           GROUP BY o."customerId"`;
}

function checkInAnswer(detail: string | null): string | null {
  if (detail === null) return null;
  try {
    const value = JSON.parse(detail) as { answer?: unknown };
    return typeof value.answer === "string" ? value.answer : null;
  } catch {
    return null;
  }
}

/**
 * Orders of the period, not cancelled, with their ready time and first parcel (`$1`–`$3`).
 * Parcels leave after the order is placed, so only the period's parcels are read.
 */
function dispatchedOrders(sql: Dialect, extraColumns = ""): string {
  return `SELECT o."orderId" AS order_id, ${readyAtSql(sql)} AS ready_ms${extraColumns}, ${sql.ms("fp.first_at")} AS first_ms
            FROM "OrderCare" o
            LEFT JOIN (SELECT f."orderId" AS order_id, MIN(f."createdAt") AS first_at FROM "OrderFulfillment" f
                        WHERE f."shop" = $1 AND f."status" = 'success' AND f."createdAt" >= ${sql.at(2)} GROUP BY f."orderId") fp ON fp.order_id = o."orderId"
           WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL`;
}

/** Statuses after which nothing is waited for before dispatch, or nothing is dispatched any more. */
const NOT_DUE_PAYMENT = ["pending", "partially_paid"];
const ENDED_PAYMENT = ["voided", "expired", "refunded"];

/**
 * Each order of the period (not cancelled) with its dispatch due time (`d.due_ms`), first
 * parcel (`d.first_ms`) and whether dispatch is not awaited (`d.waiting`: unpaid, voided…):
 * a WITH clause and the FROM that joins them. Parameters `$1`–`$3`, and `$4` now.
 */
async function dueOrdersSql(db: Db, sql: Dialect, shop: string, period: Period, settings: WatchSettings, now: Date): Promise<{ with: string; from: string }> {
  const fallback = Math.trunc(settings.dispatch.withinBusinessDays);
  let delayCase = String(fallback);
  const delays = [fallback];
  if (settings.dispatch.byShippingMethod.length > 0) {
    const methods = await db.orderCare.groupBy({ by: ["shippingMethod"], where: { shop, placedAt: { gte: period.start, lt: period.end }, shippingMethod: { not: null } } });
    const cases: string[] = [];
    for (const { shippingMethod } of methods) {
      if (shippingMethod === null) continue;
      const days = Math.trunc(dispatchBusinessDays(shippingMethod, settings));
      if (days === fallback) continue;
      delays.push(days);
      cases.push(`WHEN '${shippingMethod.replaceAll("'", "''")}' THEN ${days}`);
    }
    if (cases.length > 0) delayCase = `CASE o."shippingMethod" ${cases.join(" ")} ELSE ${fallback} END`;
  }
  const segments = dispatchDueSegments(settings, period.start, now, delays);
  const payment = `LOWER(COALESCE(o."financialStatus", ''))`;
  const list = (values: string[]) => values.map((value) => `'${value}'`).join(", ");
  const waiting = `CASE WHEN ${payment} IN (${list(ENDED_PAYMENT)}) OR (NOT o."cashOnDelivery" AND ${payment} IN (${list(NOT_DUE_PAYMENT)})) THEN 1 ELSE 0 END`;
  const orders = `d AS MATERIALIZED (${dispatchedOrders(sql, `, ${delayCase} AS delay, ${waiting} AS waiting`)})`;
  if (sql.postgres) {
    // A binary search per order (width_bucket over the segments' bounds) rather than a range join.
    const dueOf = (days: number) => {
      const own = segments.filter((segment) => segment.days === days);
      const bounds = own.slice(0, -1).map((segment) => Math.trunc(segment.toMs));
      return `(ARRAY[${own.map((segment) => Math.trunc(segment.dueMs)).join(",")}]::bigint[])[width_bucket(d.ready_ms, ARRAY[${bounds.join(",")}]::bigint[]) + 1]`;
    };
    const delaysInUse = [...new Set(delays)];
    const due = delaysInUse.length === 1 ? dueOf(fallback) : `CASE d.delay ${delaysInUse.map((days) => `WHEN ${days} THEN ${dueOf(days)}`).join(" ")} END`;
    return { with: `WITH ${orders}`, from: `FROM (SELECT d.*, ${due} AS due_ms FROM d) d` };
  }
  return {
    with: `WITH ${valuesTable("seg", ["days", "from_ms", "to_ms", "due_ms"], segments.map((s) => [s.days, s.fromMs, s.toMs, s.dueMs]))}, ${orders}`,
    from: `FROM (SELECT d.*, seg.due_ms FROM d JOIN seg ON seg.days = d.delay AND d.ready_ms >= seg.from_ms AND d.ready_ms < seg.to_ms) d`,
  };
}

const NOW_PARAM = "CAST($4 AS BIGINT)";

/**
 * Dispatch in one pass: orders counted by time to their first parcel (5-minute steps; null when
 * not dispatched), whether they were due (dispatched, or past due and not waiting), and whether
 * on time.
 */
async function dispatchFigures(db: Db, sql: Dialect, shop: string, period: Period, settings: WatchSettings, now: Date) {
  const due = await dueOrdersSql(db, sql, shop, period, settings, now);
  return sql.query<{ minutes: unknown; due: unknown; on_time: unknown; count: unknown }>(
    `${due.with}
     SELECT CASE WHEN d.first_ms IS NULL THEN NULL ELSE CAST(${sql.greatest}(0, d.first_ms - d.ready_ms) / 300000 AS BIGINT) * 5 END AS minutes,
            CASE WHEN d.first_ms IS NOT NULL OR (d.waiting = 0 AND d.due_ms <= ${NOW_PARAM}) THEN 1 ELSE 0 END AS due,
            CASE WHEN d.first_ms IS NOT NULL AND d.first_ms <= d.due_ms THEN 1 ELSE 0 END AS on_time,
            COUNT(*) AS count
       ${due.from}
      GROUP BY 1, 2, 3`,
    shop,
    sql.instant(period.start),
    sql.instant(period.end),
    now.getTime(),
  );
}

async function openFlags(db: Db, shop: string): Promise<OpenFlags> {
  const rows = await db.orderFlag.groupBy({ by: ["kind"], where: { shop, status: "open", kind: { in: [...LATE_FLAG_KINDS, "unconfirmed"] } }, _count: { _all: true } });
  const count = (kinds: string[]) => rows.filter((row) => kinds.includes(row.kind)).reduce((sum, row) => sum + row._count._all, 0);
  return { late: count(LATE_FLAG_KINDS), unconfirmed: count(["unconfirmed"]) };
}

// --- the orders behind a figure ---------------------------------------------------------------

export type FigureOrder = { orderId: string; name: string; placedAt: Date; note: string };

/** At most this many orders in one export. */
export const MAX_EXPORT_ORDERS = 50_000;

/** The orders behind a figure of the period (newest first). */
export async function ordersBehind(db: Db, shop: string, set: OrderSet, period: Period, settings: WatchSettings, now: Date): Promise<FigureOrder[]> {
  const sql = dialectOf(db);
  const inPeriod = { gte: period.start, lt: period.end };
  const select = { orderId: true, name: true, placedAt: true } as const;
  const byIds = async (ids: string[], note: (orderId: string) => string): Promise<FigureOrder[]> => {
    const rows: FigureOrder[] = [];
    for (let index = 0; index < ids.length; index += 500) {
      const found = await db.orderCare.findMany({ where: { shop, orderId: { in: ids.slice(index, index + 500) } }, select });
      rows.push(...found.map((row) => ({ ...row, note: note(row.orderId) })));
    }
    return rows.toSorted((a, b) => b.placedAt.getTime() - a.placedAt.getTime());
  };
  switch (set) {
    case "placed": {
      const rows = await db.orderCare.findMany({ where: { shop, placedAt: inPeriod }, select: { ...select, cancelledAt: true }, orderBy: { placedAt: "desc" }, take: MAX_EXPORT_ORDERS });
      return rows.map((row) => ({ orderId: row.orderId, name: row.name, placedAt: row.placedAt, note: row.cancelledAt ? "cancelled" : "" }));
    }
    case "late_dispatch": {
      const due = await dueOrdersSql(db, sql, shop, period, settings, now);
      const late = await sql.query<{ order_id: string; first_ms: unknown; due_ms: unknown }>(
        `${due.with} SELECT d.order_id, d.first_ms, d.due_ms ${due.from}
          WHERE (d.first_ms IS NOT NULL AND d.first_ms > d.due_ms) OR (d.first_ms IS NULL AND d.waiting = 0 AND d.due_ms <= ${NOW_PARAM}) LIMIT ${MAX_EXPORT_ORDERS}`,
        shop,
        sql.instant(period.start),
        sql.instant(period.end),
        now.getTime(),
      );
      const notes = new Map(late.map((row) => [row.order_id, row.first_ms === null ? `not dispatched, due ${new Date(num(row.due_ms)).toISOString()}` : `dispatched ${new Date(num(row.first_ms)).toISOString()}, due ${new Date(num(row.due_ms)).toISOString()}`]));
      return byIds([...notes.keys()], (id) => notes.get(id) ?? "");
    }
    case "unconfirmed_late":
    case "returned":
    case "repeat_customers": {
      const placedAt = sql.ms(`o."placedAt"`);
      const query: Record<typeof set, string> = {
        unconfirmed_late: `SELECT o."orderId" AS order_id, o."name" AS name, ${placedAt} AS placed_ms, CASE WHEN f."status" = 'open' THEN 'not confirmed yet' ELSE 'confirmed late' END AS note
                             FROM "OrderCare" o JOIN "OrderFlag" f ON f."shop" = o."shop" AND f."orderId" = o."orderId" AND f."kind" = 'unconfirmed'
                            WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL`,
        returned: `SELECT o."orderId" AS order_id, o."name" AS name, ${placedAt} AS placed_ms, MIN(r."reason") AS note
                     FROM "OrderCare" o JOIN "ReturnCase" r ON r."shop" = o."shop" AND r."orderId" = o."orderId" AND r."status" <> 'cancelled'
                    WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL GROUP BY o."orderId", o."name", o."placedAt"`,
        repeat_customers: `SELECT o."orderId" AS order_id, o."name" AS name, ${placedAt} AS placed_ms, 'customer ' || o."customerId" AS note
                             FROM "OrderCare" o JOIN (${customerOrders(sql)}) c ON c.customer = o."customerId" AND (c.here > 1 OR (c.here > 0 AND c.before > 0))
                            WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL`,
      };
      const rows = await sql.query<{ order_id: string; name: string; placed_ms: unknown; note: string | null }>(
        `SELECT * FROM (${query[set]}) x ORDER BY x.placed_ms DESC LIMIT ${MAX_EXPORT_ORDERS}`,
        shop,
        sql.instant(period.start),
        sql.instant(period.end),
      );
      return rows.map((row) => ({ orderId: row.order_id, name: row.name, placedAt: new Date(num(row.placed_ms)), note: row.note ?? "" }));
    }
    case "problem_check_ins": {
      const events = await db.timelineEvent.findMany({ where: { shop, kind: "checked_in", occurredAt: inPeriod }, select: { orderId: true, detail: true }, take: MAX_EXPORT_ORDERS });
      const ids = events.filter((event) => checkInAnswer(event.detail) === "problem").map((event) => event.orderId);
      return byIds(ids, () => "problem reported");
    }
    case "flag_late":
    case "flag_unconfirmed": {
      const kinds = set === "flag_late" ? LATE_FLAG_KINDS : ["unconfirmed"];
      const flags = await db.orderFlag.findMany({ where: { shop, status: "open", kind: { in: kinds } }, select: { orderId: true, reason: true }, take: MAX_EXPORT_ORDERS });
      const reasons = new Map(flags.map((flag) => [flag.orderId, flag.reason]));
      return byIds([...reasons.keys()], (id) => reasons.get(id) ?? "");
    }
  }
}

/** The orders behind a figure for `?orders=…&period=…` (the export route). */
export async function loadOrdersBehind(db: Db, shop: string, set: OrderSet, params: URLSearchParams, options: { now: Date }): Promise<{ period: DashboardPeriod; orders: FigureOrder[] }> {
  const { rules } = await getWatchSettings(db, shop);
  const period = parsePeriod(params, options.now, rules.calendar.timeZone);
  return { period, orders: await ordersBehind(db, shop, set, period.current, rules, options.now) };
}
