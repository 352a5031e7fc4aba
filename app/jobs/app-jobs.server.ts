// Every job the app runs and every schedule, in one place for the server entry (and tests).
import { dashboardJobHandlers, dashboardSchedules } from "./dashboard-jobs.server";
import { backfillDemoShopOnce, orderJobHandlers, orderSchedules } from "./order-jobs.server";
import { giftJobHandlers } from "./gift-jobs.server";
import { returnJobHandlers, returnSchedules } from "./return-jobs.server";
import { messageJobHandlers, messageSchedules } from "./message-jobs.server";
import { queueOrderChanged, queueShopEvaluation, watchJobHandlers, watchSchedules } from "./watch-jobs.server";
import type { JobHandlers } from "./queue";
import type { JobQueue } from "./queue.server";
import type { ScheduledJob } from "./schedule.server";

export function appJobHandlers(queue: JobQueue): JobHandlers {
  return {
    ...orderJobHandlers(
      queue,
      (shop, orderId) => queueOrderChanged(queue, shop, orderId),
      (shop) => queueShopEvaluation(queue, shop),
    ),
    ...messageJobHandlers(queue),
    ...watchJobHandlers(queue),
    ...giftJobHandlers(queue),
    ...returnJobHandlers(queue),
    ...dashboardJobHandlers(),
  };
}

export const appSchedules: ScheduledJob[] = [...orderSchedules, ...messageSchedules, ...watchSchedules, ...returnSchedules, ...dashboardSchedules];

export { backfillDemoShopOnce };
