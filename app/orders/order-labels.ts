// Shopify's status words in plain English, with the badge each gets in the admin pages.
// Unknown values (Shopify adds some now and then) are shown humanised rather than hidden.

export type BadgeTone = "info" | "success" | "warning" | "critical" | "attention";
export type BadgeProgress = "incomplete" | "partiallyComplete" | "complete";
export type StatusBadge = { label: string; tone?: BadgeTone; progress?: BadgeProgress };

const PAYMENT: Record<string, StatusBadge> = {
  paid: { label: "Paid", progress: "complete" },
  pending: { label: "Payment pending", tone: "warning", progress: "incomplete" },
  authorized: { label: "Authorized", tone: "attention", progress: "incomplete" },
  partially_paid: { label: "Partially paid", tone: "warning", progress: "partiallyComplete" },
  refunded: { label: "Refunded", progress: "complete" },
  partially_refunded: { label: "Partially refunded", progress: "partiallyComplete" },
  voided: { label: "Voided", progress: "complete" },
  expired: { label: "Expired", tone: "critical", progress: "incomplete" },
};

export function paymentBadge(financialStatus: string | null): StatusBadge {
  if (!financialStatus) return { label: "Payment unknown" };
  return PAYMENT[financialStatus.toLowerCase()] ?? { label: humanize(financialStatus) };
}

const FULFILLMENT: Record<string, StatusBadge> = {
  unfulfilled: { label: "Unfulfilled", tone: "attention", progress: "incomplete" },
  partial: { label: "Partially fulfilled", tone: "warning", progress: "partiallyComplete" },
  fulfilled: { label: "Fulfilled", progress: "complete" },
  restocked: { label: "Restocked", progress: "complete" },
};

/** Shopify leaves fulfillment_status empty on an order with nothing fulfilled. */
export function fulfillmentBadge(fulfillmentStatus: string | null): StatusBadge {
  const key = (fulfillmentStatus ?? "unfulfilled").toLowerCase();
  return FULFILLMENT[key] ?? { label: humanize(key) };
}

export const CANCELLED_BADGE: StatusBadge = { label: "Cancelled" };
export const CASH_ON_DELIVERY_BADGE: StatusBadge = { label: "Cash on delivery", tone: "info" };

const SHIPMENT: Record<string, StatusBadge> = {
  label_printed: { label: "Label printed" },
  label_purchased: { label: "Label purchased" },
  confirmed: { label: "Confirmed by carrier" },
  carrier_picked_up: { label: "Picked up by carrier" },
  in_transit: { label: "In transit", tone: "info" },
  out_for_delivery: { label: "Out for delivery", tone: "info" },
  attempted_delivery: { label: "Delivery attempted", tone: "warning" },
  delayed: { label: "Delayed", tone: "warning" },
  ready_for_pickup: { label: "Ready for pickup", tone: "info" },
  picked_up: { label: "Picked up", tone: "success" },
  delivered: { label: "Delivered", tone: "success" },
  failure: { label: "Delivery failed", tone: "critical" },
};

const FULFILLMENT_RECORD: Record<string, string> = {
  success: "Dispatched",
  open: "Awaiting dispatch",
  pending: "Awaiting dispatch",
  cancelled: "Cancelled",
  error: "Failed",
  failure: "Failed",
};

/**
 * Where a parcel is: the carrier's latest status when there is one, else what the
 * fulfillment itself says ("Dispatched" before the first carrier update).
 */
export function shipmentBadge(fulfillment: { status: string; shipmentStatus: string | null }): StatusBadge {
  const status = fulfillment.status.toLowerCase();
  if (status === "cancelled") return { label: "Cancelled" };
  if (status === "error" || status === "failure") return { label: "Failed", tone: "critical" };
  if (fulfillment.shipmentStatus) {
    const key = fulfillment.shipmentStatus.toLowerCase();
    return SHIPMENT[key] ?? { label: humanize(key) };
  }
  return { label: FULFILLMENT_RECORD[status] ?? humanize(status) };
}

/** The fulfillment whose shipment the list shows: the newest that was not cancelled, else the newest. */
export function latestShipment<T extends { status: string; createdAt: Date; fulfillmentId: string }>(fulfillments: readonly T[]): T | null {
  const newestFirst = [...fulfillments].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || compareIds(b.fulfillmentId, a.fulfillmentId));
  return newestFirst.find((fulfillment) => fulfillment.status.toLowerCase() !== "cancelled") ?? newestFirst[0] ?? null;
}

const CANCEL_REASONS: Record<string, string> = {
  customer: "customer",
  declined: "payment declined",
  fraud: "fraud",
  inventory: "out of stock",
  staff: "staff error",
  other: "other",
};

export function cancelReasonLabel(reason: string): string {
  return CANCEL_REASONS[reason.toLowerCase()] ?? humanize(reason).toLowerCase();
}

const SOURCES: Record<string, string> = {
  webhook: "Shopify webhook",
  backfill: "First sync (backfill)",
  reconciliation: "Catch-up check (reconciliation)",
  merchant: "You",
  shopper: "Customer",
};

/** Where the app learned something, shown subdued under a timeline entry. */
export function sourceLabel(source: string): string {
  return SOURCES[source.toLowerCase()] ?? humanize(source);
}

/** "partially_refunded" → "Partially refunded". */
export function humanize(value: string): string {
  const words = value.replace(/[_-]+/g, " ").trim().toLowerCase();
  return words === "" ? "Unknown" : words.charAt(0).toUpperCase() + words.slice(1);
}

/** Numeric ids compared as numbers (they outgrow doubles, so by length first), other ids as text. */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order in the Shopify admin, from the shop's myshopify domain. */
export function shopifyAdminOrderUrl(shop: string, orderId: string): string {
  const store = shop.replace(/\.myshopify\.com$/i, "");
  return `https://admin.shopify.com/store/${encodeURIComponent(store)}/orders/${encodeURIComponent(orderId)}`;
}

/** Tracking links come from carriers through Shopify: only http(s) links are followed. */
export function trackingLink(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}
