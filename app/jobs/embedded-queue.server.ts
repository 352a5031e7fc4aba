// The embedded backend: jobs are rows of the Job table, worked by this process. A restart
// loses nothing: a job is claimed (queued → running, lockedAt) in one conditional update,
// settled after its handler returns, and a job left `running` by a process that died is put
// back in the queue — on start (locked before this process began) and after the lock timeout.
// Built for SQLite's one process; it runs on PostgreSQL as well (the suite does that), where
// the conditional update still lets only one worker claim a job.
import type { Job } from "@prisma/client";
import type { Db } from "../db.server";
import {
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_RETRY_POLICY,
  describeError,
  isPermanentError,
  parsePayload,
  retryDelayMs,
  scopedSingletonKey,
  serializePayload,
  type JobHandlers,
  type StartOptions,
} from "./queue.ts";
import { claimFailureForRetry, recordJobFailure } from "./job-failures.server.ts";
import { QUEUE_TRANSACTION, isUniqueViolation } from "./transactions.server.ts";
import type { JobCounts, JobQueue, JobQueueOptions, QueueEnqueueOptions } from "./queue.server.ts";

const DEFAULT_LOCK_TIMEOUT_MS = 15 * 60_000;
const DEFAULT_POLL_INTERVAL_MS = 1000;
const DEFAULT_CONCURRENCY = 4;
const DEFAULT_STOP_TIMEOUT_MS = 30_000;

type ClaimedJob = Pick<Job, "id" | "shop" | "name" | "payload" | "attempts" | "maxAttempts"> & { lockedAt: Date };

type Outcome = { ok: true } | { ok: false; error: unknown };

export function createEmbeddedQueue(db: Db, options: JobQueueOptions = {}): JobQueue {
  const now = options.now ?? (() => new Date());
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const processStartedAt = options.processStartedAt ?? new Date(performance.timeOrigin);
  const onQueueError = options.onQueueError ?? (() => {});
  let worker: Worker | undefined;

  async function enqueue(name: string, shop: string, payload: unknown, enqueueOptions: QueueEnqueueOptions = {}): Promise<string | null> {
    const writer = enqueueOptions.tx ?? db;
    const singletonKey = enqueueOptions.singletonKey === undefined ? null : scopedSingletonKey(shop, enqueueOptions.singletonKey);
    // The key is cleared when a job leaves the queue, so a row holding it is a queued job.
    if (singletonKey !== null && (await writer.job.findFirst({ where: { name, singletonKey }, select: { id: true } }))) {
      return null;
    }
    try {
      const job = await writer.job.create({
        data: {
          shop,
          name,
          payload: serializePayload(payload),
          singletonKey,
          runAt: enqueueOptions.runAt ?? now(),
          maxAttempts: enqueueOptions.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        },
        select: { id: true },
      });
      if (!enqueueOptions.tx) worker?.wake();
      return job.id;
    } catch (error) {
      if (singletonKey !== null && isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async function retryFailure(shop: string, failureId: string): Promise<boolean> {
    const retried = await db.$transaction(async (tx) => {
      const failure = await claimFailureForRetry(tx, shop, failureId, now());
      if (!failure) return false;
      await enqueue(failure.jobName, shop, parsePayload(failure.payload), { tx });
      return true;
    }, QUEUE_TRANSACTION);
    if (retried) worker?.wake();
    return retried;
  }

  async function counts(shop: string): Promise<JobCounts> {
    const groups = await db.job.groupBy({ by: ["status"], where: { shop, status: { in: ["queued", "running"] } }, _count: { _all: true } });
    const of = (status: string) => groups.find((group) => group.status === status)?._count._all ?? 0;
    return { queued: of("queued"), running: of("running") };
  }

  return {
    backend: "embedded",
    enqueue,
    retryFailure,
    counts,
    async start(handlers: JobHandlers, startOptions: StartOptions = {}) {
      if (worker) throw new Error("The job queue is already started");
      worker = new Worker(db, handlers, {
        ...startOptions,
        now,
        retry,
        random: options.random,
        lockTimeoutMs,
        processStartedAt,
        stopTimeoutMs: options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS,
        onJobError: options.onJobError,
        onQueueError,
      });
      await worker.start();
    },
    async stop() {
      const stopping = worker;
      worker = undefined;
      await stopping?.stop();
    },
  };
}

type WorkerOptions = StartOptions &
  Required<Pick<JobQueueOptions, "now" | "retry" | "lockTimeoutMs" | "processStartedAt" | "stopTimeoutMs" | "onQueueError">> &
  Pick<JobQueueOptions, "random" | "onJobError">;

class Worker {
  private readonly names: string[];
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly running = new Map<string, Promise<void>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private polling: Promise<void> | undefined;
  private pollAgain = false;
  private stopped = false;

  private readonly db: Db;
  private readonly handlers: JobHandlers;
  private readonly options: WorkerOptions;

  constructor(db: Db, handlers: JobHandlers, options: WorkerOptions) {
    this.db = db;
    this.handlers = handlers;
    this.options = options;
    this.names = Object.keys(handlers);
    this.concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
    this.pollIntervalMs = Math.max(1, options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
  }

  async start(): Promise<void> {
    // Whatever an earlier process left running will not be finished by it.
    await this.reclaim({ lockedBefore: this.options.processStartedAt });
    this.wake();
  }

  /** Looks for work now rather than at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.polling = this.poll().finally(() => {
      this.polling = undefined;
      if (this.pollAgain) {
        this.pollAgain = false;
        this.wake();
      } else {
        this.schedule();
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.polling;
    let timeout: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.allSettled([...this.running.values()]),
      new Promise<void>((resolve) => {
        timeout = setTimeout(resolve, this.options.stopTimeoutMs);
      }),
    ]);
    clearTimeout(timeout);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => this.wake(), this.pollIntervalMs);
  }

  private async poll(): Promise<void> {
    try {
      const { now, lockTimeoutMs } = this.options;
      await this.reclaim({ lockedBefore: new Date(now().getTime() - lockTimeoutMs) });
      const capacity = this.concurrency - this.running.size;
      if (capacity <= 0 || this.names.length === 0) return;
      for (const job of await this.claim(capacity)) {
        const run = this.run(job).finally(() => {
          this.running.delete(job.id);
          this.wake();
        });
        this.running.set(job.id, run);
      }
    } catch (error) {
      this.options.onQueueError(error);
    }
  }

  private async claim(limit: number): Promise<ClaimedJob[]> {
    return this.db.$transaction(async (tx) => {
      const at = this.options.now();
      const due = await tx.job.findMany({
        where: { status: "queued", runAt: { lte: at }, name: { in: this.names } },
        orderBy: [{ runAt: "asc" }, { createdAt: "asc" }],
        take: limit,
        select: { id: true, shop: true, name: true, payload: true, attempts: true, maxAttempts: true },
      });
      const claimed: ClaimedJob[] = [];
      for (const job of due) {
        // Conditional: of two workers that read the same row, one updates it.
        const { count } = await tx.job.updateMany({
          where: { id: job.id, status: "queued" },
          data: { status: "running", lockedAt: at, attempts: { increment: 1 }, singletonKey: null },
        });
        if (count === 1) claimed.push({ ...job, attempts: job.attempts + 1, lockedAt: at });
      }
      return claimed;
    }, QUEUE_TRANSACTION);
  }

  private async run(job: ClaimedJob): Promise<void> {
    let outcome: Outcome;
    try {
      const handler = this.handlers[job.name];
      if (!handler) throw new Error(`No handler for job ${job.name}`);
      await handler(parsePayload(job.payload), { shop: job.shop, jobId: job.id, attempt: job.attempts });
      outcome = { ok: true };
    } catch (error) {
      outcome = { ok: false, error };
    }
    try {
      await this.settle(job, outcome);
    } catch (error) {
      // The job stays `running` and is reclaimed after the lock timeout or on the next start.
      this.options.onQueueError(error);
    }
  }

  private async settle(job: ClaimedJob, outcome: Outcome): Promise<void> {
    const { now } = this.options;
    // Only while the claim is still ours: a job reclaimed meanwhile is another run's to settle.
    const mine = { id: job.id, status: "running", lockedAt: job.lockedAt };
    if (outcome.ok) {
      await this.db.$transaction(
        (tx) => tx.job.updateMany({ where: mine, data: { status: "completed", completedAt: now(), lockedAt: null, lastError: null } }),
        QUEUE_TRANSACTION,
      );
      return;
    }
    const permanent = isPermanentError(outcome.error);
    const willRetry = !permanent && job.attempts < job.maxAttempts;
    const message = describeError(outcome.error);
    this.options.onJobError?.(outcome.error, { name: job.name, shop: job.shop, jobId: job.id, attempt: job.attempts, permanent, willRetry });
    await this.db.$transaction(async (tx) => {
      if (willRetry) {
        const runAt = new Date(now().getTime() + retryDelayMs(job.attempts, this.options.retry, this.options.random));
        await tx.job.updateMany({ where: mine, data: { status: "queued", runAt, lockedAt: null, lastError: message } });
        return;
      }
      const { count } = await tx.job.updateMany({ where: mine, data: { status: "failed", lockedAt: null, lastError: message } });
      if (count === 0) return;
      await recordJobFailure(tx, {
        shop: job.shop,
        jobName: job.name,
        jobId: job.id,
        payload: job.payload,
        error: message,
        permanent,
        attempts: job.attempts,
        failedAt: now(),
      });
    }, QUEUE_TRANSACTION);
  }

  /** Puts back jobs whose worker died; one that had used its last attempt fails instead. */
  private async reclaim({ lockedBefore }: { lockedBefore: Date }): Promise<void> {
    const mine = [...this.running.keys()];
    await this.db.$transaction(async (tx) => {
      const stale = await tx.job.findMany({
        where: { status: "running", lockedAt: { lt: lockedBefore }, id: { notIn: mine } },
        select: { id: true, shop: true, name: true, payload: true, attempts: true, maxAttempts: true, lockedAt: true },
      });
      for (const job of stale) {
        const message = `The worker stopped while running attempt ${job.attempts} (locked at ${job.lockedAt?.toISOString()})`;
        const where = { id: job.id, status: "running", lockedAt: job.lockedAt };
        if (job.attempts < job.maxAttempts) {
          await tx.job.updateMany({ where, data: { status: "queued", runAt: this.options.now(), lockedAt: null, lastError: message } });
          continue;
        }
        const { count } = await tx.job.updateMany({ where, data: { status: "failed", lockedAt: null, lastError: message } });
        if (count === 1) {
          await recordJobFailure(tx, {
            shop: job.shop,
            jobName: job.name,
            jobId: job.id,
            payload: job.payload,
            error: message,
            permanent: false,
            attempts: job.attempts,
            failedAt: this.options.now(),
          });
        }
      }
    }, QUEUE_TRANSACTION);
  }
}
