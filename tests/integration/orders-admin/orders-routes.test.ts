// The Orders routes, called as Remix calls them, authenticated as the demo shop (demo mode:
// the shop's stored offline session stands in for OAuth). The services are tested on their
// own; this checks the routes hand them the session's shop and the URL, and answer 404.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { SHOP_A, SHOP_B, createOrder, createTimelineEvent, orderIdFor } from "./order-rows";

vi.hoisted(() => {
  // Read by app/config.server.ts when the app modules load.
  process.env.DEMO_MODE = "1";
  process.env.DEMO_SHOP = "maison-lumen.myshopify.com";
  process.env.SHOPIFY_ADMIN_API_ORIGIN = "http://127.0.0.1:9";
});

const { default: prisma } = await import("~/db.server");
const { loader: listLoader, action: listAction } = await import("~/routes/app.orders._index/route");
const { loader: orderLoader } = await import("~/routes/app.orders.$orderId/route");
const { resetDatabase, seedShop } = await import("../../support/factories");
const { TEST_APP_URL } = await import("../../support/test-env");
const { testDatabaseKind } = await import("../../support/databases");
const { getJobQueue, stopJobRuntime } = await import("~/jobs/runtime.server");
const { BACKFILL_JOB } = await import("~/sync/backfill.server");

const request = (path: string) => new Request(new URL(path, TEST_APP_URL));

afterAll(async () => {
  await stopJobRuntime();
});

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP_A);
  await seedShop(prisma, SHOP_B);
});

describe("the Orders list route", () => {
  it("lists the session's shop's orders, filtered by the URL", async () => {
    await createOrder(prisma, SHOP_A, 1001, { financialStatus: "paid" });
    await createOrder(prisma, SHOP_A, 1002, { financialStatus: "pending" });
    await createOrder(prisma, SHOP_B, 1003, { financialStatus: "pending" });

    const all = await listLoader({ request: request("/app/orders"), params: {}, context: {} });
    expect(all.rows.map((row) => row.name)).toEqual(["#1002", "#1001"]);
    const pending = await listLoader({ request: request("/app/orders?payment=pending&page=-1"), params: {}, context: {} });
    expect(pending.rows.map((row) => row.name)).toEqual(["#1002"]);
    expect(pending.notices).toEqual([]);
  });
});

describe("the order route", () => {
  it("shows the session's shop's order", async () => {
    const { orderId } = await createOrder(prisma, SHOP_A, 1042);
    await createTimelineEvent(prisma, SHOP_A, orderId, { kind: "placed", occurredAt: "2026-11-18T10:04:00Z" });
    const order = await orderLoader({ request: request(`/app/orders/${orderId}`), params: { orderId }, context: {} });
    expect(order.name).toBe("#1042");
    expect(order.timeline.map((entry) => entry.label)).toEqual(["Placed"]);
  });

  it.each([
    ["another shop's order", orderIdFor(1099)],
    ["an unknown order", orderIdFor(4242)],
    ["an id that is no order id", "not-an-id"],
  ])("answers 404 for %s", async (_, orderId) => {
    await createOrder(prisma, SHOP_B, 1099);
    const outcome = await orderLoader({ request: request(`/app/orders/${orderId}`), params: { orderId }, context: {} }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).toBe(404);
  });
});

describe("Sync orders now", () => {
  const post = (intent: string) =>
    new Request(new URL("/app/orders?index", TEST_APP_URL), { method: "POST", body: new URLSearchParams({ intent }) });

  it("queues the backfill for the session's shop", async () => {
    const enqueue = vi.spyOn(getJobQueue(), "enqueue").mockResolvedValue("job-1");
    expect(await listAction({ request: post("sync-orders"), params: {}, context: {} })).toEqual({ syncRequested: true });
    expect(enqueue).toHaveBeenCalledTimes(1);
    expect(enqueue.mock.calls[0]?.slice(0, 3)).toEqual([BACKFILL_JOB, SHOP_A, { shop: SHOP_A }]);
  });

  it.runIf(testDatabaseKind() === "sqlite")("puts one job on the embedded queue, however often it is pressed", async () => {
    await listAction({ request: post("sync-orders"), params: {}, context: {} });
    await listAction({ request: post("sync-orders"), params: {}, context: {} });
    expect(await prisma.job.findMany({ select: { name: true, shop: true, status: true } })).toEqual([{ name: BACKFILL_JOB, shop: SHOP_A, status: "queued" }]);
  });

  it("answers 400 to anything else", async () => {
    const enqueue = vi.spyOn(getJobQueue(), "enqueue").mockResolvedValue("job-1");
    const outcome = await listAction({ request: post("delete-everything"), params: {}, context: {} }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect((outcome as Response).status).toBe(400);
    expect(enqueue).not.toHaveBeenCalled();
  });
});
