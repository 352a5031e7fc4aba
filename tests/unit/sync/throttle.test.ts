import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_BACKOFF_MS, msUntilAvailable, throttledBackoffMs } from "~/sync/throttle";

const bucket = (currentlyAvailable: number) => ({ maximumAvailable: 2000, currentlyAvailable, restoreRate: 100 });

describe("msUntilAvailable", () => {
  it("is 0 when the points are there, else the refill time at the restore rate", () => {
    expect(msUntilAvailable(bucket(900), 898)).toBe(0);
    expect(msUntilAvailable(bucket(398), 898)).toBe(5000);
    expect(msUntilAvailable(bucket(0), 1)).toBe(10);
  });

  it("never waits for more than the bucket can hold", () => {
    expect(msUntilAvailable({ maximumAvailable: 500, currentlyAvailable: 400, restoreRate: 50 }, 898)).toBe(2000);
  });

  it("waits just long enough (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 1000 }), (max, available, rate, cost) => {
        const status = { maximumAvailable: max, currentlyAvailable: Math.min(available, max), restoreRate: rate };
        const wait = msUntilAvailable(status, cost);
        const needed = Math.min(cost, max);
        expect(status.currentlyAvailable + (wait / 1000) * rate).toBeGreaterThanOrEqual(needed);
        if (wait > 0) expect(status.currentlyAvailable + ((wait - 1) / 1000) * rate).toBeLessThan(needed);
      }),
    );
  });
});

describe("throttledBackoffMs", () => {
  it("waits for the refused query's points when the answer says what is left", () => {
    expect(throttledBackoffMs(0, bucket(98), 898)).toBe(8000);
  });

  it("backs off exponentially without a throttle status, up to a cap", () => {
    expect([0, 1, 2, 3].map((attempt) => throttledBackoffMs(attempt, null, null))).toEqual([1000, 2000, 4000, 8000]);
    expect(throttledBackoffMs(10, null, null)).toBe(MAX_BACKOFF_MS);
    expect(throttledBackoffMs(0, { maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 10 }, 898)).toBe(MAX_BACKOFF_MS);
  });
});
