// Scheduled jobs that run once per interval, whatever the number of app instances ticking:
// an instance claims (shop, name, interval) in ScheduleSlot and enqueues that shop's job in the
// same transaction, so a claim without its job (or a job without its claim) cannot exist; a
// unique violation means another instance has the shop for this interval. When every shop is
// done, a (*, name, interval) row lets later ticks of the interval skip the work.
import type { Db } from "../db.server";
import { ALL_SHOPS, slotKey } from "./schedule.ts";
import type { JobQueue } from "./queue.server.ts";
import { QUEUE_TRANSACTION, isUniqueViolation } from "./transactions.server.ts";

export type ScheduledJob = {
  /** The job name, as registered with the queue's handlers. */
  name: string;
  everyMs: number;
  /** The shops to run it for (active shops, usually). */
  shops: () => Promise<string[]>;
  /** The job's payload; { slot } by default. */
  payload?: (context: { shop: string; slot: string }) => unknown;
};

export type ScheduleRun = {
  slot: string;
  /** The interval was already done by some instance. */
  done: boolean;
  /** Shops this call enqueued the job for. */
  enqueued: string[];
};

export async function runScheduled(db: Db, queue: JobQueue, job: ScheduledJob, now: Date): Promise<ScheduleRun> {
  const slot = slotKey(now, job.everyMs);
  const done = await db.scheduleSlot.findUnique({ where: { shop_name_slot: { shop: ALL_SHOPS, name: job.name, slot } }, select: { slot: true } });
  if (done) return { slot, done: true, enqueued: [] };

  const enqueued: string[] = [];
  const errors: unknown[] = [];
  for (const shop of await job.shops()) {
    try {
      await db.$transaction(async (tx) => {
        await tx.scheduleSlot.create({ data: { shop, name: job.name, slot, claimedAt: now } });
        // Keyed, so that a shop whose previous run is still waiting does not get a second one.
        await queue.enqueue(job.name, shop, job.payload ? job.payload({ shop, slot }) : { slot }, { tx, singletonKey: "scheduled" });
      }, QUEUE_TRANSACTION);
      enqueued.push(shop);
    } catch (error) {
      if (!isUniqueViolation(error)) errors.push(error);
    }
  }
  // A shop that failed is left unclaimed for the next tick of this interval.
  if (errors.length > 0) throw new AggregateError(errors, `${job.name}: ${errors.length} shop(s) could not be scheduled for ${slot}`);
  try {
    await db.scheduleSlot.create({ data: { shop: ALL_SHOPS, name: job.name, slot, claimedAt: now } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return { slot, done: false, enqueued };
}

export type ScheduleTicker = { stop(): Promise<void> };

export type TickerOptions = {
  /** How often the schedules are looked at: every minute by default. */
  intervalMs?: number;
  now?: () => Date;
  onError?: (error: unknown, job: ScheduledJob) => void;
};

/** Claims older than this (and at least two intervals) are deleted. */
const SLOT_RETENTION_MS = 24 * 3_600_000;

/** Runs every schedule now and then every intervalMs, until stopped. */
export function startScheduleTicker(db: Db, queue: JobQueue, jobs: ScheduledJob[], options: TickerOptions = {}): ScheduleTicker {
  const intervalMs = options.intervalMs ?? 60_000;
  const now = options.now ?? (() => new Date());
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function tick(): Promise<void> {
    for (const job of jobs) {
      if (stopped) return;
      const at = now();
      try {
        await runScheduled(db, queue, job, at);
        const before = new Date(at.getTime() - Math.max(SLOT_RETENTION_MS, 2 * job.everyMs));
        await db.scheduleSlot.deleteMany({ where: { name: job.name, claimedAt: { lt: before } } });
      } catch (error) {
        options.onError?.(error, job);
      }
    }
  }

  let ticking: Promise<void> = Promise.resolve();
  const loop = () => {
    ticking = tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, intervalMs);
    });
  };
  loop();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await ticking;
    },
  };
}
