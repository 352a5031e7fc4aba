// The embedded backend's own guarantees: work left by a dead process is taken back, two
// workers never run the same job, and counts are per shop.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import prisma, { createDb, type Db } from "~/db.server";
import { createJobQueue, type JobQueue } from "~/jobs/queue.server";
import type { JobContext } from "~/jobs/queue";
import { resetDatabase } from "../../support/factories";
import { testDatabaseKind } from "../../support/databases";
import { EMBEDDED_SETTINGS, sleep } from "./backends";

const SHOP = "embedded.myshopify.com";
const OTHER_SHOP = "other-embedded.myshopify.com";
const config = { database: "sqlite" as const, databaseUrl: process.env.DATABASE_URL ?? "" };
const until = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 20 });

let queues: JobQueue[] = [];
let clients: Db[] = [];

function embedded(db: Db = prisma, options: Parameters<typeof createJobQueue>[2] = {}): JobQueue {
  const queue = createJobQueue(db, config, { ...EMBEDDED_SETTINGS.options, ...options });
  queues.push(queue);
  return queue;
}

beforeEach(async () => {
  await resetDatabase(prisma);
});

afterEach(async () => {
  await Promise.all(queues.map((queue) => queue.stop()));
  await Promise.all(clients.map((client) => client.$disconnect()));
  queues = [];
  clients = [];
});

async function leftRunning(data: { attempts: number; maxAttempts: number; lockedAt: Date }) {
  return prisma.job.create({ data: { shop: SHOP, name: "sync", payload: JSON.stringify({ left: true }), status: "running", ...data } });
}

describe("the embedded job queue", () => {
  it("on start, puts back the jobs an earlier process left running, and fails one that had used its last attempt", async () => {
    const startedAt = new Date();
    const interrupted = await leftRunning({ attempts: 1, maxAttempts: 3, lockedAt: new Date(startedAt.getTime() - 60_000) });
    const exhausted = await leftRunning({ attempts: 3, maxAttempts: 3, lockedAt: new Date(startedAt.getTime() - 60_000) });
    const calls: JobContext[] = [];
    await embedded(prisma, { processStartedAt: startedAt }).start({ sync: async (_payload, context) => void calls.push(context) }, EMBEDDED_SETTINGS.startOptions);

    await until(() => calls.length).toBe(1);
    expect(calls[0]).toEqual({ shop: SHOP, jobId: interrupted.id, attempt: 2 });
    await until(async () => (await prisma.job.findUniqueOrThrow({ where: { id: interrupted.id } })).status).toBe("completed");
    expect(await prisma.job.findUniqueOrThrow({ where: { id: exhausted.id } })).toMatchObject({ status: "failed", lockedAt: null });
    expect(await prisma.jobFailure.findMany()).toEqual([
      expect.objectContaining({ shop: SHOP, jobName: "sync", jobId: exhausted.id, permanent: false, attempts: 3, error: expect.stringContaining("The worker stopped while running attempt 3") }),
    ]);
  });

  it("takes back a job whose lock timed out, but never one it is running itself", async () => {
    const startedAt = new Date(Date.now() - 60_000);
    // Locked after this process "started": another live process's job, until its lock times out.
    const foreign = await leftRunning({ attempts: 1, maxAttempts: 3, lockedAt: new Date() });
    const calls: JobContext[] = [];
    const queue = embedded(prisma, { processStartedAt: startedAt, lockTimeoutMs: 250 });
    await queue.start(
      {
        sync: async (_payload, context) => void calls.push(context),
        slow: async (_payload, context) => {
          calls.push(context);
          await sleep(800);
        },
      },
      EMBEDDED_SETTINGS.startOptions,
    );
    const slow = await queue.enqueue("slow", SHOP, null);

    await until(() => calls.map((call) => call.jobId).sort()).toEqual([foreign.id, slow].sort());
    expect(calls.find((call) => call.jobId === foreign.id)?.attempt).toBe(2);
    await until(async () => (await prisma.job.findUniqueOrThrow({ where: { id: slow! } })).status).toBe("completed");
    expect(calls.filter((call) => call.jobId === slow)).toHaveLength(1);
  });

  it("lets two workers on one database run each job exactly once", async () => {
    // On PostgreSQL the second worker gets its own connection pool, so the claims really race.
    const second = testDatabaseKind() === "postgres" ? createDb(process.env.DATABASE_URL!) : prisma;
    if (second !== prisma) clients.push(second);
    const runs = new Map<string, number>();
    const handler = async (_payload: unknown, context: JobContext) => {
      runs.set(context.jobId, (runs.get(context.jobId) ?? 0) + 1);
      await sleep(5);
    };
    const producer = embedded();
    const ids = await Promise.all(Array.from({ length: 30 }, (_, n) => producer.enqueue("work", SHOP, { n })));
    await Promise.all([embedded(prisma).start({ work: handler }, { pollIntervalMs: 10, concurrency: 3 }), embedded(second).start({ work: handler }, { pollIntervalMs: 10, concurrency: 3 })]);

    await until(() => prisma.job.count({ where: { status: "completed" } })).toBe(30);
    expect([...runs.keys()].sort()).toEqual([...ids].sort());
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
  });

  it("counts queued and running jobs for one shop only", async () => {
    const queue = embedded();
    await queue.enqueue("a", SHOP, null);
    await queue.enqueue("a", SHOP, null, { runAt: new Date(Date.now() + 3_600_000) });
    await queue.enqueue("a", OTHER_SHOP, null);
    await leftRunning({ attempts: 1, maxAttempts: 3, lockedAt: new Date() });
    expect(await queue.counts(SHOP)).toEqual({ queued: 2, running: 1 });
    expect(await queue.counts(OTHER_SHOP)).toEqual({ queued: 1, running: 0 });
    expect(await queue.counts("nobody.myshopify.com")).toEqual({ queued: 0, running: 0 });
  });

  it("leaves jobs it has no handler for to a process that has one", async () => {
    const queue = embedded();
    await queue.start({ known: async () => {} }, EMBEDDED_SETTINGS.startOptions);
    const unknown = await queue.enqueue("unknown", SHOP, null);
    const known = await queue.enqueue("known", SHOP, null);
    await until(async () => (await prisma.job.findUniqueOrThrow({ where: { id: known! } })).status).toBe("completed");
    await sleep(100);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: unknown! } })).toMatchObject({ status: "queued", attempts: 0 });
  });

  it("clears the singleton key when the job leaves the queue", async () => {
    const queue = embedded();
    const id = await queue.enqueue("keyed", SHOP, null, { singletonKey: "k" });
    expect((await prisma.job.findUniqueOrThrow({ where: { id: id! } })).singletonKey).toBe(`${SHOP}:k`);
    await queue.start({ keyed: async () => {} }, EMBEDDED_SETTINGS.startOptions);
    await until(async () => (await prisma.job.findUniqueOrThrow({ where: { id: id! } })).status).toBe("completed");
    expect((await prisma.job.findUniqueOrThrow({ where: { id: id! } })).singletonKey).toBeNull();
  });
});
