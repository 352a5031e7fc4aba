// The orders behind a figure of the dashboard: which orders were late, returned, from repeat
// customers… for the list page and the CSV export.
import type { Db } from "~/db.server";
import type { WatchSettings } from "~/watch/watch-rules";
import { getWatchSettings } from "~/watch/watch-settings.server";
import { checkInAnswer, customerOrders, dialectOf, dueOrdersSql, LATE_FLAG_KINDS, NOW_PARAM, num, periodOrders } from "./dashboard-sql.server";
import type { OrderSet } from "./indicators";
import { parsePeriod, type DashboardPeriod, type Period } from "./period";

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
