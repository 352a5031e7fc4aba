// One job interface, two backends (docs/decisions/006-job-queue.md):
// - PostgreSQL: pg-boss (app/jobs/pg-boss-queue.server.ts), for several app instances;
// - SQLite: an in-process worker over the Job table (app/jobs/embedded-queue.server.ts).
// Modules in app/jobs import each other with explicit .ts extensions and import only types
// from outside app/jobs, so that the crash test can run them in a plain `node` child process.
import type { Prisma } from "@prisma/client";
import type { Db } from "../db.server";
import type { EnqueueOptions, JobHandlers, RetryPolicy, StartOptions } from "./queue.ts";
import { createEmbeddedQueue } from "./embedded-queue.server.ts";
import { createPgBossQueue, type PgBossOptions } from "./pg-boss-queue.server.ts";

export type DbTransaction = Prisma.TransactionClient;

export type QueueEnqueueOptions = EnqueueOptions & {
  /** Enqueue inside the caller's transaction: the job exists only if it commits. */
  tx?: DbTransaction;
};

export type JobCounts = { queued: number; running: number };

export interface JobQueue {
  readonly backend: "embedded" | "pg-boss";
  /** The job's id, or null when a job with the same singletonKey is already queued for the shop. */
  enqueue(name: string, shop: string, payload: unknown, options?: QueueEnqueueOptions): Promise<string | null>;
  /** Starts working the named jobs; jobs of other names are left for a process that handles them. */
  start(handlers: JobHandlers, options?: StartOptions): Promise<void>;
  /** Stops taking jobs and waits for the running ones to finish. */
  stop(): Promise<void>;
  /** Enqueues a failed job's payload again; false when the failure is not the shop's or was already retried. */
  retryFailure(shop: string, failureId: string): Promise<boolean>;
  /** Jobs waiting and running for the shop, where the backend can tell cheaply (null otherwise). */
  counts(shop: string): Promise<JobCounts | null>;
}

/** One failed attempt, as reported to onJobError. */
export type JobErrorEvent = {
  name: string;
  shop: string;
  jobId: string;
  attempt: number;
  permanent: boolean;
  /** False when the job will not run again by itself (a JobFailure row was written). */
  willRetry: boolean;
};

export type JobQueueOptions = {
  retry?: RetryPolicy;
  /** Jitter source for the embedded backend's backoff, [0, 1). */
  random?: () => number;
  now?: () => Date;
  /** Embedded: a job `running` longer than this is taken to belong to a dead process. */
  lockTimeoutMs?: number;
  /** Embedded: jobs locked before this belong to an earlier process and are reclaimed on start. */
  processStartedAt?: Date;
  /** How long stop() waits for running jobs. */
  stopTimeoutMs?: number;
  onJobError?: (error: unknown, event: JobErrorEvent) => void;
  /** The queue's own trouble: a failed poll, a lost database connection. */
  onQueueError?: (error: unknown) => void;
  onWarning?: (message: string, detail?: unknown) => void;
  pgBoss?: PgBossOptions;
};

export type QueueConfig = { database: "sqlite" | "postgres"; databaseUrl: string };

export function createJobQueue(db: Db, config: QueueConfig, options: JobQueueOptions = {}): JobQueue {
  return config.database === "postgres" ? createPgBossQueue(db, config.databaseUrl, options) : createEmbeddedQueue(db, options);
}
