// The job queue of this server process: built once from the configuration, started once with
// the app's handlers and schedules (the server entry calls startJobRuntime), its errors sent to
// the structured log and to error reporting.
import { getConfig } from "../config.server";
import prisma from "../db.server";
import { log } from "../observability/log.server";
import { reportError } from "../observability/sentry.server";
import { describeError, type JobHandlers, type StartOptions } from "./queue.ts";
import { createJobQueue, type JobQueue, type JobQueueOptions } from "./queue.server.ts";
import { startScheduleTicker, type ScheduleTicker, type ScheduledJob } from "./schedule.server.ts";

type Runtime = { queue: JobQueue; started?: Promise<void>; ticker?: ScheduleTicker };

declare global {
  // One per process, surviving Vite's module reloads in development.
  var __aftercareJobs: Runtime | undefined;
}

/** Where the queue's errors go: every failed attempt is logged and reported. */
export const runtimeErrorHandlers: Pick<JobQueueOptions, "onJobError" | "onQueueError" | "onWarning"> = {
  onJobError(error, event) {
    const fields = { ...event, error: describeError(error) };
    if (event.willRetry) log.warn("job attempt failed, will retry", fields);
    else log.error("job failed for good", fields);
    reportError(error, { source: "job", shop: event.shop, job: event.name, jobId: event.jobId, attempt: event.attempt, permanent: event.permanent, willRetry: event.willRetry });
  },
  onQueueError(error) {
    log.error("job queue error", { error: describeError(error) });
    reportError(error, { source: "job-queue" });
  },
  onWarning(message, detail) {
    log.warn(`job queue: ${message}`, { detail });
  },
};

function runtime(): Runtime {
  globalThis.__aftercareJobs ??= { queue: createJobQueue(prisma, getConfig(), runtimeErrorHandlers) };
  return globalThis.__aftercareJobs;
}

export function getJobQueue(): JobQueue {
  return runtime().queue;
}

export type JobRuntimeOptions = StartOptions & { schedules?: ScheduledJob[] };

/** Starts working jobs and ticking schedules. Idempotent: later calls return the first start. */
export function startJobRuntime(handlers: JobHandlers, options: JobRuntimeOptions = {}): Promise<void> {
  const current = runtime();
  current.started ??= (async () => {
    const { schedules = [], ...startOptions } = options;
    await current.queue.start(handlers, startOptions);
    if (schedules.length > 0) {
      current.ticker = startScheduleTicker(prisma, current.queue, schedules, {
        onError(error, job) {
          log.error("scheduled job could not be enqueued", { job: job.name, error: describeError(error) });
          reportError(error, { source: "schedule", job: job.name });
        },
      });
    }
  })().catch((error: unknown) => {
    current.started = undefined;
    throw error;
  });
  return current.started;
}

/** Stops the ticker and the queue, waiting for running jobs (on shutdown, and in tests). */
export async function stopJobRuntime(): Promise<void> {
  const current = globalThis.__aftercareJobs;
  if (!current) return;
  globalThis.__aftercareJobs = undefined;
  await current.started?.catch(() => undefined);
  await current.ticker?.stop();
  await current.queue.stop();
}
