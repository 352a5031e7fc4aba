// What a buyer puts in the cart, priced in their presentment currency.

import type { CatalogEntry } from "./demo-catalog.ts";
import type { CountryProfile } from "./demo-countries.ts";
import type { Cart, CartLine } from "./demo-lifecycle.ts";
import type { CentsPair } from "./demo-money.ts";
import { addPairs, includedTax, parseAmountToCents, priceFromEur, timesPair, ZERO } from "./demo-money.ts";
import type { DemoRandom } from "./demo-random.ts";
import type { ProductRecord, ProductVariantRecord } from "./demo-types.ts";

export type DemoCartLine = CartLine & { product: ProductRecord; variant: ProductVariantRecord };

export type DemoCart = Omit<Cart, "lines"> & { lines: DemoCartLine[]; tax: CentsPair };

const SMALL_ITEMS = new Set(["Cards", "Stationery"]);

function pickEntries(random: DemoRandom, catalog: readonly CatalogEntry[], count: number): CatalogEntry[] {
  let pool = catalog.filter((entry) => entry.popularity > 0);
  const picked: CatalogEntry[] = [];
  while (picked.length < count && pool.length > 0) {
    const entry = random.weighted(pool.map((e) => [e, e.popularity] as const));
    picked.push(entry);
    pool = pool.filter((e) => e !== entry);
  }
  return picked;
}

function boughtLine(random: DemoRandom, entry: CatalogEntry, country: CountryProfile): DemoCartLine {
  const variant = random.pick(entry.product.variants);
  const quantities: [number, number][] = SMALL_ITEMS.has(entry.product.productType) ? [[1, 65], [2, 25], [3, 10]] : [[1, 85], [2, 12], [3, 3]];
  return {
    product: entry.product,
    variant,
    productType: entry.product.productType,
    unit: priceFromEur(parseAmountToCents(variant.price), country.currency),
    quantity: random.weighted(quantities),
    madeToOrder: entry.madeToOrder,
    isGift: false,
  };
}

function giftLine(random: DemoRandom, catalog: readonly CatalogEntry[], taken: readonly DemoCartLine[]): DemoCartLine | null {
  const gifts = catalog.filter((e) => e.gift && !taken.some((line) => line.product === e.product));
  if (gifts.length === 0) return null;
  const entry = random.pick(gifts);
  const variant = entry.product.variants[0];
  if (!variant) return null;
  return {
    product: entry.product,
    variant,
    productType: entry.product.productType,
    unit: ZERO,
    quantity: 1,
    madeToOrder: false,
    isGift: true,
  };
}

function shippingPrice(country: CountryProfile, subtotal: CentsPair): CentsPair {
  const rate = country.shipping;
  if (rate.freeFromEurCents !== null && subtotal.shop >= rate.freeFromEurCents) return ZERO;
  return priceFromEur(rate.eurCents, country.currency);
}

export function buildCart(random: DemoRandom, catalog: readonly CatalogEntry[], country: CountryProfile, withGift: boolean): DemoCart {
  const lineCount = random.weighted([[1, 45], [2, 30], [3, 17], [4, 8]]);
  const lines = pickEntries(random, catalog, lineCount).map((entry) => boughtLine(random, entry, country));
  const gift = withGift ? giftLine(random, catalog, lines) : null;
  if (gift) lines.push(gift);
  const subtotal = addPairs(...lines.map((line) => timesPair(line.unit, line.quantity)));
  const shipping = shippingPrice(country, subtotal);
  const total = addPairs(subtotal, shipping);
  return { lines, subtotal, shipping, total, tax: includedTax(total, country.vatRate) };
}
