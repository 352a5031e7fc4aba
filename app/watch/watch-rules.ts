// Order watch: which orders are late or unconfirmed, and since when. Given one order's
// state, the shop's watch settings and the time, evaluateOrder says which flags the order
// carries now and the next instant at which they would change if nothing else happened
// (the sweep re-evaluates the order then). Pure: no I/O, no clock. Erasable TypeScript only.
//
// Each flag is a window in time fixed by the order's facts: it is raised at `since` and, for
// dispatch_due_soon, dropped at its due time; the rest stay until the order moves on — a new
// fact that changes the input, not the passing of time:
//
// - unconfirmed: the order needs confirming (WatchSettings.confirmation), is not confirmed,
//   and `withinBusinessMinutes` business minutes have passed since it was placed. Confirming
//   it clears the flag; so does dispatching any of it (then there is nothing to confirm), or
//   its payment being voided, expired or refunded.
// - dispatch_due_soon / late_dispatch: the order is not fully fulfilled and dispatch is due
//   within `atRiskBusinessMinutes` business minutes / overdue. Dispatch is due addBusinessDays
//   (cut-off rules in business-calendar.ts) after the order was ready: placed, and also
//   confirmed when it needs confirming and paid when it is paid (paidAt) and not cash on
//   delivery. An order waiting for confirmation, or for payment (pending, partially paid,
//   not cash on delivery), is not ready and has no dispatch flags; nor has one whose payment
//   was voided, expired or refunded. Fulfilled (or restocked) clears them; partly dispatched
//   ("partial", or a parcel sent) does not, and says so.
// - late_delivery: a tracked parcel (a fulfillment that succeeded and has a tracking number
//   or a carrier status) is not delivered by the end of the local day `withinDays[zone]`
//   calendar days after the day it was dispatched (the fulfillment's creation) — or by the
//   end of the carrier's estimated delivery day, when that is later: the merchant cannot act
//   on a parcel the carrier still expects to deliver on time. A parcel at a pickup point
//   (ready_for_pickup) has arrived and is not late.
// - stalled_in_transit: a tracked parcel on its way (label printed … out for delivery, or
//   delayed) has had no carrier event (lastEventAt, else its creation) for `stalledAfterDays` days.
// - delivery_failed: the carrier reports a failure (raised at once), or an attempted delivery
//   with no news for a day after it (carriers usually try again the next working day).
// - no_tracking: a parcel dispatched to an address without a tracking number, an hour after
//   dispatch (tracking numbers are often added just after fulfilling).
//
// Delivery flags clear once the parcel is delivered (or picked up); a cancelled or closed order
// carries no flag at all. A merchant may snooze a kind of flag (hidden until snoozedUntil) or
// mark it handled (hidden when it was raised at or before handledAt; a later one shows).
// Each kind appears at most once per order: for parcels, the one raised first.
import {
  addBusinessDays,
  addBusinessMinutes,
  addLocalDays,
  calendarProblems,
  formatLocalDate,
  formatLocalDateTime,
  localDateTime,
  zonedInstant,
  type BusinessCalendar,
} from "./business-calendar";
import { compareDecimals, parseDecimal } from "~/money/decimal";

export type FlagKind =
  | "unconfirmed"
  | "dispatch_due_soon"
  | "late_dispatch"
  | "late_delivery"
  | "stalled_in_transit"
  | "delivery_failed"
  | "no_tracking";

/** Every kind, in the order flags are listed. */
export const FLAG_KINDS: readonly FlagKind[] = [
  "unconfirmed",
  "dispatch_due_soon",
  "late_dispatch",
  "late_delivery",
  "stalled_in_transit",
  "delivery_failed",
  "no_tracking",
];

/** Which orders need confirming before dispatch (e.g. a call to a cash-on-delivery customer). */
export type ConfirmationCriterion =
  | { kind: "all" }
  | { kind: "cash_on_delivery" }
  | { kind: "first_orders" }
  /** Total price strictly above `amount` (a decimal string in the shop currency). */
  | { kind: "above_amount"; amount: string }
  /** Tagged `tag` (compared without case or surrounding spaces, as Shopify does). */
  | { kind: "tagged"; tag: string };

export type DeliveryZone = "domestic" | "region" | "international";

export type WatchSettings = {
  calendar: BusinessCalendar;
  confirmation: {
    /** An order needs confirming when it matches any of these; none: no order does. */
    requiredFor: readonly ConfirmationCriterion[];
    withinBusinessMinutes: number;
  };
  dispatch: {
    /** Business days (≥ 1) after the order is ready, with the calendar's cut-off. */
    withinBusinessDays: number;
    /** Other delays for some shipping methods (titles compared without case or surrounding spaces). */
    byShippingMethod: readonly { shippingMethod: string; withinBusinessDays: number }[];
  };
  delivery: {
    /** ISO 3166-1 alpha-2; null: no destination is domestic. */
    shopCountry: string | null;
    /** Countries of the shop's region (e.g. the EU), domestic excepted. */
    regionCountries: readonly string[];
    /** Calendar days from dispatch to delivery, by zone. Unknown destinations are international. */
    withinDays: Readonly<Record<DeliveryZone, number>>;
  };
  /** Days without a carrier event after which a parcel on its way is stalled; null: never. */
  stalledAfterDays: number | null;
  /** dispatch_due_soon this many business minutes before dispatch is due; 0: never. */
  atRiskBusinessMinutes: number;
  flagFulfilledWithoutTracking: boolean;
};

export type WatchFulfillment = {
  fulfillmentId: string;
  /** When it was created: the dispatch time. */
  createdAt: Date;
  /** success | cancelled | error | failure | pending | open; only "success" is a dispatched parcel. */
  status: string;
  trackingNumber: string | null;
  /** The carrier's status, lower case (ShipmentStatus). */
  shipmentStatus: string | null;
  /** The carrier's latest event, when known. */
  lastEventAt: Date | null;
  deliveredAt: Date | null;
  estimatedDeliveryAt: Date | null;
};

export type WatchOrder = {
  placedAt: Date;
  confirmedAt: Date | null;
  /** When it was paid, when known; dispatch is not due before (cash on delivery excepted). */
  paidAt: Date | null;
  cancelledAt: Date | null;
  closedAt: Date | null;
  financialStatus: string | null;
  /** null/unfulfilled | partial | fulfilled | restocked */
  fulfillmentStatus: string | null;
  cashOnDelivery: boolean;
  isFirstOrder: boolean;
  /** Decimal string in the shop currency. */
  totalPrice: string;
  tags: readonly string[];
  /** ISO 3166-1 alpha-2; null when nothing is shipped to an address. */
  shippingCountry: string | null;
  shippingMethod: string | null;
  fulfillments: readonly WatchFulfillment[];
  /** Flags of a kind are hidden until then. */
  snoozedUntil?: Partial<Record<FlagKind, Date>>;
  /** Flags of a kind raised at or before then were dealt with and are hidden. */
  handledAt?: Partial<Record<FlagKind, Date>>;
};

/**
 * What a flag says, for the UI to put in its own words. Params (dates as ISO strings):
 * - unconfirmed: businessMinutes, dueAt
 * - dispatch_due_soon, late_dispatch, late_dispatch_partial: businessDays, readySince
 *   ("placed" | "confirmed" | "paid"), readyAt, dueAt, shippingMethod?
 * - late_delivery, late_delivery_estimate: days, zone, country?, dispatchedAt, dueAt,
 *   estimatedDeliveryAt?
 * - stalled_in_transit: days, shipmentStatus, lastEventAt
 * - delivery_failed, delivery_attempt_failed: eventAt
 * - no_tracking: dispatchedAt
 */
export type ReasonCode =
  | "unconfirmed"
  | "dispatch_due_soon"
  | "late_dispatch"
  | "late_dispatch_partial"
  | "late_delivery"
  | "late_delivery_estimate"
  | "stalled_in_transit"
  | "delivery_failed"
  | "delivery_attempt_failed"
  | "no_tracking";

export type Flag = {
  kind: FlagKind;
  /** When the flag was raised. */
  since: Date;
  /** When the thing was (or is, for dispatch_due_soon) due. */
  dueAt: Date;
  /** In English, with the numbers, e.g. "Not dispatched 1 business day after it was placed (due Tue 25 Nov 17:00)". */
  reason: string;
  reasonCode: ReasonCode;
  reasonParams: Record<string, string | number>;
  /** The parcel a delivery or tracking flag is about; null for order flags. */
  fulfillmentId: string | null;
};

export type WatchResult = {
  /** At most one per kind, in FLAG_KINDS order. */
  flags: Flag[];
  /** The first instant after `now` at which `flags` change unless the order does; null: never. */
  nextDueAt: Date | null;
};

/** How long a parcel may go without a tracking number after dispatch before no_tracking. */
export const NO_TRACKING_GRACE_MS = 3_600_000;
/** How long after an attempted delivery without news delivery_failed is raised. */
export const ATTEMPTED_DELIVERY_GRACE_MS = 86_400_000;

/** EU member states, for WatchSettings.delivery.regionCountries. */
export const EU_COUNTRIES: readonly string[] = [
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
  "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/**
 * Monday to Friday, 9:00–17:00, cut-off 14:00, no holidays, in UTC until the shop's zone is
 * known; cash-on-delivery orders confirmed within 2 business hours; dispatch within 1
 * business day; delivery within 3 days at home, 6 in the region, 12 elsewhere; stalled after
 * 4 days without news; at risk 2 business hours before dispatch is due.
 */
export const DEFAULT_WATCH_SETTINGS: WatchSettings = {
  calendar: { timeZone: "UTC", workingDays: [1, 2, 3, 4, 5], opensAt: 9 * 60, closesAt: 17 * 60, cutoffAt: 14 * 60, holidays: [] },
  confirmation: { requiredFor: [{ kind: "cash_on_delivery" }], withinBusinessMinutes: 120 },
  dispatch: { withinBusinessDays: 1, byShippingMethod: [] },
  delivery: { shopCountry: null, regionCountries: [], withinDays: { domestic: 3, region: 6, international: 12 } },
  stalledAfterDays: 4,
  atRiskBusinessMinutes: 120,
  flagFulfilledWithoutTracking: true,
};

/** The defaults for a shop: its zone and country, and the EU as its region when it is in the EU. */
export function defaultWatchSettings(shop: { timeZone: string; country: string | null }): WatchSettings {
  const country = shop.country?.toUpperCase() ?? null;
  const inEu = country !== null && EU_COUNTRIES.includes(country);
  return {
    ...DEFAULT_WATCH_SETTINGS,
    calendar: { ...DEFAULT_WATCH_SETTINGS.calendar, timeZone: shop.timeZone },
    delivery: {
      ...DEFAULT_WATCH_SETTINGS.delivery,
      shopCountry: country,
      regionCountries: inEu ? EU_COUNTRIES.filter((code) => code !== country) : [],
    },
  };
}

/** Why settings cannot be used; empty when they can. */
export function watchSettingsProblems(settings: WatchSettings): string[] {
  const problems = calendarProblems(settings.calendar);
  const wholeAtLeast = (value: number, min: number, what: string) => {
    if (!Number.isInteger(value) || value < min) problems.push(`${what} must be a whole number ≥ ${min} (got ${value})`);
  };
  wholeAtLeast(settings.confirmation.withinBusinessMinutes, 0, "confirmation delay");
  for (const criterion of settings.confirmation.requiredFor) {
    if (criterion.kind === "above_amount" && parseDecimal(criterion.amount) === null) problems.push(`"${criterion.amount}" is not an amount`);
    if (criterion.kind === "tagged" && normaliseTag(criterion.tag) === "") problems.push("empty confirmation tag");
  }
  wholeAtLeast(settings.dispatch.withinBusinessDays, 1, "dispatch delay");
  for (const override of settings.dispatch.byShippingMethod) {
    wholeAtLeast(override.withinBusinessDays, 1, `dispatch delay for "${override.shippingMethod}"`);
  }
  for (const zone of ["domestic", "region", "international"] as const) wholeAtLeast(settings.delivery.withinDays[zone], 0, `${zone} delivery delay`);
  if (settings.stalledAfterDays !== null) wholeAtLeast(settings.stalledAfterDays, 1, "stalled delay");
  wholeAtLeast(settings.atRiskBusinessMinutes, 0, "at-risk window");
  return problems;
}

/** Whether the order matches any of the settings' confirmation criteria. */
export function needsConfirmation(order: WatchOrder, settings: WatchSettings): boolean {
  return settings.confirmation.requiredFor.some((criterion) => {
    switch (criterion.kind) {
      case "all":
        return true;
      case "cash_on_delivery":
        return order.cashOnDelivery;
      case "first_orders":
        return order.isFirstOrder;
      case "above_amount": {
        const total = parseDecimal(order.totalPrice);
        const amount = parseDecimal(criterion.amount);
        return total !== null && amount !== null && compareDecimals(total, amount) > 0;
      }
      case "tagged": {
        const tag = normaliseTag(criterion.tag);
        return tag !== "" && order.tags.some((orderTag) => normaliseTag(orderTag) === tag);
      }
    }
  });
}

/** The delivery zone of a destination: the shop's country, its region, or anywhere else (also when unknown). */
export function deliveryZone(country: string | null, settings: WatchSettings): DeliveryZone {
  if (country === null) return "international";
  const code = country.toUpperCase();
  if (settings.delivery.shopCountry !== null && code === settings.delivery.shopCountry.toUpperCase()) return "domestic";
  if (settings.delivery.regionCountries.some((region) => region.toUpperCase() === code)) return "region";
  return "international";
}

/** Business days allowed to dispatch an order: its shipping method's, else the shop's. */
export function dispatchBusinessDays(shippingMethod: string | null, settings: WatchSettings): number {
  if (shippingMethod !== null) {
    const method = normaliseTag(shippingMethod);
    const override = settings.dispatch.byShippingMethod.find((entry) => normaliseTag(entry.shippingMethod) === method);
    if (override) return override.withinBusinessDays;
  }
  return settings.dispatch.withinBusinessDays;
}

/** The order's flags at `now`, and when they next change (see the header for the rules). */
export function evaluateOrder(order: WatchOrder, settings: WatchSettings, now: Date): WatchResult {
  const windows = flagWindows(order, settings);
  const time = now.getTime();
  const flags = visibleFlags(windows, order, time);
  return { flags, nextDueAt: nextChange(windows, order, time, flags) };
}

// --- flag windows --------------------------------------------------------------------------

/** A flag raised at `since` and dropped at `until` (never, when null), unless hidden. */
type FlagWindow = Flag & { until: number | null };

const DISPATCHED_STATUSES = new Set(["fulfilled", "restocked"]);
/** Not cash on delivery, and not paid yet: not ready for dispatch. */
const AWAITING_PAYMENT = new Set(["pending", "partially_paid"]);
/** Nothing to dispatch any more. */
const PAYMENT_ENDED = new Set(["voided", "expired", "refunded"]);
const ARRIVED = new Set(["delivered", "picked_up"]);
const AT_PICKUP_POINT = "ready_for_pickup";
const ON_ITS_WAY = new Set(["label_printed", "label_purchased", "confirmed", "carrier_picked_up", "in_transit", "out_for_delivery", "delayed"]);
const DAY_MS = 86_400_000;

function flagWindows(order: WatchOrder, settings: WatchSettings): FlagWindow[] {
  if (order.cancelledAt !== null || order.closedAt !== null) return [];
  const zone = settings.calendar.timeZone;
  const payment = order.financialStatus?.toLowerCase() ?? null;
  const fulfillment = order.fulfillmentStatus?.toLowerCase() ?? null;
  const paymentEnded = payment !== null && PAYMENT_ENDED.has(payment);
  const dispatched = fulfillment !== null && DISPATCHED_STATUSES.has(fulfillment);
  const dispatchStarted = dispatched || fulfillment === "partial" || order.fulfillments.some((parcel) => parcel.status === "success");
  const confirming = needsConfirmation(order, settings);
  const windows: FlagWindow[] = [];

  if (confirming && order.confirmedAt === null && !dispatchStarted && !paymentEnded) {
    const minutes = settings.confirmation.withinBusinessMinutes;
    const due = addBusinessMinutes(settings.calendar, order.placedAt, minutes);
    windows.push(
      raise({
        kind: "unconfirmed",
        since: due,
        reasonCode: "unconfirmed",
        reasonParams: { businessMinutes: minutes, dueAt: due.toISOString() },
        reason: `Not confirmed within ${businessTime(minutes)} of being placed (due ${formatLocalDateTime(zone, due)})`,
      }),
    );
  }

  const awaitingConfirmation = confirming && order.confirmedAt === null && !dispatchStarted;
  const awaitingPayment = !order.cashOnDelivery && payment !== null && AWAITING_PAYMENT.has(payment);
  if (!dispatched && !paymentEnded && !awaitingConfirmation && !awaitingPayment) {
    windows.push(...dispatchWindows(order, settings, confirming, dispatchStarted));
  }

  for (const parcel of order.fulfillments) windows.push(...parcelWindows(order, parcel, settings));
  return windows;
}

function dispatchWindows(order: WatchOrder, settings: WatchSettings, confirming: boolean, partial: boolean): FlagWindow[] {
  const zone = settings.calendar.timeZone;
  let readyAt = order.placedAt;
  let readySince: "placed" | "confirmed" | "paid" = "placed";
  if (confirming && order.confirmedAt !== null && order.confirmedAt > readyAt) {
    readyAt = order.confirmedAt;
    readySince = "confirmed";
  }
  if (!order.cashOnDelivery && order.paidAt !== null && order.paidAt > readyAt) {
    readyAt = order.paidAt;
    readySince = "paid";
  }
  const days = dispatchBusinessDays(order.shippingMethod, settings);
  const due = addBusinessDays(settings.calendar, readyAt, days);
  const params: Record<string, string | number> = { businessDays: days, readySince, readyAt: readyAt.toISOString(), dueAt: due.toISOString() };
  if (order.shippingMethod !== null) params.shippingMethod = order.shippingMethod;
  const span = `${plural(days, "business day")} after it was ${readySince}`;
  const dueText = formatLocalDateTime(zone, due);
  const windows: FlagWindow[] = [];

  const atRisk = settings.atRiskBusinessMinutes;
  if (atRisk > 0) {
    const from = Math.max(addBusinessMinutes(settings.calendar, due, -atRisk).getTime(), readyAt.getTime());
    if (from < due.getTime()) {
      windows.push(
        raise({
          kind: "dispatch_due_soon",
          since: new Date(from),
          dueAt: due,
          until: due.getTime(),
          reasonCode: "dispatch_due_soon",
          reasonParams: { ...params },
          reason: `Dispatch due by ${dueText}, ${span}`,
        }),
      );
    }
  }
  windows.push(
    raise({
      kind: "late_dispatch",
      since: due,
      reasonCode: partial ? "late_dispatch_partial" : "late_dispatch",
      reasonParams: { ...params },
      reason: `${partial ? "Only partly dispatched" : "Not dispatched"} ${span} (due ${dueText})`,
    }),
  );
  return windows;
}

function parcelWindows(order: WatchOrder, parcel: WatchFulfillment, settings: WatchSettings): FlagWindow[] {
  if (parcel.status !== "success") return [];
  const status = parcel.shipmentStatus?.toLowerCase() ?? null;
  if (parcel.deliveredAt !== null || (status !== null && ARRIVED.has(status))) return [];
  const zone = settings.calendar.timeZone;
  const id = parcel.fulfillmentId;
  const dispatchedAt = parcel.createdAt;
  const hasTrackingNumber = parcel.trackingNumber !== null && parcel.trackingNumber.trim() !== "";
  const windows: FlagWindow[] = [];

  if (!hasTrackingNumber && status === null) {
    if (settings.flagFulfilledWithoutTracking && order.shippingCountry !== null) {
      const since = new Date(dispatchedAt.getTime() + NO_TRACKING_GRACE_MS);
      windows.push(
        raise({
          kind: "no_tracking",
          since,
          fulfillmentId: id,
          reasonCode: "no_tracking",
          reasonParams: { dispatchedAt: dispatchedAt.toISOString() },
          reason: `Dispatched on ${formatLocalDateTime(zone, dispatchedAt)} without a tracking number`,
        }),
      );
    }
    return windows; // untracked: nothing tells whether it arrives
  }

  if (status !== AT_PICKUP_POINT) {
    const deliveryZoneOfOrder = deliveryZone(order.shippingCountry, settings);
    const days = settings.delivery.withinDays[deliveryZoneOfOrder];
    const dispatchDate = localDateTime(zone, dispatchedAt).date;
    const promised = zonedInstant(zone, addLocalDays(dispatchDate, days + 1), 0);
    const estimated = parcel.estimatedDeliveryAt === null ? null : zonedInstant(zone, addLocalDays(localDateTime(zone, parcel.estimatedDeliveryAt).date, 1), 0);
    const params: Record<string, string | number> = { days, zone: deliveryZoneOfOrder, dispatchedAt: dispatchedAt.toISOString() };
    if (order.shippingCountry !== null) params.country = order.shippingCountry;
    if (parcel.estimatedDeliveryAt !== null) params.estimatedDeliveryAt = parcel.estimatedDeliveryAt.toISOString();
    if (estimated !== null && estimated > promised) {
      const lastDay = formatLocalDate(zone, new Date(estimated.getTime() - 1));
      windows.push(
        raise({
          kind: "late_delivery",
          since: estimated,
          fulfillmentId: id,
          reasonCode: "late_delivery_estimate",
          reasonParams: { ...params, dueAt: estimated.toISOString() },
          reason: `Not delivered by the carrier's estimate (end of ${lastDay})`,
        }),
      );
    } else {
      const lastDay = formatLocalDate(zone, new Date(promised.getTime() - 1));
      const destination = order.shippingCountry === null ? deliveryZoneOfOrder : `${order.shippingCountry}, ${deliveryZoneOfOrder}`;
      windows.push(
        raise({
          kind: "late_delivery",
          since: promised,
          fulfillmentId: id,
          reasonCode: "late_delivery",
          reasonParams: { ...params, dueAt: promised.toISOString() },
          reason: `Not delivered ${plural(days, "day")} after dispatch (${destination}; due end of ${lastDay})`,
        }),
      );
    }
  }

  const lastEventAt = parcel.lastEventAt ?? dispatchedAt;
  if (settings.stalledAfterDays !== null && status !== null && ON_ITS_WAY.has(status)) {
    const days = settings.stalledAfterDays;
    const since = new Date(lastEventAt.getTime() + days * DAY_MS);
    windows.push(
      raise({
        kind: "stalled_in_transit",
        since,
        fulfillmentId: id,
        reasonCode: "stalled_in_transit",
        reasonParams: { days, shipmentStatus: status, lastEventAt: lastEventAt.toISOString() },
        reason: `No carrier update for ${plural(days, "day")} (last on ${formatLocalDateTime(zone, lastEventAt)})`,
      }),
    );
  }

  if (status === "failure") {
    windows.push(
      raise({
        kind: "delivery_failed",
        since: lastEventAt,
        fulfillmentId: id,
        reasonCode: "delivery_failed",
        reasonParams: { eventAt: lastEventAt.toISOString() },
        reason: `The carrier reported a failed delivery on ${formatLocalDateTime(zone, lastEventAt)}`,
      }),
    );
  } else if (status === "attempted_delivery") {
    const since = new Date(lastEventAt.getTime() + ATTEMPTED_DELIVERY_GRACE_MS);
    windows.push(
      raise({
        kind: "delivery_failed",
        since,
        fulfillmentId: id,
        reasonCode: "delivery_attempt_failed",
        reasonParams: { eventAt: lastEventAt.toISOString() },
        reason: `Delivery attempted on ${formatLocalDateTime(zone, lastEventAt)}, no news for a day since`,
      }),
    );
  }
  return windows;
}

/** A flag window; by default due when raised, never dropped, about the whole order. */
function raise(flag: Omit<Flag, "dueAt" | "fulfillmentId"> & { dueAt?: Date; until?: number | null; fulfillmentId?: string }): FlagWindow {
  return { ...flag, dueAt: flag.dueAt ?? flag.since, until: flag.until ?? null, fulfillmentId: flag.fulfillmentId ?? null };
}

// --- flags at a time -------------------------------------------------------------------------

function visibleFlags(windows: readonly FlagWindow[], order: WatchOrder, time: number): Flag[] {
  const byKind = new Map<FlagKind, FlagWindow>();
  for (const candidate of windows) {
    const since = candidate.since.getTime();
    if (since > time || (candidate.until !== null && time >= candidate.until)) continue;
    const handledAt = order.handledAt?.[candidate.kind];
    if (handledAt !== undefined && since <= handledAt.getTime()) continue;
    const snoozedUntil = order.snoozedUntil?.[candidate.kind];
    if (snoozedUntil !== undefined && time < snoozedUntil.getTime()) continue;
    const kept = byKind.get(candidate.kind);
    if (!kept || since < kept.since.getTime()) byKind.set(candidate.kind, candidate);
  }
  return FLAG_KINDS.flatMap((kind) => {
    const chosen = byKind.get(kind);
    if (!chosen) return [];
    const { until: _until, ...flag } = chosen;
    return [flag];
  });
}

/**
 * Flags depend on the time only through comparisons with the windows' bounds and the
 * snoozes' ends, so they can only change at one of those: the first at which they do is
 * the answer.
 */
function nextChange(windows: readonly FlagWindow[], order: WatchOrder, time: number, current: readonly Flag[]): Date | null {
  const bounds = new Set<number>();
  for (const candidate of windows) {
    bounds.add(candidate.since.getTime());
    if (candidate.until !== null) bounds.add(candidate.until);
  }
  for (const until of Object.values(order.snoozedUntil ?? {})) if (until) bounds.add(until.getTime());
  const key = flagsKey(current);
  const later = [...bounds].filter((bound) => bound > time).sort((a, b) => a - b);
  for (const bound of later) {
    if (flagsKey(visibleFlags(windows, order, bound)) !== key) return new Date(bound);
  }
  return null;
}

function flagsKey(flags: readonly Flag[]): string {
  return flags.map((flag) => `${flag.kind}|${flag.reasonCode}|${flag.fulfillmentId ?? ""}|${flag.since.getTime()}|${flag.dueAt.getTime()}`).join(";");
}

// --- words and numbers -----------------------------------------------------------------------

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/** "2 business hours", "90 business minutes". */
function businessTime(minutes: number): string {
  return minutes > 0 && minutes % 60 === 0 ? plural(minutes / 60, "business hour") : plural(minutes, "business minute");
}

function normaliseTag(tag: string): string {
  return tag.trim().toLowerCase();
}
