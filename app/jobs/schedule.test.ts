import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { intervalStart, slotKey } from "./schedule";

const HOUR = 3_600_000;

describe("interval slots", () => {
  it("aligns intervals to the Unix epoch, in UTC", () => {
    expect(slotKey(new Date("2026-11-23T15:42:10.123Z"), HOUR)).toBe("2026-11-23T15:00:00.000Z");
    expect(slotKey(new Date("2026-11-23T15:00:00.000Z"), HOUR)).toBe("2026-11-23T15:00:00.000Z");
    expect(slotKey(new Date("2026-11-23T14:59:59.999Z"), HOUR)).toBe("2026-11-23T14:00:00.000Z");
    expect(slotKey(new Date("2026-11-23T15:42:10.123Z"), 5 * 60_000)).toBe("2026-11-23T15:40:00.000Z");
  });

  it("puts every moment in the one interval that contains it", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1960-01-01"), max: new Date("2200-01-01"), noInvalidDate: true }), fc.integer({ min: 1, max: 7 * 24 * HOUR }), (now, everyMs) => {
        const start = intervalStart(now, everyMs).getTime();
        expect(start).toBeLessThanOrEqual(now.getTime());
        expect(now.getTime()).toBeLessThan(start + everyMs);
        expect(Math.abs(start % everyMs)).toBe(0);
        // Any other moment of the same interval gets the same slot.
        const other = new Date(start + Math.floor((now.getTime() - start) / 2));
        expect(slotKey(other, everyMs)).toBe(slotKey(now, everyMs));
      }),
    );
  });

  it("refuses an interval that is not a positive whole number of milliseconds", () => {
    expect(() => intervalStart(new Date(), 0)).toThrow(RangeError);
    expect(() => intervalStart(new Date(), 1.5)).toThrow(RangeError);
  });
});
