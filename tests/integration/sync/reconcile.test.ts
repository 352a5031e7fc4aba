// Reconciliation against the Admin API stand-in holding the demo shop: what it asks for,
// how it pages, how it paces itself on a tiny leaky bucket, and where it leaves its cursor.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { AdminApiError, adminQuery } from "~/shopify/admin-graphql.server";
import type { ApplyOrderEvents } from "~/sync/order-sync.server";
import { MAX_THROTTLED_RETRIES, RECONCILE_OVERLAP_MS, RECONCILE_PAGE_SIZE, reconcileOrders } from "~/sync/reconcile.server";
import { DEFAULT_APP_KEY } from "../../admin-api/store";
import { resetDatabase } from "../../support/factories";
import { startDemoStandIn, type DemoStandIn } from "../../support/stand-in-admin";

const NOW = new Date("2026-11-20T10:00:00Z");
const DAY = 86_400_000;
/** A bucket that holds barely more than one page (914 points) and refills slowly. */
const TINY_BUCKET = { standard: { maximumAvailable: 1000, restoreRate: 50 } };

let h: DemoStandIn | undefined;

beforeEach(async () => {
  await resetDatabase(prisma);
});

afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function demo(options: { planLimits?: typeof TINY_BUCKET } = {}): Promise<DemoStandIn> {
  h = await startDemoStandIn({ now: NOW, ...options });
  return h;
}

function collector(options: { crashOnCall?: number } = {}) {
  const pages: string[][] = [];
  const apply: ApplyOrderEvents = async (_db, _shop, events) => {
    pages.push(events.map((event) => (event.kind === "order" && event.source === "reconciliation" ? event.snapshot.orderId : "?")));
    if (pages.length === options.crashOnCall) throw new Error("the worker died mid-page");
  };
  return { apply, pages, orderIds: () => pages.flat() };
}

/** A sleep that lets the stand-in's clock (and so its bucket) move on. */
function clockSleep(stand: DemoStandIn) {
  const slept: number[] = [];
  return {
    slept,
    sleep: async (ms: number) => {
      slept.push(ms);
      stand.clock.now += ms;
    },
  };
}

const ids = (orders: { legacyResourceId: string }[]) => orders.map((order) => order.legacyResourceId).sort();
const updatedAfter = (stand: DemoStandIn, time: number) => stand.demo.orders.filter((order) => Date.parse(order.updatedAt) > time);
const newestUpdate = (stand: DemoStandIn) => new Date(Math.max(...stand.demo.orders.map((order) => Date.parse(order.updatedAt))));
const throttledAnswers = (stand: DemoStandIn) =>
  stand.store.requests.filter((request) => request.operationName === "OrdersReconcile" && request.errorCodes?.includes("THROTTLED"));

describe("reconcileOrders", () => {
  it("the first time, reads every order updated in the last 60 days, page by page, and keeps the newest update as its cursor", async () => {
    const stand = await demo();
    const fake = collector();
    const result = await reconcileOrders(prisma, stand.admin, stand.shop, fake.apply, NOW, clockSleep(stand));
    expect(result).toMatchObject({ since: new Date(NOW.getTime() - 60 * DAY), pages: Math.ceil(320 / RECONCILE_PAGE_SIZE), ordersApplied: 320, throttledRetries: 0 });
    expect(fake.orderIds().sort()).toEqual(ids(stand.demo.orders));
    expect(fake.pages.every((page) => page.length <= RECONCILE_PAGE_SIZE)).toBe(true);
    expect(result.lastReconciledAt).toEqual(newestUpdate(stand));
    expect((await prisma.orderSync.findUniqueOrThrow({ where: { shop: stand.shop } })).lastReconciledAt).toEqual(newestUpdate(stand));
    const asked = stand.store.requests.find((request) => request.operationName === "OrdersReconcile");
    expect(asked?.variables).toEqual({ first: RECONCILE_PAGE_SIZE, after: null, query: "updated_at:>'2026-09-21T10:00:00.000Z'" });
  });

  it("picks up only the orders updated after the last sync (less a small overlap)", async () => {
    const stand = await demo();
    const lastSync = new Date(NOW.getTime() - 2 * DAY);
    await prisma.orderSync.create({ data: { shop: stand.shop, lastReconciledAt: lastSync } });
    const fake = collector();
    const result = await reconcileOrders(prisma, stand.admin, stand.shop, fake.apply, NOW, clockSleep(stand));
    const expected = updatedAfter(stand, lastSync.getTime() - RECONCILE_OVERLAP_MS);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(320);
    expect(fake.orderIds().sort()).toEqual(ids(expected));
    expect(result).toMatchObject({ since: new Date(lastSync.getTime() - RECONCILE_OVERLAP_MS), ordersApplied: expected.length, lastReconciledAt: newestUpdate(stand) });
  });

  it("on the next run, sees just what changed since, and moves the cursor to it", async () => {
    const stand = await demo();
    await reconcileOrders(prisma, stand.admin, stand.shop, collector().apply, NOW, clockSleep(stand));
    const cursor = newestUpdate(stand);

    stand.clock.now += 3_600_000;
    const touchedAt = new Date(stand.clock.now);
    const touched = [stand.demo.orders[5], stand.demo.orders[100], stand.demo.orders[250]].map((order) => order?.id ?? "");
    for (const id of touched) {
      await adminQuery(stand.admin, `mutation Touch($id: ID!) { tagsAdd(id: $id, tags: ["checked"]) { userErrors { message } } }`, { id });
    }
    const fake = collector();
    const result = await reconcileOrders(prisma, stand.admin, stand.shop, fake.apply, new Date(stand.clock.now), clockSleep(stand));
    const alsoInOverlap = updatedAfter(stand, cursor.getTime() - RECONCILE_OVERLAP_MS).map((order) => order.id);
    expect(fake.orderIds().sort()).toEqual([...new Set([...touched, ...alsoInOverlap])].map((gid) => gid.split("/").at(-1)).sort());
    expect(result.lastReconciledAt).toEqual(touchedAt);
  });

  it("paces itself on a tiny bucket, and when THROTTLED waits for the refill and asks again", async () => {
    const stand = await demo({ planLimits: TINY_BUCKET });
    // Another caller has just emptied the app's bucket on this shop.
    stand.standIn.limiter.admit({ appKey: DEFAULT_APP_KEY, shopDomain: stand.shop, plan: "standard" }, 1000);
    const fake = collector();
    const pacing = clockSleep(stand);
    const result = await reconcileOrders(prisma, stand.admin, stand.shop, fake.apply, NOW, pacing);

    expect(fake.orderIds().sort()).toEqual(ids(stand.demo.orders));
    // The one THROTTLED answer: the refused page's 914 points at 50 a second.
    expect(result.throttledRetries).toBe(1);
    expect(throttledAnswers(stand)).toHaveLength(1);
    expect(pacing.slept[0]).toBe(Math.ceil((914 / 50) * 1000));
    // After that it waited before each page instead of being refused.
    expect(pacing.slept.length).toBeGreaterThan(result.pages - 2);
    expect(result.waitedMs).toBe(pacing.slept.reduce((sum, ms) => sum + ms, 0));
    const answered = stand.store.requests.filter((request) => request.operationName === "OrdersReconcile" && request.status === 200 && !request.errorCodes);
    expect(answered).toHaveLength(result.pages);
  });

  it("gives up after repeated THROTTLED answers, recording the error and keeping its cursor", async () => {
    const stand = await demo({ planLimits: TINY_BUCKET });
    const key = { appKey: DEFAULT_APP_KEY, shopDomain: stand.shop, plan: "standard" as const };
    stand.standIn.limiter.admit(key, 1000);
    const fake = collector();
    // Sleeping that never lets the bucket refill (the clock stands still).
    const run = reconcileOrders(prisma, stand.admin, stand.shop, fake.apply, NOW, { sleep: async () => undefined });
    await expect(run).rejects.toThrow(AdminApiError);
    await expect(run).rejects.toMatchObject({ throttled: true });
    expect(throttledAnswers(stand)).toHaveLength(MAX_THROTTLED_RETRIES + 1);
    expect(fake.pages).toEqual([]);
    expect(await prisma.orderSync.findUniqueOrThrow({ where: { shop: stand.shop } })).toMatchObject({
      lastReconciledAt: null,
      lastError: "Reconciliation: OrdersReconcile: Throttled",
    });
  });

  it("after a run cut short, resumes after what it applied; success clears its error", async () => {
    const stand = await demo();
    const crashing = collector({ crashOnCall: 3 });
    await expect(reconcileOrders(prisma, stand.admin, stand.shop, crashing.apply, NOW, clockSleep(stand))).rejects.toThrow("the worker died mid-page");
    const byUpdate = [...stand.demo.orders].sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || Number(a.legacyResourceId) - Number(b.legacyResourceId));
    const appliedThrough = byUpdate[2 * RECONCILE_PAGE_SIZE - 1];
    const afterCrash = await prisma.orderSync.findUniqueOrThrow({ where: { shop: stand.shop } });
    expect(afterCrash.lastReconciledAt).toEqual(new Date(appliedThrough?.updatedAt ?? ""));
    expect(afterCrash.lastError).toBe("Reconciliation: the worker died mid-page");

    const resumed = collector();
    const result = await reconcileOrders(prisma, stand.admin, stand.shop, resumed.apply, NOW, clockSleep(stand));
    expect(result.since).toEqual(new Date(Date.parse(appliedThrough?.updatedAt ?? "") - RECONCILE_OVERLAP_MS));
    expect([...new Set([...crashing.pages.slice(0, 2).flat(), ...resumed.orderIds()])].sort()).toEqual(ids(stand.demo.orders));
    expect(resumed.orderIds().length).toBeLessThan(320);
    expect(await prisma.orderSync.findUniqueOrThrow({ where: { shop: stand.shop } })).toMatchObject({ lastError: null, lastReconciledAt: newestUpdate(stand) });
  });

  it("leaves a backfill's error for the backfill to clear", async () => {
    const stand = await demo();
    await prisma.orderSync.create({ data: { shop: stand.shop, backfillStatus: "failed", lastError: "Backfill: Shopify's export failed (TIMEOUT); sync again." } });
    await reconcileOrders(prisma, stand.admin, stand.shop, collector().apply, NOW, clockSleep(stand));
    expect((await prisma.orderSync.findUniqueOrThrow({ where: { shop: stand.shop } })).lastError).toBe("Backfill: Shopify's export failed (TIMEOUT); sync again.");
  });
});
