import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAddress, formatDate, formatDateTime, formatMoney, formatPercent, type PostalAddress } from "~/messages/format";
import { SHOPPER_LOCALES } from "~/messages/locales";

describe("formatDate", () => {
  const lateEvening = new Date("2026-11-28T23:30:00Z");

  it("writes the long date in the shopper's language", () => {
    expect(formatDate(lateEvening, "fr", "UTC")).toBe("28 novembre 2026");
    expect(formatDate(lateEvening, "en", "UTC")).toBe("November 28, 2026");
    expect(formatDate(lateEvening, "de", "UTC")).toBe("28. November 2026");
    expect(formatDate(lateEvening, "uk", "UTC")).toMatch(/^28 листопада 2026/);
  });

  it("uses the day of the given time zone", () => {
    expect(formatDate(lateEvening, "fr", "Europe/Paris")).toBe("29 novembre 2026");
    expect(formatDate(lateEvening, "fr", "America/New_York")).toBe("28 novembre 2026");
  });

  it("falls back to UTC for a zone Intl does not know", () => {
    expect(formatDate(lateEvening, "fr", "Mars/Olympus")).toBe("28 novembre 2026");
  });
});

describe("formatDateTime", () => {
  it("adds the local time", () => {
    const text = formatDateTime(new Date("2026-11-28T10:05:00Z"), "fr", "Europe/Paris");
    expect(text).toContain("28 novembre 2026");
    expect(text).toContain("11:05");
  });
});

describe("formatMoney", () => {
  it("formats Shopify's decimal strings per locale", () => {
    expect(formatMoney("42.5", "EUR", "en")).toBe("€42.50");
    // Intl's spaces: no-break before the symbol, narrow no-break between French thousands.
    expect(formatMoney("1234.5", "EUR", "de")).toBe("1.234,50\u00a0€");
    expect(formatMoney("1234.5", "EUR", "fr")).toBe("1\u202f234,50\u00a0€");
    expect(formatMoney("0", "JPY", "en")).toBe("¥0");
    expect(formatMoney("1234", "JPY", "en")).toBe("¥1,234");
  });

  it("rounds the decimal itself, not a binary float", () => {
    expect(formatMoney("1.005", "EUR", "en")).toBe("€1.01");
    expect(formatMoney("0.125", "EUR", "en")).toBe("€0.13");
    expect(formatMoney("12345678901234567.89", "EUR", "en")).toBe("€12,345,678,901,234,567.89");
  });

  it("prints what it cannot read as given", () => {
    expect(formatMoney("abc", "EUR", "en")).toBe("abc EUR");
    expect(formatMoney("12.00", "not a currency", "en")).toBe("12.00 NOT A CURRENCY");
  });

  it("keeps every cent of any amount up to millions", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 99_999_999_99n }), (cents) => {
        const amount = `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
        const digits = formatMoney(amount, "EUR", "en").replace(/[^\d]/g, "");
        expect(BigInt(digits)).toBe(cents);
      }),
    );
  });
});

describe("formatPercent", () => {
  it("takes 5 to mean 5%", () => {
    expect(formatPercent(5, "en")).toBe("5%");
    expect(formatPercent(7.5, "de")).toBe("7,5\u00a0%");
    expect(formatPercent(15, "fr")).toBe("15\u00a0%");
    expect(formatPercent(10, "uk")).toBe("10%");
  });
});

const street = { name: "Anna Kowalska", address1: "1 Main Street", address2: "Flat 2" };

describe("formatAddress", () => {
  it("writes the postcode before the town in France, Germany, Poland, Spain, Greece and Ukraine", () => {
    expect(formatAddress({ ...street, city: "Paris", zip: "75002", countryCode: "FR" }, "fr")).toEqual([
      "Anna Kowalska",
      "1 Main Street",
      "Flat 2",
      "75002 Paris",
      "France",
    ]);
    expect(formatAddress({ address1: "Unter den Linden 1", city: "Berlin", zip: "10117", countryCode: "DE" }, "de")).toEqual([
      "Unter den Linden 1",
      "10117 Berlin",
      "Deutschland",
    ]);
    expect(formatAddress({ address1: "ul. Marszałkowska 1", city: "Warszawa", zip: "00-624", countryCode: "PL" }, "pl")).toEqual([
      "ul. Marszałkowska 1",
      "00-624 Warszawa",
      "Polska",
    ]);
    expect(formatAddress({ address1: "Ermou 10", city: "Αθήνα", zip: "105 63", countryCode: "GR" }, "el")).toEqual([
      "Ermou 10",
      "105 63 Αθήνα",
      "Ελλάδα",
    ]);
    expect(formatAddress({ address1: "вул. Хрещатик, 22", city: "Київ", zip: "01001", countryCode: "UA" }, "uk")).toEqual([
      "вул. Хрещатик, 22",
      "01001 Київ",
      "Україна",
    ]);
  });

  it("adds the Spanish province after the town unless it is the town", () => {
    expect(formatAddress({ address1: "Calle Mayor 1", city: "Alcalá de Henares", zip: "28801", province: "Madrid", provinceCode: "M", countryCode: "ES" }, "es")).toEqual([
      "Calle Mayor 1",
      "28801 Alcalá de Henares",
      "Madrid",
      "España",
    ]);
    expect(formatAddress({ address1: "Calle Mayor 1", city: "Madrid", zip: "28013", province: "Madrid", countryCode: "ES" }, "es")).toEqual([
      "Calle Mayor 1",
      "28013 Madrid",
      "España",
    ]);
  });

  it("writes the town then the postcode in the UK and the US", () => {
    expect(formatAddress({ address1: "10 Downing Street", city: "London", zip: "SW1A 2AA", countryCode: "GB" }, "en")).toEqual([
      "10 Downing Street",
      "London",
      "SW1A 2AA",
      "United Kingdom",
    ]);
    expect(formatAddress({ address1: "742 Evergreen Terrace", city: "Springfield", zip: "62704", province: "Illinois", provinceCode: "IL", countryCode: "US" }, "en")).toEqual([
      "742 Evergreen Terrace",
      "Springfield, IL 62704",
      "United States",
    ]);
  });

  it("names the country in the shopper's language, last", () => {
    const address: PostalAddress = { city: "London", zip: "SW1A 2AA", countryCode: "GB", country: "United Kingdom" };
    expect(formatAddress(address, "uk").at(-1)).toBe("Велика Британія");
    expect(formatAddress(address, "fr").at(-1)).toBe("Royaume-Uni");
    expect(formatAddress(address, "el").at(-1)).toBe("Ηνωμένο Βασίλειο");
  });

  it("keeps Shopify's country name when the code is unknown", () => {
    expect(formatAddress({ city: "Somewhere", country: "Atlantis", countryCode: "??" }, "en")).toEqual(["Somewhere", "Atlantis"]);
  });

  it("leaves out empty parts and their separators", () => {
    expect(formatAddress({ name: "  ", company: null, address1: "742 Evergreen Terrace", city: "Springfield", provinceCode: "US-IL", countryCode: "US" }, "en")).toEqual([
      "742 Evergreen Terrace",
      "Springfield, IL",
      "United States",
    ]);
    expect(formatAddress({ zip: "62704", provinceCode: "IL", countryCode: "US" }, "en")).toEqual(["IL 62704", "United States"]);
    expect(formatAddress({ city: "Springfield", zip: "62704", countryCode: "US" }, "en")).toEqual(["Springfield 62704", "United States"]);
    expect(formatAddress({ city: "Saint-Denis--Nord", zip: "97400", countryCode: "RE" }, "fr")).toEqual(["97400 Saint-Denis--Nord", "La Réunion"]);
    expect(formatAddress({}, "en")).toEqual([]);
  });

  it("adds the phone only when asked", () => {
    const address: PostalAddress = { city: "Paris", zip: "75002", countryCode: "FR", phone: "+33 1 23 45 67 89" };
    expect(formatAddress(address, "fr")).not.toContain("+33 1 23 45 67 89");
    expect(formatAddress(address, "fr", { includePhone: true }).at(-1)).toBe("+33 1 23 45 67 89");
  });

  const part = fc.stringMatching(/^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9 .'-]{0,20}[A-Za-zÀ-ÿ0-9]$/);
  const country = fc.constantFrom("FR", "DE", "GB", "US", "UA", "GR", "PL", "ES");

  it("keeps every part (runs of spaces made one), on non-empty lines, with the country last (any address)", () => {
    fc.assert(
      fc.property(part, part, part, fc.stringMatching(/^[0-9]{5}$/), country, fc.constantFrom(...SHOPPER_LOCALES), (rawName, rawAddress1, rawCity, zip, countryCode, locale) => {
        const spaced = (value: string) => value.replace(/ +/g, " ");
        const [name, address1, city] = [spaced(rawName), spaced(rawAddress1), spaced(rawCity)];
        const lines = formatAddress({ name: rawName, address1: rawAddress1, city: rawCity, zip, countryCode }, locale);
        const text = lines.join("\n");
        for (const value of [name, address1, city, zip]) expect(text).toContain(value);
        expect(lines.every((line) => line.trim() === line && line !== "")).toBe(true);
        expect(lines.at(-1)).toBe(new Intl.DisplayNames(locale, { type: "region" }).of(countryCode));
        const zipLine = lines.findIndex((line) => line.includes(zip));
        const cityLine = lines.findIndex((line, index) => index > 1 && line.includes(city));
        if (countryCode === "GB" || countryCode === "US") expect(cityLine).toBeLessThanOrEqual(zipLine);
        else expect(lines[zipLine]).toBe(`${zip} ${city}`);
      }),
    );
  });
});
