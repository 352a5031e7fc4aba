// The app's state of one order, and how one more piece of news about it is folded in.
//
// Events arrive late, twice, and in any order (webhooks are retried and unordered; the
// backfill and reconciliation replay history). The rules below make the state a function of
// the *set* of events seen, whatever their order and however often each came:
//
// - Order fields come from the snapshot with the newest `updatedAt`. An older snapshot
//   changes none of them; one with the same `updatedAt` only fills fields the stored state
//   lacks (null), and a conflict between two equally new values is settled by a fixed order
//   of values, never by arrival (`lastSource`: webhook, then reconciliation, then backfill).
// - Fields a source may not carry are not erased by a snapshot that lacks them:
//   `emailConsent` (absent from webhooks since 2025-01) and a fulfillment's
//   `estimatedDeliveryAt` (absent from REST) come from the newest snapshot that has a value;
//   `emailConsentAt` / `estimatedDeliveryAsOf` record which snapshot that was.
// - Facts keep their earliest known time: `paidAt` is the earliest `updatedAt` of a snapshot
//   showing the order paid (even an older snapshot can lower it); a fulfillment's
//   `inTransitAt` and `deliveredAt` are the earliest values seen.
// - Each fulfillment is its own record, replaced field by field under the same rules by a
//   snapshot with a newer fulfillment `updatedAt`. Refunds do not change: a set by id.
// - A fulfillment or refund for an order the app has not seen yet is kept without an order
//   (`care: null`); no placeholder order with made-up fields is written. The order's fields
//   arrive with its first order snapshot.
//
// Each rule is a join (commutative, associative, idempotent), so the whole state is one too;
// tests/unit/orders/order-state.property.test.ts checks it on random histories.
import { isCashOnDelivery, showsPaid } from "./payment";
import type { EventSource, FulfillmentSnapshot, OrderEvent, OrderSnapshot, RefundSnapshot, ShipmentStatus } from "./order-snapshot";
import { timelineForEvent, type TimelineEntry } from "./timeline";

export type StoredCare = {
  orderGid: string;
  name: string;
  number: number;
  customerId: string | null;
  customerLocale: string | null;
  emailConsent: string | null;
  /** The `updatedAt` of the snapshot `emailConsent` came from. */
  emailConsentAt: Date | null;
  placedAt: Date;
  paidAt: Date | null;
  cancelledAt: Date | null;
  closedAt: Date | null;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  paymentGateways: string[];
  cashOnDelivery: boolean;
  shippingCountry: string | null;
  shippingZone: string | null;
  totalPrice: string;
  currency: string;
  tags: string[];
  shippingMethod: string | null;
  discountCodes: string[];
  shopifyUpdatedAt: Date;
  lastSource: EventSource;
};

export type StoredFulfillment = {
  fulfillmentId: string;
  orderId: string;
  status: string;
  shipmentStatus: ShipmentStatus | null;
  trackingCompany: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  estimatedDeliveryAt: Date | null;
  /** The fulfillment `updatedAt` of the snapshot `estimatedDeliveryAt` came from. */
  estimatedDeliveryAsOf: Date | null;
  inTransitAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
  shopifyUpdatedAt: Date;
};

export type StoredRefund = {
  refundId: string;
  orderId: string;
  createdAt: Date;
  amount: string | null;
  currency: string | null;
};

/** Fulfillments and refunds sorted by id. */
export type StoredOrder = {
  orderId: string;
  care: StoredCare | null;
  fulfillments: StoredFulfillment[];
  refunds: StoredRefund[];
};

export type AppliedEvent = {
  next: StoredOrder;
  /** Whether the state differs from `current`. */
  changed: boolean;
  /** What the event says happened; the timeline keeps one entry per dedupe key (timeline.ts). */
  timeline: TimelineEntry[];
};

export function eventOrderId(event: OrderEvent): string {
  switch (event.kind) {
    case "order":
      return event.snapshot.orderId;
    case "fulfillment":
      return event.fulfillment.orderId;
    case "refund":
      return event.refund.orderId;
  }
}

export function emptyOrder(orderId: string): StoredOrder {
  return { orderId, care: null, fulfillments: [], refunds: [] };
}

export function applyOrderEvent(current: StoredOrder | null, event: OrderEvent): AppliedEvent {
  const orderId = eventOrderId(event);
  if (current && current.orderId !== orderId) {
    throw new Error(`event for order ${orderId} applied to order ${current.orderId}`);
  }
  const start = current ?? emptyOrder(orderId);
  let next: StoredOrder;
  switch (event.kind) {
    case "order":
      next = {
        orderId,
        care: mergeCare(start.care, careFromSnapshot(event.snapshot, event.source)),
        fulfillments: event.snapshot.fulfillments.reduce(mergeFulfillmentInto, start.fulfillments),
        refunds: event.snapshot.refunds.reduce(mergeRefundInto, start.refunds),
      };
      break;
    case "fulfillment":
      next = { ...start, fulfillments: mergeFulfillmentInto(start.fulfillments, event.fulfillment) };
      break;
    case "refund":
      next = { ...start, refunds: mergeRefundInto(start.refunds, event.refund) };
      break;
  }
  return { next, changed: current === null || !sameValue(current, next), timeline: timelineForEvent(event) };
}

/** Folds events into a state, in the order given. */
export function applyOrderEvents(current: StoredOrder | null, events: readonly OrderEvent[]): StoredOrder | null {
  return events.reduce<StoredOrder | null>((state, event) => applyOrderEvent(state, event).next, current);
}

// --- the order --------------------------------------------------------------------------------

export function careFromSnapshot(snapshot: OrderSnapshot, source: EventSource): StoredCare {
  const paymentGateways = [...new Set(snapshot.paymentGateways)];
  return {
    orderGid: snapshot.orderGid,
    name: snapshot.name,
    number: snapshot.number,
    customerId: snapshot.customerId,
    customerLocale: snapshot.customerLocale,
    emailConsent: snapshot.emailConsent,
    emailConsentAt: snapshot.emailConsent === null ? null : snapshot.updatedAt,
    placedAt: snapshot.placedAt,
    paidAt: showsPaid(snapshot.financialStatus) ? snapshot.updatedAt : null,
    cancelledAt: snapshot.cancelledAt,
    closedAt: snapshot.closedAt,
    financialStatus: snapshot.financialStatus,
    fulfillmentStatus: snapshot.fulfillmentStatus,
    paymentGateways,
    cashOnDelivery: isCashOnDelivery(paymentGateways),
    shippingCountry: snapshot.shippingCountry,
    shippingZone: snapshot.shippingZone,
    totalPrice: snapshot.totalPrice,
    currency: snapshot.currency,
    tags: [...new Set(snapshot.tags)].sort(),
    shippingMethod: snapshot.shippingMethod,
    discountCodes: [...new Set(snapshot.discountCodes)].sort(),
    shopifyUpdatedAt: snapshot.updatedAt,
    lastSource: source,
  };
}

// Fields taken from the newest snapshot; the others have rules of their own.
const CURRENT_CARE_FIELDS = [
  "orderGid",
  "name",
  "number",
  "customerId",
  "customerLocale",
  "placedAt",
  "cancelledAt",
  "closedAt",
  "financialStatus",
  "fulfillmentStatus",
  "paymentGateways",
  "shippingCountry",
  "shippingZone",
  "totalPrice",
  "currency",
  "tags",
  "shippingMethod",
  "discountCodes",
  "shopifyUpdatedAt",
  "lastSource",
] as const satisfies readonly (keyof StoredCare)[];

export function mergeCare(stored: StoredCare | null, incoming: StoredCare): StoredCare {
  if (stored === null) return incoming;
  const current = newest(stored, incoming, stored.shopifyUpdatedAt, incoming.shopifyUpdatedAt, CURRENT_CARE_FIELDS);
  const consent = newestValue(
    { value: stored.emailConsent, at: stored.emailConsentAt },
    { value: incoming.emailConsent, at: incoming.emailConsentAt },
  );
  const sameVersion = stored.shopifyUpdatedAt.getTime() === incoming.shopifyUpdatedAt.getTime();
  return {
    ...current,
    lastSource: sameVersion ? preferredSource(stored.lastSource, incoming.lastSource) : current.lastSource,
    emailConsent: consent.value,
    emailConsentAt: consent.at,
    paidAt: earliest(stored.paidAt, incoming.paidAt),
    cashOnDelivery: isCashOnDelivery(current.paymentGateways),
  };
}

// When two sources report the same version of the order, it is credited to the one that
// delivers news as it happens.
const SOURCE_PRECEDENCE: readonly EventSource[] = ["webhook", "reconciliation", "backfill", "merchant", "shopper"];

function preferredSource(a: EventSource, b: EventSource): EventSource {
  return SOURCE_PRECEDENCE.indexOf(a) <= SOURCE_PRECEDENCE.indexOf(b) ? a : b;
}

// --- fulfillments and refunds -----------------------------------------------------------------

export function fulfillmentFromSnapshot(snapshot: FulfillmentSnapshot): StoredFulfillment {
  return {
    fulfillmentId: snapshot.fulfillmentId,
    orderId: snapshot.orderId,
    status: snapshot.status,
    shipmentStatus: snapshot.shipmentStatus,
    trackingCompany: snapshot.trackingCompany,
    trackingNumber: snapshot.trackingNumber,
    trackingUrl: snapshot.trackingUrl,
    estimatedDeliveryAt: snapshot.estimatedDeliveryAt,
    estimatedDeliveryAsOf: snapshot.estimatedDeliveryAt === null ? null : snapshot.updatedAt,
    inTransitAt: snapshot.inTransitAt,
    deliveredAt: snapshot.deliveredAt,
    createdAt: snapshot.createdAt,
    shopifyUpdatedAt: snapshot.updatedAt,
  };
}

const CURRENT_FULFILLMENT_FIELDS = [
  "fulfillmentId",
  "orderId",
  "status",
  "shipmentStatus",
  "trackingCompany",
  "trackingNumber",
  "trackingUrl",
  "createdAt",
  "shopifyUpdatedAt",
] as const satisfies readonly (keyof StoredFulfillment)[];

export function mergeFulfillment(stored: StoredFulfillment | undefined, incoming: StoredFulfillment): StoredFulfillment {
  if (stored === undefined) return incoming;
  const current = newest(stored, incoming, stored.shopifyUpdatedAt, incoming.shopifyUpdatedAt, CURRENT_FULFILLMENT_FIELDS);
  const estimate = newestValue(
    { value: stored.estimatedDeliveryAt, at: stored.estimatedDeliveryAsOf },
    { value: incoming.estimatedDeliveryAt, at: incoming.estimatedDeliveryAsOf },
  );
  return {
    ...current,
    estimatedDeliveryAt: estimate.value,
    estimatedDeliveryAsOf: estimate.at,
    inTransitAt: earliest(stored.inTransitAt, incoming.inTransitAt),
    deliveredAt: earliest(stored.deliveredAt, incoming.deliveredAt),
  };
}

function mergeFulfillmentInto(fulfillments: StoredFulfillment[], snapshot: FulfillmentSnapshot): StoredFulfillment[] {
  const incoming = fulfillmentFromSnapshot(snapshot);
  const stored = fulfillments.find((fulfillment) => fulfillment.fulfillmentId === incoming.fulfillmentId);
  const merged = mergeFulfillment(stored, incoming);
  return [...fulfillments.filter((fulfillment) => fulfillment !== stored), merged].sort((a, b) => compareIds(a.fulfillmentId, b.fulfillmentId));
}

export function refundFromSnapshot(snapshot: RefundSnapshot): StoredRefund {
  return {
    refundId: snapshot.refundId,
    orderId: snapshot.orderId,
    createdAt: snapshot.createdAt,
    amount: snapshot.amount,
    currency: snapshot.currency,
  };
}

const REFUND_FIELDS = ["refundId", "orderId", "createdAt", "amount", "currency"] as const satisfies readonly (keyof StoredRefund)[];

/** A refund never changes; two sources that describe it differently are joined field by field. */
export function mergeRefund(stored: StoredRefund | undefined, incoming: StoredRefund): StoredRefund {
  return stored === undefined ? incoming : joinFields(stored, incoming, REFUND_FIELDS);
}

function mergeRefundInto(refunds: StoredRefund[], snapshot: RefundSnapshot): StoredRefund[] {
  const incoming = refundFromSnapshot(snapshot);
  const stored = refunds.find((refund) => refund.refundId === incoming.refundId);
  const merged = mergeRefund(stored, incoming);
  return [...refunds.filter((refund) => refund !== stored), merged].sort((a, b) => compareIds(a.refundId, b.refundId));
}

// --- the joins --------------------------------------------------------------------------------

/** Numeric ids in numeric order (shorter first), then as text. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The newer record's `fields`; for two equally new records, both joined field by field. */
function newest<T, K extends keyof T>(stored: T, incoming: T, storedAt: Date, incomingAt: Date, fields: readonly K[]): T {
  const order = storedAt.getTime() - incomingAt.getTime();
  if (order > 0) return stored;
  if (order < 0) return { ...stored, ...pick(incoming, fields) };
  return joinFields(stored, incoming, fields);
}

function pick<T, K extends keyof T>(record: T, fields: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const field of fields) picked[field] = record[field];
  return picked;
}

function joinFields<T, K extends keyof T>(a: T, b: T, fields: readonly K[]): T {
  const joined = { ...a };
  for (const field of fields) joined[field] = joinValue(a[field], b[field]);
  return joined;
}

/**
 * Two values that are equally new: a known value beats null, and of two different known
 * values the one whose canonical text sorts last wins, so the result never depends on which
 * arrived first.
 */
export function joinValue<V>(a: V, b: V): V {
  if (a === null || a === undefined) return b;
  if (b === null || b === undefined) return a;
  return canonical(a) >= canonical(b) ? a : b;
}

/** The value recorded with the latest `at`; a null value never replaces a known one. */
function newestValue<V>(stored: { value: V | null; at: Date | null }, incoming: { value: V | null; at: Date | null }) {
  if (incoming.value === null || incoming.at === null) return stored;
  if (stored.value === null || stored.at === null) return incoming;
  const order = stored.at.getTime() - incoming.at.getTime();
  if (order !== 0) return order > 0 ? stored : incoming;
  return { value: joinValue(stored.value, incoming.value), at: stored.at };
}

export function earliest(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.getTime() <= b.getTime() ? a : b;
}

function canonical(value: unknown): string {
  return value instanceof Date ? value.toISOString() : JSON.stringify(value);
}

/** Deep equality of plain data (objects, arrays, dates, primitives), key order ignored. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return (
      keysA.length === keysB.length &&
      keysA.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
    );
  }
  return Object.is(a, b);
}
