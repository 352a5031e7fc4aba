// The languages shopper-facing texts are written in, and how one is chosen for a shopper.
// Pure: no I/O.

export const SHOPPER_LOCALES = ["en", "fr", "uk", "el", "pl", "de", "es"] as const;

export type ShopperLocale = (typeof SHOPPER_LOCALES)[number];

export const LOCALE_NAMES: Record<ShopperLocale, string> = {
  en: "English",
  fr: "Français",
  uk: "Українська",
  el: "Ελληνικά",
  pl: "Polski",
  de: "Deutsch",
  es: "Español",
};

export function isShopperLocale(value: unknown): value is ShopperLocale {
  return typeof value === "string" && (SHOPPER_LOCALES as readonly string[]).includes(value);
}

/**
 * The language of a locale tag we write in, or null: "fr-CA" → "fr", "pt-BR" → null. Shopify
 * sends customer locales as BCP 47 tags ("fr", "de-AT", "zh-CN"); case and "_" are tolerated.
 * Russian-speaking Ukraine ("ru-UA") is not mapped to Ukrainian: a language is never guessed from a country.
 */
export function supportedLanguage(tag: string | null | undefined): ShopperLocale | null {
  if (!tag) return null;
  const language = tag.trim().replace("_", "-").split("-")[0]?.toLowerCase() ?? "";
  return isShopperLocale(language) ? language : null;
}

/** The order's customer locale first, then the shop's primary language, then English. */
export function chooseLocale(customerLocale: string | null | undefined, shopPrimaryLocale: string | null | undefined): ShopperLocale {
  return supportedLanguage(customerLocale) ?? supportedLanguage(shopPrimaryLocale) ?? "en";
}
