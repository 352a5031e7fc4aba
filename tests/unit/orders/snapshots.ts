// Snapshot builders for order-state tests: realistic defaults (a paid order placed on
// 2026-06-01 in the shop currency), anything overridable.
import type { EventSource, FulfillmentSnapshot, OrderEvent, OrderSnapshot, RefundSnapshot } from "~/orders/order-snapshot";

export const ORDER_ID = "6120448811";
export const PLACED_AT = new Date("2026-06-01T08:00:00Z");

export const at = (minutes: number): Date => new Date(PLACED_AT.getTime() + minutes * 60_000);

export function orderSnapshot(overrides: Partial<OrderSnapshot> = {}): OrderSnapshot {
  const orderId = overrides.orderId ?? ORDER_ID;
  return {
    orderId,
    orderGid: `gid://shopify/Order/${orderId}`,
    name: "#1187",
    number: 1187,
    customerId: "8840021101",
    customerLocale: "pl",
    emailConsent: null,
    placedAt: PLACED_AT,
    processedAt: PLACED_AT,
    cancelledAt: null,
    cancelReason: null,
    closedAt: null,
    financialStatus: "paid",
    fulfillmentStatus: null,
    confirmed: true,
    paymentGateways: ["shopify_payments"],
    shippingCountry: "PL",
    shippingZone: "PL-12",
    totalPrice: "49.90",
    currency: "EUR",
    tags: [],
    shippingMethod: "InPost Paczkomat",
    discountCodes: [],
    updatedAt: PLACED_AT,
    fulfillments: [],
    refunds: [],
    ...overrides,
  };
}

export function fulfillmentSnapshot(overrides: Partial<FulfillmentSnapshot> = {}): FulfillmentSnapshot {
  return {
    fulfillmentId: "5300110021",
    orderId: ORDER_ID,
    status: "success",
    shipmentStatus: null,
    trackingCompany: "InPost",
    trackingNumber: "620111222333",
    trackingUrl: "https://inpost.example/620111222333",
    estimatedDeliveryAt: null,
    inTransitAt: null,
    deliveredAt: null,
    createdAt: at(60),
    updatedAt: at(60),
    ...overrides,
  };
}

export function refundSnapshot(overrides: Partial<RefundSnapshot> = {}): RefundSnapshot {
  return { refundId: "1044400331", orderId: ORDER_ID, createdAt: at(600), amount: "21.00", currency: "EUR", ...overrides };
}

export const orderEvent = (snapshot: OrderSnapshot, source: EventSource = "webhook"): OrderEvent => ({ kind: "order", source, snapshot });
export const fulfillmentEvent = (fulfillment: FulfillmentSnapshot, source: EventSource = "webhook"): OrderEvent => ({ kind: "fulfillment", source, fulfillment });
export const refundEvent = (refund: RefundSnapshot, source: EventSource = "webhook"): OrderEvent => ({ kind: "refund", source, refund });
