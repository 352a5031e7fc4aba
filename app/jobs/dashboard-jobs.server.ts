// The dashboard's days (app/dashboard/dashboard-days.server.ts): a shop's days without a
// trusted row are computed in the background — queued when a dashboard had to compute past
// days on the spot, and every few minutes for the shops whose days were marked stale.
import { z } from "zod";
import prisma from "../db.server";
import { refreshDashboardDays, shopsWithStaleDays } from "../dashboard/dashboard-days.server";
import type { JobHandlers } from "./queue";
import type { JobQueue } from "./queue.server";
import type { ScheduledJob } from "./schedule.server";

export const DASHBOARD_DAYS_JOB = "dashboard.refresh-days";
export const DASHBOARD_DAYS_EVERY_MS = 10 * 60_000;

/** `from`: a date older than the days kept by default (a custom period further back). */
const RefreshJob = z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() });

export function dashboardJobHandlers(): JobHandlers {
  return {
    async [DASHBOARD_DAYS_JOB](payload, { shop }) {
      const { from } = RefreshJob.parse(payload ?? {});
      await refreshDashboardDays(prisma, shop, { now: new Date(), from });
    },
  };
}

/** Queued by the dashboard's loader, once per shop at a time. */
export function queueDashboardDays(queue: Pick<JobQueue, "enqueue">, shop: string, from?: string): Promise<string | null> {
  return queue.enqueue(DASHBOARD_DAYS_JOB, shop, from ? { from } : {}, { singletonKey: DASHBOARD_DAYS_JOB });
}

export const dashboardSchedules: ScheduledJob[] = [{ name: DASHBOARD_DAYS_JOB, everyMs: DASHBOARD_DAYS_EVERY_MS, shops: () => shopsWithStaleDays(prisma) }];
