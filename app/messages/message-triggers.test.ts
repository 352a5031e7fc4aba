import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MESSAGE_TYPES } from "~/messages/catalog";
import { defaultMessageSettings } from "~/messages/message-settings";
import { automaticMessages, type TriggerOrder, type TriggerWindow } from "~/messages/message-triggers";

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

const installed = at("2026-11-01T00:00:00Z");
const now = at("2026-11-20T12:00:00Z");
const window: TriggerWindow = { notBefore: installed, now, maxAgeMinutes: 3 * 24 * 60 };

const placed: TriggerOrder = { orderId: "1001", placedAt: at("2026-11-18T09:00:00Z"), cancelledAt: null, fulfillments: [] };

function parcel(id: string, overrides: Partial<TriggerOrder["fulfillments"][number]> = {}): TriggerOrder["fulfillments"][number] {
  return { fulfillmentId: id, status: "success", trackingNumber: `TRACK${id}`, createdAt: at("2026-11-19T10:00:00Z"), deliveredAt: null, ...overrides };
}

const summary = (order: TriggerOrder, settings = defaultMessageSettings(), w = window) =>
  automaticMessages(order, settings, w).map((message) => `${message.type}:${message.reason}@${message.sendAt.toISOString()}`);

describe("automaticMessages", () => {
  it("confirms a placed order at once", () => {
    expect(automaticMessages(placed, defaultMessageSettings(), window)).toEqual([
      { type: "order_confirmation", reason: "", triggeredAt: placed.placedAt, sendAt: placed.placedAt },
    ]);
  });

  it("sends a dispatch note per parcel with a tracking number", () => {
    const order = {
      ...placed,
      fulfillments: [
        parcel("2", { createdAt: at("2026-11-19T11:00:00Z") }),
        parcel("1"),
        parcel("3", { trackingNumber: null }),
        parcel("4", { trackingNumber: "  " }),
        parcel("5", { status: "cancelled" }),
        parcel("6", { status: "SUCCESS", createdAt: at("2026-11-19T11:00:00Z") }),
      ],
    };
    expect(summary(order)).toEqual([
      "order_confirmation:@2026-11-18T09:00:00.000Z",
      "dispatch_note:1@2026-11-19T10:00:00.000Z",
      "dispatch_note:2@2026-11-19T11:00:00.000Z",
      "dispatch_note:6@2026-11-19T11:00:00.000Z",
    ]);
  });

  it("checks in and asks for a review after the first delivery, each after its delay", () => {
    const order = {
      ...placed,
      fulfillments: [parcel("1", { deliveredAt: at("2026-11-20T08:00:00Z") }), parcel("2", { deliveredAt: at("2026-11-19T20:00:00Z") })],
    };
    expect(summary(order)).toEqual([
      "order_confirmation:@2026-11-18T09:00:00.000Z",
      "dispatch_note:1@2026-11-19T10:00:00.000Z",
      "dispatch_note:2@2026-11-19T10:00:00.000Z",
      "delivery_check_in:@2026-11-20T20:00:00.000Z",
      "review_request:@2026-11-26T20:00:00.000Z",
    ]);
  });

  it("uses the merchant's delays and skips what is turned off", () => {
    const settings = defaultMessageSettings();
    settings.order_confirmation = { enabled: true, delayMinutes: 30 };
    settings.dispatch_note = { enabled: false, delayMinutes: 0 };
    settings.review_request = { enabled: false, delayMinutes: 60 };
    const order = { ...placed, fulfillments: [parcel("1", { deliveredAt: at("2026-11-20T08:00:00Z") })] };
    expect(summary(order, settings)).toEqual(["order_confirmation:@2026-11-18T09:30:00.000Z", "delivery_check_in:@2026-11-21T08:00:00.000Z"]);
  });

  it("sends nothing for a cancelled order", () => {
    const order = { ...placed, cancelledAt: at("2026-11-19T00:00:00Z"), fulfillments: [parcel("1", { deliveredAt: at("2026-11-20T08:00:00Z") })] };
    expect(automaticMessages(order, defaultMessageSettings(), window)).toEqual([]);
  });

  it("ignores happenings from before the install or older than the maximum age", () => {
    const beforeInstall = { ...placed, placedAt: at("2026-10-31T23:59:59Z") };
    expect(automaticMessages(beforeInstall, defaultMessageSettings(), window)).toEqual([]);
    const tooOld = { ...placed, placedAt: new Date(now.getTime() - 72 * HOUR - 1000), fulfillments: [parcel("1", { createdAt: new Date(now.getTime() - 72 * HOUR) })] };
    expect(summary(tooOld)).toEqual([`dispatch_note:1@${new Date(now.getTime() - 72 * HOUR).toISOString()}`]);
  });

  const date = fc.date({ min: at("2026-10-01T00:00:00Z"), max: at("2026-11-25T00:00:00Z"), noInvalidDate: true });
  const fulfillment = fc.record({
    fulfillmentId: fc.stringMatching(/^[1-9][0-9]{0,5}$/),
    status: fc.constantFrom("success", "cancelled", "open", "SUCCESS"),
    trackingNumber: fc.option(fc.stringMatching(/^[A-Z0-9]{0,8}$/)),
    createdAt: date,
    deliveredAt: fc.option(date),
  });
  const order = fc.record({
    orderId: fc.constant("1001"),
    placedAt: date,
    cancelledAt: fc.option(date, { freq: 4 }),
    fulfillments: fc.uniqueArray(fulfillment, { maxLength: 5, selector: (item) => item.fulfillmentId }),
  });

  it("never triggers on old happenings, at most once per type and reason, in a stable order (any order)", () => {
    fc.assert(
      fc.property(order, fc.integer({ min: 0, max: 10 * 24 * 60 }), (generated, maxAgeMinutes) => {
        const w = { notBefore: installed, now, maxAgeMinutes };
        const due = automaticMessages(generated, defaultMessageSettings(), w);
        const earliest = Math.max(installed.getTime(), now.getTime() - maxAgeMinutes * 60_000);
        for (const message of due) expect(message.triggeredAt.getTime()).toBeGreaterThanOrEqual(earliest);
        if (generated.cancelledAt) expect(due).toEqual([]);
        const keys = due.map((message) => `${message.type}:${message.reason}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(due.filter((message) => message.type === "delivery_check_in").length).toBeLessThanOrEqual(1);
        const sorted = [...due].sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime() || MESSAGE_TYPES.indexOf(a.type) - MESSAGE_TYPES.indexOf(b.type));
        expect(due.map((message) => message.sendAt.getTime())).toEqual(sorted.map((message) => message.sendAt.getTime()));
        const shuffled = { ...generated, fulfillments: [...generated.fulfillments].reverse() };
        expect(automaticMessages(shuffled, defaultMessageSettings(), w)).toEqual(due);
      }),
    );
  });
});
