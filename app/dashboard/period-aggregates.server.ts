// What the database sums up for one period of a shop (the figures' inputs): counts, and
// histograms of durations, never one row per order in memory.
import type { Db } from "~/db.server";
import { localDateTime } from "~/watch/business-calendar";
import { deliveryZone, type DeliveryZone, type WatchSettings } from "~/watch/watch-rules";
import { mergeHistograms, type Histogram, type PeriodAggregates } from "./indicators";
import { checkInAnswer, customerOrders, dialectOf, dueOrdersSql, NOW_PARAM, num, periodOrders, type Dialect } from "./dashboard-sql.server";
import type { Period } from "./period";

const MINUTE_MS = 60_000;
const QUARTER_HOUR_MS = 15 * MINUTE_MS;

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
