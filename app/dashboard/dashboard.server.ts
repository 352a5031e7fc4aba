// The dashboard's data: every figure of a period and of the period before, and what the
// charts draw, from the aggregates of period-aggregates.server.ts.
import type { Db } from "~/db.server";
import { getWatchSettings } from "~/watch/watch-settings.server";
import {
  dailySeries,
  dashboardFigures,
  dispatchDistribution,
  emptyAggregates,
  returnsByReason,
  type FigureGroup,
  type OpenFlags,
  type PeriodAggregates,
} from "./indicators";
import type { WatchSettings } from "~/watch/watch-rules";
import { periodParts } from "./dashboard-days.server";
import { periodFromParts } from "./day-parts";
import { LATE_FLAG_KINDS } from "./dashboard-sql.server";
import { parsePeriod, periodDates, periodParams, type DashboardPeriod } from "./period";

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

export type LoadDashboardOptions = {
  now: Date;
  /** Called when past days had to be computed on the spot (the route queues their refresh from the first of them). */
  onUntrustedDays?: (days: number, from: string) => unknown;
};

/** The dashboard for `?period=…` at `now` (the route's loader calls this). */
export async function loadDashboard(db: Db, shop: string, params: URLSearchParams, options: LoadDashboardOptions): Promise<Dashboard> {
  const [{ rules }, settings, anyOrder] = await Promise.all([
    getWatchSettings(db, shop),
    db.shopSettings.findUnique({ where: { shop }, select: { currency: true } }),
    db.orderCare.findFirst({ where: { shop }, select: { orderId: true } }),
  ]);
  const timeZone = rules.calendar.timeZone;
  const period = parsePeriod(params, options.now, timeZone);
  const [current, previous, flags] = anyOrder ? await periodsAndFlags(db, shop, period, rules, options) : [emptyAggregates(), emptyAggregates(), await openFlags(db, shop)];

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

async function periodsAndFlags(db: Db, shop: string, period: DashboardPeriod, rules: WatchSettings, options: LoadDashboardOptions): Promise<[PeriodAggregates, PeriodAggregates, OpenFlags]> {
  const [{ parts, untrustedPastDays, firstUntrusted }, flags] = await Promise.all([periodParts(db, shop, [period.current, period.previous], rules, options.now), openFlags(db, shop)]);
  if (untrustedPastDays > 0 && firstUntrusted !== null) options.onUntrustedDays?.(untrustedPastDays, firstUntrusted);
  return [periodFromParts(parts[0] ?? [], period.current.to, options.now), periodFromParts(parts[1] ?? [], period.previous.to, options.now), flags];
}

async function openFlags(db: Db, shop: string): Promise<OpenFlags> {
  const rows = await db.orderFlag.groupBy({ by: ["kind"], where: { shop, status: "open", kind: { in: [...LATE_FLAG_KINDS, "unconfirmed"] } }, _count: { _all: true } });
  const count = (kinds: string[]) => rows.filter((row) => kinds.includes(row.kind)).reduce((sum, row) => sum + row._count._all, 0);
  return { late: count(LATE_FLAG_KINDS), unconfirmed: count(["unconfirmed"]) };
}
