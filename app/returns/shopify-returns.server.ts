// The Shopify side of returns: the order as a return sees it (read at that moment: lines,
// parcels, returns already made, the shipping address), and the Return in Shopify — requested,
// created, approved, declined, cancelled, processed (refund, store credit or none), closed — with
// its reverse delivery. Every mutation's userErrors are turned into an AdminApiError.
//
// Reasons: Shopify 2026-10 deprecates the ReturnReason enum in favour of ReturnReasonDefinition
// ids from a taxonomy library whose handles are not documented in what we could check; the enum
// is still accepted and is what the app sends (a follow-up can map to definition ids).
import type { AdminClient } from "~/shopify.server";
import { AdminApiError, adminQuery } from "~/shopify/admin-graphql.server";
import { RETURN_APPROVE_REQUEST_MUTATION } from "~/shopify/graphql/return-approve-request";
import { RETURN_CANCEL_MUTATION } from "~/shopify/graphql/return-cancel";
import { RETURN_CLOSE_MUTATION } from "~/shopify/graphql/return-close";
import { RETURN_CREATE_MUTATION } from "~/shopify/graphql/return-create";
import { RETURN_DECLINE_REQUEST_MUTATION } from "~/shopify/graphql/return-decline-request";
import { RETURN_DETAILS_QUERY } from "~/shopify/graphql/return-details";
import { RETURN_ORDER_QUERY } from "~/shopify/graphql/return-order";
import { RETURN_ORDER_RETURNS_QUERY } from "~/shopify/graphql/return-order-returns";
import { RETURN_PROCESS_MUTATION } from "~/shopify/graphql/return-process";
import { RETURN_REQUEST_MUTATION } from "~/shopify/graphql/return-request";
import { REVERSE_DELIVERY_CREATE_WITH_SHIPPING_MUTATION } from "~/shopify/graphql/reverse-delivery-create-with-shipping";
import type { PostalAddress } from "~/messages/format";
import type {
  ReturnApproveRequestMutation,
  ReturnCancelMutation,
  ReturnCloseMutation,
  ReturnCreateMutation,
  ReturnDeclineRequestMutation,
  ReturnDetailsQuery,
  ReturnOrderQuery,
  ReturnOrderReturnsQuery,
  ReturnProcessMutation,
  ReturnRequestMutation,
  ReverseDeliveryCreateWithShippingMutation,
} from "~/types/admin.generated";
import type { ReturnableOrder, ReturnReason } from "./return-policy";

type Admin = Pick<AdminClient, "graphql">;

export type ShopifyReturnStatus = "REQUESTED" | "OPEN" | "DECLINED" | "CANCELED" | "CLOSED";

/** A line of the order as a return sees it. */
export type ReturnOrderLine = {
  lineItemId: string;
  title: string;
  quantity: number;
  unitPrice: string | null;
  currency: string | null;
  /** Its fulfillment line items in successful parcels, with the units not yet in a return. */
  fulfillmentLineItems: { id: string; quantity: number; available: number }[];
};

export type ReturnOrder = {
  orderGid: string;
  /** Shopify's numeric order id. */
  orderId: string;
  name: string;
  email: string | null;
  customerGid: string | null;
  customerLocale: string | null;
  cancelled: boolean;
  shippingAddress: (PostalAddress & { firstName?: string | null; lastName?: string | null }) | null;
  lines: ReturnOrderLine[];
  /** For return-policy.ts returnableLines. */
  returnable: ReturnableOrder;
};

const COUNTED_RETURN_STATUSES = new Set(["REQUESTED", "OPEN", "CLOSED"]);

/**
 * The order for a return, or null when Shopify has no such order. `inFlight` adds units the
 * app has asked to return but Shopify does not know of yet (a request being created), by line item.
 */
export async function readReturnOrder(admin: Admin, orderId: string, inFlight: ReadonlyMap<string, number> = new Map()): Promise<ReturnOrder | null> {
  const gid = orderId.startsWith("gid://") ? orderId : `gid://shopify/Order/${orderId}`;
  const [data, returns] = await Promise.all([adminQuery<ReturnOrderQuery>(admin, RETURN_ORDER_QUERY, { id: gid }), adminQuery<ReturnOrderReturnsQuery>(admin, RETURN_ORDER_RETURNS_QUERY, { id: gid })]);
  const order = data.order;
  if (!order) return null;

  const inReturns = new Map<string, number>();
  for (const existing of returns.order?.returns.nodes ?? []) {
    if (!COUNTED_RETURN_STATUSES.has(existing.status)) continue;
    for (const line of existing.returnLineItems.nodes) {
      const itemId = "fulfillmentLineItem" in line ? line.fulfillmentLineItem.id : null;
      if (itemId && "quantity" in line) inReturns.set(itemId, (inReturns.get(itemId) ?? 0) + line.quantity);
    }
  }

  const fulfillmentItems = new Map<string, { id: string; quantity: number; available: number }[]>();
  let deliveredAt: Date | null = null;
  let fulfilledAt: Date | null = null;
  for (const fulfillment of order.fulfillments) {
    if (fulfillment.status !== "SUCCESS") continue;
    fulfilledAt = later(fulfilledAt, new Date(fulfillment.createdAt as string));
    if (fulfillment.deliveredAt) deliveredAt = later(deliveredAt, new Date(fulfillment.deliveredAt as string));
    for (const item of fulfillment.fulfillmentLineItems.nodes) {
      const quantity = item.quantity ?? 0;
      const entry = { id: item.id, quantity, available: Math.max(0, quantity - (inReturns.get(item.id) ?? 0)) };
      fulfillmentItems.set(item.lineItem.id, [...(fulfillmentItems.get(item.lineItem.id) ?? []), entry]);
    }
  }

  const lines: ReturnOrderLine[] = order.lineItems.nodes.map((line) => ({
    lineItemId: line.id,
    title: line.name,
    quantity: line.quantity,
    unitPrice: (line.discountedUnitPriceSet.presentmentMoney.amount as string | undefined) ?? null,
    currency: line.discountedUnitPriceSet.presentmentMoney.currencyCode ?? null,
    fulfillmentLineItems: fulfillmentItems.get(line.id) ?? [],
  }));
  const tags = new Map(order.lineItems.nodes.map((line) => [line.id, line.product?.tags ?? []]));

  const returnable: ReturnableOrder = {
    deliveredAt,
    fulfilledAt,
    lines: lines.map((line) => {
      const fulfilled = line.fulfillmentLineItems.reduce((sum, item) => sum + item.quantity, 0);
      const returned = line.fulfillmentLineItems.reduce((sum, item) => sum + (item.quantity - item.available), 0) + (inFlight.get(line.lineItemId) ?? 0);
      return {
        lineItemId: line.lineItemId,
        fulfillmentLineItemId: line.fulfillmentLineItems[0]?.id ?? null,
        productTags: tags.get(line.lineItemId) ?? [],
        // Units never shipped cannot come back: the line counts what was fulfilled.
        quantity: fulfilled > 0 ? fulfilled : line.quantity,
        returnedQuantity: Math.min(returned, fulfilled > 0 ? fulfilled : line.quantity),
        title: line.title,
      };
    }),
  };

  const address = order.shippingAddress;
  return {
    orderGid: order.id,
    orderId: order.legacyResourceId,
    name: order.name,
    email: order.email ?? null,
    customerGid: order.customer?.id ?? null,
    customerLocale: order.customerLocale ?? null,
    cancelled: Boolean(order.cancelledAt),
    shippingAddress: address
      ? {
          name: address.name ?? ([address.firstName, address.lastName].filter(Boolean).join(" ") || null),
          firstName: address.firstName ?? null,
          lastName: address.lastName ?? null,
          company: address.company ?? null,
          address1: address.address1 ?? null,
          address2: address.address2 ?? null,
          city: address.city ?? null,
          zip: address.zip ?? null,
          province: address.province ?? null,
          provinceCode: address.provinceCode ?? null,
          country: address.country ?? null,
          countryCode: address.countryCodeV2 ?? null,
          phone: address.phone ?? null,
        }
      : null,
    lines,
    returnable,
  };
}

function later(current: Date | null, candidate: Date): Date {
  return current === null || candidate.getTime() > current.getTime() ? candidate : current;
}

/**
 * The requested units of each line spread over its fulfillment line items (a line shipped in
 * two parcels has two), never more than each has left. Null when the order cannot cover them.
 */
export function fulfillmentLinesFor(order: ReturnOrder, lines: readonly { lineItemId: string; quantity: number }[]): { fulfillmentLineItemId: string; quantity: number }[] | null {
  const result: { fulfillmentLineItemId: string; quantity: number }[] = [];
  for (const line of lines) {
    const items = order.lines.find((candidate) => candidate.lineItemId === line.lineItemId)?.fulfillmentLineItems ?? [];
    let left = line.quantity;
    for (const item of items) {
      if (left === 0) break;
      const take = Math.min(left, item.available);
      if (take > 0) result.push({ fulfillmentLineItemId: item.id, quantity: take });
      left -= take;
    }
    if (left > 0) return null;
  }
  return result;
}

const SHOPIFY_REASONS: Record<ReturnReason, string> = {
  wrong_item: "WRONG_ITEM",
  damaged_in_transit: "DEFECTIVE",
  defective: "DEFECTIVE",
  not_as_described: "NOT_AS_DESCRIBED",
  size_or_fit: "OTHER",
  changed_mind: "UNWANTED",
  other: "OTHER",
};

/** Shopify's enum has no "size or fit" (only too large / too small) and no "damaged in transit": those go as OTHER and DEFECTIVE with a note. */
export function shopifyReturnReason(reason: ReturnReason): string {
  return SHOPIFY_REASONS[reason];
}

const FROM_SHOPIFY: Record<string, ReturnReason> = {
  WRONG_ITEM: "wrong_item",
  DEFECTIVE: "defective",
  NOT_AS_DESCRIBED: "not_as_described",
  SIZE_TOO_LARGE: "size_or_fit",
  SIZE_TOO_SMALL: "size_or_fit",
  UNWANTED: "changed_mind",
  STYLE: "changed_mind",
  COLOR: "changed_mind",
};

export function reasonFromShopify(reason: string | null | undefined): ReturnReason {
  return FROM_SHOPIFY[reason ?? ""] ?? "other";
}

const REASON_NOTES: Partial<Record<ReturnReason, string>> = { size_or_fit: "Size or fit", damaged_in_transit: "Damaged in transit", other: "Other" };

function reasonNote(reason: ReturnReason, comment: string | null): string {
  return [REASON_NOTES[reason], comment?.trim()].filter(Boolean).join(": ");
}

function failIfErrors(operation: string, errors: readonly { field?: string[] | null; message: string; code?: string | null }[] | undefined): void {
  if (!errors || errors.length === 0) return;
  throw new AdminApiError(
    `${operation}: ${errors.map((error) => `${error.field?.join(".") ?? "input"}: ${error.message}`).join("; ")}`,
    operation,
    errors.map((error) => error.code ?? "USER_ERROR"),
  );
}

export type NewShopifyReturn = { id: string; name: string; status: ShopifyReturnStatus };

/** A shopper's request (status REQUESTED). */
export async function requestShopifyReturn(
  admin: Admin,
  input: { orderGid: string; lines: { fulfillmentLineItemId: string; quantity: number }[]; reason: ReturnReason; comment: string | null },
): Promise<NewShopifyReturn> {
  const note = reasonNote(input.reason, input.comment).slice(0, 300);
  const data = await adminQuery<ReturnRequestMutation>(admin, RETURN_REQUEST_MUTATION, {
    input: {
      orderId: input.orderGid,
      returnLineItems: input.lines.map((line) => ({ fulfillmentLineItemId: line.fulfillmentLineItemId, quantity: line.quantity, returnReason: shopifyReturnReason(input.reason), ...(note ? { customerNote: note } : {}) })),
    },
  });
  failIfErrors("ReturnRequest", data.returnRequest?.userErrors);
  const created = data.returnRequest?.return;
  if (!created) throw new AdminApiError("ReturnRequest: no return was created", "ReturnRequest", ["NO_DATA"]);
  return { id: created.id, name: created.name, status: created.status as ShopifyReturnStatus };
}

/** A return the merchant starts, already approved (status OPEN). */
export async function createShopifyReturn(
  admin: Admin,
  input: { orderGid: string; lines: { fulfillmentLineItemId: string; quantity: number }[]; reason: ReturnReason; comment: string | null; requestedAt: Date },
): Promise<NewShopifyReturn> {
  const note = reasonNote(input.reason, input.comment).slice(0, 255);
  const data = await adminQuery<ReturnCreateMutation>(admin, RETURN_CREATE_MUTATION, {
    input: {
      orderId: input.orderGid,
      requestedAt: input.requestedAt.toISOString(),
      returnLineItems: input.lines.map((line) => ({ fulfillmentLineItemId: line.fulfillmentLineItemId, quantity: line.quantity, returnReason: shopifyReturnReason(input.reason), returnReasonNote: note })),
    },
  });
  failIfErrors("ReturnCreate", data.returnCreate?.userErrors);
  const created = data.returnCreate?.return;
  if (!created) throw new AdminApiError("ReturnCreate: no return was created", "ReturnCreate", ["NO_DATA"]);
  return { id: created.id, name: created.name, status: created.status as ShopifyReturnStatus };
}

export async function approveShopifyReturn(admin: Admin, id: string): Promise<void> {
  const data = await adminQuery<ReturnApproveRequestMutation>(admin, RETURN_APPROVE_REQUEST_MUTATION, { input: { id, notifyCustomer: false } });
  failIfErrors("ReturnApproveRequest", data.returnApproveRequest?.userErrors);
}

/** Declines with the merchant's words as the note Shopify emails the shopper (at most 500 characters). */
export async function declineShopifyReturn(admin: Admin, id: string, note: string): Promise<void> {
  const data = await adminQuery<ReturnDeclineRequestMutation>(admin, RETURN_DECLINE_REQUEST_MUTATION, {
    input: { id, declineReason: "OTHER", declineNote: note.slice(0, 500), notifyCustomer: true },
  });
  failIfErrors("ReturnDeclineRequest", data.returnDeclineRequest?.userErrors);
}

export async function cancelShopifyReturn(admin: Admin, id: string): Promise<void> {
  const data = await adminQuery<ReturnCancelMutation>(admin, RETURN_CANCEL_MUTATION, { id, notifyCustomer: true });
  failIfErrors("ReturnCancel", data.returnCancel?.userErrors);
}

export async function closeShopifyReturn(admin: Admin, id: string): Promise<void> {
  const data = await adminQuery<ReturnCloseMutation>(admin, RETURN_CLOSE_MUTATION, { id });
  failIfErrors("ReturnClose", data.returnClose?.userErrors);
}

export type ShopifyReturnDetails = NonNullable<ReturnDetailsQuery["return"]>;

export async function readShopifyReturn(admin: Admin, id: string): Promise<ShopifyReturnDetails | null> {
  const data = await adminQuery<ReturnDetailsQuery>(admin, RETURN_DETAILS_QUERY, { id });
  return data.return ?? null;
}

type ProcessableLine = { id: string; quantity: number; value: number; currency: string };

function processableLines(details: ShopifyReturnDetails): ProcessableLine[] {
  return details.returnLineItems.nodes.flatMap((line) => {
    if (!("processableQuantity" in line) || line.processableQuantity <= 0) return [];
    const total = Number(line.withCodeDiscountedTotalPriceSet.presentmentMoney.amount);
    const value = line.quantity > 0 ? Math.round((total * 100 * line.processableQuantity) / line.quantity) : 0;
    return [{ id: line.id, quantity: line.processableQuantity, value, currency: line.withCodeDiscountedTotalPriceSet.presentmentMoney.currencyCode }];
  });
}

export type ProcessOutcome = { refunded: string | null; currency: string | null; note: string | null };

/**
 * Processes what is left of the return: a refund to the order's payment (its successful sale or
 * capture, never more than it), store credit, or no money (an exchange the merchant sends by
 * hand). Shopify emails the shopper. Returns what was refunded, as a decimal string.
 */
export async function processShopifyReturn(admin: Admin, details: ShopifyReturnDetails, resolution: "refund" | "exchange" | "store_credit"): Promise<ProcessOutcome> {
  const lines = processableLines(details);
  if (lines.length === 0) return { refunded: null, currency: null, note: null };
  const total = lines.reduce((sum, line) => sum + line.value, 0);
  const currency = lines[0]?.currency ?? "EUR";
  let financialTransfer: Record<string, unknown> | undefined;
  let refunded: number | null = null;
  let note: string | null = null;
  if (resolution === "refund" && total > 0) {
    const parent = details.order.transactions.find((transaction) => transaction.status === "SUCCESS" && (transaction.kind === "SALE" || transaction.kind === "CAPTURE"));
    if (parent) {
      refunded = Math.min(total, Math.round(Number(parent.amountSet.presentmentMoney.amount) * 100));
      financialTransfer = { issueRefund: { orderTransactions: [{ parentId: parent.id, transactionAmount: { amount: (refunded / 100).toFixed(2), currencyCode: currency } }] } };
    } else {
      note = "The order has no captured payment to refund: the items were processed without a refund.";
    }
  } else if (resolution === "store_credit" && total > 0) {
    refunded = total;
    financialTransfer = { issueRefund: { orderTransactions: [], refundMethods: [{ storeCreditRefund: { amount: { amount: (total / 100).toFixed(2), currencyCode: currency } } }] } };
  }
  const data = await adminQuery<ReturnProcessMutation>(admin, RETURN_PROCESS_MUTATION, {
    input: {
      returnId: details.id,
      returnLineItems: lines.map((line) => ({ id: line.id, quantity: line.quantity })),
      notifyCustomer: true,
      ...(financialTransfer ? { financialTransfer } : {}),
    },
  });
  failIfErrors("ReturnProcess", data.returnProcess?.userErrors);
  return { refunded: refunded === null ? null : (refunded / 100).toFixed(2), currency: refunded === null ? null : currency, note };
}

/**
 * The return's parcel in Shopify: every item of its reverse fulfillment order, the tracking, and
 * the label file when it has a public address. Null when Shopify has no open reverse
 * fulfillment order for the return yet.
 */
export async function addShopifyReverseDelivery(
  admin: Admin,
  details: ShopifyReturnDetails,
  input: { trackingNumber: string | null; trackingUrl: string | null; labelUrl: string | null },
): Promise<string | null> {
  const order = details.reverseFulfillmentOrders.nodes[0];
  if (!order) return null;
  const items = order.lineItems.nodes.filter((item) => item.totalQuantity > 0);
  const data = await adminQuery<ReverseDeliveryCreateWithShippingMutation>(admin, REVERSE_DELIVERY_CREATE_WITH_SHIPPING_MUTATION, {
    reverseFulfillmentOrderId: order.id,
    reverseDeliveryLineItems: items.map((item) => ({ reverseFulfillmentOrderLineItemId: item.id, quantity: item.totalQuantity })),
    ...(input.trackingNumber || input.trackingUrl ? { trackingInput: { ...(input.trackingNumber ? { number: input.trackingNumber } : {}), ...(input.trackingUrl ? { url: input.trackingUrl } : {}) } } : {}),
    ...(input.labelUrl ? { labelInput: { fileUrl: input.labelUrl } } : {}),
    notifyCustomer: false,
  });
  failIfErrors("ReverseDeliveryCreateWithShipping", data.reverseDeliveryCreateWithShipping?.userErrors);
  return data.reverseDeliveryCreateWithShipping?.reverseDelivery?.id ?? null;
}

/** The tracking and label Shopify holds for the return (the first delivery that has any). */
export function shopifyDeliveryOf(details: ShopifyReturnDetails): { id: string; trackingNumber: string | null; trackingUrl: string | null; carrier: string | null; labelUrl: string | null } | null {
  for (const order of details.reverseFulfillmentOrders.nodes) {
    for (const delivery of order.reverseDeliveries.nodes) {
      const deliverable = delivery.deliverable && "tracking" in delivery.deliverable ? delivery.deliverable : null;
      if (!deliverable) continue;
      return {
        id: delivery.id,
        trackingNumber: deliverable.tracking?.number ?? null,
        trackingUrl: (deliverable.tracking?.url as string | null | undefined) ?? null,
        carrier: deliverable.tracking?.carrierName ?? null,
        labelUrl: (deliverable.label?.publicFileUrl as string | null | undefined) ?? null,
      };
    }
  }
  return null;
}
