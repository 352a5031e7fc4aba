import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";
import { changeTone, dashboardLocale, formatChange, formatDuration, formatFigure, NO_VALUE, requestLocale } from "./figure-format";

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("figures in words", () => {
  it("shows nothing to measure as a dash", () => {
    expect(formatFigure({ format: "percent" }, null, "en", "EUR")).toBe(NO_VALUE);
    expect(formatChange({ format: "count", value: 4, previous: null }, "en")).toBe(NO_VALUE);
  });

  it("writes numbers in the merchant's locale", () => {
    expect(plain(formatFigure({ format: "percent" }, 0.4567, "fr", "EUR"))).toBe("45,7 %");
    expect(formatFigure({ format: "count" }, 12_345, "en", "EUR")).toBe("12,345");
    expect(plain(formatFigure({ format: "money" }, 9, "fr", "EUR"))).toBe("9,00 €");
    expect(formatFigure({ format: "decimal" }, 7 / 6, "de", "EUR")).toBe("1,17");
    expect(formatChange({ format: "percent", value: 0.5, previous: 0.25 }, "en")).toBe("+25 pts");
  });

  it("writes durations in the largest sensible unit", () => {
    expect(formatDuration(37.5, "en")).toBe("38 min");
    expect(formatDuration(1095, "en")).toBe("18 h 15 min");
    expect(formatDuration(1440, "en")).toBe("24 h");
    expect(formatDuration(5760, "fr")).toBe("4 days");
  });

  it("tells good news from bad", () => {
    expect(changeTone({ format: "percent", value: 0.9, previous: 0.8, higherIsBetter: true })).toBe("good");
    expect(changeTone({ format: "minutes", value: 90, previous: 60, higherIsBetter: false })).toBe("bad");
    expect(changeTone({ format: "count", value: 5, previous: 4, higherIsBetter: null })).toBe("neutral");
  });

  it("uses the admin's locale only when it can format it", () => {
    expect(dashboardLocale("fr")).toBe("fr");
    expect(dashboardLocale(null)).toBe("en");
    expect(dashboardLocale("not a locale!")).toBe("en");
    expect(requestLocale(new Request("https://app.test/app/dashboard?locale=de"))).toBe("de");
    expect(requestLocale(new Request("https://app.test/app/dashboard", { headers: { "Accept-Language": "pt-BR,pt;q=0.9,en;q=0.8" } }))).toBe("pt-BR");
    expect(requestLocale(new Request("https://app.test/app/dashboard"))).toBe("en");
  });
});

describe("toCsv", () => {
  it("quotes what needs quoting and keeps formulas from running", () => {
    expect(toCsv([["a,b", 'say "hi"', "line\nbreak", "=SUM(A1)", "+1", "@x", -3, null, " padded"]])).toBe(
      '"a,b","say ""hi""","line\nbreak",\'=SUM(A1),\'+1,\'@x,-3,," padded"\r\n',
    );
  });
});
