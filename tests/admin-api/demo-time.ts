// Time arithmetic for the demo shop, in epoch milliseconds (UTC).

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** ISO 8601 with whole seconds, the way the Admin API prints DateTime ("2026-05-04T09:12:33Z"). */
export function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

export function isoOrNull(ms: number | null | undefined): string | null {
  return ms == null ? null : iso(ms);
}

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

export function isWeekend(ms: number): boolean {
  const weekday = new Date(ms).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Midnight (UTC) of the business day `count` business days after the day of `ms`. */
export function addBusinessDays(ms: number, count: number): number {
  let day = startOfUtcDay(ms);
  let left = count;
  while (left > 0) {
    day += DAY;
    if (!isWeekend(day)) left -= 1;
  }
  while (isWeekend(day)) day += DAY;
  return day;
}

/** Whole business days (Mon–Fri, UTC) elapsed from `fromMs` to `toMs`. */
export function businessDaysBetween(fromMs: number, toMs: number): number {
  let count = 0;
  for (let day = startOfUtcDay(fromMs) + DAY; day <= toMs; day += DAY) {
    if (!isWeekend(day)) count += 1;
  }
  return count;
}

/** Sundays are not delivery days for the carriers used here. */
export function skipSunday(ms: number): number {
  return new Date(ms).getUTCDay() === 0 ? ms + DAY : ms;
}

export function latest(...times: (number | null | undefined)[]): number {
  return Math.max(...times.filter((t): t is number => t != null));
}
