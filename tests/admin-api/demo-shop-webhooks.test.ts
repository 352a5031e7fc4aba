import { describe, expect, it } from "vitest";
import { numericId } from "./demo-ids.ts";
import { buildDemoShop } from "./demo-shop.ts";
import type { OrderRecord } from "./demo-shop.ts";
import {
  customerEmailConsentPayload,
  customersDataRequestPayload,
  customersRedactPayload,
  fulfillmentWebhookPayload,
  orderWebhookPayload,
  refundWebhookPayload,
  restTimestamp,
  shipmentStatus,
  shopRedactPayload,
} from "./webhook-payloads.ts";

const NOW = new Date("2026-06-15T10:00:00Z");
const demo = buildDemoShop({ now: NOW });
const { shop } = demo;

type Json = Record<string, unknown>;

function nonSnakeKeys(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => nonSnakeKeys(v, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => [
    ...(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(key) ? [] : [`${path}.${key}`]),
    ...nonSnakeKeys(child, `${path}.${key}`),
  ]);
}

const find = (predicate: (o: OrderRecord) => boolean): OrderRecord => {
  const order = demo.orders.find(predicate);
  if (!order) throw new Error("no demo order matches");
  return order;
};

describe("orders/create and orders/updated payloads", () => {
  it("use snake_case keys throughout and survive a JSON round trip", () => {
    for (const order of demo.orders) {
      const payload = orderWebhookPayload(order, shop);
      expect(nonSnakeKeys(payload), order.name).toEqual([]);
      expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
    }
  });

  it("carry numeric ids matching the GIDs", () => {
    const order = find((o) => o.fulfillments.length > 0 && o.refunds.length > 0);
    const p = orderWebhookPayload(order, shop);
    expect(p.id).toBe(Number(order.legacyResourceId));
    expect(p.id).toBe(numericId(order.id));
    expect(p.admin_graphql_api_id).toBe(order.id);
    expect(p.order_number).toBe(order.number);
    expect(p.number).toBe(order.number - 1000);
    expect(p.name).toBe(order.name);
    const lines = p.line_items as Json[];
    expect(lines.map((l) => l.id)).toEqual(order.lineItems.map((l) => numericId(l.id)));
    expect(lines[0]?.product_id).toBe(numericId(order.lineItems[0]?.product.id ?? ""));
    expect(lines[0]?.variant_id).toBe(numericId(order.lineItems[0]?.variant.id ?? ""));
    expect((p.customer as Json).id).toBe(numericId(order.customer.id));
    expect((p.fulfillments as Json[]).map((f) => f.order_id)).toEqual(order.fulfillments.map(() => p.id));
    expect((p.refunds as Json[]).map((r) => r.id)).toEqual(order.refunds.map((r) => numericId(r.id)));
  });

  it("write tags as one comma-separated string", () => {
    const tagged = find((o) => o.tags.length >= 2);
    expect(orderWebhookPayload(tagged, shop).tags).toBe(tagged.tags.join(", "));
    expect(orderWebhookPayload(find((o) => o.tags.length === 0), shop).tags).toBe("");
  });

  it("map financial and fulfillment statuses to REST's lowercase values", () => {
    const financial: Record<string, string> = {
      PAID: "paid", PENDING: "pending", REFUNDED: "refunded", PARTIALLY_REFUNDED: "partially_refunded", VOIDED: "voided",
    };
    const fulfillment: Record<string, string | null> = { FULFILLED: "fulfilled", PARTIALLY_FULFILLED: "partial", UNFULFILLED: null };
    const seen = new Set<string>();
    for (const order of demo.orders) {
      const p = orderWebhookPayload(order, shop);
      expect(p.financial_status).toBe(financial[order.displayFinancialStatus]);
      expect(p.fulfillment_status).toBe(fulfillment[order.displayFulfillmentStatus]);
      seen.add(order.displayFinancialStatus);
    }
    expect(seen.size).toBe(Object.keys(financial).length);
    const cancelled = find((o) => o.cancelReason !== null);
    expect(orderWebhookPayload(cancelled, shop).cancel_reason).toBe(cancelled.cancelReason?.toLowerCase());
  });

  it("give money in the shop currency plus both currencies in *_set", () => {
    const order = find((o) => o.presentmentCurrencyCode === "PLN");
    const p = orderWebhookPayload(order, shop);
    expect(p.currency).toBe("EUR");
    expect(p.presentment_currency).toBe("PLN");
    expect(p.total_price).toBe(order.totalPriceSet.shopMoney.amount);
    expect(p.total_price_set).toEqual({
      shop_money: { amount: order.totalPriceSet.shopMoney.amount, currency_code: "EUR" },
      presentment_money: { amount: order.totalPriceSet.presentmentMoney.amount, currency_code: "PLN" },
    });
    expect(p.subtotal_price).toBe(order.subtotalPriceSet.shopMoney.amount);
    expect((p.line_items as Json[])[0]?.price).toBe(order.lineItems[0]?.originalUnitPriceSet.shopMoney.amount);
  });

  it("print timestamps in the shop's time zone with an offset", () => {
    const order = demo.orders[0] as OrderRecord;
    const p = orderWebhookPayload(order, shop);
    expect(p.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    expect(Date.parse(p.created_at as string)).toBe(Date.parse(order.createdAt));
    expect(restTimestamp("2026-01-15T12:00:00Z")).toBe("2026-01-15T13:00:00+01:00");
    expect(restTimestamp("2026-07-15T12:00:00Z")).toBe("2026-07-15T14:00:00+02:00");
    expect(restTimestamp("2026-07-15T12:00:00Z", "America/Toronto")).toBe("2026-07-15T08:00:00-04:00");
  });

  it("include the addresses and the customer in REST shape", () => {
    const order = find((o) => o.shippingAddress.countryCodeV2 === "US");
    const p = orderWebhookPayload(order, shop);
    expect(p.shipping_address).toMatchObject({
      first_name: order.shippingAddress.firstName,
      last_name: order.shippingAddress.lastName,
      address1: order.shippingAddress.address1,
      city: order.shippingAddress.city,
      zip: order.shippingAddress.zip,
      province_code: order.shippingAddress.provinceCode,
      country_code: "US",
      phone: order.shippingAddress.phone,
    });
    expect(p.customer).toMatchObject({
      id: numericId(order.customer.id),
      email: order.email,
      first_name: order.customer.firstName,
      last_name: order.customer.lastName,
      admin_graphql_api_id: order.customer.id,
    });
  });

  it("leave consent and tags out of the customer (2025-01+) unless the legacy shape is asked for", () => {
    const order = find((o) => o.customer.defaultEmailAddress.marketingState === "SUBSCRIBED" && o.customer.tags.length > 0);
    const current = orderWebhookPayload(order, shop).customer as Json;
    expect(current).not.toHaveProperty("email_marketing_consent");
    expect(current).not.toHaveProperty("tags");
    const legacy = orderWebhookPayload(order, shop, { legacyCustomerFields: true }).customer as Json;
    expect(legacy.email_marketing_consent).toEqual({
      state: "subscribed",
      opt_in_level: order.customer.defaultEmailAddress.marketingOptInLevel?.toLowerCase(),
      consent_updated_at: restTimestamp(order.customer.defaultEmailAddress.marketingUpdatedAt),
    });
    expect(legacy.tags).toBe(order.customer.tags.join(", "));
    expect(nonSnakeKeys(legacy)).toEqual([]);
  });
});

describe("fulfillments/create|update and refunds/create payloads", () => {
  it("describe a tracked fulfillment", () => {
    const order = find((o) => o.fulfillments.some((f) => f.displayStatus === "IN_TRANSIT"));
    const f = order.fulfillments.find((x) => x.displayStatus === "IN_TRANSIT");
    if (!f) throw new Error("unreachable");
    const p = fulfillmentWebhookPayload(order, f);
    expect(nonSnakeKeys(p)).toEqual([]);
    expect(p).toMatchObject({
      id: numericId(f.id),
      admin_graphql_api_id: f.id,
      order_id: numericId(order.id),
      status: "success",
      shipment_status: "in_transit",
      tracking_company: f.trackingInfo[0]?.company,
      tracking_number: f.trackingInfo[0]?.number,
      tracking_numbers: [f.trackingInfo[0]?.number],
      tracking_url: f.trackingInfo[0]?.url,
      tracking_urls: [f.trackingInfo[0]?.url],
    });
    expect(Date.parse(p.created_at as string)).toBe(Date.parse(f.createdAt));
    expect(Date.parse(p.updated_at as string)).toBe(Date.parse(f.updatedAt));
  });

  it("map display statuses to shipment_status, null without tracking", () => {
    expect(shipmentStatus("DELIVERED")).toBe("delivered");
    expect(shipmentStatus("OUT_FOR_DELIVERY")).toBe("out_for_delivery");
    expect(shipmentStatus("ATTEMPTED_DELIVERY")).toBe("attempted_delivery");
    expect(shipmentStatus("FAILURE")).toBe("failure");
    expect(shipmentStatus("FULFILLED")).toBeNull();
    const order = find((o) => o.fulfillments.some((f) => f.trackingInfo.length === 0));
    const untracked = order.fulfillments.find((f) => f.trackingInfo.length === 0);
    if (!untracked) throw new Error("unreachable");
    expect(fulfillmentWebhookPayload(order, untracked)).toMatchObject({
      shipment_status: null, tracking_company: null, tracking_number: null, tracking_numbers: [], tracking_url: null, tracking_urls: [],
    });
  });

  it("describe a refund with its transaction", () => {
    for (const order of demo.orders.filter((o) => o.refunds.length > 0)) {
      for (const refund of order.refunds) {
        const p = refundWebhookPayload(order, refund);
        expect(nonSnakeKeys(p)).toEqual([]);
        expect(p).toMatchObject({ id: numericId(refund.id), order_id: numericId(order.id), note: refund.note, admin_graphql_api_id: refund.id });
        const [transaction] = p.transactions as Json[];
        expect(transaction).toMatchObject({
          kind: "refund",
          status: "success",
          amount: refund.totalRefundedSet.presentmentMoney.amount,
          currency: order.presentmentCurrencyCode,
        });
        const lines = p.refund_line_items as Json[];
        expect(lines.map((l) => l.line_item_id)).toEqual(refund.refundLineItems.map((l) => numericId(l.lineItem.id)));
      }
    }
  });
});

describe("compliance and consent payloads", () => {
  const customer = demo.customers.find((c) => c.defaultPhoneNumber !== null && Number(c.numberOfOrders) >= 2);
  if (!customer) throw new Error("no repeat customer with a phone");
  const orders = demo.orders.filter((o) => o.customer === customer);

  it("customers/data_request", () => {
    expect(customersDataRequestPayload(shop, customer, orders.map((o) => o.id), 4242)).toEqual({
      shop_id: numericId(shop.id),
      shop_domain: "aftercare-demo.myshopify.com",
      orders_requested: orders.map((o) => numericId(o.id)),
      customer: { id: numericId(customer.id), email: customer.defaultEmailAddress.emailAddress, phone: customer.defaultPhoneNumber?.phoneNumber },
      data_request: { id: 4242 },
    });
    const byRecord = customersDataRequestPayload(shop, customer, orders);
    expect(byRecord.orders_requested).toEqual(orders.map((o) => numericId(o.id)));
    expect((byRecord.data_request as Json).id).toEqual(expect.any(Number));
  });

  it("customers/redact", () => {
    expect(customersRedactPayload(shop, customer, orders.map((o) => Number(o.legacyResourceId)))).toEqual({
      shop_id: numericId(shop.id),
      shop_domain: "aftercare-demo.myshopify.com",
      customer: { id: numericId(customer.id), email: customer.defaultEmailAddress.emailAddress, phone: customer.defaultPhoneNumber?.phoneNumber },
      orders_to_redact: orders.map((o) => numericId(o.id)),
    });
  });

  it("shop/redact", () => {
    expect(shopRedactPayload(shop)).toEqual({ shop_id: numericId(shop.id), shop_domain: "aftercare-demo.myshopify.com" });
  });

  it("customers/email_marketing_consent_update", () => {
    expect(customerEmailConsentPayload(customer)).toEqual({
      customer_id: numericId(customer.id),
      email_address: customer.defaultEmailAddress.emailAddress,
      email_marketing_consent: {
        state: customer.defaultEmailAddress.marketingState.toLowerCase(),
        opt_in_level: customer.defaultEmailAddress.marketingOptInLevel?.toLowerCase() ?? null,
        consent_updated_at: restTimestamp(customer.defaultEmailAddress.marketingUpdatedAt),
      },
    });
  });
});
