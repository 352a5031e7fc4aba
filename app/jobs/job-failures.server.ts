// Jobs that will not run again by themselves, on either backend: written when a job fails
// for good, listed in the admin (app/routes/app.jobs.tsx), retried from there.
import type { Prisma } from "@prisma/client";
import type { Db } from "../db.server";

type Writer = Db | Prisma.TransactionClient;

export type NewJobFailure = {
  shop: string;
  jobName: string;
  jobId: string;
  payload: string;
  error: string;
  permanent: boolean;
  attempts: number;
  failedAt: Date;
};

/**
 * Records the failure once per job: a backend that settles the job after this write can be
 * interrupted in between and run the last attempt again, which must not list it twice.
 */
export async function recordJobFailure(db: Writer, failure: NewJobFailure): Promise<void> {
  const existing = await db.jobFailure.findFirst({ where: { shop: failure.shop, jobId: failure.jobId }, select: { id: true } });
  if (existing) return;
  await db.jobFailure.create({ data: failure });
}

export type JobFailureRow = {
  id: string;
  jobName: string;
  error: string;
  permanent: boolean;
  attempts: number;
  failedAt: Date;
  retriedAt: Date | null;
};

export async function listJobFailures(db: Db, shop: string, limit = 100): Promise<JobFailureRow[]> {
  return db.jobFailure.findMany({
    where: { shop },
    orderBy: [{ failedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, jobName: true, error: true, permanent: true, attempts: true, failedAt: true, retriedAt: true },
  });
}

/**
 * Marks a failure retried and hands back what to enqueue, inside the caller's transaction.
 * Null when the failure is not this shop's or was already retried (a double click retries once).
 */
export async function claimFailureForRetry(
  tx: Prisma.TransactionClient,
  shop: string,
  failureId: string,
  now: Date,
): Promise<{ jobName: string; payload: string } | null> {
  const { count } = await tx.jobFailure.updateMany({ where: { id: failureId, shop, retriedAt: null }, data: { retriedAt: now } });
  if (count === 0) return null;
  return tx.jobFailure.findFirst({ where: { id: failureId, shop }, select: { jobName: true, payload: true } });
}
