// Interval slots for scheduled jobs: every instance that ticks within the same interval
// computes the same slot, which is what lets them agree that it runs once (schedule.server.ts).
// Pure: no I/O.

/** The row that marks a whole interval as done, beside the per-shop claims. */
export const ALL_SHOPS = "*";

/** Start of the interval `now` falls in; intervals are aligned to the Unix epoch (UTC). */
export function intervalStart(now: Date, everyMs: number): Date {
  if (!Number.isInteger(everyMs) || everyMs <= 0) throw new RangeError(`everyMs must be a positive integer (got ${everyMs})`);
  const time = now.getTime();
  return new Date(time - (((time % everyMs) + everyMs) % everyMs));
}

/** The ScheduleSlot key of that interval. */
export function slotKey(now: Date, everyMs: number): string {
  return intervalStart(now, everyMs).toISOString();
}
