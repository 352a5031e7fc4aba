// An order's care timeline as the order page reads it: newest first (what happened last is
// what the merchant came to see), each event in plain English with where the app learned it.
import { FLAG_LABELS } from "~/watch/flag-labels";
import { formatDate, formatDateTime, formatMoney } from "./order-format";
import { cancelReasonLabel, compareIds, humanize, sourceLabel } from "./order-labels";

export type TimelineEventRow = {
  id: string;
  kind: string;
  occurredAt: Date;
  source: string;
  detail: string | null;
  recordedAt: Date;
};

export type TimelineEntry = {
  id: string;
  kind: string;
  label: string;
  occurredAt: string; // ISO
  time: string; // in the shop's time zone
  source: string;
};

/** What an event's detail may say. Every field is optional; a detail that is not JSON says nothing. */
export type TimelineDetail = {
  trackingCompany?: string;
  trackingNumber?: string;
  amount?: string;
  currency?: string;
  reason?: string;
  // Order watch and shopper answers (confirmed, confirmation_call, flag_handled, apology_sent,
  // address_correction_requested, checked_in, problem_reported, …).
  via?: string;
  outcome?: string;
  note?: string;
  /** A flag kind. */
  flag?: string;
  /** ISO instants. */
  retryAt?: string;
  until?: string;
  expectedDelivery?: string;
  gift?: string;
  discountCode?: string;
  answer?: string;
  text?: string;
  /** The corrected address, on one line. */
  address?: string;
  phone?: string;
};

// The care lifecycle, for events that happened at the same moment (placed and paid at checkout).
const LIFECYCLE = [
  "placed",
  "paid",
  "confirmed",
  "dispatched",
  "in_transit",
  "out_for_delivery",
  "attempted_delivery",
  "delivery_failed",
  "delivered",
  "checked_in",
  "reviewed",
  "refunded",
  "cancelled",
  "closed",
];

const SHIPMENT_KINDS: Record<string, string> = {
  in_transit: "In transit",
  out_for_delivery: "Out for delivery",
  attempted_delivery: "Delivery attempted",
  delayed: "Delayed",
  ready_for_pickup: "Ready for pickup",
  picked_up: "Picked up",
  delivered: "Delivered",
  delivery_failed: "Delivery failed",
};

const PLAIN_KINDS: Record<string, string> = {
  placed: "Placed",
  confirmed: "Confirmed",
  closed: "Archived",
  checked_in: "Checked in with the customer",
  reviewed: "Reviewed by the customer",
};

export function parseTimelineDetail(detail: string | null): TimelineDetail {
  if (!detail) return {};
  let value: unknown;
  try {
    value = JSON.parse(detail);
  } catch {
    return {};
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const record = value as Record<string, unknown>;
  const text = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      const field = record[key];
      if (typeof field === "string" && field.trim() !== "") return field.trim();
      if (typeof field === "number" && Number.isFinite(field)) return String(field);
    }
    return undefined;
  };
  const parsed: TimelineDetail = {
    trackingCompany: text("trackingCompany", "tracking_company", "company"),
    trackingNumber: text("trackingNumber", "tracking_number"),
    amount: text("amount"),
    currency: text("currency"),
    reason: text("reason", "cancelReason", "cancel_reason"),
    via: text("via"),
    outcome: text("outcome"),
    note: text("note"),
    flag: text("flag"),
    retryAt: text("retryAt"),
    until: text("until"),
    expectedDelivery: text("expectedDelivery"),
    gift: text("gift"),
    discountCode: text("discountCode"),
    answer: text("answer"),
    text: text("text"),
    address: [text("address1"), text("address2"), [text("zip"), text("city")].filter(Boolean).join(" "), text("country")].filter(Boolean).join(", ") || undefined,
    phone: text("phone"),
  };
  return Object.fromEntries(Object.entries(parsed).filter(([, field]) => field !== undefined)) as TimelineDetail;
}

const CONFIRMED_VIA: Record<string, string> = { phone: "by phone", shopper_link: "by the customer", merchant: "by the shop" };

const CHECK_IN_ANSWERS: Record<string, string> = {
  arrived_well: "Checked in: the customer says it arrived well",
  problem: "Checked in: the customer says something is wrong",
};

/** Free text from a detail, shortened for one line. */
function quote(text: string, max = 300): string {
  const chars = [...text.replace(/\s+/g, " ")];
  return `“${chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : chars.join("")}”`;
}

/** An ISO instant from a detail, printed; the text itself when it is not one. */
function when(iso: string, timeZone: string, dateOnly = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateOnly ? formatDate(date, timeZone) : formatDateTime(date, timeZone);
}

function flagName(flag: string | undefined): string {
  return (flag && (FLAG_LABELS as Record<string, string>)[flag]) || (flag ? humanize(flag) : "Flag");
}

/** The order watch's and the shopper's events; undefined for the others. */
function careLabel(key: string, detail: TimelineDetail, timeZone: string): string | undefined {
  const note = detail.note ? `: ${quote(detail.note)}` : "";
  switch (key) {
    case "confirmed": {
      if (!detail.via && !detail.outcome) return undefined;
      const via = detail.via ? ` ${CONFIRMED_VIA[detail.via] ?? humanize(detail.via).toLowerCase()}` : "";
      return detail.outcome === "address_corrected" ? `Confirmed${via}, with a new address${note}` : `Confirmed${via}${note}`;
    }
    case "confirmation_call":
      if (detail.outcome === "no_answer") return `Confirmation call: no answer${detail.retryAt ? `, call again ${when(detail.retryAt, timeZone)}` : ""}${note}`;
      return `Confirmation call${detail.outcome ? `: ${humanize(detail.outcome).toLowerCase()}` : ""}${note}`;
    case "cancellation_requested":
      return `The customer asked to cancel${detail.via === "phone" ? " (by phone)" : ""}${note}`;
    case "flag_handled":
      return `${flagName(detail.flag)} marked handled${note}`;
    case "flag_snoozed":
      return `${flagName(detail.flag)} snoozed${detail.until ? ` until ${when(detail.until, timeZone)}` : ""}`;
    case "apology_sent": {
      const extras = [detail.gift ? `gift: ${quote(detail.gift, 100)}` : null, detail.discountCode ? `code ${detail.discountCode}` : null].filter(Boolean);
      return `Delay apology sent${detail.expectedDelivery ? `, delivery now expected ${when(detail.expectedDelivery, timeZone, true)}` : ""}${extras.length ? ` (${extras.join(", ")})` : ""}`;
    }
    case "address_correction_requested":
      return `The customer asked to correct the address${detail.address ? `: ${detail.address}` : ""}${detail.phone ? ` (phone ${detail.phone})` : ""}${note}`;
    case "checked_in":
      return detail.answer ? CHECK_IN_ANSWERS[detail.answer] ?? `Checked in: ${humanize(detail.answer).toLowerCase()}` : undefined;
    case "problem_reported":
      return `The customer reported a problem${detail.text ? `: ${quote(detail.text)}` : ""}`;
    case "gift_given":
      return `Gift given: ${detail.gift ? quote(detail.gift, 100) : "a gift"}${detail.discountCode ? ` (code ${detail.discountCode})` : ""}`;
  }
  return undefined;
}

/** "Dispatched with Colissimo (tracking 6A123)", "Refunded €12.50", "Cancelled: customer". Times in `timeZone`. */
export function timelineLabel(kind: string, detail: TimelineDetail, timeZone = "UTC"): string {
  const key = kind.toLowerCase();
  const care = careLabel(key, detail, timeZone);
  if (care !== undefined) return care;
  const tracking = detail.trackingNumber ? ` (tracking ${detail.trackingNumber})` : "";
  const money = detail.amount && detail.currency ? formatMoney(detail.amount, detail.currency) : detail.amount;
  switch (key) {
    case "dispatched":
      return `Dispatched${detail.trackingCompany ? ` with ${detail.trackingCompany}` : ""}${tracking}`;
    case "paid":
      return money ? `Paid ${money}` : "Paid";
    case "refunded":
      return money ? `Refunded ${money}` : "Refunded";
    case "cancelled":
      return detail.reason ? `Cancelled: ${cancelReasonLabel(detail.reason)}` : "Cancelled";
  }
  const shipment = SHIPMENT_KINDS[key];
  if (shipment) return `${shipment}${tracking}`;
  return PLAIN_KINDS[key] ?? humanize(key);
}

/** Newest first; events of one moment in reverse lifecycle order, so "Paid" sits above "Placed". */
export function sortTimeline<T extends Pick<TimelineEventRow, "id" | "kind" | "occurredAt" | "recordedAt">>(events: readonly T[]): T[] {
  const rank = (kind: string) => {
    const index = LIFECYCLE.indexOf(kind.toLowerCase());
    return index === -1 ? LIFECYCLE.length : index;
  };
  return [...events].sort(
    (a, b) =>
      b.occurredAt.getTime() - a.occurredAt.getTime() ||
      rank(b.kind) - rank(a.kind) ||
      b.recordedAt.getTime() - a.recordedAt.getTime() ||
      compareIds(b.id, a.id),
  );
}

export function timelineEntries(events: readonly TimelineEventRow[], timeZone: string): TimelineEntry[] {
  return sortTimeline(events).map((event) => ({
    id: event.id,
    kind: event.kind,
    label: timelineLabel(event.kind, parseTimelineDetail(event.detail), timeZone),
    occurredAt: event.occurredAt.toISOString(),
    time: formatDateTime(event.occurredAt, timeZone),
    source: sourceLabel(event.source),
  }));
}
