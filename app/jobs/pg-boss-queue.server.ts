// The PostgreSQL backend: pg-boss (docs/decisions/006-job-queue.md). One pg-boss queue per job
// name, in the `pgboss` schema of the app's own database. Retries use pg-boss's retryLimit,
// retryDelay and retryBackoff; a permanent error is settled as `deadletter`, which pg-boss
// fails at once without the remaining retries (there is no dead-letter queue configured, so it
// just ends `failed`). Either way, a job that will not run again leaves a JobFailure row,
// written before pg-boss settles it.
import { randomUUID } from "node:crypto";
import { PgBoss, fromPrisma, type ConstructorOptions, type JobResult, type JobWithMetadata } from "pg-boss";
import { z } from "zod";
import type { Db } from "../db.server";
import {
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_RETRY_POLICY,
  describeError,
  isPermanentError,
  parsePayload,
  scopedSingletonKey,
  serializePayload,
  type JobHandlers,
  type StartOptions,
} from "./queue.ts";
import { claimFailureForRetry, recordJobFailure } from "./job-failures.server.ts";
import { QUEUE_TRANSACTION } from "./transactions.server.ts";
import type { JobQueue, JobQueueOptions, QueueEnqueueOptions } from "./queue.server.ts";

export type PgBossOptions = {
  schema?: string;
  /** A handler running longer than this is failed (and retried if attempts remain). */
  expireInSeconds?: number;
  /**
   * How often pg-boss looks for expired jobs (a crashed instance's, among them): its supervise
   * pass, which expires jobs at most once per monitor interval. 60 s each by default.
   */
  superviseIntervalSeconds?: number;
  monitorIntervalSeconds?: number;
  /** Connections in pg-boss's own pool. */
  poolSize?: number;
};

const JobData = z.object({ shop: z.string(), payload: z.unknown() });
type JobData = z.infer<typeof JobData>;

const MIN_POLL_SECONDS = 0.5;

export function createPgBossQueue(db: Db, databaseUrl: string, options: JobQueueOptions = {}): JobQueue {
  const settings = options.pgBoss ?? {};
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const retryDelay = Math.max(1, Math.round(retry.baseDelayMs / 1000));
  const retryDelayMax = Math.max(retryDelay, Math.round(retry.maxDelayMs / 1000));
  const now = options.now ?? (() => new Date());
  const onQueueError = options.onQueueError ?? (() => {});

  let boss: PgBoss | undefined;
  let starting: Promise<PgBoss> | undefined;
  let working = false;
  const queues = new Map<string, Promise<void>>();

  function started(): Promise<PgBoss> {
    starting ??= (async () => {
      const instance = new PgBoss({
        connectionString: databaseUrl,
        schema: settings.schema ?? "pgboss",
        application_name: "aftercare-jobs",
        max: settings.poolSize ?? 4,
        // Scheduling is ours (app/jobs/schedule.server.ts), across both backends.
        schedule: false,
        ...(settings.superviseIntervalSeconds ? { superviseIntervalSeconds: settings.superviseIntervalSeconds } : {}),
        ...(settings.monitorIntervalSeconds ? { monitorIntervalSeconds: settings.monitorIntervalSeconds } : {}),
      } satisfies ConstructorOptions);
      instance.on("error", (error) => onQueueError(error));
      instance.on("warning", (warning) => options.onWarning?.(warning.message, warning.data));
      await instance.start();
      boss = instance;
      return instance;
    })();
    starting.catch(() => {
      starting = undefined;
    });
    return starting;
  }

  /** Queues are created on first use. `short`: at most one job per singleton key waits to start. */
  function queue(instance: PgBoss, name: string): Promise<void> {
    let created = queues.get(name);
    if (!created) {
      created = instance.createQueue(name, {
        policy: "short",
        retryLimit: DEFAULT_MAX_ATTEMPTS - 1,
        retryDelay,
        retryBackoff: true,
        retryDelayMax,
        ...(settings.expireInSeconds ? { expireInSeconds: settings.expireInSeconds } : {}),
      });
      queues.set(name, created);
      created.catch(() => queues.delete(name));
    }
    return created;
  }

  async function enqueue(name: string, shop: string, payload: unknown, enqueueOptions: QueueEnqueueOptions = {}): Promise<string | null> {
    const instance = await started();
    await queue(instance, name);
    const id = randomUUID();
    const data: JobData = { shop, payload: parsePayload(serializePayload(payload)) };
    return instance.send(name, data, {
      id,
      // The `short` policy allows one created job per key, keyless jobs included, so a job
      // without a key gets one of its own.
      singletonKey: enqueueOptions.singletonKey === undefined ? `job:${id}` : scopedSingletonKey(shop, enqueueOptions.singletonKey),
      retryLimit: (enqueueOptions.maxAttempts ?? DEFAULT_MAX_ATTEMPTS) - 1,
      retryDelay,
      retryBackoff: true,
      retryDelayMax,
      ...(enqueueOptions.runAt ? { startAfter: enqueueOptions.runAt } : {}),
      // pg-boss's per-call `db`: its insert runs on the caller's Prisma transaction
      // (tx.$queryRawUnsafe), so the job commits or rolls back with the caller's writes.
      ...(enqueueOptions.tx ? { db: fromPrisma(enqueueOptions.tx) } : {}),
    });
  }

  async function runJob(handlers: JobHandlers, job: JobWithMetadata<unknown>): Promise<JobResult> {
    const parsed = JobData.safeParse(job.data);
    const attempt = job.retryCount + 1;
    const shop = parsed.success ? parsed.data.shop : "unknown";
    try {
      if (!parsed.success) throw new Error(`Job ${job.name} ${job.id} has no shop in its data`);
      const handler = handlers[job.name];
      if (!handler) throw new Error(`No handler for job ${job.name}`);
      await handler(parsed.data.payload, { shop, jobId: job.id, attempt });
      return { id: job.id, status: "completed" };
    } catch (error) {
      const permanent = isPermanentError(error) || !parsed.success;
      const willRetry = !permanent && job.retryCount < job.retryLimit;
      const message = describeError(error);
      options.onJobError?.(error, { name: job.name, shop, jobId: job.id, attempt, permanent, willRetry });
      if (!willRetry) {
        try {
          await recordJobFailure(db, {
            shop,
            jobName: job.name,
            jobId: job.id,
            payload: serializePayload(parsed.success ? parsed.data.payload : job.data),
            error: message,
            permanent,
            attempts: attempt,
            failedAt: now(),
          });
        } catch (recordError) {
          // pg-boss then fails the attempt the ordinary way: retried if attempts remain.
          onQueueError(recordError);
          throw recordError;
        }
      }
      return { id: job.id, status: permanent ? "deadletter" : "failed", output: { message, permanent } };
    }
  }

  return {
    backend: "pg-boss",
    enqueue,
    async start(handlers: JobHandlers, startOptions: StartOptions = {}) {
      if (working) throw new Error("The job queue is already started");
      working = true;
      const instance = await started();
      const pollingIntervalSeconds = Math.max(MIN_POLL_SECONDS, (startOptions.pollIntervalMs ?? 2000) / 1000);
      for (const name of Object.keys(handlers)) {
        await queue(instance, name);
        await instance.work(
          name,
          // Batches of up to 10, fetched back to back while they come back full: a backlog of
          // webhook deliveries drains at database speed instead of one job per poll.
          { batchSize: 10, burstWhenBatchFull: true, includeMetadata: true, perJobResults: true, localConcurrency: Math.max(1, startOptions.concurrency ?? 2), pollingIntervalSeconds },
          (jobs) => Promise.all(jobs.map((job) => runJob(handlers, job))),
        );
      }
    },
    async stop() {
      working = false;
      const pending = starting;
      starting = undefined;
      queues.clear();
      await pending?.catch(() => undefined);
      const instance = boss;
      boss = undefined;
      await instance?.stop({ graceful: true, close: true, timeout: options.stopTimeoutMs ?? 30_000 });
    },
    async retryFailure(shop: string, failureId: string) {
      return db.$transaction(async (tx) => {
        const failure = await claimFailureForRetry(tx, shop, failureId, now());
        if (!failure) return false;
        await enqueue(failure.jobName, shop, parsePayload(failure.payload), { tx });
        return true;
      }, QUEUE_TRANSACTION);
    },
    async counts() {
      // pg-boss keeps the shop inside each job's JSON data, unindexed: not cheap to count.
      return null;
    },
  };
}
