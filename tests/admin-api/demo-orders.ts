// Orders of the demo shop: a draft (cart + planned lifecycle) per checkout,
// turned into an Order record showing only what has happened by `now`.

import { buildCart } from "./demo-cart.ts";
import type { DemoCart } from "./demo-cart.ts";
import type { CatalogEntry } from "./demo-catalog.ts";
import type { CountryProfile } from "./demo-countries.ts";
import { GATEWAY_NAMES } from "./demo-countries.ts";
import type { Buyer } from "./demo-customers.ts";
import { buildFulfillment } from "./demo-fulfillments.ts";
import type { IdAllocator } from "./demo-ids.ts";
import { itemAt } from "./demo-lists.ts";
import { planOrder, refundedTotal } from "./demo-lifecycle.ts";
import type { OrderPlan, RefundPlan } from "./demo-lifecycle.ts";
import type { CentsPair, PresentmentCurrency } from "./demo-money.ts";
import { includedTax, moneyBag, timesPair, ZERO } from "./demo-money.ts";
import { createRecipient, mailingAddress } from "./demo-people.ts";
import type { Person } from "./demo-people.ts";
import type { DemoRandom } from "./demo-random.ts";
import type { OrderSlot } from "./demo-schedule.ts";
import { DAY, iso, isoOrNull, latest } from "./demo-time.ts";
import type {
  CustomerRecord,
  LineItemRecord,
  OrderDisplayFinancialStatus,
  OrderDisplayFulfillmentStatus,
  OrderRecord,
  RefundRecord,
  ShippingLineRecord,
} from "./demo-types.ts";

export const SHOP_DOMAIN = "aftercare-demo.myshopify.com";

type Recipient = Pick<Person, "firstName" | "lastName" | "phone" | "address">;

export type OrderDraft = {
  seq: number;
  createdAt: number;
  buyer: Buyer;
  nth: number;
  country: CountryProfile;
  cart: DemoCart;
  plan: OrderPlan;
  /** Someone other than the buyer, when the order ships as a present. */
  recipient: Recipient | null;
  tags: string[];
  note: string | null;
  unconfirmedRoll: number;
  confirmationNumber: string;
  statusToken: string;
  statusKey: string;
};

const HEX = "0123456789abcdef";
const CONFIRMATION_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ123456789";

function draftTags(random: DemoRandom, cart: DemoCart, nth: number, isPresent: boolean): string[] {
  const tags: string[] = [];
  if (cart.lines.some((l) => l.madeToOrder)) tags.push("made-to-order");
  if (cart.lines.some((l) => l.isGift)) tags.push("thank-you-gift");
  if (nth >= 3) tags.push("VIP");
  if (random.chance(isPresent ? 0.6 : 0.05)) tags.push("gift-wrap");
  if (random.chance(0.02)) tags.push("priority");
  return tags;
}

export function draftOrder(random: DemoRandom, catalog: readonly CatalogEntry[], slot: OrderSlot, seq: number): OrderDraft {
  const country = slot.buyer.person.country;
  const method = random.weighted(country.payments);
  const cart = buildCart(random, catalog, country, slot.nth >= 2 && random.chance(0.15));
  const plan = planOrder(random, { createdAt: slot.createdAt, country, cart, method });
  const recipient = random.chance(slot.nth >= 2 ? 0.12 : 0.05) ? createRecipient(random, slot.buyer.person) : null;
  return {
    seq,
    createdAt: slot.createdAt,
    buyer: slot.buyer,
    nth: slot.nth,
    country,
    cart,
    plan,
    recipient,
    tags: draftTags(random, cart, slot.nth, recipient !== null),
    note: random.chance(0.12) ? random.pick(country.customerNotes) : null,
    unconfirmedRoll: random.next(),
    confirmationNumber: random.chars(9, CONFIRMATION_ALPHABET),
    statusToken: random.chars(32, HEX),
    statusKey: random.chars(32, HEX),
  };
}

// --- records ------------------------------------------------------------------------

export type OrderBuildContext = { ids: IdAllocator; now: number; shopNumericId: number };

type Happened = { plan: OrderPlan; cancelled: boolean; paid: boolean; refunds: RefundPlan[] };

function happenedBy(plan: OrderPlan, now: number): Happened {
  return {
    plan: { ...plan, shipments: plan.shipments.filter((s) => s.createdAt <= now) },
    cancelled: plan.cancel !== null && plan.cancel.at <= now,
    paid: plan.paidAt !== null && plan.paidAt <= now,
    refunds: plan.refunds.filter((r) => r.at <= now),
  };
}

function lineItemRecords(ids: IdAllocator, draft: OrderDraft, h: Happened): LineItemRecord[] {
  const currency = draft.country.currency;
  return draft.cart.lines.map((line, i) => {
    const shipped = h.plan.shipments.reduce((sum, s) => sum + (s.quantities[i] ?? 0), 0);
    const refunded = h.refunds.flatMap((r) => r.lines).filter((l) => l.index === i).reduce((sum, l) => sum + l.quantity, 0);
    const unit = moneyBag(line.unit, currency);
    const total = moneyBag(timesPair(line.unit, line.quantity), currency);
    const defaultVariant = line.product.hasOnlyDefaultVariant;
    return {
      __typename: "LineItem",
      id: ids.take("LineItem").id,
      name: defaultVariant ? line.product.title : `${line.product.title} - ${line.variant.title}`,
      title: line.product.title,
      variantTitle: defaultVariant ? null : line.variant.title,
      sku: line.variant.sku,
      vendor: line.product.vendor,
      quantity: line.quantity,
      currentQuantity: h.cancelled ? 0 : Math.max(0, line.quantity - refunded),
      unfulfilledQuantity: h.cancelled ? 0 : line.quantity - shipped,
      requiresShipping: true,
      isGiftCard: false,
      taxable: true,
      originalUnitPriceSet: unit,
      discountedUnitPriceSet: unit,
      originalTotalSet: total,
      discountedTotalSet: total,
      totalDiscountSet: moneyBag(ZERO, currency),
      product: line.product,
      variant: line.variant,
    };
  });
}

function refundRecord(ids: IdAllocator, refund: RefundPlan, lines: readonly LineItemRecord[], draft: OrderDraft): RefundRecord {
  const { id, legacyResourceId } = ids.take("Refund");
  const currency = draft.country.currency;
  const at = iso(refund.at);
  return {
    __typename: "Refund",
    id,
    legacyResourceId,
    createdAt: at,
    processedAt: at,
    updatedAt: at,
    note: refund.note,
    totalRefundedSet: moneyBag(refund.amount, currency),
    refundLineItems: refund.lines.map((l) => {
      const unit = itemAt(draft.cart.lines, l.index).unit;
      const subtotal = timesPair(unit, l.quantity);
      return {
        __typename: "RefundLineItem" as const,
        id: ids.take("RefundLineItem").id,
        quantity: l.quantity,
        restockType: l.restockType,
        restocked: l.restockType !== "NO_RESTOCK",
        lineItem: itemAt(lines, l.index),
        priceSet: moneyBag(unit, currency),
        subtotalSet: moneyBag(subtotal, currency),
        totalTaxSet: moneyBag(includedTax(subtotal, draft.country.vatRate), currency),
      };
    }),
  };
}

function financialStatus(h: Happened, total: CentsPair, refunded: CentsPair): OrderDisplayFinancialStatus {
  if (h.cancelled) return h.paid ? (refunded.presentment > 0 ? "REFUNDED" : "PAID") : "VOIDED";
  if (!h.paid) return "PENDING";
  if (refunded.presentment === 0) return "PAID";
  return refunded.presentment >= total.presentment ? "REFUNDED" : "PARTIALLY_REFUNDED";
}

function fulfillmentStatus(h: Happened, lines: readonly LineItemRecord[]): OrderDisplayFulfillmentStatus {
  const ordered = lines.reduce((sum, l) => sum + l.quantity, 0);
  const shipped = h.plan.shipments.reduce((sum, s) => sum + s.quantities.reduce((a, b) => a + b, 0), 0);
  if (shipped === 0) return "UNFULFILLED";
  return shipped >= ordered ? "FULFILLED" : "PARTIALLY_FULFILLED";
}

function closedAt(h: Happened, lines: readonly LineItemRecord[]): number | null {
  if (h.cancelled) return (h.plan.cancel as { at: number }).at;
  const allShipped = lines.every((l) => l.unfulfilledQuantity === 0);
  if (!allShipped || !h.paid || h.plan.shipments.length === 0) return null;
  return latest(h.plan.paidAt, ...h.plan.shipments.map((s) => s.createdAt));
}

function shippingLineRecord(ids: IdAllocator, draft: OrderDraft): ShippingLineRecord {
  const price = moneyBag(draft.cart.shipping, draft.country.currency);
  return {
    __typename: "ShippingLine",
    id: ids.take("ShippingLine").id,
    title: draft.country.shipping.title,
    code: draft.country.shipping.code,
    source: "shopify",
    custom: false,
    originalPriceSet: price,
    discountedPriceSet: price,
  };
}

function isConfirmed(draft: OrderDraft, h: Happened, now: number): boolean {
  // Fresh cash-on-delivery and bank-transfer orders sometimes wait for the
  // merchant to reserve stock (e.g. after calling the buyer).
  const awaitsMoney = draft.plan.method === "cod" || (draft.plan.method === "bank_deposit" && !h.paid);
  const fresh = now - draft.createdAt < 2 * DAY && h.plan.shipments.length === 0 && !h.cancelled;
  return !(awaitsMoney && fresh && draft.unconfirmedRoll < 0.5);
}

export function buildOrderRecord(ctx: OrderBuildContext, draft: OrderDraft, customer: CustomerRecord): OrderRecord {
  const { ids, now } = ctx;
  const { id, legacyResourceId } = ids.take("Order");
  const h = happenedBy(draft.plan, now);
  const currency: PresentmentCurrency = draft.country.currency;
  const number = 1000 + draft.seq;
  const name = `#${number}`;
  const person = draft.buyer.person;
  const shippingAddress = mailingAddress(ids, draft.country, draft.recipient ?? person);
  const billingAddress = mailingAddress(ids, draft.country, person);
  const lines = lineItemRecords(ids, draft, h);
  const units = draft.cart.lines.map((l) => l.unit);
  const fulfillments = h.plan.shipments.map((s, i) =>
    buildFulfillment({ ids, now, orderName: name, lines, units, currency, destination: shippingAddress }, s, i),
  );
  const refunds = h.refunds.map((r) => refundRecord(ids, r, lines, draft));
  const refunded = refundedTotal(h.refunds);
  const total = draft.cart.total;
  const closed = closedAt(h, lines);
  const tags = new Set(draft.tags);
  if (h.cancelled && draft.plan.cancel?.reason === "FRAUD") tags.add("fraud-review");
  const settled = h.cancelled || h.paid;
  const updatedAt = latest(
    draft.createdAt,
    h.paid ? draft.plan.paidAt : null,
    h.cancelled ? draft.plan.cancel?.at : null,
    closed,
    ...fulfillments.map((f) => Date.parse(f.updatedAt)),
    ...h.refunds.map((r) => r.at),
  );
  return {
    __typename: "Order",
    id,
    legacyResourceId,
    name,
    number,
    confirmationNumber: draft.confirmationNumber,
    createdAt: iso(draft.createdAt),
    updatedAt: iso(updatedAt),
    processedAt: iso(draft.createdAt),
    closed: closed !== null,
    closedAt: isoOrNull(closed),
    cancelledAt: h.cancelled ? isoOrNull(draft.plan.cancel?.at) : null,
    cancelReason: h.cancelled ? (draft.plan.cancel?.reason ?? null) : null,
    confirmed: isConfirmed(draft, h, now),
    test: false,
    displayFinancialStatus: financialStatus(h, total, refunded),
    displayFulfillmentStatus: fulfillmentStatus(h, lines),
    returnStatus: "NO_RETURN",
    fullyPaid: h.paid,
    unpaid: !h.paid,
    email: person.email,
    phone: person.phone ? person.phone.e164 : null,
    customerLocale: person.locale,
    customerAcceptsMarketing: draft.buyer.emailState === "SUBSCRIBED",
    currencyCode: "EUR",
    presentmentCurrencyCode: currency,
    paymentGatewayNames: [GATEWAY_NAMES[draft.plan.method]],
    sourceName: "web",
    tags: [...tags].sort((a, b) => a.localeCompare(b)),
    discountCodes: [],
    note: draft.note,
    taxesIncluded: draft.country.vatRate > 0,
    requiresShipping: true,
    subtotalLineItemsQuantity: draft.cart.lines.reduce((sum, l) => sum + l.quantity, 0),
    statusPageUrl: `https://${SHOP_DOMAIN}/${ctx.shopNumericId}/orders/${draft.statusToken}/authenticate?key=${draft.statusKey}`,
    subtotalPriceSet: moneyBag(draft.cart.subtotal, currency),
    totalShippingPriceSet: moneyBag(draft.cart.shipping, currency),
    totalTaxSet: moneyBag(draft.cart.tax, currency),
    totalDiscountsSet: moneyBag(ZERO, currency),
    totalPriceSet: moneyBag(total, currency),
    totalRefundedSet: moneyBag(refunded, currency),
    totalOutstandingSet: moneyBag(settled ? ZERO : total, currency),
    shippingAddress,
    billingAddress,
    shippingLine: shippingLineRecord(ids, draft),
    customer,
    lineItems: lines,
    fulfillments,
    refunds,
  };
}
