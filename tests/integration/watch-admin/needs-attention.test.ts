// "Needs attention" (/app) as Remix calls it, for the demo shop (demo mode: the stored offline
// session stands in for OAuth; the Admin API is out of reach, so the shop card is left empty and
// the flags still show): only the shop's open flags, most overdue first, filtered by the URL,
// and the bulk actions — mark handled, snooze, send the delay apology.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { SHOP_A, SHOP_B, countingQueries, createOrder, orderIdFor } from "../orders-admin/order-rows";
import { createFlag, recordJobs } from "./watch-rows";

vi.hoisted(() => {
  process.env.DEMO_MODE = "1";
  process.env.DEMO_SHOP = "maison-lumen.myshopify.com";
  process.env.SHOPIFY_ADMIN_API_ORIGIN = "http://127.0.0.1:9";
});

const { default: prisma } = await import("~/db.server");
const { loader, action } = await import("~/routes/app._index");
const { loader: orderLoader } = await import("~/routes/app.orders.$orderId/route");
const { resetDatabase, seedShop } = await import("../../support/factories");
const { TEST_APP_URL } = await import("../../support/test-env");
const { testDatabaseKind } = await import("../../support/databases");
const { getJobQueue, stopJobRuntime } = await import("~/jobs/runtime.server");
const { COMPOSE_MESSAGE_JOB } = await import("~/messages/request-message.server");
const { ATTENTION_PAGE_SIZE, loadNeedsAttention } = await import("~/watch/needs-attention.server");

const load = (search = "") => loader({ request: new Request(new URL(`/app${search}`, TEST_APP_URL)), params: {}, context: {} });
const post = (fields: [string, string][]) =>
  action({ request: new Request(new URL("/app?index", TEST_APP_URL), { method: "POST", body: new URLSearchParams(fields) }), params: {}, context: {} });
const plain = (text: string) => text.replace(/\u202f/g, " ");

let queued: ReturnType<typeof recordJobs>;

afterAll(async () => {
  await stopJobRuntime();
});

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP_A);
  await seedShop(prisma, SHOP_B);
  await prisma.shopSettings.create({ data: { shop: SHOP_A, timezone: "Europe/Paris", shopName: "Maison Lumen" } });
  queued = recordJobs(getJobQueue(), testDatabaseKind(), prisma);
});

/** Three of SHOP_A's orders with flags due at different times, and flags that must not show. */
async function seedFlags() {
  const a = (await createOrder(prisma, SHOP_A, 1001)).orderId;
  const b = (await createOrder(prisma, SHOP_A, 1002)).orderId;
  const c = (await createOrder(prisma, SHOP_A, 1003)).orderId;
  const other = (await createOrder(prisma, SHOP_B, 2001)).orderId;
  await createFlag(prisma, SHOP_A, a, "late_delivery", { dueAt: new Date("2026-11-21T10:00:00Z") });
  await createFlag(prisma, SHOP_A, b, "late_dispatch", { dueAt: new Date("2026-11-19T17:00:00Z") });
  await createFlag(prisma, SHOP_A, c, "unconfirmed", { dueAt: new Date("2026-11-20T11:00:00Z") });
  await createFlag(prisma, SHOP_A, a, "no_tracking", { dueAt: new Date("2026-11-18T09:00:00Z"), status: "snoozed", snoozedUntil: new Date("2099-01-01T00:00:00Z") });
  await createFlag(prisma, SHOP_A, b, "stalled_in_transit", { dueAt: new Date("2026-11-17T09:00:00Z"), status: "handled", handledAt: new Date("2026-11-18T09:00:00Z") });
  await createFlag(prisma, SHOP_A, c, "delivery_failed", { dueAt: new Date("2026-11-16T09:00:00Z"), status: "cleared", clearedAt: new Date("2026-11-18T09:00:00Z") });
  await createFlag(prisma, SHOP_B, other, "late_dispatch", { dueAt: new Date("2026-11-01T09:00:00Z") });
  return { a, b, c, other };
}

describe("the list", () => {
  it("shows only the shop's open flags, most overdue first, counted by kind", async () => {
    const { a, b, c } = await seedFlags();
    const page = await load();
    const { attention } = page;
    expect(attention.rows.map((row) => [row.orderName, row.kind])).toEqual([
      ["#1002", "late_dispatch"],
      ["#1003", "unconfirmed"],
      ["#1001", "late_delivery"],
    ]);
    expect(attention.rows.map((row) => row.id)).toEqual([`${b}:late_dispatch`, `${c}:unconfirmed`, `${a}:late_delivery`]);
    expect(attention.totalOpen).toBe(3);
    expect(Object.fromEntries(attention.counts.map((entry) => [entry.kind, entry.count]))).toEqual({
      unconfirmed: 1,
      dispatch_due_soon: 0,
      late_dispatch: 1,
      late_delivery: 1,
      stalled_in_transit: 0,
      delivery_failed: 0,
      no_tracking: 0,
    });
    const [first] = attention.rows;
    expect(first).toMatchObject({ href: `/app/orders/${b}`, label: "Late dispatch", tone: "critical", reason: `late_dispatch reason for ${b}`, status: "open", canApologise: true });
    // In the shop's zone (Paris, UTC+1 in November).
    expect(plain(first?.due.absolute ?? "")).toBe("Nov 19, 2026, 6:00 PM GMT+1");
    expect(first?.due.relative).toMatch(/ago$/);
    expect(attention.rows.find((row) => row.kind === "unconfirmed")?.canApologise).toBe(false);
    expect(attention.timeZone).toBe("Europe/Paris");
    // The shop card has no data without the Admin API; the page still loads.
    expect(page.overviewAvailable).toBe(false);
  });

  it("filters by kind from the URL, and shows snoozed and handled flags when asked", async () => {
    await seedFlags();
    const late = await load("?kind=late_dispatch&kind=late_delivery&kind=nonsense");
    expect(late.attention.rows.map((row) => row.kind)).toEqual(["late_dispatch", "late_delivery"]);
    expect(late.attention.filters).toMatchObject({ kinds: ["late_dispatch", "late_delivery"], filtered: true });
    // The counts stay the shop's, and each links to its own filter.
    expect(late.attention.counts.find((entry) => entry.kind === "unconfirmed")).toMatchObject({ count: 1, href: "/app?kind=unconfirmed", selected: false });
    expect(late.attention.counts.find((entry) => entry.kind === "late_dispatch")).toMatchObject({ selected: true });

    const everything = await load("?snoozed=1&handled=1");
    expect(everything.attention.rows.map((row) => [row.kind, row.status])).toEqual([
      ["stalled_in_transit", "handled"],
      ["no_tracking", "snoozed"],
      ["late_dispatch", "open"],
      ["unconfirmed", "open"],
      ["late_delivery", "open"],
    ]);
    expect(plain(everything.attention.rows[1]?.statusNote ?? "")).toBe("Snoozed until Jan 1, 2099, 1:00 AM GMT+1");
    expect(everything.attention.links.toggleSnoozed).toBe("/app?handled=1");
  });

  it("pages through many flags", async () => {
    const orders = Array.from({ length: ATTENTION_PAGE_SIZE + 2 }, (_, index) => 3000 + index);
    for (const number of orders) {
      const { orderId } = await createOrder(prisma, SHOP_A, number);
      await createFlag(prisma, SHOP_A, orderId, "late_dispatch", { dueAt: new Date(Date.UTC(2026, 10, 1) + number * 60_000) });
    }
    const first = await load();
    expect(first.attention.rows).toHaveLength(ATTENTION_PAGE_SIZE);
    expect(first.attention.page).toMatchObject({ label: `1–${ATTENTION_PAGE_SIZE} of ${orders.length}`, previousUrl: null, nextUrl: "/app?page=2" });
    const second = await load("?page=2");
    expect(second.attention.rows.map((row) => row.orderId)).toEqual(orders.slice(ATTENTION_PAGE_SIZE).map(orderIdFor));
    expect(second.attention.page).toMatchObject({ previousUrl: "/app", nextUrl: null });
  });

  it("costs the same few queries however many flags the page shows", async () => {
    const cost = async () => {
      const counted = countingQueries(prisma);
      await loadNeedsAttention(counted.db, SHOP_A, new URLSearchParams(), new Date());
      return counted.count();
    };
    await seedFlags();
    const few = await cost();
    for (let number = 4000; number < 4040; number++) {
      const { orderId } = await createOrder(prisma, SHOP_A, number);
      await createFlag(prisma, SHOP_A, orderId, "late_delivery");
    }
    expect(await cost()).toBe(few);
    expect(few).toBeLessThanOrEqual(5);
  });

  it("is empty when nothing needs attention", async () => {
    await createOrder(prisma, SHOP_A, 1001);
    const page = await load();
    expect(page.attention.rows).toEqual([]);
    expect(page.attention.totalOpen).toBe(0);
    expect(page.attention.filters.filtered).toBe(false);
  });
});

describe("mark handled", () => {
  it("takes the flags off the list, with the note on each order's timeline", async () => {
    const { a, b } = await seedFlags();
    const result = await post([
      ["intent", "mark-handled"],
      ["flag", `${b}:late_dispatch`],
      ["flag", `${a}:late_delivery`],
      ["note", "Called the carrier"],
    ]);
    expect(result).toMatchObject({ ok: true, message: "2 flags marked handled.", summary: { done: 2, already: 0, refused: [] } });
    expect((await load()).attention.rows.map((row) => row.kind)).toEqual(["unconfirmed"]);
    const flag = await prisma.orderFlag.findUniqueOrThrow({ where: { shop_orderId_kind: { shop: SHOP_A, orderId: b, kind: "late_dispatch" } } });
    expect(flag).toMatchObject({ status: "handled", handledNote: "Called the carrier" });

    const order = await orderLoader({ request: new Request(new URL(`/app/orders/${b}`, TEST_APP_URL)), params: { orderId: b }, context: {} });
    expect(order.timeline.map((entry) => entry.label)).toContain("Late dispatch marked handled: “Called the carrier”");
    expect(order.care.flags.map((row) => row.kind)).toEqual([]);
  });

  it("leaves another shop's flag alone", async () => {
    const { other } = await seedFlags();
    const result = await post([
      ["intent", "mark-handled"],
      ["flag", `${other}:late_dispatch`],
    ]);
    expect(result).toMatchObject({ ok: false, summary: { done: 0, refused: [{ id: `${other}:late_dispatch`, reason: "No such flag in this shop." }] } });
    expect(await prisma.orderFlag.findUniqueOrThrow({ where: { shop_orderId_kind: { shop: SHOP_B, orderId: other, kind: "late_dispatch" } } })).toMatchObject({ status: "open", handledAt: null });
    expect(await prisma.timelineEvent.count()).toBe(0);
  });
});

describe("snooze", () => {
  it("hides the flag until the time chosen (in the shop's zone), and refuses a time past", async () => {
    const { b } = await seedFlags();
    const past = await post([
      ["intent", "snooze"],
      ["flag", `${b}:late_dispatch`],
      ["until", "2020-01-01T09:00"],
    ]);
    expect(past).toMatchObject({ ok: false, errors: { until: "Choose a date and time in the future." } });

    const result = await post([
      ["intent", "snooze"],
      ["flag", `${b}:late_dispatch`],
      ["until", "2099-06-01T09:00"],
    ]);
    expect(result).toMatchObject({ ok: true, summary: { done: 1 } });
    const flag = await prisma.orderFlag.findUniqueOrThrow({ where: { shop_orderId_kind: { shop: SHOP_A, orderId: b, kind: "late_dispatch" } } });
    expect(flag).toMatchObject({ status: "snoozed", snoozedUntil: new Date("2099-06-01T07:00:00Z") });
    expect((await load()).attention.rows.map((row) => row.kind)).toEqual(["unconfirmed", "late_delivery"]);
    expect((await load("?snoozed=1")).attention.rows.map((row) => row.kind)).toContain("late_dispatch");
  });
});

describe("send delay apology", () => {
  const apology = (...flags: string[]) => [["intent", "send-apology"], ...flags.map((flag) => ["flag", flag]), ["expectedDelivery", "2099-12-01"], ["giftDescription", "a free candle"], ["discountCode", "SORRY10"]] as [string, string][];

  it("queues one message per order, and a second time says it was already sent", async () => {
    const { b } = await seedFlags();
    const first = await post(apology(`${b}:late_dispatch`));
    expect(first).toMatchObject({ ok: true, message: "1 apology sent.", summary: { done: 1, already: 0, refused: [] } });
    const compose = (await queued.jobs()).filter((job) => job.name === COMPOSE_MESSAGE_JOB);
    expect(compose).toEqual([
      {
        name: COMPOSE_MESSAGE_JOB,
        shop: SHOP_A,
        payload: expect.objectContaining({ type: "delay_apology", orderId: b, reason: "late_dispatch", facts: expect.objectContaining({ giftDescription: "a free candle", discountCode: "SORRY10" }) }),
      },
    ]);
    // The date is the end of that day in the shop's zone.
    expect((compose[0]?.payload.facts as Record<string, string>).expectedDelivery).toBe("2099-12-01T22:59:00.000Z");
    expect(await prisma.orderFlag.findUniqueOrThrow({ where: { shop_orderId_kind: { shop: SHOP_A, orderId: b, kind: "late_dispatch" } } })).toMatchObject({ status: "handled" });

    const again = await post(apology(`${b}:late_dispatch`));
    expect(again).toMatchObject({ ok: true, message: "0 apologies sent, 1 already sent.", summary: { done: 0, already: 1 } });
    expect((await queued.jobs()).filter((job) => job.name === COMPOSE_MESSAGE_JOB)).toHaveLength(1);
    const order = await orderLoader({ request: new Request(new URL(`/app/orders/${b}`, TEST_APP_URL)), params: { orderId: b }, context: {} });
    expect(order.timeline.map((entry) => entry.label)).toContain("Delay apology sent, delivery now expected Dec 1, 2099 (gift: “a free candle”, code SORRY10)");
  });

  it("refuses flags an apology is not for, and says why", async () => {
    const { a, c } = await seedFlags();
    const result = await post(apology(`${c}:unconfirmed`, `${a}:late_delivery`));
    expect(result).toMatchObject({
      ok: true,
      message: "1 apology sent, 1 refused.",
      summary: { done: 1, refused: [{ orderName: "#1003", reason: "An apology is for a late or failed delivery, not for “Not confirmed”." }] },
    });
    expect((await queued.jobs()).filter((job) => job.name === COMPOSE_MESSAGE_JOB).map((job) => job.payload.orderId)).toEqual([a]);
  });

  it("asks for a new expected date in the future", async () => {
    const { b } = await seedFlags();
    const result = await post([
      ["intent", "send-apology"],
      ["flag", `${b}:late_dispatch`],
      ["expectedDelivery", "2020-01-01"],
    ]);
    expect(result).toMatchObject({ ok: false, errors: { expectedDelivery: "The new expected delivery date must be today or later." } });
    expect(await queued.jobs()).toEqual([]);
  });
});

it("answers 400 to an unknown action", async () => {
  const outcome = await post([["intent", "delete-everything"]]).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect((outcome as Response).status).toBe(400);
});
