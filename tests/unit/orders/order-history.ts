// Realistic event histories of one order, for the property tests: an order is placed (paid
// by card, or cash on delivery and paid later), parcels are created and move through the
// carrier's statuses, refunds, a cancellation, tags, closing, and reconciliation reads that
// come with what only GraphQL knows (email consent, transit and delivery times, estimates).
//
// What Shopify sends for each step is imitated: an order change sends orders/updated with
// the whole order (and orders/paid, orders/cancelled, orders/fulfilled with the same body);
// a carrier update sends fulfillments/update only (the order's updated_at does not move).
import fc from "fast-check";
import type { EventSource, FulfillmentSnapshot, OrderEvent, OrderSnapshot, RefundSnapshot, ShipmentStatus } from "~/orders/order-snapshot";

export type Step =
  | { type: "pay" }
  | { type: "ship"; tracked: boolean; route: number }
  | { type: "advance"; which: number }
  | { type: "retrack"; which: number }
  | { type: "refund"; cents: number }
  | { type: "cancel" }
  | { type: "close" }
  | { type: "tag"; tag: string }
  | { type: "reconcile"; consent: string | null; estimateDays: number };

export type Script = {
  orderId: string;
  cod: boolean;
  lines: number;
  totalCents: number;
  start: Date;
  steps: [Step, number][]; // the step and the minutes since the previous one
  duplicates: number[]; // events delivered twice (indexes, modulo the number of events)
};

export type History = {
  script: Script;
  /** In the order Shopify produced them. */
  events: OrderEvent[];
  /** The last order snapshot Shopify produced, and the last version of each parcel. */
  newestOrder: OrderSnapshot;
  newestParcels: FulfillmentSnapshot[];
  paidAt: Date | null;
};

// Each parcel follows one carrier route.
const ROUTES: ShipmentStatus[][] = [
  ["confirmed", "in_transit", "out_for_delivery", "delivered"],
  ["in_transit", "out_for_delivery", "attempted_delivery", "out_for_delivery", "delivered"],
  ["label_printed", "carrier_picked_up", "in_transit", "failure"],
];

// Weighted so that parcels get far along their routes before the story ends.
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ type: "pay" as const }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant("ship" as const), tracked: fc.boolean(), route: fc.nat(ROUTES.length - 1) }) },
  { weight: 9, arbitrary: fc.record({ type: fc.constant("advance" as const), which: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("retrack" as const), which: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("refund" as const), cents: fc.integer({ min: 100, max: 6000 }) }) },
  { weight: 1, arbitrary: fc.constant({ type: "cancel" as const }) },
  { weight: 1, arbitrary: fc.constant({ type: "close" as const }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("tag" as const), tag: fc.constantFrom("vip", "gift", "repeat", "b2b") }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("reconcile" as const),
      consent: fc.constantFrom("SUBSCRIBED", "NOT_SUBSCRIBED", "UNSUBSCRIBED", null),
      estimateDays: fc.integer({ min: 1, max: 9 }),
    }),
  },
);

export function scriptArbitrary(options: { maxSteps?: number } = {}): fc.Arbitrary<Script> {
  return fc.record({
    orderId: fc.integer({ min: 1_000_000, max: 9_999_999_999 }).map(String),
    cod: fc.boolean(),
    lines: fc.integer({ min: 1, max: 3 }),
    totalCents: fc.integer({ min: 500, max: 40_000 }),
    start: fc.date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2027-01-01T00:00:00Z"), noInvalidDate: true }),
    steps: fc.array(fc.tuple(step, fc.integer({ min: 1, max: 3 * 24 * 60 })), { maxLength: options.maxSteps ?? 20 }),
    duplicates: fc.array(fc.nat(), { maxLength: 4 }),
  });
}

const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;

type Parcel = {
  id: string;
  route: ShipmentStatus[];
  position: number; // -1: no carrier status yet
  tracking: string | null;
  createdAt: Date;
  updatedAt: Date;
  inTransitAt: Date | null;
  deliveredAt: Date | null;
};

/** Plays a script and returns the events Shopify would have sent, in the order it sent them. */
export function playScript(script: Script): History {
  const events: OrderEvent[] = [];
  let now = script.start;
  let orderUpdatedAt = now;
  let financialStatus = script.cod ? "pending" : "paid";
  let paidAt: Date | null = script.cod ? null : now;
  let cancelledAt: Date | null = null;
  let closedAt: Date | null = null;
  let refundedCents = 0;
  const tags = new Set<string>();
  const parcels: Parcel[] = [];
  const refunds: RefundSnapshot[] = [];
  let next = 1;
  const newId = (base: number) => String(base + next++);

  const parcelSnapshot = (parcel: Parcel, graphql?: { estimateDays: number }): FulfillmentSnapshot => ({
    fulfillmentId: parcel.id,
    orderId: script.orderId,
    status: "success",
    shipmentStatus: parcel.route[parcel.position] ?? null,
    trackingCompany: parcel.tracking ? "InPost" : null,
    trackingNumber: parcel.tracking,
    trackingUrl: parcel.tracking ? `https://inpost.example/${parcel.tracking}` : null,
    estimatedDeliveryAt: graphql && parcel.tracking ? new Date(parcel.createdAt.getTime() + graphql.estimateDays * 86_400_000) : null,
    inTransitAt: graphql ? parcel.inTransitAt : null,
    deliveredAt: graphql ? parcel.deliveredAt : null,
    createdAt: parcel.createdAt,
    updatedAt: parcel.updatedAt,
  });

  const orderSnapshot = (graphql?: { consent: string | null; estimateDays: number }): OrderSnapshot => ({
    orderId: script.orderId,
    orderGid: `gid://shopify/Order/${script.orderId}`,
    name: "#1187",
    number: 1187,
    customerId: "8840021101",
    customerLocale: "pl",
    emailConsent: graphql ? graphql.consent : null,
    placedAt: script.start,
    processedAt: script.start,
    cancelledAt,
    cancelReason: cancelledAt ? "customer" : null,
    closedAt,
    financialStatus,
    fulfillmentStatus: parcels.length === 0 ? null : parcels.length >= script.lines ? "fulfilled" : "partial",
    confirmed: true,
    paymentGateways: script.cod ? ["Cash on Delivery (COD)"] : ["shopify_payments"],
    shippingCountry: "PL",
    shippingZone: "PL-12",
    totalPrice: money(script.totalCents - refundedCents),
    currency: "EUR",
    tags: [...tags].sort(),
    shippingMethod: "InPost Paczkomat",
    discountCodes: [],
    updatedAt: orderUpdatedAt,
    fulfillments: parcels.map((parcel) => parcelSnapshot(parcel, graphql)),
    refunds: [...refunds],
  });

  const emit = (event: OrderEvent) => events.push(event);
  const orderChanged = (topics: number, source: EventSource = "webhook") => {
    orderUpdatedAt = now;
    const snapshot = orderSnapshot();
    // orders/updated, plus orders/paid, orders/cancelled or orders/fulfilled with the same body.
    for (let copy = 0; copy < topics; copy += 1) emit({ kind: "order", source, snapshot });
  };

  emit({ kind: "order", source: "webhook", snapshot: orderSnapshot() }); // orders/create

  for (const [action, minutes] of script.steps) {
    now = new Date(now.getTime() + minutes * 60_000);
    switch (action.type) {
      case "pay":
        if (financialStatus !== "pending" || cancelledAt) break;
        financialStatus = "paid";
        paidAt ??= now;
        orderChanged(2);
        break;
      case "ship": {
        if (cancelledAt || parcels.length >= script.lines) break;
        const parcel: Parcel = {
          id: newId(5_300_000_000),
          route: ROUTES[action.route] ?? [],
          position: -1,
          tracking: action.tracked ? `TRK${next}` : null,
          createdAt: now,
          updatedAt: now,
          inTransitAt: null,
          deliveredAt: null,
        };
        parcels.push(parcel);
        emit({ kind: "fulfillment", source: "webhook", fulfillment: parcelSnapshot(parcel) }); // fulfillments/create
        orderChanged(parcels.length >= script.lines ? 2 : 1);
        break;
      }
      case "advance": {
        const parcel = parcels[action.which % Math.max(parcels.length, 1)];
        if (!parcel || parcel.position + 1 >= parcel.route.length) break;
        parcel.position += 1;
        parcel.updatedAt = now;
        const status = parcel.route[parcel.position];
        if (status === "in_transit" || status === "carrier_picked_up") parcel.inTransitAt ??= now;
        if (status === "delivered") parcel.deliveredAt ??= now;
        emit({ kind: "fulfillment", source: "webhook", fulfillment: parcelSnapshot(parcel) }); // fulfillments/update
        break;
      }
      case "retrack": {
        const parcel = parcels[action.which % Math.max(parcels.length, 1)];
        if (!parcel) break;
        parcel.tracking = `TRK${next++}`;
        parcel.updatedAt = now;
        emit({ kind: "fulfillment", source: "webhook", fulfillment: parcelSnapshot(parcel) });
        break;
      }
      case "refund": {
        const left = script.totalCents - refundedCents;
        if (paidAt === null || left <= 0) break;
        const cents = Math.min(action.cents, left);
        refundedCents += cents;
        const refund: RefundSnapshot = { refundId: newId(1_044_000_000), orderId: script.orderId, createdAt: now, amount: money(cents), currency: "EUR" };
        refunds.push(refund);
        financialStatus = refundedCents >= script.totalCents ? "refunded" : "partially_refunded";
        emit({ kind: "refund", source: "webhook", refund }); // refunds/create
        orderChanged(1);
        break;
      }
      case "cancel":
        if (cancelledAt) break;
        cancelledAt = now;
        closedAt ??= now;
        if (financialStatus === "pending") financialStatus = "voided";
        orderChanged(2);
        break;
      case "close":
        if (closedAt) break;
        closedAt = now;
        orderChanged(1);
        break;
      case "tag":
        if (tags.has(action.tag)) break;
        tags.add(action.tag);
        orderChanged(1);
        break;
      case "reconcile":
        // The order as GraphQL returns it now: the same updatedAt as the last order change.
        emit({ kind: "order", source: "reconciliation", snapshot: orderSnapshot({ consent: action.consent, estimateDays: action.estimateDays }) });
        break;
    }
  }

  const chronological = [...events];
  for (const index of script.duplicates) {
    const event = chronological[index % chronological.length];
    if (event) events.push(event);
  }
  const newestOrder = [...chronological].reverse().find((event) => event.kind === "order" && event.source === "webhook");
  if (newestOrder?.kind !== "order") throw new Error("a history starts with orders/create");
  return { script, events, newestOrder: newestOrder.snapshot, newestParcels: parcels.map((parcel) => parcelSnapshot(parcel)), paidAt };
}

export const historyArbitrary = (options: { maxSteps?: number } = {}) => scriptArbitrary(options).map(playScript);

/** JSON with sorted keys and ISO dates: equal text, equal data. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    return Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}
