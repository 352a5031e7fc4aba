// The backfill end to end: the demo shop's 320 orders through a bulk operation on the
// Admin API stand-in, into a fake `apply` that records what it was given.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import type { OrderEvent } from "~/orders/order-snapshot";
import { AdminApiError, adminQuery } from "~/shopify/admin-graphql.server";
import { BACKFILL_BATCH_SIZE, BACKFILL_JOB, continueBackfill, getSyncStatus, requestBackfill, startBackfill } from "~/sync/backfill.server";
import type { ApplyOrderEvents } from "~/sync/order-sync.server";
import { BULK_RESULT_LIFETIME_MS, configureBulkOperations, failBulkOperation } from "../../admin-api/bulk-operations";
import { resetDatabase } from "../../support/factories";
import { startDemoStandIn, type DemoStandIn } from "../../support/stand-in-admin";

const NOW = new Date("2026-11-20T10:00:00Z");
const DAY = 86_400_000;
const OTHER_SHOP = "someone-else.myshopify.com";

let h: DemoStandIn;

beforeEach(async () => {
  await resetDatabase(prisma);
  h = await startDemoStandIn({ now: NOW });
});

afterEach(async () => {
  await h.close();
});

type Call = { orderIds: string[]; linesAppliedBefore: number };

/** A fake apply: records each call (and the progress recorded before it); can crash on a given call. */
function collector(options: { crashOnCall?: number } = {}) {
  const calls: Call[] = [];
  const events: OrderEvent[] = [];
  const apply: ApplyOrderEvents = async (db, shop, batch) => {
    const sync = await db.orderSync.findUniqueOrThrow({ where: { shop } });
    calls.push({ orderIds: batch.map((event) => (event.kind === "order" ? event.snapshot.orderId : "?")), linesAppliedBefore: sync.linesApplied });
    if (calls.length === options.crashOnCall) throw new Error("the worker died mid-batch");
    events.push(...batch);
  };
  return { apply, calls, events, orderIds: () => calls.flatMap((call) => call.orderIds) };
}

const demoOrderIds = () => h.demo.orders.map((order) => order.legacyResourceId).sort();
const sorted = (ids: string[]) => [...ids].sort();
const later = (ms: number) => {
  h.clock.now += ms;
  return new Date(h.clock.now);
};

describe("startBackfill", () => {
  it("asks Shopify for a bulk export of the last 60 days and records it", async () => {
    const status = await startBackfill(prisma, h.admin, h.shop, NOW);
    expect(status).toEqual({
      backfill: "running",
      backfillSince: new Date(NOW.getTime() - 60 * DAY),
      backfillStartedAt: NOW,
      backfillFinishedAt: null,
      ordersApplied: 0,
      lastReconciledAt: null,
      lastError: null,
    });
    const sync = await prisma.orderSync.findUniqueOrThrow({ where: { shop: h.shop } });
    expect(sync.bulkOperationId).toMatch(/^gid:\/\/shopify\/BulkOperation\/\d+$/);
    const sent = h.store.requests.filter((request) => request.operationName === "OrdersBackfillRun");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.variables?.query).toMatch(/^\{\n {2}orders\(query: "created_at:>='2026-09-21T10:00:00.000Z'", sortKey: CREATED_AT\)/);
  });

  it("leaves a running backfill alone", async () => {
    const first = await startBackfill(prisma, h.admin, h.shop, NOW);
    const again = await startBackfill(prisma, h.admin, h.shop, later(60_000));
    expect(again).toEqual(first);
    expect(h.store.requests.filter((request) => request.operationName === "OrdersBackfillRun")).toHaveLength(1);
  });

  it("records Shopify's refusal (five exports already under way) and throws it", async () => {
    configureBulkOperations(h.store, { durationMs: 3_600_000 });
    for (let i = 0; i < 5; i += 1) {
      await adminQuery(h.admin, `mutation Other { bulkOperationRunQuery(query: "{ products { edges { node { id } } } }") { userErrors { message } } }`);
    }
    const refused = startBackfill(prisma, h.admin, h.shop, NOW);
    await expect(refused).rejects.toThrow(AdminApiError);
    await expect(refused).rejects.toThrow("A maximum of 5 bulk query operations can run at the same time per shop.");
    expect(await getSyncStatus(prisma, h.shop)).toMatchObject({
      backfill: "failed",
      lastError: "Backfill: OrdersBackfillRun: input: A maximum of 5 bulk query operations can run at the same time per shop.",
    });
  });
});

describe("continueBackfill", () => {
  it("applies all 320 demo orders once, in batches, recording progress as it goes", async () => {
    const other = await prisma.orderSync.create({ data: { shop: OTHER_SHOP, backfillStatus: "running", bulkOperationId: "gid://shopify/BulkOperation/1", linesApplied: 7 } });
    const fake = collector();
    await startBackfill(prisma, h.admin, h.shop, NOW);
    // At the instant it was created, Shopify has not begun.
    expect(await continueBackfill(prisma, h.admin, h.shop, fake.apply, NOW)).toEqual({ state: "waiting", bulkStatus: "CREATED", objectCount: 0 });

    const done = later(1_000);
    expect(await continueBackfill(prisma, h.admin, h.shop, fake.apply, done)).toEqual({ state: "completed", ordersApplied: 320 });
    expect(sorted(fake.orderIds())).toEqual(demoOrderIds());
    expect(new Set(fake.orderIds()).size).toBe(320);
    expect(fake.events.every((event) => event.kind === "order" && event.source === "backfill")).toBe(true);
    expect(fake.calls.map((call) => call.orderIds.length)).toEqual([50, 50, 50, 50, 50, 50, 20]);
    expect(fake.calls.map((call) => call.linesAppliedBefore)).toEqual([0, 50, 100, 150, 200, 250, 300]);

    const sync = await prisma.orderSync.findUniqueOrThrow({ where: { shop: h.shop } });
    expect(sync).toMatchObject({ backfillStatus: "completed", linesApplied: 320, ordersApplied: 320, backfillFinishedAt: done, lastError: null });
    // Reconciliation takes over from the moment the export began.
    expect(sync.lastReconciledAt).toEqual(NOW);
    expect(await getSyncStatus(prisma, h.shop)).toMatchObject({ backfill: "completed", ordersApplied: 320, lastReconciledAt: NOW });
    expect(await continueBackfill(prisma, h.admin, h.shop, fake.apply, later(1_000))).toEqual({ state: "idle" });
    expect(await prisma.orderSync.findUniqueOrThrow({ where: { shop: OTHER_SHOP } })).toEqual(other);
  });

  it("waits while Shopify is still exporting", async () => {
    configureBulkOperations(h.store, { durationMs: 120_000 });
    const fake = collector();
    await startBackfill(prisma, h.admin, h.shop, NOW);
    expect(await continueBackfill(prisma, h.admin, h.shop, fake.apply, later(60_000))).toEqual({ state: "waiting", bulkStatus: "RUNNING", objectCount: 160 });
    expect(fake.calls).toEqual([]);
    expect(await continueBackfill(prisma, h.admin, h.shop, fake.apply, later(60_000))).toMatchObject({ state: "completed", ordersApplied: 320 });
  });

  it("resumes after a crash from the last recorded line: every order applied, the counters right", async () => {
    await startBackfill(prisma, h.admin, h.shop, NOW);
    const crashing = collector({ crashOnCall: 3 });
    const crashed = continueBackfill(prisma, h.admin, h.shop, crashing.apply, later(1_000));
    await expect(crashed).rejects.toThrow("the worker died mid-batch");
    const afterCrash = await prisma.orderSync.findUniqueOrThrow({ where: { shop: h.shop } });
    expect(afterCrash).toMatchObject({
      backfillStatus: "running",
      linesApplied: 2 * BACKFILL_BATCH_SIZE,
      ordersApplied: 2 * BACKFILL_BATCH_SIZE,
      lastError: "Backfill: the worker died mid-batch",
    });

    const resumed = collector();
    expect(await continueBackfill(prisma, h.admin, h.shop, resumed.apply, later(1_000))).toEqual({ state: "completed", ordersApplied: 320 });
    // It starts after line 100: the two batches recorded are not applied again...
    expect(resumed.calls[0]?.linesAppliedBefore).toBe(100);
    const before = crashing.calls.slice(0, 2).flatMap((call) => call.orderIds);
    expect(resumed.orderIds().filter((id) => before.includes(id))).toEqual([]);
    // ...the batch that crashed is (which apply's idempotency makes harmless), and together they are every order.
    expect(resumed.calls[0]?.orderIds).toEqual(crashing.calls[2]?.orderIds);
    expect(sorted([...before, ...resumed.orderIds()])).toEqual(demoOrderIds());
    expect(await prisma.orderSync.findUniqueOrThrow({ where: { shop: h.shop } })).toMatchObject({
      backfillStatus: "completed",
      linesApplied: 320,
      ordersApplied: 320,
      lastError: null,
    });
  });

  it("keeps the backfill running, with the reason in lastError, when the file cannot be read", async () => {
    await startBackfill(prisma, h.admin, h.shop, NOW);
    const fake = collector();
    const forbidden = { fetchFile: async () => new Response("Request has expired", { status: 403 }) };
    await expect(continueBackfill(prisma, h.admin, h.shop, fake.apply, later(1_000), forbidden)).rejects.toThrow("downloading the export failed: HTTP 403");
    expect(await getSyncStatus(prisma, h.shop)).toMatchObject({ backfill: "running", lastError: "Backfill: downloading the export failed: HTTP 403" });

    const childLine = { fetchFile: async () => new Response('\n{"id":"gid://shopify/LineItem/2","__parentId":"gid://shopify/Order/1"}\n') };
    await expect(continueBackfill(prisma, h.admin, h.shop, fake.apply, later(1_000), childLine)).rejects.toThrow(
      "line 2: a child line (__parentId): the backfill query selects no nested connection",
    );
    const truncated = { fetchFile: async () => new Response('{"id":"gid://shopify/Order/1","name":"#1"}\n') };
    await expect(continueBackfill(prisma, h.admin, h.shop, fake.apply, later(1_000), truncated)).rejects.toThrow(/^line 1: cannot be read as an order/);
    expect(fake.calls).toEqual([]);
    expect(await getSyncStatus(prisma, h.shop)).toMatchObject({ backfill: "running", ordersApplied: 0 });
  });

  it.each([
    ["FAILED", "Backfill: Shopify's export failed (TIMEOUT); sync again."],
    ["CANCELED", "Backfill: The export was canceled before it finished; sync again."],
    ["EXPIRED", "Backfill: The export's file expired (Shopify keeps it seven days) before it was read; sync again."],
  ])("marks the backfill failed when the export ends %s, with a clear lastError", async (outcome, lastError) => {
    configureBulkOperations(h.store, { durationMs: 60_000 });
    await startBackfill(prisma, h.admin, h.shop, NOW);
    const { bulkOperationId } = await prisma.orderSync.findUniqueOrThrow({ where: { shop: h.shop } });
    later(30_000);
    if (outcome === "FAILED") failBulkOperation(h.store, bulkOperationId ?? "", { status: "FAILED", errorCode: "TIMEOUT" });
    if (outcome === "CANCELED") failBulkOperation(h.store, bulkOperationId ?? "", { status: "CANCELED" });
    if (outcome === "EXPIRED") later(60_000 + BULK_RESULT_LIFETIME_MS);
    const fake = collector();
    const when = later(1_000);
    expect(await continueBackfill(prisma, h.admin, h.shop, fake.apply, when)).toEqual({ state: "failed", error: lastError });
    expect(fake.calls).toEqual([]);
    expect(await getSyncStatus(prisma, h.shop)).toMatchObject({ backfill: "failed", backfillFinishedAt: when, lastError });
    expect(await continueBackfill(prisma, h.admin, h.shop, fake.apply, later(1_000))).toEqual({ state: "idle" });
  });

  it("starts over after a failure when asked again", async () => {
    configureBulkOperations(h.store, { durationMs: 60_000 });
    await startBackfill(prisma, h.admin, h.shop, NOW);
    const { bulkOperationId } = await prisma.orderSync.findUniqueOrThrow({ where: { shop: h.shop } });
    failBulkOperation(h.store, bulkOperationId ?? "", { status: "CANCELED" });
    await continueBackfill(prisma, h.admin, h.shop, collector().apply, later(1_000));
    const restarted = await startBackfill(prisma, h.admin, h.shop, later(1_000));
    expect(restarted).toMatchObject({ backfill: "running", ordersApplied: 0, lastError: null });
    expect(await continueBackfill(prisma, h.admin, h.shop, collector().apply, later(60_000))).toEqual({ state: "completed", ordersApplied: 320 });
  });
});

describe("requestBackfill and getSyncStatus", () => {
  it("queues one backfill job per shop", async () => {
    const queued: unknown[][] = [];
    await requestBackfill(h.shop, async (...args) => queued.push(args));
    expect(queued).toEqual([[BACKFILL_JOB, h.shop, { shop: h.shop }, { singletonKey: `orders.backfill:${h.shop}` }]]);
  });

  it("says 'none' for a shop that never synced", async () => {
    expect(await getSyncStatus(prisma, h.shop)).toEqual({
      backfill: "none",
      backfillSince: null,
      backfillStartedAt: null,
      backfillFinishedAt: null,
      ordersApplied: 0,
      lastReconciledAt: null,
      lastError: null,
    });
  });
});
