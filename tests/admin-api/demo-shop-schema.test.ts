// Schema conformance: every record of the demo shop is checked against the
// real Admin GraphQL 2026-10 introspection (app/types/admin-2026-10.schema.json.gz).

import { describe, expect, it } from "vitest";
import { SchemaChecker } from "./demo-schema-check.ts";
import { buildDemoShop } from "./demo-shop.ts";

const NOW = new Date("2026-06-15T10:00:00Z");

function problemsOf(demo: ReturnType<typeof buildDemoShop>): string[] {
  const checker = new SchemaChecker();
  checker.checkRecord(demo.shop, "shop");
  demo.products.forEach((p, i) => checker.checkRecord(p, `products[${i}]`));
  demo.customers.forEach((c, i) => checker.checkRecord(c, `customers[${i}]`));
  demo.orders.forEach((o, i) => checker.checkRecord(o, `orders[${i}]`));
  return checker.problems;
}

describe("demo shop records match the Admin API 2026-10 schema", () => {
  it("uses only real, non-deprecated fields, valid enum values and well-formed scalars", () => {
    expect(problemsOf(buildDemoShop({ now: NOW }))).toEqual([]);
  });

  it("stays conformant for other seeds and dates", () => {
    for (const [seed, at] of [[3, "2025-12-24T18:00:00Z"], [77, "2027-03-28T01:30:00Z"]] as const) {
      expect(problemsOf(buildDemoShop({ now: new Date(at), seed, orderCount: 150 }))).toEqual([]);
    }
  });

  it("covers the records the brief asks for with real field names", () => {
    const demo = buildDemoShop({ now: NOW });
    const order = demo.orders.find((o) => o.fulfillments.some((f) => f.displayStatus === "DELIVERED") && o.refunds.length > 0);
    expect(order).toBeDefined();
    for (const key of [
      "id", "__typename", "legacyResourceId", "name", "number", "createdAt", "updatedAt", "processedAt", "closedAt", "cancelledAt",
      "cancelReason", "displayFinancialStatus", "displayFulfillmentStatus", "confirmed", "email", "phone", "customerLocale",
      "currencyCode", "presentmentCurrencyCode", "paymentGatewayNames", "tags", "note", "totalPriceSet", "subtotalPriceSet",
      "totalShippingPriceSet", "totalRefundedSet", "shippingAddress", "customer", "lineItems", "fulfillments", "refunds",
    ]) {
      expect(order).toHaveProperty(key);
    }
    const fulfillment = order?.fulfillments[0];
    for (const key of ["id", "status", "displayStatus", "createdAt", "updatedAt", "inTransitAt", "deliveredAt", "estimatedDeliveryAt", "trackingInfo"]) {
      expect(fulfillment).toHaveProperty(key);
    }
    for (const key of ["countryCodeV2", "provinceCode", "zip", "city", "address1", "phone", "firstName", "lastName", "name"]) {
      expect(order?.shippingAddress).toHaveProperty(key);
    }
    for (const key of ["id", "name", "title", "quantity", "sku", "variantTitle", "originalUnitPriceSet", "product"]) {
      expect(order?.lineItems[0]).toHaveProperty(key);
    }
    for (const key of ["totalRefundedSet", "createdAt", "note"]) expect(order?.refunds[0]).toHaveProperty(key);
    const customer = demo.customers[0];
    for (const key of ["firstName", "lastName", "displayName", "locale", "numberOfOrders", "amountSpent", "createdAt", "tags", "defaultEmailAddress"]) {
      expect(customer).toHaveProperty(key);
    }
  });

  it("flags made-up fields, deprecated fields and invalid values (the check is not vacuous)", () => {
    const demo = buildDemoShop({ now: NOW, orderCount: 5 });
    const order = structuredClone(demo.orders[0]) as unknown as Record<string, unknown>;
    order.financialStatus = "PAID";
    order.displayFulfillmentStatus = "SHIPPED";
    order.totalPrice = "10.00";
    order.lineItems = { nodes: [] };
    (order.customer as Record<string, unknown>).email = "someone@example.com";
    (order.totalPriceSet as { shopMoney: { amount: string } }).shopMoney.amount = "12.5";
    order.tags = null;
    const checker = new SchemaChecker();
    checker.checkRecord(order as { __typename: string }, "order");
    const joined = checker.problems.join("\n");
    expect(joined).toContain("Order has no field financialStatus");
    expect(joined).toContain('"SHIPPED" is not a value of OrderDisplayFulfillmentStatus');
    expect(joined).toContain("Order.totalPrice is deprecated");
    expect(joined).toContain("Customer.email is deprecated");
    expect(joined).toContain("connection LineItemConnection must be stored as an array of nodes");
    expect(joined).toContain('"12.5" is not a valid Decimal');
    expect(joined).toContain("order.tags: null for non-null");
  });
});
