// An order as the Admin GraphQL API gives it (a backfill JSONL line or a reconciliation
// page node) mapped to the app's OrderSnapshot, in the REST-style values webhooks carry:
// numeric ids, lower-case statuses, null fulfillment status for "unfulfilled".
import type { EventSource, FulfillmentSnapshot, OrderEvent, OrderSnapshot, RefundSnapshot, ShipmentStatus } from "../orders/order-snapshot";
import type {
  FulfillmentDisplayStatus,
  OrderCancelReason,
  OrderDisplayFinancialStatus,
  OrderDisplayFulfillmentStatus,
} from "../types/admin.types";
import type { OrdersBackfillBulkQuery, OrdersReconcileQuery } from "../types/admin.generated";

/** One order node of the reconciliation query. */
export type GraphqlOrder = OrdersReconcileQuery["orders"]["nodes"][number];
/** One line of the backfill's JSONL: the same selection, so the same shape. */
export type BulkOrderLine = OrdersBackfillBulkQuery["orders"]["edges"][number]["node"];

type GraphqlFulfillment = GraphqlOrder["fulfillments"][number];
type GraphqlRefund = GraphqlOrder["refunds"][number];

const GID = /^gid:\/\/shopify\/(\w+)\/(\d+)(?:\?.*)?$/;

/** `gid://shopify/Order/123` → "123", checking the type. */
export function numericIdOf(gid: string, typename: string): string {
  const match = GID.exec(gid);
  if (!match || match[1] !== typename) throw new Error(`Expected a ${typename} GID, got ${JSON.stringify(gid)}`);
  return match[2] as string;
}

/** PAID → "paid", PARTIALLY_REFUNDED → "partially_refunded": REST's financial_status. */
export function financialStatusOf(status: `${OrderDisplayFinancialStatus}` | null | undefined): string | null {
  return status ? status.toLowerCase() : null;
}

/**
 * REST's fulfillment_status: "fulfilled", "partial", or null while nothing is fulfilled
 * (unfulfilled, on hold, scheduled, in progress, restocked...).
 */
export function fulfillmentStatusOf(status: `${OrderDisplayFulfillmentStatus}`): "fulfilled" | "partial" | null {
  if (status === "FULFILLED") return "fulfilled";
  if (status === "PARTIALLY_FULFILLED") return "partial";
  return null;
}

/**
 * A fulfillment's display status as REST's shipment_status. Statuses that are not about
 * the parcel's journey (fulfilled without tracking, marked as fulfilled, submitted, label
 * voided, canceled: the fulfillment's own status says that) have none.
 */
const SHIPMENT_STATUS: Record<`${FulfillmentDisplayStatus}`, ShipmentStatus | null> = {
  ATTEMPTED_DELIVERY: "attempted_delivery",
  CANCELED: null,
  CARRIER_PICKED_UP: "carrier_picked_up",
  CONFIRMED: "confirmed",
  DELAYED: "delayed",
  DELIVERED: "delivered",
  FAILURE: "failure",
  FULFILLED: null,
  IN_TRANSIT: "in_transit",
  LABEL_PRINTED: "label_printed",
  LABEL_PURCHASED: "label_purchased",
  LABEL_VOIDED: null,
  MARKED_AS_FULFILLED: null,
  NOT_DELIVERED: "failure",
  OUT_FOR_DELIVERY: "out_for_delivery",
  PICKED_UP: "picked_up",
  READY_FOR_PICKUP: "ready_for_pickup",
  SUBMITTED: null,
};

export function shipmentStatusOf(status: `${FulfillmentDisplayStatus}` | null | undefined): ShipmentStatus | null {
  return status ? SHIPMENT_STATUS[status] : null;
}

export function cancelReasonOf(reason: `${OrderCancelReason}` | null | undefined): string | null {
  return reason ? reason.toLowerCase() : null;
}

const dateOrNull = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

function toFulfillment(fulfillment: GraphqlFulfillment, orderId: string): FulfillmentSnapshot {
  const tracking = fulfillment.trackingInfo[0];
  return {
    fulfillmentId: numericIdOf(fulfillment.id, "Fulfillment"),
    orderId,
    status: fulfillment.status.toLowerCase(),
    shipmentStatus: shipmentStatusOf(fulfillment.displayStatus),
    trackingCompany: tracking?.company ?? null,
    trackingNumber: tracking?.number ?? null,
    trackingUrl: tracking?.url ?? null,
    estimatedDeliveryAt: dateOrNull(fulfillment.estimatedDeliveryAt),
    inTransitAt: dateOrNull(fulfillment.inTransitAt),
    deliveredAt: dateOrNull(fulfillment.deliveredAt),
    createdAt: new Date(fulfillment.createdAt),
    updatedAt: new Date(fulfillment.updatedAt),
  };
}

function toRefund(refund: GraphqlRefund, orderId: string, orderUpdatedAt: string): RefundSnapshot {
  return {
    refundId: numericIdOf(refund.id, "Refund"),
    orderId,
    // Refund.createdAt is nullable in the schema; the order's update is when it was learned.
    createdAt: new Date(refund.createdAt ?? orderUpdatedAt),
    amount: refund.totalRefundedSet.shopMoney.amount,
    currency: refund.totalRefundedSet.shopMoney.currencyCode,
  };
}

export function toOrderSnapshot(order: GraphqlOrder): OrderSnapshot {
  const orderId = numericIdOf(order.id, "Order");
  const money = order.totalPriceSet.shopMoney;
  return {
    orderId,
    orderGid: order.id,
    name: order.name,
    number: order.number,
    customerId: order.customer ? numericIdOf(order.customer.id, "Customer") : null,
    customerLocale: order.customerLocale ?? order.customer?.locale ?? null,
    emailConsent: order.customer?.defaultEmailAddress?.marketingState ?? null,
    placedAt: new Date(order.createdAt),
    processedAt: dateOrNull(order.processedAt),
    cancelledAt: dateOrNull(order.cancelledAt),
    cancelReason: cancelReasonOf(order.cancelReason),
    closedAt: dateOrNull(order.closedAt),
    financialStatus: financialStatusOf(order.displayFinancialStatus),
    fulfillmentStatus: fulfillmentStatusOf(order.displayFulfillmentStatus),
    confirmed: order.confirmed,
    paymentGateways: [...order.paymentGatewayNames],
    shippingCountry: order.shippingAddress?.countryCodeV2 ?? null,
    shippingZone: order.shippingAddress?.provinceCode ?? null,
    totalPrice: money.amount,
    currency: money.currencyCode,
    tags: [...order.tags],
    shippingMethod: order.shippingLine?.title?.trim() || null,
    discountCodes: order.discountCodes.map((code) => code.trim()).filter(Boolean),
    updatedAt: new Date(order.updatedAt),
    fulfillments: order.fulfillments.map((fulfillment) => toFulfillment(fulfillment, orderId)),
    refunds: order.refunds.map((refund) => toRefund(refund, orderId, order.updatedAt)),
  };
}

/** The snapshot carries the order's fulfillments and refunds, so one event says it all. */
export function orderEventOf(order: GraphqlOrder, source: Extract<EventSource, "backfill" | "reconciliation">): OrderEvent {
  return { kind: "order", source, snapshot: toOrderSnapshot(order) };
}
