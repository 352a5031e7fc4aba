// The storefront contact card's value: trimmed details, address lines in the country's order
// (named in the shop's language), tolerance of bad stored JSON, and change detection.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressLines, contactCardChanged, contactCardValue, parseContactCardValue, type ContactCardValue } from "./contact-card";

const address = (fields: Record<string, string | null>) => JSON.stringify(fields);

describe("contactCardValue", () => {
  it("carries the shop's details, trimmed, with blanks as null", () => {
    expect(
      contactCardValue({
        shopName: "  Atelier Lumière ",
        contactPhone: " +33 1 23 45 67 89 ",
        contactEmail: "   ",
        contactAddress: address({ address1: "12 rue des Lilas", city: "Lyon", zip: "69003", country: "France", countryCode: "FR" }),
        responseTimeHours: 24,
      }),
    ).toEqual({
      shopName: "Atelier Lumière",
      phone: "+33 1 23 45 67 89",
      email: null,
      addressLines: ["12 rue des Lilas", "69003 Lyon", "France"],
      responseTimeHours: 24,
    });
  });

  it("treats missing contact columns as absent", () => {
    expect(contactCardValue({ shopName: "Shop", responseTimeHours: 48 })).toEqual({
      shopName: "Shop",
      phone: null,
      email: null,
      addressLines: [],
      responseTimeHours: 48,
    });
  });

  it("keeps the response time a whole, non-negative number of hours", () => {
    expect(contactCardValue({ shopName: "S", responseTimeHours: 23.6 }).responseTimeHours).toBe(24);
    expect(contactCardValue({ shopName: "S", responseTimeHours: -3 }).responseTimeHours).toBe(0);
    expect(contactCardValue({ shopName: "S", responseTimeHours: Number.NaN }).responseTimeHours).toBe(0);
  });
});

describe("addressLines", () => {
  it.each<[string, Record<string, string | null>, string | null, string[]]>([
    ["France: postcode before town", { address1: "12 rue des Lilas", address2: "Bât. B", city: "Lyon", zip: "69003", country: "France", countryCode: "FR" }, "fr", ["12 rue des Lilas", "Bât. B", "69003 Lyon", "France"]],
    ["Germany, named in German", { address1: "Hauptstraße 5", city: "Berlin", zip: "10115", province: "Berlin", country: "Germany", countryCode: "DE" }, "de", ["Hauptstraße 5", "10115 Berlin", "Deutschland"]],
    ["Greece, named in Greek", { address1: "Ερμού 10", city: "Αθήνα", zip: "105 63", country: "Greece", countryCode: "GR" }, "el", ["Ερμού 10", "105 63 Αθήνα", "Ελλάδα"]],
    ["United States: town, state code and ZIP on one line", { address1: "1 Main St", city: "Portland", province: "Oregon", provinceCode: "OR", zip: "97201", country: "United States", countryCode: "US" }, "en-US", ["1 Main St", "Portland, OR 97201", "United States"]],
    ["United Kingdom: town and postcode on lines of their own", { company: "Holmes Ltd", address1: "221B Baker Street", city: "London", zip: "NW1 6XE", countryCode: "GB" }, "en", ["Holmes Ltd", "221B Baker Street", "London", "NW1 6XE", "United Kingdom"]],
    ["a primary language we do not write in: English", { address1: "Hauptstraße 5", city: "Berlin", zip: "10115", countryCode: "DE" }, "pt-BR", ["Hauptstraße 5", "10115 Berlin", "Germany"]],
    ["no primary language: English", { address1: "3 Quay St", address2: "", city: "Dublin", zip: null, countryCode: "IE" }, null, ["3 Quay St", "Dublin", "Ireland"]],
    ["no country at all", { address1: "Calle Mayor 1", city: "Madrid", zip: "28013" }, "es", ["Calle Mayor 1", "28013 Madrid"]],
  ])("%s", (_case, fields, primaryLocale, expected) => {
    expect(addressLines(JSON.stringify(fields), primaryLocale)).toEqual(expected);
  });

  it("gives no lines for missing, unreadable or wrongly shaped JSON", () => {
    expect(addressLines(null)).toEqual([]);
    expect(addressLines("")).toEqual([]);
    expect(addressLines("{not json")).toEqual([]);
    expect(addressLines("[1, 2]")).toEqual([]);
    expect(addressLines("null")).toEqual([]);
    expect(addressLines(JSON.stringify({ address1: 42 }))).toEqual([]);
  });

  it("follows the shop's primary language in contactCardValue", () => {
    const contactAddress = JSON.stringify({ address1: "Ul. Długa 1", city: "Gdańsk", zip: "80-827", countryCode: "PL" });
    expect(contactCardValue({ shopName: "S", contactAddress, responseTimeHours: 24, primaryLocale: "pl" }).addressLines).toEqual([
      "Ul. Długa 1",
      "80-827 Gdańsk",
      "Polska",
    ]);
  });
});

const card = (overrides: Partial<ContactCardValue> = {}): ContactCardValue => ({
  shopName: "Shop",
  phone: "+30 210 000 0000",
  email: "hello@shop.example",
  addressLines: ["Ερμού 10", "105 63 Αθήνα"],
  responseTimeHours: 24,
  ...overrides,
});

describe("contactCardChanged", () => {
  it("is true when nothing is published yet", () => {
    expect(contactCardChanged(null, card())).toBe(true);
  });

  it("is false for the same details", () => {
    expect(contactCardChanged(card(), card({ addressLines: ["Ερμού 10", "105 63 Αθήνα"] }))).toBe(false);
  });

  it.each<[string, Partial<ContactCardValue>]>([
    ["shop name", { shopName: "Other" }],
    ["phone", { phone: null }],
    ["email", { email: "help@shop.example" }],
    ["response time", { responseTimeHours: 48 }],
    ["an address line", { addressLines: ["Ερμού 12", "105 63 Αθήνα"] }],
    ["a line fewer", { addressLines: ["Ερμού 10"] }],
    ["a line more", { addressLines: ["Ερμού 10", "105 63 Αθήνα", "Ελλάδα"] }],
  ])("is true when the %s changes", (_what, change) => {
    expect(contactCardChanged(card(), card(change))).toBe(true);
  });

  it("agrees with comparing the JSON that would be published", () => {
    const value = fc.record({
      shopName: fc.constantFrom("A", "B"),
      phone: fc.constantFrom(null, "1", "2"),
      email: fc.constantFrom(null, "a@x.example"),
      addressLines: fc.array(fc.constantFrom("x", "y"), { maxLength: 3 }),
      responseTimeHours: fc.constantFrom(12, 24),
    });
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(contactCardChanged(a, b)).toBe(JSON.stringify(a) !== JSON.stringify(b));
      }),
    );
  });
});

describe("parseContactCardValue", () => {
  it("reads back a published value", () => {
    expect(parseContactCardValue(JSON.parse(JSON.stringify(card())))).toEqual(card());
  });

  it.each([null, undefined, "text", { shopName: "S" }, { ...card(), responseTimeHours: "24" }])("rejects %j", (json) => {
    expect(parseContactCardValue(json)).toBeNull();
  });
});
