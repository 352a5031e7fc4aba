import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_WATCH_SETTINGS, EU_COUNTRIES, defaultWatchSettings, type WatchSettings } from "./watch-rules";
import { formatBusinessTime, parseWatchSettingsForm, watchSettingsFormValues, type WatchFormValues, type WatchSettingsInput } from "./watch-settings-form";

const input = (rules: WatchSettings = DEFAULT_WATCH_SETTINGS): WatchSettingsInput => ({ rules, tagPrefix: "aftercare:", mirrorToShopify: true, holdUntilConfirmed: false });

/** The form as the browser posts it: unticked checkboxes are not sent at all. */
function posted(values: Partial<WatchFormValues>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ""));
}

const paris = defaultWatchSettings({ timeZone: "Europe/Paris", country: "FR" });
const good = (): WatchFormValues => watchSettingsFormValues(input(paris));

function errorsOf(values: Partial<WatchFormValues>) {
  const result = parseWatchSettingsForm(posted(values));
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

describe("parseWatchSettingsForm", () => {
  it("reads back the settings the form was filled with", () => {
    const result = parseWatchSettingsForm(posted(good()));
    expect(result).toEqual({ ok: true, value: input(paris) });
  });

  it("reads every field", () => {
    const result = parseWatchSettingsForm(
      posted({
        ...good(),
        timeZone: "America/New_York",
        day6: "on",
        day1: "",
        opensAt: "8:30",
        closesAt: "24:00",
        cutoffAt: "",
        holidays: "2026-12-25\n\n 2026-01-01 \n2026-12-25",
        confirmAll: "",
        confirmCashOnDelivery: "on",
        confirmFirstOrders: "on",
        confirmAboveAmount: "on",
        confirmAmount: "149,90",
        confirmTagged: "on",
        confirmTag: " call-first ",
        confirmHours: "1",
        confirmMinutes: "30",
        dispatchDays: "2",
        dispatchByMethod: "Express = 1\nPallet delivery=5\nexpress = 3",
        shopCountry: "us",
        regionCountries: "ca, MX;mx",
        deliveryDomestic: "4",
        deliveryRegion: "8",
        deliveryInternational: "15",
        stalledOn: "",
        atRiskHours: "0",
        atRiskMinutes: "45",
        flagNoTracking: "",
        tagPrefix: "care/",
        mirrorToShopify: "",
        holdUntilConfirmed: "on",
      }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        rules: {
          calendar: { timeZone: "America/New_York", workingDays: [2, 3, 4, 5, 6], opensAt: 510, closesAt: 1440, cutoffAt: 1440, holidays: ["2026-01-01", "2026-12-25"] },
          confirmation: {
            requiredFor: [{ kind: "cash_on_delivery" }, { kind: "first_orders" }, { kind: "above_amount", amount: "149.90" }, { kind: "tagged", tag: "call-first" }],
            withinBusinessMinutes: 90,
          },
          dispatch: { withinBusinessDays: 2, byShippingMethod: [{ shippingMethod: "Express", withinBusinessDays: 1 }, { shippingMethod: "Pallet delivery", withinBusinessDays: 5 }] },
          delivery: { shopCountry: "US", regionCountries: ["CA", "MX"], withinDays: { domestic: 4, region: 8, international: 15 } },
          stalledAfterDays: null,
          atRiskBusinessMinutes: 45,
          flagFulfilledWithoutTracking: false,
        },
        tagPrefix: "care/",
        mirrorToShopify: false,
        holdUntilConfirmed: true,
      },
    });
  });

  it("refuses times that are not HH:MM, and a closing time before opening", () => {
    expect(errorsOf({ ...good(), opensAt: "9am", closesAt: "25:00", cutoffAt: "14:75" })).toEqual({
      opensAt: "“9am” is not a time: write it as HH:MM, for example 09:00.",
      closesAt: "“25:00” is not a time: write it as HH:MM, for example 09:00 (24:00 for midnight).",
      cutoffAt: "“14:75” is not a time: write it as HH:MM, for example 09:00 (24:00 for midnight).",
    });
    expect(errorsOf({ ...good(), opensAt: "18:00", closesAt: "09:00" })).toEqual({ closesAt: "The closing time must be after the opening time." });
    expect(errorsOf({ ...good(), opensAt: "24:00" }).opensAt).toMatch(/is not a time/);
    expect(errorsOf({ ...good(), opensAt: "" }).opensAt).toBe("Enter a time as HH:MM, for example 09:00.");
  });

  it("names the lines it cannot read", () => {
    expect(errorsOf({ ...good(), holidays: "2026-12-25\n25/12/2026\n2026-02-30" }).holidays).toBe(
      "Line 2 (“25/12/2026”), Line 3 (“2026-02-30”): write one date a line as YYYY-MM-DD, for example 2026-12-25.",
    );
    expect(errorsOf({ ...good(), dispatchByMethod: "Express = 1\nStandard\n= 2\nSlow = 0" }).dispatchByMethod).toBe(
      "Line 2 (“Standard”), line 3 (“= 2”), line 4 (“Slow = 0”): write one method a line as “method title = business days”, days from 1 to 60, for example “Express = 1”.",
    );
    expect(errorsOf({ ...good(), regionCountries: "DE, Germany, ZZ" }).regionCountries).toBe(
      "“Germany”, “ZZ” are not country codes: list two-letter codes separated by commas, for example FR, DE, IT.",
    );
  });

  it("checks numbers, criteria and the rest, all at once", () => {
    const errors = errorsOf({
      ...good(),
      timeZone: "Mars/Olympus",
      day1: "",
      day2: "",
      day3: "",
      day4: "",
      day5: "",
      confirmAboveAmount: "on",
      confirmAmount: "lots",
      confirmTagged: "on",
      confirmTag: "",
      confirmMinutes: "75",
      dispatchDays: "0",
      deliveryRegion: "-1",
      stalledOn: "on",
      stalledAfterDays: "",
      shopCountry: "France",
      tagPrefix: "a-very-long-prefix-for-tags:",
    });
    expect(errors).toEqual({
      timeZone: "“Mars/Olympus” is not a time zone.",
      day1: "Tick at least one working day.",
      confirmAmount: "Write the amount as a number, for example 150 or 149.90.",
      confirmTag: "Enter the tag of the orders to confirm.",
      confirmMinutes: "The minutes to confirm within must be a whole number from 0 to 59.",
      dispatchDays: "The business days to dispatch within must be a whole number from 1 to 60.",
      deliveryRegion: "The days to deliver in your region must be a whole number from 0 to 180.",
      stalledAfterDays: "Enter the days without news after which a parcel is stalled.",
      shopCountry: "“France” is not a two-letter country code (FR, DE, US…).",
      tagPrefix: "At most 22 characters, so that every flag’s tag fits Shopify’s 40.",
    });
  });

  it("leaves out the amount and the tag when their box is not ticked", () => {
    const result = parseWatchSettingsForm(posted({ ...good(), confirmAboveAmount: "", confirmAmount: "lots", confirmTagged: "", confirmTag: "" }));
    expect(result.ok).toBe(true);
  });

  it("asks for no confirmation when no criterion is ticked", () => {
    const result = parseWatchSettingsForm(posted({ ...good(), confirmCashOnDelivery: "" }));
    expect(result.ok && result.value.rules.confirmation.requiredFor).toEqual([]);
  });

  it("never throws, whatever is posted", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.keys(good())), fc.string()), (entries) => {
        const result = parseWatchSettingsForm(entries);
        expect(typeof result.ok).toBe("boolean");
      }),
    );
  });

  it("reads back any settings it can show (round trip)", () => {
    const clock = fc.integer({ min: 0, max: 1439 });
    const settings = fc
      .record({
        zone: fc.constantFrom("UTC", "Europe/Paris", "Europe/Kyiv", "America/Los_Angeles", "Asia/Kolkata"),
        days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1 }),
        opens: clock,
        length: fc.integer({ min: 1, max: 1440 }),
        cutoff: fc.integer({ min: 0, max: 1440 }),
        holidays: fc.uniqueArray(fc.date({ min: new Date("2020-01-01"), max: new Date("2035-12-31"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10))),
        confirmMinutes: fc.integer({ min: 0, max: 240 * 60 + 59 }),
        dispatchDays: fc.integer({ min: 1, max: 60 }),
        stalled: fc.option(fc.integer({ min: 1, max: 60 })),
        atRisk: fc.integer({ min: 0, max: 240 * 60 + 59 }),
        tracking: fc.boolean(),
        mirror: fc.boolean(),
        hold: fc.boolean(),
      })
      .filter(({ opens, length }) => opens + length <= 1440);
    fc.assert(
      fc.property(settings, (s) => {
        const rules: WatchSettings = {
          ...paris,
          calendar: { timeZone: s.zone, workingDays: [...s.days].sort(), opensAt: s.opens, closesAt: s.opens + s.length, cutoffAt: s.cutoff, holidays: [...s.holidays].sort() },
          confirmation: { requiredFor: [{ kind: "cash_on_delivery" }, { kind: "above_amount", amount: "99.5" }], withinBusinessMinutes: s.confirmMinutes },
          dispatch: { withinBusinessDays: s.dispatchDays, byShippingMethod: [{ shippingMethod: "Express = fast", withinBusinessDays: 1 }] },
          stalledAfterDays: s.stalled,
          atRiskBusinessMinutes: s.atRisk,
          flagFulfilledWithoutTracking: s.tracking,
        };
        const shown: WatchSettingsInput = { rules, tagPrefix: "care:", mirrorToShopify: s.mirror, holdUntilConfirmed: s.hold };
        expect(parseWatchSettingsForm(posted(watchSettingsFormValues(shown)))).toEqual({ ok: true, value: shown });
      }),
    );
  });
});

describe("watchSettingsFormValues", () => {
  it("shows delays in hours and minutes, and no cut-off as an empty field", () => {
    const values = watchSettingsFormValues(input({ ...paris, calendar: { ...paris.calendar, cutoffAt: 1440 }, confirmation: { ...paris.confirmation, withinBusinessMinutes: 150 } }));
    expect([values.confirmHours, values.confirmMinutes, values.cutoffAt, values.opensAt, values.closesAt]).toEqual(["2", "30", "", "09:00", "17:00"]);
  });

  it("offers the EU as the region when nothing is saved yet", () => {
    const us = defaultWatchSettings({ timeZone: "America/New_York", country: "US" });
    expect(watchSettingsFormValues(input(us)).regionCountries).toBe("");
    expect(watchSettingsFormValues(input(us), { prefillRegion: true }).regionCountries).toBe(EU_COUNTRIES.join(", "));
    expect(watchSettingsFormValues(input(paris)).regionCountries.split(", ")).not.toContain("FR");
  });

  it("prints business time", () => {
    expect([0, 45, 60, 90, 125].map(formatBusinessTime)).toEqual(["0 min", "45 min", "1 h", "1 h 30 min", "2 h 5 min"]);
  });
});
