// The confirmation call queue (/app/confirmations) and the order page's Care status panel, as
// Remix calls them, for the demo shop on the Admin API stand-in: who to call is read from
// Shopify for the page's orders in one query, and a call's outcome lands on the order — a
// confirmed order loses its "Not confirmed" flag at its next evaluation.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startDemoStandIn } from "../../support/stand-in-admin";
import { SHOP_B, createOrder } from "../orders-admin/order-rows";
import { createFlag, recordJobs } from "./watch-rows";

vi.hoisted(() => {
  process.env.DEMO_MODE = "1";
});

const NOW = new Date();
const h = await startDemoStandIn({ now: NOW });
process.env.DEMO_SHOP = h.shop;
process.env.SHOPIFY_ADMIN_API_ORIGIN = h.standIn.origin;

const { default: prisma } = await import("~/db.server");
const { loader: queueLoader, action: queueAction } = await import("~/routes/app.confirmations/route");
const { loader: orderLoader, action: orderAction } = await import("~/routes/app.orders.$orderId/route");
const { resetDatabase, seedShop } = await import("../../support/factories");
const { TEST_APP_URL } = await import("../../support/test-env");
const { testDatabaseKind } = await import("../../support/databases");
const { getJobQueue, stopJobRuntime } = await import("~/jobs/runtime.server");
const { evaluateOrders } = await import("~/watch/order-watch.server");
const { ORDER_CHANGED_JOB, WATCH_NOTIFY_JOB } = await import("~/jobs/watch-jobs.server");

const SHOP = h.shop;
const HOUR = 3_600_000;

const loadQueue = (search = "") => queueLoader({ request: new Request(new URL(`/app/confirmations${search}`, TEST_APP_URL)), params: {}, context: {} });
const postOutcome = (fields: Record<string, string>) =>
  queueAction({ request: new Request(new URL("/app/confirmations", TEST_APP_URL), { method: "POST", body: new URLSearchParams({ intent: "call-outcome", ...fields }) }), params: {}, context: {} });
const loadOrder = (orderId: string) => orderLoader({ request: new Request(new URL(`/app/orders/${orderId}`, TEST_APP_URL)), params: { orderId }, context: {} });
const postOrder = (orderId: string, fields: [string, string][]) =>
  orderAction({ request: new Request(new URL(`/app/orders/${orderId}`, TEST_APP_URL), { method: "POST", body: new URLSearchParams(fields) }), params: { orderId }, context: {} });
const thrown = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

/** Demo orders with a phone number and an address, whose details the queue reads from the stand-in. */
const callable = h.demo.orders.filter((order) => order.phone && order.shippingAddress && order.customer);

let queued: ReturnType<typeof recordJobs>;

afterAll(async () => {
  await stopJobRuntime();
  await h.close();
});

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP, { accessToken: "shpat_demo_stand_in" });
  await seedShop(prisma, SHOP_B);
  await prisma.shopSettings.create({ data: { shop: SHOP, timezone: "Europe/Paris", shopName: "Maison Lumen", primaryLocale: "fr" } });
  queued = recordJobs(getJobQueue(), testDatabaseKind(), prisma);
});

/** A cash-on-delivery order placed `hoursAgo`, its details in Shopify those of the demo order `index`. */
async function codOrder(number: number, index: number, hoursAgo: number, shop = SHOP) {
  const demo = callable[index];
  if (!demo) throw new Error("not enough demo orders with a phone");
  const { orderId } = await createOrder(prisma, shop, number, {
    orderGid: demo.id,
    placedAt: new Date(NOW.getTime() - hoursAgo * HOUR),
    paidAt: null,
    financialStatus: "pending",
    cashOnDelivery: true,
    paymentGateways: "Cash on Delivery (COD)",
    totalPrice: "89.90",
  });
  return { orderId, demo };
}

const graphqlCalls = () => h.store.requests.filter((request) => request.kind === "graphql");

describe("the call queue", () => {
  it("lists the orders to call, longest waiting first, with the customer's details from Shopify and a script in the shop's language", async () => {
    const older = await codOrder(1001, 0, 100);
    const newer = await codOrder(1002, 1, 50);
    const retry = await codOrder(1003, 2, 30);
    const later = await codOrder(1004, 3, 20);
    const confirmed = await codOrder(1005, 4, 90);
    const elsewhere = await codOrder(1006, 5, 120, SHOP_B);
    await createFlag(prisma, SHOP, older.orderId, "unconfirmed", { dueAt: new Date(NOW.getTime() - 90 * HOUR) });
    await createFlag(prisma, SHOP, newer.orderId, "unconfirmed", { dueAt: new Date(NOW.getTime() - 40 * HOUR) });
    await createFlag(prisma, SHOP, confirmed.orderId, "unconfirmed", { dueAt: new Date(NOW.getTime() - 80 * HOUR) });
    await prisma.orderCare.update({ where: { shop_orderId: { shop: SHOP, orderId: confirmed.orderId } }, data: { confirmedAt: NOW } });
    await createFlag(prisma, SHOP_B, elsewhere.orderId, "unconfirmed", { dueAt: new Date(NOW.getTime() - 100 * HOUR) });
    // No answer earlier: one to call again now, one later.
    await prisma.orderCare.update({ where: { shop_orderId: { shop: SHOP, orderId: retry.orderId } }, data: { callRetryAt: new Date(NOW.getTime() - 60 * HOUR) } });
    await createFlag(prisma, SHOP, later.orderId, "unconfirmed", { dueAt: new Date(NOW.getTime() - 10 * HOUR) });
    await prisma.orderCare.update({ where: { shop_orderId: { shop: SHOP, orderId: later.orderId } }, data: { callRetryAt: new Date(NOW.getTime() + 2 * HOUR) } });

    const before = graphqlCalls().length;
    const queue = await loadQueue();
    expect(queue.rows.map((row) => [row.orderName, row.retry])).toEqual([
      ["#1001", false],
      ["#1003", true],
      ["#1002", false],
    ]);
    expect(queue.total).toBe(3);
    expect(queue.later.count).toBe(1);
    expect(queue.contactProblem).toBeNull();
    // One Admin API query for the page's orders.
    const calls = graphqlCalls().slice(before);
    expect(calls.map((call) => call.operationName)).toEqual(["OrdersForCalls"]);

    const [row] = queue.rows;
    const demo = older.demo;
    expect(row?.contact).toMatchObject({
      phone: demo.phone,
      email: demo.email,
      items: demo.lineItems.map((line) => ({ name: line.name, quantity: line.quantity })),
    });
    expect(row?.contact?.name).toContain(demo.customer.firstName);
    expect(row?.contact?.address).toContain(demo.shippingAddress?.city);
    expect(row?.total).toBe("€89.90");
    expect(row?.script[0]).toBe(`Bonjour ${demo.customer.firstName}, ici Maison Lumen.`);
    expect(row?.script[1]).toContain("Je vous appelle au sujet de votre commande #1001");
    expect(row?.script[1]).toContain("89,90");
    // Two business hours ahead (Mon–Fri 9–17, in Paris), as a datetime-local value.
    expect(queue.retryDefault).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  });

  it("is empty when there is nobody to call", async () => {
    await codOrder(1001, 0, 1);
    const queue = await loadQueue();
    expect(queue.rows).toEqual([]);
    expect(queue.total).toBe(0);
  });
});

describe("a call's outcome", () => {
  it("“confirmed” confirms the order, queues its re-evaluation, and the flag clears at the next evaluation", async () => {
    const { orderId } = await codOrder(1001, 0, 100);
    await evaluateOrders(prisma, SHOP, [orderId], NOW);
    expect(await prisma.orderFlag.findUniqueOrThrow({ where: { shop_orderId_kind: { shop: SHOP, orderId, kind: "unconfirmed" } } })).toMatchObject({ status: "open" });
    expect((await loadQueue()).rows.map((row) => row.orderId)).toEqual([orderId]);

    const result = await postOutcome({ orderId, outcome: "confirmed", note: "Customer happy" });
    expect(result).toEqual({ intent: "call-outcome", orderId, ok: true, message: "#1001 confirmed." });
    const order = await prisma.orderCare.findUniqueOrThrow({ where: { shop_orderId: { shop: SHOP, orderId } } });
    expect(order.confirmedAt).toBeInstanceOf(Date);
    expect(order.confirmedVia).toBe("phone");
    // queueOrderConfirmed: re-evaluated at once, and Flow told it is confirmed (and whatever else that queues).
    expect((await queued.jobs()).map((job) => [job.name, job.payload])).toEqual(
      expect.arrayContaining([
        [ORDER_CHANGED_JOB, { orderId }],
        [WATCH_NOTIFY_JOB, { orderId, raised: [], cleared: [], confirmed: true }],
      ]),
    );

    await evaluateOrders(prisma, SHOP, [orderId], new Date());
    expect(await prisma.orderFlag.findUniqueOrThrow({ where: { shop_orderId_kind: { shop: SHOP, orderId, kind: "unconfirmed" } } })).toMatchObject({ status: "cleared" });
    expect((await loadQueue()).rows).toEqual([]);
    const page = await loadOrder(orderId);
    expect(page.care.confirmation.confirmed).toBe(true);
    expect(page.care.canRecordCall).toBe(false);
    expect(page.timeline.map((entry) => entry.label)).toContain("Confirmed by phone: “Customer happy”");
  });

  it("“no answer” needs a time ahead, then takes the order out of the queue until then", async () => {
    const { orderId } = await codOrder(1001, 0, 100);
    await createFlag(prisma, SHOP, orderId, "unconfirmed", { dueAt: new Date(NOW.getTime() - 90 * HOUR) });
    expect(await postOutcome({ orderId, outcome: "no_answer", retryAt: "" })).toMatchObject({ ok: false, errors: { retryAt: "Choose a date and time in the future." } });
    expect(await postOutcome({ orderId, outcome: "no_answer", retryAt: "2099-03-02T10:30" })).toMatchObject({ ok: true, message: "#1001: no answer. It comes back to the queue at 2099-03-02 10:30." });
    expect((await prisma.orderCare.findUniqueOrThrow({ where: { shop_orderId: { shop: SHOP, orderId } } })).callRetryAt).toEqual(new Date("2099-03-02T09:30:00Z"));
    const queue = await loadQueue();
    expect(queue.rows).toEqual([]);
    expect(queue.later.count).toBe(1);
    expect((await queued.jobs()).map((job) => job.name)).toEqual([ORDER_CHANGED_JOB]);
    expect((await loadOrder(orderId)).timeline[0]?.label.replace(/\u202f/g, " ")).toBe("Confirmation call: no answer, call again Mar 2, 2099, 10:30 AM GMT+1");
  });

  it("“address corrected” needs the new address, and confirms the order with it", async () => {
    const { orderId } = await codOrder(1001, 0, 100);
    expect(await postOutcome({ orderId, outcome: "address_corrected", address: "" })).toMatchObject({ ok: false, errors: { address: expect.any(String) } });
    expect(await prisma.orderCare.findUniqueOrThrow({ where: { shop_orderId: { shop: SHOP, orderId } } })).toMatchObject({ confirmedAt: null });
    expect(await postOutcome({ orderId, outcome: "address_corrected", address: "3 rue Neuve\n69002 Lyon" })).toMatchObject({ ok: true });
    expect((await loadOrder(orderId)).timeline[0]?.label).toBe("Confirmed by phone, with a new address: “3 rue Neuve, 69002 Lyon”");
  });

  it("“customer cancels” is noted for the merchant to cancel in Shopify", async () => {
    const { orderId } = await codOrder(1001, 0, 100);
    expect(await postOutcome({ orderId, outcome: "customer_cancels", note: "Found it cheaper" })).toMatchObject({ ok: true });
    expect(await prisma.orderCare.findUniqueOrThrow({ where: { shop_orderId: { shop: SHOP, orderId } } })).toMatchObject({ confirmedAt: null, cancelledAt: null });
    expect((await loadOrder(orderId)).timeline[0]?.label).toBe("The customer asked to cancel (by phone): “Found it cheaper”");
  });

  it("answers 404 for another shop's order, and leaves it alone", async () => {
    const { orderId } = await codOrder(1001, 0, 100, SHOP_B);
    const outcome = await thrown(postOutcome({ orderId, outcome: "confirmed" }));
    expect((outcome as Response).status).toBe(404);
    expect(await prisma.orderCare.findUniqueOrThrow({ where: { shop_orderId: { shop: SHOP_B, orderId } } })).toMatchObject({ confirmedAt: null });
    expect(await prisma.timelineEvent.count()).toBe(0);
    expect(await queued.jobs()).toEqual([]);
  });
});

describe("the order page's Care status", () => {
  it("shows the order's open flags and its confirmation, and acts on them", async () => {
    const { orderId } = await codOrder(1001, 0, 100);
    const other = await codOrder(1002, 1, 100);
    await createFlag(prisma, SHOP, orderId, "late_dispatch", { dueAt: new Date(NOW.getTime() - 5 * HOUR) });
    await createFlag(prisma, SHOP, orderId, "unconfirmed", { dueAt: new Date(NOW.getTime() - 90 * HOUR) });
    await createFlag(prisma, SHOP, other.orderId, "late_dispatch", { dueAt: new Date(NOW.getTime() - 5 * HOUR) });

    const page = await loadOrder(orderId);
    expect(page.care.flags.map((flag) => [flag.kind, flag.canApologise])).toEqual([
      ["unconfirmed", false],
      ["late_dispatch", true],
    ]);
    expect(page.care.confirmation).toEqual({ confirmed: false, text: "Not confirmed", retry: null });
    expect(page.care.canRecordCall).toBe(true);

    // Only this order's flags: another order's flag posted here is ignored.
    const handled = await postOrder(orderId, [
      ["intent", "mark-handled"],
      ["flag", `${orderId}:late_dispatch`],
      ["flag", `${other.orderId}:late_dispatch`],
    ]);
    expect(handled).toMatchObject({ ok: true, summary: { done: 1 } });
    expect(await prisma.orderFlag.findUniqueOrThrow({ where: { shop_orderId_kind: { shop: SHOP, orderId: other.orderId, kind: "late_dispatch" } } })).toMatchObject({ status: "open" });

    expect(await postOrder(orderId, [["intent", "call-outcome"], ["outcome", "confirmed"]])).toMatchObject({ ok: true, orderId });
    const after = await loadOrder(orderId);
    expect(after.care.flags.map((flag) => flag.kind)).toEqual(["unconfirmed"]);
    expect(after.care.confirmation.text.replace(/\u202f/g, " ")).toMatch(/^Confirmed .* GMT\+1 by phone$/);
  });

  it("answers 404 to actions on another shop's order", async () => {
    const { orderId } = await codOrder(1001, 0, 100, SHOP_B);
    await createFlag(prisma, SHOP_B, orderId, "late_dispatch");
    for (const fields of [
      [["intent", "mark-handled"], ["flag", `${orderId}:late_dispatch`]],
      [["intent", "call-outcome"], ["outcome", "confirmed"]],
    ] as [string, string][][]) {
      expect(((await thrown(postOrder(orderId, fields))) as Response).status).toBe(404);
    }
    expect(await prisma.orderFlag.findUniqueOrThrow({ where: { shop_orderId_kind: { shop: SHOP_B, orderId, kind: "late_dispatch" } } })).toMatchObject({ status: "open" });
    expect(((await thrown(loadOrder(orderId))) as Response).status).toBe(404);
  });
});
