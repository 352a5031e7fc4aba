// The order-topic payloads, from hand-written fixtures (tests/fixtures/webhooks) and from the
// demo shop's REST payloads, to the snapshot types; and the errors a bad body gives.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isCashOnDelivery } from "~/orders/payment";
import type { OrderEvent } from "~/orders/order-snapshot";
import { InvalidOrderWebhook, ORDER_WEBHOOK_TOPICS, parseOrderWebhook, splitTags, type IntakeAction } from "~/orders/webhook-payloads";
import { buildDemoShop } from "../../admin-api/demo-shop";
import { fulfillmentWebhookPayload, orderWebhookPayload, refundWebhookPayload } from "../../admin-api/webhook-payloads";

type Json = Record<string, unknown>;

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/webhooks");
const fixture = (name: string): Json => JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as Json;

function applied(action: IntakeAction): OrderEvent {
  if (action.type !== "apply") throw new Error(`expected an event, got ${action.type}`);
  return action.event;
}

function orderOf(action: IntakeAction) {
  const event = applied(action);
  if (event.kind !== "order") throw new Error(`expected an order event, got ${event.kind}`);
  return event.snapshot;
}

function errorOf(topic: string, body: unknown): InvalidOrderWebhook {
  try {
    parseOrderWebhook(topic, body);
  } catch (error) {
    if (error instanceof InvalidOrderWebhook) return error;
    throw error;
  }
  throw new Error("the payload was accepted");
}

describe("order topics", () => {
  it("are each subscribed in shopify.app.toml", () => {
    const toml = readFileSync(path.resolve(import.meta.dirname, "../../../shopify.app.toml"), "utf8");
    for (const topic of ORDER_WEBHOOK_TOPICS) expect(toml, topic).toContain(`topics = ["${topic}"]`);
  });

  it("refuses a topic that is not an order topic", () => {
    expect(() => parseOrderWebhook("products/update", {})).toThrow("not an order topic: products/update");
  });
});

describe("orders/create", () => {
  const body = fixture("orders-create.cod-pending.json");

  it("maps a cash-on-delivery order waiting for payment", () => {
    const action = parseOrderWebhook("orders/create", body);
    expect(action.type).toBe("apply");
    expect(applied(action).source).toBe("webhook");
    expect(orderOf(action)).toEqual({
      orderId: "6120448811",
      orderGid: "gid://shopify/Order/6120448811",
      name: "#1187",
      number: 1187,
      customerId: "8840021101",
      customerLocale: "pl",
      emailConsent: null,
      placedAt: new Date("2026-06-02T16:04:11Z"),
      processedAt: new Date("2026-06-02T16:04:10Z"),
      cancelledAt: null,
      cancelReason: null,
      closedAt: null,
      financialStatus: "pending",
      fulfillmentStatus: null,
      confirmed: true,
      paymentGateways: ["Cash on Delivery (COD)"],
      shippingCountry: "PL",
      shippingZone: "PL-12",
      totalPrice: "49.90",
      currency: "EUR",
      tags: [],
      shippingMethod: "Standard Europe (3–5 days)",
      discountCodes: [],
      updatedAt: new Date("2026-06-02T16:04:12Z"),
      fulfillments: [],
      refunds: [],
    });
  });

  it("keeps no name, email, phone or street address", () => {
    const text = JSON.stringify(parseOrderWebhook("orders/create", body));
    for (const personal of ["Zofia", "Przykład", "mail.example", "+48", "Testowa", "30-001", "Kraków", "192.0.2.44"]) {
      expect(text).not.toContain(personal);
    }
  });

  it("says consent is unknown when the customer block does not carry it (API 2025-01 and later)", () => {
    expect(orderOf(parseOrderWebhook("orders/create", body)).emailConsent).toBeNull();
  });

  it("accepts an order without customer, shipping address, tags or gateways", () => {
    const { customer: _c, shipping_address: _s, tags: _t, payment_gateway_names: _g, customer_locale: _l, ...guest } = body;
    const snapshot = orderOf(parseOrderWebhook("orders/create", { ...guest, customer: null }));
    expect(snapshot).toMatchObject({ customerId: null, customerLocale: null, shippingCountry: null, shippingZone: null, tags: [], paymentGateways: [] });
  });

  it("keeps the discount codes used on the order (trimmed, blanks dropped)", () => {
    const discountCodes = [
      { code: " THANKS-7K3M-Q9XP ", amount: "4.99", type: "percentage" },
      { code: "", amount: "0.00", type: "fixed_amount" },
    ];
    expect(orderOf(parseOrderWebhook("orders/create", { ...body, discount_codes: discountCodes })).discountCodes).toEqual(["THANKS-7K3M-Q9XP"]);
    const { discount_codes: _d, ...without } = body;
    expect(orderOf(parseOrderWebhook("orders/create", without)).discountCodes).toEqual([]);
  });
});

describe("orders/updated", () => {
  const snapshot = orderOf(parseOrderWebhook("orders/updated", fixture("orders-updated.delivered-refunded.json")));

  it("takes the current total after refunds, in the shop currency", () => {
    expect(snapshot).toMatchObject({ totalPrice: "28.90", currency: "EUR", financialStatus: "partially_refunded", fulfillmentStatus: "fulfilled" });
  });

  it("sorts the comma-separated tags into a set", () => {
    expect(snapshot.tags).toEqual(["cod-confirmed", "repeat"]);
    expect(splitTags(" b, a ,, b,")).toEqual(["a", "b"]);
  });

  it("maps the embedded fulfillments and refunds", () => {
    expect(snapshot.closedAt).toEqual(new Date("2026-06-09T09:20:05Z"));
    expect(snapshot.fulfillments).toEqual([
      {
        fulfillmentId: "5300110021",
        orderId: "6120448811",
        status: "success",
        shipmentStatus: "delivered",
        trackingCompany: "InPost",
        trackingNumber: "620111222333444555666777",
        trackingUrl: "https://inpost.example/sledzenie-przesylek?number=620111222333444555666777",
        estimatedDeliveryAt: null,
        inTransitAt: null,
        deliveredAt: null,
        createdAt: new Date("2026-06-03T07:15:00Z"),
        updatedAt: new Date("2026-06-05T12:02:31Z"),
      },
    ]);
    expect(snapshot.refunds).toEqual([
      { refundId: "1044400331", orderId: "6120448811", createdAt: new Date("2026-06-09T09:20:04Z"), amount: "21.00", currency: "EUR" },
    ]);
  });

  it("fills a child's missing order_id with the order's", () => {
    const body = fixture("orders-updated.delivered-refunded.json");
    const [fulfillment] = body.fulfillments as Json[];
    const { order_id: _drop, ...withoutOrderId } = fulfillment ?? {};
    const parsed = orderOf(parseOrderWebhook("orders/updated", { ...body, fulfillments: [withoutOrderId] }));
    expect(parsed.fulfillments[0]?.orderId).toBe("6120448811");
  });
});

describe("orders/cancelled", () => {
  it("maps the cancellation with its reason", () => {
    expect(orderOf(parseOrderWebhook("orders/cancelled", fixture("orders-cancelled.json")))).toMatchObject({
      orderId: "6120511902",
      cancelledAt: new Date("2026-06-04T08:12:57Z"),
      cancelReason: "customer",
      financialStatus: "voided",
      totalPrice: "0.00",
      customerLocale: "fr-FR",
      shippingCountry: "FR",
      shippingZone: null,
    });
  });
});

describe("orders/paid", () => {
  const snapshot = orderOf(parseOrderWebhook("orders/paid", fixture("orders-paid.legacy-customer-consent.json")));

  it("reads email consent when the customer block still carries it (before API 2025-01)", () => {
    expect(snapshot.emailConsent).toBe("SUBSCRIBED");
  });

  it("takes shop money, not the presentment currency", () => {
    expect(snapshot).toMatchObject({ totalPrice: "64.20", currency: "EUR", paymentGateways: ["gift_card", "paypal"], tags: ["Gift", "wholesale-lead"] });
  });

  it("reads timestamps at their offset", () => {
    expect(snapshot.placedAt.toISOString()).toBe("2026-06-06T20:47:03.000Z");
    expect(snapshot.updatedAt.toISOString()).toBe("2026-06-06T20:47:05.000Z");
  });
});

describe.each(["orders/fulfilled", "orders/partially_fulfilled"])("%s", (topic) => {
  it("carries the whole order", () => {
    expect(orderOf(parseOrderWebhook(topic, fixture("orders-updated.delivered-refunded.json"))).fulfillments).toHaveLength(1);
  });
});

describe("orders/edited", () => {
  it("asks for the order to be fetched again: the edit does not carry it", () => {
    expect(parseOrderWebhook("orders/edited", fixture("orders-edited.json"))).toEqual({
      type: "refetch",
      orderId: "6120448811",
      reason: "orders/edited: order edit 902200114",
    });
  });

  it("names the missing order id", () => {
    expect(errorOf("orders/edited", { order_edit: { id: 1 } }).message).toBe("Invalid orders/edited payload: order_edit.order_id: must be a numeric id");
    expect(errorOf("orders/edited", fixture("orders-create.cod-pending.json")).problems).toEqual(["order_edit: is required"]);
  });
});

describe("fulfillments/create and fulfillments/update", () => {
  it("maps a new parcel with its tracking", () => {
    const event = applied(parseOrderWebhook("fulfillments/create", fixture("fulfillments-create.json")));
    expect(event).toEqual({
      kind: "fulfillment",
      source: "webhook",
      fulfillment: {
        fulfillmentId: "5300110021",
        orderId: "6120448811",
        status: "success",
        shipmentStatus: null,
        trackingCompany: "InPost",
        trackingNumber: "620111222333444555666777",
        trackingUrl: "https://inpost.example/sledzenie-przesylek?number=620111222333444555666777",
        estimatedDeliveryAt: null,
        inTransitAt: null,
        deliveredAt: null,
        createdAt: new Date("2026-06-03T07:15:00Z"),
        updatedAt: new Date("2026-06-03T07:15:00Z"),
      },
    });
  });

  it("maps a shipment status update", () => {
    const event = applied(parseOrderWebhook("fulfillments/update", fixture("fulfillments-update.out-for-delivery.json")));
    expect(event.kind === "fulfillment" && event.fulfillment).toMatchObject({ shipmentStatus: "out_for_delivery", updatedAt: new Date("2026-06-05T05:41:18Z") });
  });

  it("reads a shipment status it does not know as none, rather than failing", () => {
    const event = applied(parseOrderWebhook("fulfillments/update", { ...fixture("fulfillments-create.json"), shipment_status: "returned_to_sender" }));
    expect(event.kind === "fulfillment" && event.fulfillment.shipmentStatus).toBeNull();
  });

  it("takes the first tracking number when only the lists are given", () => {
    const body = { ...fixture("fulfillments-create.json"), tracking_number: null, tracking_url: null, tracking_numbers: ["A1", "B2"], tracking_urls: ["https://track.example/A1"] };
    const event = applied(parseOrderWebhook("fulfillments/update", body));
    expect(event.kind === "fulfillment" && event.fulfillment).toMatchObject({ trackingNumber: "A1", trackingUrl: "https://track.example/A1" });
  });
});

describe("refunds/create", () => {
  it("maps the refund with the money its transactions returned", () => {
    expect(applied(parseOrderWebhook("refunds/create", fixture("refunds-create.json")))).toEqual({
      kind: "refund",
      source: "webhook",
      refund: { refundId: "1044400331", orderId: "6120448811", createdAt: new Date("2026-06-09T09:20:04Z"), amount: "21.00", currency: "EUR" },
    });
  });

  it("adds up successful refund transactions only", () => {
    const transaction = { kind: "refund", status: "success", amount: "10.05", currency: "EUR" };
    const body = {
      ...fixture("refunds-create.json"),
      transactions: [transaction, { ...transaction, amount: "2.10" }, { ...transaction, status: "failure", amount: "99.00" }, { ...transaction, kind: "sale" }],
    };
    const event = applied(parseOrderWebhook("refunds/create", body));
    expect(event.kind === "refund" && event.refund).toMatchObject({ amount: "12.15", currency: "EUR" });
  });

  it("records no amount when there is no successful transaction or the currencies differ", () => {
    const base = fixture("refunds-create.json");
    const none = applied(parseOrderWebhook("refunds/create", { ...base, transactions: [] }));
    expect(none.kind === "refund" && none.refund).toMatchObject({ amount: null, currency: null });
    const mixed = applied(
      parseOrderWebhook("refunds/create", { ...base, transactions: [{ kind: "refund", status: "success", amount: "1.00", currency: "EUR" }, { kind: "refund", status: "success", amount: "1.00", currency: "GBP" }] }),
    );
    expect(mixed.kind === "refund" && mixed.refund).toMatchObject({ amount: null, currency: null });
  });
});

describe("bad bodies", () => {
  const order = fixture("orders-create.cod-pending.json");

  it.each([
    [{ ...order, updated_at: undefined }, "updated_at: is required"],
    [{ ...order, updated_at: "yesterday" }, "updated_at: must be an ISO 8601 timestamp with an offset"],
    [{ ...order, created_at: "2026-06-02T18:04:11" }, "created_at: must be an ISO 8601 timestamp with an offset"],
    [{ ...order, id: "61204-48811" }, "id: must be a numeric id"],
    [{ ...order, customer: { id: true } }, "customer.id: must be a numeric id"],
    [{ ...order, total_price: "forty" }, 'total_price: must be a decimal amount such as "12.50"'],
    [{ ...order, currency: "euro" }, "currency: must be a three-letter currency code"],
    [{ ...order, name: "" }, "name: is required"],
    [{ ...order, order_number: undefined }, "order_number: is required"],
    [{ ...order, fulfillments: [{ id: 1, status: "success", created_at: "2026-06-03T09:15:00+02:00" }] }, "fulfillments[0].updated_at: is required"],
  ])("names the field (%#)", (body, problem) => {
    const error = errorOf("orders/updated", body);
    expect(error.problems).toContain(problem);
    expect(error.message).toContain(`Invalid orders/updated payload: `);
    expect(error.message).toContain(problem);
  });

  it("lists every problem at once", () => {
    const error = errorOf("refunds/create", { id: 1 });
    expect(error.problems).toEqual(["order_id: must be a numeric id", "created_at: is required"]);
  });

  it("refuses a body that is not an object", () => {
    expect(errorOf("orders/create", null).problems).toEqual(["body: Expected object, received null"]);
    expect(errorOf("fulfillments/update", [1, 2]).problems).toEqual(["body: Expected object, received array"]);
  });
});

describe("the demo shop's payloads", () => {
  const demo = buildDemoShop({ now: new Date("2026-06-15T10:00:00Z") });

  it("map every order with its ids, statuses, money and children", () => {
    for (const order of demo.orders) {
      const snapshot = orderOf(parseOrderWebhook("orders/updated", orderWebhookPayload(order, demo.shop)));
      expect(snapshot, order.name).toMatchObject({
        orderId: order.legacyResourceId,
        orderGid: order.id,
        name: order.name,
        number: order.number,
        customerId: order.customer.id.split("/").pop(),
        customerLocale: order.customerLocale,
        emailConsent: null,
        placedAt: new Date(order.createdAt),
        updatedAt: new Date(order.updatedAt),
        financialStatus: order.displayFinancialStatus.toLowerCase(),
        paymentGateways: order.paymentGatewayNames,
        totalPrice: order.totalPriceSet.shopMoney.amount,
        currency: "EUR",
        shippingCountry: order.shippingAddress.countryCodeV2,
      });
      expect(snapshot.fulfillments.map((f) => f.fulfillmentId), order.name).toEqual(order.fulfillments.map((f) => f.legacyResourceId));
      expect(snapshot.refunds.map((r) => r.refundId), order.name).toEqual(order.refunds.map((r) => r.legacyResourceId));
    }
  });

  it("map consent from the legacy customer fields", () => {
    const order = demo.orders[0];
    if (!order) throw new Error("no demo order");
    const snapshot = orderOf(parseOrderWebhook("orders/updated", orderWebhookPayload(order, demo.shop, { legacyCustomerFields: true })));
    expect(snapshot.emailConsent).toBe(order.customer.defaultEmailAddress.marketingState);
  });

  it("map every fulfillment and refund topic", () => {
    for (const order of demo.orders) {
      for (const fulfillment of order.fulfillments) {
        const event = applied(parseOrderWebhook("fulfillments/update", fulfillmentWebhookPayload(order, fulfillment)));
        expect(event.kind === "fulfillment" && event.fulfillment, fulfillment.name).toMatchObject({
          fulfillmentId: fulfillment.legacyResourceId,
          orderId: order.legacyResourceId,
          status: fulfillment.status.toLowerCase(),
          createdAt: new Date(fulfillment.createdAt),
          updatedAt: new Date(fulfillment.updatedAt),
          trackingNumber: fulfillment.trackingInfo[0]?.number ?? null,
        });
      }
      for (const refund of order.refunds) {
        const event = applied(parseOrderWebhook("refunds/create", refundWebhookPayload(order, refund)));
        expect(event.kind === "refund" && event.refund, order.name).toEqual({
          refundId: refund.legacyResourceId,
          orderId: order.legacyResourceId,
          createdAt: new Date(refund.createdAt),
          amount: refund.totalRefundedSet.presentmentMoney.amount,
          currency: refund.totalRefundedSet.presentmentMoney.currencyCode,
        });
      }
    }
  });
});

describe("isCashOnDelivery", () => {
  it.each([
    [["Cash on Delivery (COD)"], true],
    [["cash_on_delivery"], true],
    [["COD"], true],
    [["gift_card", "Cash on delivery"], true],
    [["Paiement à la livraison"], true],
    [["Contre-remboursement"], true],
    [["Nachnahme"], true],
    [["Contrareembolso"], true],
    [["Pago contra entrega"], true],
    [["Płatność przy odbiorze"], true],
    [["Za pobraniem"], true],
    [["Накладений платіж"], true],
    [["Αντικαταβολή"], true],
    [["manual"], false],
    [["Bank Deposit"], false],
    [["Money Order"], false],
    [["shopify_payments", "paypal"], false],
    [["Promo code"], false],
    [["Codice sconto"], false],
    [[], false],
  ])("%j → %s", (gateways, expected) => {
    expect(isCashOnDelivery(gateways)).toBe(expected);
  });
});
