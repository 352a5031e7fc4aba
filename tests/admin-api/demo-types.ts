// Record shapes the Admin API stand-in serves. Keys are Admin GraphQL 2026-10
// field names of the record's __typename; Connection fields hold plain arrays
// of nodes; UnsignedInt64 values (legacyResourceId, numberOfOrders) are
// strings, as the API prints them; money amounts are "12.50" strings.
//
// Back references that would make the object graph cyclic are left out on
// purpose (Customer.orders/lastOrder, ProductVariant.product, Fulfillment.order,
// Refund.order): the stand-in can derive them from the arrays it is given.

import type { MoneyBag, MoneyV2 } from "./demo-money.ts";

export type { MoneyBag, MoneyV2 };

export type OrderDisplayFinancialStatus =
  | "AUTHORIZED" | "EXPIRED" | "PAID" | "PARTIALLY_PAID" | "PARTIALLY_REFUNDED" | "PENDING" | "REFUNDED" | "VOIDED";
export type OrderDisplayFulfillmentStatus = "FULFILLED" | "PARTIALLY_FULFILLED" | "UNFULFILLED";
export type OrderCancelReason = "CUSTOMER" | "DECLINED" | "FRAUD" | "INVENTORY" | "OTHER" | "STAFF";
export type FulfillmentStatus = "CANCELLED" | "ERROR" | "FAILURE" | "SUCCESS";
export type FulfillmentDisplayStatus =
  | "ATTEMPTED_DELIVERY" | "CONFIRMED" | "DELAYED" | "DELIVERED" | "FAILURE" | "FULFILLED" | "IN_TRANSIT" | "OUT_FOR_DELIVERY";
export type FulfillmentEventStatus =
  | "ATTEMPTED_DELIVERY" | "CONFIRMED" | "DELAYED" | "DELIVERED" | "FAILURE" | "IN_TRANSIT" | "OUT_FOR_DELIVERY";
export type EmailMarketingState = "NOT_SUBSCRIBED" | "PENDING" | "SUBSCRIBED" | "UNSUBSCRIBED";
export type MarketingOptInLevel = "CONFIRMED_OPT_IN" | "SINGLE_OPT_IN" | "UNKNOWN";
export type SmsMarketingState = "NEVER_SUBSCRIBED" | "SUBSCRIBED" | "UNSUBSCRIBED";
export type RefundRestockType = "CANCEL" | "NO_RESTOCK" | "RETURN";

export type MailingAddressRecord = {
  __typename: "MailingAddress";
  id: string;
  firstName: string;
  lastName: string;
  name: string;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string | null;
  provinceCode: string | null;
  zip: string;
  country: string;
  countryCodeV2: string;
  phone: string | null;
  formatted: string[];
  formattedArea: string;
};

export type SelectedOptionRecord = { __typename: "SelectedOption"; name: string; value: string };

export type ProductVariantRecord = {
  __typename: "ProductVariant";
  id: string;
  legacyResourceId: string;
  title: string;
  displayName: string;
  sku: string;
  barcode: string;
  price: string;
  compareAtPrice: string | null;
  position: number;
  inventoryQuantity: number;
  inventoryPolicy: "CONTINUE" | "DENY";
  availableForSale: boolean;
  taxable: boolean;
  selectedOptions: SelectedOptionRecord[];
  createdAt: string;
  updatedAt: string;
};

export type ProductOptionRecord = { __typename: "ProductOption"; id: string; name: string; position: number; values: string[] };

export type ProductRecord = {
  __typename: "Product";
  id: string;
  legacyResourceId: string;
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  status: "ACTIVE" | "UNLISTED";
  tags: string[];
  description: string;
  descriptionHtml: string;
  isGiftCard: boolean;
  hasOnlyDefaultVariant: boolean;
  tracksInventory: boolean;
  totalInventory: number;
  onlineStoreUrl: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  options: ProductOptionRecord[];
  priceRangeV2: { minVariantPrice: MoneyV2; maxVariantPrice: MoneyV2 };
  variants: ProductVariantRecord[];
};

export type LineItemRecord = {
  __typename: "LineItem";
  id: string;
  name: string;
  title: string;
  variantTitle: string | null;
  sku: string;
  vendor: string;
  quantity: number;
  currentQuantity: number;
  unfulfilledQuantity: number;
  requiresShipping: boolean;
  isGiftCard: boolean;
  taxable: boolean;
  originalUnitPriceSet: MoneyBag;
  discountedUnitPriceSet: MoneyBag;
  originalTotalSet: MoneyBag;
  discountedTotalSet: MoneyBag;
  totalDiscountSet: MoneyBag;
  product: ProductRecord;
  variant: ProductVariantRecord;
};

export type FulfillmentTrackingInfoRecord = { __typename: "FulfillmentTrackingInfo"; company: string; number: string; url: string };

export type FulfillmentLineItemRecord = {
  __typename: "FulfillmentLineItem";
  id: string;
  quantity: number;
  lineItem: LineItemRecord;
  originalTotalSet: MoneyBag;
  discountedTotalSet: MoneyBag;
};

export type FulfillmentEventRecord = {
  __typename: "FulfillmentEvent";
  id: string;
  status: FulfillmentEventStatus;
  happenedAt: string;
  createdAt: string;
  message: string | null;
  city: string | null;
  country: string | null;
  estimatedDeliveryAt: string | null;
};

export type FulfillmentRecord = {
  __typename: "Fulfillment";
  id: string;
  legacyResourceId: string;
  name: string;
  status: FulfillmentStatus;
  displayStatus: FulfillmentDisplayStatus;
  requiresShipping: boolean;
  totalQuantity: number;
  createdAt: string;
  updatedAt: string;
  inTransitAt: string | null;
  deliveredAt: string | null;
  estimatedDeliveryAt: string | null;
  trackingInfo: FulfillmentTrackingInfoRecord[];
  fulfillmentLineItems: FulfillmentLineItemRecord[];
  events: FulfillmentEventRecord[];
};

export type RefundLineItemRecord = {
  __typename: "RefundLineItem";
  id: string;
  quantity: number;
  restockType: RefundRestockType;
  restocked: boolean;
  lineItem: LineItemRecord;
  priceSet: MoneyBag;
  subtotalSet: MoneyBag;
  totalTaxSet: MoneyBag;
};

export type RefundRecord = {
  __typename: "Refund";
  id: string;
  legacyResourceId: string;
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  note: string;
  totalRefundedSet: MoneyBag;
  refundLineItems: RefundLineItemRecord[];
};

export type ShippingLineRecord = {
  __typename: "ShippingLine";
  id: string;
  title: string;
  code: string;
  source: string;
  custom: boolean;
  originalPriceSet: MoneyBag;
  discountedPriceSet: MoneyBag;
};

export type CustomerEmailAddressRecord = {
  __typename: "CustomerEmailAddress";
  emailAddress: string;
  marketingState: EmailMarketingState;
  marketingOptInLevel: MarketingOptInLevel | null;
  marketingUpdatedAt: string | null;
  validFormat: boolean;
};

export type CustomerPhoneNumberRecord = {
  __typename: "CustomerPhoneNumber";
  phoneNumber: string;
  smsMarketingConsent: {
    __typename: "CustomerSmsMarketingConsent";
    state: SmsMarketingState;
    optInLevel: MarketingOptInLevel | null;
    updatedAt: string | null;
    collectedFrom: "SHOPIFY" | null;
  };
};

export type CustomerRecord = {
  __typename: "Customer";
  id: string;
  legacyResourceId: string;
  firstName: string;
  lastName: string;
  displayName: string;
  locale: string;
  note: string | null;
  state: "DISABLED" | "ENABLED";
  verifiedEmail: boolean;
  taxExempt: boolean;
  tags: string[];
  numberOfOrders: string;
  amountSpent: MoneyV2;
  createdAt: string;
  updatedAt: string;
  defaultEmailAddress: CustomerEmailAddressRecord;
  defaultPhoneNumber: CustomerPhoneNumberRecord | null;
  defaultAddress: MailingAddressRecord;
};

export type OrderRecord = {
  __typename: "Order";
  id: string;
  legacyResourceId: string;
  name: string;
  number: number;
  confirmationNumber: string;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  closed: boolean;
  closedAt: string | null;
  cancelledAt: string | null;
  cancelReason: OrderCancelReason | null;
  confirmed: boolean;
  test: boolean;
  displayFinancialStatus: OrderDisplayFinancialStatus;
  displayFulfillmentStatus: OrderDisplayFulfillmentStatus;
  returnStatus: "NO_RETURN";
  fullyPaid: boolean;
  unpaid: boolean;
  email: string;
  phone: string | null;
  customerLocale: string;
  customerAcceptsMarketing: boolean;
  currencyCode: "EUR";
  presentmentCurrencyCode: string;
  paymentGatewayNames: string[];
  sourceName: string;
  tags: string[];
  discountCodes: string[];
  note: string | null;
  taxesIncluded: boolean;
  requiresShipping: boolean;
  subtotalLineItemsQuantity: number;
  statusPageUrl: string;
  subtotalPriceSet: MoneyBag;
  totalShippingPriceSet: MoneyBag;
  totalTaxSet: MoneyBag;
  totalDiscountsSet: MoneyBag;
  totalPriceSet: MoneyBag;
  totalRefundedSet: MoneyBag;
  totalOutstandingSet: MoneyBag;
  shippingAddress: MailingAddressRecord;
  billingAddress: MailingAddressRecord;
  shippingLine: ShippingLineRecord;
  customer: CustomerRecord;
  lineItems: LineItemRecord[];
  fulfillments: FulfillmentRecord[];
  refunds: RefundRecord[];
};

export type ShopRecord = {
  __typename: "Shop";
  id: string;
  name: string;
  email: string;
  contactEmail: string;
  shopOwnerName: string;
  myshopifyDomain: string;
  url: string;
  primaryDomain: { __typename: "Domain"; id: string; host: string; url: string; sslEnabled: boolean };
  currencyCode: "EUR";
  enabledPresentmentCurrencies: string[];
  shipsToCountries: string[];
  ianaTimezone: string;
  weightUnit: "KILOGRAMS";
  unitSystem: "METRIC_SYSTEM";
  taxesIncluded: boolean;
  taxShipping: boolean;
  orderNumberFormatPrefix: string;
  orderNumberFormatSuffix: string;
  description: string;
  plan: { __typename: "ShopPlan"; publicDisplayName: string; partnerDevelopment: boolean; shopifyPlus: boolean };
  shopAddress: {
    __typename: "ShopAddress";
    id: string;
    address1: string;
    address2: string | null;
    city: string;
    zip: string;
    province: string | null;
    provinceCode: string | null;
    country: string;
    countryCodeV2: string;
    phone: string;
    company: string;
    formatted: string[];
    formattedArea: string;
  };
  createdAt: string;
  updatedAt: string;
};

export type DemoShop = {
  domain: "aftercare-demo.myshopify.com";
  shop: ShopRecord;
  customers: CustomerRecord[];
  products: ProductRecord[];
  orders: OrderRecord[];
  /** The shop's languages: French first (a Lyon shop), English and German published too. */
  locales: { locale: string; primary: boolean; published: boolean }[];
};
