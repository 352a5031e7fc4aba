// What happened to an order, as the entries of its care timeline.
//
// Entries are read off every snapshot the app receives (an order, a fulfillment, a refund),
// not only off the newest state: a parcel's "in transit" is gone from the state once it is
// delivered, but a late in-transit update still says when it was in transit.
//
// occurredAt is always a time written in the data, never the time the app heard of it:
//   placed              the order's created_at
//   paid                the updatedAt of a snapshot that shows the order paid (same as paidAt)
//   cancelled, closed   the order's cancelled_at, closed_at
//   refunded            the refund's created_at                       (one per refund)
//   dispatched          the fulfillment's created_at, if it succeeded (one per fulfillment)
//   in_transit          the fulfillment's inTransitAt if known, else the updatedAt of the
//                       fulfillment snapshot that shows it in transit
//   delivered           deliveredAt if known, else the updatedAt of the snapshot showing it
//   out_for_delivery, attempted_delivery, delivery_failed
//                       the updatedAt of the fulfillment snapshot that shows the status
// Several snapshots can report the same entry (same dedupe key) with different times: the
// timeline keeps the earliest (mergeTimelineEntry). That is a join, so the set of entries is
// the same whatever order the snapshots arrive in, and a repeat changes nothing.
//
// "confirmed" is not derived here: Shopify's `confirmed` flag says the inventory was
// reserved, not that the shopper confirmed; the order-watch feature records confirmations.
import { showsPaid } from "./payment";
import type { FulfillmentSnapshot, OrderEvent, OrderSnapshot, RefundSnapshot, ShipmentStatus } from "./order-snapshot";

export const TIMELINE_KINDS = [
  "placed",
  "paid",
  "dispatched",
  "in_transit",
  "out_for_delivery",
  "attempted_delivery",
  "delivered",
  "delivery_failed",
  "cancelled",
  "refunded",
  "closed",
] as const;

export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Short facts shown with an entry; the keys the order page reads (order-timeline.ts). */
export type TimelineEntryDetail = {
  trackingCompany?: string;
  trackingNumber?: string;
  amount?: string;
  currency?: string;
  reason?: string;
};

export type TimelineEntry = {
  kind: TimelineKind;
  occurredAt: Date;
  detail?: TimelineEntryDetail;
  /** Unique per order: "placed", "fulfillment:<id>:delivered", "refund:<id>". */
  dedupeKey: string;
};

const SHIPMENT_KINDS: Partial<Record<ShipmentStatus, TimelineKind>> = {
  carrier_picked_up: "in_transit",
  in_transit: "in_transit",
  out_for_delivery: "out_for_delivery",
  attempted_delivery: "attempted_delivery",
  delivered: "delivered",
  picked_up: "delivered", // local pickup: the shopper collected it
  failure: "delivery_failed",
};

function entry(kind: TimelineKind, occurredAt: Date, dedupeKey: string, detail: TimelineEntryDetail = {}): TimelineEntry {
  const known: TimelineEntryDetail = Object.fromEntries(Object.entries(detail).filter(([, value]) => value !== undefined && value !== ""));
  return Object.keys(known).length > 0 ? { kind, occurredAt, detail: known, dedupeKey } : { kind, occurredAt, dedupeKey };
}

const optional = (value: string | null): string | undefined => value ?? undefined;

export function orderTimeline(order: OrderSnapshot): TimelineEntry[] {
  const entries = [entry("placed", order.placedAt, "placed")];
  if (showsPaid(order.financialStatus)) {
    entries.push(entry("paid", order.updatedAt, "paid", { amount: order.totalPrice, currency: order.currency }));
  }
  if (order.cancelledAt) entries.push(entry("cancelled", order.cancelledAt, "cancelled", { reason: optional(order.cancelReason) }));
  if (order.closedAt) entries.push(entry("closed", order.closedAt, "closed"));
  return [...entries, ...order.fulfillments.flatMap(fulfillmentTimeline), ...order.refunds.flatMap(refundTimeline)];
}

export function fulfillmentTimeline(fulfillment: FulfillmentSnapshot): TimelineEntry[] {
  const key = (kind: TimelineKind) => `fulfillment:${fulfillment.fulfillmentId}:${kind}`;
  const tracking = { trackingCompany: optional(fulfillment.trackingCompany), trackingNumber: optional(fulfillment.trackingNumber) };
  const entries: TimelineEntry[] = [];
  if (fulfillment.status === "success") entries.push(entry("dispatched", fulfillment.createdAt, key("dispatched"), tracking));

  const shown = fulfillment.shipmentStatus ? SHIPMENT_KINDS[fulfillment.shipmentStatus] : undefined;
  const at: Partial<Record<TimelineKind, Date>> = {};
  if (shown) at[shown] = fulfillment.updatedAt;
  // A time Shopify records for the milestone is better than the update that showed it.
  if (fulfillment.inTransitAt) at.in_transit = fulfillment.inTransitAt;
  if (fulfillment.deliveredAt) at.delivered = fulfillment.deliveredAt;
  for (const kind of TIMELINE_KINDS) {
    const occurredAt = at[kind];
    if (occurredAt) entries.push(entry(kind, occurredAt, key(kind), { trackingNumber: tracking.trackingNumber }));
  }
  return entries;
}

export function refundTimeline(refund: RefundSnapshot): TimelineEntry[] {
  return [entry("refunded", refund.createdAt, `refund:${refund.refundId}`, { amount: optional(refund.amount), currency: optional(refund.currency) })];
}

/** The entries one event reports. */
export function timelineForEvent(event: OrderEvent): TimelineEntry[] {
  switch (event.kind) {
    case "order":
      return orderTimeline(event.snapshot);
    case "fulfillment":
      return fulfillmentTimeline(event.fulfillment);
    case "refund":
      return refundTimeline(event.refund);
  }
}

/** The detail as stored: JSON with sorted keys, or null when there is none. */
export function serializeDetail(detail: TimelineEntryDetail | undefined): string | null {
  if (!detail) return null;
  const keys = Object.keys(detail).sort() as (keyof TimelineEntryDetail)[];
  if (keys.length === 0) return null;
  return JSON.stringify(Object.fromEntries(keys.map((key) => [key, detail[key]])));
}

/**
 * Of two reports of the same entry, the one the timeline keeps: the earliest; at the same
 * time the one with more detail, then the one whose detail sorts last. Commutative,
 * associative and idempotent, like every rule of the order state.
 */
export function mergeTimelineEntry(a: TimelineEntry, b: TimelineEntry): TimelineEntry {
  if (a.dedupeKey !== b.dedupeKey) throw new Error(`cannot merge timeline entries ${a.dedupeKey} and ${b.dedupeKey}`);
  const order = a.occurredAt.getTime() - b.occurredAt.getTime();
  if (order !== 0) return order < 0 ? a : b;
  const sizeA = Object.keys(a.detail ?? {}).length;
  const sizeB = Object.keys(b.detail ?? {}).length;
  if (sizeA !== sizeB) return sizeA > sizeB ? a : b;
  return (serializeDetail(a.detail) ?? "") >= (serializeDetail(b.detail) ?? "") ? a : b;
}

/** One entry per dedupe key, by occurredAt then key. */
export function mergeTimeline(entries: Iterable<TimelineEntry>): TimelineEntry[] {
  const byKey = new Map<string, TimelineEntry>();
  for (const item of entries) {
    const kept = byKey.get(item.dedupeKey);
    byKey.set(item.dedupeKey, kept ? mergeTimelineEntry(kept, item) : item);
  }
  return [...byKey.values()].sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0),
  );
}
