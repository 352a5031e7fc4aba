// The dashboard's period: the last 7, 30 or 90 days, or chosen dates, as whole days in the
// shop's time zone (today included), and the period of the same length just before it, which
// the figures are compared with. Pure: the clock and the zone are parameters.
import { addLocalDays, localDateTime, zonedInstant } from "~/watch/business-calendar";

export const PERIOD_CHOICES = ["7", "30", "90", "custom"] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

/** Longest chosen period: the daily chart shows at most this many points per series. */
export const MAX_PERIOD_DAYS = 90;

export type Period = {
  /** First and last local date, both included ("YYYY-MM-DD"). */
  from: string;
  to: string;
  days: number;
  /** Instants: [start, end). `end` is the midnight after `to` (the future holds no orders). */
  start: Date;
  end: Date;
  timeZone: string;
};

export type DashboardPeriod = {
  choice: PeriodChoice;
  current: Period;
  previous: Period;
  notices: string[];
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function periodOf(timeZone: string, from: string, to: string): Period {
  const days = dayCount(from, to);
  return { from, to, days, start: zonedInstant(timeZone, from, 0), end: zonedInstant(timeZone, addLocalDays(to, 1), 0), timeZone };
}

/** The period just before, of the same number of days. */
export function previousPeriod(period: Period): Period {
  const to = addLocalDays(period.from, -1);
  return periodOf(period.timeZone, addLocalDays(to, -(period.days - 1)), to);
}

/** Reads `?period=7|30|90` or `?period=custom&from=…&to=…`; anything else: 30 days, with a notice. */
export function parsePeriod(params: URLSearchParams, now: Date, timeZone: string): DashboardPeriod {
  const notices: string[] = [];
  const today = localDateTime(timeZone, now).date;
  const raw = params.get("period")?.trim() ?? "";
  const rolling = (days: number): Period => periodOf(timeZone, addLocalDays(today, -(days - 1)), today);
  let choice: PeriodChoice = "30";
  let current = rolling(30);
  if (raw === "7" || raw === "30" || raw === "90") {
    choice = raw;
    current = rolling(Number(raw));
  } else if (raw === "custom") {
    const custom = parseCustom(params.get("from") ?? "", params.get("to") ?? "", today, notices);
    if (custom) {
      choice = "custom";
      current = periodOf(timeZone, custom.from, custom.to);
    }
  } else if (raw !== "") {
    notices.push(`Ignored the period “${raw.slice(0, 20)}”: showing the last 30 days.`);
  }
  return { choice, current, previous: previousPeriod(current), notices };
}

function parseCustom(from: string, to: string, today: string, notices: string[]): { from: string; to: string } | null {
  if (!isDate(from) || !isDate(to)) {
    notices.push("The chosen dates are not valid dates: showing the last 30 days.");
    return null;
  }
  let start = from;
  let end = to;
  if (start > end) [start, end] = [end, start];
  if (end > today) end = today;
  if (start > end) {
    notices.push("The chosen dates are in the future: showing the last 30 days.");
    return null;
  }
  if (dayCount(start, end) > MAX_PERIOD_DAYS) {
    start = addLocalDays(end, -(MAX_PERIOD_DAYS - 1));
    notices.push(`A period holds at most ${MAX_PERIOD_DAYS} days: showing the ${MAX_PERIOD_DAYS} days up to ${end}.`);
  }
  return { from: start, to: end };
}

function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Every local date of the period, in order. */
export function periodDates(period: Period): string[] {
  return Array.from({ length: period.days }, (_, index) => addLocalDays(period.from, index));
}

/** The URL parameters that choose this period (for links and the export). */
export function periodParams(period: DashboardPeriod): URLSearchParams {
  const params = new URLSearchParams({ period: period.choice });
  if (period.choice === "custom") {
    params.set("from", period.current.from);
    params.set("to", period.current.to);
  }
  return params;
}
