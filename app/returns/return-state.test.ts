// The return state machine: its transitions and effects, its refusals, and — on random event
// sequences — that it never reaches a state outside the diagram, that final states hold, and
// that retried events never act twice.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allowedEvents,
  applyAll,
  FINAL_STATUSES,
  isFinal,
  NEW_RETURN,
  RETURN_STATUSES,
  transition,
  type ReturnEffect,
  type ReturnEvent,
  type ReturnState,
  type ReturnStatus,
  type TransitionContext,
} from "./return-state";

const at = new Date("2025-04-02T08:30:00Z");
const context: TransitionContext = { at };

const approveShopPays: ReturnEvent = { type: "approve", labelPaidBy: "shop", goodwill: { kind: "discount_code", percent: 10 } };
const approveShopperPays: ReturnEvent = { type: "approve", labelPaidBy: "customer", goodwill: { kind: "none", percent: null } };
const label: ReturnEvent = { type: "attach_label", carrier: "USPS", trackingNumber: "9400100000000000000000", labelUrl: "https://labels.example/1.pdf" };

function run(events: ReturnEvent[], start: ReturnState = NEW_RETURN) {
  const result = applyAll(start, events, context);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

const kinds = (effects: ReturnEffect[]) => effects.map((effect) => effect.kind);

/** The edges of the diagram, written out again independently of the module's table. */
const EDGES = new Set([
  "requested>approved",
  "requested>declined",
  "approved>label_sent",
  "approved>in_transit",
  "approved>received",
  "label_sent>in_transit",
  "label_sent>received",
  "in_transit>received",
  "received>refunded",
  "received>exchanged",
  "received>store_credited",
  ...["requested", "approved", "label_sent", "in_transit", "received"].map((from) => `${from}>cancelled`),
]);

describe("transition", () => {
  it("approves a shop-paid return: opens it in Shopify, buys the label, issues the goodwill code", () => {
    const result = run([approveShopPays]);
    expect(result.state).toEqual({ status: "approved", reached: ["requested", "approved"] });
    expect(result.effects).toEqual([
      { kind: "record_timeline", entry: { status: "approved", occurredAt: at, dedupeKey: "return:approved", detail: { labelPaidBy: "shop", goodwill: "discount_code:10" } } },
      { kind: "create_shopify_return" },
      { kind: "buy_return_label" },
      { kind: "issue_goodwill_code", goodwill: "discount_code", percent: 10 },
    ]);
  });

  it("sends instructions without a label when the shopper pays the postage", () => {
    expect(kinds(run([approveShopperPays]).effects)).toEqual(["record_timeline", "create_shopify_return", "send_return_instructions"]);
  });

  it("does not open the return in Shopify again when it was approved there", () => {
    const result = transition(NEW_RETURN, approveShopperPays, { at, origin: "shopify" });
    expect(result.ok && kinds(result.effects)).toEqual(["record_timeline", "send_return_instructions"]);
  });

  it("emails the label and gives Shopify its tracking once it is bought", () => {
    const result = run([approveShopPays, label]);
    expect(result.state.status).toBe("label_sent");
    expect(result.effects.slice(-3)).toEqual([
      { kind: "record_timeline", entry: { status: "label_sent", occurredAt: at, dedupeKey: "return:label_sent", detail: { carrier: "USPS", trackingNumber: "9400100000000000000000" } } },
      { kind: "add_shopify_reverse_delivery", carrier: "USPS", trackingNumber: "9400100000000000000000", labelUrl: "https://labels.example/1.pdf" },
      { kind: "send_return_instructions", withLabel: true },
    ]);
  });

  it("refunds a received return and closes it in Shopify", () => {
    const result = run([approveShopPays, label, { type: "mark_in_transit" }, { type: "mark_received" }, { type: "refund" }]);
    expect(result.state.reached).toEqual(["requested", "approved", "label_sent", "in_transit", "received", "refunded"]);
    expect(kinds(result.effects.slice(-4))).toEqual(["record_timeline", "refund_payment", "close_shopify_return", "notify_customer"]);
  });

  it("lets a return the shopper ships themselves go from approved to in transit or straight to received", () => {
    expect(run([approveShopperPays, { type: "mark_in_transit", carrier: "DHL", trackingNumber: "JD01" }]).state.status).toBe("in_transit");
    expect(run([approveShopperPays, { type: "mark_received" }]).state.status).toBe("received");
  });

  it("voids an unused label and cancels the Shopify return when a return is cancelled after its label was sent", () => {
    const result = run([approveShopPays, label, { type: "cancel", by: "customer", reason: "Kept it after all" }]);
    expect(result.effects.slice(-4)).toEqual([
      { kind: "record_timeline", entry: { status: "cancelled", occurredAt: at, dedupeKey: "return:cancelled", detail: { by: "customer", reason: "Kept it after all" } } },
      { kind: "void_return_label" },
      { kind: "cancel_shopify_return" },
      { kind: "notify_customer", about: "cancelled", reason: "Kept it after all" },
    ]);
  });

  it("keeps a label that has been used when the return is cancelled", () => {
    const result = run([approveShopPays, label, { type: "mark_in_transit" }, { type: "cancel", by: "merchant" }]);
    expect(kinds(result.effects.slice(-3))).toEqual(["record_timeline", "cancel_shopify_return", "notify_customer"]);
  });

  it("refuses illegal jumps with a sentence saying what can happen instead", () => {
    expect(transition(NEW_RETURN, { type: "mark_received" }, context)).toEqual({
      ok: false,
      error: { code: "not_allowed", message: "A return that is waiting for approval cannot be marked as received; it can be approved, declined or cancelled." },
    });
    expect(transition(NEW_RETURN, { type: "refund" }, context).ok).toBe(false);
    const refunded = run([approveShopperPays, { type: "mark_received" }, { type: "refund" }]).state;
    expect(transition(refunded, { type: "exchange" }, context)).toEqual({ ok: false, error: { code: "already_final", message: "This return is already refunded, so it cannot be exchanged." } });
    const declined = run([{ type: "decline", reason: "Worn" }]).state;
    expect(transition(declined, approveShopPays, context)).toEqual({ ok: false, error: { code: "already_final", message: "This return is already declined, so it cannot be approved." } });
  });

  it("refuses events that lack what the effects need", () => {
    expect(transition(NEW_RETURN, { type: "decline", reason: "  " }, context)).toMatchObject({ ok: false, error: { code: "invalid_event" } });
    const approved = run([approveShopPays]).state;
    expect(transition(approved, { ...label, trackingNumber: "" } as ReturnEvent, context)).toMatchObject({ ok: false, error: { code: "invalid_event" } });
    expect(transition(NEW_RETURN, { type: "approve", labelPaidBy: "shop", goodwill: { kind: "discount_code", percent: null } }, context)).toMatchObject({ ok: false, error: { code: "invalid_event" } });
  });

  it("answers a retried event with the same state and no effects", () => {
    const approved = run([approveShopPays]).state;
    expect(transition(approved, approveShopPays, context)).toEqual({ ok: true, state: approved, effects: [] });
  });

  it("ignores a carrier scan that arrives after the parcel was received", () => {
    const received = run([approveShopperPays, { type: "mark_received" }]).state;
    expect(transition(received, { type: "mark_in_transit" }, context)).toEqual({ ok: true, state: received, effects: [] });
  });

  it("keeps ignoring that late scan once the return has been cancelled", () => {
    const steps: ReturnEvent[] = [approveShopperPays, { type: "mark_received" }, { type: "mark_in_transit" }, { type: "cancel", by: "merchant" }];
    const cancelled = run(steps).state;
    expect(cancelled.reached).toEqual(["requested", "approved", "received", "cancelled"]);
    for (const step of steps) expect(transition(cancelled, step, context)).toEqual({ ok: true, state: cancelled, effects: [] });
  });

  it("offers cancel from every status that is not final, and nothing from a final one", () => {
    for (const status of RETURN_STATUSES) {
      expect(allowedEvents(status).includes("cancel")).toBe(!isFinal(status));
      if (isFinal(status)) expect(allowedEvents(status)).toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Random event sequences

const eventArbitrary: fc.Arbitrary<ReturnEvent> = fc.oneof(
  fc.record({ type: fc.constant("approve" as const), labelPaidBy: fc.constantFrom("shop" as const, "customer" as const), goodwill: fc.constantFrom({ kind: "none" as const, percent: null }, { kind: "discount_code" as const, percent: 10 }, { kind: "free_shipping" as const, percent: null }) }),
  fc.record({ type: fc.constant("decline" as const), reason: fc.constantFrom("Worn", "Outside the window") }),
  fc.constant(label),
  fc.constant<ReturnEvent>({ type: "mark_in_transit" }),
  fc.constant<ReturnEvent>({ type: "mark_received" }),
  fc.constant<ReturnEvent>({ type: "refund" }),
  fc.constant<ReturnEvent>({ type: "exchange" }),
  fc.constant<ReturnEvent>({ type: "issue_store_credit" }),
  fc.record({ type: fc.constant("cancel" as const), by: fc.constantFrom("customer" as const, "merchant" as const) }),
);
const contextArbitrary: fc.Arbitrary<TransitionContext> = fc.record({ at: fc.date({ noInvalidDate: true }), origin: fc.constantFrom(undefined, "app" as const, "shopify" as const, "carrier" as const) });
const stepsArbitrary: fc.Arbitrary<[ReturnEvent, TransitionContext][]> = fc.array(fc.tuple(eventArbitrary, contextArbitrary), { maxLength: 25 });

type Step = { event: ReturnEvent; context: TransitionContext; ok: boolean; before: ReturnState; after: ReturnState; effects: ReturnEffect[] };

function play(steps: readonly [ReturnEvent, TransitionContext][], start: ReturnState = NEW_RETURN): Step[] {
  let state = start;
  return steps.map(([event, stepContext]) => {
    const result = transition(state, event, stepContext);
    const step = { event, context: stepContext, ok: result.ok, before: state, after: result.ok ? result.state : state, effects: result.ok ? result.effects : [] };
    state = step.after;
    return step;
  });
}

const finalState = (steps: Step[], start: ReturnState = NEW_RETURN) => steps.at(-1)?.after ?? start;

describe("random event sequences", () => {
  it("never reach a state outside the diagram", () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        for (const step of play(steps)) {
          const { status, reached } = step.after;
          expect(RETURN_STATUSES).toContain(status);
          expect(reached.at(-1)).toBe(status);
          expect(reached[0]).toBe("requested");
          expect(new Set(reached).size).toBe(reached.length);
          for (let index = 1; index < reached.length; index += 1) expect(EDGES.has(`${reached[index - 1]}>${reached[index]}`), `${reached.join(" > ")}`).toBe(true);
          // A change of state always leaves a timeline entry for the new status, and only then.
          const timeline = step.effects.filter((effect) => effect.kind === "record_timeline");
          expect(timeline.length).toBe(step.after === step.before ? 0 : 1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("never leave a final state", () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        let finalReached: ReturnStatus | null = null;
        for (const step of play(steps)) {
          if (finalReached) {
            expect(step.after).toBe(step.before);
            expect(step.effects).toEqual([]);
          }
          if (FINAL_STATUSES.has(step.after.status)) finalReached = step.after.status;
        }
      }),
      { numRuns: 500 },
    );
  });

  it("replaying the applied events of any prefix, once or twice, changes nothing and does nothing", () => {
    fc.assert(
      fc.property(stepsArbitrary, fc.nat(), stepsArbitrary, (steps, cut, later) => {
        const history = play(steps);
        const prefix = history.slice(0, cut % (history.length + 1)).filter((step) => step.ok);
        const afterLater = finalState(play(later, finalState(history)), finalState(history));
        for (const start of [finalState(history), afterLater]) {
          const replay = [...prefix, ...prefix].map((step): [ReturnEvent, TransitionContext] => [step.event, step.context]);
          for (const step of play(replay, start)) {
            expect(step.ok).toBe(true);
            expect(step.after).toBe(start);
            expect(step.effects).toEqual([]);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("do each one-off thing at most once, however events are repeated", () => {
    const once: ReturnEffect["kind"][] = ["create_shopify_return", "buy_return_label", "issue_goodwill_code", "refund_payment", "create_exchange", "issue_store_credit", "close_shopify_return", "cancel_shopify_return", "void_return_label"];
    fc.assert(
      fc.property(stepsArbitrary, fc.array(fc.nat(), { maxLength: 10 }), (steps, repeats) => {
        const withRepeats = [...steps];
        for (const index of repeats) if (steps.length > 0) withRepeats.splice(index % (withRepeats.length + 1), 0, steps[index % steps.length] as [ReturnEvent, TransitionContext]);
        const effects = play(withRepeats).flatMap((step) => step.effects);
        for (const kind of once) expect(effects.filter((effect) => effect.kind === kind).length, kind).toBeLessThanOrEqual(1);
        const resolutions = effects.filter((effect) => ["refund_payment", "create_exchange", "issue_store_credit"].includes(effect.kind));
        expect(resolutions.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
});
