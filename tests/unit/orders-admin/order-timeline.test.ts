import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTimelineDetail, sortTimeline, timelineEntries, timelineLabel } from "~/orders/order-timeline";

const detail = (value: unknown) => parseTimelineDetail(JSON.stringify(value));

describe("timeline labels", () => {
  it("says what happened in plain English, with what the detail adds", () => {
    expect(timelineLabel("placed", {})).toBe("Placed");
    expect(timelineLabel("paid", {})).toBe("Paid");
    expect(timelineLabel("paid", detail({ amount: "42.00", currency: "EUR" }))).toBe("Paid €42.00");
    expect(timelineLabel("dispatched", detail({ trackingCompany: "Colissimo", trackingNumber: "6A12345678901" }))).toBe("Dispatched with Colissimo (tracking 6A12345678901)");
    expect(timelineLabel("dispatched", detail({ trackingNumber: "6A1" }))).toBe("Dispatched (tracking 6A1)");
    expect(timelineLabel("dispatched", {})).toBe("Dispatched");
    expect(timelineLabel("in_transit", {})).toBe("In transit");
    expect(timelineLabel("out_for_delivery", {})).toBe("Out for delivery");
    expect(timelineLabel("delivered", detail({ trackingNumber: "6A1" }))).toBe("Delivered (tracking 6A1)");
    expect(timelineLabel("refunded", detail({ amount: "12.50", currency: "EUR" }))).toBe("Refunded €12.50");
    expect(timelineLabel("refunded", detail({ amount: 12.5 }))).toBe("Refunded 12.5");
    expect(timelineLabel("cancelled", detail({ reason: "customer" }))).toBe("Cancelled: customer");
    expect(timelineLabel("cancelled", {})).toBe("Cancelled");
    expect(timelineLabel("closed", {})).toBe("Archived");
    expect(timelineLabel("checked_in", {})).toBe("Checked in with the customer");
    expect(timelineLabel("loyalty_points_added", {})).toBe("Loyalty points added");
  });

  it("reads snake_case details too, and ignores details that are not a JSON object", () => {
    expect(detail({ tracking_company: "DHL", tracking_number: "JD01" })).toEqual({ trackingCompany: "DHL", trackingNumber: "JD01" });
    for (const bad of ["not json", "[1,2]", "null", "42", '"text"', ""]) expect(parseTimelineDetail(bad), bad).toEqual({});
    expect(parseTimelineDetail(null)).toEqual({});
    expect(detail({ trackingNumber: "  ", amount: { nested: true } })).toEqual({});
  });

  it("never throws on any detail", () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(fc.string(), fc.json()), (kind, text) => {
        expect(typeof timelineLabel(kind, parseTimelineDetail(text))).toBe("string");
      }),
    );
  });
});

describe("timeline order", () => {
  const event = (id: string, kind: string, occurredAt: string, recordedAt = occurredAt) => ({ id, kind, occurredAt: new Date(occurredAt), recordedAt: new Date(recordedAt) });

  it("is newest first, and events of one moment in reverse lifecycle order", () => {
    const events = [
      event("a", "placed", "2026-11-18T10:00:00Z"),
      event("b", "paid", "2026-11-18T10:00:00Z"),
      event("c", "dispatched", "2026-11-19T08:00:00Z"),
      event("d", "delivered", "2026-11-21T15:00:00Z"),
      event("e", "in_transit", "2026-11-19T20:00:00Z"),
    ];
    expect(sortTimeline(events).map((entry) => entry.kind)).toEqual(["delivered", "in_transit", "dispatched", "paid", "placed"]);
  });

  it("is the same whatever order the events arrive in", () => {
    const events = [
      event("a", "placed", "2026-11-18T10:00:00Z"),
      event("b", "paid", "2026-11-18T10:00:00Z"),
      event("c", "dispatched", "2026-11-19T08:00:00Z"),
      event("d", "refunded", "2026-11-19T08:00:00Z", "2026-11-19T09:00:00Z"),
      event("e", "refunded", "2026-11-19T08:00:00Z", "2026-11-19T10:00:00Z"),
    ];
    const expected = sortTimeline(events).map((entry) => entry.id);
    expect(expected).toEqual(["e", "d", "c", "b", "a"]);
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length }), (shuffled) => {
        expect(sortTimeline(shuffled).map((entry) => entry.id)).toEqual(expected);
      }),
    );
  });

  it("prints each entry with its time in the given zone and its source", () => {
    const [entry] = timelineEntries(
      [{ id: "x", kind: "dispatched", occurredAt: new Date("2026-11-19T08:00:00Z"), recordedAt: new Date("2026-11-19T08:00:05Z"), source: "backfill", detail: '{"trackingCompany":"Colissimo"}' }],
      "UTC",
    );
    expect({ ...entry, time: entry?.time.replace(/\u202f/g, " ") }).toEqual({
      id: "x",
      kind: "dispatched",
      label: "Dispatched with Colissimo",
      occurredAt: "2026-11-19T08:00:00.000Z",
      time: "Nov 19, 2026, 8:00 AM UTC",
      source: "First sync (backfill)",
    });
  });
});
