import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  addBusinessMinutes,
  addLocalDays,
  businessMinutesBetween,
  calendarProblems,
  formatLocalDateTime,
  isOpen,
  isWorkingDate,
  localDateTime,
  nextOpening,
  zonedInstant,
  type BusinessCalendar,
} from "./business-calendar";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

/** Monday to Friday, 9:00–17:00, cut-off 14:00. */
function weekdays(timeZone: string, holidays: string[] = []): BusinessCalendar {
  return { timeZone, workingDays: [1, 2, 3, 4, 5], opensAt: 540, closesAt: 1020, cutoffAt: 840, holidays };
}

/** Open all day, every day: business time is elapsed time. */
function always(timeZone: string): BusinessCalendar {
  return { timeZone, workingDays: [0, 1, 2, 3, 4, 5, 6], opensAt: 0, closesAt: 1440, cutoffAt: 1440, holidays: [] };
}

describe("wall times to instants", () => {
  it("converts ordinary wall times, whole and half-hour offsets alike", () => {
    expect(iso(zonedInstant("Europe/Paris", "2026-01-15", 540))).toBe("2026-01-15T08:00:00.000Z");
    expect(iso(zonedInstant("Europe/Paris", "2026-07-15", 540))).toBe("2026-07-15T07:00:00.000Z");
    expect(iso(zonedInstant("Asia/Kolkata", "2026-11-23", 540))).toBe("2026-11-23T03:30:00.000Z");
    expect(iso(zonedInstant("Asia/Kathmandu", "2026-11-23", 540))).toBe("2026-11-23T03:15:00.000Z");
    expect(iso(zonedInstant("Pacific/Chatham", "2026-01-15", 540))).toBe("2026-01-14T19:15:00.000Z");
  });

  it("takes a skipped wall time as the moment the clocks jump", () => {
    // Europe/Paris, 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00Z.
    expect(iso(zonedInstant("Europe/Paris", "2026-03-29", 119))).toBe("2026-03-29T00:59:00.000Z");
    expect(iso(zonedInstant("Europe/Paris", "2026-03-29", 120))).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(zonedInstant("Europe/Paris", "2026-03-29", 150))).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(zonedInstant("Europe/Paris", "2026-03-29", 180))).toBe("2026-03-29T01:00:00.000Z");
    // America/New_York, 2026-03-08: 02:00 EST becomes 03:00 EDT at 07:00Z.
    expect(iso(zonedInstant("America/New_York", "2026-03-08", 150))).toBe("2026-03-08T07:00:00.000Z");
    // Pacific/Chatham, 2026-09-27: 02:45 becomes 03:45 (+12:45 → +13:45).
    expect(iso(zonedInstant("Pacific/Chatham", "2026-09-27", 195))).toBe("2026-09-26T14:00:00.000Z");
    // America/Santiago, 2026-09-06: midnight is skipped (24:00 −04 becomes 01:00 −03).
    expect(iso(zonedInstant("America/Santiago", "2026-09-06", 0))).toBe("2026-09-06T04:00:00.000Z");
  });

  it("takes a repeated wall time as its first occurrence", () => {
    // Europe/Paris, 2026-10-25: 03:00 CEST becomes 02:00 CET at 01:00Z; 02:00–02:59 happen twice.
    expect(iso(zonedInstant("Europe/Paris", "2026-10-25", 120))).toBe("2026-10-25T00:00:00.000Z");
    expect(iso(zonedInstant("Europe/Paris", "2026-10-25", 150))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(zonedInstant("Europe/Paris", "2026-10-25", 180))).toBe("2026-10-25T02:00:00.000Z");
    // America/New_York, 2026-11-01: 01:00–01:59 happen twice (EDT, then EST).
    expect(iso(zonedInstant("America/New_York", "2026-11-01", 90))).toBe("2026-11-01T05:30:00.000Z");
    expect(iso(zonedInstant("America/New_York", "2026-11-01", 120))).toBe("2026-11-01T07:00:00.000Z");
  });

  it("reads the wall clock back", () => {
    const second = localDateTime("Europe/Paris", at("2026-10-25T01:30:00Z"));
    expect(second).toMatchObject({ date: "2026-10-25", weekday: 0, hour: 2, minute: 30, minuteOfDay: 150 });
    expect(localDateTime("Asia/Kolkata", at("2026-11-23T18:29:59.500Z"))).toMatchObject({ date: "2026-11-23", hour: 23, minute: 59, second: 59, millisecond: 500 });
    expect(formatLocalDateTime("Europe/Paris", at("2025-11-25T16:00:00Z"))).toBe("Tue 25 Nov 17:00");
    expect(addLocalDays("2026-12-30", 3)).toBe("2027-01-02");
  });
});

describe("business time across clock changes", () => {
  it("counts the real length of days whose clocks change", () => {
    const day = (timeZone: string, date: string) =>
      businessMinutesBetween(always(timeZone), zonedInstant(timeZone, date, 0), zonedInstant(timeZone, addLocalDays(date, 1), 0));
    expect(day("Europe/Paris", "2026-03-29")).toBe(23 * 60);
    expect(day("Europe/Paris", "2026-10-25")).toBe(25 * 60);
    expect(day("America/New_York", "2026-03-08")).toBe(23 * 60);
    expect(day("America/New_York", "2026-11-01")).toBe(25 * 60);
    expect(day("Australia/Sydney", "2026-04-05")).toBe(25 * 60);
    expect(day("Australia/Sydney", "2026-10-04")).toBe(23 * 60);
    expect(day("Pacific/Chatham", "2026-04-05")).toBe(25 * 60);
    expect(day("Pacific/Chatham", "2026-09-27")).toBe(23 * 60);
    expect(day("Australia/Lord_Howe", "2026-04-05")).toBe(24 * 60 + 30);
    expect(day("Asia/Kolkata", "2026-03-29")).toBe(24 * 60);
  });

  it("shortens or lengthens opening hours that span the change", () => {
    const sundayNight: BusinessCalendar = { timeZone: "Europe/Paris", workingDays: [0], opensAt: 60, closesAt: 240, cutoffAt: 1440, holidays: [] };
    expect(businessMinutesBetween(sundayNight, at("2026-03-28T00:00:00Z"), at("2026-03-30T00:00:00Z"))).toBe(120);
    expect(businessMinutesBetween(sundayNight, at("2026-10-24T00:00:00Z"), at("2026-10-26T00:00:00Z"))).toBe(240);
    // Opening at 02:30, which does not exist that day: opens when the clocks jump to 03:00.
    const lateOpening = { ...sundayNight, opensAt: 150 };
    expect(iso(nextOpening(lateOpening, at("2026-03-28T23:00:00Z")))).toBe("2026-03-29T01:00:00.000Z");
    // On the night the clocks go back it opens at the first 02:30.
    expect(iso(nextOpening(lateOpening, at("2026-10-24T23:00:00Z")))).toBe("2026-10-25T00:30:00.000Z");
  });

  it("adds business minutes over a weekend that changes the clocks (Paris, March)", () => {
    const paris = weekdays("Europe/Paris");
    const friday = zonedInstant("Europe/Paris", "2026-03-27", 16 * 60); // 15:00Z (CET)
    const monday = addBusinessMinutes(paris, friday, 120);
    expect(iso(monday)).toBe("2026-03-30T08:00:00.000Z"); // Monday 10:00 CEST
    expect(businessMinutesBetween(paris, friday, monday)).toBe(120);
    expect(iso(addBusinessMinutes(paris, monday, -120))).toBe(iso(friday));
  });

  it("adds business minutes over a weekend that changes the clocks (New York, November)", () => {
    const newYork = weekdays("America/New_York");
    const friday = at("2026-10-30T20:00:00Z"); // Friday 16:00 EDT
    expect(iso(addBusinessMinutes(newYork, friday, 120))).toBe("2026-11-02T15:00:00.000Z"); // Monday 10:00 EST
    expect(iso(addBusinessMinutes(newYork, friday, 60))).toBe("2026-10-30T21:00:00.000Z"); // the close, not Monday's opening
    expect(businessMinutesBetween(newYork, friday, at("2026-11-02T15:00:00Z"))).toBe(120);
  });

  it("adds business minutes at a half-hour offset", () => {
    const kolkata = weekdays("Asia/Kolkata");
    expect(iso(addBusinessMinutes(kolkata, at("2026-11-23T11:00:00Z"), 60))).toBe("2026-11-24T04:00:00.000Z"); // Mon 16:30 → Tue 09:30 IST
  });
});

describe("business minutes", () => {
  const paris = weekdays("Europe/Paris");

  it("starts counting at the next opening and stops at the close", () => {
    const saturday = at("2026-11-21T10:00:00Z");
    expect(iso(addBusinessMinutes(paris, saturday, 30))).toBe("2026-11-23T08:30:00.000Z"); // Mon 09:30 CET
    expect(iso(addBusinessMinutes(paris, at("2026-11-23T08:00:00Z"), 480))).toBe("2026-11-23T16:00:00.000Z"); // Mon 17:00
    expect(iso(addBusinessMinutes(paris, at("2026-11-23T08:00:00Z"), 481))).toBe("2026-11-24T08:01:00.000Z");
    expect(iso(addBusinessMinutes(paris, saturday, 0))).toBe(iso(saturday));
  });

  it("counts back to an opening, not to the previous close", () => {
    expect(iso(addBusinessMinutes(paris, at("2026-11-24T10:00:00Z"), -120))).toBe("2026-11-24T08:00:00.000Z"); // Tue 11:00 → 09:00
    expect(iso(addBusinessMinutes(paris, at("2026-11-23T09:00:00Z"), -120))).toBe("2026-11-20T15:00:00.000Z"); // Mon 10:00 → Fri 16:00
  });

  it("skips holidays", () => {
    const easter = weekdays("Europe/Paris", ["2026-04-06"]);
    expect(iso(addBusinessMinutes(easter, at("2026-04-03T14:00:00Z"), 120))).toBe("2026-04-07T08:00:00.000Z"); // Fri 16:00 → Tue 10:00
    expect(businessMinutesBetween(easter, at("2026-04-03T00:00:00Z"), at("2026-04-08T00:00:00Z"))).toBe(2 * 480);
    expect(isWorkingDate(easter, "2026-04-06")).toBe(false);
    expect(isWorkingDate(easter, "2026-04-07")).toBe(true);
  });

  it("is negative backwards and zero when closed", () => {
    expect(businessMinutesBetween(paris, at("2026-11-23T16:00:00Z"), at("2026-11-23T09:00:00Z"))).toBe(-420);
    expect(businessMinutesBetween(paris, at("2026-11-21T00:00:00Z"), at("2026-11-23T08:00:00Z"))).toBe(0);
    expect(isOpen(paris, at("2026-11-23T08:00:00Z"))).toBe(true);
    expect(isOpen(paris, at("2026-11-23T16:00:00Z"))).toBe(false);
  });
});

describe("business days", () => {
  const paris = weekdays("Europe/Paris");
  const due = (placed: string, days = 1) => iso(addBusinessDays(paris, at(placed), days));

  it("counts the day of the order as day 1 before the cut-off on a working day", () => {
    expect(due("2025-11-24T09:00:00Z")).toBe("2025-11-24T16:00:00.000Z"); // Mon 10:00 → Mon 17:00
    expect(due("2025-11-24T06:00:00Z")).toBe("2025-11-24T16:00:00.000Z"); // Mon 07:00, before opening → Mon 17:00
    expect(due("2025-11-24T12:59:59Z")).toBe("2025-11-24T16:00:00.000Z"); // Mon 13:59:59
    expect(due("2025-11-24T09:00:00Z", 3)).toBe("2025-11-26T16:00:00.000Z");
  });

  it("counts from the next working day at or after the cut-off, or on a day off", () => {
    expect(due("2025-11-24T13:00:00Z")).toBe("2025-11-25T16:00:00.000Z"); // Mon 14:00 → Tue 17:00
    expect(due("2025-11-24T14:00:00Z")).toBe("2025-11-25T16:00:00.000Z"); // Mon 15:00 → Tue 17:00
    expect(due("2025-11-28T14:00:00Z")).toBe("2025-12-01T16:00:00.000Z"); // Fri 15:00 → Mon 17:00
    expect(due("2025-11-29T09:00:00Z")).toBe("2025-12-01T16:00:00.000Z"); // Sat → Mon
    expect(due("2025-11-29T09:00:00Z", 2)).toBe("2025-12-02T16:00:00.000Z");
  });

  it("treats a cut-off after closing time as the closing time", () => {
    const noCutoff = { ...paris, cutoffAt: 1440 };
    expect(iso(addBusinessDays(noCutoff, at("2025-11-24T15:59:00Z"), 1))).toBe("2025-11-24T16:00:00.000Z");
    expect(iso(addBusinessDays(noCutoff, at("2025-11-24T17:00:00Z"), 1))).toBe("2025-11-25T16:00:00.000Z");
  });

  it("keeps local closing time across clock changes and holidays", () => {
    expect(due("2026-03-27T14:00:00Z")).toBe("2026-03-30T15:00:00.000Z"); // Fri 15:00 CET → Mon 17:00 CEST
    expect(due("2026-03-27T12:59:00Z")).toBe("2026-03-27T16:00:00.000Z"); // Fri 13:59 CET → Fri 17:00 CET
    const easter = weekdays("Europe/Paris", ["2026-04-06"]);
    expect(iso(addBusinessDays(easter, at("2026-04-03T13:00:00Z"), 1))).toBe("2026-04-07T15:00:00.000Z"); // Fri 15:00 → Tue 17:00
    expect(iso(addBusinessDays(weekdays("America/New_York"), at("2026-10-30T19:00:00Z"), 1))).toBe("2026-11-02T22:00:00.000Z"); // Fri 15:00 EDT → Mon 17:00 EST
  });

  it("refuses bad input", () => {
    expect(() => addBusinessDays(paris, at("2025-11-24T09:00:00Z"), 0)).toThrow(RangeError);
    expect(() => addBusinessMinutes(paris, at("2025-11-24T09:00:00Z"), Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessMinutes({ ...paris, timeZone: "Mars/Olympus" }, at("2025-11-24T09:00:00Z"), 1)).toThrow(/unknown time zone/);
    expect(calendarProblems({ ...paris, workingDays: [], opensAt: 600, closesAt: 600, holidays: ["2026-02-30"] })).toEqual([
      "no working days",
      "closing time is not after opening time",
      'holiday "2026-02-30" is not a date YYYY-MM-DD',
    ]);
    expect(calendarProblems(paris)).toEqual([]);
  });
});

// --- properties ----------------------------------------------------------------------------

const ZONES = [
  "UTC",
  "Europe/Paris",
  "Europe/London",
  "America/New_York",
  "America/Santiago", // clocks change at midnight
  "America/Sao_Paulo", // changed at midnight until 2019
  "Australia/Sydney",
  "Australia/Lord_Howe", // half-hour change
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Pacific/Chatham",
];
const FIXED_ZONES = ["UTC", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Tokyo"];

// The test's own clock reader, independent of the module's.
const formats = new Map<string, Intl.DateTimeFormat>();
function wallMs(timeZone: string, time: number): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formats.set(timeZone, format);
  }
  const part = (type: string, parts: Intl.DateTimeFormatPart[]) => Number(parts.find((p) => p.type === type)?.value);
  const parts = format.formatToParts(time);
  return Date.UTC(part("year", parts), part("month", parts) - 1, part("day", parts), part("hour", parts), part("minute", parts), part("second", parts)) + (((time % 1000) + 1000) % 1000);
}
const wall = (timeZone: string, time: number) => {
  const ms = wallMs(timeZone, time);
  const day = Math.floor(ms / DAY);
  return { date: new Date(day * DAY).toISOString().slice(0, 10), weekday: (((day + 4) % 7) + 7) % 7, minuteOfDay: (ms - day * DAY) / MINUTE };
};
/** No clock change within two days either side: wall-clock checks are exact. */
const steady = (timeZone: string, time: number) => wallMs(timeZone, time - 2 * DAY) - (time - 2 * DAY) === wallMs(timeZone, time + 2 * DAY) - (time + 2 * DAY);

// Days the clocks change, found by scanning (2024–2027), so that starts land near them often.
const changes = new Map<string, number[]>();
function clockChanges(timeZone: string): number[] {
  let found = changes.get(timeZone);
  if (!found) {
    found = [];
    for (let time = Date.UTC(2024, 0, 1); time < Date.UTC(2028, 0, 1); time += DAY) {
      if (wallMs(timeZone, time) - time !== wallMs(timeZone, time + DAY) - (time + DAY)) found.push(time);
    }
    changes.set(timeZone, found);
  }
  return found;
}

const START = Date.UTC(2016, 0, 1);
const END = Date.UTC(2032, 0, 1);

/** A random calendar and a start time, often within days of a clock change; holidays near the start. */
const calendarAndStart = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    workingDays: fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }),
    hours: fc.tuple(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 0, max: 1440 })).filter(([a, b]) => Math.abs(a - b) >= 30),
    cutoffAt: fc.integer({ min: 0, max: 1440 }),
    holidayOffsets: fc.array(fc.integer({ min: -3, max: 40 }), { maxLength: 6 }),
    anywhere: fc.integer({ min: START, max: END }),
    nearChange: fc.option(fc.tuple(fc.nat(), fc.integer({ min: -3 * DAY, max: 3 * DAY })), { freq: 2 }),
  })
  .map(({ timeZone, workingDays, hours, cutoffAt, holidayOffsets, anywhere, nearChange }) => {
    const list = clockChanges(timeZone);
    const start = nearChange && list.length > 0 ? list[nearChange[0] % list.length]! + nearChange[1] : anywhere;
    const startDate = new Date(start).toISOString().slice(0, 10);
    const calendar: BusinessCalendar = {
      timeZone,
      workingDays,
      opensAt: Math.min(...hours),
      closesAt: Math.max(...hours),
      cutoffAt,
      holidays: holidayOffsets.map((offset) => addLocalDays(startDate, offset)),
    };
    return { calendar, start: new Date(start) };
  });

const minutes = fc.integer({ min: 1, max: 5_000 });
const RUNS = { numRuns: 150 };

function worksOn(calendar: BusinessCalendar, local: { date: string; weekday: number }): boolean {
  return calendar.workingDays.includes(local.weekday) && !calendar.holidays.includes(local.date);
}

describe("business calendar properties", () => {
  it("ends additions inside opening hours on a working day, or exactly at a close", () => {
    fc.assert(
      fc.property(calendarAndStart, minutes, ({ calendar, start }, m) => {
        const end = addBusinessMinutes(calendar, start, m);
        expect(end.getTime()).toBeGreaterThan(start.getTime());
        // The minute before the end is business time, on a working day within the hours.
        const before = end.getTime() - 1;
        expect(isOpen(calendar, new Date(before))).toBe(true);
        const local = wall(calendar.timeZone, before);
        expect(worksOn(calendar, local)).toBe(true);
        // The clock has not shown the closing time yet; it shows the opening time or later,
        // unless it went back within the day (by an hour at most).
        expect(local.minuteOfDay).toBeLessThan(calendar.closesAt);
        expect(local.minuteOfDay).toBeGreaterThanOrEqual(steady(calendar.timeZone, before) ? calendar.opensAt : calendar.opensAt - 60);
        if (!isOpen(calendar, end) && steady(calendar.timeZone, end.getTime())) {
          expect(wall(calendar.timeZone, end.getTime()).minuteOfDay).toBe(calendar.closesAt % 1440);
        }
      }),
      RUNS,
    );
  });

  it("counts back exactly what it added", () => {
    fc.assert(
      fc.property(calendarAndStart, minutes, ({ calendar, start }, m) => {
        const end = addBusinessMinutes(calendar, start, m);
        expect(businessMinutesBetween(calendar, start, end)).toBe(m);
        expect(businessMinutesBetween(calendar, end, start)).toBe(-m);
        const earlier = addBusinessMinutes(calendar, start, -m);
        expect(earlier.getTime()).toBeLessThan(start.getTime());
        expect(businessMinutesBetween(calendar, earlier, start)).toBe(m);
        // Back from the end lands at the latest such instant, forward from the earlier one at the first.
        expect(addBusinessMinutes(calendar, end, -m).getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(addBusinessMinutes(calendar, earlier, m).getTime()).toBeLessThanOrEqual(start.getTime());
      }),
      RUNS,
    );
  });

  it("is monotonic in the minutes and in the start", () => {
    fc.assert(
      fc.property(calendarAndStart, minutes, minutes, fc.integer({ min: 0, max: 5 * DAY }), ({ calendar, start }, m1, m2, shift) => {
        const [low, high] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(addBusinessMinutes(calendar, start, low).getTime()).toBeLessThanOrEqual(addBusinessMinutes(calendar, start, high).getTime());
        const later = new Date(start.getTime() + shift);
        expect(addBusinessMinutes(calendar, start, m1).getTime()).toBeLessThanOrEqual(addBusinessMinutes(calendar, later, m1).getTime());
        expect(addBusinessDays(calendar, start, 1 + (m1 % 5)).getTime()).toBeLessThanOrEqual(addBusinessDays(calendar, later, 1 + (m1 % 5)).getTime());
      }),
      RUNS,
    );
  });

  it("measures spans additively, never more than the elapsed time", () => {
    fc.assert(
      fc.property(calendarAndStart, fc.integer({ min: 0, max: 10 * DAY }), fc.integer({ min: 0, max: 10 * DAY }), ({ calendar, start }, d1, d2) => {
        const a = start.getTime();
        const b = new Date(a + d1);
        const c = new Date(a + d1 + d2);
        const ab = businessMinutesBetween(calendar, start, b);
        const bc = businessMinutesBetween(calendar, b, c);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(d1 / MINUTE);
        expect(Math.round((ab + bc) * MINUTE)).toBe(Math.round(businessMinutesBetween(calendar, start, c) * MINUTE));
      }),
      RUNS,
    );
  });

  it("agrees with plain wall-clock arithmetic in zones without clock changes", () => {
    fc.assert(
      fc.property(calendarAndStart, fc.constantFrom(...FIXED_ZONES), fc.integer({ min: 0, max: 10 * DAY }), ({ calendar: random, start }, timeZone, span) => {
        const calendar = { ...random, timeZone };
        const offset = wallMs(timeZone, start.getTime()) - start.getTime();
        const end = start.getTime() + span;
        let expected = 0;
        for (let day = Math.floor((start.getTime() + offset) / DAY) - 1; day <= Math.floor((end + offset) / DAY) + 1; day++) {
          const date = new Date(day * DAY).toISOString().slice(0, 10);
          if (!worksOn(calendar, { date, weekday: (((day + 4) % 7) + 7) % 7 })) continue;
          const open = day * DAY + calendar.opensAt * MINUTE - offset;
          const close = day * DAY + calendar.closesAt * MINUTE - offset;
          expected += Math.max(0, Math.min(end, close) - Math.max(start.getTime(), open));
        }
        expect(businessMinutesBetween(calendar, start, new Date(end))).toBe(expected / MINUTE);
      }),
      RUNS,
    );
  });

  it("finds the next opening", () => {
    fc.assert(
      fc.property(calendarAndStart, ({ calendar, start }) => {
        const opening = nextOpening(calendar, start);
        expect(opening.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(isOpen(calendar, opening)).toBe(true);
        expect(businessMinutesBetween(calendar, start, opening)).toBe(0);
        if (isOpen(calendar, start)) expect(opening.getTime()).toBe(start.getTime());
      }),
      RUNS,
    );
  });

  it("makes business days due at the close of the right working day", () => {
    fc.assert(
      fc.property(calendarAndStart, fc.integer({ min: 1, max: 8 }), ({ calendar, start }, days) => {
        const due = addBusinessDays(calendar, start, days);
        const next = addBusinessDays(calendar, start, days + 1);
        expect(due.getTime()).toBeGreaterThan(start.getTime());
        // The day a due time closes (the minute before it, for a close at midnight).
        const dueDay = wall(calendar.timeZone, due.getTime() - 1);
        const nextDay = wall(calendar.timeZone, next.getTime() - 1);
        expect(worksOn(calendar, dueDay)).toBe(true);
        expect(worksOn(calendar, nextDay)).toBe(true);
        // One more business day is the next working day after it.
        let following = addLocalDays(dueDay.date, 1);
        while (!isWorkingDate(calendar, following)) following = addLocalDays(following, 1);
        expect(nextDay.date).toBe(following);
        if (steady(calendar.timeZone, due.getTime())) {
          expect(wall(calendar.timeZone, due.getTime()).minuteOfDay).toBe(calendar.closesAt % 1440);
        }
        if (days === 1 && steady(calendar.timeZone, start.getTime())) {
          const placed = wall(calendar.timeZone, start.getTime());
          const sameDay = worksOn(calendar, placed) && placed.minuteOfDay < Math.min(calendar.cutoffAt, calendar.closesAt);
          expect(dueDay.date === placed.date).toBe(sameDay);
        }
      }),
      RUNS,
    );
  });

  it("converts a wall time to the first instant the clock shows it", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: START, max: END }), fc.option(fc.nat(), { freq: 2 }), fc.integer({ min: 0, max: 1439 }), (timeZone, anywhere, nearChange, minute) => {
        const list = clockChanges(timeZone);
        const day = nearChange !== null && list.length > 0 ? list[nearChange % list.length]! + ((nearChange % 3) - 1) * DAY : anywhere;
        const date = new Date(day).toISOString().slice(0, 10);
        const instant = zonedInstant(timeZone, date, minute).getTime();
        const wanted = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + minute * MINUTE;
        // The first instant the clock shows that time or a later one (later: the time was skipped).
        expect(wallMs(timeZone, instant)).toBeGreaterThanOrEqual(wanted);
        expect(wallMs(timeZone, instant - 1)).toBeLessThan(wanted);
        expect(wallMs(timeZone, instant - 2 * HOUR)).toBeLessThan(wanted);
        if (steady(timeZone, instant)) expect(wallMs(timeZone, instant)).toBe(wanted);
      }),
      RUNS,
    );
  });
});
