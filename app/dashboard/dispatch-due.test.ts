import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBusinessDays } from "~/watch/business-calendar";
import { defaultWatchSettings, type WatchSettings } from "~/watch/watch-rules";
import { dispatchDueSegments } from "./dispatch-due";

describe("dispatchDueSegments", () => {
  const cases: [string, WatchSettings][] = [
    ["Paris, over the clock change, with a holiday", { ...defaultWatchSettings({ timeZone: "Europe/Paris", country: "FR" }), calendar: { timeZone: "Europe/Paris", workingDays: [1, 2, 3, 4, 5], opensAt: 540, closesAt: 1020, cutoffAt: 840, holidays: ["2026-11-11"] } }],
    ["New York, Saturdays, no cut-off", { ...defaultWatchSettings({ timeZone: "America/New_York", country: "US" }), calendar: { timeZone: "America/New_York", workingDays: [1, 2, 3, 4, 5, 6], opensAt: 480, closesAt: 1200, cutoffAt: 1440, holidays: [] } }],
    ["Kolkata (half-hour offset)", { ...defaultWatchSettings({ timeZone: "Asia/Kolkata", country: "IN" }), calendar: { timeZone: "Asia/Kolkata", workingDays: [1, 2, 3, 4, 5], opensAt: 570, closesAt: 1110, cutoffAt: 720, holidays: [] } }],
  ];
  const from = new Date("2026-10-15T00:00:00Z");
  const until = new Date("2026-11-20T12:00:00Z");

  for (const [name, settings] of cases) {
    it(`gives every ready time addBusinessDays' due time: ${name}`, () => {
      const segments = dispatchDueSegments(settings, from, until, [1, 3]);
      fc.assert(
        fc.property(fc.integer({ min: from.getTime(), max: until.getTime() }), fc.constantFrom(1, 3), (ready, days) => {
          const matches = segments.filter((segment) => segment.days === days && ready >= segment.fromMs && ready < segment.toMs);
          expect(matches).toHaveLength(1);
          expect(matches[0]?.dueMs).toBe(addBusinessDays(settings.calendar, new Date(ready), days).getTime());
        }),
        { numRuns: 500 },
      );
    });
  }
});
