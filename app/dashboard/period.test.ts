import { describe, expect, it } from "vitest";
import { parsePeriod, periodDates, periodParams } from "./period";

const NOW = new Date("2026-10-27T08:00:00Z"); // Tuesday; Paris went back to winter time on Sunday

describe("parsePeriod", () => {
  it("takes whole local days, today included, and the same number of days before", () => {
    const period = parsePeriod(new URLSearchParams({ period: "7" }), NOW, "Europe/Paris");
    expect(period.current).toMatchObject({ from: "2026-10-21", to: "2026-10-27", days: 7 });
    expect(period.current.start.toISOString()).toBe("2026-10-20T22:00:00.000Z"); // summer time
    expect(period.current.end.toISOString()).toBe("2026-10-27T23:00:00.000Z"); // winter time
    expect(period.previous).toMatchObject({ from: "2026-10-14", to: "2026-10-20", days: 7 });
    expect(period.previous.end).toEqual(period.current.start);
    expect(periodDates(period.current)).toHaveLength(7);
  });

  it("uses the shop's zone for today", () => {
    const late = new Date("2026-10-27T23:30:00Z");
    expect(parsePeriod(new URLSearchParams({ period: "7" }), late, "Europe/Paris").current.to).toBe("2026-10-28");
    expect(parsePeriod(new URLSearchParams({ period: "7" }), late, "America/New_York").current.to).toBe("2026-10-27");
  });

  it("reads chosen dates, in either order, up to today and at most 90 days", () => {
    const swapped = parsePeriod(new URLSearchParams({ period: "custom", from: "2026-10-10", to: "2026-10-01" }), NOW, "UTC");
    expect(swapped).toMatchObject({ choice: "custom", notices: [] });
    expect(swapped.current).toMatchObject({ from: "2026-10-01", to: "2026-10-10", days: 10 });
    expect(swapped.previous).toMatchObject({ from: "2026-09-21", to: "2026-09-30" });
    const long = parsePeriod(new URLSearchParams({ period: "custom", from: "2025-01-01", to: "2027-01-01" }), NOW, "UTC");
    expect(long.current).toMatchObject({ to: "2026-10-27", days: 90 });
    expect(long.notices).toHaveLength(1);
    expect(periodParams(long).toString()).toBe(`period=custom&from=${long.current.from}&to=2026-10-27`);
  });

  it("falls back to 30 days, with a notice, for what it does not understand", () => {
    const links: Record<string, string>[] = [{ period: "365" }, { period: "custom", from: "2026-02-30", to: "2026-03-01" }, { period: "custom", from: "2027-01-01", to: "2027-01-02" }];
    for (const params of links) {
      const period = parsePeriod(new URLSearchParams(params), NOW, "UTC");
      expect(period.choice).toBe("30");
      expect(period.current.days).toBe(30);
      expect(period.notices).toHaveLength(1);
    }
    expect(parsePeriod(new URLSearchParams(), NOW, "UTC").notices).toEqual([]);
  });
});
