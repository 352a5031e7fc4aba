// The orders behind each figure of the dashboard, from a hand-built history in Europe/Paris on
// the test database (SQLite, and PostgreSQL with TEST_DATABASE=postgres): every list holds the
// expected orders, as many rows as its figure counts, none of another shop's, newest first,
// and pages that add up to the whole list.
import { beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { loadDashboard } from "~/dashboard/dashboard.server";
import { countOrdersBehind, loadOrdersBehind, ordersBehind, ordersBehindPage } from "~/dashboard/orders-behind.server";
import { ORDER_SETS, type Figure, type FigureGroup, type OrderSet } from "~/dashboard/indicators";
import { parsePeriod } from "~/dashboard/period";
import { getWatchSettings } from "~/watch/watch-settings.server";
import { resetDatabase } from "../../support/factories";
import { createFulfillment, createOrder, orderIdFor } from "../orders-admin/order-rows";

const SHOP = "maison-lumen.myshopify.com";
const OTHER = "atelier-nord.myshopify.com";
const NOW = new Date("2026-11-25T10:00:00Z"); // Wednesday, 11:00 in Paris
const WEEK = new URLSearchParams({ period: "7" }); // 2026-11-19 to 2026-11-25 in Paris
const at = (iso: string) => new Date(iso);
const id = orderIdFor;
/** An order the app never stored (its return and message are counted all the same). */
const UNSTORED = id(99);

async function seedHistory() {
  const shop = SHOP;
  await prisma.shopSettings.create({ data: { shop, timezone: "Europe/Paris", countryCode: "FR", currency: "EUR" } });
  // 1: confirmed 30 min after being placed, dispatched on time, delivered in France.
  await createOrder(prisma, shop, 1, { placedAt: at("2026-11-19T09:00:00Z"), confirmedAt: at("2026-11-19T09:30:00Z"), customerId: "C1", fulfillmentStatus: "fulfilled" });
  await createFulfillment(prisma, shop, id(1), "f1", { createdAt: at("2026-11-19T15:00:00Z"), deliveredAt: at("2026-11-21T15:00:00Z") });
  // 2: confirmed late (flagged, then cleared), first parcel late, two parcels delivered in the US.
  await createOrder(prisma, shop, 2, { placedAt: at("2026-11-19T14:00:00Z"), confirmedAt: at("2026-11-19T14:45:00Z"), customerId: "C1", shippingCountry: "US", fulfillmentStatus: "fulfilled" });
  await createFulfillment(prisma, shop, id(2), "f2a", { createdAt: at("2026-11-21T09:00:00Z"), deliveredAt: at("2026-11-25T09:00:00Z") });
  await createFulfillment(prisma, shop, id(2), "f2b", { createdAt: at("2026-11-23T09:00:00Z"), deliveredAt: at("2026-11-24T09:00:00Z") });
  await prisma.orderFlag.create({ data: { shop, orderId: id(2), kind: "unconfirmed", status: "cleared", reason: "Not confirmed", reasonCode: "unconfirmed", since: at("2026-11-19T16:00:00Z"), dueAt: at("2026-11-19T16:00:00Z"), raisedAt: at("2026-11-19T16:00:00Z"), clearedAt: at("2026-11-19T14:45:00Z") } });
  // 3: never dispatched, past due.
  await createOrder(prisma, shop, 3, { placedAt: at("2026-11-20T08:00:00Z"), customerId: "C2" });
  // 4: cancelled, though a parcel left and arrived.
  await createOrder(prisma, shop, 4, { placedAt: at("2026-11-20T10:00:00Z"), cancelledAt: at("2026-11-20T12:00:00Z"), customerId: "C1" });
  await createFulfillment(prisma, shop, id(4), "f4", { createdAt: at("2026-11-20T11:00:00Z"), deliveredAt: at("2026-11-21T11:00:00Z") });
  // 5: a guest's order awaiting payment.
  await createOrder(prisma, shop, 5, { placedAt: at("2026-11-24T10:00:00Z"), paidAt: null, financialStatus: "pending", customerId: null });
  // 6: placed this morning, waiting for confirmation (an open flag).
  await createOrder(prisma, shop, 6, { placedAt: at("2026-11-25T09:00:00Z"), customerId: "C6", cashOnDelivery: true, paidAt: null, financialStatus: "pending" });
  await prisma.orderFlag.create({ data: { shop, orderId: id(6), kind: "unconfirmed", status: "open", reason: "Not confirmed", reasonCode: "unconfirmed", since: at("2026-11-25T09:50:00Z"), dueAt: at("2026-11-25T09:50:00Z"), raisedAt: at("2026-11-25T09:50:00Z") } });
  // 7: to Germany (the region), dispatched and delivered.
  await createOrder(prisma, shop, 7, { placedAt: at("2026-11-22T10:00:00Z"), customerId: "C7", shippingCountry: "DE", fulfillmentStatus: "fulfilled" });
  await createFulfillment(prisma, shop, id(7), "f7", { createdAt: at("2026-11-23T10:00:00Z"), deliveredAt: at("2026-11-24T10:00:00Z") });
  // 8: 00:30 on the 19th in Paris: this period. Voided.
  await createOrder(prisma, shop, 8, { placedAt: at("2026-11-18T23:30:00Z"), customerId: "C8", financialStatus: "voided" });
  // 9: the previous period; C2 ordered before.
  await createOrder(prisma, shop, 9, { placedAt: at("2026-11-18T22:30:00Z"), customerId: "C2", fulfillmentStatus: "fulfilled" });
  await createFulfillment(prisma, shop, id(9), "f9", { createdAt: at("2026-11-19T08:00:00Z") });
  // 10: no shipping country (an international parcel), dispatched the same day.
  await createOrder(prisma, shop, 10, { placedAt: at("2026-11-21T10:00:00Z"), customerId: "C10", shippingCountry: null, fulfillmentStatus: "fulfilled" });
  await createFulfillment(prisma, shop, id(10), "f10", { createdAt: at("2026-11-21T12:00:00Z"), deliveredAt: at("2026-11-23T12:00:00Z") });

  const returnCase = (orderId: string, number: string, reason: string, status: string, requestedAt: string) =>
    prisma.returnCase.create({ data: { shop, orderId, returnNumber: number, status, reason, lines: "[]", decision: "{}", labelPaidBy: "shop", source: "shopper", requestedAt: at(requestedAt) } });
  await returnCase(id(7), "R7", "damaged_in_transit", "approved", "2026-11-24T12:00:00Z");
  await returnCase(id(7), "R7B", "wrong_item", "requested", "2026-11-24T13:00:00Z");
  await returnCase(id(3), "R3", "size_or_fit", "requested", "2026-11-25T09:00:00Z");
  await returnCase(id(6), "R6", "defective", "cancelled", "2026-11-25T09:30:00Z");
  await returnCase(UNSTORED, "R99", "gremlins", "requested", "2026-11-23T09:00:00Z"); // a reason the policy does not know: "other"
  await returnCase(id(1), "R1", "changed_mind", "requested", "2026-11-10T09:00:00Z"); // requested before the period (order 1 still has a return)

  const checkIn = (orderId: string, detail: string | null, occurredAt: string) =>
    prisma.timelineEvent.create({ data: { shop, orderId, kind: "checked_in", occurredAt: at(occurredAt), source: "shopper", detail, dedupeKey: "shopper:checked_in" } });
  await checkIn(id(1), JSON.stringify({ answer: "arrived_well" }), "2026-11-22T10:00:00Z");
  await checkIn(id(3), JSON.stringify({ answer: "arrived_well", comment: "lovely" }), "2026-11-23T10:00:00Z");
  await checkIn(id(7), JSON.stringify({ answer: "problem" }), "2026-11-24T10:00:00Z");
  await checkIn(id(2), JSON.stringify({ answer: "problem" }), "2026-11-10T10:00:00Z");
  await checkIn(id(10), "not json", "2026-11-24T10:00:00Z");

  let message = 0;
  const outbox = (orderId: string | null, type: string, status: string, options: { audience?: string; createdAt?: string } = {}) =>
    prisma.outboxMessage.create({
      data: { shop, orderId, type, dedupeKey: `m${++message}`, audience: options.audience ?? "shopper", locale: "fr", toAddress: "a@example.com", subject: "s", html: "h", text: "t", status, createdAt: at(options.createdAt ?? "2026-11-23T10:00:00Z") },
    });
  await outbox(id(1), "delivery_check_in", "sent");
  await outbox(id(1), "review_request", "sent");
  await outbox(id(1), "review_request", "failed");
  await outbox(id(2), "order_confirmation", "held");
  await outbox(UNSTORED, "thank_you", "sent");
  await outbox(null, "loyalty_reward", "queued"); // counted by "Messages", but has no order to list
  await outbox(id(1), "digest", "sent", { audience: "staff" });
  await outbox(id(1), "dispatch_note", "sent", { createdAt: "2026-11-10T10:00:00Z" });

  const gift = (orderId: string, ruleId: string, cost: string, status: string) =>
    prisma.giftGrant.create({ data: { shop, orderId, ruleId, kind: "packer_instruction", cost, status, month: "2026-11", createdAt: at("2026-11-23T10:00:00Z") } });
  await gift(id(1), "g1", "4.50", "done");
  await gift(id(1), "g2", "2.00", "done");
  await gift(id(2), "g1", "4.50", "applied");
  await gift(id(3), "g1", "0", "done");
  await gift(id(7), "g1", "10.00", "failed");

  const code = (code: string, orderId: string | null, issuedAt: string, redeemed: { at: string; orderId: string } | null) =>
    prisma.issuedDiscountCode.create({
      data: { shop, code, source: orderId ? "review" : "loyalty", customerId: "C1", orderId, percent: 10, expiresAt: at("2027-01-01T00:00:00Z"), issuedAt: at(issuedAt), redeemedAt: redeemed ? at(redeemed.at) : null, redeemedOrderId: redeemed?.orderId ?? null },
    });
  await code("THANKS-1", id(1), "2026-11-20T10:00:00Z", { at: "2026-11-24T10:00:00Z", orderId: id(7) });
  await code("THANKS-2", id(2), "2026-11-21T10:00:00Z", null);
  await code("LOYAL-1", null, "2026-11-22T10:00:00Z", null); // counted by "issued", but given for no order
  await code("THANKS-0", id(9), "2026-11-10T10:00:00Z", { at: "2026-11-13T10:00:00Z", orderId: id(9) });

  const flag = (orderId: string, kind: string, status: string) =>
    prisma.orderFlag.create({ data: { shop, orderId, kind, status, reason: `${kind} of ${orderId}`, reasonCode: kind, since: NOW, dueAt: NOW, raisedAt: NOW } });
  await flag(id(3), "late_dispatch", "open");
  await flag(id(3), "late_delivery", "open");
  await flag(id(2), "late_delivery", "open");
  await flag(id(5), "late_dispatch", "handled");
}

/** Another shop with a row of every kind: one of its orders shares an id with SHOP's order 1. */
async function seedOtherShop() {
  const shop = OTHER;
  await prisma.shopSettings.create({ data: { shop, timezone: "Europe/Paris", countryCode: "FR" } });
  await createOrder(prisma, shop, 1, { name: "#other-1", placedAt: at("2026-11-20T09:00:00Z"), customerId: "C1", confirmedAt: at("2026-11-20T09:10:00Z") });
  await createOrder(prisma, shop, 501, { name: "#other-501", placedAt: at("2026-11-20T09:00:00Z"), customerId: "C1", cancelledAt: at("2026-11-20T10:00:00Z") });
  await createFulfillment(prisma, shop, id(1), "other-f1", { createdAt: at("2026-11-20T12:00:00Z"), deliveredAt: at("2026-11-21T12:00:00Z") });
  await prisma.returnCase.create({ data: { shop, orderId: id(1), returnNumber: "R1", status: "requested", reason: "wrong_item", lines: "[]", decision: "{}", labelPaidBy: "shop", source: "shopper", requestedAt: at("2026-11-21T09:00:00Z") } });
  await prisma.timelineEvent.create({ data: { shop, orderId: id(1), kind: "checked_in", occurredAt: at("2026-11-22T09:00:00Z"), source: "shopper", detail: JSON.stringify({ answer: "problem" }), dedupeKey: "shopper:checked_in" } });
  await prisma.outboxMessage.create({ data: { shop, orderId: id(1), type: "review_request", dedupeKey: "o1", locale: "fr", toAddress: "b@example.com", subject: "s", html: "h", text: "t", status: "sent", createdAt: at("2026-11-23T10:00:00Z") } });
  await prisma.giftGrant.create({ data: { shop, orderId: id(1), ruleId: "g1", kind: "packer_instruction", cost: "3.00", status: "done", month: "2026-11", createdAt: at("2026-11-23T10:00:00Z") } });
  await prisma.issuedDiscountCode.create({ data: { shop, code: "OTHER-1", source: "review", orderId: id(1), percent: 10, expiresAt: at("2027-01-01T00:00:00Z"), issuedAt: at("2026-11-21T10:00:00Z"), redeemedAt: at("2026-11-22T10:00:00Z"), redeemedOrderId: id(501) } });
  for (const kind of ["late_dispatch", "unconfirmed"]) {
    await prisma.orderFlag.create({ data: { shop, orderId: id(1), kind, status: "open", reason: "other shop", reasonCode: kind, since: NOW, dueAt: NOW, raisedAt: NOW } });
  }
}

const list = (shop: string, set: OrderSet, params = WEEK) => loadOrdersBehind(prisma, shop, set, params, { now: NOW }).then((result) => result.orders);
const ids = async (set: OrderSet) => (await list(SHOP, set)).map((order) => order.orderId).toSorted();

function figure(groups: FigureGroup[], figureId: string): Figure {
  const found = groups.flatMap((group) => group.figures).find((entry) => entry.id === figureId);
  if (!found) throw new Error(`no figure ${figureId}`);
  return found;
}

/** The number a figure's "Of …" line starts with ("4 orders due" → 4). */
const basisCount = (entry: Figure): number => Number(/^(\d+)/.exec(entry.basis ?? "")?.[1] ?? Number.NaN);

beforeAll(async () => {
  await resetDatabase(prisma);
  await seedHistory();
  await seedOtherShop();
});

describe("the orders behind each figure", () => {
  it("gives every figure a list, and every list to a figure", async () => {
    const { groups } = await loadDashboard(prisma, SHOP, WEEK, { now: NOW });
    const figures = groups.flatMap((group) => group.figures);
    expect(figures.filter((entry) => entry.orders === null).map((entry) => entry.id)).toEqual([]);
    expect(new Set(figures.map((entry) => entry.orders))).toEqual(new Set(ORDER_SETS));
  });

  it("lists exactly the orders each figure counts", async () => {
    const expected: Record<OrderSet, string[]> = {
      placed: [1, 2, 3, 4, 5, 6, 7, 8, 10].map(id),
      cancelled: [id(4)],
      late_dispatch: [id(2), id(3)],
      dispatched: [1, 2, 7, 10].map(id),
      flag_late: [id(2), id(3), id(3)],
      confirmed: [id(1), id(2)],
      unconfirmed_late: [id(2), id(6)],
      flag_unconfirmed: [id(6)],
      delivered_domestic: [id(1)],
      delivered_region: [id(7)],
      delivered_international: [id(10), id(2), id(2)],
      returned: [id(1), id(3), id(7)],
      return_requests: [id(3), id(7), id(7), UNSTORED],
      returns_shop_fault: [id(7), id(7)],
      returns_wrong_item: [id(7)],
      returns_damaged_in_transit: [id(7)],
      returns_defective: [],
      returns_not_as_described: [],
      returns_size_or_fit: [id(3)],
      returns_changed_mind: [],
      returns_other: [UNSTORED],
      repeat_customers: [id(1), id(2), id(3)],
      customer_orders: [1, 2, 3, 6, 7, 8, 10].map(id),
      well_check_ins: [id(1), id(3)],
      problem_check_ins: [id(7)],
      review_requests: [id(1)],
      messages: [id(1), id(1), id(1), id(2), UNSTORED],
      messages_sent: [id(1), id(1), UNSTORED],
      messages_failed: [id(1)],
      messages_held: [id(2)],
      gifts: [id(1), id(1), id(2), id(3)],
      codes_issued: [id(1), id(2)],
      codes_redeemed: [id(7)],
    };
    expect(Object.keys(expected).toSorted()).toEqual([...ORDER_SETS].toSorted());
    for (const set of ORDER_SETS) expect({ set, ids: await ids(set) }).toEqual({ set, ids: expected[set].toSorted() });
  });

  it("holds as many rows as the figure counts", async () => {
    const { groups } = await loadDashboard(prisma, SHOP, WEEK, { now: NOW });
    const total = async (set: OrderSet) => (await list(SHOP, set)).length;
    // Counts: one row per counted order, return case, answer, message, gift, code or flag.
    const counts: [string, OrderSet][] = [
      ["orders", "placed"],
      ["cancelled", "cancelled"],
      ["late_open", "flag_late"],
      ["unconfirmed_open", "flag_unconfirmed"],
      ["return_cases", "return_requests"],
      ["returns_wrong_item", "returns_wrong_item"],
      ["returns_damaged_in_transit", "returns_damaged_in_transit"],
      ["returns_defective", "returns_defective"],
      ["returns_size_or_fit", "returns_size_or_fit"],
      ["returns_other", "returns_other"],
      ["checked_in_well", "well_check_ins"],
      ["checked_in_problem", "problem_check_ins"],
      ["review_requests", "review_requests"],
      ["messages_sent", "messages_sent"],
      ["messages_failed", "messages_failed"],
      ["messages_held", "messages_held"],
      ["gifts_given", "gifts"],
      ["codes_redeemed", "codes_redeemed"],
    ];
    for (const [figureId, set] of counts) expect({ figureId, rows: await total(set) }).toEqual({ figureId, rows: figure(groups, figureId).value });
    // Rows without an order cannot be listed: one queued message, one loyalty code.
    expect(await total("messages")).toBe((figure(groups, "messages_total").value ?? 0) - 1);
    expect(await total("codes_issued")).toBe((figure(groups, "codes_issued").value ?? 0) - 1);

    // Shares: the list is the part, the "Of …" line the whole.
    const part = (figureId: string, complement = false) => {
      const entry = figure(groups, figureId);
      return Math.round(basisCount(entry) * (complement ? 1 - (entry.value ?? 0) : (entry.value ?? 0)));
    };
    expect(await total("late_dispatch")).toBe(part("on_time_dispatch", true));
    expect(await total("unconfirmed_late")).toBe(part("confirmed_within_sla", true));
    expect(await total("returned")).toBe(part("return_rate"));
    expect(await total("repeat_customers")).toBeGreaterThanOrEqual(part("repeat_rate"));
    expect(await total("problem_check_ins")).toBe(part("check_in_problem_share"));
    expect(await total("customer_orders")).toBe(Math.round(basisCount(figure(groups, "repeat_rate")) * (figure(groups, "orders_per_customer").value ?? 0)));
    expect(await total("returns_shop_fault")).toBe(Math.round((figure(groups, "shop_fault_share").value ?? 0) * (figure(groups, "return_cases").value ?? 0)));
    // Medians: one row per order (dispatch, confirmation) or parcel (delivery) they are taken over.
    for (const zone of ["domestic", "region", "international"] as const) {
      expect(await total(`delivered_${zone}`)).toBe(basisCount(figure(groups, `delivery_median_${zone}`)));
    }
  });

  it("says what each row is about", async () => {
    const notes = async (set: OrderSet) => (await list(SHOP, set)).map((order) => [order.orderId, order.note]);
    expect(await notes("dispatched")).toContainEqual([id(1), "first parcel 2026-11-19T15:00:00.000Z, 5 h 30 min after the order was ready"]);
    expect(await notes("confirmed")).toContainEqual([id(2), "confirmed 2026-11-19T14:45:00.000Z, 45 min after being placed"]);
    expect(await notes("cancelled")).toEqual([[id(4), "cancelled 2026-11-20T12:00:00.000Z"]]);
    expect(await notes("delivered_international")).toContainEqual([id(10), "parcel delivered 2026-11-23T12:00:00.000Z, 2 days after it left (no country)"]);
    expect(await notes("unconfirmed_late")).toEqual([
      [id(6), "not confirmed yet"],
      [id(2), "confirmed late"],
    ]);
    expect(await notes("returns_other")).toEqual([[UNSTORED, "return R99: gremlins (requested)"]]);
    expect(await notes("messages_held")).toEqual([[id(2), "Order confirmation, held"]]);
    expect(await notes("gifts")).toContainEqual([id(1), "packer instruction, cost 2.00"]);
    expect(await notes("codes_redeemed")).toEqual([[id(7), "code THANKS-1 used (10% off, review)"]]);
    expect(await notes("well_check_ins")).toContainEqual([id(3), "arrived well 2026-11-23T10:00:00.000Z"]);
  });

  it("lists the newest orders first, and orders the app does not hold last, by an id", async () => {
    const placed = await list(SHOP, "placed");
    expect(placed.map((order) => order.orderId)).toEqual([6, 5, 7, 10, 4, 3, 2, 1, 8].map(id));
    expect(placed.find((order) => order.orderId === id(4))?.note).toBe("cancelled");
    const returns = await list(SHOP, "return_requests");
    expect(returns.map((order) => order.orderId)).toEqual([id(7), id(7), id(3), UNSTORED]);
    expect(returns[2]).toMatchObject({ name: "#3", placedAt: at("2026-11-20T08:00:00Z") });
    expect(returns[3]).toMatchObject({ name: `Order ${UNSTORED}`, placedAt: null });
    expect(new Set(returns.map((order) => order.key)).size).toBe(returns.length);
  });

  it("never lists another shop's rows, and lists that shop's own", async () => {
    for (const set of ORDER_SETS) {
      const orders = await list(SHOP, set);
      expect({ set, leaked: orders.filter((order) => order.orderId === id(501) || order.name.startsWith("#other")) }).toEqual({ set, leaked: [] });
    }
    expect((await list(OTHER, "placed")).map((order) => order.name).toSorted()).toEqual(["#other-1", "#other-501"]);
    expect((await list(OTHER, "codes_redeemed")).map((order) => order.name)).toEqual(["#other-501"]);
    expect((await list(OTHER, "flag_late")).map((order) => order.name)).toEqual(["#other-1"]);
    expect((await list(OTHER, "delivered_domestic")).map((order) => order.name)).toEqual(["#other-1"]);
  });

  it("pages in the database: limit, offset and the total", async () => {
    const { rules } = await getWatchSettings(prisma, SHOP);
    const period = parsePeriod(WEEK, NOW, rules.calendar.timeZone).current;
    for (const set of ["placed", "return_requests", "delivered_international", "late_dispatch", "flag_late", "well_check_ins"] as const) {
      const whole = await ordersBehind(prisma, SHOP, set, period, rules, NOW);
      const pages = [];
      for (let offset = 0; offset < whole.length; offset += 2) pages.push(...(await ordersBehind(prisma, SHOP, set, period, rules, NOW, { limit: 2, offset })));
      expect({ set, keys: pages.map((order) => order.key) }).toEqual({ set, keys: whole.map((order) => order.key) });
      expect(await countOrdersBehind(prisma, SHOP, set, period, rules, NOW)).toBe(whole.length);
    }
    const page = await ordersBehindPage(prisma, SHOP, "placed", period, rules, NOW, { limit: 4, offset: 4 });
    expect(page.total).toBe(9);
    expect(page.orders.map((order) => order.orderId)).toEqual([4, 3, 2, 1].map(id));
    expect((await ordersBehindPage(prisma, SHOP, "placed", period, rules, NOW, { limit: 4, offset: 8 })).orders.map((order) => order.orderId)).toEqual([id(8)]);
    expect(await ordersBehindPage(prisma, SHOP, "placed", period, rules, NOW, { limit: 4, offset: 40 })).toEqual({ orders: [], total: 9 });
    expect(await ordersBehind(prisma, SHOP, "placed", period, rules, NOW, { limit: 0 })).toEqual([]);
  });

  it("reads the period from the link, like the dashboard", async () => {
    const before = new URLSearchParams({ period: "custom", from: "2026-11-12", to: "2026-11-18" });
    expect((await list(SHOP, "placed", before)).map((order) => order.orderId)).toEqual([id(9)]);
    expect((await list(SHOP, "codes_redeemed", before)).map((order) => order.orderId)).toEqual([id(9)]);
    // Open flags are "now", whatever the period.
    expect((await list(SHOP, "flag_unconfirmed", before)).map((order) => order.orderId)).toEqual([id(6)]);
  });
});
