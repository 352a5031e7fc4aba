// One contract, both backends, in every run: the embedded queue on this file's database and
// pg-boss on a PostgreSQL database made for the file.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createJobQueue, type JobQueue } from "~/jobs/queue.server";
import { PermanentJobError, type JobContext, type JobHandler } from "~/jobs/queue";
import { AdminApiError } from "~/shopify/admin-graphql.server";
import { resetDatabase } from "../../support/factories";
import { embeddedBackend, pgBossBackend, sleep, type QueueBackend } from "./backends";

const SHOP = "contract.myshopify.com";
const OTHER_SHOP = "other-contract.myshopify.com";

type Call = { payload: unknown; context: JobContext; at: number };

const backends: { label: string; make: () => Promise<QueueBackend> }[] = [
  { label: "embedded", make: async () => embeddedBackend() },
  { label: "pg-boss", make: () => pgBossBackend("jobs_contract") },
];

describe.each(backends)("job queue contract: $label", ({ make }) => {
  let backend: QueueBackend;
  let queue: JobQueue | undefined;
  let names = 0;

  // Each test has job names of its own, so that pg-boss queues never carry jobs across tests.
  const jobName = (what: string) => `t${++names}.${what}`;

  const until = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 20 });

  function recording(behaviour: (call: Call, calls: Call[]) => Promise<void> | void = () => {}): { calls: Call[]; handler: JobHandler } {
    const calls: Call[] = [];
    return {
      calls,
      handler: async (payload, context) => {
        const call = { payload, context, at: Date.now() };
        calls.push(call);
        await behaviour(call, calls);
      },
    };
  }

  function newQueue(): JobQueue {
    queue = createJobQueue(backend.db, backend.config, backend.options);
    return queue;
  }

  beforeAll(async () => {
    backend = await make();
  });

  afterAll(async () => {
    await backend?.close();
  });

  beforeEach(async () => {
    await resetDatabase(backend.db);
  });

  afterEach(async () => {
    await queue?.stop();
    queue = undefined;
  });

  it("runs a job with its payload, shop, id and attempt number, and marks it completed", async () => {
    const name = jobName("send");
    const { calls, handler } = recording();
    const jobs = newQueue();
    await jobs.start({ [name]: handler }, backend.startOptions);
    const id = await jobs.enqueue(name, SHOP, { orderId: "1042", tags: ["gift"] });
    expect(id).toEqual(expect.any(String));

    await until(() => calls.length).toBe(1);
    expect(calls[0]?.payload).toEqual({ orderId: "1042", tags: ["gift"] });
    expect(calls[0]?.context).toEqual({ shop: SHOP, jobId: id, attempt: 1 });
    await until(() => backend.jobState(id!)).toBe("completed");
    expect(await backend.db.jobFailure.count()).toBe(0);
  });

  it("does not run a job before its runAt", async () => {
    const name = jobName("later");
    const { calls, handler } = recording();
    const jobs = newQueue();
    await jobs.start({ [name]: handler }, backend.startOptions);
    const runAt = new Date(Date.now() + 800);
    await jobs.enqueue(name, SHOP, null, { runAt });

    await until(() => calls.length).toBe(1);
    expect(calls[0]!.at).toBeGreaterThanOrEqual(runAt.getTime() - 50);
  });

  it("retries a failing job after a backoff delay, then succeeds", async () => {
    const name = jobName("flaky");
    const { calls, handler } = recording((call) => {
      if (call.context.attempt === 1) throw new Error("Shopify is having a moment");
    });
    const errors: unknown[] = [];
    queue = createJobQueue(backend.db, backend.config, { ...backend.options, onJobError: (error, event) => errors.push({ error, event }) });
    await queue.start({ [name]: handler }, backend.startOptions);
    const id = await queue.enqueue(name, SHOP, { n: 1 });

    await until(() => calls.length).toBe(2);
    expect(calls.map((call) => call.context.attempt)).toEqual([1, 2]);
    expect(calls.map((call) => call.context.jobId)).toEqual([id, id]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(backend.minRetryDelayMs - 20);
    await until(() => backend.jobState(id!)).toBe("completed");
    expect(errors).toEqual([
      { error: expect.objectContaining({ message: "Shopify is having a moment" }), event: { name, shop: SHOP, jobId: id, attempt: 1, permanent: false, willRetry: true } },
    ]);
    expect(await backend.db.jobFailure.count()).toBe(0);
  });

  it("does not retry a permanent error, and records a JobFailure", async () => {
    const name = jobName("gone");
    const { calls, handler } = recording(() => {
      throw new AdminApiError("orderUpdate: Not Found", "orderUpdate", ["HTTP_404"], 404);
    });
    const jobs = newQueue();
    await jobs.start({ [name]: handler }, backend.startOptions);
    const id = await jobs.enqueue(name, SHOP, { orderId: "7" }, { maxAttempts: 5 });

    await until(() => backend.db.jobFailure.count()).toBe(1);
    await until(() => backend.jobState(id!)).toBe("failed");
    await sleep(backend.quietMs);
    expect(calls).toHaveLength(1);
    const failure = await backend.db.jobFailure.findFirstOrThrow();
    expect(failure).toMatchObject({ shop: SHOP, jobName: name, jobId: id, error: "orderUpdate: Not Found", permanent: true, attempts: 1, retriedAt: null });
    expect(JSON.parse(failure.payload)).toEqual({ orderId: "7" });
  });

  it("records a JobFailure once the attempts are used up", async () => {
    const name = jobName("broken");
    const { calls, handler } = recording((call) => {
      throw new Error(`still broken (${call.context.attempt})`);
    });
    const jobs = newQueue();
    await jobs.start({ [name]: handler }, backend.startOptions);
    const id = await jobs.enqueue(name, SHOP, { n: 2 }, { maxAttempts: 2 });

    await until(() => backend.db.jobFailure.count()).toBe(1);
    expect(calls.map((call) => call.context.attempt)).toEqual([1, 2]);
    await until(() => backend.jobState(id!)).toBe("failed");
    expect(await backend.db.jobFailure.findFirstOrThrow()).toMatchObject({ shop: SHOP, jobName: name, jobId: id, error: "still broken (2)", permanent: false, attempts: 2 });
  });

  it("retryFailure enqueues the payload again, once, for the failure's own shop only", async () => {
    const name = jobName("retryable");
    let fixed = false;
    const { calls, handler } = recording(() => {
      if (!fixed) throw new PermanentJobError("the order was archived");
    });
    const jobs = newQueue();
    await jobs.start({ [name]: handler }, backend.startOptions);
    await jobs.enqueue(name, SHOP, { orderId: "9" });
    await until(() => backend.db.jobFailure.count()).toBe(1);
    const failure = await backend.db.jobFailure.findFirstOrThrow();

    expect(await jobs.retryFailure(OTHER_SHOP, failure.id)).toBe(false);
    expect(await jobs.retryFailure(SHOP, "no-such-failure")).toBe(false);
    expect((await backend.db.jobFailure.findUniqueOrThrow({ where: { id: failure.id } })).retriedAt).toBeNull();

    fixed = true;
    expect(await jobs.retryFailure(SHOP, failure.id)).toBe(true);
    await until(() => calls.length).toBe(2);
    expect(calls[1]).toMatchObject({ payload: { orderId: "9" }, context: { shop: SHOP, attempt: 1 } });
    expect(calls[1]!.context.jobId).not.toBe(failure.jobId);
    await until(() => backend.jobState(calls[1]!.context.jobId)).toBe("completed");
    expect((await backend.db.jobFailure.findUniqueOrThrow({ where: { id: failure.id } })).retriedAt).toBeInstanceOf(Date);

    expect(await jobs.retryFailure(SHOP, failure.id)).toBe(false);
    await sleep(backend.quietMs);
    expect(calls).toHaveLength(2);
  });

  it("keeps at most one queued job per shop and singleton key, and takes a new one once it has started", async () => {
    const name = jobName("sync");
    const { calls, handler } = recording();
    const jobs = newQueue();

    const first = await jobs.enqueue(name, SHOP, { n: 1 }, { singletonKey: "orders" });
    expect(first).toEqual(expect.any(String));
    expect(await jobs.enqueue(name, SHOP, { n: 2 }, { singletonKey: "orders" })).toBeNull();
    expect(await jobs.enqueue(name, OTHER_SHOP, { n: 3 }, { singletonKey: "orders" })).toEqual(expect.any(String));
    expect(await jobs.enqueue(name, SHOP, { n: 4 }, { singletonKey: "customers" })).toEqual(expect.any(String));
    expect(await jobs.enqueue(name, SHOP, { n: 5 })).toEqual(expect.any(String));
    expect(await jobs.enqueue(name, SHOP, { n: 6 })).toEqual(expect.any(String));

    await jobs.start({ [name]: handler }, backend.startOptions);
    await until(() => calls.length).toBe(5);
    expect(calls.map((call) => call.payload).sort((a, b) => (a as { n: number }).n - (b as { n: number }).n)).toEqual([{ n: 1 }, { n: 3 }, { n: 4 }, { n: 5 }, { n: 6 }]);
    await until(() => backend.jobState(first!)).toBe("completed");

    const again = await jobs.enqueue(name, SHOP, { n: 7 }, { singletonKey: "orders" });
    expect(again).toEqual(expect.any(String));
    await until(() => calls.length).toBe(6);
  });

  it("enqueues inside the caller's transaction: a rollback leaves no job, a commit keeps it", async () => {
    const name = jobName("atomic");
    const { calls, handler } = recording();
    const jobs = newQueue();
    await jobs.start({ [name]: handler }, backend.startOptions);

    let rolledBackId: string | null = null;
    await expect(
      backend.db.$transaction(async (tx) => {
        await tx.shop.create({ data: { shop: SHOP } });
        rolledBackId = await jobs.enqueue(name, SHOP, { n: "rolled back" }, { tx });
        // Let the worker poll while the transaction is open.
        await sleep(backend.startOptions.pollIntervalMs! * 3);
        throw new Error("the caller changed its mind");
      }),
    ).rejects.toThrow("the caller changed its mind");
    expect(rolledBackId).toEqual(expect.any(String));
    expect(await backend.jobState(rolledBackId!)).toBeNull();
    expect(await backend.db.shop.count()).toBe(0);

    const committedId = await backend.db.$transaction(async (tx) => {
      await tx.shop.create({ data: { shop: SHOP } });
      return jobs.enqueue(name, SHOP, { n: "committed" }, { tx });
    });
    await until(() => calls.length).toBe(1);
    expect(calls[0]).toMatchObject({ payload: { n: "committed" }, context: { jobId: committedId } });
    await sleep(backend.quietMs);
    expect(calls).toHaveLength(1);
  });

  it("stop() waits for a running job to finish", async () => {
    const name = jobName("slow");
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let finished = false;
    const { calls, handler } = recording(async () => {
      await gate;
      finished = true;
    });
    const jobs = newQueue();
    await jobs.start({ [name]: handler }, backend.startOptions);
    const id = await jobs.enqueue(name, SHOP, null);
    await until(() => calls.length).toBe(1);

    let stopped = false;
    const stopping = jobs.stop().then(() => {
      stopped = true;
    });
    await sleep(300);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(true);
    expect(await backend.jobState(id!)).toBe("completed");
    expect(calls).toHaveLength(1);
  });
});
