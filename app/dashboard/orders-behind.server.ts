// The orders behind a figure of the dashboard: which orders were late, returned, from repeat
// customers… for the list page and the CSV export. Each list holds exactly the rows its figure
// counts, read from the same table with the same filters as period-aggregates.server.ts: one
// row per order where the figure counts orders, one per return case, message, parcel, gift,
// code, check-in answer or flag where it counts those (an order can then be listed twice).
// Every list is one SQL query, counted and paged by the database, newest order first.
import type { Db } from "~/db.server";
import { messageTypeName } from "~/messages/templates.server";
import { formatDateTime } from "~/orders/order-format";
import { isReturnReason, isShopFault, REASON_LABELS, RETURN_REASONS, type ReturnReason } from "~/returns/return-policy";
import { deliveryZone, type DeliveryZone, type WatchSettings } from "~/watch/watch-rules";
import { getWatchSettings } from "~/watch/watch-settings.server";
import { checkInAnswer, customerOrders, dialectOf, dueOrdersSql, LATE_FLAG_KINDS, NOW_PARAM, num, periodOrders, type Dialect } from "./dashboard-sql.server";
import { formatDuration } from "./figure-format";
import { isOrderSet, orderSetInfo, orderSetReason, type OrderSet } from "./indicators";
import { parsePeriod, periodParams, type DashboardPeriod, type Period } from "./period";

export type FigureOrder = {
  /** Unique in its list: the order and the row of it that counts (a return, a message, a parcel…). */
  key: string;
  orderId: string;
  /** "#1042"; "Order <id>" when the order is not stored (any more). */
  name: string;
  /** null when the order is not stored. */
  placedAt: Date | null;
  note: string;
};

/** At most this many orders in one export (and in one call). */
export const MAX_EXPORT_ORDERS = 50_000;

/** Orders on one page of the list. */
export const ORDERS_PER_PAGE = 50;

export type OrdersBehindPaging = { limit?: number; offset?: number };

export class UnknownOrderSetError extends Error {}

/** The orders behind a figure of the period, newest first: by default the first MAX_EXPORT_ORDERS. */
export async function ordersBehind(db: Db, shop: string, set: OrderSet, period: Period, settings: WatchSettings, now: Date, paging: OrdersBehindPaging = {}): Promise<FigureOrder[]> {
  const sql = dialectOf(db);
  return listPage(sql, await listQuery(db, sql, shop, set, period, settings, now), paging);
}

/** How many rows the whole list holds (counted by the database, none of them loaded). */
export async function countOrdersBehind(db: Db, shop: string, set: OrderSet, period: Period, settings: WatchSettings, now: Date): Promise<number> {
  const sql = dialectOf(db);
  return listCount(sql, await listQuery(db, sql, shop, set, period, settings, now));
}

/** One page of the list and the size of the whole list. */
export async function ordersBehindPage(db: Db, shop: string, set: OrderSet, period: Period, settings: WatchSettings, now: Date, paging: OrdersBehindPaging): Promise<{ orders: FigureOrder[]; total: number }> {
  const sql = dialectOf(db);
  const list = await listQuery(db, sql, shop, set, period, settings, now);
  const [orders, total] = await Promise.all([listPage(sql, list, paging), listCount(sql, list)]);
  return { orders, total };
}

/** The orders behind a figure for `?orders=…&period=…` (the export route). */
export async function loadOrdersBehind(db: Db, shop: string, set: OrderSet, params: URLSearchParams, options: { now: Date } & OrdersBehindPaging): Promise<{ period: DashboardPeriod; orders: FigureOrder[] }> {
  const { rules } = await getWatchSettings(db, shop);
  const period = parsePeriod(params, options.now, rules.calendar.timeZone);
  return { period, orders: await ordersBehind(db, shop, set, period.current, rules, options.now, options) };
}

/** The CSV file's name for a list. */
export function ordersCsvFilename(set: OrderSet, period: Period): string {
  return `aftercare-${set.replaceAll("_", "-")}-${period.from}-${period.to}.csv`;
}

// --- the lists, as SQL ----------------------------------------------------------------------

/**
 * A list as SQL: `rows` selects `order_id`, `row_key` (unique per order in the list) and the
 * columns its note reads; `values` are its `$n` (`$1` is always the shop); `with` a WITH clause
 * the rows need. Paging and counting wrap it.
 */
type ListQuery = { with: string; rows: string; values: unknown[]; note: (row: ListRow) => string };
type ListRow = Record<string, unknown> & { order_id: string; row_key: unknown };

async function listPage(sql: Dialect, list: ListQuery, paging: OrdersBehindPaging): Promise<FigureOrder[]> {
  const limit = wholeNumber(paging.limit ?? MAX_EXPORT_ORDERS, MAX_EXPORT_ORDERS);
  const offset = wholeNumber(paging.offset ?? 0, Number.MAX_SAFE_INTEGER);
  if (limit === 0) return [];
  // Orders not stored (a message or return of an order the app never synced) come last.
  const rows = await sql.query<ListRow & { order_name: string | null; order_placed_ms: unknown }>(
    `${list.with} SELECT x.*, oc."name" AS order_name, ${sql.ms(`oc."placedAt"`)} AS order_placed_ms
       FROM (${list.rows}) x LEFT JOIN "OrderCare" oc ON oc."shop" = $1 AND oc."orderId" = x.order_id
      ORDER BY CASE WHEN oc."placedAt" IS NULL THEN 1 ELSE 0 END, oc."placedAt" DESC, x.order_id DESC, x.row_key DESC
      LIMIT ${limit} OFFSET ${offset}`,
    ...list.values,
  );
  return rows.map((row) => ({
    key: `${row.order_id}:${String(row.row_key)}`,
    orderId: row.order_id,
    name: row.order_name ?? `Order ${row.order_id}`,
    placedAt: row.order_placed_ms === null ? null : new Date(num(row.order_placed_ms)),
    note: list.note(row),
  }));
}

async function listCount(sql: Dialect, list: ListQuery): Promise<number> {
  const rows = await sql.query<{ count: unknown }>(`${list.with} SELECT COUNT(*) AS count FROM (${list.rows}) x`, ...list.values);
  return num(rows[0]?.count);
}

function wholeNumber(value: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(0, Math.trunc(value))) : 0;
}

const DELIVERY_ZONE_OF = { delivered_domestic: "domestic", delivered_region: "region", delivered_international: "international" } as const satisfies Record<string, DeliveryZone>;

const SHOPPER_MESSAGE_FILTERS = {
  messages: "",
  messages_sent: `AND m."status" = 'sent'`,
  messages_failed: `AND m."status" = 'failed'`,
  messages_held: `AND m."status" = 'held'`,
  review_requests: `AND m."type" = 'review_request' AND m."status" = 'sent'`,
} as const;

const iso = (ms: unknown): string => new Date(num(ms)).toISOString();
const minutesBetween = (fromMs: unknown, toMs: unknown): number => Math.max(0, Math.floor((num(toMs) - num(fromMs)) / 60_000));
const text = (value: unknown): string => (value === null || value === undefined ? "" : String(value));
/** Constants of this file as SQL strings (never values from a request or the database). */
const quoted = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(", ");

async function listQuery(db: Db, sql: Dialect, shop: string, set: OrderSet, period: Period, settings: WatchSettings, now: Date): Promise<ListQuery> {
  const bounds = [shop, sql.instant(period.start), sql.instant(period.end)];
  const between = (column: string) => `${column} >= ${sql.at(2)} AND ${column} < ${sql.at(3)}`;
  const periodList = (rows: string, note: ListQuery["note"]): ListQuery => ({ with: "", rows, values: bounds, note });
  switch (set) {
    case "placed":
      return periodList(`SELECT o."orderId" AS order_id, o."orderId" AS row_key, o."cancelledAt" AS cancelled_at FROM "OrderCare" o WHERE ${periodOrders(sql)}`, (row) =>
        row.cancelled_at === null ? "" : "cancelled",
      );
    case "cancelled":
      return periodList(
        `SELECT o."orderId" AS order_id, o."orderId" AS row_key, ${sql.ms(`o."cancelledAt"`)} AS cancelled_ms FROM "OrderCare" o WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NOT NULL`,
        (row) => `cancelled ${iso(row.cancelled_ms)}`,
      );
    case "late_dispatch": {
      // Due (dispatched, or past due and not waiting) and not dispatched by the due time.
      const due = await dueOrdersSql(db, sql, shop, period, settings, now);
      return {
        with: due.with,
        rows: `SELECT d.order_id, d.order_id AS row_key, d.first_ms, d.due_ms ${due.from}
                WHERE (d.first_ms IS NOT NULL AND d.first_ms > d.due_ms) OR (d.first_ms IS NULL AND d.waiting = 0 AND d.due_ms <= ${NOW_PARAM})`,
        values: [...bounds, now.getTime()],
        note: (row) => (row.first_ms === null ? `not dispatched, due ${iso(row.due_ms)}` : `dispatched ${iso(row.first_ms)}, due ${iso(row.due_ms)}`),
      };
    }
    case "dispatched": {
      // The orders the median's histogram counts: those of the due list with a first parcel.
      const due = await dueOrdersSql(db, sql, shop, period, settings, now);
      return {
        with: due.with,
        rows: `SELECT d.order_id, d.order_id AS row_key, d.ready_ms, d.first_ms ${due.from} WHERE d.first_ms IS NOT NULL`,
        values: bounds,
        note: (row) => `first parcel ${iso(row.first_ms)}, ${formatDuration(minutesBetween(row.ready_ms, row.first_ms), "en")} after the order was ready`,
      };
    }
    case "confirmed":
      return periodList(
        `SELECT o."orderId" AS order_id, o."orderId" AS row_key, ${sql.ms(`o."placedAt"`)} AS placed_at_ms, ${sql.ms(`o."confirmedAt"`)} AS confirmed_ms
           FROM "OrderCare" o WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL AND o."confirmedAt" IS NOT NULL`,
        (row) => `confirmed ${iso(row.confirmed_ms)}, ${formatDuration(minutesBetween(row.placed_at_ms, row.confirmed_ms), "en")} after being placed`,
      );
    case "unconfirmed_late":
      return periodList(
        `SELECT o."orderId" AS order_id, o."orderId" AS row_key, f."status" AS flag_status
           FROM "OrderCare" o JOIN "OrderFlag" f ON f."shop" = o."shop" AND f."orderId" = o."orderId" AND f."kind" = 'unconfirmed'
          WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL`,
        (row) => (row.flag_status === "open" ? "not confirmed yet" : "confirmed late"),
      );
    case "delivered_domestic":
    case "delivered_region":
    case "delivered_international":
      return deliveredParcels(sql, bounds, DELIVERY_ZONE_OF[set], settings);
    case "returned":
      return periodList(
        `SELECT o."orderId" AS order_id, o."orderId" AS row_key, MIN(r."reason") AS reason
           FROM "OrderCare" o JOIN "ReturnCase" r ON r."shop" = o."shop" AND r."orderId" = o."orderId" AND r."status" <> 'cancelled'
          WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL GROUP BY o."orderId"`,
        (row) => text(row.reason),
      );
    case "return_requests":
      return returnCases(sql, bounds, "");
    case "returns_shop_fault":
      return returnCases(sql, bounds, `AND r."reason" IN (${quoted(RETURN_REASONS.filter(isShopFault))})`);
    case "repeat_customers":
      return periodList(
        `SELECT o."orderId" AS order_id, o."orderId" AS row_key, o."customerId" AS customer
           FROM "OrderCare" o JOIN (${customerOrders(sql)}) c ON c.customer = o."customerId" AND (c.here > 1 OR (c.here > 0 AND c.before > 0))
          WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL`,
        (row) => `customer ${text(row.customer)}`,
      );
    case "customer_orders":
      return periodList(
        `SELECT o."orderId" AS order_id, o."orderId" AS row_key, o."customerId" AS customer
           FROM "OrderCare" o WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL AND o."customerId" IS NOT NULL`,
        (row) => `customer ${text(row.customer)}`,
      );
    case "well_check_ins":
    case "problem_check_ins":
      return checkIns(db, sql, shop, period, bounds, set === "well_check_ins" ? "arrived_well" : "problem");
    case "review_requests":
    case "messages":
    case "messages_sent":
    case "messages_failed":
    case "messages_held":
      return periodList(
        `SELECT m."orderId" AS order_id, m."id" AS row_key, m."type" AS type, m."status" AS status, m."statusReason" AS status_reason
           FROM "OutboxMessage" m
          WHERE m."shop" = $1 AND ${between(`m."createdAt"`)} AND m."audience" = 'shopper' AND m."orderId" IS NOT NULL ${SHOPPER_MESSAGE_FILTERS[set]}`,
        (row) => `${messageTypeName(text(row.type))}, ${text(row.status)}${row.status_reason ? `: ${text(row.status_reason)}` : ""}`,
      );
    case "gifts":
      return periodList(
        `SELECT g."orderId" AS order_id, g."id" AS row_key, g."kind" AS kind, g."cost" AS cost
           FROM "GiftGrant" g WHERE g."shop" = $1 AND ${between(`g."createdAt"`)} AND g."status" <> 'failed'`,
        (row) => `${text(row.kind).replaceAll("_", " ")}, cost ${text(row.cost)}`,
      );
    case "codes_issued":
      // A code counts for the order it was given for; codes given without one have no order to list.
      return periodList(
        `SELECT c."orderId" AS order_id, c."id" AS row_key, c."code" AS code, c."percent" AS percent, c."source" AS source
           FROM "IssuedDiscountCode" c WHERE c."shop" = $1 AND ${between(`c."issuedAt"`)} AND c."orderId" IS NOT NULL`,
        (row) => `code ${text(row.code)} issued (${text(row.percent)}% off, ${text(row.source)})`,
      );
    case "codes_redeemed":
      return periodList(
        `SELECT c."redeemedOrderId" AS order_id, c."id" AS row_key, c."code" AS code, c."percent" AS percent, c."source" AS source
           FROM "IssuedDiscountCode" c WHERE c."shop" = $1 AND ${between(`c."redeemedAt"`)} AND c."redeemedOrderId" IS NOT NULL`,
        (row) => `code ${text(row.code)} used (${text(row.percent)}% off, ${text(row.source)})`,
      );
    case "flag_late":
    case "flag_unconfirmed": {
      // Open now, whatever the period: one row per flag, as "… open now" counts them.
      const kinds = set === "flag_late" ? LATE_FLAG_KINDS : ["unconfirmed"];
      return {
        with: "",
        rows: `SELECT f."orderId" AS order_id, f."kind" AS row_key, f."reason" AS reason FROM "OrderFlag" f WHERE f."shop" = $1 AND f."status" = 'open' AND f."kind" IN (${quoted(kinds)})`,
        values: [shop],
        note: (row) => text(row.reason),
      };
    }
    default: {
      // Every other set has its case above: what is left is one per return reason.
      const reasonSet: `returns_${ReturnReason}` = set;
      return returnCases(sql, bounds, reasonCondition(orderSetReason(reasonSet) ?? "other"));
    }
  }
}

/** Return cases requested in the period and not cancelled, one row each (`condition` narrows them). */
function returnCases(sql: Dialect, bounds: unknown[], condition: string): ListQuery {
  return {
    with: "",
    rows: `SELECT r."orderId" AS order_id, r."id" AS row_key, r."returnNumber" AS return_number, r."reason" AS reason, r."status" AS status
             FROM "ReturnCase" r
            WHERE r."shop" = $1 AND r."requestedAt" >= ${sql.at(2)} AND r."requestedAt" < ${sql.at(3)} AND r."status" <> 'cancelled' ${condition}`,
    values: bounds,
    note: (row) => {
      const reason = text(row.reason);
      return `return ${text(row.return_number)}: ${isReturnReason(reason) ? REASON_LABELS[reason] : reason} (${text(row.status)})`;
    },
  };
}

/** The figure counts a reason the policy does not know as "other". */
function reasonCondition(reason: ReturnReason): string {
  if (reason === "other") return `AND r."reason" NOT IN (${quoted(RETURN_REASONS.filter((known) => known !== "other"))})`;
  return `AND r."reason" = '${reason}'`;
}

/**
 * Delivered parcels of the period's orders (not cancelled) in one destination zone, one row
 * each. The zone is the watch's (deliveryZone), so the countries of the period's parcels are
 * read first and those of the zone passed as values.
 */
async function deliveredParcels(sql: Dialect, bounds: unknown[], zone: DeliveryZone, settings: WatchSettings): Promise<ListQuery> {
  const parcels = `FROM "OrderCare" o JOIN "OrderFulfillment" f ON f."shop" = o."shop" AND f."orderId" = o."orderId"
                  WHERE ${periodOrders(sql)} AND o."cancelledAt" IS NULL AND f."status" = 'success' AND f."deliveredAt" IS NOT NULL`;
  const countries = await sql.query<{ country: string | null }>(`SELECT DISTINCT o."shippingCountry" AS country ${parcels}`, ...bounds);
  const inZone = countries.map((row) => row.country).filter((country) => deliveryZone(country, settings) === zone);
  const codes = inZone.filter((country): country is string => country !== null);
  const conditions = [
    ...(codes.length > 0 ? [`o."shippingCountry" IN (${codes.map((_, index) => `$${bounds.length + 1 + index}`).join(", ")})`] : []),
    ...(inZone.includes(null) ? [`o."shippingCountry" IS NULL`] : []),
  ];
  return {
    with: "",
    rows: `SELECT o."orderId" AS order_id, f."fulfillmentId" AS row_key, o."shippingCountry" AS country, ${sql.ms(`f."createdAt"`)} AS shipped_ms, ${sql.ms(`f."deliveredAt"`)} AS delivered_ms
             ${parcels} AND (${conditions.length > 0 ? conditions.join(" OR ") : "1 = 0"})`,
    values: [...bounds, ...codes],
    note: (row) => `parcel delivered ${iso(row.delivered_ms)}, ${formatDuration(minutesBetween(row.shipped_ms, row.delivered_ms), "en")} after it left (${text(row.country) || "no country"})`,
  };
}

/**
 * Check-in answers of the period, one row each. The answer is inside the event's JSON detail,
 * so the period's distinct details are read and sorted first, as the figure does.
 */
async function checkIns(db: Db, sql: Dialect, shop: string, period: Period, bounds: unknown[], answer: "arrived_well" | "problem"): Promise<ListQuery> {
  const details = await db.timelineEvent.groupBy({ by: ["detail"], where: { shop, kind: "checked_in", occurredAt: { gte: period.start, lt: period.end } } });
  const matching = details.map((row) => row.detail).filter((detail): detail is string => checkInAnswer(detail) === answer);
  const condition = matching.length > 0 ? `e."detail" IN (${matching.map((_, index) => `$${bounds.length + 1 + index}`).join(", ")})` : "1 = 0";
  return {
    with: "",
    rows: `SELECT e."orderId" AS order_id, e."id" AS row_key, ${sql.ms(`e."occurredAt"`)} AS answered_ms
             FROM "TimelineEvent" e
            WHERE e."shop" = $1 AND e."kind" = 'checked_in' AND e."occurredAt" >= ${sql.at(2)} AND e."occurredAt" < ${sql.at(3)} AND ${condition}`,
    values: [...bounds, ...matching],
    note: (row) => `${answer === "problem" ? "problem reported" : "arrived well"} ${iso(row.answered_ms)}`,
  };
}

// --- the list page ----------------------------------------------------------------------------

export type OrdersBehindRow = {
  key: string;
  orderId: string;
  name: string;
  /** The order's page; null when the order is not stored. */
  href: string | null;
  placed: { iso: string; text: string } | null;
  note: string;
};

export type OrdersBehindView = {
  set: OrderSet;
  title: string;
  description: string;
  /** false: the list is what is open now, whatever the period. */
  periodBound: boolean;
  /** "2026-11-19 to 2026-11-25 (Europe/Paris)", or "Open now" for lists that ignore the period. */
  periodLabel: string;
  /** "12 returns". */
  totalLabel: string;
  total: number;
  rows: OrdersBehindRow[];
  page: { number: number; count: number; label: string | null; previousUrl: string | null; nextUrl: string | null };
  notices: string[];
  backUrl: string;
  exportUrl: string;
  exportFilename: string;
};

/** `/app/dashboard/orders?orders=<set>&period=…&page=…`: one page of the list, in the shop's time zone. */
export async function loadOrdersBehindPage(db: Db, shop: string, params: URLSearchParams, options: { now: Date; pageSize?: number }): Promise<OrdersBehindView> {
  const set = params.get("orders") ?? "";
  if (!isOrderSet(set)) throw new UnknownOrderSetError(`No list of orders is called “${set.slice(0, 40)}”.`);
  const { rules } = await getWatchSettings(db, shop);
  const timeZone = rules.calendar.timeZone;
  const period = parsePeriod(params, options.now, timeZone);
  const notices = [...period.notices];
  const size = options.pageSize ?? ORDERS_PER_PAGE;
  const requested = pageNumber(params.get("page"), notices);

  const sql = dialectOf(db);
  const list = await listQuery(db, sql, shop, set, period.current, rules, options.now);
  const [total, firstTry] = await Promise.all([listCount(sql, list), listPage(sql, list, { limit: size, offset: (requested - 1) * size })]);
  const count = Math.max(1, Math.ceil(total / size));
  const number = Math.min(requested, count);
  let orders = firstTry;
  if (number < requested) {
    notices.push(`There is no page ${requested} any more: showing page ${number}, the last.`);
    orders = await listPage(sql, list, { limit: size, offset: (number - 1) * size });
  }

  const info = orderSetInfo(set);
  const periodQuery = periodParams(period).toString();
  const pageUrl = (to: number) => {
    const next = new URLSearchParams(params);
    if (to === 1) next.delete("page");
    else next.set("page", String(to));
    return `/app/dashboard/orders?${next.toString()}`;
  };
  const first = (number - 1) * size;
  return {
    set,
    title: info.title,
    description: info.description,
    periodBound: info.periodBound,
    periodLabel: info.periodBound ? `${period.current.from} to ${period.current.to} (${timeZone})` : "Open now",
    totalLabel: `${total.toLocaleString("en")} ${info.unit[total === 1 ? 0 : 1]}`,
    total,
    rows: orders.map((order) => ({
      key: order.key,
      orderId: order.orderId,
      name: order.name,
      href: order.placedAt ? `/app/orders/${order.orderId}` : null,
      placed: order.placedAt ? { iso: order.placedAt.toISOString(), text: formatDateTime(order.placedAt, timeZone) } : null,
      note: order.note,
    })),
    page: {
      number,
      count,
      label: orders.length > 0 ? `${(first + 1).toLocaleString("en")}–${(first + orders.length).toLocaleString("en")} of ${total.toLocaleString("en")}` : null,
      previousUrl: number > 1 ? pageUrl(number - 1) : null,
      nextUrl: first + orders.length < total ? pageUrl(number + 1) : null,
    },
    notices,
    backUrl: `/app/dashboard?${periodQuery}`,
    exportUrl: `/app/dashboard/export?${periodQuery}&orders=${set}`,
    exportFilename: ordersCsvFilename(set, period.current),
  };
}

/** `?page=`: a whole number from 1; anything else is the first page, with a notice. */
function pageNumber(raw: string | null, notices: string[]): number {
  if (raw === null || raw.trim() === "") return 1;
  const value = raw.trim();
  if (/^\d{1,7}$/.test(value) && Number(value) >= 1) return Number(value);
  notices.push(`Ignored the page “${value.slice(0, 20)}”: showing the first page.`);
  return 1;
}
