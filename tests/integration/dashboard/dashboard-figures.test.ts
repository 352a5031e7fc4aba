// The dashboard's figures from a hand-built history in Europe/Paris, on the test database
// (SQLite, and PostgreSQL with TEST_DATABASE=postgres): every figure with its known answer,
// the previous period, cancelled, refunded and partly dispatched orders, an empty shop, and
// another shop's rows that must not count.
import { beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { loadDashboard } from "~/dashboard/dashboard.server";
import { loadOrdersBehind } from "~/dashboard/orders-behind.server";
import { dashboardCsv } from "~/dashboard/dashboard-export.server";
import type { Figure, FigureGroup } from "~/dashboard/indicators";
import { resetDatabase } from "../../support/factories";
import { createFulfillment, createOrder, orderIdFor } from "../orders-admin/order-rows";

const SHOP = "maison-lumen.myshopify.com";
const OTHER = "atelier-nord.myshopify.com";
const EMPTY = "quiet-shop.myshopify.com";
const NOW = new Date("2026-11-25T10:00:00Z"); // Wednesday, 11:00 in Paris
const at = (iso: string) => new Date(iso);
const id = orderIdFor;

function figure(groups: FigureGroup[], figureId: string): Figure {
  const found = groups.flatMap((group) => group.figures).find((entry) => entry.id === figureId);
  if (!found) throw new Error(`no figure ${figureId}`);
  return found;
}

async function seedHistory(shop: string) {
  await prisma.shopSettings.create({ data: { shop, timezone: "Europe/Paris", countryCode: "FR", currency: "EUR" } });
  // 1: confirmed 30 min after being placed, dispatched 5 h 30 after that (on time), delivered in France in 2 days; partly refunded.
  await createOrder(prisma, shop, 1, { placedAt: at("2026-11-19T09:00:00Z"), confirmedAt: at("2026-11-19T09:30:00Z"), customerId: "C1", financialStatus: "partially_refunded", fulfillmentStatus: "fulfilled" });
  await createFulfillment(prisma, shop, id(1), "f1", { createdAt: at("2026-11-19T15:00:00Z"), deliveredAt: at("2026-11-21T15:00:00Z") });
  await prisma.orderRefund.create({ data: { shop, refundId: "r1", orderId: id(1), createdAt: at("2026-11-22T10:00:00Z"), amount: "10.00" } });
  // 2: confirmed late (after cut-off), partly dispatched: the first parcel on Saturday (late), the second on Monday.
  await createOrder(prisma, shop, 2, { placedAt: at("2026-11-19T14:00:00Z"), confirmedAt: at("2026-11-19T14:45:00Z"), customerId: "C1", shippingCountry: "US", fulfillmentStatus: "partial" });
  await createFulfillment(prisma, shop, id(2), "f2a", { createdAt: at("2026-11-21T09:00:00Z"), deliveredAt: at("2026-11-25T09:00:00Z") });
  await createFulfillment(prisma, shop, id(2), "f2b", { createdAt: at("2026-11-23T09:00:00Z") });
  await prisma.orderFlag.create({ data: { shop, orderId: id(2), kind: "unconfirmed", status: "cleared", reason: "Not confirmed", reasonCode: "unconfirmed", since: at("2026-11-19T16:00:00Z"), dueAt: at("2026-11-19T16:00:00Z"), raisedAt: at("2026-11-19T16:00:00Z"), clearedAt: at("2026-11-19T14:45:00Z") } });
  // 3: never dispatched, due Friday 17:00 in Paris: late. Its name needs escaping in a CSV.
  await createOrder(prisma, shop, 3, { name: '=1+1, "x"', placedAt: at("2026-11-20T08:00:00Z"), customerId: "C2" });
  // 4: cancelled, though a parcel left and arrived: no dispatch or delivery figure counts it.
  await createOrder(prisma, shop, 4, { placedAt: at("2026-11-20T10:00:00Z"), cancelledAt: at("2026-11-20T12:00:00Z"), customerId: "C1" });
  await createFulfillment(prisma, shop, id(4), "f4", { createdAt: at("2026-11-20T11:00:00Z"), deliveredAt: at("2026-11-21T11:00:00Z") });
  // 5: awaiting payment: not due.
  await createOrder(prisma, shop, 5, { placedAt: at("2026-11-24T10:00:00Z"), paidAt: null, financialStatus: "pending", customerId: "C5" });
  // 6: placed this morning, due tonight; waiting for confirmation (an open flag).
  await createOrder(prisma, shop, 6, { placedAt: at("2026-11-25T09:00:00Z"), customerId: "C6", cashOnDelivery: true, paidAt: null, financialStatus: "pending" });
  await prisma.orderFlag.create({ data: { shop, orderId: id(6), kind: "unconfirmed", status: "open", reason: "Not confirmed", reasonCode: "unconfirmed", since: at("2026-11-25T09:50:00Z"), dueAt: at("2026-11-25T09:50:00Z"), raisedAt: at("2026-11-25T09:50:00Z") } });
  // 7: placed on Sunday, dispatched Monday (on time: due Monday 17:00), to Germany; refunded, and returned.
  await createOrder(prisma, shop, 7, { placedAt: at("2026-11-22T10:00:00Z"), customerId: "C7", shippingCountry: "DE", financialStatus: "refunded", fulfillmentStatus: "fulfilled" });
  await createFulfillment(prisma, shop, id(7), "f7", { createdAt: at("2026-11-23T10:00:00Z"), deliveredAt: at("2026-11-24T10:00:00Z") });
  // 8: 00:30 on the 19th in Paris (23:30 UTC the day before): this period. Voided: not due.
  await createOrder(prisma, shop, 8, { placedAt: at("2026-11-18T23:30:00Z"), customerId: "C8", financialStatus: "voided" });
  // 9: 23:30 on the 18th in Paris: the previous period; dispatched on time. C2 ordered before.
  await createOrder(prisma, shop, 9, { placedAt: at("2026-11-18T22:30:00Z"), customerId: "C2", fulfillmentStatus: "fulfilled" });
  await createFulfillment(prisma, shop, id(9), "f9", { createdAt: at("2026-11-19T08:00:00Z") });

  const returnCase = (orderId: string, number: string, reason: string, status: string, requestedAt: string) =>
    prisma.returnCase.create({ data: { shop, orderId, returnNumber: number, status, reason, lines: "[]", decision: "{}", labelPaidBy: "shop", source: "shopper", requestedAt: at(requestedAt) } });
  await returnCase(id(7), "R7", "damaged_in_transit", "approved", "2026-11-24T12:00:00Z");
  await returnCase(id(3), "R3", "size_or_fit", "requested", "2026-11-25T09:00:00Z");
  await returnCase(id(6), "R6", "defective", "cancelled", "2026-11-25T09:30:00Z");

  const event = (orderId: string, answer: string, occurredAt: string) =>
    prisma.timelineEvent.create({ data: { shop, orderId, kind: "checked_in", occurredAt: at(occurredAt), source: "shopper", detail: JSON.stringify({ answer }), dedupeKey: "shopper:checked_in" } });
  await event(id(1), "arrived_well", "2026-11-22T10:00:00Z");
  await event(id(7), "problem", "2026-11-24T10:00:00Z");

  let message = 0;
  const outbox = (type: string, status: string, audience = "shopper") =>
    prisma.outboxMessage.create({
      data: { shop, orderId: id(1), type, dedupeKey: `m${++message}`, audience, locale: "fr", toAddress: "a@example.com", subject: "s", html: "h", text: "t", status, createdAt: at("2026-11-23T10:00:00Z") },
    });
  await outbox("delivery_check_in", "sent");
  await outbox("review_request", "sent");
  await outbox("review_request", "failed");
  await outbox("order_confirmation", "held");
  await outbox("digest", "sent", "staff");

  const gift = (orderId: string, ruleId: string, cost: string, status: string) =>
    prisma.giftGrant.create({ data: { shop, orderId, ruleId, kind: "packer_instruction", cost, status, month: "2026-11", createdAt: at("2026-11-23T10:00:00Z") } });
  await gift(id(1), "g1", "4.50", "done");
  await gift(id(2), "g1", "4.50", "applied");
  await gift(id(3), "g1", "0", "done");
  await gift(id(7), "g1", "10.00", "failed");

  const code = (code: string, issuedAt: string, redeemedAt: string | null) =>
    prisma.issuedDiscountCode.create({ data: { shop, code, source: "review", percent: 10, expiresAt: at("2027-01-01T00:00:00Z"), issuedAt: at(issuedAt), redeemedAt: redeemedAt ? at(redeemedAt) : null } });
  await code("THANKS-1", "2026-11-20T10:00:00Z", "2026-11-24T10:00:00Z");
  await code("THANKS-2", "2026-11-21T10:00:00Z", null);
  await code("THANKS-0", "2026-11-10T10:00:00Z", "2026-11-13T10:00:00Z");

  const flag = (orderId: string, kind: string, status: string) =>
    prisma.orderFlag.create({ data: { shop, orderId, kind, status, reason: kind, reasonCode: kind, since: NOW, dueAt: NOW, raisedAt: NOW } });
  await flag(id(3), "late_dispatch", "open");
  await flag(id(2), "late_delivery", "open");
  await flag(id(5), "late_dispatch", "handled");
}

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedHistory(SHOP);
  // Another shop: one order of its own, late and returned, that must not reach SHOP's figures.
  await prisma.shopSettings.create({ data: { shop: OTHER, timezone: "Europe/Paris", countryCode: "FR" } });
  await createOrder(prisma, OTHER, 1, { placedAt: at("2026-11-20T09:00:00Z"), customerId: "C1" });
  await prisma.returnCase.create({ data: { shop: OTHER, orderId: id(1), returnNumber: "R1", status: "requested", reason: "wrong_item", lines: "[]", decision: "{}", labelPaidBy: "shop", source: "shopper", requestedAt: at("2026-11-21T09:00:00Z") } });
  await prisma.orderFlag.create({ data: { shop: OTHER, orderId: id(1), kind: "late_dispatch", status: "open", reason: "late", reasonCode: "late", since: NOW, dueAt: NOW, raisedAt: NOW } });
});

describe("the dashboard's figures", () => {
  const load = () => loadDashboard(prisma, SHOP, new URLSearchParams({ period: "7" }), { now: NOW });

  it("takes the last 7 days in the shop's time zone, and the 7 before", async () => {
    const { period, timeZone } = await load();
    expect(timeZone).toBe("Europe/Paris");
    expect(period.current).toMatchObject({ from: "2026-11-19", to: "2026-11-25", days: 7, start: at("2026-11-18T23:00:00Z"), end: at("2026-11-25T23:00:00Z") });
    expect(period.previous).toMatchObject({ from: "2026-11-12", to: "2026-11-18" });
  });

  it("counts orders per local day, cancelled ones included", async () => {
    const { groups, charts } = await load();
    expect(figure(groups, "orders")).toMatchObject({ value: 8, previous: 1 });
    expect(figure(groups, "cancelled")).toMatchObject({ value: 1, previous: 0 });
    expect(charts.ordersPerDay.map((day) => [day.date, day.count, day.previousCount])).toEqual([
      ["2026-11-19", 3, 0],
      ["2026-11-20", 2, 0],
      ["2026-11-21", 0, 0],
      ["2026-11-22", 1, 0],
      ["2026-11-23", 0, 0],
      ["2026-11-24", 1, 0],
      ["2026-11-25", 1, 1],
    ]);
  });

  it("measures dispatch against the watch's due time, from the first parcel, without cancelled or waiting orders", async () => {
    const { groups, charts } = await load();
    // Due: 1 (on time), 2 (first parcel late), 3 (never dispatched, past due), 7 (on time); not 4 (cancelled), 5 (unpaid), 6 (not due yet), 8 (voided).
    expect(figure(groups, "on_time_dispatch")).toMatchObject({ value: 0.5, previous: 1, basis: "4 orders due", orders: "late_dispatch" });
    // 330 min (1), 2535 min (2: ready when confirmed at 14:45 on Thursday, first parcel Saturday 09:00), 1440 min (7).
    expect(figure(groups, "dispatch_median")).toMatchObject({ value: 1440, previous: 570 });
    expect(charts.dispatchTimes.map((bucket) => bucket.count)).toEqual([0, 1, 0, 2, 0, 0]);
    expect(charts.dispatchTimes.map((bucket) => bucket.previousCount)).toEqual([0, 0, 1, 0, 0, 0]);
  });

  it("measures confirmation, and the share confirmed before the watch flagged it", async () => {
    const { groups } = await load();
    expect(figure(groups, "confirm_median")).toMatchObject({ value: 37.5, previous: null });
    expect(figure(groups, "confirmed_within_sla")).toMatchObject({ value: 1 / 3, previous: null, basis: "3 orders to confirm" });
    expect(figure(groups, "unconfirmed_open")).toMatchObject({ value: 1, previous: null });
    expect(figure(groups, "late_open")).toMatchObject({ value: 2, previous: null });
  });

  it("measures delivery by destination zone, per parcel", async () => {
    const { groups } = await load();
    expect(figure(groups, "delivery_median_domestic").value).toBe(2880);
    expect(figure(groups, "delivery_median_region").value).toBe(1440);
    expect(figure(groups, "delivery_median_international").value).toBe(5760);
  });

  it("counts returns from return cases only (a refund is not a return), by reason and fault", async () => {
    const { groups, charts } = await load();
    expect(figure(groups, "return_rate")).toMatchObject({ value: 2 / 7, previous: 0, basis: "7 orders" });
    expect(figure(groups, "return_cases").value).toBe(2);
    expect(figure(groups, "shop_fault_share").value).toBe(0.5);
    expect(figure(groups, "returns_damaged_in_transit").value).toBe(1);
    expect(figure(groups, "returns_size_or_fit").value).toBe(1);
    expect(figure(groups, "returns_defective").value).toBe(0);
    expect(charts.returnReasons.find((row) => row.reason === "size_or_fit")?.count).toBe(1);
  });

  it("counts repeat customers: more than one order, or one before the period", async () => {
    const { groups } = await load();
    expect(figure(groups, "repeat_rate")).toMatchObject({ value: 2 / 6, basis: "6 customers" });
    expect(figure(groups, "orders_per_customer").value).toBeCloseTo(7 / 6);
  });

  it("counts check-ins, review requests, messages, gifts and codes of the period", async () => {
    const { groups } = await load();
    expect([figure(groups, "checked_in_well").value, figure(groups, "checked_in_problem").value, figure(groups, "check_in_problem_share").value]).toEqual([1, 1, 0.5]);
    expect(figure(groups, "review_requests").value).toBe(1);
    expect([figure(groups, "messages_total"), figure(groups, "messages_sent"), figure(groups, "messages_failed"), figure(groups, "messages_held")].map((entry) => entry.value)).toEqual([4, 2, 1, 1]);
    expect([figure(groups, "gifts_given").value, figure(groups, "gifts_cost").value]).toEqual([3, 9]);
    expect([figure(groups, "codes_issued"), figure(groups, "codes_redeemed")].map((entry) => [entry.value, entry.previous])).toEqual([
      [2, 0],
      [1, 1],
    ]);
  });

  it("shows nothing to measure for a shop without orders, and no division by zero", async () => {
    const dashboard = await loadDashboard(prisma, EMPTY, new URLSearchParams(), { now: NOW });
    expect(dashboard.hasOrders).toBe(false);
    const values = dashboard.groups.flatMap((group) => group.figures).map((entry) => entry.value);
    expect(values.every((value) => value === null || value === 0)).toBe(true);
    expect(figure(dashboard.groups, "on_time_dispatch").value).toBeNull();
    expect(figure(dashboard.groups, "orders_per_customer").value).toBeNull();
    expect(dashboard.charts.ordersPerDay).toHaveLength(30);
  });

  it("lists the orders behind a figure", async () => {
    const late = await loadOrdersBehind(prisma, SHOP, "late_dispatch", new URLSearchParams({ period: "7" }), { now: NOW });
    expect(late.orders.map((order) => order.orderId).toSorted()).toEqual([id(2), id(3)]);
    const returned = await loadOrdersBehind(prisma, SHOP, "returned", new URLSearchParams({ period: "7" }), { now: NOW });
    expect(returned.orders.map((order) => [order.orderId, order.note])).toEqual([
      [id(7), "damaged_in_transit"],
      [id(3), "size_or_fit"],
    ]);
    const repeat = await loadOrdersBehind(prisma, SHOP, "repeat_customers", new URLSearchParams({ period: "7" }), { now: NOW });
    expect(repeat.orders.map((order) => order.orderId).toSorted()).toEqual([id(1), id(2), id(3)]);
    const flagged = await loadOrdersBehind(prisma, SHOP, "flag_late", new URLSearchParams(), { now: NOW });
    expect(flagged.orders.map((order) => order.orderId).toSorted()).toEqual([id(2), id(3)]);
  });

  it("exports the figures and the orders as CSV, escaped", async () => {
    const figures = await dashboardCsv(prisma, SHOP, new URLSearchParams({ period: "7" }), { now: NOW, locale: "fr" });
    expect(figures.filename).toBe("aftercare-dashboard-2026-11-19-2026-11-25.csv");
    const lines = figures.body.split("\r\n");
    expect(lines[0]).toBe("Section,Figure,Value,This period (2026-11-19 to 2026-11-25),Previous period (2026-11-12 to 2026-11-18),Change,Counted from");
    // French figures; a cell starting with "-" is kept from running as a spreadsheet formula.
    // (Intl separates "%" with a no-break space, narrow or not depending on its data.)
    expect(lines.filter((line) => line.startsWith("Dispatch,")).map((line) => line.replace(/[\u00a0\u202f]/g, " "))).toEqual([
      "Dispatch,Dispatched on time,0.5,50 %,100 %,'-50 pts,4 orders due",
      'Dispatch,Median time to dispatch,1440,24 h,9 h 30 min,"\'+152,6 %",',
      "Dispatch,Late orders open now,2,2,—,—,",
    ]);
    const orders = await dashboardCsv(prisma, SHOP, new URLSearchParams({ period: "7", orders: "late_dispatch" }), { now: NOW, locale: "en" });
    expect(orders.body).toContain(`"'=1+1, ""x""",${id(3)},2026-11-20T08:00:00.000Z,"not dispatched, due 2026-11-20T16:00:00.000Z",https://admin.shopify.com/store/maison-lumen/orders/${id(3)}`);
    await expect(dashboardCsv(prisma, SHOP, new URLSearchParams({ orders: "everything" }), { now: NOW, locale: "en" })).rejects.toThrow("No list of orders");
  });

  it("counts time to dispatch from the payment only when the payment came before the parcel", async () => {
    const shop = "capture-shop.myshopify.com";
    await prisma.shopSettings.create({ data: { shop, timezone: "Europe/Paris", countryCode: "FR" } });
    // Captured on fulfilment: paid the day after the parcel left, which did not wait for it: 6 h from placed.
    await createOrder(prisma, shop, 1, { placedAt: at("2026-11-23T08:00:00Z"), paidAt: at("2026-11-24T11:00:00Z"), fulfillmentStatus: "fulfilled" });
    await createFulfillment(prisma, shop, id(1), "c1", { createdAt: at("2026-11-23T14:00:00Z") });
    // Paid by bank transfer the next morning, dispatched 4 h after: 4 h from paid.
    await createOrder(prisma, shop, 2, { placedAt: at("2026-11-23T08:00:00Z"), paidAt: at("2026-11-24T09:00:00Z"), fulfillmentStatus: "fulfilled" });
    await createFulfillment(prisma, shop, id(2), "c2", { createdAt: at("2026-11-24T13:00:00Z") });
    const dashboard = await loadDashboard(prisma, shop, new URLSearchParams({ period: "7" }), { now: NOW });
    expect(figure(dashboard.groups, "dispatch_median").value).toBe(5 * 60);
    expect(dashboard.charts.dispatchTimes.find((bucket) => bucket.id === "4_8h")?.count).toBe(2);
  });

  it("keeps each shop to its own rows", async () => {
    const other = await loadDashboard(prisma, OTHER, new URLSearchParams({ period: "7" }), { now: NOW });
    expect(figure(other.groups, "orders").value).toBe(1);
    expect(figure(other.groups, "return_cases").value).toBe(1);
    expect(figure(other.groups, "returns_wrong_item").value).toBe(1);
    expect(figure(other.groups, "late_open").value).toBe(1);
    expect(figure(other.groups, "messages_total").value).toBe(0);
    const theirLate = await loadOrdersBehind(prisma, OTHER, "flag_late", new URLSearchParams(), { now: NOW });
    expect(theirLate.orders.map((order) => order.orderId)).toEqual([id(1)]);
  });
});
