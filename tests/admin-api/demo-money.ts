// Money for the demo shop. Everything is computed in integer minor units
// (cents) as a pair: the shop currency (EUR) and the buyer's presentment
// currency, and only formatted to "12.50" strings when a record is built.

export type PresentmentCurrency = "EUR" | "PLN" | "UAH" | "GBP" | "USD" | "CAD";

export const SHOP_CURRENCY = "EUR";

/** Fixed demo exchange rates: one EUR buys this much of the currency. */
const PER_EUR: Record<PresentmentCurrency, number> = {
  EUR: 1,
  PLN: 4.27,
  UAH: 47.6,
  GBP: 0.846,
  USD: 1.16,
  CAD: 1.61,
};

export type MoneyV2 = { amount: string; currencyCode: string };
export type MoneyBag = { shopMoney: MoneyV2; presentmentMoney: MoneyV2 };

/** An amount in minor units, in the shop currency and the presentment currency. */
export type CentsPair = { shop: number; presentment: number };

export const ZERO: CentsPair = { shop: 0, presentment: 0 };

export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.round(cents));
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, "0");
  return `${sign}${whole}.${fraction}`;
}

export function parseAmountToCents(amount: string): number {
  return Math.round(Number(amount) * 100);
}

/**
 * Converted catalog prices get the charm rounding a merchant would configure:
 * UAH to the next round ten hryvnias, other currencies up to the next whole
 * unit minus one cent (15.99 GBP), EUR untouched.
 */
function roundConvertedPrice(rawCents: number, currency: PresentmentCurrency): number {
  if (rawCents <= 0 || currency === "EUR") return Math.round(rawCents);
  if (currency === "UAH") return Math.ceil(rawCents / 1000) * 1000;
  return Math.ceil(rawCents / 100) * 100 - 1;
}

/** Price a EUR catalog amount for a buyer paying in `currency`. */
export function priceFromEur(eurCents: number, currency: PresentmentCurrency): CentsPair {
  if (currency === "EUR") return { shop: eurCents, presentment: eurCents };
  const presentment = roundConvertedPrice(eurCents * PER_EUR[currency], currency);
  return { shop: Math.round(presentment / PER_EUR[currency]), presentment };
}

export function addPairs(...pairs: CentsPair[]): CentsPair {
  return pairs.reduce((sum, p) => ({ shop: sum.shop + p.shop, presentment: sum.presentment + p.presentment }), ZERO);
}

export function timesPair(pair: CentsPair, factor: number): CentsPair {
  return { shop: Math.round(pair.shop * factor), presentment: Math.round(pair.presentment * factor) };
}

/** The VAT contained in a tax-inclusive amount. */
export function includedTax(gross: CentsPair, rate: number): CentsPair {
  if (rate === 0) return ZERO;
  const portion = (cents: number) => Math.round(cents - cents / (1 + rate));
  return { shop: portion(gross.shop), presentment: portion(gross.presentment) };
}

export function moneyV2(cents: number, currencyCode: string): MoneyV2 {
  return { amount: formatCents(cents), currencyCode };
}

export function moneyBag(pair: CentsPair, presentmentCurrency: PresentmentCurrency): MoneyBag {
  return {
    shopMoney: moneyV2(pair.shop, SHOP_CURRENCY),
    presentmentMoney: moneyV2(pair.presentment, presentmentCurrency),
  };
}
