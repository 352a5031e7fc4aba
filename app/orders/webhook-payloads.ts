// The REST JSON Shopify posts on the order topics, validated and mapped to the app's snapshot
// types (order-snapshot.ts), so that the apply logic never sees a raw payload.
//
// Lenient on what the app does not use (extra fields are dropped, optional blocks may be
// missing), strict on what it needs: a missing id, timestamp, name, currency or total fails
// with an error naming the field. Conventions of the payloads: numeric ids (numbers, or
// digit strings), timestamps in the shop's time zone with an offset, money as decimal
// strings in the shop currency next to *_set objects, lower-case enum values.
//
// Since API version 2025-01 the customer inside an order payload no longer carries
// `email_marketing_consent`; when it is absent the snapshot says null ("unknown") and the
// stored value is kept (order-state.ts).
import { z } from "zod";
import { isCashOnDelivery } from "./payment";
import type { FulfillmentSnapshot, OrderEvent, OrderSnapshot, RefundSnapshot, ShipmentStatus } from "./order-snapshot";
import { ORDER_TOPICS } from "../webhooks/order-topics";

export { isCashOnDelivery };

/** What the intake does with one delivery. */
export type IntakeAction =
  | { type: "apply"; event: OrderEvent }
  /** orders/edited carries the edit, not the order: the order must be fetched again. */
  | { type: "refetch"; orderId: string; reason: string };

/** The topics this module parses: the order topics the app subscribes to. */
export const ORDER_WEBHOOK_TOPICS = ORDER_TOPICS;

export type OrderWebhookTopic = (typeof ORDER_WEBHOOK_TOPICS)[number];

export class InvalidOrderWebhook extends Error {
  constructor(
    readonly topic: string,
    readonly problems: string[],
  ) {
    super(`Invalid ${topic} payload: ${problems.join("; ")}`);
    this.name = "InvalidOrderWebhook";
  }
}

// --- field schemas ----------------------------------------------------------------------------

const numericId = z
  .custom<number | string>(
    (value) => (typeof value === "number" && Number.isSafeInteger(value) && value > 0) || (typeof value === "string" && /^\d+$/.test(value)),
    { message: "must be a numeric id" },
  )
  .transform(String);

const timestamp = z
  .string({ required_error: "is required", invalid_type_error: "must be a timestamp string" })
  .datetime({ offset: true, message: "must be an ISO 8601 timestamp with an offset" })
  .transform((value) => new Date(value));

const optionalTimestamp = timestamp.nullish().transform((value) => value ?? null);

const money = z
  .union([z.string(), z.number()], { errorMap: () => ({ message: "must be a decimal amount" }) })
  .transform(String)
  .refine((value) => /^-?\d+(\.\d+)?$/.test(value), "must be a decimal amount such as \"12.50\"");

const currencyCode = z
  .string({ required_error: "is required", invalid_type_error: "must be a currency code" })
  .regex(/^[A-Z]{3}$/, "must be a three-letter currency code");

const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value === undefined || value === null || value.trim() === "" ? null : value));

const SHIPMENT_STATUSES: readonly ShipmentStatus[] = [
  "label_printed",
  "label_purchased",
  "confirmed",
  "in_transit",
  "out_for_delivery",
  "attempted_delivery",
  "delayed",
  "ready_for_pickup",
  "picked_up",
  "delivered",
  "failure",
  "carrier_picked_up",
];

/** A status Shopify adds later is read as "no carrier status" rather than failing the delivery. */
const shipmentStatus = z
  .string()
  .nullish()
  .transform((value): ShipmentStatus | null => {
    const status = value?.toLowerCase();
    return SHIPMENT_STATUSES.find((known) => known === status) ?? null;
  });

// --- payload schemas --------------------------------------------------------------------------

const FulfillmentPayload = z.object({
  id: numericId,
  order_id: numericId,
  status: z.string({ required_error: "is required" }).min(1, "is required"),
  shipment_status: shipmentStatus,
  tracking_company: optionalText,
  tracking_number: optionalText,
  tracking_numbers: z.array(z.string()).nullish(),
  tracking_url: optionalText,
  tracking_urls: z.array(z.string()).nullish(),
  // Not in the REST resource today; read when present (GraphQL has them).
  estimated_delivery_at: optionalTimestamp,
  in_transit_at: optionalTimestamp,
  delivered_at: optionalTimestamp,
  created_at: timestamp,
  updated_at: timestamp,
});

const RefundTransaction = z.object({
  kind: z.string().nullish(),
  status: z.string().nullish(),
  amount: money.nullish(),
  currency: currencyCode.nullish(),
});

const RefundPayload = z.object({
  id: numericId,
  order_id: numericId,
  created_at: timestamp,
  transactions: z.array(RefundTransaction).nullish(),
});

// Inside an order the children may leave out order_id: it is the order's.
const EmbeddedFulfillment = FulfillmentPayload.extend({ order_id: numericId.optional() });
const EmbeddedRefund = RefundPayload.extend({ order_id: numericId.optional() });

const OrderPayload = z.object({
  id: numericId,
  admin_graphql_api_id: z.string().regex(/^gid:\/\/shopify\/Order\/\d+$/, "must be an Order GID").nullish(),
  name: z.string({ required_error: "is required" }).min(1, "is required"),
  order_number: z.number({ required_error: "is required" }).int().positive(),
  created_at: timestamp,
  updated_at: timestamp,
  processed_at: optionalTimestamp,
  cancelled_at: optionalTimestamp,
  cancel_reason: optionalText,
  closed_at: optionalTimestamp,
  confirmed: z.boolean().nullish(),
  financial_status: optionalText,
  fulfillment_status: optionalText,
  payment_gateway_names: z.array(z.string()).nullish(),
  currency: currencyCode,
  total_price: money,
  current_total_price: money.nullish(),
  customer_locale: optionalText,
  customer: z
    .object({
      id: numericId,
      email_marketing_consent: z.object({ state: z.string() }).nullish(),
    })
    .nullish(),
  shipping_address: z.object({ country_code: optionalText, province_code: optionalText }).nullish(),
  tags: z.string().nullish(),
  shipping_lines: z.array(z.object({ title: z.string().nullish() }).passthrough()).nullish(),
  discount_codes: z.array(z.object({ code: z.string() }).passthrough()).nullish(),
  fulfillments: z.array(EmbeddedFulfillment).nullish(),
  refunds: z.array(EmbeddedRefund).nullish(),
});

const OrderEditPayload = z.object({
  order_edit: z.object({
    id: numericId,
    order_id: numericId,
  }),
});

// --- mappers ----------------------------------------------------------------------------------

function fulfillmentSnapshot(payload: z.infer<typeof EmbeddedFulfillment>, orderId: string): FulfillmentSnapshot {
  return {
    fulfillmentId: payload.id,
    orderId: payload.order_id ?? orderId,
    status: payload.status.toLowerCase(),
    shipmentStatus: payload.shipment_status,
    trackingCompany: payload.tracking_company,
    trackingNumber: payload.tracking_number ?? payload.tracking_numbers?.[0] ?? null,
    trackingUrl: payload.tracking_url ?? payload.tracking_urls?.[0] ?? null,
    estimatedDeliveryAt: payload.estimated_delivery_at,
    inTransitAt: payload.in_transit_at,
    deliveredAt: payload.delivered_at,
    createdAt: payload.created_at,
    updatedAt: payload.updated_at,
  };
}

/**
 * The money a refund returned: the sum of its successful refund transactions. REST refunds
 * carry money only as transactions, in the currency the customer paid in (the shop currency
 * for most orders), so the currency is recorded next to the amount; null when there is no
 * successful transaction or they mix currencies.
 */
function refundMoney(transactions: z.infer<typeof RefundTransaction>[]): { amount: string | null; currency: string | null } {
  const refunds = transactions.filter(
    (transaction) => (transaction.kind ?? "refund").toLowerCase() === "refund" && (transaction.status ?? "success").toLowerCase() === "success" && transaction.amount,
  );
  const currencies = new Set(refunds.map((transaction) => transaction.currency ?? null));
  if (refunds.length === 0 || currencies.size !== 1) return { amount: null, currency: null };
  const cents = refunds.reduce((sum, transaction) => sum + decimalToCents(transaction.amount ?? "0"), 0n);
  return { amount: centsToDecimal(cents), currency: [...currencies][0] ?? null };
}

function decimalToCents(value: string): bigint {
  const negative = value.startsWith("-");
  const [units = "0", fraction = ""] = value.replace(/^-/, "").split(".");
  const cents = BigInt(units) * 100n + BigInt((fraction + "00").slice(0, 2));
  return negative ? -cents : cents;
}

function centsToDecimal(cents: bigint): string {
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

function refundSnapshot(payload: z.infer<typeof EmbeddedRefund>, orderId: string): RefundSnapshot {
  return {
    refundId: payload.id,
    orderId: payload.order_id ?? orderId,
    createdAt: payload.created_at,
    ...refundMoney(payload.transactions ?? []),
  };
}

/** Shopify writes tags as one comma-separated string; the app keeps them as a sorted set. */
export function splitTags(tags: string | null | undefined): string[] {
  return [...new Set((tags ?? "").split(",").map((tag) => tag.trim()).filter(Boolean))].sort();
}

function orderSnapshot(payload: z.infer<typeof OrderPayload>): OrderSnapshot {
  const consent = payload.customer?.email_marketing_consent?.state;
  return {
    orderId: payload.id,
    orderGid: payload.admin_graphql_api_id ?? `gid://shopify/Order/${payload.id}`,
    name: payload.name,
    number: payload.order_number,
    customerId: payload.customer?.id ?? null,
    customerLocale: payload.customer_locale,
    emailConsent: consent ? consent.toUpperCase() : null,
    placedAt: payload.created_at,
    processedAt: payload.processed_at,
    cancelledAt: payload.cancelled_at,
    cancelReason: payload.cancel_reason?.toLowerCase() ?? null,
    closedAt: payload.closed_at,
    financialStatus: payload.financial_status?.toLowerCase() ?? null,
    fulfillmentStatus: payload.fulfillment_status?.toLowerCase() ?? null,
    confirmed: payload.confirmed ?? false,
    paymentGateways: [...new Set(payload.payment_gateway_names ?? [])],
    shippingCountry: payload.shipping_address?.country_code?.toUpperCase() ?? null,
    shippingZone: payload.shipping_address?.province_code ?? null,
    // The current total (after edits and refunds) when Shopify sends it, in the shop currency.
    totalPrice: payload.current_total_price ?? payload.total_price,
    currency: payload.currency,
    tags: splitTags(payload.tags),
    shippingMethod: payload.shipping_lines?.[0]?.title?.trim() || null,
    discountCodes: (payload.discount_codes ?? []).map((discount) => discount.code.trim()).filter(Boolean),
    updatedAt: payload.updated_at,
    fulfillments: (payload.fulfillments ?? []).map((fulfillment) => fulfillmentSnapshot(fulfillment, payload.id)),
    refunds: (payload.refunds ?? []).map((refund) => refundSnapshot(refund, payload.id)),
  };
}

// --- topics -----------------------------------------------------------------------------------

function parse<T extends z.ZodTypeAny>(schema: T, topic: string, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data as z.output<T>;
  throw new InvalidOrderWebhook(topic, describeIssues(result.error));
}

/** "fulfillments[0].updated_at: is required" — one line per problem, the field first. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.reduce<string>(
      (text, key) => (typeof key === "number" ? `${text}[${key}]` : text === "" ? key : `${text}.${key}`),
      "",
    );
    const message = issue.code === "invalid_type" && issue.received === "undefined" ? "is required" : issue.message;
    return `${path || "body"}: ${message}`;
  });
}

const orderAction = (topic: string, body: unknown): IntakeAction => ({
  type: "apply",
  event: { kind: "order", source: "webhook", snapshot: orderSnapshot(parse(OrderPayload, topic, body)) },
});

const TOPIC_PARSERS: Record<OrderWebhookTopic, (topic: string, body: unknown) => IntakeAction> = {
  "orders/create": orderAction,
  "orders/updated": orderAction,
  "orders/paid": orderAction,
  "orders/cancelled": orderAction,
  "orders/fulfilled": orderAction,
  "orders/partially_fulfilled": orderAction,
  "orders/edited": (topic, body) => {
    const { order_edit: edit } = parse(OrderEditPayload, topic, body);
    return { type: "refetch", orderId: edit.order_id, reason: `orders/edited: order edit ${edit.id}` };
  },
  "fulfillments/create": (topic, body) => {
    const payload = parse(FulfillmentPayload, topic, body);
    return { type: "apply", event: { kind: "fulfillment", source: "webhook", fulfillment: fulfillmentSnapshot(payload, payload.order_id) } };
  },
  "fulfillments/update": (topic, body) => TOPIC_PARSERS["fulfillments/create"](topic, body),
  "refunds/create": (topic, body) => {
    const payload = parse(RefundPayload, topic, body);
    return { type: "apply", event: { kind: "refund", source: "webhook", refund: refundSnapshot(payload, payload.order_id) } };
  },
};

export function isOrderWebhookTopic(topic: string): topic is OrderWebhookTopic {
  return (ORDER_WEBHOOK_TOPICS as readonly string[]).includes(topic);
}

/**
 * Validates one order-topic body and says what to do with it. Throws InvalidOrderWebhook
 * (its message names every bad field) when the body is not what Shopify sends, and a plain
 * Error for a topic that is not an order topic.
 */
export function parseOrderWebhook(topic: string, body: unknown): IntakeAction {
  if (!isOrderWebhookTopic(topic)) throw new Error(`not an order topic: ${topic}`);
  return TOPIC_PARSERS[topic](topic, body);
}
