// What the "Background jobs" admin page shows and does, for one shop.
import type { Db } from "../db.server";
import { listJobFailures } from "./job-failures.server.ts";
import type { JobCounts, JobQueue } from "./queue.server.ts";

export type BackgroundJobsView = {
  failures: {
    id: string;
    jobName: string;
    error: string;
    permanent: boolean;
    attempts: number;
    failedAt: string;
    retriedAt: string | null;
  }[];
  counts: JobCounts | null;
};

export async function loadBackgroundJobs(db: Db, queue: JobQueue, shop: string): Promise<BackgroundJobsView> {
  const [failures, counts] = await Promise.all([listJobFailures(db, shop), queue.counts(shop)]);
  return {
    failures: failures.map((failure) => ({
      ...failure,
      failedAt: failure.failedAt.toISOString(),
      retriedAt: failure.retriedAt?.toISOString() ?? null,
    })),
    counts,
  };
}

export type RetryOutcome = { retried: boolean; failureId: string };

export async function retryJobFailure(queue: JobQueue, shop: string, form: FormData): Promise<RetryOutcome> {
  const failureId = form.get("failureId");
  if (typeof failureId !== "string" || failureId === "") return { retried: false, failureId: "" };
  return { retried: await queue.retryFailure(shop, failureId), failureId };
}
