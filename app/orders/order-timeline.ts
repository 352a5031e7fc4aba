// An order's care timeline as the order page reads it: newest first (what happened last is
// what the merchant came to see), each event in plain English with where the app learned it.
import { formatDateTime, formatMoney } from "./order-format";
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
  };
  return Object.fromEntries(Object.entries(parsed).filter(([, field]) => field !== undefined)) as TimelineDetail;
}

/** "Dispatched with Colissimo (tracking 6A123)", "Refunded €12.50", "Cancelled: customer". */
export function timelineLabel(kind: string, detail: TimelineDetail): string {
  const key = kind.toLowerCase();
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
    label: timelineLabel(event.kind, parseTimelineDetail(event.detail)),
    occurredAt: event.occurredAt.toISOString(),
    time: formatDateTime(event.occurredAt, timeZone),
    source: sourceLabel(event.source),
  }));
}
