import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BusinessCalendar } from "./business-calendar";
import {
  DEFAULT_WATCH_SETTINGS,
  EU_COUNTRIES,
  FLAG_KINDS,
  defaultWatchSettings,
  deliveryZone,
  dispatchBusinessDays,
  evaluateOrder,
  needsConfirmation,
  watchSettingsProblems,
  type Flag,
  type FlagKind,
  type WatchFulfillment,
  type WatchOrder,
  type WatchSettings,
} from "./watch-rules";

const DAY = 86_400_000;

const at = (iso: string) => new Date(iso);
const paris = defaultWatchSettings({ timeZone: "Europe/Paris", country: "FR" });

/** A paid order to France, placed on Monday 24 November 2025 at 15:00 in Paris (after the cut-off). */
function order(overrides: Partial<WatchOrder> = {}): WatchOrder {
  return {
    placedAt: at("2025-11-24T14:00:00Z"),
    confirmedAt: null,
    paidAt: null,
    cancelledAt: null,
    closedAt: null,
    financialStatus: "paid",
    fulfillmentStatus: null,
    cashOnDelivery: false,
    isFirstOrder: false,
    totalPrice: "50.00",
    tags: [],
    shippingCountry: "FR",
    shippingMethod: "Standard",
    fulfillments: [],
    ...overrides,
  };
}

/** A parcel in transit, dispatched on Tuesday 25 November 2025 at 10:00 in Paris. */
function parcel(overrides: Partial<WatchFulfillment> = {}): WatchFulfillment {
  return {
    fulfillmentId: "f1",
    createdAt: at("2025-11-25T09:00:00Z"),
    status: "success",
    trackingNumber: "TRK1",
    shipmentStatus: "in_transit",
    lastEventAt: at("2025-11-25T09:00:00Z"),
    deliveredAt: null,
    estimatedDeliveryAt: null,
    ...overrides,
  };
}

const shipped = (overrides: Partial<WatchFulfillment> = {}, orderOverrides: Partial<WatchOrder> = {}) =>
  order({ placedAt: at("2025-11-24T09:00:00Z"), fulfillmentStatus: "fulfilled", fulfillments: [parcel(overrides)], ...orderOverrides });

function evaluate(subject: WatchOrder, now: string, settings: WatchSettings = paris) {
  const result = evaluateOrder(subject, settings, at(now));
  return { kinds: result.flags.map((flag) => flag.kind), flags: result.flags, nextDueAt: result.nextDueAt?.toISOString() ?? null };
}

describe("dispatch", () => {
  it("is due soon two business hours before it is due, then late (order placed after the cut-off)", () => {
    const subject = order();
    expect(evaluate(subject, "2025-11-24T15:00:00Z")).toMatchObject({ kinds: [], nextDueAt: "2025-11-25T14:00:00.000Z" });

    const soon = evaluate(subject, "2025-11-25T14:00:00Z");
    expect(soon.kinds).toEqual(["dispatch_due_soon"]);
    expect(soon.flags[0]).toMatchObject({
      since: at("2025-11-25T14:00:00Z"),
      dueAt: at("2025-11-25T16:00:00Z"),
      reason: "Dispatch due by Tue 25 Nov 17:00, 1 business day after it was placed",
      reasonCode: "dispatch_due_soon",
      fulfillmentId: null,
    });
    expect(soon.nextDueAt).toBe("2025-11-25T16:00:00.000Z");

    const late = evaluate(subject, "2025-11-25T16:00:00Z");
    expect(late.flags).toEqual<Flag[]>([
      {
        kind: "late_dispatch",
        since: at("2025-11-25T16:00:00Z"),
        dueAt: at("2025-11-25T16:00:00Z"),
        reason: "Not dispatched 1 business day after it was placed (due Tue 25 Nov 17:00)",
        reasonCode: "late_dispatch",
        reasonParams: { businessDays: 1, readySince: "placed", readyAt: "2025-11-24T14:00:00.000Z", dueAt: "2025-11-25T16:00:00.000Z", shippingMethod: "Standard" },
        fulfillmentId: null,
      },
    ]);
    expect(late.nextDueAt).toBeNull();
    expect(evaluate(subject, "2026-02-01T00:00:00Z").kinds).toEqual(["late_dispatch"]);
  });

  it("counts the day of the order before the cut-off", () => {
    const morning = order({ placedAt: at("2025-11-24T09:00:00Z") }); // Mon 10:00
    expect(evaluate(morning, "2025-11-24T09:00:00Z").nextDueAt).toBe("2025-11-24T14:00:00.000Z");
    expect(evaluate(morning, "2025-11-24T16:00:00Z").flags[0]?.reason).toBe("Not dispatched 1 business day after it was placed (due Mon 24 Nov 17:00)");
  });

  it("clears once fulfilled, but not when only partly fulfilled", () => {
    expect(evaluate(order({ fulfillmentStatus: "fulfilled" }), "2025-11-26T16:00:00Z").kinds).toEqual([]);
    expect(evaluate(order({ fulfillmentStatus: "restocked" }), "2025-11-26T16:00:00Z").kinds).toEqual([]);
    const partial = evaluate(order({ fulfillmentStatus: "partial" }), "2025-11-26T16:00:00Z");
    expect(partial.flags.map((flag) => [flag.reasonCode, flag.reason])).toEqual([
      ["late_dispatch_partial", "Only partly dispatched 1 business day after it was placed (due Tue 25 Nov 17:00)"],
    ]);
    // A parcel sent before the order's status caught up counts as partly dispatched.
    const parcelSent = order({ fulfillments: [parcel({ createdAt: at("2025-11-25T09:00:00Z") })] });
    expect(evaluate(parcelSent, "2025-11-25T16:00:00Z").flags[0]?.reasonCode).toBe("late_dispatch_partial");
  });

  it("waits for payment, except cash on delivery, and counts from it", () => {
    const transfer = order({ financialStatus: "pending" });
    expect(evaluate(transfer, "2025-12-10T00:00:00Z")).toMatchObject({ kinds: [], nextDueAt: null });
    const paid = order({ financialStatus: "paid", paidAt: at("2025-11-26T09:00:00Z") }); // Wed 10:00
    const late = evaluate(paid, "2025-11-26T16:00:00Z");
    expect(late.flags[0]?.reason).toBe("Not dispatched 1 business day after it was paid (due Wed 26 Nov 17:00)");
    expect(evaluate(order({ financialStatus: "voided" }), "2025-12-10T00:00:00Z").kinds).toEqual([]);
    expect(evaluate(order({ financialStatus: "refunded" }), "2025-12-10T00:00:00Z").kinds).toEqual([]);
    expect(evaluate(order({ financialStatus: "authorized" }), "2025-11-25T16:00:00Z").kinds).toEqual(["late_dispatch"]);
  });

  it("uses the shipping method's delay when it has one", () => {
    const settings: WatchSettings = { ...paris, dispatch: { withinBusinessDays: 2, byShippingMethod: [{ shippingMethod: "Express", withinBusinessDays: 1 }] } };
    const express = order({ placedAt: at("2025-11-24T09:00:00Z"), shippingMethod: " express " });
    expect(evaluate(express, "2025-11-24T16:00:00Z", settings).kinds).toEqual(["late_dispatch"]);
    const standard = order({ placedAt: at("2025-11-24T09:00:00Z") });
    expect(evaluate(standard, "2025-11-24T16:00:00Z", settings).nextDueAt).toBe("2025-11-25T14:00:00.000Z");
    expect(evaluate(standard, "2025-11-25T16:00:00Z", settings).flags[0]?.reason).toBe("Not dispatched 2 business days after it was placed (due Tue 25 Nov 17:00)");
    expect(dispatchBusinessDays(null, settings)).toBe(2);
  });

  it("keeps local closing time across a clock change (Paris, March 2026)", () => {
    const friday = order({ placedAt: at("2026-03-27T14:00:00Z") }); // Fri 15:00 CET
    expect(evaluate(friday, "2026-03-27T15:00:00Z").nextDueAt).toBe("2026-03-30T13:00:00.000Z"); // Mon 15:00 CEST
    const late = evaluate(friday, "2026-03-30T15:00:00Z"); // Mon 17:00 CEST
    expect(late.flags[0]).toMatchObject({ kind: "late_dispatch", reason: "Not dispatched 1 business day after it was placed (due Mon 30 Mar 17:00)" });
  });
});

describe("confirmation", () => {
  const cod = order({ placedAt: at("2025-11-24T09:00:00Z"), cashOnDelivery: true, financialStatus: "pending" }); // Mon 10:00

  it("flags a cash-on-delivery order not confirmed within two business hours, and nothing else until it is", () => {
    expect(evaluate(cod, "2025-11-24T10:59:59Z")).toMatchObject({ kinds: [], nextDueAt: "2025-11-24T11:00:00.000Z" });
    const unconfirmed = evaluate(cod, "2025-11-24T11:00:00Z");
    expect(unconfirmed.flags).toEqual<Flag[]>([
      {
        kind: "unconfirmed",
        since: at("2025-11-24T11:00:00Z"),
        dueAt: at("2025-11-24T11:00:00Z"),
        reason: "Not confirmed within 2 business hours of being placed (due Mon 24 Nov 12:00)",
        reasonCode: "unconfirmed",
        reasonParams: { businessMinutes: 120, dueAt: "2025-11-24T11:00:00.000Z" },
        fulfillmentId: null,
      },
    ]);
    expect(unconfirmed.nextDueAt).toBeNull();
    expect(evaluate(cod, "2025-12-24T11:00:00Z").kinds).toEqual(["unconfirmed"]);
  });

  it("clears when confirmed, and dispatch then counts from the confirmation", () => {
    const confirmed = { ...cod, confirmedAt: at("2025-11-24T11:30:00Z") }; // Mon 12:30, before the cut-off
    expect(evaluate(confirmed, "2025-11-24T11:30:00Z")).toMatchObject({ kinds: [], nextDueAt: "2025-11-24T14:00:00.000Z" });
    expect(evaluate(confirmed, "2025-11-24T16:00:00Z").flags[0]?.reason).toBe("Not dispatched 1 business day after it was confirmed (due Mon 24 Nov 17:00)");
  });

  it("clears once the order is being dispatched", () => {
    const dispatched = { ...cod, fulfillmentStatus: "partial", fulfillments: [parcel({ createdAt: at("2025-11-24T12:00:00Z") })] };
    expect(evaluate(dispatched, "2025-11-24T12:00:00Z").kinds).not.toContain("unconfirmed");
  });

  it("counts business minutes from the next opening", () => {
    const fridayEvening = { ...cod, placedAt: at("2025-11-28T16:30:00Z") }; // Fri 17:30
    expect(evaluate(fridayEvening, "2025-11-29T10:00:00Z").nextDueAt).toBe("2025-12-01T10:00:00.000Z"); // Mon 11:00
  });

  it("keeps local opening hours across a clock change (New York, November 2026)", () => {
    const newYork = defaultWatchSettings({ timeZone: "America/New_York", country: "US" });
    const friday = order({ placedAt: at("2026-10-30T20:00:00Z"), cashOnDelivery: true, financialStatus: "pending", shippingCountry: "US" }); // Fri 16:00 EDT
    expect(evaluate(friday, "2026-10-30T20:00:00Z", newYork).nextDueAt).toBe("2026-11-02T15:00:00.000Z"); // Mon 10:00 EST
    expect(evaluate(friday, "2026-11-02T15:00:00Z", newYork).flags[0]?.reason).toBe("Not confirmed within 2 business hours of being placed (due Mon 2 Nov 10:00)");
  });

  it("matches any of the criteria", () => {
    const requiring = (...requiredFor: WatchSettings["confirmation"]["requiredFor"]): WatchSettings => ({ ...paris, confirmation: { requiredFor, withinBusinessMinutes: 60 } });
    const plain = order();
    expect(needsConfirmation(plain, requiring())).toBe(false);
    expect(needsConfirmation(plain, requiring({ kind: "all" }))).toBe(true);
    expect(needsConfirmation(plain, requiring({ kind: "cash_on_delivery" }))).toBe(false);
    expect(needsConfirmation({ ...plain, isFirstOrder: true }, requiring({ kind: "first_orders" }))).toBe(true);
    expect(needsConfirmation({ ...plain, totalPrice: "100.00" }, requiring({ kind: "above_amount", amount: "100" }))).toBe(false);
    expect(needsConfirmation({ ...plain, totalPrice: "100.01" }, requiring({ kind: "above_amount", amount: "100" }))).toBe(true);
    expect(needsConfirmation({ ...plain, totalPrice: "99.999" }, requiring({ kind: "above_amount", amount: "100.00" }))).toBe(false);
    expect(needsConfirmation({ ...plain, totalPrice: "1000" }, requiring({ kind: "above_amount", amount: "999.99" }))).toBe(true);
    expect(needsConfirmation({ ...plain, tags: ["VIP", " Call First "] }, requiring({ kind: "tagged", tag: "call first" }))).toBe(true);
    expect(needsConfirmation({ ...plain, tags: ["call"] }, requiring({ kind: "tagged", tag: "call first" }))).toBe(false);
    const either = requiring({ kind: "cash_on_delivery" }, { kind: "first_orders" });
    expect(needsConfirmation({ ...plain, isFirstOrder: true }, either)).toBe(true);
    expect(needsConfirmation({ ...plain, cashOnDelivery: true }, either)).toBe(true);
    expect(needsConfirmation(plain, either)).toBe(false);
  });

  it("hides a snoozed flag until the snooze ends, and a handled one for good", () => {
    const snoozed = { ...cod, snoozedUntil: { unconfirmed: at("2025-11-24T13:00:00Z") } };
    expect(evaluate(snoozed, "2025-11-24T11:30:00Z")).toMatchObject({ kinds: [], nextDueAt: "2025-11-24T13:00:00.000Z" });
    expect(evaluate(snoozed, "2025-11-24T13:00:00Z").kinds).toEqual(["unconfirmed"]);
    const handled = { ...cod, handledAt: { unconfirmed: at("2025-11-24T11:30:00Z") } };
    expect(evaluate(handled, "2025-11-24T11:30:00Z")).toMatchObject({ kinds: [], nextDueAt: null });
    // Handled before it was raised: still shows.
    const early = { ...cod, handledAt: { unconfirmed: at("2025-11-24T10:00:00Z") } };
    expect(evaluate(early, "2025-11-24T11:30:00Z").kinds).toEqual(["unconfirmed"]);
  });
});

describe("delivery", () => {
  it("is late at the end of the zone's last day, then stalled without carrier news", () => {
    const subject = shipped();
    expect(evaluate(subject, "2025-11-26T12:00:00Z")).toMatchObject({ kinds: [], nextDueAt: "2025-11-28T23:00:00.000Z" });
    const late = evaluate(subject, "2025-11-28T23:00:00Z");
    expect(late.flags).toEqual<Flag[]>([
      {
        kind: "late_delivery",
        since: at("2025-11-28T23:00:00Z"),
        dueAt: at("2025-11-28T23:00:00Z"),
        reason: "Not delivered 3 days after dispatch (FR, domestic; due end of Fri 28 Nov)",
        reasonCode: "late_delivery",
        reasonParams: { days: 3, zone: "domestic", country: "FR", dispatchedAt: "2025-11-25T09:00:00.000Z", dueAt: "2025-11-28T23:00:00.000Z" },
        fulfillmentId: "f1",
      },
    ]);
    expect(late.nextDueAt).toBe("2025-11-29T09:00:00.000Z");
    const stalled = evaluate(subject, "2025-11-29T09:00:00Z");
    expect(stalled.kinds).toEqual(["late_delivery", "stalled_in_transit"]);
    expect(stalled.flags[1]?.reason).toBe("No carrier update for 4 days (last on Tue 25 Nov 10:00)");
    expect(stalled.nextDueAt).toBeNull();
  });

  it("allows each zone its days", () => {
    const latestNews = { lastEventAt: at("2025-11-30T09:00:00Z") };
    expect(evaluate(shipped(latestNews, { shippingCountry: "DE" }), "2025-11-30T10:00:00Z").nextDueAt).toBe("2025-12-01T23:00:00.000Z"); // end of Mon 1 Dec
    expect(evaluate(shipped({ shipmentStatus: "delivered" }, { shippingCountry: "US" }), "2025-11-26T12:00:00Z").nextDueAt).toBeNull();
    expect(evaluate(shipped({ lastEventAt: at("2025-12-07T09:00:00Z") }, { shippingCountry: "US" }), "2025-12-07T12:00:00Z").nextDueAt).toBe("2025-12-07T23:00:00.000Z"); // end of Sun 7 Dec
    expect(deliveryZone("fr", paris)).toBe("domestic");
    expect(deliveryZone("BE", paris)).toBe("region");
    expect(deliveryZone("CH", paris)).toBe("international");
    expect(deliveryZone(null, paris)).toBe("international");
  });

  it("waits for the carrier's estimate when it is later", () => {
    const estimated = shipped({ estimatedDeliveryAt: at("2025-12-02T10:00:00Z"), lastEventAt: at("2025-12-01T10:00:00Z") });
    expect(evaluate(estimated, "2025-11-29T00:00:00Z").nextDueAt).toBe("2025-12-02T23:00:00.000Z");
    const late = evaluate(estimated, "2025-12-02T23:00:00Z").flags[0];
    expect(late).toMatchObject({ reasonCode: "late_delivery_estimate", reason: "Not delivered by the carrier's estimate (end of Tue 2 Dec)" });
    expect(late?.reasonParams.estimatedDeliveryAt).toBe("2025-12-02T10:00:00.000Z");
    const earlier = shipped({ estimatedDeliveryAt: at("2025-11-26T10:00:00Z") });
    expect(evaluate(earlier, "2025-11-26T12:00:00Z").nextDueAt).toBe("2025-11-28T23:00:00.000Z");
  });

  it("clears once delivered or at the pickup point", () => {
    expect(evaluate(shipped({ deliveredAt: at("2025-11-27T09:00:00Z") }), "2025-12-20T00:00:00Z").kinds).toEqual([]);
    expect(evaluate(shipped({ shipmentStatus: "picked_up" }), "2025-12-20T00:00:00Z").kinds).toEqual([]);
    expect(evaluate(shipped({ shipmentStatus: "ready_for_pickup" }), "2025-12-20T00:00:00Z").kinds).toEqual([]);
  });

  it("flags a failed delivery at once and an attempted one after a day", () => {
    const failed = evaluate(shipped({ shipmentStatus: "failure", lastEventAt: at("2025-11-27T08:00:00Z") }), "2025-11-27T08:00:00Z");
    expect(failed.flags[0]).toMatchObject({ kind: "delivery_failed", reasonCode: "delivery_failed", reason: "The carrier reported a failed delivery on Thu 27 Nov 09:00" });
    const attempted = shipped({ shipmentStatus: "attempted_delivery", lastEventAt: at("2025-11-27T08:00:00Z") });
    expect(evaluate(attempted, "2025-11-27T12:00:00Z").nextDueAt).toBe("2025-11-28T08:00:00.000Z");
    expect(evaluate(attempted, "2025-11-28T08:00:00Z").flags[0]).toMatchObject({
      kind: "delivery_failed",
      reasonCode: "delivery_attempt_failed",
      reason: "Delivery attempted on Thu 27 Nov 09:00, no news for a day since",
    });
  });

  it("flags a parcel without tracking an hour after dispatch, when asked to", () => {
    const untracked = shipped({ trackingNumber: null, shipmentStatus: null, lastEventAt: null });
    expect(evaluate(untracked, "2025-11-25T09:30:00Z").nextDueAt).toBe("2025-11-25T10:00:00.000Z");
    const flagged = evaluate(untracked, "2025-11-25T10:00:00Z");
    expect(flagged.flags[0]).toMatchObject({ kind: "no_tracking", reason: "Dispatched on Tue 25 Nov 10:00 without a tracking number", fulfillmentId: "f1" });
    // Nothing tells whether an untracked parcel arrives: no delivery flags, ever.
    expect(evaluate(untracked, "2026-06-01T00:00:00Z")).toMatchObject({ kinds: ["no_tracking"], nextDueAt: null });
    expect(evaluate(untracked, "2025-11-25T10:00:00Z", { ...paris, flagFulfilledWithoutTracking: false }).kinds).toEqual([]);
    expect(evaluate({ ...untracked, shippingCountry: null }, "2025-11-25T10:00:00Z").kinds).toEqual([]);
  });

  it("shows one flag of a kind, the first raised", () => {
    const twoParcels = shipped({}, {});
    const both = { ...twoParcels, fulfillments: [parcel({ fulfillmentId: "f2", createdAt: at("2025-11-26T09:00:00Z") }), parcel()] };
    const result = evaluate(both, "2025-11-30T12:00:00Z");
    expect(result.flags.filter((flag) => flag.kind === "late_delivery").map((flag) => flag.fulfillmentId)).toEqual(["f1"]);
    // A cancelled parcel is not watched.
    expect(evaluate({ ...both, fulfillments: [parcel({ status: "cancelled" })] }, "2025-11-30T12:00:00Z").kinds).toEqual([]);
  });
});

describe("orders that moved on", () => {
  it("carries no flags once cancelled or closed", () => {
    const overdue = order({ cashOnDelivery: true, financialStatus: "pending", fulfillments: [parcel({ shipmentStatus: "failure" })] });
    expect(evaluate(overdue, "2026-01-01T00:00:00Z").kinds.length).toBeGreaterThan(0);
    expect(evaluate({ ...overdue, cancelledAt: at("2025-11-30T00:00:00Z") }, "2026-01-01T00:00:00Z")).toEqual({ kinds: [], flags: [], nextDueAt: null });
    expect(evaluate({ ...overdue, closedAt: at("2025-11-30T00:00:00Z") }, "2026-01-01T00:00:00Z")).toEqual({ kinds: [], flags: [], nextDueAt: null });
  });
});

describe("settings", () => {
  it("has sensible defaults", () => {
    expect(watchSettingsProblems(DEFAULT_WATCH_SETTINGS)).toEqual([]);
    expect(DEFAULT_WATCH_SETTINGS.calendar).toEqual({ timeZone: "UTC", workingDays: [1, 2, 3, 4, 5], opensAt: 540, closesAt: 1020, cutoffAt: 840, holidays: [] });
    expect(paris.delivery.shopCountry).toBe("FR");
    expect(paris.delivery.regionCountries).toEqual(EU_COUNTRIES.filter((code) => code !== "FR"));
    expect(defaultWatchSettings({ timeZone: "America/New_York", country: "US" }).delivery.regionCountries).toEqual([]);
  });

  it("says what is wrong with bad settings", () => {
    const bad: WatchSettings = {
      ...paris,
      confirmation: { requiredFor: [{ kind: "above_amount", amount: "lots" }], withinBusinessMinutes: -1 },
      dispatch: { withinBusinessDays: 0, byShippingMethod: [] },
      stalledAfterDays: 0,
    };
    expect(watchSettingsProblems(bad)).toEqual([
      "confirmation delay must be a whole number ≥ 0 (got -1)",
      '"lots" is not an amount',
      "dispatch delay must be a whole number ≥ 1 (got 0)",
      "stalled delay must be a whole number ≥ 1 (got 0)",
    ]);
  });
});

// --- properties ----------------------------------------------------------------------------

const ZONES = ["UTC", "Europe/Paris", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham", "America/Santiago"];
const T0 = Date.UTC(2024, 0, 1);
const T1 = Date.UTC(2028, 0, 1);

const calendar: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    workingDays: fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }),
    hours: fc.tuple(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 0, max: 1440 })).filter(([a, b]) => Math.abs(a - b) >= 30),
    cutoffAt: fc.integer({ min: 0, max: 1440 }),
    holidays: fc.array(fc.integer({ min: T0, max: T1 }).map((time) => new Date(time).toISOString().slice(0, 10)), { maxLength: 5 }),
  })
  .map(({ hours, ...rest }) => ({ ...rest, opensAt: Math.min(...hours), closesAt: Math.max(...hours) }));

const settings: fc.Arbitrary<WatchSettings> = fc.record({
  calendar,
  confirmation: fc.record({
    requiredFor: fc.subarray<WatchSettings["confirmation"]["requiredFor"][number]>([
      { kind: "all" },
      { kind: "cash_on_delivery" },
      { kind: "first_orders" },
      { kind: "above_amount", amount: "100" },
      { kind: "tagged", tag: "call" },
    ]),
    withinBusinessMinutes: fc.integer({ min: 0, max: 1000 }),
  }),
  dispatch: fc.record({
    withinBusinessDays: fc.integer({ min: 1, max: 5 }),
    byShippingMethod: fc.constantFrom([], [{ shippingMethod: "Express", withinBusinessDays: 1 }]),
  }),
  delivery: fc.record({
    shopCountry: fc.constantFrom(null, "FR", "US"),
    regionCountries: fc.constantFrom([], ["DE", "BE"]),
    withinDays: fc.record({ domestic: fc.integer({ min: 0, max: 5 }), region: fc.integer({ min: 0, max: 10 }), international: fc.integer({ min: 0, max: 20 }) }),
  }),
  stalledAfterDays: fc.option(fc.integer({ min: 1, max: 10 })),
  atRiskBusinessMinutes: fc.integer({ min: 0, max: 600 }),
  flagFulfilledWithoutTracking: fc.boolean(),
});

const after = (base: number, maxMs: number) => fc.integer({ min: 0, max: maxMs }).map((delta) => new Date(base + delta));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { freq: 2 });
const rarely = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
const kinds = fc.subarray([...FLAG_KINDS]);

/** A random order and a time between a day before it was placed and a month after. */
const orderAndNow = fc.integer({ min: T0, max: T1 }).chain((placed) =>
  fc.record({
    order: fc.record({
      placedAt: fc.constant(new Date(placed)),
      confirmedAt: maybe(after(placed, 5 * DAY)),
      paidAt: maybe(after(placed, 5 * DAY)),
      cancelledAt: rarely(after(placed, 10 * DAY)),
      closedAt: rarely(after(placed, 10 * DAY)),
      financialStatus: fc.constantFrom(null, "paid", "pending", "authorized", "partially_paid", "partially_refunded", "refunded", "voided"),
      fulfillmentStatus: fc.constantFrom(null, "unfulfilled", "partial", "fulfilled", "restocked"),
      cashOnDelivery: fc.boolean(),
      isFirstOrder: fc.boolean(),
      totalPrice: fc.constantFrom("0.00", "99.99", "100", "100.01", "2500.5"),
      tags: fc.subarray(["call", "VIP", "gift"]),
      shippingCountry: fc.constantFrom(null, "FR", "DE", "US", "JP"),
      shippingMethod: fc.constantFrom(null, "Standard", "express"),
      fulfillments: fc.array(
        fc.record({
          fulfillmentId: fc.constantFrom("f1", "f2", "f3"),
          createdAt: after(placed, 8 * DAY),
          status: fc.constantFrom("success", "success", "cancelled", "open"),
          trackingNumber: fc.constantFrom(null, "", "TRK"),
          shipmentStatus: fc.constantFrom(null, "label_printed", "confirmed", "in_transit", "out_for_delivery", "delayed", "attempted_delivery", "failure", "ready_for_pickup", "delivered"),
          lastEventAt: maybe(after(placed, 15 * DAY)),
          deliveredAt: rarely(after(placed, 15 * DAY)),
          estimatedDeliveryAt: maybe(after(placed, 20 * DAY)),
        }),
        { maxLength: 3 },
      ),
      snoozedUntil: fc.option(fc.tuple(kinds, after(placed, 20 * DAY)).map(([list, until]) => Object.fromEntries(list.map((kind) => [kind, until]))), { nil: undefined }),
      handledAt: fc.option(fc.tuple(kinds, after(placed, 20 * DAY)).map(([list, when]) => Object.fromEntries(list.map((kind) => [kind, when]))), { nil: undefined }),
    }),
    now: fc.integer({ min: placed - DAY, max: placed + 30 * DAY }).map((time) => new Date(time)),
  }),
);

const same = (flags: readonly Flag[]) => flags.map((flag) => [flag.kind, flag.reasonCode, flag.fulfillmentId, flag.since.toISOString(), flag.dueAt.toISOString(), flag.reason].join("|"));
const RUNS = { numRuns: 300 };

describe("watch rule properties", () => {
  it("never flags a cancelled or closed order", () => {
    fc.assert(
      fc.property(orderAndNow, settings, fc.boolean(), ({ order: subject, now }, config, cancel) => {
        const ended = cancel ? { ...subject, cancelledAt: subject.placedAt } : { ...subject, closedAt: now };
        expect(evaluateOrder(ended, config, now)).toEqual({ flags: [], nextDueAt: null });
      }),
      RUNS,
    );
  });

  it("changes nothing before nextDueAt, and something at it", () => {
    fc.assert(
      fc.property(orderAndNow, settings, ({ order: subject, now }, config) => {
        const result = evaluateOrder(subject, config, now);
        if (result.nextDueAt === null) {
          expect(same(evaluateOrder(subject, config, new Date(now.getTime() + 400 * DAY)).flags)).toEqual(same(result.flags));
          return;
        }
        expect(result.nextDueAt.getTime()).toBeGreaterThan(now.getTime());
        const justBefore = new Date(result.nextDueAt.getTime() - 1);
        expect(same(evaluateOrder(subject, config, justBefore).flags)).toEqual(same(result.flags));
        const midway = new Date(Math.floor((now.getTime() + justBefore.getTime()) / 2));
        expect(same(evaluateOrder(subject, config, midway).flags)).toEqual(same(result.flags));
        expect(same(evaluateOrder(subject, config, result.nextDueAt).flags)).not.toEqual(same(result.flags));
      }),
      RUNS,
    );
  });

  it("walks from one change to the next, each one a real change", () => {
    fc.assert(
      fc.property(orderAndNow, settings, ({ order: subject, now }, config) => {
        let time = now;
        let result = evaluateOrder(subject, config, time);
        for (let step = 0; step < 12 && result.nextDueAt !== null; step++) {
          const due = result.nextDueAt;
          expect(due.getTime()).toBeGreaterThan(time.getTime());
          expect(same(evaluateOrder(subject, config, new Date(due.getTime() - 1)).flags)).toEqual(same(result.flags));
          const next = evaluateOrder(subject, config, due);
          expect(same(next.flags)).not.toEqual(same(result.flags));
          time = due;
          result = next;
        }
      }),
      RUNS,
    );
  });

  it("raises consistent flags", () => {
    fc.assert(
      fc.property(orderAndNow, settings, ({ order: subject, now }, config) => {
        const { flags } = evaluateOrder(subject, config, now);
        const listed = flags.map((flag) => flag.kind);
        expect(listed).toEqual(FLAG_KINDS.filter((kind) => listed.includes(kind))); // once each, in order
        for (const flag of flags) {
          expect(flag.since.getTime()).toBeLessThanOrEqual(now.getTime());
          expect(flag.reason.length).toBeGreaterThan(0);
          const snoozed = subject.snoozedUntil?.[flag.kind];
          if (snoozed) expect(snoozed.getTime()).toBeLessThanOrEqual(now.getTime());
          const handled = subject.handledAt?.[flag.kind];
          if (handled) expect(flag.since.getTime()).toBeGreaterThan(handled.getTime());
        }
        const has = (kind: FlagKind) => listed.includes(kind);
        expect(has("dispatch_due_soon") && has("late_dispatch")).toBe(false);
        for (const flag of flags) {
          if (flag.kind === "dispatch_due_soon") expect(flag.dueAt.getTime()).toBeGreaterThan(now.getTime());
          if (flag.kind === "late_dispatch") expect(flag.dueAt.getTime()).toBeLessThanOrEqual(now.getTime());
        }
        if (subject.confirmedAt !== null) expect(has("unconfirmed")).toBe(false);
        if (subject.fulfillmentStatus === "fulfilled") expect(has("dispatch_due_soon") || has("late_dispatch")).toBe(false);
        if (subject.fulfillments.every((parcel) => parcel.deliveredAt !== null)) {
          expect(has("late_delivery") || has("stalled_in_transit") || has("delivery_failed") || has("no_tracking")).toBe(false);
        }
      }),
      RUNS,
    );
  });
});
