// A shop's business calendar — working days, opening hours, holidays and the daily order
// cut-off, all in the shop's IANA time zone — and arithmetic on it: "120 business minutes
// after this", "1 business day after this order", "how much business time between these".
// Pure: no I/O, no clock (every instant is a parameter), no date library (Intl does the zone
// conversions). Erasable TypeScript only.
//
// Wall times and instants. Opening hours, cut-offs and holidays are wall-clock times in the
// shop's zone; results are instants. A wall time is turned into an instant as *the first
// instant at which the shop's clock shows that time or a later one*:
//
// - an ambiguous wall time (clocks go back, e.g. 02:30 on 2026-10-25 in Europe/Paris, which
//   happens twice) is its first occurrence;
// - a wall time that does not exist (clocks go forward, e.g. 02:30 on 2026-03-29 in
//   Europe/Paris) is the moment the clocks jump, which the clock shows as the first existing
//   time after the gap (03:00 there).
//
// This mapping never goes backwards in time, so a day's opening is never after its close and
// one day's hours never overlap the next day's. The shop opens the first time its clock shows
// the opening time and closes the first time it shows the closing time; business time is
// real elapsed time in between, so a day whose opening hours span a clock change is an hour
// longer or shorter than usual (and opening hours lying wholly inside a skipped hour make that
// day's opening empty).

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;

export type BusinessCalendar = {
  /** IANA time zone of the shop, e.g. "Europe/Paris". */
  timeZone: string;
  /** Weekdays the shop works, 0 = Sunday … 6 = Saturday; at least one. */
  workingDays: readonly number[];
  /** Opening time, in minutes after local midnight (540 = 09:00). */
  opensAt: number;
  /** Closing time, in minutes after local midnight, after `opensAt`; 1440 = the midnight that ends the day. */
  closesAt: number;
  /**
   * Orders placed at or after this local time (minutes after midnight) count from the next
   * working day (addBusinessDays). A cut-off after `closesAt` acts as `closesAt`; 1440 = none.
   */
  cutoffAt: number;
  /** Local dates the shop is closed, "YYYY-MM-DD". */
  holidays: readonly string[];
};

/** A wall-clock reading in some zone. `weekday`: 0 = Sunday. */
export type LocalDateTime = {
  /** "YYYY-MM-DD" */
  date: string;
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes after local midnight, with the fraction of the minute. */
  minuteOfDay: number;
};

/** Why a calendar cannot be used; empty when it can. */
export function calendarProblems(calendar: BusinessCalendar): string[] {
  const problems: string[] = [];
  if (!isTimeZone(calendar.timeZone)) problems.push(`unknown time zone "${calendar.timeZone}"`);
  if (calendar.workingDays.length === 0) problems.push("no working days");
  for (const day of calendar.workingDays) {
    if (!Number.isInteger(day) || day < 0 || day > 6) problems.push(`working day ${day} is not a weekday number 0–6`);
  }
  if (!isMinuteOfDay(calendar.opensAt) || calendar.opensAt === MINUTES_PER_DAY) problems.push(`opening time ${calendar.opensAt} is not a minute of the day`);
  if (!isMinuteOfDay(calendar.closesAt)) problems.push(`closing time ${calendar.closesAt} is not a minute of the day`);
  if (isMinuteOfDay(calendar.opensAt) && isMinuteOfDay(calendar.closesAt) && calendar.closesAt <= calendar.opensAt) {
    problems.push("closing time is not after opening time");
  }
  if (!isMinuteOfDay(calendar.cutoffAt)) problems.push(`cut-off ${calendar.cutoffAt} is not a minute of the day`);
  for (const holiday of calendar.holidays) {
    if (parseLocalDate(holiday) === null) problems.push(`holiday "${holiday}" is not a date YYYY-MM-DD`);
  }
  return problems;
}

/** Whether the shop is open at `at`: opening included, closing excluded. */
export function isOpen(calendar: BusinessCalendar, at: Date): boolean {
  const compiled = compile(calendar);
  const time = at.getTime();
  const today = localDayNumber(compiled.zone, time);
  for (let day = today - 1; day <= today + 1; day++) {
    const opening = openingOf(compiled, day);
    if (opening && opening.open <= time && time < opening.close) return true;
  }
  return false;
}

/** Whether a local date ("YYYY-MM-DD") is a working day: a working weekday that is not a holiday. */
export function isWorkingDate(calendar: BusinessCalendar, date: string): boolean {
  const day = parseLocalDate(date);
  if (day === null) throw new RangeError(`"${date}" is not a date YYYY-MM-DD`);
  return isWorkingDay(compile(calendar), day);
}

/** `at` itself when the shop is open then, else the next time it opens. */
export function nextOpening(calendar: BusinessCalendar, at: Date): Date {
  const compiled = compile(calendar);
  const time = at.getTime();
  let idle = 0;
  for (let day = localDayNumber(compiled.zone, time) - 1; ; day++) {
    const opening = openingOf(compiled, day);
    if (opening && opening.close > time && opening.close > opening.open) return new Date(Math.max(time, opening.open));
    if (++idle > compiled.maxIdleDays) throw new Error("the calendar never opens");
  }
}

/**
 * The first instant at which `minutes` business minutes have passed since `start` (so
 * `minutes` = 0 gives `start`). A result that uses up a day's opening exactly is that day's
 * closing time, not the next opening. Negative `minutes` count back: the latest instant
 * with that much business time between it and `start` (a day's opening rather than the
 * previous day's close). Minutes are rounded to the millisecond.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes)) throw new RangeError(`minutes must be finite (got ${minutes})`);
  const compiled = compile(calendar);
  const amount = Math.round(Math.abs(minutes) * MINUTE_MS);
  const time = start.getTime();
  if (amount === 0) return new Date(time);
  return new Date(minutes > 0 ? forward(compiled, time, amount) : backward(compiled, time, amount));
}

/**
 * Business minutes in [a, b): the time both in that span and in the shop's opening hours.
 * Negative when b is before a. Exact inverse of addBusinessMinutes:
 * businessMinutesBetween(s, addBusinessMinutes(s, m)) === m for whole minutes m ≥ 0.
 */
export function businessMinutesBetween(calendar: BusinessCalendar, a: Date, b: Date): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to < from) return -businessMinutesBetween(calendar, b, a);
  const compiled = compile(calendar);
  let total = 0;
  const last = localDayNumber(compiled.zone, to) + 1;
  for (let day = localDayNumber(compiled.zone, from) - 1; day <= last; day++) {
    const opening = openingOf(compiled, day);
    if (opening) total += Math.max(0, Math.min(to, opening.close) - Math.max(from, opening.open));
  }
  return total / MINUTE_MS;
}

/**
 * When something due `days` business days after `start` is due: the closing time of the
 * `days`-th working day, counting as day 1
 *
 * - the day of `start`, when that is a working day and `start` is before the cut-off (or
 *   before closing time, if that is earlier);
 * - otherwise the next working day.
 *
 * So with a 14:00 cut-off and 9:00–17:00 hours, "dispatch within 1 business day" makes an
 * order placed on Monday at 10:00 (or at 07:00) due on Monday at 17:00, and one placed on
 * Monday at 15:00, or on Saturday, due on the next working day at 17:00. `days` ≥ 1.
 */
export function addBusinessDays(calendar: BusinessCalendar, start: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a whole number ≥ 1 (got ${days})`);
  const compiled = compile(calendar);
  const time = start.getTime();
  const startDay = localDayNumber(compiled.zone, time);
  const cutoff = Math.min(calendar.cutoffAt, calendar.closesAt);
  let day = isWorkingDay(compiled, startDay) && time < wallTimeToInstant(compiled.zone, startDay * DAY_MS + cutoff * MINUTE_MS) ? startDay : nextWorkingDay(compiled, startDay);
  for (let counted = 1; counted < days; counted++) day = nextWorkingDay(compiled, day);
  return new Date(wallTimeToInstant(compiled.zone, day * DAY_MS + calendar.closesAt * MINUTE_MS));
}

/** The instant of a wall time in a zone (see the header for times that happen twice or never). */
export function zonedInstant(timeZone: string, date: string, minuteOfDay: number): Date {
  const day = parseLocalDate(date);
  if (day === null) throw new RangeError(`"${date}" is not a date YYYY-MM-DD`);
  return new Date(wallTimeToInstant(zoneOf(timeZone), day * DAY_MS + Math.round(minuteOfDay * MINUTE_MS)));
}

/** What the clock shows in a zone at an instant. */
export function localDateTime(timeZone: string, at: Date): LocalDateTime {
  const time = at.getTime();
  const wall = time + offsetAt(zoneOf(timeZone), time);
  const day = Math.floor(wall / DAY_MS);
  const inDay = wall - day * DAY_MS;
  const calendarDate = new Date(day * DAY_MS);
  return {
    date: dateOfDayNumber(day),
    year: calendarDate.getUTCFullYear(),
    month: calendarDate.getUTCMonth() + 1,
    day: calendarDate.getUTCDate(),
    weekday: weekdayOf(day),
    hour: Math.floor(inDay / 3_600_000),
    minute: Math.floor(inDay / MINUTE_MS) % 60,
    second: Math.floor(inDay / 1000) % 60,
    millisecond: inDay % 1000,
    minuteOfDay: inDay / MINUTE_MS,
  };
}

/** The local date ("YYYY-MM-DD") `days` days after `date` (negative: before). */
export function addLocalDays(date: string, days: number): string {
  const day = parseLocalDate(date);
  if (day === null) throw new RangeError(`"${date}" is not a date YYYY-MM-DD`);
  return dateOfDayNumber(day + days);
}

const WEEKDAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Tue 25 Nov" — the local date of an instant, in English. */
export function formatLocalDate(timeZone: string, at: Date): string {
  const local = localDateTime(timeZone, at);
  return `${WEEKDAY_NAMES[local.weekday]} ${local.day} ${MONTH_NAMES[local.month - 1]}`;
}

/** "Tue 25 Nov 17:00" — the local date and time of an instant, in English. */
export function formatLocalDateTime(timeZone: string, at: Date): string {
  const local = localDateTime(timeZone, at);
  return `${formatLocalDate(timeZone, at)} ${String(local.hour).padStart(2, "0")}:${String(local.minute).padStart(2, "0")}`;
}

// --- the calendar, compiled ---------------------------------------------------------------

type Zone = { name: string; format: Intl.DateTimeFormat; hours: Map<number, number | null> };

type Opening = { open: number; close: number };

type CompiledCalendar = {
  calendar: BusinessCalendar;
  zone: Zone;
  workingDays: ReadonlySet<number>;
  holidays: ReadonlySet<number>;
  /** Days in a row without opening hours after which a search gives up. */
  maxIdleDays: number;
  /** Opening of each day number looked at (null: closed); bounded. */
  openings: Map<number, Opening | null>;
};

const MAX_CACHED_OPENINGS = 4096;

// A calendar is checked once and its opening hours remembered, for as long as the object lives.
// Calendars are treated as immutable: change one by making a new object.
const compiledCalendars = new WeakMap<BusinessCalendar, CompiledCalendar>();

function compile(calendar: BusinessCalendar): CompiledCalendar {
  const known = compiledCalendars.get(calendar);
  if (known) return known;
  const problems = calendarProblems(calendar);
  if (problems.length > 0) throw new RangeError(`invalid business calendar: ${problems.join("; ")}`);
  const holidays = new Set(calendar.holidays.map((date) => parseLocalDate(date) as number));
  const compiled: CompiledCalendar = {
    calendar,
    zone: zoneOf(calendar.timeZone),
    workingDays: new Set(calendar.workingDays),
    holidays,
    // Each holiday can take out a week at most (one working weekday); a day whose hours fall in
    // a skipped hour is empty, hence the margin.
    maxIdleDays: 7 * (holidays.size + 2),
    openings: new Map(),
  };
  compiledCalendars.set(calendar, compiled);
  return compiled;
}

function isWorkingDay(compiled: CompiledCalendar, day: number): boolean {
  return compiled.workingDays.has(weekdayOf(day)) && !compiled.holidays.has(day);
}

function nextWorkingDay(compiled: CompiledCalendar, day: number): number {
  for (let next = day + 1, idle = 0; ; next++, idle++) {
    if (isWorkingDay(compiled, next)) return next;
    if (idle > compiled.maxIdleDays) throw new Error("the calendar has no working day");
  }
}

/** The opening of a day (by local day number), or null when the shop does not open that day. */
function openingOf(compiled: CompiledCalendar, day: number): Opening | null {
  const cached = compiled.openings.get(day);
  if (cached !== undefined) return cached;
  let opening: Opening | null = null;
  if (isWorkingDay(compiled, day)) {
    const { opensAt, closesAt } = compiled.calendar;
    opening = {
      open: wallTimeToInstant(compiled.zone, day * DAY_MS + opensAt * MINUTE_MS),
      close: wallTimeToInstant(compiled.zone, day * DAY_MS + closesAt * MINUTE_MS),
    };
  }
  if (compiled.openings.size >= MAX_CACHED_OPENINGS) compiled.openings.clear();
  compiled.openings.set(day, opening);
  return opening;
}

function forward(compiled: CompiledCalendar, start: number, amount: number): number {
  let time = start;
  let remaining = amount;
  let idle = 0;
  for (let day = localDayNumber(compiled.zone, start) - 1; ; day++) {
    const opening = openingOf(compiled, day);
    if (opening && opening.close > time && opening.close > opening.open) {
      idle = 0;
      const from = Math.max(time, opening.open);
      const available = opening.close - from;
      if (remaining <= available) return from + remaining;
      remaining -= available;
      time = opening.close;
    } else if (++idle > compiled.maxIdleDays) {
      throw new Error("the calendar never opens");
    }
  }
}

function backward(compiled: CompiledCalendar, start: number, amount: number): number {
  let time = start;
  let remaining = amount;
  let idle = 0;
  for (let day = localDayNumber(compiled.zone, start) + 1; ; day--) {
    const opening = openingOf(compiled, day);
    if (opening && opening.open < time && opening.close > opening.open) {
      idle = 0;
      const to = Math.min(time, opening.close);
      const available = to - opening.open;
      if (remaining <= available) return to - remaining;
      remaining -= available;
      time = opening.open;
    } else if (++idle > compiled.maxIdleDays) {
      throw new Error("the calendar never opens");
    }
  }
}

// --- zones and wall times -----------------------------------------------------------------
//
// A wall time is handled as "wall milliseconds": the milliseconds since 1970-01-01T00:00 of
// the local calendar, as if the zone were UTC. A local day number is wall ms / DAY_MS.

const zones = new Map<string, Zone>();

function zoneOf(timeZone: string): Zone {
  const known = zones.get(timeZone);
  if (known) return known;
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const zone: Zone = { name: timeZone, format, hours: new Map() };
  zones.set(timeZone, zone);
  return zone;
}

function isTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || timeZone === "") return false;
  try {
    zoneOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

const HOUR_MS = 3_600_000;
/** Hours remembered per zone; the cache is emptied past this (a sweep touches a few thousand). */
const MAX_CACHED_HOURS = 50_000;

/**
 * Wall ms minus instant ms at an instant (whole seconds: the zone's offset then). Reading the
 * zone through Intl costs microseconds, and a sweep reads it millions of times, so the offset
 * is remembered per UTC hour — only for hours whose first and last second have the same
 * offset, i.e. hours without a clock change (no zone changes its clock twice in an hour).
 */
function offsetAt(zone: Zone, time: number): number {
  const hour = Math.floor(time / HOUR_MS);
  const cached = zone.hours.get(hour);
  if (cached !== undefined && cached !== null) return cached;
  if (cached === null) return exactOffsetAt(zone, time);
  const start = exactOffsetAt(zone, hour * HOUR_MS);
  const steady = start === exactOffsetAt(zone, hour * HOUR_MS + HOUR_MS - 1000);
  if (zone.hours.size >= MAX_CACHED_HOURS) zone.hours.clear();
  zone.hours.set(hour, steady ? start : null);
  return steady ? start : exactOffsetAt(zone, time);
}

function exactOffsetAt(zone: Zone, time: number): number {
  const second = Math.floor(time / 1000) * 1000;
  const fields: Record<string, number> = {};
  for (const part of zone.format.formatToParts(second)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
  return wall - second;
}

function localDayNumber(zone: Zone, time: number): number {
  return Math.floor((time + offsetAt(zone, time)) / DAY_MS);
}

/** The first instant at which the zone's clock shows `wall` or a later time. */
function wallTimeToInstant(zone: Zone, wall: number): number {
  // Zone offsets change at most once within a day or so of any instant (true of every zone
  // in use), so the offsets a day either side are the only candidates.
  const before = offsetAt(zone, wall - DAY_MS);
  const after = offsetAt(zone, wall + DAY_MS);
  let first: number | null = null;
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = wall - offset;
    if (offsetAt(zone, candidate) === offset && (first === null || candidate < first)) first = candidate;
  }
  if (first !== null) return first;
  if (after <= before) return wall - before;
  // The clocks jump over `wall`: find the instant of the jump (to the millisecond).
  let low = wall - after; // clock still behind `wall`
  let high = wall - before; // clock already past it
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (middle + offsetAt(zone, middle) >= wall) high = middle;
    else low = middle;
  }
  return high;
}

function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // day 0 (1970-01-01) was a Thursday
}

function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of "YYYY-MM-DD", or null when it is not a real date. */
function parseLocalDate(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
  return dateOfDayNumber(day) === date ? day : null;
}

function isMinuteOfDay(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MINUTES_PER_DAY;
}
