// Dates, money, percentages and postal addresses as a shopper reads them in their own language:
// the values put into message placeholders. Pure (only Intl), and safe in the browser, where the
// admin's live preview formats its sample values with the same functions.
import type { ShopperLocale } from "~/messages/locales";

/** The time zone a date is shown in when the one given is not a zone Intl knows. */
const FALLBACK_TIME_ZONE = "UTC";

function usableTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return FALLBACK_TIME_ZONE;
  }
}

/** "28 novembre 2026", "November 28, 2026": the day as it is in `timeZone` (UTC if the zone is unknown). */
export function formatDate(date: Date, locale: ShopperLocale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: usableTimeZone(timeZone) }).format(date);
}

/** "28 novembre 2026 à 11:00", in `timeZone` (UTC if the zone is unknown). */
export function formatDateTime(date: Date, locale: ShopperLocale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: usableTimeZone(timeZone),
  }).format(date);
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * "42,50 €" from Shopify's decimal string ("42.5") and an ISO currency code. The string goes to
 * Intl as it is, which reads it as an exact decimal (ES2023), so "1.005" rounds to "1.01" and
 * large amounts keep every digit. An amount that is no decimal, or a currency Intl does not know,
 * is printed as given ("12.00 XYZ") rather than failing the message.
 */
export function formatMoney(amount: string, currency: string, locale: ShopperLocale): string {
  const decimal = amount.trim();
  const code = currency.trim().toUpperCase();
  if (!DECIMAL.test(decimal)) return `${amount} ${currency}`.trim();
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: code }).format(decimal as `${number}`);
  } catch {
    return `${decimal} ${code}`.trim();
  }
}

/** "5 %" (fr), "5%" (en) for 5; up to two decimals ("7,5 %"). Not divided by 100 on the way. */
export function formatPercent(value: number, locale: ShopperLocale): string {
  return new Intl.NumberFormat(locale, { style: "unit", unit: "percent", maximumFractionDigits: 2 }).format(value);
}

export type PostalAddress = {
  name?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  zip?: string | null;
  province?: string | null;
  provinceCode?: string | null;
  country?: string | null;
  countryCode?: string | null;
  phone?: string | null;
};

/**
 * How a country writes the lines after the street: each line a template of `{zip}`, `{city}`,
 * `{province}` (the name) and `{region}` (the code, else the name). A part left empty goes with
 * the separator written before it.
 */
const ZIP_CITY = ["{zip} {city}"];
const ZIP_CITY_PROVINCE = ["{zip} {city}", "{province}"];
const CITY_THEN_ZIP = ["{city}", "{zip}"];
const CITY_REGION_ZIP = ["{city} {region} {zip}"];

const LOCALITY_FORMATS: Record<string, string[]> = {
  // Postcode before the town, on one line.
  AT: ZIP_CITY, BE: ZIP_CITY, BG: ZIP_CITY, CH: ZIP_CITY, CY: ZIP_CITY, CZ: ZIP_CITY, DE: ZIP_CITY, DK: ZIP_CITY,
  EE: ZIP_CITY, FI: ZIP_CITY, FR: ZIP_CITY, GR: ZIP_CITY, HR: ZIP_CITY, IS: ZIP_CITY, LI: ZIP_CITY, LT: ZIP_CITY,
  LU: ZIP_CITY, MC: ZIP_CITY, NL: ZIP_CITY, NO: ZIP_CITY, PL: ZIP_CITY, PT: ZIP_CITY, RS: ZIP_CITY, SE: ZIP_CITY,
  SI: ZIP_CITY, SK: ZIP_CITY, UA: ZIP_CITY, MD: ZIP_CITY, ME: ZIP_CITY, MK: ZIP_CITY, BA: ZIP_CITY, AL: ZIP_CITY,
  AD: ZIP_CITY, SM: ZIP_CITY, VA: ZIP_CITY, GP: ZIP_CITY, MQ: ZIP_CITY, GF: ZIP_CITY, RE: ZIP_CITY, YT: ZIP_CITY,
  IL: ZIP_CITY, TN: ZIP_CITY, MA: ZIP_CITY, DZ: ZIP_CITY,
  // Spain: the province after the town when it is not the town itself.
  ES: ZIP_CITY_PROVINCE,
  // Hungary and Latvia write the town first.
  HU: ["{city}", "{zip}"],
  LV: ["{city}, {zip}"],
  // Italy: the province code after the town ("00144 Roma RM").
  IT: ["{zip} {city} {region}"],
  RO: ["{zip} {city}", "{province}"],
  TR: ["{zip} {city}/{province}"],
  // Town, then postcode on a line of its own.
  GB: CITY_THEN_ZIP, IM: CITY_THEN_ZIP, JE: CITY_THEN_ZIP, GG: CITY_THEN_ZIP, GI: CITY_THEN_ZIP,
  IE: ["{city}", "{province}", "{zip}"],
  // North America and Oceania: "Springfield, IL 62704", "Sydney NSW 2000".
  US: ["{city}, {region} {zip}"],
  CA: CITY_REGION_ZIP,
  AU: CITY_REGION_ZIP,
  NZ: ["{city} {zip}"],
  BR: ["{city} - {region}", "{zip}"],
  MX: ["{zip} {city}, {region}"],
  JP: ["{province} {city}", "{zip}"],
};

const DEFAULT_LOCALITY = ["{zip} {city}", "{province}"];

function clean(value: string | null | undefined): string {
  return (value ?? "").replace(/\s+/g, " ").trim();
}

/** "IL" from "US-IL" or "IL". */
function regionCode(address: PostalAddress): string {
  const code = clean(address.provinceCode);
  return code.includes("-") ? code.slice(code.indexOf("-") + 1) : code;
}

/**
 * A locality line with its parts filled. The text before a part separates it from the parts
 * before it, and goes with it when it is empty: "{city}, {region} {zip}" without a state is
 * "Springfield 62704", without a town "IL 62704". Parts themselves are never altered.
 */
function fillLocality(template: string, parts: Record<string, string>): string {
  const pieces = template.split(/\{(\w+)\}/);
  let line = "";
  for (let index = 1; index < pieces.length; index += 2) {
    const value = parts[pieces[index] ?? ""] ?? "";
    if (value === "") continue;
    line += line === "" ? value : `${pieces[index - 1] ?? ""}${value}`;
  }
  return line;
}

/** The country's name in the shopper's language, else the name Shopify gave, else the code. */
function countryName(address: PostalAddress, locale: ShopperLocale): string {
  const code = clean(address.countryCode).toUpperCase();
  if (/^[A-Z]{2}$/.test(code)) {
    try {
      const name = new Intl.DisplayNames(locale, { type: "region", fallback: "none" }).of(code);
      if (name) return name;
    } catch {
      // An engine without DisplayNames: the given name below.
    }
  }
  return clean(address.country) || code;
}

/**
 * The address as lines in the order the destination country writes them: name, company, street
 * lines, the town and postcode as that country puts them ("75002 Paris", "Springfield, IL 62704",
 * "London" then "SW1A 1AA"), and last the country, named in the shopper's language. Empty parts are
 * left out. The phone is not part of a postal address; `includePhone` adds it as the last line.
 */
export function formatAddress(address: PostalAddress, locale: ShopperLocale, options: { includePhone?: boolean } = {}): string[] {
  const city = clean(address.city);
  const provinceName = clean(address.province);
  const province = provinceName.toLocaleLowerCase() === city.toLocaleLowerCase() ? "" : provinceName;
  const parts: Record<string, string> = {
    zip: clean(address.zip),
    city,
    province,
    region: regionCode(address) || province,
  };
  const countryCode = clean(address.countryCode).toUpperCase();
  const locality = (LOCALITY_FORMATS[countryCode] ?? DEFAULT_LOCALITY).map((line) => fillLocality(line, parts));
  const lines = [
    clean(address.name),
    clean(address.company),
    clean(address.address1),
    clean(address.address2),
    ...locality,
    countryName(address, locale),
    options.includePhone ? clean(address.phone) : "",
  ];
  return lines.filter((line) => line !== "");
}
