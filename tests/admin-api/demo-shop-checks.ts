// Internal-consistency rules the demo shop must satisfy for any seed and `now`.
// Each check returns human-readable violations (empty = fine), so a failing
// test names the order and the rule.

import type { DemoShop, FulfillmentRecord, MoneyBag, OrderRecord } from "./demo-types.ts";

const cents = (amount: string) => Math.round(Number(amount) * 100);
const ms = (iso: string | null) => (iso === null ? Number.NaN : Date.parse(iso));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

type Check = (order: OrderRecord, now: number) => string[];

function moneyChecks(o: OrderRecord): string[] {
  const out: string[] = [];
  const bags: [string, MoneyBag][] = [
    ["subtotalPriceSet", o.subtotalPriceSet], ["totalShippingPriceSet", o.totalShippingPriceSet], ["totalPriceSet", o.totalPriceSet],
    ["totalRefundedSet", o.totalRefundedSet], ["totalTaxSet", o.totalTaxSet], ["totalOutstandingSet", o.totalOutstandingSet],
  ];
  for (const [name, bag] of bags) {
    if (bag.shopMoney.currencyCode !== "EUR") out.push(`${name} shop currency ${bag.shopMoney.currencyCode}`);
    if (bag.presentmentMoney.currencyCode !== o.presentmentCurrencyCode) out.push(`${name} presentment currency mismatch`);
  }
  for (const side of ["shopMoney", "presentmentMoney"] as const) {
    const total = cents(o.totalPriceSet[side].amount);
    if (cents(o.subtotalPriceSet[side].amount) + cents(o.totalShippingPriceSet[side].amount) !== total) out.push(`${side}: subtotal + shipping != total`);
    const lines = sum(o.lineItems.map((l) => cents(l.originalTotalSet[side].amount)));
    if (lines !== cents(o.subtotalPriceSet[side].amount)) out.push(`${side}: line totals != subtotal`);
    const refunded = cents(o.totalRefundedSet[side].amount);
    if (refunded > total) out.push(`${side}: refunded ${refunded} > total ${total}`);
    if (refunded !== sum(o.refunds.map((r) => cents(r.totalRefundedSet[side].amount)))) out.push(`${side}: totalRefundedSet != sum of refunds`);
    for (const l of o.lineItems) {
      if (cents(l.originalUnitPriceSet[side].amount) * l.quantity !== cents(l.originalTotalSet[side].amount)) out.push(`${l.name}: unit x qty != total`);
    }
  }
  if (o.currencyCode === o.presentmentCurrencyCode && o.totalPriceSet.shopMoney.amount !== o.totalPriceSet.presentmentMoney.amount) {
    out.push("same currency but different shop/presentment amounts");
  }
  return out;
}

function fulfillmentChecks(o: OrderRecord, f: FulfillmentRecord, now: number): string[] {
  const out: string[] = [];
  const created = ms(f.createdAt);
  if (created < ms(o.createdAt)) out.push(`${f.name} created before the order`);
  if (created > now || ms(f.updatedAt) > now) out.push(`${f.name} in the future`);
  if (f.inTransitAt !== null && ms(f.inTransitAt) < created) out.push(`${f.name} in transit before it was created`);
  if (f.displayStatus === "DELIVERED") {
    if (f.deliveredAt === null || f.inTransitAt === null) out.push(`${f.name} DELIVERED without deliveredAt/inTransitAt`);
    else if (ms(f.deliveredAt) < ms(f.inTransitAt) || ms(f.deliveredAt) > now) out.push(`${f.name} deliveredAt out of order`);
  } else if (f.deliveredAt !== null) out.push(`${f.name} has deliveredAt but is ${f.displayStatus}`);
  const tracked = f.trackingInfo.length > 0;
  if (!tracked && f.displayStatus !== "FULFILLED") out.push(`${f.name} untracked but ${f.displayStatus}`);
  const lastEvent = f.events[f.events.length - 1];
  if (tracked && lastEvent && lastEvent.status !== f.displayStatus) out.push(`${f.name} displayStatus != last event`);
  const times = f.events.map((e) => ms(e.happenedAt));
  if (times.some((t, i) => t > now || t < (times[i - 1] ?? t))) out.push(`${f.name} events unordered or in the future`);
  if (f.totalQuantity !== sum(f.fulfillmentLineItems.map((fl) => fl.quantity))) out.push(`${f.name} totalQuantity mismatch`);
  for (const t of f.trackingInfo) if (!t.company || !t.number || !t.url.startsWith("https://")) out.push(`${f.name} incomplete tracking`);
  return out;
}

function timelineChecks(o: OrderRecord, now: number): string[] {
  const out: string[] = [];
  const created = ms(o.createdAt);
  if (!(created < now) || now - created > 60 * 86_400_000) out.push("createdAt outside the 60 days before now");
  if (ms(o.updatedAt) < created || ms(o.updatedAt) > now) out.push("updatedAt out of range");
  if (o.processedAt !== o.createdAt) out.push("processedAt != createdAt");
  const events = [o.closedAt, o.cancelledAt, ...o.fulfillments.map((f) => f.updatedAt), ...o.refunds.map((r) => r.createdAt)];
  for (const t of events) if (t !== null && (ms(t) < created || ms(t) > ms(o.updatedAt))) out.push(`event ${t} outside createdAt..updatedAt`);
  if (o.closed !== (o.closedAt !== null)) out.push("closed flag disagrees with closedAt");
  for (const f of o.fulfillments) out.push(...fulfillmentChecks(o, f, now));
  return out;
}

function statusChecks(o: OrderRecord): string[] {
  const out: string[] = [];
  const total = cents(o.totalPriceSet.presentmentMoney.amount);
  const refunded = cents(o.totalRefundedSet.presentmentMoney.amount);
  const status = o.displayFinancialStatus;
  if (status === "PAID" && refunded !== 0) out.push("PAID with refunds");
  if (status === "REFUNDED" && refunded !== total) out.push("REFUNDED but not fully");
  if (status === "PARTIALLY_REFUNDED" && !(refunded > 0 && refunded < total)) out.push("PARTIALLY_REFUNDED amount off");
  if ((status === "PENDING" || status === "VOIDED") && refunded !== 0) out.push(`${status} with refunds`);
  if (o.cancelledAt !== null) {
    if (o.cancelReason === null) out.push("cancelled without reason");
    if (o.fulfillments.length > 0) out.push("cancelled but fulfilled");
    if (!["VOIDED", "REFUNDED"].includes(status)) out.push(`cancelled but ${status}`);
    if (o.closedAt !== o.cancelledAt) out.push("cancelled but closedAt differs");
  } else if (o.cancelReason !== null) out.push("cancelReason without cancelledAt");
  const cod = o.paymentGatewayNames.includes("Cash on Delivery (COD)");
  const allDelivered = o.fulfillments.length > 0 && o.displayFulfillmentStatus === "FULFILLED" && o.fulfillments.every((f) => f.displayStatus === "DELIVERED");
  if (cod && !allDelivered && o.cancelledAt === null && status !== "PENDING") out.push(`COD not delivered but ${status}`);
  if (o.unpaid === o.fullyPaid) out.push("unpaid and fullyPaid agree");
  return out;
}

function quantityChecks(o: OrderRecord): string[] {
  const out: string[] = [];
  const shipped = new Map<string, number>();
  for (const f of o.fulfillments) for (const fl of f.fulfillmentLineItems) shipped.set(fl.lineItem.id, (shipped.get(fl.lineItem.id) ?? 0) + fl.quantity);
  for (const l of o.lineItems) {
    const expectedOpen = o.cancelledAt !== null ? 0 : l.quantity - (shipped.get(l.id) ?? 0);
    if (l.unfulfilledQuantity !== expectedOpen) out.push(`${l.name}: unfulfilledQuantity ${l.unfulfilledQuantity} != ${expectedOpen}`);
    if (!(l.currentQuantity >= 0 && l.currentQuantity <= l.quantity)) out.push(`${l.name}: currentQuantity out of range`);
  }
  const ordered = sum(o.lineItems.map((l) => l.quantity));
  const total = sum([...shipped.values()]);
  const expected = total === 0 ? "UNFULFILLED" : total >= ordered ? "FULFILLED" : "PARTIALLY_FULFILLED";
  if (o.displayFulfillmentStatus !== expected) out.push(`displayFulfillmentStatus ${o.displayFulfillmentStatus} != ${expected}`);
  if (o.subtotalLineItemsQuantity !== ordered) out.push("subtotalLineItemsQuantity mismatch");
  return out;
}

const ORDER_CHECKS: Check[] = [moneyChecks, timelineChecks, statusChecks, quantityChecks];

export function orderViolations(order: OrderRecord, now: number): string[] {
  return ORDER_CHECKS.flatMap((check) => check(order, now)).map((problem) => `${order.name}: ${problem}`);
}

export function customerViolations(demo: DemoShop): string[] {
  const out: string[] = [];
  const counts = new Map<string, number>();
  for (const o of demo.orders) counts.set(o.customer.id, (counts.get(o.customer.id) ?? 0) + 1);
  const known = new Set(demo.customers);
  for (const o of demo.orders) if (!known.has(o.customer)) out.push(`${o.name}: customer is not one of demo.customers`);
  for (const c of demo.customers) {
    if (String(counts.get(c.id) ?? 0) !== c.numberOfOrders) out.push(`${c.displayName}: numberOfOrders ${c.numberOfOrders} != ${counts.get(c.id) ?? 0}`);
    if (c.amountSpent.currencyCode !== "EUR" || !/^\d+\.\d{2}$/.test(c.amountSpent.amount)) out.push(`${c.displayName}: amountSpent malformed`);
    if (c.displayName !== `${c.firstName} ${c.lastName}`) out.push(`${c.displayName}: displayName mismatch`);
  }
  for (const o of demo.orders) {
    if (o.email !== o.customer.defaultEmailAddress.emailAddress) out.push(`${o.name}: email differs from customer`);
    if (ms(o.customer.createdAt) > ms(o.createdAt)) out.push(`${o.name}: customer created after the order`);
  }
  return out;
}

export function demoShopViolations(demo: DemoShop, now: number): string[] {
  return [...demo.orders.flatMap((o) => orderViolations(o, now)), ...customerViolations(demo)];
}
