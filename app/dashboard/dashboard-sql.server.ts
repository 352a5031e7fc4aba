// SQL shared by the dashboard's queries, written once for SQLite and PostgreSQL: the dialect,
// the period's orders, each customer's orders, the dispatch due time of an order. Raw SQL
// where Prisma cannot aggregate (durations, the dispatch due time, local days); each query is
// bounded by `shop` and the period's dates.
import type { Db } from "~/db.server";
import { isPostgres } from "~/db-provider";
import { dispatchBusinessDays, type WatchSettings } from "~/watch/watch-rules";
import { dispatchDueSegments } from "./dispatch-due";
import type { Period } from "./period";

/** Flags counted as "late" in "Late orders open now". */
export const LATE_FLAG_KINDS = ["late_dispatch", "late_delivery"];

// --- SQL, for both databases ----------------------------------------------------------------

/**
 * Writes SQL once for both databases: `$n` parameters, durations in epoch milliseconds. Prisma
 * stores DateTime on SQLite as ISO text ("2026-11-19T09:00:00.000+00:00", which compares in
 * time order), on PostgreSQL as timestamp(3) in UTC.
 */
export type Dialect = {
  postgres: boolean;
  /** A DateTime column as epoch milliseconds. */
  ms: (column: string) => string;
  /** The `$n` parameter holding an instant, comparable with DateTime columns. */
  at: (n: number) => string;
  /** An instant as the value of an `at` parameter. */
  instant: (date: Date) => string | number;
  greatest: string;
  query: <T>(sql: string, ...values: unknown[]) => Promise<T[]>;
  /** A statement that returns no rows: the number of rows it changed. */
  execute: (sql: string, ...values: unknown[]) => Promise<number>;
};

/** SQLite's driver binds `?` in order: each `$n` becomes one, with its value. */
function positional(sql: string, values: unknown[]): [string, unknown[]] {
  const ordered: unknown[] = [];
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
    ordered.push(values[Number(n) - 1]);
    return "?";
  });
  return [text, ordered];
}

export function dialectOf(db: Db): Dialect {
  const postgres = isPostgres(db);
  return {
    postgres,
    ms: (column) => (postgres ? `CAST(date_part('epoch', ${column}) * 1000 AS BIGINT)` : `CAST(ROUND((julianday(${column}) - 2440587.5) * 86400000) AS INTEGER)`),
    at: (n) => (postgres ? `($${n}::timestamptz AT TIME ZONE 'UTC')` : `$${n}`),
    instant: (date) => (postgres ? date.toISOString() : date.toISOString().replace("Z", "+00:00")),
    greatest: postgres ? "GREATEST" : "MAX",
    query: <T>(sql: string, ...values: unknown[]) => {
      if (postgres) return db.$queryRawUnsafe<T[]>(sql, ...values);
      const [text, ordered] = positional(sql, values);
      return db.$queryRawUnsafe<T[]>(text, ...ordered);
    },
    execute: (sql: string, ...values: unknown[]) => {
      if (postgres) return db.$executeRawUnsafe(sql, ...values);
      const [text, ordered] = positional(sql, values);
      return db.$executeRawUnsafe(text, ...ordered);
    },
  };
}

export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));


function valuesTable(name: string, columns: string[], rows: number[][]): string {
  return `${name}(${columns.join(", ")}) AS (VALUES ${rows.map((row) => `(${row.map((value) => `CAST(${Math.trunc(value)} AS BIGINT)`).join(", ")})`).join(", ")})`;
}

/** Orders of the shop placed in the period: `$1` shop, `$2`/`$3` the period. */
export function periodOrders(sql: Dialect): string {
  return `o."shop" = $1 AND o."placedAt" >= ${sql.at(2)} AND o."placedAt" < ${sql.at(3)}`;
}

/**
 * Each customer's orders (not cancelled) in the period (`here`) and before it (`before`): one
 * pass over the shop's orders up to the period's end, cheaper than a look-up per customer.
 */
export function customerOrders(sql: Dialect): string {
  return `SELECT o."customerId" AS customer, SUM(CASE WHEN o."placedAt" >= ${sql.at(2)} THEN 1 ELSE 0 END) AS here, SUM(CASE WHEN o."placedAt" < ${sql.at(2)} THEN 1 ELSE 0 END) AS before
            FROM "OrderCare" o WHERE o."shop" = $1 AND o."placedAt" < ${sql.at(3)} AND o."cancelledAt" IS NULL AND o."customerId" IS NOT NULL
           GROUP BY o."customerId"`;
}

export function checkInAnswer(detail: string | null): string | null {
  if (detail === null) return null;
  try {
    const value = JSON.parse(detail) as { answer?: unknown };
    return typeof value.answer === "string" ? value.answer : null;
  } catch {
    return null;
  }
}

/**
 * Orders of the period, not cancelled, with their ready time and first parcel (`$1`–`$3`),
 * and `extra` columns (name → expression over `o`). Ready: placed, confirmed, or paid (not for
 * cash on delivery), the latest — as the watch counts it, except that a payment recorded after
 * the first parcel (captured on fulfilment, or an order synced long after it was paid) did not
 * hold the parcel back and is not counted. The first parcel is looked up per order on (shop,
 * orderId), which stays cheap for one day as for ninety (a scan of the shop's parcels by date
 * does not).
 */
export function dispatchedOrders(sql: Dialect, extra: Record<string, string> = {}): string {
  const firstParcel = `(SELECT MIN(f."createdAt") FROM "OrderFulfillment" f WHERE f."shop" = o."shop" AND f."orderId" = o."orderId" AND f."status" = 'success')`;
  const inner = Object.entries(extra).map(([name, expression]) => `, ${expression} AS ${name}`).join("");
  const outer = Object.keys(extra).map((name) => `, x.${name}`).join("");
  return `SELECT x.order_id, ${sql.greatest}(x.placed_ms, COALESCE(x.confirmed_ms, x.placed_ms), CASE WHEN x.cod = 1 OR x.paid_ms IS NULL OR x.paid_ms > x.first_ms THEN x.placed_ms ELSE x.paid_ms END) AS ready_ms, x.first_ms${outer}
            FROM (SELECT o."orderId" AS order_id, ${sql.ms(`o."placedAt"`)} AS placed_ms, ${sql.ms(`o."confirmedAt"`)} AS confirmed_ms, ${sql.ms(`o."paidAt"`)} AS paid_ms,
                         CASE WHEN o."cashOnDelivery" THEN 1 ELSE 0 END AS cod, ${sql.ms(firstParcel)} AS first_ms${inner}
                    FROM "OrderCare" o
                   WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL) x`;
}

/** Statuses after which nothing is waited for before dispatch, or nothing is dispatched any more. */
const NOT_DUE_PAYMENT = ["pending", "partially_paid"];
const ENDED_PAYMENT = ["voided", "expired", "refunded"];

/**
 * Each order of the period (not cancelled) with its dispatch due time (`d.due_ms`), first
 * parcel (`d.first_ms`) and whether dispatch is not awaited (`d.waiting`: unpaid, voided…):
 * a WITH clause and the FROM that joins them. Parameters `$1`–`$3`, and `$4` now.
 */
export async function dueOrdersSql(db: Db, sql: Dialect, shop: string, period: Period, settings: WatchSettings, now: Date): Promise<{ with: string; from: string }> {
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
  const orders = `d AS MATERIALIZED (${dispatchedOrders(sql, { delay: delayCase, waiting })})`;
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

export const NOW_PARAM = "CAST($4 AS BIGINT)";
