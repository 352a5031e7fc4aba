// Rows of the order-care tables for the Orders pages' tests, with realistic defaults.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/db.server";

export const SHOP_A = "maison-lumen.myshopify.com";
export const SHOP_B = "atelier-nord.myshopify.com";

type OrderOverrides = Partial<Omit<Prisma.OrderCareUncheckedCreateInput, "shop" | "orderId" | "number">>;

/** Shopify-sized numeric ids of one length, so that text and number order agree. */
export function orderIdFor(number: number): string {
  return String(5_100_000_000_000 + number);
}

export function numberOf(orderId: string): number {
  return Number(orderId) - 5_100_000_000_000;
}

export async function createOrder(db: Db, shop: string, number: number, overrides: OrderOverrides = {}) {
  const orderId = orderIdFor(number);
  const placedAt = overrides.placedAt ?? new Date(Date.UTC(2026, 10, 1, 9, 0) + (number % 1000) * 3_600_000);
  return db.orderCare.create({
    data: {
      shop,
      orderId,
      number,
      orderGid: `gid://shopify/Order/${orderId}`,
      name: `#${number}`,
      customerId: `7${String(number).padStart(12, "0")}`,
      placedAt,
      paidAt: placedAt,
      financialStatus: "paid",
      fulfillmentStatus: null,
      paymentGateways: "shopify_payments",
      shippingCountry: "FR",
      shippingZone: "IDF",
      totalPrice: "42.00",
      currency: "EUR",
      shopifyUpdatedAt: placedAt,
      lastSource: "webhook",
      ...overrides,
    },
    select: { orderId: true, placedAt: true },
  });
}

type FulfillmentOverrides = Partial<Omit<Prisma.OrderFulfillmentUncheckedCreateInput, "shop" | "orderId" | "fulfillmentId">>;

export async function createFulfillment(db: Db, shop: string, orderId: string, fulfillmentId: string, overrides: FulfillmentOverrides = {}) {
  const createdAt = overrides.createdAt ?? new Date("2026-11-10T08:00:00Z");
  return db.orderFulfillment.create({
    data: { shop, orderId, fulfillmentId, status: "success", shipmentStatus: null, createdAt, shopifyUpdatedAt: createdAt, ...overrides },
  });
}

export async function createTimelineEvent(
  db: Db,
  shop: string,
  orderId: string,
  event: { kind: string; occurredAt: string; source?: string; detail?: Record<string, unknown>; recordedAt?: string },
) {
  return db.timelineEvent.create({
    data: {
      shop,
      orderId,
      kind: event.kind,
      occurredAt: new Date(event.occurredAt),
      recordedAt: new Date(event.recordedAt ?? event.occurredAt),
      source: event.source ?? "webhook",
      detail: event.detail ? JSON.stringify(event.detail) : null,
      dedupeKey: `${event.kind}:${event.occurredAt}`,
    },
  });
}

/** The client, counting the queries it is asked to run (to show a page costs a fixed number). */
export function countingQueries(db: Db): { db: Db; count: () => number } {
  let queries = 0;
  const counted = db.$extends({
    query: {
      $allModels: {
        $allOperations({ args, query }) {
          queries += 1;
          return query(args);
        },
      },
    },
  });
  return { db: counted as unknown as Db, count: () => queries };
}
