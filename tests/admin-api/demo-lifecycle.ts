// What happens to an order after checkout, planned on an absolute timeline
// (epoch ms) independent of "now": payment, cancellation, one or two
// shipments with their carrier events, and refunds. Building the records later
// keeps only what has already happened at `now`, so older orders come out
// delivered and closed while the newest are still waiting to be packed.

import type { Carrier } from "./demo-carriers.ts";
import type { CountryProfile, PaymentMethod } from "./demo-countries.ts";
import type { CentsPair } from "./demo-money.ts";
import { addPairs, timesPair } from "./demo-money.ts";
import { itemAt } from "./demo-lists.ts";
import type { DemoRandom } from "./demo-random.ts";
import { addBusinessDays, DAY, HOUR, isWeekend, skipSunday, startOfUtcDay } from "./demo-time.ts";
import type { OrderCancelReason, RefundRestockType } from "./demo-types.ts";

export type CartLine = {
  productType: string;
  unit: CentsPair;
  quantity: number;
  madeToOrder: boolean;
  isGift: boolean;
};

export type Cart = {
  lines: CartLine[];
  subtotal: CentsPair;
  shipping: CentsPair;
  total: CentsPair;
};

export type ShipmentOutcome = "delivered" | "attempted" | "failure" | "stuck";

export type ShipmentPlan = {
  /** Quantity of each cart line (by index) in this parcel. */
  quantities: number[];
  createdAt: number;
  tracking: { carrier: Carrier; number: string } | null;
  inTransitAt: number;
  estimatedAt: number | null;
  outcome: ShipmentOutcome;
  delayedAt: number | null;
  attemptAt: number | null;
  outForDeliveryAt: number | null;
  deliveredAt: number | null;
  failedAt: number | null;
};

export type RefundKind = "cancelled" | "damaged_item" | "goodwill" | "late_shipping" | "returned" | "returned_to_sender";

export type RefundPlan = {
  at: number;
  kind: RefundKind;
  note: string;
  amount: CentsPair;
  lines: { index: number; quantity: number; restockType: RefundRestockType }[];
};

export type OrderPlan = {
  method: PaymentMethod;
  /** When the money was received; null while (or if never) paid. */
  paidAt: number | null;
  cancel: { at: number; reason: OrderCancelReason } | null;
  shipments: ShipmentPlan[];
  refunds: RefundPlan[];
};

export type PlanContext = { createdAt: number; country: CountryProfile; cart: Cart; method: PaymentMethod };

const isPrepaid = (method: PaymentMethod) => method === "shopify_payments" || method === "paypal";

// --- payment & cancellation -------------------------------------------------------

function planPrepayment(random: DemoRandom, ctx: PlanContext): number | null {
  if (isPrepaid(ctx.method)) return ctx.createdAt;
  // A bank transfer arrives after a day or three, or never.
  if (ctx.method === "bank_deposit") return random.chance(0.7) ? ctx.createdAt + random.float(0.6, 3) * DAY : null;
  return null; // cash on delivery: settled once the parcel is delivered
}

function planCancel(random: DemoRandom, ctx: PlanContext, paidAt: number | null): OrderPlan["cancel"] {
  if (ctx.method === "bank_deposit" && paidAt === null) return { at: ctx.createdAt + 7 * DAY, reason: "OTHER" };
  if (!random.chance(0.035)) return null;
  const reason: OrderCancelReason =
    ctx.method === "cod"
      ? random.weighted([["CUSTOMER", 70], ["INVENTORY", 15], ["OTHER", 15]])
      : random.weighted([["CUSTOMER", 55], ["INVENTORY", 20], ["FRAUD", 10], ["DECLINED", 10], ["OTHER", 5]]);
  return { at: ctx.createdAt + random.float(0.3, 20) * HOUR, reason };
}

// --- shipping ------------------------------------------------------------------------

/** When the parcel is packed and labelled: same afternoon for morning orders, else 1–3 business days. */
export function packingTime(random: DemoRandom, readyAt: number): number {
  const businessDays = random.weighted([[0, 35], [1, 45], [2, 14], [3, 6]]);
  const hour = (readyAt - startOfUtcDay(readyAt)) / HOUR;
  if (businessDays === 0 && !isWeekend(readyAt) && hour < 13) return readyAt + random.float(1, 4) * HOUR;
  return addBusinessDays(readyAt, Math.max(1, businessDays)) + random.float(8, 16.5) * HOUR;
}

function arrivalTime(random: DemoRandom, inTransitAt: number, days: number): number {
  return skipSunday(startOfUtcDay(inTransitAt + days * DAY) + random.float(8.5, 17) * HOUR);
}

function morningOf(random: DemoRandom, ms: number): number {
  return startOfUtcDay(ms) + random.float(5.5, 7.5) * HOUR;
}

export function pickOutcome(random: DemoRandom, method: PaymentMethod): ShipmentOutcome {
  // Cash-on-delivery parcels get refused or left unclaimed more often.
  const failure = method === "cod" ? 4 : 1.2;
  return random.weighted([["delivered", 92], ["attempted", 4], ["failure", failure], ["stuck", 1.5]]);
}

/** Carrier timeline for a parcel labelled at `createdAt`. */
export function planTransit(
  random: DemoRandom,
  country: CountryProfile,
  createdAt: number,
  quantities: number[],
  tracked: boolean,
  outcome: ShipmentOutcome,
): ShipmentPlan {
  const inTransitAt = skipSunday(createdAt + random.float(3, 22) * HOUR);
  const expected = country.transitDays;
  const estimatedAt = random.chance(0.85) ? skipSunday(startOfUtcDay(inTransitAt + expected * DAY) + 18 * HOUR) : null;
  const actual = Math.max(1, expected + random.weighted([[-1, 15], [0, 45], [1, 25], [2, 10], [4, 5]]));
  const arrival = arrivalTime(random, inTransitAt, actual);
  const carrier = random.weighted(country.carriers);
  const plan: ShipmentPlan = {
    quantities,
    createdAt,
    tracking: tracked ? { carrier, number: carrier.trackingNumber(random) } : null,
    inTransitAt,
    estimatedAt,
    outcome,
    delayedAt: null,
    attemptAt: null,
    outForDeliveryAt: null,
    deliveredAt: null,
    failedAt: null,
  };
  return applyOutcome(random, plan, arrival);
}

/** Fill in the delivery events of `plan` for its outcome, the first delivery attempt being at `arrival`. */
export function applyOutcome(random: DemoRandom, plan: ShipmentPlan, arrival: number): ShipmentPlan {
  const p: ShipmentPlan = { ...plan, delayedAt: null, attemptAt: null, outForDeliveryAt: null, deliveredAt: null, failedAt: null };
  if (p.outcome === "delivered") {
    p.deliveredAt = arrival;
    p.outForDeliveryAt = morningOf(random, arrival);
  } else if (p.outcome === "attempted") {
    p.attemptAt = arrival;
    p.deliveredAt = arrivalTime(random, arrival, random.int(1, 3));
    p.outForDeliveryAt = morningOf(random, p.deliveredAt);
  } else if (p.outcome === "failure") {
    p.attemptAt = arrival;
    p.failedAt = arrival + random.float(4, 8) * DAY;
  } else if (random.chance(0.4)) {
    p.delayedAt = (p.estimatedAt ?? arrival) + random.float(1, 3) * DAY;
  }
  return p;
}

function lineGroups(random: DemoRandom, cart: Cart, method: PaymentMethod): { now: number[]; later: number[] } {
  const indexes = cart.lines.map((_, i) => i);
  const line = (i: number) => itemAt(cart.lines, i);
  let later = indexes.filter((i) => line(i).madeToOrder);
  // Now and then one item is out of stock and follows in a second parcel.
  const sellable = indexes.filter((i) => !line(i).isGift && !line(i).madeToOrder);
  if (later.length === 0 && sellable.length >= 2 && random.chance(0.05)) later = [random.pick(sellable)];
  const first = indexes.filter((i) => !later.includes(i));
  // Cash-on-delivery orders always travel as a single parcel.
  if (method === "cod" || first.every((i) => line(i).isGift)) return { now: [], later: indexes };
  return { now: first, later };
}

const quantitiesFor = (cart: Cart, indexes: number[]) => cart.lines.map((line, i) => (indexes.includes(i) ? line.quantity : 0));

function planShipments(random: DemoRandom, ctx: PlanContext, readyAt: number): ShipmentPlan[] {
  const groups = lineGroups(random, ctx.cart, ctx.method);
  const parcels: { at: number; lines: number[] }[] = [];
  if (groups.now.length > 0) parcels.push({ at: packingTime(random, readyAt), lines: groups.now });
  if (groups.later.length > 0) {
    const waitDays = random.chance(0.25) ? random.int(14, 24) : random.int(5, 11);
    const made = ctx.cart.lines.some((l) => l.madeToOrder);
    const at = made || parcels.length > 0 ? addBusinessDays(readyAt, waitDays) + random.float(8, 16) * HOUR : packingTime(random, readyAt);
    parcels.push({ at, lines: groups.later });
  }
  return parcels.map((parcel) => {
    const tracked = ctx.method === "cod" || !random.chance(0.08);
    return planTransit(random, ctx.country, parcel.at, quantitiesFor(ctx.cart, parcel.lines), tracked, pickOutcome(random, ctx.method));
  });
}

/** Payment, cancellation and shipments; refunds and COD settlement come later in {@link settlePlan}. */
export function planOrder(random: DemoRandom, ctx: PlanContext): OrderPlan {
  let paidAt = planPrepayment(random, ctx);
  const cancel = planCancel(random, ctx, paidAt);
  // A declined card never pays; a transfer that would arrive after the cancellation is never sent.
  if (cancel && (cancel.reason === "DECLINED" || (paidAt !== null && paidAt > cancel.at))) paidAt = null;
  const readyAt = ctx.method === "bank_deposit" ? paidAt : ctx.createdAt;
  const shipments = cancel || readyAt === null ? [] : planShipments(random, ctx, readyAt);
  return { method: ctx.method, paidAt, cancel, shipments, refunds: [] };
}

// --- settlement: cash on delivery and refunds ---------------------------------------------

function allLinesShipped(plan: OrderPlan, cart: Cart): boolean {
  return cart.lines.every((line, i) => plan.shipments.reduce((sum, s) => sum + (s.quantities[i] ?? 0), 0) === line.quantity);
}

function codPaidAt(random: DemoRandom, plan: OrderPlan, cart: Cart): number | null {
  if (plan.cancel || plan.shipments.length === 0 || !allLinesShipped(plan, cart)) return null;
  const deliveries = plan.shipments.map((s) => s.deliveredAt);
  if (deliveries.some((d) => d === null)) return null;
  return Math.max(...(deliveries as number[])) + random.float(4, 40) * HOUR;
}

const allLines = (cart: Cart, restockType: RefundRestockType) =>
  cart.lines.map((line, index) => ({ index, quantity: line.quantity, restockType }));

function refundForCancel(plan: OrderPlan, cart: Cart): RefundPlan[] {
  if (!plan.cancel || plan.paidAt === null || plan.paidAt > plan.cancel.at) return [];
  const notes: Record<OrderCancelReason, string> = {
    CUSTOMER: "Order cancelled at the customer's request — full refund.",
    INVENTORY: "Cancelled: item out of stock — full refund.",
    FRAUD: "Cancelled after fraud review — payment refunded.",
    DECLINED: "Payment declined.",
    OTHER: "Order cancelled — full refund.",
    STAFF: "Cancelled by staff — full refund.",
  };
  return [{ at: plan.cancel.at + 2 * 60_000, kind: "cancelled", note: notes[plan.cancel.reason], amount: cart.total, lines: allLines(cart, "CANCEL") }];
}

function damagedItemRefund(random: DemoRandom, cart: Cart, at: number): RefundPlan | null {
  const candidates = cart.lines.map((l, i) => ({ l, i })).filter(({ l }) => !l.isGift && l.unit.presentment > 0);
  if (candidates.length === 0) return null;
  const { l, i } = random.pick(candidates);
  const fragile = l.productType === "Tableware" || l.productType === "Desk" || l.productType === "Candles";
  const note = fragile
    ? "Arrived chipped — customer sent a photo, refunded one unit without return."
    : "Arrived damaged (crushed corner) — refunded one unit, no return needed.";
  return { at, kind: "damaged_item", note, amount: l.unit, lines: [{ index: i, quantity: 1, restockType: "NO_RESTOCK" }] };
}

function deliveredRefund(random: DemoRandom, plan: OrderPlan, cart: Cart, delivered: ShipmentPlan): RefundPlan | null {
  const deliveredAt = delivered.deliveredAt as number;
  const base = Math.max(deliveredAt, plan.paidAt ?? deliveredAt);
  const lateBy = delivered.estimatedAt === null ? 0 : deliveredAt - delivered.estimatedAt;
  if (lateBy > 2 * DAY && cart.shipping.presentment > 0 && random.chance(0.3)) {
    const note = "Shipping refunded: parcel arrived well after the promised date.";
    return { at: base + random.float(0.3, 2) * DAY, kind: "late_shipping", note, amount: cart.shipping, lines: [] };
  }
  const kind = random.weighted<RefundKind | null>([[null, 91], ["damaged_item", 4], ["goodwill", 2.5], ["returned", 2.5]]);
  if (kind === "damaged_item") return damagedItemRefund(random, cart, base + random.float(0.5, 4) * DAY);
  if (kind === "goodwill") {
    const share = random.pick([0.1, 0.15]);
    const note = random.pick([
      `Goodwill gesture (${share * 100}%) — wrong colour sent, customer kept it.`,
      `Goodwill gesture (${share * 100}%) for the slow delivery.`,
      `Goodwill gesture (${share * 100}%) after a complaint about the packaging.`,
    ]);
    return { at: base + random.float(1, 5) * DAY, kind, note, amount: timesPair(cart.subtotal, share), lines: [] };
  }
  if (kind === "returned") {
    const note = "Returned within 14 days — items refunded, original shipping kept.";
    return { at: base + random.float(8, 20) * DAY, kind, note, amount: cart.subtotal, lines: allLines(cart, "RETURN") };
  }
  return null;
}

function planRefunds(random: DemoRandom, plan: OrderPlan, cart: Cart): RefundPlan[] {
  if (plan.cancel) return refundForCancel(plan, cart);
  if (plan.paidAt === null || plan.shipments.length === 0) return [];
  const failed = plan.shipments.find((s) => s.failedAt !== null);
  if (failed && plan.shipments.length === 1) {
    const at = Math.max(failed.failedAt as number, plan.paidAt) + random.float(2, 6) * DAY;
    const note = "Parcel returned to sender by the carrier — full refund.";
    return [{ at, kind: "returned_to_sender", note, amount: cart.total, lines: allLines(cart, "RETURN") }];
  }
  const delivered = plan.shipments.filter((s) => s.deliveredAt !== null);
  if (delivered.length !== plan.shipments.length || !allLinesShipped(plan, cart)) return [];
  const last = delivered.reduce((a, b) => ((a.deliveredAt as number) >= (b.deliveredAt as number) ? a : b));
  const refund = deliveredRefund(random, plan, cart, last);
  return refund ? [refund] : [];
}

/** Settle cash-on-delivery payment and plan refunds, once shipments are final. */
export function settlePlan(random: DemoRandom, plan: OrderPlan, cart: Cart): OrderPlan {
  const paidAt = plan.method === "cod" ? codPaidAt(random, plan, cart) : plan.paidAt;
  const settled = { ...plan, paidAt };
  return { ...settled, refunds: planRefunds(random, settled, cart) };
}

export function refundedTotal(refunds: readonly RefundPlan[]): CentsPair {
  return addPairs(...refunds.map((r) => r.amount));
}
