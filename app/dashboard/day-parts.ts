// A part of a period's aggregates that adds up: what the database sums up for some whole days
// (one day, kept in DashboardDay, or a run of days computed on the spot). A period's
// aggregates are the sum of its days' parts, resolved against the period's last date and the
// clock. Two figures do not add up as counts and are kept in a form that does:
// - dispatch due "by now": orders not dispatched yet are kept by their due time, compared with
//   the clock when the period is read;
// - customers: each order (with a customer, not cancelled) is kept by the local date of the
//   customer's next order, and whether it is the customer's first. A customer's last order of
//   a period is the one whose next order falls after the period (or never comes), so counting
//   those counts each customer once; a customer with a single order so far is one whose last
//   order of the period is also the first.
// Pure; stored as JSON with histograms as flat [minutes, count, …] lists.
import { mergeHistograms, type Histogram, type PeriodAggregates } from "./indicators";

/** Orders by the local date of the customer's next order (`null`: none yet). */
export type NextOrders = readonly { next: string | null; count: number }[];

export type DayPart = Omit<PeriodAggregates, "dispatch" | "customers"> & {
  dispatch: {
    /** Orders (not cancelled) with a first parcel. */
    dispatched: number;
    onTime: number;
    minutes: Histogram;
    /** Orders not dispatched and not waiting (paid or cash on delivery), by due time (epoch ms). */
    pending: readonly { dueMs: number; count: number }[];
  };
  customers: {
    /** Orders of these days that carry a customer (not cancelled). */
    orders: number;
    next: NextOrders;
    /** The same, for orders that are their customer's first. */
    firstNext: NextOrders;
  };
};

export function emptyPart(): DayPart {
  return {
    orders: 0,
    cancelledOrders: 0,
    ordersPerDay: [],
    dispatch: { dispatched: 0, onTime: 0, minutes: [], pending: [] },
    confirmation: { needed: 0, confirmed: 0, withinSla: 0, minutes: [] },
    delivery: { domestic: [], region: [], international: [] },
    returns: { ordersWithReturn: 0, byReason: [] },
    customers: { orders: 0, next: [], firstNext: [] },
    checkIns: { arrivedWell: 0, problem: 0 },
    reviewRequestsSent: 0,
    messages: [],
    gifts: { given: 0, cost: [] },
    discountCodes: { issued: 0, redeemed: 0 },
  };
}

/** Counts summed by key, in first-seen order. */
function sumBy<T, K>(rows: Iterable<T>, key: (row: T) => K, count: (row: T) => number): [K, number][] {
  const sums = new Map<K, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + count(row));
  return [...sums];
}

/** The sum of parts (of days that do not overlap). */
export function sumParts(parts: readonly DayPart[]): DayPart {
  if (parts.length === 1 && parts[0]) return parts[0];
  const total = emptyPart();
  const add = (pick: (part: DayPart) => number) => parts.reduce((sum, part) => sum + pick(part), 0);
  const merged = (pick: (part: DayPart) => Histogram) => mergeHistograms(...parts.map(pick));
  const all = <T>(pick: (part: DayPart) => readonly T[]) => parts.flatMap(pick);
  return {
    ...total,
    orders: add((p) => p.orders),
    cancelledOrders: add((p) => p.cancelledOrders),
    ordersPerDay: sumBy(all((p) => p.ordersPerDay), (row) => row.date, (row) => row.count).map(([date, count]) => ({ date, count })),
    dispatch: {
      dispatched: add((p) => p.dispatch.dispatched),
      onTime: add((p) => p.dispatch.onTime),
      minutes: merged((p) => p.dispatch.minutes),
      pending: sumBy(all((p) => p.dispatch.pending), (row) => row.dueMs, (row) => row.count).map(([dueMs, count]) => ({ dueMs, count })),
    },
    confirmation: {
      needed: add((p) => p.confirmation.needed),
      confirmed: add((p) => p.confirmation.confirmed),
      withinSla: add((p) => p.confirmation.withinSla),
      minutes: merged((p) => p.confirmation.minutes),
    },
    delivery: { domestic: merged((p) => p.delivery.domestic), region: merged((p) => p.delivery.region), international: merged((p) => p.delivery.international) },
    returns: {
      ordersWithReturn: add((p) => p.returns.ordersWithReturn),
      byReason: sumBy(all((p) => p.returns.byReason), (row) => row.reason, (row) => row.count).map(([reason, count]) => ({ reason, count })),
    },
    customers: {
      orders: add((p) => p.customers.orders),
      next: sumBy(all((p) => p.customers.next), (row) => row.next, (row) => row.count).map(([next, count]) => ({ next, count })),
      firstNext: sumBy(all((p) => p.customers.firstNext), (row) => row.next, (row) => row.count).map(([next, count]) => ({ next, count })),
    },
    checkIns: { arrivedWell: add((p) => p.checkIns.arrivedWell), problem: add((p) => p.checkIns.problem) },
    reviewRequestsSent: add((p) => p.reviewRequestsSent),
    messages: sumBy(all((p) => p.messages), (row) => row.status, (row) => row.count).map(([status, count]) => ({ status, count })),
    gifts: { given: add((p) => p.gifts.given), cost: sumBy(all((p) => p.gifts.cost), (row) => row.cost, (row) => row.count).map(([cost, count]) => ({ cost, count })) },
    discountCodes: { issued: add((p) => p.discountCodes.issued), redeemed: add((p) => p.discountCodes.redeemed) },
  };
}

/** The aggregates of a period from its days' parts: `to` is its last local date, `now` the clock. */
export function periodFromParts(parts: readonly DayPart[], to: string, now: Date): PeriodAggregates {
  const sum = sumParts(parts);
  const afterPeriod = (rows: NextOrders) => rows.reduce((total, row) => total + (row.next === null || row.next > to ? row.count : 0), 0);
  const customers = afterPeriod(sum.customers.next);
  const nowMs = now.getTime();
  return {
    ...sum,
    dispatch: {
      due: sum.dispatch.dispatched + sum.dispatch.pending.reduce((total, row) => total + (row.dueMs <= nowMs ? row.count : 0), 0),
      onTime: sum.dispatch.onTime,
      minutes: sum.dispatch.minutes,
    },
    customers: { customers, repeat: customers - afterPeriod(sum.customers.firstNext), orders: sum.customers.orders },
  };
}

// --- storage --------------------------------------------------------------------------------

const flat = (histogram: Histogram): number[] => histogram.flatMap((entry) => [entry.minutes, entry.count]);

function unflat(values: unknown): Histogram {
  if (!Array.isArray(values)) return [];
  const histogram: { minutes: number; count: number }[] = [];
  for (let index = 0; index + 1 < values.length; index += 2) histogram.push({ minutes: Number(values[index]), count: Number(values[index + 1]) });
  return histogram;
}

/** A part as the JSON kept in DashboardDay.data. */
export function encodePart(part: DayPart): string {
  return JSON.stringify({
    ...part,
    dispatch: { ...part.dispatch, minutes: flat(part.dispatch.minutes) },
    confirmation: { ...part.confirmation, minutes: flat(part.confirmation.minutes) },
    delivery: { domestic: flat(part.delivery.domestic), region: flat(part.delivery.region), international: flat(part.delivery.international) },
  });
}

/** Reads DashboardDay.data back; null when it is not a part this version wrote (recomputed then). */
export function decodePart(data: string): DayPart | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const raw = value as DayPart & { dispatch: { minutes: unknown }; confirmation: { minutes: unknown }; delivery: Record<string, unknown> };
  if (typeof raw.orders !== "number" || typeof raw.dispatch !== "object" || typeof raw.customers !== "object" || typeof raw.delivery !== "object") return null;
  return {
    ...raw,
    dispatch: { ...raw.dispatch, minutes: unflat(raw.dispatch.minutes) },
    confirmation: { ...raw.confirmation, minutes: unflat(raw.confirmation.minutes) },
    delivery: { domestic: unflat(raw.delivery.domestic), region: unflat(raw.delivery.region), international: unflat(raw.delivery.international) },
  };
}
