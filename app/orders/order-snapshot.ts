// What the app knows about an order at one moment, whatever told it: a webhook (REST JSON),
// the backfill's bulk operation or a reconciliation query (GraphQL). Every source is
// mapped to these shapes; the apply logic only ever sees them.

export type EventSource = "webhook" | "backfill" | "reconciliation" | "merchant" | "shopper";

/** Shopify's fulfillment shipment statuses, lower-case as in webhooks. */
export type ShipmentStatus =
  | "label_printed"
  | "label_purchased"
  | "confirmed"
  | "in_transit"
  | "out_for_delivery"
  | "attempted_delivery"
  | "delayed"
  | "ready_for_pickup"
  | "picked_up"
  | "delivered"
  | "failure"
  | "carrier_picked_up";

export type FulfillmentSnapshot = {
  fulfillmentId: string; // numeric id as a string
  orderId: string;
  status: string; // success | cancelled | error | failure | pending | open
  shipmentStatus: ShipmentStatus | null;
  trackingCompany: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  estimatedDeliveryAt: Date | null;
  inTransitAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type RefundSnapshot = {
  refundId: string;
  orderId: string;
  createdAt: Date;
  amount: string | null; // decimal string in the shop currency
  currency: string | null;
};

export type OrderSnapshot = {
  orderId: string; // numeric id as a string
  orderGid: string; // gid://shopify/Order/…
  name: string; // "#1042"
  number: number; // 1042
  customerId: string | null; // numeric id as a string
  customerLocale: string | null;
  emailConsent: string | null; // SUBSCRIBED | NOT_SUBSCRIBED | UNSUBSCRIBED | PENDING | … (null when the source does not say)
  placedAt: Date; // created_at
  processedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  closedAt: Date | null;
  financialStatus: string | null; // lower-case: paid | pending | authorized | partially_paid | refunded | partially_refunded | voided
  fulfillmentStatus: string | null; // null/unfulfilled | partial | fulfilled
  confirmed: boolean;
  paymentGateways: string[];
  shippingCountry: string | null;
  shippingZone: string | null;
  totalPrice: string; // decimal string, shop currency
  currency: string; // shop currency
  tags: string[];
  shippingMethod: string | null; // the first shipping line's title
  discountCodes: string[]; // the discount codes used on the order
  updatedAt: Date; // the order's updated_at: decides which state is newest
  fulfillments: FulfillmentSnapshot[];
  refunds: RefundSnapshot[];
};

/** One thing the app learned about one order. */
export type OrderEvent =
  | { kind: "order"; source: EventSource; snapshot: OrderSnapshot }
  | { kind: "fulfillment"; source: EventSource; fulfillment: FulfillmentSnapshot }
  | { kind: "refund"; source: EventSource; refund: RefundSnapshot };
