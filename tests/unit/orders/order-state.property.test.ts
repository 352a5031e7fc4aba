// Whatever order the events of an order arrive in, and however often each arrives, the app
// ends with the same state and the same timeline — on random realistic histories.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OrderEvent } from "~/orders/order-snapshot";
import { applyOrderEvent, type StoredOrder } from "~/orders/order-state";
import { mergeTimeline, type TimelineEntry } from "~/orders/timeline";
import { canonical, historyArbitrary, playScript, scriptArbitrary, type History } from "./order-history";

type Outcome = { state: StoredOrder | null; timeline: TimelineEntry[] };

function applyAll(events: readonly OrderEvent[]): Outcome {
  let state: StoredOrder | null = null;
  const reported: TimelineEntry[] = [];
  for (const event of events) {
    const applied = applyOrderEvent(state, event);
    state = applied.next;
    reported.push(...applied.timeline);
  }
  return { state, timeline: mergeTimeline(reported) };
}

const describeTimeline = (timeline: TimelineEntry[]) =>
  timeline.map((entry) => `${entry.occurredAt.toISOString()} ${entry.dedupeKey} ${entry.kind} ${canonical(entry.detail ?? null)}`);

function expectSameOutcome(actual: Outcome, expected: Outcome): void {
  expect(canonical(actual.state)).toBe(canonical(expected.state));
  expect(describeTimeline(actual.timeline)).toEqual(describeTimeline(expected.timeline));
}

/** A history with a few shuffles of its events (fast-check shrinks both). */
const shuffledHistories = historyArbitrary().chain((history) =>
  fc.tuple(
    fc.constant(history),
    fc.array(fc.shuffledSubarray(history.events, { minLength: history.events.length, maxLength: history.events.length }), { minLength: 1, maxLength: 4 }),
  ),
);

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

describe("applying an order's events", () => {
  it("ends in the same state and timeline whatever order they arrive in", () => {
    fc.assert(
      fc.property(shuffledHistories, ([history, shuffles]) => {
        const expected = applyAll(history.events);
        for (const shuffled of shuffles) expectSameOutcome(applyAll(shuffled), expected);
      }),
      { numRuns: 300 },
    );
  });

  it("ends in the same state and timeline for every permutation of a short history", () => {
    fc.assert(
      fc.property(
        scriptArbitrary({ maxSteps: 5 })
          .map(playScript)
          .filter((history) => history.events.length >= 3 && history.events.length <= 6),
        (history) => {
          const expected = applyAll(history.events);
          for (const permutation of permutations(history.events)) expectSameOutcome(applyAll(permutation), expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("changes nothing when any event comes again", () => {
    fc.assert(
      fc.property(shuffledHistories, ([history, [shuffled = history.events]]) => {
        const { state, timeline } = applyAll(shuffled);
        for (const event of history.events) {
          const again = applyOrderEvent(state, event);
          expect(again.changed).toBe(false);
          expect(canonical(again.next)).toBe(canonical(state));
          expect(describeTimeline(mergeTimeline([...timeline, ...again.timeline]))).toEqual(describeTimeline(timeline));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("never moves back: the newest snapshot's fields, each parcel's newest status, the first payment", () => {
    fc.assert(
      fc.property(shuffledHistories, ([history, [shuffled = history.events]]) => {
        const { state, timeline } = applyAll(shuffled);
        const newest = history.newestOrder;
        expect(state?.care).toMatchObject({
          shopifyUpdatedAt: newest.updatedAt,
          financialStatus: newest.financialStatus,
          fulfillmentStatus: newest.fulfillmentStatus,
          cancelledAt: newest.cancelledAt,
          closedAt: newest.closedAt,
          totalPrice: newest.totalPrice,
          tags: newest.tags,
          paidAt: history.paidAt,
          cashOnDelivery: history.script.cod,
        });
        expect(state?.fulfillments.map((parcel) => [parcel.fulfillmentId, parcel.shipmentStatus, parcel.trackingNumber, parcel.shopifyUpdatedAt.toISOString()])).toEqual(
          history.newestParcels.map((parcel) => [parcel.fulfillmentId, parcel.shipmentStatus, parcel.trackingNumber, parcel.updatedAt.toISOString()]),
        );
        const paid = timeline.find((entry) => entry.dedupeKey === "paid");
        expect(paid?.occurredAt ?? null).toEqual(history.paidAt);
        expect(timeline.find((entry) => entry.dedupeKey === "placed")?.occurredAt).toEqual(history.script.start);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps the consent of the newest reconciliation that gave one", () => {
    fc.assert(
      fc.property(shuffledHistories, ([history, [shuffled = history.events]]) => {
        const { state } = applyAll(shuffled);
        const withConsent = history.events.flatMap((event) => (event.kind === "order" && event.snapshot.emailConsent !== null ? [event.snapshot] : []));
        const newestAt = Math.max(...withConsent.map((snapshot) => snapshot.updatedAt.getTime()));
        const candidates = new Set(withConsent.filter((snapshot) => snapshot.updatedAt.getTime() === newestAt).map((snapshot) => snapshot.emailConsent));
        if (withConsent.length === 0) expect(state?.care?.emailConsent).toBeNull();
        else expect(candidates).toContain(state?.care?.emailConsent);
      }),
      { numRuns: 200 },
    );
  });
});

describe("the generated histories", () => {
  // Guards the generator itself: the properties above are only worth something if the
  // histories reach the interesting states.
  it("cover payments, parcels through every carrier route, refunds, cancellations and reconciliations", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(historyArbitrary(), (history: History) => {
        for (const entry of applyAll(history.events).timeline) seen.add(entry.kind);
        if (history.events.some((event) => event.source === "reconciliation")) seen.add("reconciliation");
        if (history.script.duplicates.length > 0) seen.add("duplicate");
      }),
      { numRuns: 300, seed: 20261 },
    );
    expect([...seen].sort()).toEqual(
      ["attempted_delivery", "cancelled", "closed", "delivered", "delivery_failed", "dispatched", "duplicate", "in_transit", "out_for_delivery", "paid", "placed", "reconciliation", "refunded"].sort(),
    );
  });
});
