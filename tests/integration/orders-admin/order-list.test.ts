// The Orders list on a real database (SQLite, and PostgreSQL with TEST_DATABASE=postgres):
// keyset pages that never skip or repeat an order, every filter, search, and shop scoping.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { parseOrderListQuery } from "~/orders/order-filters";
import { type OrderPage, listOrders, loadOrderListPage } from "~/orders/order-list.server";
import { resetDatabase } from "../../support/factories";
import { SHOP_A, SHOP_B, countingQueries, createFulfillment, createOrder, numberOf, orderIdFor } from "./order-rows";

const query = (search: string) => parseOrderListQuery(new URLSearchParams(search)).query;
const ids = (page: OrderPage) => page.orders.map((order) => order.orderId);
const numbers = (page: OrderPage) => page.orders.map((order) => numberOf(order.orderId));
const now = new Date("2026-11-20T10:00:00Z");

beforeEach(async () => {
  await resetDatabase(prisma);
});

/** Every page of a result, following the next-page links from the first. */
async function walkForward(shop: string, filters: string, pageSize: number): Promise<OrderPage[]> {
  const pages: OrderPage[] = [];
  let cursor: string | null = null;
  do {
    const page = await listOrders(prisma, shop, query(`${filters}${cursor ? `&after=${cursor}` : ""}`), pageSize);
    expect(page.offset, "a page's position is the orders before it").toBe(pages.reduce((sum, seen) => sum + seen.orders.length, 0));
    pages.push(page);
    cursor = page.nextCursor;
    expect(pages.length).toBeLessThan(50);
  } while (cursor);
  return pages;
}

/** Shop A's orders as the list must show them: newest first, the larger id first at the same moment. */
async function newestFirst(shop: string): Promise<string[]> {
  const rows = await prisma.orderCare.findMany({ where: { shop }, select: { orderId: true, placedAt: true } });
  return rows.sort((a, b) => b.placedAt.getTime() - a.placedAt.getTime() || (a.orderId < b.orderId ? 1 : -1)).map((row) => row.orderId);
}

describe("pages", () => {
  // 23 orders an hour apart, and 5 placed at the very same moment (an import): the order id
  // breaks the tie. The other shop's orders interleave in time and must never appear.
  beforeEach(async () => {
    for (let number = 1001; number <= 1023; number += 1) await createOrder(prisma, SHOP_A, number);
    for (let number = 1024; number <= 1028; number += 1) await createOrder(prisma, SHOP_A, number, { placedAt: new Date("2026-11-01T20:30:00Z") });
    for (let number = 1501; number <= 1510; number += 1) await createOrder(prisma, SHOP_B, number, { placedAt: new Date(Date.UTC(2026, 10, 1, 9, 30) + (number - 1500) * 3_600_000) });
  });

  it("walks every order of the shop once, newest first, 7 at a time", async () => {
    const pages = await walkForward(SHOP_A, "", 7);
    expect(pages.map((page) => page.orders.length)).toEqual([7, 7, 7, 7]);
    expect(pages.flatMap(ids)).toEqual(await newestFirst(SHOP_A));
    expect(pages.every((page) => page.total === 28)).toBe(true);
    expect(pages[0]?.previousCursor).toBeNull();
    expect(pages.at(-1)?.nextCursor).toBeNull();
  });

  it("walks back from the last page to the first through the same pages", async () => {
    const forward = await walkForward(SHOP_A, "", 7);
    let page = forward.at(-1) as OrderPage;
    const backward = [ids(page)];
    while (page.previousCursor) {
      page = await listOrders(prisma, SHOP_A, query(`before=${page.previousCursor}`), 7);
      backward.unshift(ids(page));
    }
    expect(backward).toEqual(forward.map(ids));
    expect(page.offset).toBe(0);
  });

  it("repeats no order when new orders arrive while the merchant pages", async () => {
    const first = await listOrders(prisma, SHOP_A, query(""), 10);
    await createOrder(prisma, SHOP_A, 2001, { placedAt: new Date("2026-11-19T09:00:00Z") });
    await createOrder(prisma, SHOP_A, 2002, { placedAt: new Date("2026-11-19T10:00:00Z") });
    const second = await listOrders(prisma, SHOP_A, query(`after=${first.nextCursor}`), 10);
    const withoutNewcomers = (await newestFirst(SHOP_A)).filter((id) => id !== orderIdFor(2001) && id !== orderIdFor(2002));
    expect([...ids(first), ...ids(second)]).toEqual(withoutNewcomers.slice(0, 20));
    // The count and the position include the newcomers.
    expect(second.total).toBe(30);
    expect(second.offset).toBe(12);
  });

  it("shows a whole first page when going back to a first page that shrank", async () => {
    const [first, second] = await walkForward(SHOP_A, "", 7);
    // Two orders of the first page are erased (a customer redaction) before the merchant goes back.
    await prisma.orderCare.deleteMany({ where: { shop: SHOP_A, orderId: { in: ids(first as OrderPage).slice(0, 2) } } });
    const back = await listOrders(prisma, SHOP_A, query(`before=${second?.previousCursor}`), 7);
    expect(ids(back)).toEqual((await newestFirst(SHOP_A)).slice(0, 7));
    expect(back.offset).toBe(0);
    expect(back.previousCursor).toBeNull();
  });

  it("starts from the newest orders when a cursor leads past the end", async () => {
    const page = await listOrders(prisma, SHOP_A, query("after=946684800000-1"), 7);
    expect(ids(page)).toEqual((await newestFirst(SHOP_A)).slice(0, 7));
    expect(page.offset).toBe(0);
  });

  it("pages a filtered result the same way", async () => {
    await prisma.orderCare.updateMany({ where: { shop: SHOP_A, number: { in: [1002, 1005, 1011, 1024, 1026, 1027] } }, data: { fulfillmentStatus: "partial" } });
    const pages = await walkForward(SHOP_A, "fulfillment=partial", 4);
    expect(pages.map(numbers)).toEqual([
      [1027, 1026, 1024, 1011],
      [1005, 1002],
    ]);
  });
});

describe("a page's cost", () => {
  it("is a fixed number of queries, whatever the page size, fulfillments included", async () => {
    for (let number = 1001; number <= 1060; number += 1) {
      const order = await createOrder(prisma, SHOP_A, number);
      await createFulfillment(prisma, SHOP_A, order.orderId, `${order.orderId}1`, { shipmentStatus: "confirmed", createdAt: new Date("2026-11-10T08:00:00Z") });
      await createFulfillment(prisma, SHOP_A, order.orderId, `${order.orderId}2`, { shipmentStatus: "in_transit", createdAt: new Date("2026-11-11T08:00:00Z") });
    }
    const cursor = (await listOrders(prisma, SHOP_A, query(""), 5)).nextCursor;
    for (const size of [5, 50]) {
      const counter = countingQueries(prisma);
      const page = await listOrders(counter.db, SHOP_A, query(`after=${cursor}`), size);
      expect(page.orders).toHaveLength(size);
      expect(page.orders.every((order) => order.shipment?.shipmentStatus === "in_transit")).toBe(true);
      // The page, the total, its position, the fulfillments of all its orders.
      expect(counter.count(), `queries for a page of ${size}`).toBe(4);
    }
  });
});

describe("filters", () => {
  beforeEach(async () => {
    await createOrder(prisma, SHOP_A, 1001, { fulfillmentStatus: null, financialStatus: "paid" });
    await createOrder(prisma, SHOP_A, 1002, { fulfillmentStatus: "unfulfilled", financialStatus: "pending", cashOnDelivery: true, paymentGateways: "cash_on_delivery" });
    await createOrder(prisma, SHOP_A, 1003, { fulfillmentStatus: "partial", financialStatus: "partially_refunded" });
    await createOrder(prisma, SHOP_A, 1004, { fulfillmentStatus: "fulfilled", financialStatus: "paid" });
    await createOrder(prisma, SHOP_A, 1005, { fulfillmentStatus: "fulfilled", financialStatus: "refunded", cancelledAt: new Date("2026-11-15T10:00:00Z") });
    await createOrder(prisma, SHOP_A, 1006, { fulfillmentStatus: null, financialStatus: "voided", cancelledAt: new Date("2026-11-15T11:00:00Z") });
    await createOrder(prisma, SHOP_A, 1007, { fulfillmentStatus: null, financialStatus: "pending", cashOnDelivery: true });
    // The other shop has an order matching every filter.
    for (const [number, fulfillmentStatus, financialStatus] of [
      [1001, null, "paid"],
      [1002, "partial", "pending"],
      [1003, "fulfilled", "refunded"],
      [1004, "unfulfilled", "voided"],
      [1005, "fulfilled", "partially_refunded"],
    ] as const) {
      await createOrder(prisma, SHOP_B, number + 900, { fulfillmentStatus, financialStatus, cashOnDelivery: true, cancelledAt: number % 2 ? new Date("2026-11-15T10:00:00Z") : null });
    }
  });

  const cases: [string, number[]][] = [
    ["fulfillment=unfulfilled", [1007, 1006, 1002, 1001]],
    ["fulfillment=partial", [1003]],
    ["fulfillment=fulfilled", [1005, 1004]],
    ["fulfillment=unfulfilled,partial", [1007, 1006, 1003, 1002, 1001]],
    ["payment=paid", [1004, 1001]],
    ["payment=pending", [1007, 1002]],
    ["payment=refunded", [1005]],
    ["payment=partially_refunded", [1003]],
    ["payment=voided", [1006]],
    ["payment=refunded,partially_refunded", [1005, 1003]],
    ["cancelled=yes", [1006, 1005]],
    ["cancelled=no", [1007, 1004, 1003, 1002, 1001]],
    ["cod=yes", [1007, 1002]],
    ["cod=no", [1006, 1005, 1004, 1003, 1001]],
    ["fulfillment=unfulfilled&payment=pending&cod=yes&cancelled=no", [1007, 1002]],
    ["fulfillment=fulfilled&cancelled=no", [1004]],
    ["payment=nonsense", [1007, 1006, 1005, 1004, 1003, 1002, 1001]],
  ];

  it.each(cases)("%s", async (filters, expected) => {
    const page = await listOrders(prisma, SHOP_A, query(filters), 50);
    expect(numbers(page)).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });
});

describe("search", () => {
  beforeEach(async () => {
    await createOrder(prisma, SHOP_A, 1042, { customerId: "7000000000001" });
    await createOrder(prisma, SHOP_A, 1043, { customerId: "7000000000001" });
    await createOrder(prisma, SHOP_A, 1044, { customerId: null });
    await createOrder(prisma, SHOP_A, 1045, { name: "EU-1045" });
    // The other shop has the same order number and a customer with another id.
    await createOrder(prisma, SHOP_B, 1042, { customerId: "7000000000002", placedAt: new Date("2026-11-05T10:00:00Z") });
  });

  const cases: [string, number[]][] = [
    ["q=1042", [1042]],
    ["q=%231042", [1042]],
    ["q=%23%201042", [1042]],
    ["q=7000000000001", [1043, 1042]],
    ["q=gid://shopify/Customer/7000000000001", [1043, 1042]],
    ["q=customer:7000000000001", [1043, 1042]],
    ["q=7000000000002", []],
    ["q=EU-1045", [1045]],
    ["q=1045", [1045]],
    [`q=${orderIdFor(1044)}`, [1044]],
    [`q=gid://shopify/Order/${orderIdFor(1044)}`, [1044]],
    // Larger than the number column holds: still a customer or order id, never a database error.
    ["q=99999999999999999999", []],
    ["q=nothing-like-this", []],
    ["q=1042&payment=pending", []],
  ];

  it.each(cases)("%s", async (search, expected) => {
    expect(numbers(await listOrders(prisma, SHOP_A, query(search), 50))).toEqual(expected);
  });

  it("finds the other shop's order only in the other shop", async () => {
    const page = await listOrders(prisma, SHOP_B, query("q=1042"), 50);
    expect(page.orders.map((order) => order.customerId)).toEqual(["7000000000002"]);
  });
});

describe("the page as the browser gets it", () => {
  it("prints every column, and tells the merchant where the sync stands", async () => {
    const order = await createOrder(prisma, SHOP_A, 1042, {
      placedAt: new Date("2026-11-18T10:04:00Z"),
      customerId: null,
      financialStatus: "partially_refunded",
      fulfillmentStatus: "partial",
      totalPrice: "1234.5",
      currency: "EUR",
      shippingCountry: "PL",
      cashOnDelivery: true,
      cancelledAt: new Date("2026-11-19T10:00:00Z"),
    });
    await createFulfillment(prisma, SHOP_A, order.orderId, "901", { shipmentStatus: "delivered", createdAt: new Date("2026-11-18T12:00:00Z") });
    await createFulfillment(prisma, SHOP_A, order.orderId, "902", { status: "cancelled", createdAt: new Date("2026-11-19T12:00:00Z") });
    await prisma.orderSync.create({ data: { shop: SHOP_A, backfillStatus: "running", ordersApplied: 123 } });
    await prisma.orderSync.create({ data: { shop: SHOP_B, backfillStatus: "failed", lastError: "B's error" } });

    const view = await loadOrderListPage(prisma, SHOP_A, new URLSearchParams("status=nonsense&page=-1&cod=maybe"), { now, timeZone: "UTC" });
    expect(view.rows).toHaveLength(1);
    const row = view.rows[0];
    expect({ ...row, placed: { ...row?.placed, absolute: row?.placed.absolute.replace(/\u202f/g, " ") } }).toEqual({
      orderId: order.orderId,
      name: "#1042",
      href: `/app/orders/${order.orderId}`,
      placed: { iso: "2026-11-18T10:04:00.000Z", relative: "yesterday", absolute: "Nov 18, 2026, 10:04 AM UTC" },
      customer: "Guest",
      payment: { label: "Partially refunded", progress: "partiallyComplete" },
      fulfillment: { label: "Partially fulfilled", tone: "warning", progress: "partiallyComplete" },
      cancelled: { label: "Cancelled" },
      cashOnDelivery: true,
      shipment: { label: "Delivered", tone: "success" },
      total: "€1,234.50",
      country: { code: "PL", name: "Poland" },
    });
    expect(view).toMatchObject({ total: 1, range: "1–1 of 1", previousCursor: null, nextCursor: null, filtered: false, shopHasOrders: true, timeZone: "UTC" });
    expect(view.notices).toEqual(["Ignored the cash on delivery filter “maybe”: it should be “yes” or “no”."]);
    expect(view.sync).toMatchObject({ status: "running", title: "Syncing orders from Shopify" });
    expect(view.sync.lines[0]).toBe("123 orders so far.");
  });

  it("tells a shop without orders from a search that finds none", async () => {
    await createOrder(prisma, SHOP_B, 1001);
    const empty = await loadOrderListPage(prisma, SHOP_A, new URLSearchParams(""), { now, timeZone: "UTC" });
    expect(empty).toMatchObject({ rows: [], total: 0, range: null, filtered: false, shopHasOrders: false });
    expect(empty.sync.status).toBe("none");

    await createOrder(prisma, SHOP_A, 1002);
    const noMatch = await loadOrderListPage(prisma, SHOP_A, new URLSearchParams("q=1001"), { now, timeZone: "UTC" });
    expect(noMatch).toMatchObject({ rows: [], total: 0, filtered: true, shopHasOrders: true });
  });

  it("numbers a later page's range", async () => {
    for (let number = 1001; number <= 1012; number += 1) await createOrder(prisma, SHOP_A, number);
    const first = await loadOrderListPage(prisma, SHOP_A, new URLSearchParams(""), { now, timeZone: "UTC", pageSize: 5 });
    expect(first.range).toBe("1–5 of 12");
    const second = await loadOrderListPage(prisma, SHOP_A, new URLSearchParams(`after=${first.nextCursor}`), { now, timeZone: "UTC", pageSize: 5 });
    expect(second.range).toBe("6–10 of 12");
    expect(second.rows.map((row) => row.name)).toEqual(["#1007", "#1006", "#1005", "#1004", "#1003"]);
  });
});
