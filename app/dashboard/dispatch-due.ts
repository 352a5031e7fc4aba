// When dispatch is due, as a step function of when the order was ready: addBusinessDays
// (app/watch/business-calendar.ts) gives the same due time to every instant between two
// working days' cut-offs, so a period's orders need one row per working day, not a
// computation per order. The database joins orders to these rows. Pure.
import { addBusinessDays, addLocalDays, isWorkingDate, localDateTime, zonedInstant } from "~/watch/business-calendar";
import type { WatchSettings } from "~/watch/watch-rules";

const FAR_PAST = 0;
const FAR_FUTURE = 8_000_000_000_000;

export type DueSegment = { days: number; fromMs: number; toMs: number; dueMs: number };

/**
 * [fromMs, toMs) → dueMs for ready times from the day before `from` to the day after `until`
 * (and everything before or after, at the ends), for each delay in business days.
 */
export function dispatchDueSegments(settings: WatchSettings, from: Date, until: Date, delays: readonly number[]): DueSegment[] {
  const { calendar } = settings;
  const zone = calendar.timeZone;
  const cutoff = Math.min(calendar.cutoffAt, calendar.closesAt);
  const boundaries: number[] = [];
  const last = addLocalDays(localDateTime(zone, until).date, 1);
  for (let date = addLocalDays(localDateTime(zone, from).date, -1); date <= last; date = addLocalDays(date, 1)) {
    if (isWorkingDate(calendar, date)) boundaries.push(zonedInstant(zone, date, cutoff).getTime());
  }
  const segments: DueSegment[] = [];
  for (const days of new Set(delays)) {
    let start = FAR_PAST;
    for (const boundary of [...boundaries, FAR_FUTURE]) {
      // Past the last cut-off (or with no working day at all around the period), every ready
      // time up to `until` is due on the same day as `until` or the later of the two.
      const probe = boundary === FAR_FUTURE ? Math.max(start, until.getTime()) : boundary - 1;
      segments.push({ days, fromMs: start, toMs: boundary, dueMs: addBusinessDays(calendar, new Date(probe), days).getTime() });
      start = boundary;
    }
  }
  return segments;
}

