// The dashboard's figures, computed from aggregates the database already summed up (counts,
// and histograms of durations in whole minutes): never from one row per order. Pure: every
// figure of a period, compared with the period before, and the series the charts draw.
import type { DeliveryZone } from "~/watch/watch-rules";
import { isReturnReason, isShopFault, REASON_LABELS, RETURN_REASONS, type ReturnReason } from "~/returns/return-policy";

/** Durations in whole minutes, counted: `[{ minutes: 90, count: 3 }, …]`. */
export type Histogram = readonly { minutes: number; count: number }[];

/** What the database sums up for one period (dashboard.server.ts). */
export type PeriodAggregates = {
  /** Orders placed in the period, cancelled ones included. */
  orders: number;
  cancelledOrders: number;
  /** Orders placed per local date ("YYYY-MM-DD"); dates without orders may be missing. */
  ordersPerDay: readonly { date: string; count: number }[];
  dispatch: {
    /** Orders (not cancelled) whose dispatch was due by now or that were dispatched. */
    due: number;
    /** Of those, dispatched (first parcel) by the due time. */
    onTime: number;
    /** Time from ready (placed, confirmed or paid) to the first parcel. */
    minutes: Histogram;
  };
  confirmation: {
    /** Orders that asked for confirmation (confirmed, or flagged unconfirmed). */
    needed: number;
    confirmed: number;
    /** Confirmed without ever being flagged unconfirmed (the watch's SLA). */
    withinSla: number;
    /** Time from placed to confirmed. */
    minutes: Histogram;
  };
  /** Time from dispatch to delivery per parcel, by destination zone. */
  delivery: Readonly<Record<DeliveryZone, Histogram>>;
  returns: {
    /** Orders of the period (not cancelled) with a return case (not cancelled). */
    ordersWithReturn: number;
    /** Return cases requested in the period, by reason. */
    byReason: readonly { reason: string; count: number }[];
  };
  customers: {
    /** Distinct customers who ordered in the period. */
    customers: number;
    /** Of those, customers with an earlier order or more than one in the period. */
    repeat: number;
    /** Orders of the period that carry a customer. */
    orders: number;
  };
  checkIns: { arrivedWell: number; problem: number };
  reviewRequestsSent: number;
  /** Shopper messages created in the period, by outbox status. */
  messages: readonly { status: string; count: number }[];
  gifts: { given: number; cost: readonly { cost: string; count: number }[] };
  discountCodes: { issued: number; redeemed: number };
};

/** Open now, whatever the period. */
export type OpenFlags = { late: number; unconfirmed: number };

export type FigureFormat = "count" | "percent" | "minutes" | "decimal" | "money";

/** Lists of orders behind the figures other than one per return reason. */
const NAMED_ORDER_SETS = [
  "placed",
  "cancelled",
  "late_dispatch",
  "dispatched",
  "flag_late",
  "confirmed",
  "unconfirmed_late",
  "flag_unconfirmed",
  "delivered_domestic",
  "delivered_region",
  "delivered_international",
  "returned",
  "return_requests",
  "returns_shop_fault",
  "repeat_customers",
  "customer_orders",
  "well_check_ins",
  "problem_check_ins",
  "review_requests",
  "messages",
  "messages_sent",
  "messages_failed",
  "messages_held",
  "gifts",
  "codes_issued",
  "codes_redeemed",
] as const;

/** Which orders stand behind a figure (the list page's and the export's `?orders=`). */
export type OrderSet = (typeof NAMED_ORDER_SETS)[number] | `returns_${ReturnReason}`;
export const ORDER_SETS: readonly OrderSet[] = [...NAMED_ORDER_SETS, ...RETURN_REASONS.map((reason) => `returns_${reason}` as const)];

export function isOrderSet(value: string): value is OrderSet {
  return (ORDER_SETS as readonly string[]).includes(value);
}

/** The return reason of a `returns_<reason>` set; null for the other sets. */
export function orderSetReason(set: OrderSet): ReturnReason | null {
  const reason = set.startsWith("returns_") ? set.slice("returns_".length) : "";
  return isReturnReason(reason) ? reason : null;
}

export type Figure = {
  id: string;
  label: string;
  format: FigureFormat;
  /** null: nothing to measure (no orders, no parcels): shown as "—". */
  value: number | null;
  previous: number | null;
  /** Whether a rise is good news (true), bad news (false), or neither (null). */
  higherIsBetter: boolean | null;
  /** The orders behind it, when there is such a list. */
  orders: OrderSet | null;
  /** Counted from what ("of 120 orders"), for the text and the CSV. */
  basis: string | null;
};

export type FigureGroup = { id: string; title: string; figures: Figure[] };

export const DISPATCH_BUCKETS = [
  { id: "under_4h", label: "Under 4 h", upTo: 4 * 60 },
  { id: "4_8h", label: "4–8 h", upTo: 8 * 60 },
  { id: "8_24h", label: "8–24 h", upTo: 24 * 60 },
  { id: "1_2d", label: "1–2 days", upTo: 48 * 60 },
  { id: "2_3d", label: "2–3 days", upTo: 72 * 60 },
  { id: "over_3d", label: "Over 3 days", upTo: Number.POSITIVE_INFINITY },
] as const;

// Re-exported: the dashboard's lists import the reason labels from here.

export const ZONE_LABELS: Record<DeliveryZone, string> = { domestic: "domestic", region: "in the region", international: "international" };

export type OrderSetInfo = {
  /** The figure the list stands behind (or what it lists, when the figure is a share of it). */
  title: string;
  /** What one row is, and which rows are in. */
  description: string;
  /** What one row counts: a return case, a message… ([singular, plural]). */
  unit: readonly [string, string];
  /** false: open now, whatever the period. */
  periodBound: boolean;
};

const ORDERS = ["order", "orders"] as const;
const RETURNS = ["return", "returns"] as const;
const MESSAGES = ["message", "messages"] as const;
const SHOPPER_MESSAGES = "Messages to shoppers created in the period (one row per message; those without an order are not listed)";

const ORDER_SET_INFO: Record<(typeof NAMED_ORDER_SETS)[number], OrderSetInfo> = {
  placed: { title: "Orders placed", description: "Orders placed in the period, cancelled ones included.", unit: ORDERS, periodBound: true },
  cancelled: { title: "Cancelled", description: "Orders placed in the period and cancelled since.", unit: ORDERS, periodBound: true },
  late_dispatch: { title: "Dispatched late", description: "Orders of the period due for dispatch whose first parcel left after the due time, or that are past due and not dispatched.", unit: ORDERS, periodBound: true },
  dispatched: { title: "Median time to dispatch", description: "Orders of the period (not cancelled) with a first parcel, and the time from ready to that parcel.", unit: ORDERS, periodBound: true },
  flag_late: { title: "Late orders open now", description: "Open late-dispatch and late-delivery flags (one row per flag), whatever the period.", unit: ["flag", "flags"], periodBound: false },
  confirmed: { title: "Median time to confirm", description: "Orders of the period (not cancelled) that were confirmed, and the time from placed to confirmed.", unit: ORDERS, periodBound: true },
  unconfirmed_late: { title: "Not confirmed in time", description: "Orders of the period (not cancelled) that the watch flagged as unconfirmed.", unit: ORDERS, periodBound: true },
  flag_unconfirmed: { title: "Unconfirmed orders open now", description: "Open unconfirmed flags, whatever the period.", unit: ["flag", "flags"], periodBound: false },
  delivered_domestic: { title: `Median delivery time, ${ZONE_LABELS.domestic}`, description: "Parcels delivered in the shop’s country, of orders of the period (not cancelled): one row per parcel.", unit: ["parcel", "parcels"], periodBound: true },
  delivered_region: { title: `Median delivery time, ${ZONE_LABELS.region}`, description: "Parcels delivered in the shop’s region, of orders of the period (not cancelled): one row per parcel.", unit: ["parcel", "parcels"], periodBound: true },
  delivered_international: { title: `Median delivery time, ${ZONE_LABELS.international}`, description: "Parcels delivered abroad (or without a country), of orders of the period (not cancelled): one row per parcel.", unit: ["parcel", "parcels"], periodBound: true },
  returned: { title: "Return rate", description: "Orders of the period (not cancelled) with a return case that was not cancelled.", unit: ORDERS, periodBound: true },
  return_requests: { title: "Returns requested", description: "Return cases requested in the period, not cancelled (one row per return).", unit: RETURNS, periodBound: true },
  returns_shop_fault: { title: "Returns for the shop’s fault", description: "Return cases requested in the period, not cancelled, for a reason that is the shop’s fault.", unit: RETURNS, periodBound: true },
  repeat_customers: { title: "Repeat customers", description: "Orders of the period (not cancelled) from customers with another order in the period or an earlier one.", unit: ORDERS, periodBound: true },
  customer_orders: { title: "Orders per customer", description: "Orders of the period (not cancelled) that carry a customer.", unit: ORDERS, periodBound: true },
  well_check_ins: { title: "Check-ins: arrived well", description: "Shoppers’ check-in answers in the period saying the order arrived well.", unit: ["answer", "answers"], periodBound: true },
  problem_check_ins: { title: "Check-ins: a problem", description: "Shoppers’ check-in answers in the period reporting a problem.", unit: ["answer", "answers"], periodBound: true },
  review_requests: { title: "Review requests sent", description: "Review requests created in the period and sent (one row per message).", unit: MESSAGES, periodBound: true },
  messages: { title: "Messages", description: `${SHOPPER_MESSAGES}.`, unit: MESSAGES, periodBound: true },
  messages_sent: { title: "Delivered to the mail server", description: `${SHOPPER_MESSAGES}, sent.`, unit: MESSAGES, periodBound: true },
  messages_failed: { title: "Failed", description: `${SHOPPER_MESSAGES}, failed.`, unit: MESSAGES, periodBound: true },
  messages_held: { title: "Held", description: `${SHOPPER_MESSAGES}, held.`, unit: MESSAGES, periodBound: true },
  gifts: { title: "Gifts given", description: "Gifts granted in the period (not failed), with their kind and cost.", unit: ["gift", "gifts"], periodBound: true },
  codes_issued: { title: "Discount codes issued", description: "Discount codes issued in the period, by the order they were given for (codes given without an order are not listed).", unit: ["code", "codes"], periodBound: true },
  codes_redeemed: { title: "Discount codes redeemed", description: "Discount codes redeemed in the period, by the order they were used on.", unit: ["code", "codes"], periodBound: true },
};

function isNamedOrderSet(set: OrderSet): set is (typeof NAMED_ORDER_SETS)[number] {
  return (NAMED_ORDER_SETS as readonly string[]).includes(set);
}

/** What a list of orders is called and holds, for its page. */
export function orderSetInfo(set: OrderSet): OrderSetInfo {
  if (isNamedOrderSet(set)) return ORDER_SET_INFO[set];
  const reason = orderSetReason(set) ?? "other";
  const other = reason === "other" ? " (and reasons the policy does not know)" : "";
  return { title: `Returns: ${REASON_LABELS[reason].toLowerCase()}`, description: `Return cases requested in the period, not cancelled, for “${REASON_LABELS[reason]}”${other}.`, unit: RETURNS, periodBound: true };
}

/** `part / whole` as a share between 0 and 1; null when there is nothing to divide. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** The median of a histogram (the mean of the two middle values for an even count); null when empty. */
export function histogramMedian(histogram: Histogram): number | null {
  const sorted = histogram.filter((entry) => entry.count > 0).toSorted((a, b) => a.minutes - b.minutes);
  const total = sorted.reduce((sum, entry) => sum + entry.count, 0);
  if (total === 0) return null;
  const at = (rank: number): number => {
    let seen = 0;
    for (const entry of sorted) {
      seen += entry.count;
      if (rank < seen) return entry.minutes;
    }
    return sorted[sorted.length - 1]?.minutes ?? 0;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

export function mergeHistograms(...histograms: Histogram[]): Histogram {
  const counts = new Map<number, number>();
  for (const histogram of histograms) for (const entry of histogram) counts.set(entry.minutes, (counts.get(entry.minutes) ?? 0) + entry.count);
  return [...counts].map(([minutes, count]) => ({ minutes, count })).toSorted((a, b) => a.minutes - b.minutes);
}

/** Dispatch times in the chart's buckets (a time on a bucket's upper bound falls in the next one). */
export function dispatchDistribution(histogram: Histogram): { id: string; label: string; count: number }[] {
  const buckets = DISPATCH_BUCKETS.map((bucket) => ({ id: bucket.id, label: bucket.label, count: 0 }));
  for (const entry of histogram) {
    const index = DISPATCH_BUCKETS.findIndex((bucket) => entry.minutes < bucket.upTo);
    const bucket = buckets[index === -1 ? buckets.length - 1 : index];
    if (bucket) bucket.count += entry.count;
  }
  return buckets;
}

/** Return cases by reason, the policy's reasons first in their order, unknown ones as "other". */
export function returnsByReason(rows: PeriodAggregates["returns"]["byReason"]): { reason: ReturnReason; label: string; count: number; shopFault: boolean }[] {
  const counts = new Map<ReturnReason, number>();
  for (const row of rows) {
    const reason = isReturnReason(row.reason) ? row.reason : "other";
    counts.set(reason, (counts.get(reason) ?? 0) + row.count);
  }
  return RETURN_REASONS.map((reason) => ({ reason, label: REASON_LABELS[reason], count: counts.get(reason) ?? 0, shopFault: isShopFault(reason) }));
}

/** The sum of gift costs (decimal strings) in cents, exactly. */
export function giftCostCents(rows: PeriodAggregates["gifts"]["cost"]): number {
  let cents = 0;
  for (const row of rows) {
    const match = /^(-?)(\d+)(?:\.(\d{1,2})\d*)?$/.exec(row.cost.trim());
    if (!match) continue;
    const value = Number(match[2]) * 100 + Number((match[3] ?? "").padEnd(2, "0"));
    cents += (match[1] === "-" ? -value : value) * row.count;
  }
  return cents;
}

function messageCount(rows: PeriodAggregates["messages"], statuses: readonly string[]): number {
  return rows.filter((row) => statuses.includes(row.status)).reduce((sum, row) => sum + row.count, 0);
}

/** Every figure of one period (the previous period's value is filled by `compareFigures`). */
function periodFigures(a: PeriodAggregates, flags: OpenFlags | null): FigureGroup[] {
  const placed = a.orders - a.cancelledOrders;
  const reasons = returnsByReason(a.returns.byReason);
  const returnCases = reasons.reduce((sum, row) => sum + row.count, 0);
  const shopFault = reasons.filter((row) => row.shopFault).reduce((sum, row) => sum + row.count, 0);
  const checkIns = a.checkIns.arrivedWell + a.checkIns.problem;
  const messagesTotal = a.messages.reduce((sum, row) => sum + row.count, 0);
  const figure = (id: string, label: string, format: FigureFormat, value: number | null, higherIsBetter: boolean | null, orders: OrderSet | null = null, basis: string | null = null): Figure => ({
    id,
    label,
    format,
    value,
    previous: null,
    higherIsBetter,
    orders,
    basis,
  });
  const zones: DeliveryZone[] = ["domestic", "region", "international"];
  return [
    {
      id: "orders",
      title: "Orders",
      figures: [figure("orders", "Orders placed", "count", a.orders, null, "placed"), figure("cancelled", "Cancelled", "count", a.cancelledOrders, false, "cancelled")],
    },
    {
      id: "dispatch",
      title: "Dispatch",
      figures: [
        figure("on_time_dispatch", "Dispatched on time", "percent", ratio(a.dispatch.onTime, a.dispatch.due), true, "late_dispatch", `${a.dispatch.due} orders due`),
        figure("dispatch_median", "Median time to dispatch", "minutes", histogramMedian(a.dispatch.minutes), false, "dispatched"),
        ...(flags ? [figure("late_open", "Late orders open now", "count", flags.late, false, "flag_late")] : []),
      ],
    },
    {
      id: "confirmation",
      title: "Confirmation",
      figures: [
        figure("confirm_median", "Median time to confirm", "minutes", histogramMedian(a.confirmation.minutes), false, "confirmed"),
        figure("confirmed_within_sla", "Confirmed in time", "percent", ratio(a.confirmation.withinSla, a.confirmation.needed), true, "unconfirmed_late", `${a.confirmation.needed} orders to confirm`),
        ...(flags ? [figure("unconfirmed_open", "Unconfirmed orders open now", "count", flags.unconfirmed, false, "flag_unconfirmed")] : []),
      ],
    },
    {
      id: "delivery",
      title: "Delivery",
      figures: zones.map((zone) => figure(`delivery_median_${zone}`, `Median delivery time, ${ZONE_LABELS[zone]}`, "minutes", histogramMedian(a.delivery[zone]), false, `delivered_${zone}`, `${a.delivery[zone].reduce((sum, entry) => sum + entry.count, 0)} parcels delivered`)),
    },
    {
      id: "returns",
      title: "Returns",
      figures: [
        figure("return_rate", "Return rate", "percent", ratio(a.returns.ordersWithReturn, placed), false, "returned", `${placed} orders`),
        figure("return_cases", "Returns requested", "count", returnCases, false, "return_requests"),
        figure("shop_fault_share", "Returns for the shop’s fault", "percent", ratio(shopFault, returnCases), false, "returns_shop_fault"),
        ...reasons.map((row) => figure(`returns_${row.reason}`, `Returns: ${row.label.toLowerCase()}`, "count", row.count, false, `returns_${row.reason}`)),
      ],
    },
    {
      id: "customers",
      title: "Customers",
      figures: [
        figure("repeat_rate", "Repeat customers", "percent", ratio(a.customers.repeat, a.customers.customers), true, "repeat_customers", `${a.customers.customers} customers`),
        figure("orders_per_customer", "Orders per customer", "decimal", ratio(a.customers.orders, a.customers.customers), true, "customer_orders"),
      ],
    },
    {
      id: "after_delivery",
      title: "After delivery",
      figures: [
        figure("checked_in_well", "Check-ins: arrived well", "count", a.checkIns.arrivedWell, true, "well_check_ins"),
        figure("checked_in_problem", "Check-ins: a problem", "count", a.checkIns.problem, false, "problem_check_ins"),
        figure("check_in_problem_share", "Check-ins reporting a problem", "percent", ratio(a.checkIns.problem, checkIns), false, "problem_check_ins", `${checkIns} answers`),
        figure("review_requests", "Review requests sent", "count", a.reviewRequestsSent, null, "review_requests"),
      ],
    },
    {
      id: "messages",
      title: "Messages to shoppers",
      figures: [
        figure("messages_total", "Messages", "count", messagesTotal, null, "messages"),
        figure("messages_sent", "Delivered to the mail server", "count", messageCount(a.messages, ["sent"]), null, "messages_sent"),
        figure("messages_failed", "Failed", "count", messageCount(a.messages, ["failed"]), false, "messages_failed"),
        figure("messages_held", "Held", "count", messageCount(a.messages, ["held"]), false, "messages_held"),
      ],
    },
    {
      id: "gifts",
      title: "Gifts and discount codes",
      figures: [
        figure("gifts_given", "Gifts given", "count", a.gifts.given, null, "gifts"),
        figure("gifts_cost", "Cost of gifts", "money", giftCostCents(a.gifts.cost) / 100, null, "gifts"),
        figure("codes_issued", "Discount codes issued", "count", a.discountCodes.issued, null, "codes_issued"),
        figure("codes_redeemed", "Discount codes redeemed", "count", a.discountCodes.redeemed, true, "codes_redeemed"),
      ],
    },
  ];
}

/** The period's figures with the previous period's values beside them. Open flags are "now" only. */
export function dashboardFigures(current: PeriodAggregates, previous: PeriodAggregates, flags: OpenFlags): FigureGroup[] {
  const before = new Map(periodFigures(previous, null).flatMap((group) => group.figures.map((figure) => [figure.id, figure.value] as const)));
  return periodFigures(current, flags).map((group) => ({
    ...group,
    figures: group.figures.map((figure) => ({ ...figure, previous: figure.id.endsWith("_open") ? null : (before.get(figure.id) ?? null) })),
  }));
}

/** The change from the previous value: a difference in points for shares, relative otherwise; null when not comparable. */
export function figureChange(figure: Pick<Figure, "format" | "value" | "previous">): { kind: "points" | "relative"; amount: number } | null {
  if (figure.value === null || figure.previous === null) return null;
  if (figure.format === "percent") return { kind: "points", amount: (figure.value - figure.previous) * 100 };
  if (figure.previous === 0) return null;
  return { kind: "relative", amount: (figure.value - figure.previous) / figure.previous };
}

/** Orders per day of the period, every date present (0 when none), in order. */
export function dailySeries(dates: readonly string[], rows: PeriodAggregates["ordersPerDay"]): { date: string; count: number }[] {
  const counts = new Map(rows.map((row) => [row.date, row.count]));
  return dates.map((date) => ({ date, count: counts.get(date) ?? 0 }));
}

/** An empty period, for a shop with no data. */
export function emptyAggregates(): PeriodAggregates {
  return {
    orders: 0,
    cancelledOrders: 0,
    ordersPerDay: [],
    dispatch: { due: 0, onTime: 0, minutes: [] },
    confirmation: { needed: 0, confirmed: 0, withinSla: 0, minutes: [] },
    delivery: { domestic: [], region: [], international: [] },
    returns: { ordersWithReturn: 0, byReason: [] },
    customers: { customers: 0, repeat: 0, orders: 0 },
    checkIns: { arrivedWell: 0, problem: 0 },
    reviewRequestsSent: 0,
    messages: [],
    gifts: { given: 0, cost: [] },
    discountCodes: { issued: 0, redeemed: 0 },
  };
}
