// REST-style JSON bodies Shopify POSTs to webhook subscribers, built from the
// demo shop's GraphQL-shaped records: orders/create|updated,
// fulfillments/create|update, refunds/create, the mandatory compliance topics
// and customers/email_marketing_consent_update.
//
// Conventions of the real payloads kept here: snake_case keys, numeric ids plus
// admin_graphql_api_id, lowercase enum values, money as "12.50" strings in the
// shop currency next to *_set objects with both currencies, and timestamps in
// the shop's time zone with an explicit offset ("2026-06-07T05:33:37+02:00").
//
// Since API version 2025-01 the customer object inside webhook payloads no
// longer carries `tags`, `email_marketing_consent` or `sms_marketing_consent`
// (consent changes arrive on customers/email_marketing_consent_update and
// customers/marketing_consent_update instead). Pass
// `{ legacyCustomerFields: true }` to get the pre-2025-01 shape.

import { numericId } from "./demo-ids.ts";
import type {
  CustomerRecord,
  FulfillmentDisplayStatus,
  FulfillmentRecord,
  LineItemRecord,
  MailingAddressRecord,
  MoneyBag,
  OrderRecord,
  RefundRecord,
  ShopRecord,
} from "./demo-types.ts";

export type RestMoneySet = {
  shop_money: { amount: string; currency_code: string };
  presentment_money: { amount: string; currency_code: string };
};

export type WebhookOptions = { legacyCustomerFields?: boolean };

type Json = Record<string, unknown>;

const DEFAULT_TIME_ZONE = "Europe/Paris";
const ONLINE_STORE_APP_ID = 580111;
const WAREHOUSE_LOCATION_ID = 64_120_001;

// --- small converters -------------------------------------------------------------

function offsetMinutes(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(new Date(ms));
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(parts.find((p) => p.type === "timeZoneName")?.value ?? "");
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** "2026-06-07T03:33:37Z" -> "2026-06-07T05:33:37+02:00" in `timeZone`. */
export function restTimestamp(value: string | null, timeZone: string = DEFAULT_TIME_ZONE): string | null {
  if (value === null) return null;
  const ms = Date.parse(value);
  const offset = offsetMinutes(ms, timeZone);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${local}${offset < 0 ? "-" : "+"}${hh}:${mm}`;
}

export function restMoneySet(bag: MoneyBag): RestMoneySet {
  return {
    shop_money: { amount: bag.shopMoney.amount, currency_code: bag.shopMoney.currencyCode },
    presentment_money: { amount: bag.presentmentMoney.amount, currency_code: bag.presentmentMoney.currencyCode },
  };
}

const lower = (value: string | null) => (value === null ? null : value.toLowerCase());

const FULFILLMENT_STATUS: Record<string, string | null> = { FULFILLED: "fulfilled", PARTIALLY_FULFILLED: "partial", RESTOCKED: "restocked" };

/** REST `shipment_status`: the latest carrier event, null when the parcel has no tracking. */
export function shipmentStatus(displayStatus: FulfillmentDisplayStatus | string): string | null {
  const carrierStatuses = [
    "ATTEMPTED_DELIVERY", "CARRIER_PICKED_UP", "CONFIRMED", "DELAYED", "DELIVERED", "FAILURE", "IN_TRANSIT",
    "LABEL_PRINTED", "LABEL_PURCHASED", "OUT_FOR_DELIVERY", "PICKED_UP", "READY_FOR_PICKUP",
  ];
  return carrierStatuses.includes(displayStatus) ? displayStatus.toLowerCase() : null;
}

function restAddress(a: MailingAddressRecord | null, customerId?: number): Json | null {
  if (a === null) return null;
  return {
    ...(customerId === undefined ? {} : { id: numericId(a.id), customer_id: customerId, default: true }),
    first_name: a.firstName,
    last_name: a.lastName,
    name: a.name,
    company: a.company,
    address1: a.address1,
    address2: a.address2,
    city: a.city,
    zip: a.zip,
    province: a.province,
    province_code: a.provinceCode,
    country: a.country,
    country_code: a.countryCodeV2,
    ...(customerId === undefined ? {} : { country_name: a.country }),
    phone: a.phone,
    latitude: null,
    longitude: null,
  };
}

function restLineItem(line: LineItemRecord, quantity: number = line.quantity): Json {
  const open = line.unfulfilledQuantity;
  return {
    id: numericId(line.id),
    admin_graphql_api_id: line.id,
    name: line.name,
    title: line.title,
    variant_title: line.variantTitle,
    sku: line.sku,
    vendor: line.vendor,
    quantity,
    current_quantity: line.currentQuantity,
    fulfillable_quantity: open,
    fulfillment_status: line.currentQuantity === 0 ? null : open === 0 ? "fulfilled" : open < line.quantity ? "partial" : null,
    fulfillment_service: "manual",
    price: line.originalUnitPriceSet.shopMoney.amount,
    price_set: restMoneySet(line.originalUnitPriceSet),
    total_discount: line.totalDiscountSet.shopMoney.amount,
    total_discount_set: restMoneySet(line.totalDiscountSet),
    product_id: numericId(line.product.id),
    variant_id: numericId(line.variant.id),
    product_exists: true,
    requires_shipping: line.requiresShipping,
    taxable: line.taxable,
    gift_card: line.isGiftCard,
    properties: [],
    tax_lines: [],
    discount_allocations: [],
    duties: [],
  };
}

function consentBlock(state: string, level: string | null, updatedAt: string | null, timeZone: string): Json {
  return { state: state.toLowerCase(), opt_in_level: lower(level), consent_updated_at: restTimestamp(updatedAt, timeZone) };
}

function restCustomer(c: CustomerRecord, timeZone: string, options: WebhookOptions): Json {
  const id = numericId(c.id);
  const email = c.defaultEmailAddress;
  const phone = c.defaultPhoneNumber;
  const legacy: Json = options.legacyCustomerFields
    ? {
        tags: c.tags.join(", "),
        email_marketing_consent: consentBlock(email.marketingState, email.marketingOptInLevel, email.marketingUpdatedAt, timeZone),
        sms_marketing_consent: phone
          ? { ...consentBlock(phone.smsMarketingConsent.state, phone.smsMarketingConsent.optInLevel, phone.smsMarketingConsent.updatedAt, timeZone), consent_collected_from: phone.smsMarketingConsent.collectedFrom }
          : null,
      }
    : {};
  return {
    id,
    email: email.emailAddress,
    created_at: restTimestamp(c.createdAt, timeZone),
    updated_at: restTimestamp(c.updatedAt, timeZone),
    first_name: c.firstName,
    last_name: c.lastName,
    state: c.state.toLowerCase(),
    note: c.note,
    verified_email: c.verifiedEmail,
    multipass_identifier: null,
    tax_exempt: c.taxExempt,
    phone: phone ? phone.phoneNumber : null,
    currency: c.amountSpent.currencyCode,
    tax_exemptions: [],
    admin_graphql_api_id: c.id,
    default_address: restAddress(c.defaultAddress, id),
    ...legacy,
  };
}

// --- fulfillments and refunds -------------------------------------------------------------

function restFulfillment(order: OrderRecord, f: FulfillmentRecord, timeZone: string): Json {
  const tracking = f.trackingInfo;
  return {
    id: numericId(f.id),
    admin_graphql_api_id: f.id,
    order_id: numericId(order.id),
    name: f.name,
    status: f.status.toLowerCase(),
    shipment_status: shipmentStatus(f.displayStatus),
    service: "manual",
    location_id: WAREHOUSE_LOCATION_ID,
    created_at: restTimestamp(f.createdAt, timeZone),
    updated_at: restTimestamp(f.updatedAt, timeZone),
    tracking_company: tracking[0]?.company ?? null,
    tracking_number: tracking[0]?.number ?? null,
    tracking_numbers: tracking.map((t) => t.number),
    tracking_url: tracking[0]?.url ?? null,
    tracking_urls: tracking.map((t) => t.url),
    origin_address: {},
    receipt: {},
    line_items: f.fulfillmentLineItems.map((fl) => restLineItem(fl.lineItem, fl.quantity)),
  };
}

const cents = (amount: string) => Math.round(Number(amount) * 100);
const amount = (value: number) => (value / 100).toFixed(2);

function restRefund(order: OrderRecord, r: RefundRecord, timeZone: string): Json {
  const orderId = numericId(order.id);
  const refundId = numericId(r.id);
  const itemsShop = r.refundLineItems.reduce((sum, l) => sum + cents(l.subtotalSet.shopMoney.amount), 0);
  const discrepancy = cents(r.totalRefundedSet.shopMoney.amount) - itemsShop;
  return {
    id: refundId,
    admin_graphql_api_id: r.id,
    order_id: orderId,
    created_at: restTimestamp(r.createdAt, timeZone),
    processed_at: restTimestamp(r.processedAt, timeZone),
    note: r.note,
    restock: r.refundLineItems.some((l) => l.restocked),
    user_id: null,
    refund_line_items: r.refundLineItems.map((l) => ({
      id: numericId(l.id),
      line_item_id: numericId(l.lineItem.id),
      quantity: l.quantity,
      restock_type: l.restockType.toLowerCase(),
      location_id: l.restocked ? WAREHOUSE_LOCATION_ID : null,
      subtotal: l.subtotalSet.shopMoney.amount,
      subtotal_set: restMoneySet(l.subtotalSet),
      total_tax: l.totalTaxSet.shopMoney.amount,
      total_tax_set: restMoneySet(l.totalTaxSet),
      line_item: restLineItem(l.lineItem),
    })),
    transactions: [
      {
        id: refundId + 10_000_000,
        admin_graphql_api_id: `gid://shopify/OrderTransaction/${refundId + 10_000_000}`,
        order_id: orderId,
        kind: "refund",
        gateway: order.paymentGatewayNames[0] ?? "manual",
        status: "success",
        amount: r.totalRefundedSet.presentmentMoney.amount,
        currency: r.totalRefundedSet.presentmentMoney.currencyCode,
        created_at: restTimestamp(r.createdAt, timeZone),
        processed_at: restTimestamp(r.processedAt, timeZone),
        parent_id: null,
        message: null,
        test: false,
      },
    ],
    order_adjustments:
      discrepancy > 0
        ? [{ id: refundId + 20_000_000, order_id: orderId, refund_id: refundId, amount: amount(-discrepancy), tax_amount: "0.00", kind: "refund_discrepancy", reason: "Refund discrepancy" }]
        : [],
  };
}

// --- topics -------------------------------------------------------------------------------------

/** Body of orders/create and orders/updated. */
export function orderWebhookPayload(order: OrderRecord, shop: ShopRecord, options: WebhookOptions = {}): Json {
  const tz = shop.ianaTimezone || DEFAULT_TIME_ZONE;
  return {
    id: numericId(order.id),
    admin_graphql_api_id: order.id,
    app_id: ONLINE_STORE_APP_ID,
    name: order.name,
    number: order.number - 1000,
    order_number: order.number,
    confirmation_number: order.confirmationNumber,
    token: /\/orders\/([0-9a-f]+)\//.exec(order.statusPageUrl)?.[1] ?? null,
    email: order.email,
    contact_email: order.email,
    phone: order.phone,
    created_at: restTimestamp(order.createdAt, tz),
    updated_at: restTimestamp(order.updatedAt, tz),
    processed_at: restTimestamp(order.processedAt, tz),
    cancelled_at: restTimestamp(order.cancelledAt, tz),
    cancel_reason: lower(order.cancelReason),
    closed_at: restTimestamp(order.closedAt, tz),
    confirmed: order.confirmed,
    test: order.test,
    currency: order.currencyCode,
    presentment_currency: order.presentmentCurrencyCode,
    customer_locale: order.customerLocale,
    buyer_accepts_marketing: order.customerAcceptsMarketing,
    financial_status: order.displayFinancialStatus.toLowerCase(),
    fulfillment_status: FULFILLMENT_STATUS[order.displayFulfillmentStatus] ?? null,
    payment_gateway_names: [...order.paymentGatewayNames],
    source_name: order.sourceName,
    tags: order.tags.join(", "),
    note: order.note,
    note_attributes: [],
    discount_codes: [],
    taxes_included: order.taxesIncluded,
    order_status_url: order.statusPageUrl,
    subtotal_price: order.subtotalPriceSet.shopMoney.amount,
    subtotal_price_set: restMoneySet(order.subtotalPriceSet),
    total_line_items_price: order.subtotalPriceSet.shopMoney.amount,
    total_line_items_price_set: restMoneySet(order.subtotalPriceSet),
    total_discounts: order.totalDiscountsSet.shopMoney.amount,
    total_discounts_set: restMoneySet(order.totalDiscountsSet),
    total_shipping_price_set: restMoneySet(order.totalShippingPriceSet),
    total_tax: order.totalTaxSet.shopMoney.amount,
    total_tax_set: restMoneySet(order.totalTaxSet),
    total_price: order.totalPriceSet.shopMoney.amount,
    total_price_set: restMoneySet(order.totalPriceSet),
    total_outstanding: order.totalOutstandingSet.shopMoney.amount,
    customer: restCustomer(order.customer, tz, options),
    billing_address: restAddress(order.billingAddress),
    shipping_address: restAddress(order.shippingAddress),
    shipping_lines: [
      {
        id: numericId(order.shippingLine.id),
        title: order.shippingLine.title,
        code: order.shippingLine.code,
        source: order.shippingLine.source,
        price: order.shippingLine.originalPriceSet.shopMoney.amount,
        price_set: restMoneySet(order.shippingLine.originalPriceSet),
        discounted_price: order.shippingLine.discountedPriceSet.shopMoney.amount,
        discounted_price_set: restMoneySet(order.shippingLine.discountedPriceSet),
      },
    ],
    line_items: order.lineItems.map((line) => restLineItem(line)),
    fulfillments: order.fulfillments.map((f) => restFulfillment(order, f, tz)),
    refunds: order.refunds.map((r) => restRefund(order, r, tz)),
  };
}

/** Body of fulfillments/create and fulfillments/update. */
export function fulfillmentWebhookPayload(order: OrderRecord, fulfillment: FulfillmentRecord, timeZone: string = DEFAULT_TIME_ZONE): Json {
  return {
    ...restFulfillment(order, fulfillment, timeZone),
    email: order.email,
    destination: restAddress(order.shippingAddress),
  };
}

/** Body of refunds/create. */
export function refundWebhookPayload(order: OrderRecord, refund: RefundRecord, timeZone: string = DEFAULT_TIME_ZONE): Json {
  return restRefund(order, refund, timeZone);
}

/** Body of customers/email_marketing_consent_update. */
export function customerEmailConsentPayload(customer: CustomerRecord, timeZone: string = DEFAULT_TIME_ZONE): Json {
  const email = customer.defaultEmailAddress;
  return {
    customer_id: numericId(customer.id),
    email_address: email.emailAddress,
    email_marketing_consent: consentBlock(email.marketingState, email.marketingOptInLevel, email.marketingUpdatedAt, timeZone),
  };
}

// --- mandatory compliance topics ------------------------------------------------------------

type OrderRef = string | number | Pick<OrderRecord, "id">;

const orderNumber = (ref: OrderRef): number =>
  typeof ref === "number" ? ref : typeof ref === "string" ? (/^\d+$/.test(ref) ? Number(ref) : numericId(ref)) : numericId(ref.id);

const complianceCustomer = (c: CustomerRecord) => ({
  id: numericId(c.id),
  email: c.defaultEmailAddress.emailAddress,
  phone: c.defaultPhoneNumber ? c.defaultPhoneNumber.phoneNumber : null,
});

const shopIdentity = (shop: ShopRecord) => ({ shop_id: numericId(shop.id), shop_domain: shop.myshopifyDomain });

/** Body of customers/data_request. */
export function customersDataRequestPayload(shop: ShopRecord, customer: CustomerRecord, orderIds: readonly OrderRef[], dataRequestId?: number): Json {
  return {
    ...shopIdentity(shop),
    orders_requested: orderIds.map(orderNumber),
    customer: complianceCustomer(customer),
    data_request: { id: dataRequestId ?? 9_000_000 + numericId(customer.id) },
  };
}

/** Body of customers/redact. */
export function customersRedactPayload(shop: ShopRecord, customer: CustomerRecord, orderIds: readonly OrderRef[]): Json {
  return {
    ...shopIdentity(shop),
    customer: complianceCustomer(customer),
    orders_to_redact: orderIds.map(orderNumber),
  };
}

/** Body of shop/redact (sent 48 hours after a shop uninstalls the app). */
export function shopRedactPayload(shop: ShopRecord): Json {
  return shopIdentity(shop);
}
