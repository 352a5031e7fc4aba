// One order's page: the order, its care timeline, its parcels and its refunds, all read with
// the shop, so that another shop's order id finds nothing.
import type { Db } from "../db.server";
import { countryName, formatDateTime, formatMoney } from "./order-format";
import {
  type StatusBadge,
  CANCELLED_BADGE,
  CASH_ON_DELIVERY_BADGE,
  cancelReasonLabel,
  fulfillmentBadge,
  paymentBadge,
  shipmentBadge,
  shopifyAdminOrderUrl,
  trackingLink,
} from "./order-labels";
import { type TimelineEntry, parseTimelineDetail, timelineEntries } from "./order-timeline";

export async function findOrderDetail(db: Db, shop: string, orderId: string) {
  // Shopify's order ids are numbers: anything else in the URL is no order of any shop.
  if (!/^\d{1,20}$/.test(orderId)) return null;
  const order = await db.orderCare.findUnique({
    where: { shop_orderId: { shop, orderId } },
    select: {
      orderId: true,
      name: true,
      placedAt: true,
      customerId: true,
      financialStatus: true,
      fulfillmentStatus: true,
      cancelledAt: true,
      closedAt: true,
      cashOnDelivery: true,
      paymentGateways: true,
      shippingCountry: true,
      shippingZone: true,
      totalPrice: true,
      currency: true,
    },
  });
  if (!order) return null;
  const [fulfillments, refunds, events] = await Promise.all([
    db.orderFulfillment.findMany({
      where: { shop, orderId },
      orderBy: [{ createdAt: "asc" }, { fulfillmentId: "asc" }],
      select: {
        fulfillmentId: true,
        status: true,
        shipmentStatus: true,
        trackingCompany: true,
        trackingNumber: true,
        trackingUrl: true,
        estimatedDeliveryAt: true,
        inTransitAt: true,
        deliveredAt: true,
        createdAt: true,
      },
    }),
    db.orderRefund.findMany({
      where: { shop, orderId },
      orderBy: [{ createdAt: "asc" }, { refundId: "asc" }],
      select: { refundId: true, createdAt: true, amount: true, currency: true },
    }),
    db.timelineEvent.findMany({
      where: { shop, orderId },
      orderBy: [{ occurredAt: "desc" }, { recordedAt: "desc" }],
      select: { id: true, kind: true, occurredAt: true, source: true, detail: true, recordedAt: true },
    }),
  ]);
  return { order, fulfillments, refunds, events };
}

export type OrderDetailView = {
  orderId: string;
  name: string;
  placed: string;
  total: string;
  badges: StatusBadge[];
  adminUrl: string;
  facts: { label: string; value: string }[];
  timeline: TimelineEntry[];
  parcels: ParcelView[];
  refunds: { id: string; amount: string; date: string }[];
};

export type ParcelView = {
  id: string;
  title: string;
  status: StatusBadge;
  trackingNumber: string | null;
  trackingUrl: string | null;
  facts: { label: string; value: string }[];
};

/** The order page, ready to print; null when the shop has no such order. */
export async function loadOrderDetailPage(db: Db, shop: string, orderId: string, options: { timeZone: string }): Promise<OrderDetailView | null> {
  const found = await findOrderDetail(db, shop, orderId);
  if (!found) return null;
  const { order, fulfillments, refunds, events } = found;
  const { timeZone } = options;
  const at = (date: Date) => formatDateTime(date, timeZone);
  const cancelReason = parseTimelineDetail(events.find((event) => event.kind === "cancelled")?.detail ?? null).reason;

  const badges: StatusBadge[] = [paymentBadge(order.financialStatus), fulfillmentBadge(order.fulfillmentStatus)];
  if (order.cancelledAt) badges.unshift(CANCELLED_BADGE);
  if (order.cashOnDelivery) badges.push(CASH_ON_DELIVERY_BADGE);

  const place = [order.shippingZone, order.shippingCountry ? countryName(order.shippingCountry) : null].filter(Boolean).join(", ");
  const facts = [
    { label: "Customer", value: order.customerId ? `Customer ${order.customerId}` : "Guest" },
    { label: "Ships to", value: place || "No shipping address" },
    { label: "Payment", value: order.paymentGateways.split(",").map((gateway) => gateway.trim()).filter(Boolean).join(", ") || "Not recorded" },
    ...(order.cancelledAt ? [{ label: "Cancelled", value: `${at(order.cancelledAt)}${cancelReason ? ` (${cancelReasonLabel(cancelReason)})` : ""}` }] : []),
    ...(order.closedAt ? [{ label: "Archived", value: at(order.closedAt) }] : []),
  ];

  return {
    orderId: order.orderId,
    name: order.name,
    placed: at(order.placedAt),
    total: formatMoney(order.totalPrice, order.currency),
    badges,
    adminUrl: shopifyAdminOrderUrl(shop, order.orderId),
    facts,
    timeline: timelineEntries(events, timeZone),
    parcels: fulfillments.map((parcel, index) => ({
      id: parcel.fulfillmentId,
      title: `${fulfillments.length > 1 ? `Parcel ${index + 1} of ${fulfillments.length}` : "Parcel"}${parcel.trackingCompany ? ` · ${parcel.trackingCompany}` : ""}`,
      status: shipmentBadge(parcel),
      trackingNumber: parcel.trackingNumber,
      trackingUrl: trackingLink(parcel.trackingUrl),
      facts: [
        { label: parcel.status.toLowerCase() === "success" ? "Dispatched" : "Created", value: at(parcel.createdAt) },
        ...(parcel.inTransitAt ? [{ label: "In transit since", value: at(parcel.inTransitAt) }] : []),
        ...(parcel.estimatedDeliveryAt ? [{ label: "Estimated delivery", value: at(parcel.estimatedDeliveryAt) }] : []),
        ...(parcel.deliveredAt ? [{ label: "Delivered", value: at(parcel.deliveredAt) }] : []),
      ],
    })),
    refunds: refunds.map((refund) => ({
      id: refund.refundId,
      amount: refund.amount ? formatMoney(refund.amount, refund.currency ?? order.currency) : "Amount not recorded",
      date: at(refund.createdAt),
    })),
  };
}
