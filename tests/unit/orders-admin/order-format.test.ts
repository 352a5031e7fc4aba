import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countryName, formatDate, formatDateTime, formatMoney, formatRelative, usableTimeZone } from "~/orders/order-format";

// Intl separates the time from AM/PM with a narrow no-break space.
const normalise = (text: string) => text.replace(/\u202f/g, " ");

describe("formatMoney", () => {
  it("prints Shopify's decimal strings in their currency", () => {
    expect(formatMoney("42.00", "EUR")).toBe("€42.00");
    expect(formatMoney("1234.5", "USD")).toBe("$1,234.50");
    expect(formatMoney("12.5", "PLN")).toBe("PLN\u00a012.50");
    expect(formatMoney("1000", "JPY")).toBe("¥1,000");
    expect(formatMoney("0.00", "GBP")).toBe("£0.00");
  });

  it("prints what it cannot read as given rather than failing", () => {
    expect(formatMoney("12.50", "NOT-A-CURRENCY")).toBe("12.50 NOT-A-CURRENCY");
    expect(formatMoney("abc", "EUR")).toBe("abc EUR");
    expect(formatMoney("", "EUR")).toBe("EUR");
  });
});

describe("dates", () => {
  const at = new Date("2026-11-18T10:04:00Z");

  it("prints date and time in the given time zone, naming it", () => {
    expect(normalise(formatDateTime(at, "UTC"))).toBe("Nov 18, 2026, 10:04 AM UTC");
    expect(normalise(formatDateTime(at, "Europe/Paris"))).toBe("Nov 18, 2026, 11:04 AM GMT+1");
    expect(formatDate(new Date("2026-11-18T23:30:00Z"), "Europe/Warsaw")).toBe("Nov 19, 2026");
  });

  it("falls back to UTC for a time zone Intl does not know", () => {
    expect(usableTimeZone("Mars/Olympus_Mons")).toBe("UTC");
    expect(usableTimeZone(null)).toBe("UTC");
    expect(usableTimeZone("Europe/Warsaw")).toBe("Europe/Warsaw");
    expect(normalise(formatDateTime(at, "Mars/Olympus_Mons"))).toBe("Nov 18, 2026, 10:04 AM UTC");
  });

  it("prints recent times relative to now, older ones as a date", () => {
    const now = new Date("2026-11-20T10:00:00Z");
    const ago = (ms: number) => formatRelative(new Date(now.getTime() - ms), now, "UTC");
    expect(ago(0)).toBe("just now");
    expect(ago(59_000)).toBe("just now");
    expect(ago(5 * 60_000)).toBe("5 minutes ago");
    expect(ago(3 * 3600_000)).toBe("3 hours ago");
    expect(ago(30 * 3600_000)).toBe("yesterday");
    expect(ago(2 * 86400_000)).toBe("2 days ago");
    expect(ago(6 * 86400_000 + 3600_000)).toBe("6 days ago");
    expect(ago(7 * 86400_000)).toBe("Nov 13, 2026");
    expect(ago(-2 * 3600_000)).toBe("Nov 20, 2026");
  });

  it("never prints a negative or empty relative time", () => {
    const now = new Date("2026-11-20T10:00:00Z");
    fc.assert(
      fc.property(fc.integer({ min: -365 * 86400_000, max: 365 * 86400_000 }), (offset) => {
        const text = formatRelative(new Date(now.getTime() - offset), now, "UTC");
        expect(text).not.toMatch(/-|^$/);
      }),
    );
  });
});

describe("countryName", () => {
  it("names the region, or keeps a code it does not know", () => {
    expect(countryName("FR")).toBe("France");
    expect(countryName("pl")).toBe("Poland");
    expect(countryName("ZZZ")).toBe("ZZZ");
    expect(countryName(null)).toBeNull();
  });
});
