// The order page on a real database: the order, its timeline newest first in plain English,
// its parcels and refunds, and nothing of another shop's.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { findOrderDetail, loadOrderDetailPage } from "~/orders/order-detail.server";
import { resetDatabase } from "../../support/factories";
import { SHOP_A, SHOP_B, createFulfillment, createOrder, createTimelineEvent, orderIdFor } from "./order-rows";

const plain = (text: string) => text.replace(/\u202f/g, " ");

beforeEach(async () => {
  await resetDatabase(prisma);
});

async function seedOrder1042(shop: string) {
  const { orderId } = await createOrder(prisma, shop, 1042, {
    placedAt: new Date("2026-11-18T10:04:00Z"),
    customerId: "7000000000001",
    financialStatus: "partially_refunded",
    fulfillmentStatus: "fulfilled",
    cashOnDelivery: false,
    paymentGateways: "shopify_payments,gift_card",
    shippingCountry: "FR",
    shippingZone: "IDF",
    totalPrice: "89.90",
    currency: "EUR",
  });
  await createFulfillment(prisma, shop, orderId, "4001", {
    trackingCompany: "Colissimo",
    trackingNumber: "6A12345678901",
    trackingUrl: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901",
    shipmentStatus: "delivered",
    createdAt: new Date("2026-11-18T15:00:00Z"),
    inTransitAt: new Date("2026-11-19T07:00:00Z"),
    estimatedDeliveryAt: new Date("2026-11-20T18:00:00Z"),
    deliveredAt: new Date("2026-11-20T11:30:00Z"),
  });
  await createFulfillment(prisma, shop, orderId, "4002", {
    trackingCompany: "DHL",
    trackingNumber: "JD0001",
    trackingUrl: "javascript:alert(1)",
    shipmentStatus: "in_transit",
    createdAt: new Date("2026-11-19T09:00:00Z"),
  });
  await prisma.orderRefund.create({ data: { shop, orderId, refundId: "8001", createdAt: new Date("2026-11-21T09:00:00Z"), amount: "12.50", currency: "EUR" } });
  const events = [
    { kind: "placed", occurredAt: "2026-11-18T10:04:00Z", source: "backfill" },
    { kind: "paid", occurredAt: "2026-11-18T10:04:00Z", source: "backfill", detail: { amount: "89.90", currency: "EUR" } },
    { kind: "dispatched", occurredAt: "2026-11-18T15:00:00Z", source: "webhook", detail: { trackingCompany: "Colissimo", trackingNumber: "6A12345678901" } },
    { kind: "in_transit", occurredAt: "2026-11-19T07:00:00Z", source: "webhook" },
    { kind: "out_for_delivery", occurredAt: "2026-11-20T08:00:00Z", source: "reconciliation" },
    { kind: "delivered", occurredAt: "2026-11-20T11:30:00Z", source: "webhook" },
    { kind: "refunded", occurredAt: "2026-11-21T09:00:00Z", source: "webhook", detail: { amount: "12.50", currency: "EUR" } },
  ];
  // Recorded in an order of their own: the page sorts.
  for (const event of [...events].reverse()) await createTimelineEvent(prisma, shop, orderId, event);
  return orderId;
}

describe("the order page", () => {
  it("shows the order, its timeline newest first, its parcels and refunds", async () => {
    const orderId = await seedOrder1042(SHOP_A);
    const page = await loadOrderDetailPage(prisma, SHOP_A, orderId, { timeZone: "UTC" });
    expect(page).not.toBeNull();
    if (!page) return;

    expect({ ...page, placed: plain(page.placed) }).toMatchObject({
      orderId,
      name: "#1042",
      placed: "Nov 18, 2026, 10:04 AM UTC",
      total: "€89.90",
      adminUrl: `https://admin.shopify.com/store/maison-lumen/orders/${orderId}`,
    });
    expect(page.badges.map((badge) => badge.label)).toEqual(["Partially refunded", "Fulfilled"]);
    expect(page.facts).toEqual([
      { label: "Customer", value: "Customer 7000000000001" },
      { label: "Ships to", value: "IDF, France" },
      { label: "Payment", value: "shopify_payments, gift_card" },
    ]);

    expect(page.timeline.map((entry) => [entry.label, plain(entry.time), entry.source])).toEqual([
      ["Refunded €12.50", "Nov 21, 2026, 9:00 AM UTC", "Shopify webhook"],
      ["Delivered", "Nov 20, 2026, 11:30 AM UTC", "Shopify webhook"],
      ["Out for delivery", "Nov 20, 2026, 8:00 AM UTC", "Catch-up check (reconciliation)"],
      ["In transit", "Nov 19, 2026, 7:00 AM UTC", "Shopify webhook"],
      ["Dispatched with Colissimo (tracking 6A12345678901)", "Nov 18, 2026, 3:00 PM UTC", "Shopify webhook"],
      ["Paid €89.90", "Nov 18, 2026, 10:04 AM UTC", "First sync (backfill)"],
      ["Placed", "Nov 18, 2026, 10:04 AM UTC", "First sync (backfill)"],
    ]);

    expect(page.parcels.map((parcel) => ({ ...parcel, facts: parcel.facts.map((fact) => `${fact.label}: ${plain(fact.value)}`) }))).toEqual([
      {
        id: "4001",
        title: "Parcel 1 of 2 · Colissimo",
        status: { label: "Delivered", tone: "success" },
        trackingNumber: "6A12345678901",
        trackingUrl: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901",
        facts: [
          "Dispatched: Nov 18, 2026, 3:00 PM UTC",
          "In transit since: Nov 19, 2026, 7:00 AM UTC",
          "Estimated delivery: Nov 20, 2026, 6:00 PM UTC",
          "Delivered: Nov 20, 2026, 11:30 AM UTC",
        ],
      },
      {
        id: "4002",
        title: "Parcel 2 of 2 · DHL",
        status: { label: "In transit", tone: "info" },
        trackingNumber: "JD0001",
        trackingUrl: null,
        facts: ["Dispatched: Nov 19, 2026, 9:00 AM UTC"],
      },
    ]);
    expect(page.refunds.map((refund) => [refund.amount, plain(refund.date)])).toEqual([["€12.50", "Nov 21, 2026, 9:00 AM UTC"]]);
  });

  it("shows a cancelled cash-on-delivery guest order with the reason, and a timeline in the shop's time zone", async () => {
    const { orderId } = await createOrder(prisma, SHOP_A, 1050, {
      placedAt: new Date("2026-11-18T23:30:00Z"),
      customerId: null,
      cashOnDelivery: true,
      financialStatus: "voided",
      shippingCountry: null,
      shippingZone: null,
      paymentGateways: "",
      cancelledAt: new Date("2026-11-19T08:00:00Z"),
    });
    await createTimelineEvent(prisma, SHOP_A, orderId, { kind: "placed", occurredAt: "2026-11-18T23:30:00Z" });
    await createTimelineEvent(prisma, SHOP_A, orderId, { kind: "cancelled", occurredAt: "2026-11-19T08:00:00Z", detail: { reason: "customer" } });

    const page = await loadOrderDetailPage(prisma, SHOP_A, orderId, { timeZone: "Europe/Paris" });
    expect(page?.badges.map((badge) => badge.label)).toEqual(["Cancelled", "Voided", "Unfulfilled", "Cash on delivery"]);
    expect(page?.facts.map((fact) => `${fact.label}: ${plain(fact.value)}`)).toEqual([
      "Customer: Guest",
      "Ships to: No shipping address",
      "Payment: Not recorded",
      "Cancelled: Nov 19, 2026, 9:00 AM GMT+1 (customer)",
    ]);
    expect(page?.timeline.map((entry) => `${entry.label} at ${plain(entry.time)}`)).toEqual(["Cancelled: customer at Nov 19, 2026, 9:00 AM GMT+1", "Placed at Nov 19, 2026, 12:30 AM GMT+1"]);
    expect(page?.parcels).toEqual([]);
    expect(page?.refunds).toEqual([]);
  });
});

describe("shop scoping", () => {
  it("finds nothing for another shop's order, an unknown order or an id that is no order id", async () => {
    const orderOfB = await seedOrder1042(SHOP_B);
    await createOrder(prisma, SHOP_A, 1001);
    expect(await loadOrderDetailPage(prisma, SHOP_A, orderOfB, { timeZone: "UTC" })).toBeNull();
    expect(await loadOrderDetailPage(prisma, SHOP_A, orderIdFor(9999), { timeZone: "UTC" })).toBeNull();
    for (const notAnId of ["", "abc", "1042; DROP TABLE", "../1042", "1".repeat(40)]) {
      expect(await loadOrderDetailPage(prisma, SHOP_A, notAnId, { timeZone: "UTC" }), notAnId).toBeNull();
    }
    expect(await loadOrderDetailPage(prisma, SHOP_B, orderOfB, { timeZone: "UTC" })).not.toBeNull();
  });

  it("reads an order's parcels, refunds and timeline with the shop, even under the same order id", async () => {
    const orderId = await seedOrder1042(SHOP_B);
    // A second shop holding rows under the same order id (ids are Shopify's; the app trusts none across shops).
    await createOrder(prisma, SHOP_A, 1042, { placedAt: new Date("2026-11-18T10:04:00Z") });
    await createTimelineEvent(prisma, SHOP_A, orderId, { kind: "placed", occurredAt: "2026-11-18T10:04:00Z" });

    const found = await findOrderDetail(prisma, SHOP_A, orderId);
    expect(found?.fulfillments).toEqual([]);
    expect(found?.refunds).toEqual([]);
    expect(found?.events.map((event) => event.kind)).toEqual(["placed"]);
    const ofB = await findOrderDetail(prisma, SHOP_B, orderId);
    expect(ofB?.fulfillments).toHaveLength(2);
    expect(ofB?.events).toHaveLength(7);
  });
});
