// The rules of the order state, one at a time (the property test checks them together).
import { describe, expect, it } from "vitest";
import { applyOrderEvent, applyOrderEvents, type StoredOrder } from "~/orders/order-state";
import { at, fulfillmentEvent, fulfillmentSnapshot, ORDER_ID, orderEvent, orderSnapshot, refundEvent, refundSnapshot } from "./snapshots";

const stateOf = (...events: Parameters<typeof applyOrderEvents>[1]): StoredOrder => {
  const state = applyOrderEvents(null, events);
  if (!state) throw new Error("no state");
  return state;
};

describe("order fields", () => {
  const placed = orderSnapshot({ financialStatus: "pending", paymentGateways: ["Cash on Delivery (COD)"], updatedAt: at(0) });
  const tagged = orderSnapshot({ financialStatus: "pending", paymentGateways: ["Cash on Delivery (COD)"], tags: ["vip"], updatedAt: at(30) });

  it("come from the first snapshot", () => {
    const { next, changed } = applyOrderEvent(null, orderEvent(placed));
    expect(changed).toBe(true);
    expect(next.care).toMatchObject({ name: "#1187", number: 1187, financialStatus: "pending", cashOnDelivery: true, paidAt: null, shopifyUpdatedAt: at(0), lastSource: "webhook" });
  });

  it("are replaced by a newer snapshot", () => {
    const { next, changed } = applyOrderEvent(stateOf(orderEvent(placed)), orderEvent(tagged, "reconciliation"));
    expect(changed).toBe(true);
    expect(next.care).toMatchObject({ tags: ["vip"], shopifyUpdatedAt: at(30), lastSource: "reconciliation" });
  });

  it("never go back to an older snapshot", () => {
    const newer = stateOf(orderEvent(tagged));
    const { next, changed } = applyOrderEvent(newer, orderEvent(placed));
    expect(changed).toBe(false);
    expect(next).toEqual(newer);
  });

  it("do not change for a snapshot of the same time", () => {
    const state = stateOf(orderEvent(tagged));
    const { next, changed } = applyOrderEvent(state, orderEvent({ ...tagged }));
    expect(changed).toBe(false);
    expect(next).toEqual(state);
  });

  it("settle two different snapshots of the same time the same way whichever comes first", () => {
    const other = { ...tagged, tags: ["gift"], shippingZone: null };
    const one = stateOf(orderEvent(tagged), orderEvent(other));
    const two = stateOf(orderEvent(other), orderEvent(tagged));
    expect(one).toEqual(two);
    expect(one.care?.shippingZone).toBe("PL-12"); // a known value beats a missing one
  });

  it("derive cash on delivery from the newest gateways", () => {
    const paidByCard = orderSnapshot({ paymentGateways: ["shopify_payments"], updatedAt: at(45) });
    expect(stateOf(orderEvent(placed), orderEvent(paidByCard)).care?.cashOnDelivery).toBe(false);
  });
});

describe("email consent", () => {
  const consented = orderSnapshot({ emailConsent: "SUBSCRIBED", updatedAt: at(10) });
  const webhook = orderSnapshot({ emailConsent: null, tags: ["later"], updatedAt: at(20) });
  const unsubscribed = orderSnapshot({ emailConsent: "UNSUBSCRIBED", updatedAt: at(15) });

  it("is kept when a newer snapshot does not say (webhooks since 2025-01)", () => {
    expect(stateOf(orderEvent(consented, "backfill"), orderEvent(webhook)).care).toMatchObject({ emailConsent: "SUBSCRIBED", tags: ["later"] });
  });

  it("comes from the newest snapshot that says, even when it arrives after a newer one that does not", () => {
    const orders = [
      [consented, webhook, unsubscribed],
      [webhook, unsubscribed, consented],
      [unsubscribed, consented, webhook],
    ];
    for (const order of orders) {
      expect(stateOf(...order.map((snapshot) => orderEvent(snapshot))).care).toMatchObject({ emailConsent: "UNSUBSCRIBED", emailConsentAt: at(15), shopifyUpdatedAt: at(20) });
    }
  });
});

describe("paidAt", () => {
  const pending = orderSnapshot({ financialStatus: "pending", updatedAt: at(0) });
  const paid = orderSnapshot({ financialStatus: "paid", updatedAt: at(90) });
  const refunded = orderSnapshot({ financialStatus: "refunded", updatedAt: at(300) });

  it("is the time of the first snapshot that shows the order paid", () => {
    expect(stateOf(orderEvent(pending), orderEvent(paid), orderEvent(refunded)).care?.paidAt).toEqual(at(90));
  });

  it("moves earlier when an older paid snapshot arrives late, while the fields stay newest", () => {
    const { next, changed } = applyOrderEvent(stateOf(orderEvent(pending), orderEvent(refunded)), orderEvent(paid));
    expect(changed).toBe(true);
    expect(next.care).toMatchObject({ paidAt: at(90), financialStatus: "refunded", shopifyUpdatedAt: at(300) });
  });

  it("stays empty while the order is unpaid or voided", () => {
    expect(stateOf(orderEvent(pending), orderEvent(orderSnapshot({ financialStatus: "voided", updatedAt: at(5) }))).care?.paidAt).toBeNull();
  });
});

describe("fulfillments", () => {
  const created = fulfillmentSnapshot({ shipmentStatus: null, updatedAt: at(60) });
  const inTransit = fulfillmentSnapshot({ shipmentStatus: "in_transit", updatedAt: at(120) });
  const delivered = fulfillmentSnapshot({ shipmentStatus: "delivered", updatedAt: at(2000) });

  it("are kept before their order is known, without a made-up order", () => {
    const { next } = applyOrderEvent(null, fulfillmentEvent(inTransit));
    expect(next).toMatchObject({ orderId: ORDER_ID, care: null, refunds: [] });
    expect(next.fulfillments).toHaveLength(1);
  });

  it("meet their order when it arrives", () => {
    const state = stateOf(fulfillmentEvent(delivered), orderEvent(orderSnapshot({ fulfillments: [created], updatedAt: at(61) })));
    expect(state.care?.shopifyUpdatedAt).toEqual(at(61));
    expect(state.fulfillments).toHaveLength(1);
    expect(state.fulfillments[0]).toMatchObject({ shipmentStatus: "delivered", shopifyUpdatedAt: at(2000) });
  });

  it("take a newer update and ignore an older one", () => {
    expect(stateOf(fulfillmentEvent(created), fulfillmentEvent(inTransit)).fulfillments[0]?.shipmentStatus).toBe("in_transit");
    const { changed, next } = applyOrderEvent(stateOf(fulfillmentEvent(delivered)), fulfillmentEvent(inTransit));
    expect(changed).toBe(false);
    expect(next.fulfillments[0]?.shipmentStatus).toBe("delivered");
  });

  it("keep the earliest known transit and delivery times", () => {
    const graphql = fulfillmentSnapshot({ shipmentStatus: "delivered", inTransitAt: at(100), deliveredAt: at(1900), updatedAt: at(1950) });
    const rest = fulfillmentSnapshot({ shipmentStatus: "delivered", trackingNumber: "NEW", updatedAt: at(2100) });
    const state = stateOf(fulfillmentEvent(rest), fulfillmentEvent(graphql));
    expect(state.fulfillments[0]).toMatchObject({ trackingNumber: "NEW", inTransitAt: at(100), deliveredAt: at(1900), shopifyUpdatedAt: at(2100) });
  });

  it("keep the newest delivery estimate when a newer update does not carry one", () => {
    const estimated = fulfillmentSnapshot({ shipmentStatus: "in_transit", estimatedDeliveryAt: at(3000), updatedAt: at(150) });
    const state = stateOf(fulfillmentEvent(estimated), fulfillmentEvent(fulfillmentSnapshot({ shipmentStatus: "out_for_delivery", updatedAt: at(1500) })));
    expect(state.fulfillments[0]).toMatchObject({ shipmentStatus: "out_for_delivery", estimatedDeliveryAt: at(3000), estimatedDeliveryAsOf: at(150) });
  });

  it("are listed by id, numerically", () => {
    const state = stateOf(fulfillmentEvent(fulfillmentSnapshot({ fulfillmentId: "10" })), fulfillmentEvent(fulfillmentSnapshot({ fulfillmentId: "9" })));
    expect(state.fulfillments.map((f) => f.fulfillmentId)).toEqual(["9", "10"]);
  });
});

describe("refunds", () => {
  it("are a set by id", () => {
    const first = refundSnapshot({ refundId: "2" });
    const second = refundSnapshot({ refundId: "1", createdAt: at(700), amount: "5.00" });
    const state = stateOf(refundEvent(first), refundEvent(second), refundEvent(first), orderEvent(orderSnapshot({ refunds: [first] })));
    expect(state.refunds.map((r) => [r.refundId, r.amount])).toEqual([["1", "5.00"], ["2", "21.00"]]);
    expect(applyOrderEvent(state, refundEvent(second)).changed).toBe(false);
  });
});

describe("applyOrderEvent", () => {
  it("refuses an event of another order", () => {
    const state = stateOf(orderEvent(orderSnapshot()));
    expect(() => applyOrderEvent(state, refundEvent(refundSnapshot({ orderId: "1" })))).toThrow("event for order 1 applied to order 6120448811");
  });

  it("returns what the event says happened, even when the state does not change", () => {
    const delivered = fulfillmentSnapshot({ shipmentStatus: "delivered", updatedAt: at(2000) });
    const inTransit = fulfillmentSnapshot({ shipmentStatus: "in_transit", updatedAt: at(120) });
    const { changed, timeline } = applyOrderEvent(stateOf(fulfillmentEvent(delivered)), fulfillmentEvent(inTransit));
    expect(changed).toBe(false);
    expect(timeline.map((entry) => entry.dedupeKey)).toEqual(["fulfillment:5300110021:dispatched", "fulfillment:5300110021:in_transit"]);
  });
});
