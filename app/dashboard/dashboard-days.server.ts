// The dashboard's days: each local day's part (day-parts.ts) kept in DashboardDay, so that a
// period reads one row per day instead of every order. A row is trusted when it was computed
// at least an hour after its day ended (what was still being written around midnight is in
// it), with the shop's current settings, and nothing marked it stale since. Days without a
// trusted row (today, always) are computed on the spot, a run of days at a time; the refresh
// job computes the missing ones in the background.
//
// What marks a day stale: a change to an order (its placement day, and the days of the
// customer's previous and next orders, whose links it changes), a flag raised or cleared, a
// return case changed, a message's delivery long after it was written. Marks are written only
// for shops that have days kept; a mark on a day not computed yet leaves a placeholder, so a
// refresh that read the day before the change does not overwrite it as fresh.
import { createHash } from "node:crypto";
import type { Db } from "~/db.server";
import { addLocalDays, localDateTime, zonedInstant } from "~/watch/business-calendar";
import type { WatchSettings } from "~/watch/watch-rules";
import { getWatchSettings } from "~/watch/watch-settings.server";
import { dialectOf } from "./dashboard-sql.server";
import { decodePart, encodePart, type DayPart } from "./day-parts";
import { MAX_PERIOD_DAYS, periodOf, type Period } from "./period";
import { periodPart } from "./period-aggregates.server";

/** Raised when what a part holds or how it is computed changes: every kept day is recomputed. */
const PART_VERSION = 2;
/** A day is kept once this long after its end. */
export const DAY_GRACE_MS = 60 * 60_000;
/** The refresh keeps the longest period and the one before it, and a week more. */
export const KEPT_DAYS = 2 * MAX_PERIOD_DAYS + 7;

/** The settings and version a day was computed with: a change to either makes kept days untrusted. */
function dayBasis(settings: WatchSettings): string {
  return createHash("sha256")
    .update(JSON.stringify([PART_VERSION, settings]))
    .digest("base64url")
    .slice(0, 22);
}

function dayEndMs(timeZone: string, date: string): number {
  return zonedInstant(timeZone, addLocalDays(date, 1), 0).getTime();
}

type KeptDay = { date: string; basis: string; computedAt: Date; staleAt: Date | null };

function isTrusted(row: KeptDay | undefined, basis: string, timeZone: string): row is KeptDay {
  if (!row || row.basis !== basis || row.staleAt !== null) return false;
  return row.computedAt.getTime() >= dayEndMs(timeZone, row.date) + DAY_GRACE_MS;
}

// Decoded days, by shop, date and computation: a kept day never changes without a new
// computedAt, so the dashboard's loads after the first read only the rows' dates and times.
const PART_CACHE_LIMIT = 5_000;
const partCache = new Map<string, DayPart>();

function partKey(shop: string, row: KeptDay): string {
  return `${shop}\n${row.date}\n${row.computedAt.getTime()}\n${row.basis}`;
}

function cachedPart(key: string): DayPart | undefined {
  const part = partCache.get(key);
  if (part) {
    // Least recently used first out: a read moves the day to the end.
    partCache.delete(key);
    partCache.set(key, part);
  }
  return part;
}

function rememberPart(key: string, part: DayPart): void {
  partCache.set(key, part);
  if (partCache.size > PART_CACHE_LIMIT) {
    const oldest = partCache.keys().next().value;
    if (oldest !== undefined) partCache.delete(oldest);
  }
}

/** The trusted kept days of `dates`, decoded (from the cache, or read once). */
async function keptParts(db: Db, shop: string, first: string, last: string, basis: string, timeZone: string): Promise<Map<string, DayPart>> {
  const rows = await db.dashboardDay.findMany({ where: { shop, date: { gte: first, lte: last } }, select: { date: true, basis: true, computedAt: true, staleAt: true } });
  const parts = new Map<string, DayPart>();
  const missing: string[] = [];
  for (const row of rows) {
    if (!isTrusted(row, basis, timeZone)) continue;
    const part = cachedPart(partKey(shop, row));
    if (part) parts.set(row.date, part);
    else missing.push(row.date);
  }
  if (missing.length > 0) {
    const withData = await db.dashboardDay.findMany({ where: { shop, date: { in: missing } }, select: { date: true, basis: true, data: true, computedAt: true, staleAt: true } });
    for (const row of withData) {
      if (!isTrusted(row, basis, timeZone)) continue;
      const part = decodePart(row.data);
      if (!part) continue;
      rememberPart(partKey(shop, row), part);
      parts.set(row.date, part);
    }
  }
  return parts;
}

export type PeriodParts = {
  /** For each period asked, the parts that cover its days. */
  parts: DayPart[][];
  /** Past days that could be kept by now but had no trusted row (computed on the spot). */
  untrustedPastDays: number;
  /** The first of them (null when none). */
  firstUntrusted: string | null;
};

/**
 * The parts covering each period (whole local days of the settings' zone): kept days where
 * trusted, the others computed on the spot, one query set per run of consecutive days.
 */
export async function periodParts(db: Db, shop: string, periods: readonly Period[], settings: WatchSettings, now: Date): Promise<PeriodParts> {
  const timeZone = settings.calendar.timeZone;
  const basis = dayBasis(settings);
  const first = periods.reduce((min, period) => (period.from < min ? period.from : min), periods[0]?.from ?? "");
  const last = periods.reduce((max, period) => (period.to > max ? period.to : max), periods[0]?.to ?? "");
  const kept = await keptParts(db, shop, first, last, basis, timeZone);
  const today = localDateTime(timeZone, now).date;
  let untrustedPastDays = 0;
  let firstUntrusted: string | null = null;

  const parts = await Promise.all(
    periods.map(async (period) => {
      const found: DayPart[] = [];
      const runs: { from: string; to: string }[] = [];
      for (let date = period.from; date <= period.to; date = addLocalDays(date, 1)) {
        const part = kept.get(date);
        if (part) {
          found.push(part);
          continue;
        }
        // Only days the refresh could keep by now count (not today, nor yesterday in its first hour).
        if (date < today && dayEndMs(timeZone, date) + DAY_GRACE_MS <= now.getTime()) {
          untrustedPastDays += 1;
          if (firstUntrusted === null || date < firstUntrusted) firstUntrusted = date;
        }
        const run = runs[runs.length - 1];
        if (run && addLocalDays(run.to, 1) === date) run.to = date;
        else runs.push({ from: date, to: date });
      }
      const live = await Promise.all(runs.map((run) => periodPart(db, shop, periodOf(timeZone, run.from, run.to), settings, now)));
      return [...found, ...live];
    }),
  );
  return { parts, untrustedPastDays, firstUntrusted };
}

/**
 * Computes and keeps the days without a trusted row, from `from` (default: KEPT_DAYS before
 * today, or earlier when asked) to the last day ended an hour ago, oldest first. Days before
 * the shop's first order are kept too: codes, messages and gifts can be older than the oldest
 * order synced. Returns how many days it computed.
 */
export async function refreshDashboardDays(db: Db, shop: string, options: { now: Date; from?: string; maxDays?: number }): Promise<{ computed: number }> {
  const { rules: settings } = await getWatchSettings(db, shop);
  const timeZone = settings.calendar.timeZone;
  const basis = dayBasis(settings);
  if (!(await db.orderCare.findFirst({ where: { shop }, select: { orderId: true } }))) return { computed: 0 };
  const today = localDateTime(timeZone, options.now).date;
  let last = addLocalDays(today, -1);
  while (dayEndMs(timeZone, last) + DAY_GRACE_MS > options.now.getTime()) last = addLocalDays(last, -1);
  const kept = addLocalDays(today, -(KEPT_DAYS - 1));
  const from = options.from !== undefined && options.from < kept ? options.from : kept;
  if (from > last) return { computed: 0 };

  const rows = await db.dashboardDay.findMany({ where: { shop, date: { gte: from, lte: last } }, select: { date: true, basis: true, computedAt: true, staleAt: true } });
  const rowOf = new Map(rows.map((row) => [row.date, row]));
  const sql = dialectOf(db);
  let computed = 0;
  for (let date = from; date <= last && computed < (options.maxDays ?? Number.POSITIVE_INFINITY); date = addLocalDays(date, 1)) {
    if (isTrusted(rowOf.get(date), basis, timeZone)) continue;
    // Read before computing: a mark written from here on is newer, and the row is not overwritten then.
    const startedAt = new Date();
    const part = await periodPart(db, shop, periodOf(timeZone, date, date), settings, startedAt);
    await sql.execute(
      `INSERT INTO "DashboardDay" ("shop", "date", "basis", "data", "computedAt", "staleAt") VALUES ($1, $2, $3, $4, ${sql.at(5)}, NULL)
       ON CONFLICT ("shop", "date") DO UPDATE SET "basis" = excluded."basis", "data" = excluded."data", "computedAt" = excluded."computedAt", "staleAt" = NULL
       WHERE "DashboardDay"."staleAt" IS NULL OR "DashboardDay"."staleAt" < ${sql.at(5)}`,
      shop,
      date,
      basis,
      encodePart(part),
      sql.instant(startedAt),
    );
    computed += 1;
  }
  return { computed };
}

/**
 * Marks the days holding these instants stale. The zone is not read here: the UTC date and the
 * dates either side of it hold the local date in any zone.
 */
export async function markDashboardDays(db: Db, shop: string, instants: readonly Date[], now: Date): Promise<void> {
  const dates = new Set<string>();
  for (const instant of instants) {
    const utc = instant.toISOString().slice(0, 10);
    for (const offset of [-1, 0, 1]) dates.add(addLocalDays(utc, offset));
  }
  if (dates.size === 0) return;
  const sql = dialectOf(db);
  const list = [...dates];
  // Placeholders for days not kept yet, only for shops that keep days at all.
  await sql.execute(
    `INSERT INTO "DashboardDay" ("shop", "date", "basis", "data", "computedAt", "staleAt")
     SELECT $1, d.date, '', '', ${sql.at(2)}, ${sql.at(2)} FROM (${list.map((_, index) => `SELECT $${index + 3} AS date`).join(" UNION ALL ")}) d
      WHERE EXISTS (SELECT 1 FROM "DashboardDay" k WHERE k."shop" = $1)
     ON CONFLICT ("shop", "date") DO UPDATE SET "staleAt" = excluded."staleAt"`,
    shop,
    sql.instant(now),
    ...list,
  );
}

/**
 * Marks the days an order change touches: its placement day and (unless only its flags or
 * returns changed) its customer's neighbouring orders', whose links to it may have changed.
 */
export async function markOrderDays(db: Db, shop: string, orderIds: readonly string[], now: Date, options: { neighbours?: boolean } = {}): Promise<void> {
  if (orderIds.length === 0) return;
  if (!(await db.dashboardDay.findFirst({ where: { shop }, select: { date: true } }))) return;
  const orders = await db.orderCare.findMany({ where: { shop, orderId: { in: [...orderIds] } }, select: { placedAt: true, customerId: true } });
  const instants = orders.map((order) => order.placedAt);
  for (const order of options.neighbours === false ? [] : orders) {
    if (order.customerId === null) continue;
    const customer = { shop, customerId: order.customerId, cancelledAt: null };
    const [before, after] = await Promise.all([
      db.orderCare.findFirst({ where: { ...customer, placedAt: { lt: order.placedAt } }, orderBy: { placedAt: "desc" }, select: { placedAt: true } }),
      db.orderCare.findFirst({ where: { ...customer, placedAt: { gt: order.placedAt } }, orderBy: { placedAt: "asc" }, select: { placedAt: true } }),
    ]);
    if (before) instants.push(before.placedAt);
    if (after) instants.push(after.placedAt);
  }
  await markDashboardDays(db, shop, instants, now);
}

/** After a backfill rewrote the shop's history: every kept day is computed again. */
export async function forgetDashboardDays(db: Db, shop: string): Promise<number> {
  const { count } = await db.dashboardDay.deleteMany({ where: { shop } });
  return count;
}

/** Shops with days marked stale (the scheduled refresh's list). */
export async function shopsWithStaleDays(db: Db): Promise<string[]> {
  const rows = await db.dashboardDay.findMany({ where: { staleAt: { not: null } }, distinct: ["shop"], select: { shop: true } });
  return rows.map((row) => row.shop);
}
