import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isQuietMinute, localMinuteOfDay, nextAllowedSendTime, timeZoneForAddress, type QuietHours } from "~/messages/quiet-hours";

const NIGHT: QuietHours = { startMinute: 21 * 60, endMinute: 8 * 60 };
const at = (iso: string) => new Date(iso);
const next = (iso: string, zone: string | null, quiet = NIGHT) => nextAllowedSendTime(at(iso), zone, quiet).toISOString();

describe("timeZoneForAddress", () => {
  it("knows single-zone countries", () => {
    expect(timeZoneForAddress("FR")).toBe("Europe/Paris");
    expect(timeZoneForAddress("gb", null)).toBe("Europe/London");
    expect(timeZoneForAddress("UA")).toBe("Europe/Kyiv");
    expect(timeZoneForAddress("GR")).toBe("Europe/Athens");
    expect(timeZoneForAddress("CH")).toBe("Europe/Zurich");
    expect(timeZoneForAddress("NO")).toBe("Europe/Oslo");
    expect(timeZoneForAddress("JP")).toBe("Asia/Tokyo");
    expect(timeZoneForAddress("NZ")).toBe("Pacific/Auckland");
  });

  it("covers every EU country", () => {
    const eu = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(" ");
    for (const country of eu) expect(timeZoneForAddress(country), country).not.toBeNull();
  });

  it("finds the zone of a state or province in countries with several", () => {
    expect(timeZoneForAddress("US", "CA")).toBe("America/Los_Angeles");
    expect(timeZoneForAddress("US", "US-NY")).toBe("America/New_York");
    expect(timeZoneForAddress("US", "AZ")).toBe("America/Phoenix");
    expect(timeZoneForAddress("CA", "QC")).toBe("America/Toronto");
    expect(timeZoneForAddress("AU", "WA")).toBe("Australia/Perth");
    expect(timeZoneForAddress("BR", "SP")).toBe("America/Sao_Paulo");
    expect(timeZoneForAddress("MX", "BC")).toBe("America/Tijuana");
    expect(timeZoneForAddress("RU", "KGD")).toBe("Europe/Kaliningrad");
  });

  it("finds islands with their own zone", () => {
    expect(timeZoneForAddress("ES", "GC")).toBe("Atlantic/Canary");
    expect(timeZoneForAddress("ES", "ES-TF")).toBe("Atlantic/Canary");
    expect(timeZoneForAddress("ES", "M")).toBe("Europe/Madrid");
    expect(timeZoneForAddress("PT", "PT-20")).toBe("Atlantic/Azores");
    expect(timeZoneForAddress("PT", "PT-11")).toBe("Europe/Lisbon");
  });

  it("does not guess", () => {
    for (const country of ["US", "CA", "AU", "BR", "MX", "RU"]) {
      expect(timeZoneForAddress(country), country).toBeNull();
      expect(timeZoneForAddress(country, "XX"), country).toBeNull();
    }
    expect(timeZoneForAddress(null)).toBeNull();
    expect(timeZoneForAddress("")).toBeNull();
    expect(timeZoneForAddress("ZZ")).toBeNull();
  });

  it("gives only zones Intl knows", () => {
    const countries = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE GB UA CH NO IS JP NZ IL AE ZA AR CL".split(" ");
    const zones = [
      ...countries.map((country) => timeZoneForAddress(country)),
      ...["AL", "AK", "HI", "IN", "TX", "PR"].map((state) => timeZoneForAddress("US", state)),
      ...["NL", "SK", "NT"].map((province) => timeZoneForAddress("CA", province)),
      ...["Q ROO", "SON", "CHIH"].map((state) => timeZoneForAddress("MX", state)),
      ...["SVE", "NVS", "ALT", "CHU"].map((region) => timeZoneForAddress("RU", region)),
    ];
    for (const zone of zones) {
      expect(zone).not.toBeNull();
      expect(() => new Intl.DateTimeFormat("en", { timeZone: zone ?? "" })).not.toThrow();
    }
  });
});

describe("isQuietMinute", () => {
  it("includes the start and excludes the end, across midnight or not", () => {
    expect(isQuietMinute(21 * 60, NIGHT)).toBe(true);
    expect(isQuietMinute(3 * 60, NIGHT)).toBe(true);
    expect(isQuietMinute(8 * 60, NIGHT)).toBe(false);
    expect(isQuietMinute(21 * 60 - 1, NIGHT)).toBe(false);
    const lunch = { startMinute: 12 * 60, endMinute: 14 * 60 };
    expect(isQuietMinute(13 * 60, lunch)).toBe(true);
    expect(isQuietMinute(14 * 60, lunch)).toBe(false);
    expect(isQuietMinute(3 * 60, { startMinute: 600, endMinute: 600 })).toBe(false);
  });
});

describe("nextAllowedSendTime", () => {
  it("sends at once outside quiet hours", () => {
    expect(next("2026-01-15T17:00:00Z", "Europe/Paris")).toBe("2026-01-15T17:00:00.000Z"); // 18:00 in Paris
    expect(next("2026-01-15T07:00:00Z", "Europe/Paris")).toBe("2026-01-15T07:00:00.000Z"); // 08:00 sharp
  });

  it("waits for the morning in the shopper's zone", () => {
    expect(next("2026-01-15T21:30:00Z", "Europe/Paris")).toBe("2026-01-16T07:00:00.000Z"); // 22:30 → 08:00
    expect(next("2026-01-15T02:00:00Z", "Europe/Paris")).toBe("2026-01-15T07:00:00.000Z"); // 03:00 → 08:00 the same day
    expect(next("2026-01-15T06:59:30Z", "Europe/Paris")).toBe("2026-01-15T07:00:00.000Z");
    expect(next("2026-01-15T12:00:00Z", "Asia/Tokyo")).toBe("2026-01-15T23:00:00.000Z"); // 21:00 → 08:00 (UTC+9)
    expect(next("2026-07-15T03:00:00Z", "America/New_York")).toBe("2026-07-15T12:00:00.000Z"); // 23:00 EDT
    expect(next("2026-01-15T20:00:00Z", "Asia/Kathmandu")).toBe("2026-01-16T02:15:00.000Z"); // 01:45 (UTC+5:45)
  });

  it("holds quiet hours within a day", () => {
    const lunch = { startMinute: 12 * 60, endMinute: 14 * 60 };
    expect(next("2026-01-15T11:30:00Z", "Europe/Paris", lunch)).toBe("2026-01-15T13:00:00.000Z");
    expect(next("2026-01-15T13:00:00Z", "Europe/Paris", lunch)).toBe("2026-01-15T13:00:00.000Z");
  });

  it("counts the night right when the clocks change", () => {
    // Europe: summer time starts 29 March 2026 at 01:00 UTC and ends 25 October 2026 at 01:00 UTC.
    expect(next("2026-03-28T21:00:00Z", "Europe/Paris")).toBe("2026-03-29T06:00:00.000Z"); // 22:00 CET → 08:00 CEST
    expect(next("2026-10-24T20:00:00Z", "Europe/Paris")).toBe("2026-10-25T07:00:00.000Z"); // 22:00 CEST → 08:00 CET
    // Southern hemisphere: Sydney leaves summer time on 5 April 2026.
    expect(next("2026-04-04T11:00:00Z", "Australia/Sydney")).toBe("2026-04-04T22:00:00.000Z"); // 22:00 AEDT → 08:00 AEST
  });

  it("ends at the jump when summer time skips the end of quiet hours", () => {
    const untilHalfPastTwo = { startMinute: 22 * 60, endMinute: 2 * 60 + 30 };
    // 00:00 CET on 29 March 2026; at 02:00 the clock jumps to 03:00, so 02:30 never comes.
    expect(next("2026-03-28T23:00:00Z", "Europe/Paris", untilHalfPastTwo)).toBe("2026-03-29T01:00:00.000Z");
  });

  it("ends at the next 02:30 when the clock shows it twice", () => {
    const untilHalfPastTwo = { startMinute: 60, endMinute: 2 * 60 + 30 };
    expect(next("2026-10-25T00:10:00Z", "Europe/Paris", untilHalfPastTwo)).toBe("2026-10-25T00:30:00.000Z"); // 02:10 CEST
    expect(next("2026-10-25T01:10:00Z", "Europe/Paris", untilHalfPastTwo)).toBe("2026-10-25T01:30:00.000Z"); // 02:10 CET, the second time
  });

  it("does not delay without quiet hours or a zone it can know", () => {
    expect(next("2026-01-15T23:00:00Z", "UTC", { startMinute: 0, endMinute: 0 })).toBe("2026-01-15T23:00:00.000Z");
    expect(next("2026-01-15T23:00:00Z", null)).toBe("2026-01-15T23:00:00.000Z");
    expect(next("2026-01-15T23:00:00Z", "Mars/Olympus")).toBe("2026-01-15T23:00:00.000Z");
    expect(next("2026-01-15T23:00:00Z", "UTC", { startMinute: Number.NaN, endMinute: 480 })).toBe("2026-01-15T23:00:00.000Z");
  });

  const ZONES = [
    "UTC",
    "Europe/Paris",
    "Europe/London",
    "Europe/Kyiv",
    "America/New_York",
    "America/St_Johns",
    "America/Santiago",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Auckland",
    "Pacific/Chatham",
    "Asia/Tokyo",
    "Asia/Kathmandu",
    "Africa/Casablanca",
  ];
  const FIXED_OFFSET_ZONES = new Set(["UTC", "Asia/Tokyo", "Asia/Kathmandu"]);
  const HOUR = 3_600_000;

  it("never sends inside quiet hours, never early, never later than needed (any zone, time and window)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: at("2000-01-01T00:00:00Z"), max: at("2040-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 1439 }),
        (now, zone, startMinute, endMinute) => {
          const quiet = { startMinute, endMinute };
          const result = nextAllowedSendTime(now, zone, quiet);
          const waited = result.getTime() - now.getTime();
          expect(waited).toBeGreaterThanOrEqual(0);
          expect(isQuietMinute(localMinuteOfDay(result, zone) ?? -1, quiet)).toBe(false);
          if (!isQuietMinute(localMinuteOfDay(now, zone) ?? -1, quiet)) expect(waited).toBe(0);
          else expect(isQuietMinute(localMinuteOfDay(new Date(result.getTime() - 1000), zone) ?? -1, quiet)).toBe(true);
          const windowMinutes = (endMinute - startMinute + 1440) % 1440;
          // A clock change can lengthen a night by an hour (30 minutes on Lord Howe Island).
          expect(waited).toBeLessThanOrEqual((windowMinutes + 60) * 60_000);
          expect(waited).toBeLessThan(FIXED_OFFSET_ZONES.has(zone) ? 24 * HOUR : 25 * HOUR);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("never sends inside the usual night, within a day (any zone and time)", () => {
    fc.assert(
      fc.property(fc.date({ min: at("2000-01-01T00:00:00Z"), max: at("2040-12-31T00:00:00Z"), noInvalidDate: true }), fc.constantFrom(...ZONES), (now, zone) => {
        const result = nextAllowedSendTime(now, zone, NIGHT);
        expect(isQuietMinute(localMinuteOfDay(result, zone) ?? -1, NIGHT)).toBe(false);
        expect(result.getTime() - now.getTime()).toBeLessThan(24 * HOUR);
      }),
      { numRuns: 1000 },
    );
  });
});
