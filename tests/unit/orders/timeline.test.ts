// Which timeline entries a snapshot reports, when they happened, and which report is kept.
import { describe, expect, it } from "vitest";
import { fulfillmentTimeline, mergeTimeline, mergeTimelineEntry, orderTimeline, refundTimeline, serializeDetail, timelineForEvent, type TimelineEntry } from "~/orders/timeline";
import { at, fulfillmentSnapshot, orderSnapshot, PLACED_AT, refundSnapshot } from "./snapshots";

const keys = (entries: TimelineEntry[]) => entries.map((entry) => `${entry.dedupeKey}@${entry.occurredAt.toISOString()}`);

describe("orderTimeline", () => {
  it("reports a pending order as placed only", () => {
    expect(orderTimeline(orderSnapshot({ financialStatus: "pending", updatedAt: at(1) }))).toEqual([{ kind: "placed", occurredAt: PLACED_AT, dedupeKey: "placed" }]);
  });

  it("reports payment at the time of the snapshot that shows it, with the amount", () => {
    expect(orderTimeline(orderSnapshot({ financialStatus: "paid", updatedAt: at(90) }))).toContainEqual({
      kind: "paid",
      occurredAt: at(90),
      detail: { amount: "49.90", currency: "EUR" },
      dedupeKey: "paid",
    });
    expect(orderTimeline(orderSnapshot({ financialStatus: "partially_refunded", updatedAt: at(95) })).map((entry) => entry.kind)).toContain("paid");
  });

  it("reports cancellation and closing at Shopify's times", () => {
    const cancelled = orderSnapshot({ financialStatus: "voided", cancelledAt: at(40), cancelReason: "customer", closedAt: at(41), updatedAt: at(42) });
    expect(orderTimeline(cancelled)).toEqual([
      { kind: "placed", occurredAt: PLACED_AT, dedupeKey: "placed" },
      { kind: "cancelled", occurredAt: at(40), detail: { reason: "customer" }, dedupeKey: "cancelled" },
      { kind: "closed", occurredAt: at(41), dedupeKey: "closed" },
    ]);
  });

  it("never reports a confirmation: Shopify's flag is not the shopper's", () => {
    expect(orderTimeline(orderSnapshot({ confirmed: true })).map((entry) => entry.kind)).not.toContain("confirmed");
  });

  it("includes the order's fulfillments and refunds", () => {
    const snapshot = orderSnapshot({ fulfillments: [fulfillmentSnapshot()], refunds: [refundSnapshot()], updatedAt: at(700) });
    expect(orderTimeline(snapshot).map((entry) => entry.dedupeKey)).toEqual(["placed", "paid", "fulfillment:5300110021:dispatched", "refund:1044400331"]);
  });
});

describe("fulfillmentTimeline", () => {
  it("reports a successful fulfillment as dispatched when it was created, with its tracking", () => {
    expect(fulfillmentTimeline(fulfillmentSnapshot({ updatedAt: at(500) }))).toEqual([
      { kind: "dispatched", occurredAt: at(60), detail: { trackingCompany: "InPost", trackingNumber: "620111222333" }, dedupeKey: "fulfillment:5300110021:dispatched" },
    ]);
  });

  it("reports nothing for a fulfillment that did not succeed", () => {
    expect(fulfillmentTimeline(fulfillmentSnapshot({ status: "cancelled" }))).toEqual([]);
    expect(fulfillmentTimeline(fulfillmentSnapshot({ status: "pending", trackingNumber: null, trackingCompany: null }))).toEqual([]);
  });

  it.each([
    ["in_transit", "in_transit"],
    ["carrier_picked_up", "in_transit"],
    ["out_for_delivery", "out_for_delivery"],
    ["attempted_delivery", "attempted_delivery"],
    ["delivered", "delivered"],
    ["picked_up", "delivered"],
    ["failure", "delivery_failed"],
  ] as const)("reports shipment status %s as %s at the update that shows it", (shipmentStatus, kind) => {
    const entries = fulfillmentTimeline(fulfillmentSnapshot({ shipmentStatus, updatedAt: at(300) }));
    expect(entries).toContainEqual({ kind, occurredAt: at(300), detail: { trackingNumber: "620111222333" }, dedupeKey: `fulfillment:5300110021:${kind}` });
    expect(entries).toHaveLength(2);
  });

  it.each(["label_printed", "label_purchased", "confirmed", "delayed", "ready_for_pickup"] as const)("reports nothing more for %s", (shipmentStatus) => {
    expect(fulfillmentTimeline(fulfillmentSnapshot({ shipmentStatus })).map((entry) => entry.kind)).toEqual(["dispatched"]);
  });

  it("prefers the milestone times Shopify records", () => {
    const entries = fulfillmentTimeline(fulfillmentSnapshot({ shipmentStatus: "delivered", inTransitAt: at(100), deliveredAt: at(1900), updatedAt: at(2000) }));
    expect(keys(entries)).toEqual([
      `fulfillment:5300110021:dispatched@${at(60).toISOString()}`,
      `fulfillment:5300110021:in_transit@${at(100).toISOString()}`,
      `fulfillment:5300110021:delivered@${at(1900).toISOString()}`,
    ]);
  });
});

describe("refundTimeline", () => {
  it("reports each refund when it was created", () => {
    expect(refundTimeline(refundSnapshot())).toEqual([{ kind: "refunded", occurredAt: at(600), detail: { amount: "21.00", currency: "EUR" }, dedupeKey: "refund:1044400331" }]);
    expect(refundTimeline(refundSnapshot({ amount: null, currency: null }))).toEqual([{ kind: "refunded", occurredAt: at(600), dedupeKey: "refund:1044400331" }]);
  });
});

describe("timelineForEvent", () => {
  it("reads the event's snapshot", () => {
    expect(timelineForEvent({ kind: "refund", source: "webhook", refund: refundSnapshot() })).toEqual(refundTimeline(refundSnapshot()));
    expect(timelineForEvent({ kind: "fulfillment", source: "backfill", fulfillment: fulfillmentSnapshot() })).toEqual(fulfillmentTimeline(fulfillmentSnapshot()));
  });
});

describe("merging reports of one entry", () => {
  const early: TimelineEntry = { kind: "in_transit", occurredAt: at(100), dedupeKey: "fulfillment:1:in_transit" };
  const late: TimelineEntry = { ...early, occurredAt: at(200), detail: { trackingNumber: "X" } };

  it("keeps the earliest", () => {
    expect(mergeTimelineEntry(early, late)).toBe(early);
    expect(mergeTimelineEntry(late, early)).toBe(early);
  });

  it("keeps the richer detail at the same time, then a fixed choice", () => {
    const bare: TimelineEntry = { kind: "dispatched", occurredAt: at(60), dedupeKey: "fulfillment:1:dispatched" };
    const tracked = { ...bare, detail: { trackingNumber: "A" } };
    const other = { ...bare, detail: { trackingNumber: "B" } };
    expect(mergeTimelineEntry(bare, tracked)).toBe(tracked);
    expect(mergeTimelineEntry(tracked, bare)).toBe(tracked);
    expect(mergeTimelineEntry(tracked, other)).toBe(other);
    expect(mergeTimelineEntry(other, tracked)).toBe(other);
  });

  it("refuses two different entries", () => {
    expect(() => mergeTimelineEntry(early, { ...early, dedupeKey: "placed" })).toThrow(/cannot merge/);
  });

  it("gives one entry per key, in time order", () => {
    const placed: TimelineEntry = { kind: "placed", occurredAt: at(0), dedupeKey: "placed" };
    expect(mergeTimeline([late, placed, early, placed])).toEqual([placed, early]);
  });

  it("stores the detail as JSON with sorted keys", () => {
    expect(serializeDetail({ trackingNumber: "1", currency: "EUR", amount: "2.00" })).toBe('{"amount":"2.00","currency":"EUR","trackingNumber":"1"}');
    expect(serializeDetail({})).toBeNull();
    expect(serializeDetail(undefined)).toBeNull();
  });
});
