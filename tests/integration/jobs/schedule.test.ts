// Scheduled jobs run once per interval and shop, however many instances tick at once.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import prisma, { createDb, type Db } from "~/db.server";
import { createJobQueue, type JobQueue } from "~/jobs/queue.server";
import { runScheduled, startScheduleTicker, type ScheduledJob } from "~/jobs/schedule.server";
import { resetDatabase } from "../../support/factories";
import { testDatabaseKind } from "../../support/databases";
import { EMBEDDED_SETTINGS } from "./backends";

const SHOPS = ["a.myshopify.com", "b.myshopify.com", "c.myshopify.com", "d.myshopify.com"];
const HOUR = 3_600_000;
const config = { database: "sqlite" as const, databaseUrl: process.env.DATABASE_URL ?? "" };

let clients: Db[] = [];

/** An app instance: its own database client where the database allows several (PostgreSQL). */
function instance(): { db: Db; queue: JobQueue } {
  let db = prisma;
  if (testDatabaseKind() === "postgres") {
    db = createDb(process.env.DATABASE_URL!);
    clients.push(db);
  }
  return { db, queue: createJobQueue(db, config, EMBEDDED_SETTINGS.options) };
}

const reconcile: ScheduledJob = { name: "orders.reconcile", everyMs: HOUR, shops: async () => SHOPS };

async function jobsPerShop(): Promise<Record<string, string[]>> {
  const jobs = await prisma.job.findMany({ where: { name: reconcile.name }, orderBy: { createdAt: "asc" } });
  const result: Record<string, string[]> = {};
  for (const job of jobs) (result[job.shop] ??= []).push((JSON.parse(job.payload) as { slot: string }).slot);
  return result;
}

beforeEach(async () => {
  await resetDatabase(prisma);
});

afterEach(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
  clients = [];
});

describe("runScheduled", () => {
  it("enqueues each shop's job once per interval when two instances race", async () => {
    const one = instance();
    const two = instance();
    const at = new Date("2026-11-23T15:07:00Z");

    const runs = await Promise.all([runScheduled(one.db, one.queue, reconcile, at), runScheduled(two.db, two.queue, reconcile, at)]);
    expect(runs.map((run) => run.slot)).toEqual(["2026-11-23T15:00:00.000Z", "2026-11-23T15:00:00.000Z"]);
    expect([...runs[0]!.enqueued, ...runs[1]!.enqueued].sort()).toEqual(SHOPS);
    expect(await jobsPerShop()).toEqual(Object.fromEntries(SHOPS.map((shop) => [shop, ["2026-11-23T15:00:00.000Z"]])));

    // Later ticks of the same interval find it done.
    const again = await Promise.all([runScheduled(one.db, one.queue, reconcile, new Date("2026-11-23T15:59:59Z")), runScheduled(two.db, two.queue, reconcile, new Date("2026-11-23T15:30:00Z"))]);
    expect(again.map((run) => run.done)).toEqual([true, true]);
    expect(await prisma.job.count()).toBe(SHOPS.length);
  });

  it("runs again in the next interval, but not on top of a job still waiting from the last one", async () => {
    const { db, queue } = instance();
    await runScheduled(db, queue, reconcile, new Date("2026-11-23T15:07:00Z"));
    // Shop a's job ran; the others are still queued when the next interval comes.
    await prisma.job.updateMany({ where: { shop: "a.myshopify.com" }, data: { status: "completed", singletonKey: null } });

    const next = await runScheduled(db, queue, reconcile, new Date("2026-11-23T16:00:00Z"));
    expect(next).toMatchObject({ slot: "2026-11-23T16:00:00.000Z", done: false });
    expect(await jobsPerShop()).toEqual({
      "a.myshopify.com": ["2026-11-23T15:00:00.000Z", "2026-11-23T16:00:00.000Z"],
      "b.myshopify.com": ["2026-11-23T15:00:00.000Z"],
      "c.myshopify.com": ["2026-11-23T15:00:00.000Z"],
      "d.myshopify.com": ["2026-11-23T15:00:00.000Z"],
    });
  });

  it("leaves a shop it could not schedule for the next tick of the interval, and picks up a shop that appears", async () => {
    const { db, queue } = instance();
    const failing: JobQueue = {
      ...queue,
      enqueue: (name, shop, payload, options) => (shop === "c.myshopify.com" ? Promise.reject(new Error("database hiccup")) : queue.enqueue(name, shop, payload, options)),
    };
    await expect(runScheduled(db, failing, reconcile, new Date("2026-11-23T15:07:00Z"))).rejects.toThrow("1 shop(s) could not be scheduled");
    expect(Object.keys(await jobsPerShop()).sort()).toEqual(["a.myshopify.com", "b.myshopify.com", "d.myshopify.com"]);
    // The claim of the failed shop was rolled back with its enqueue.
    expect(await prisma.scheduleSlot.count({ where: { shop: "c.myshopify.com" } })).toBe(0);

    const withNewShop = { ...reconcile, shops: async () => [...SHOPS, "e.myshopify.com"] };
    const retried = await runScheduled(db, queue, withNewShop, new Date("2026-11-23T15:08:00Z"));
    expect(retried.enqueued.sort()).toEqual(["c.myshopify.com", "e.myshopify.com"]);
    expect(await prisma.job.count()).toBe(5);
    expect(await prisma.scheduleSlot.count({ where: { shop: "*" } })).toBe(1);
  });

  it("passes the payload the schedule builds", async () => {
    const { db, queue } = instance();
    await runScheduled(db, queue, { ...reconcile, shops: async () => ["a.myshopify.com"], payload: ({ shop, slot }) => ({ shop, since: slot }) }, new Date("2026-11-23T15:07:00Z"));
    const job = await prisma.job.findFirstOrThrow();
    expect(JSON.parse(job.payload)).toEqual({ shop: "a.myshopify.com", since: "2026-11-23T15:00:00.000Z" });
  });
});

describe("the schedule ticker", () => {
  it("ticks at once and then every interval, and drops old claims", async () => {
    const { db, queue } = instance();
    await prisma.scheduleSlot.create({ data: { shop: "a.myshopify.com", name: reconcile.name, slot: "2026-11-01T00:00:00.000Z", claimedAt: new Date("2026-11-01T00:00:00Z") } });
    let now = new Date("2026-11-23T15:07:00Z");
    const errors: unknown[] = [];
    const ticker = startScheduleTicker(db, queue, [{ ...reconcile, everyMs: 60_000 }], { intervalMs: 30, now: () => now, onError: (error) => errors.push(error) });
    try {
      await expect.poll(() => prisma.job.count(), { timeout: 5000, interval: 10 }).toBe(SHOPS.length);
      await prisma.job.updateMany({ data: { status: "completed", singletonKey: null } });
      now = new Date("2026-11-23T15:08:00Z");
      await expect.poll(() => prisma.job.count(), { timeout: 5000, interval: 10 }).toBe(2 * SHOPS.length);
    } finally {
      await ticker.stop();
    }
    expect(errors).toEqual([]);
    expect(await prisma.scheduleSlot.count({ where: { slot: "2026-11-01T00:00:00.000Z" } })).toBe(0);
  });
});
