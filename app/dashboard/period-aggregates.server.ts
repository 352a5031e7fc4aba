// What the database sums up for whole days of a shop (the figures' inputs, as a part that adds
// up: day-parts.ts): counts, and histograms of durations, never one row per order in memory.
import type { Db } from "~/db.server";
import { localDateTime } from "~/watch/business-calendar";
import { deliveryZone, type DeliveryZone, type WatchSettings } from "~/watch/watch-rules";
import { mergeHistograms, type Histogram } from "./indicators";
import type { DayPart } from "./day-parts";
import { checkInAnswer, dialectOf, dueOrdersSql, num, periodOrders, type Dialect } from "./dashboard-sql.server";
import type { Period } from "./period";

const MINUTE_MS = 60_000;
const QUARTER_HOUR_MS = 15 * MINUTE_MS;

/** The part of the days of `period` (whole local days), as of `now`. */
export async function periodPart(db: Db, shop: string, period: Period, settings: WatchSettings, now: Date): Promise<DayPart> {
  const sql = dialectOf(db);
  const bounds = [shop, sql.instant(period.start), sql.instant(period.end)] as const;
  const at2 = sql.at(2);
  const at3 = sql.at(3);
  const text = (value: string) => `CAST(${value} AS TEXT)`;
  const none = "CAST(NULL AS TEXT)";

  // Few statements, each a UNION ALL of small aggregates: a period's figures cost a handful of
  // round trips (on one day, today, the round trips are most of the cost).
  const [orderRows, dispatch, delivery, customers, eventRows] = await Promise.all([
    sql.query<{ kind: string; a: unknown; b: unknown; c: unknown }>(
      `SELECT 'slot' AS kind, CAST(${sql.ms(`o."placedAt"`)} / ${QUARTER_HOUR_MS} AS BIGINT) AS a, COUNT(*) AS b, SUM(CASE WHEN o."cancelledAt" IS NULL THEN 0 ELSE 1 END) AS c
         FROM "OrderCare" o WHERE ${periodOrders(sql)} GROUP BY 2
       UNION ALL
       SELECT 'confirm', COUNT(*), SUM(CASE WHEN c.confirmed = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN c.confirmed = 1 AND c.flagged = 0 THEN 1 ELSE 0 END)
         FROM (SELECT CASE WHEN o."confirmedAt" IS NULL THEN 0 ELSE 1 END AS confirmed,
                      CASE WHEN EXISTS (SELECT 1 FROM "OrderFlag" f WHERE f."shop" = o."shop" AND f."orderId" = o."orderId" AND f."kind" = 'unconfirmed') THEN 1 ELSE 0 END AS flagged
                 FROM "OrderCare" o WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL) c
        WHERE c.confirmed = 1 OR c.flagged = 1
       UNION ALL
       SELECT 'confirm_minutes', CAST(${sql.greatest}(0, ${sql.ms(`o."confirmedAt"`)} - ${sql.ms(`o."placedAt"`)}) / 300000 AS BIGINT) * 5, COUNT(*), 0
         FROM "OrderCare" o WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL AND o."confirmedAt" IS NOT NULL GROUP BY 2
       UNION ALL
       SELECT 'returned', COUNT(*), 0, 0 FROM "OrderCare" o
        WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL
          AND (SELECT COUNT(*) FROM "ReturnCase" r WHERE r."shop" = o."shop" AND r."orderId" = o."orderId" AND r."status" <> 'cancelled') > 0`,
      ...bounds,
    ),
    dispatchFigures(db, sql, shop, period, settings, now),
    sql.query<{ country: string | null; minutes: unknown; count: unknown }>(
      `SELECT o."shippingCountry" AS country, CAST(${sql.greatest}(0, ${sql.ms(`f."deliveredAt"`)} - ${sql.ms(`f."createdAt"`)}) / 3600000 AS BIGINT) * 60 AS minutes, COUNT(*) AS count
         FROM "OrderCare" o JOIN "OrderFulfillment" f ON f."shop" = o."shop" AND f."orderId" = o."orderId"
        WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL AND f."status" = 'success' AND f."deliveredAt" IS NOT NULL
        GROUP BY 1, 2`,
      ...bounds,
    ),
    sql.query<{ is_first: unknown; next_ms: unknown; count: unknown }>(customerLinks(sql), ...bounds),
    sql.query<{ kind: string; k1: string | null; k2: string | null; n: unknown }>(
      `SELECT 'reason' AS kind, ${text(`r."reason"`)} AS k1, ${none} AS k2, COUNT(*) AS n FROM "ReturnCase" r
        WHERE r."shop" = $1 AND r."requestedAt" >= ${at2} AND r."requestedAt" < ${at3} AND r."status" <> 'cancelled' GROUP BY r."reason"
       UNION ALL
       SELECT 'check_in', ${text(`t."detail"`)}, ${none}, COUNT(*) FROM "TimelineEvent" t
        WHERE t."shop" = $1 AND t."kind" = 'checked_in' AND t."occurredAt" >= ${at2} AND t."occurredAt" < ${at3} GROUP BY t."detail"
       UNION ALL
       SELECT 'message', ${text(`m."status"`)}, ${text(`m."type"`)}, COUNT(*) FROM "OutboxMessage" m
        WHERE m."shop" = $1 AND m."createdAt" >= ${at2} AND m."createdAt" < ${at3} AND m."audience" = 'shopper' GROUP BY m."status", m."type"
       UNION ALL
       SELECT 'gift', ${text(`g."cost"`)}, ${none}, COUNT(*) FROM "GiftGrant" g
        WHERE g."shop" = $1 AND g."createdAt" >= ${at2} AND g."createdAt" < ${at3} AND g."status" <> 'failed' GROUP BY g."cost"
       UNION ALL
       SELECT 'issued', ${none}, ${none}, COUNT(*) FROM "IssuedDiscountCode" d WHERE d."shop" = $1 AND d."issuedAt" >= ${at2} AND d."issuedAt" < ${at3}
       UNION ALL
       SELECT 'redeemed', ${none}, ${none}, COUNT(*) FROM "IssuedDiscountCode" d WHERE d."shop" = $1 AND d."redeemedAt" >= ${at2} AND d."redeemedAt" < ${at3}`,
      ...bounds,
    ),
  ]);

  const rowsOf = (kind: string) => orderRows.filter((row) => row.kind === kind);
  const perQuarter = rowsOf("slot").map((row) => ({ slot: row.a, orders: row.b, cancelled: row.c }));
  const confirmation = rowsOf("confirm").map((row) => ({ needed: row.a, confirmed: row.b, within: row.c }));
  const confirmMinutes = rowsOf("confirm_minutes").map((row) => ({ minutes: row.a, count: row.b }));
  const returned = rowsOf("returned").map((row) => ({ count: row.a }));
  const events = (kind: string) => eventRows.filter((row) => row.kind === kind).map((row) => ({ k1: row.k1, k2: row.k2, count: num(row.n) }));
  const reasons = events("reason").map((row) => ({ reason: row.k1 ?? "other", _count: { _all: row.count } }));
  const checkIns = events("check_in").map((row) => ({ detail: row.k1, _count: { _all: row.count } }));
  const messages = events("message").map((row) => ({ status: row.k1 ?? "", type: row.k2 ?? "", _count: { _all: row.count } }));
  const gifts = events("gift").map((row) => ({ cost: row.k1 ?? "0", _count: { _all: row.count } }));
  const issued = events("issued").reduce((sum, row) => sum + row.count, 0);
  const redeemed = events("redeemed").reduce((sum, row) => sum + row.count, 0);

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
      dispatched: dispatch.reduce((sum, row) => sum + (num(row.dispatched) === 1 ? num(row.count) : 0), 0),
      onTime: dispatch.reduce((sum, row) => sum + (num(row.on_time) === 1 ? num(row.count) : 0), 0),
      minutes: histogram(dispatch.filter((row) => row.minutes !== null)),
      pending: dispatch.filter((row) => row.pending_due !== null).map((row) => ({ dueMs: num(row.pending_due), count: num(row.count) })),
    },
    confirmation: { needed: num(confirmation[0]?.needed), confirmed: num(confirmation[0]?.confirmed), withinSla: num(confirmation[0]?.within), minutes: histogram(confirmMinutes) },
    delivery: { domestic: mergeHistograms(...byZone.domestic), region: mergeHistograms(...byZone.region), international: mergeHistograms(...byZone.international) },
    returns: { ordersWithReturn: num(returned[0]?.count), byReason: reasons.map((row) => ({ reason: row.reason, count: row._count._all })) },
    customers: nextOrders(customers, period.timeZone),
    checkIns: answers,
    reviewRequestsSent: messages.filter((row) => row.type === "review_request" && row.status === "sent").reduce((sum, row) => sum + row._count._all, 0),
    messages: messages.map((row) => ({ status: row.status, count: row._count._all })),
    gifts: { given: gifts.reduce((sum, row) => sum + row._count._all, 0), cost: gifts.map((row) => ({ cost: row.cost, count: row._count._all })) },
    discountCodes: { issued, redeemed },
  };
}

/**
 * Each order of the period with a customer (not cancelled): whether it is the customer's first
 * (not cancelled) order and when the customer's next one was placed, counted (day-parts.ts
 * says why). The window runs over those customers' orders only, on (shop, customerId, placedAt).
 */
function customerLinks(sql: Dialect): string {
  return `SELECT x.is_first, x.next_ms, COUNT(*) AS count
            FROM (SELECT o."placedAt" AS placed_at,
                         CASE WHEN LAG(o."orderId") OVER w IS NULL THEN 1 ELSE 0 END AS is_first,
                         LEAD(${sql.ms(`o."placedAt"`)}) OVER w AS next_ms
                    FROM "OrderCare" o
                   WHERE o."shop" = $1 AND o."cancelledAt" IS NULL
                     AND o."customerId" IN (SELECT p."customerId" FROM "OrderCare" p
                                             WHERE p."shop" = $1 AND p."placedAt" >= ${sql.at(2)} AND p."placedAt" < ${sql.at(3)} AND p."cancelledAt" IS NULL AND p."customerId" IS NOT NULL)
                  WINDOW w AS (PARTITION BY o."customerId" ORDER BY o."placedAt", o."orderId")) x
           WHERE x.placed_at >= ${sql.at(2)} AND x.placed_at < ${sql.at(3)}
           GROUP BY 1, 2`;
}

function nextOrders(rows: { is_first: unknown; next_ms: unknown; count: unknown }[], timeZone: string): DayPart["customers"] {
  const dates = new Map<number, string>();
  const dateOf = (ms: unknown): string | null => {
    if (ms === null || ms === undefined) return null;
    const value = num(ms);
    // Dates repeat: the zone's conversion is worth remembering per instant.
    let date = dates.get(value);
    if (date === undefined) {
      date = localDateTime(timeZone, new Date(value)).date;
      dates.set(value, date);
    }
    return date;
  };
  const next = new Map<string | null, number>();
  const firstNext = new Map<string | null, number>();
  let orders = 0;
  for (const row of rows) {
    const date = dateOf(row.next_ms);
    const count = num(row.count);
    orders += count;
    next.set(date, (next.get(date) ?? 0) + count);
    if (num(row.is_first) === 1) firstNext.set(date, (firstNext.get(date) ?? 0) + count);
  }
  const list = (counts: Map<string | null, number>) => [...counts].map(([date, count]) => ({ next: date, count }));
  return { orders, next: list(next), firstNext: list(firstNext) };
}

/**
 * Dispatch in one pass: orders counted by time to their first parcel (5-minute steps; null when
 * not dispatched), whether dispatched and whether on time; orders neither dispatched nor
 * waiting by their due time (compared with the clock when the period is read).
 */
async function dispatchFigures(db: Db, sql: Dialect, shop: string, period: Period, settings: WatchSettings, now: Date) {
  const due = await dueOrdersSql(db, sql, shop, period, settings, now);
  return sql.query<{ minutes: unknown; dispatched: unknown; on_time: unknown; pending_due: unknown; count: unknown }>(
    `${due.with}
     SELECT CASE WHEN d.first_ms IS NULL THEN NULL ELSE CAST(${sql.greatest}(0, d.first_ms - d.ready_ms) / 300000 AS BIGINT) * 5 END AS minutes,
            CASE WHEN d.first_ms IS NOT NULL THEN 1 ELSE 0 END AS dispatched,
            CASE WHEN d.first_ms IS NOT NULL AND d.first_ms <= d.due_ms THEN 1 ELSE 0 END AS on_time,
            CASE WHEN d.first_ms IS NULL AND d.waiting = 0 THEN d.due_ms END AS pending_due,
            COUNT(*) AS count
       ${due.from}
      GROUP BY 1, 2, 3, 4`,
    shop,
    sql.instant(period.start),
    sql.instant(period.end),
  );
}
