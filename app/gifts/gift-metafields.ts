// The order metafields the thank-you / order status block reads (namespace `$app:aftercare`,
// type json): `gift` — { description }, the gifts that come with the order in the merchant's
// words — and `discount_card` — { code, percent, expiresAt }, a code given with the order. Pure:
// the values are built from the gifts given and checked with the very parsers the extension
// uses (extensions/thank-you-care/src/care-values.ts), so a value the block would not show is
// never written.
import { CARE_NAMESPACE, parseDiscountCard, parseGiftNote } from "../../extensions/thank-you-care/src/care-values";

export const ORDER_GIFT_METAFIELDS = {
  gift: { namespace: CARE_NAMESPACE, key: "gift", type: "json" },
  discount_card: { namespace: CARE_NAMESPACE, key: "discount_card", type: "json" },
} as const;
export type OrderGiftMetafieldKey = keyof typeof ORDER_GIFT_METAFIELDS;
export const ORDER_GIFT_METAFIELD_KEYS = Object.keys(ORDER_GIFT_METAFIELDS) as OrderGiftMetafieldKey[];

/** The extension's limit on the description (care-values.ts MAX_TEXT). */
export const MAX_GIFT_DESCRIPTION = 500;

/** A gift given to the order (an applied or done grant), oldest first. */
export type GivenGift =
  /** A product added by an order edit: its title as Shopify named it, else the rule's name. */
  | { kind: "add_product"; title: string | null | undefined; ruleName: string }
  | { kind: "packer_instruction"; text: string }
  | { kind: "discount_card"; code: string | undefined; percent: number; expiresAt: string | undefined };

/** The JSON texts to write, per key; null when there is nothing (valid) to show. */
export type OrderGiftMetafieldValues = Record<OrderGiftMetafieldKey, string | null>;

const words = (text: string) => text.replace(/\s+/g, " ").trim();

/** { description } of the gifts in the parcel ("branded pen, Beeswax candle"); null when none. */
export function giftNoteValue(descriptions: readonly string[]): string | null {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const description of descriptions.map(words)) {
    if (!description || seen.has(description.toLowerCase())) continue;
    seen.add(description.toLowerCase());
    items.push(description);
  }
  let description = items.join(", ");
  if (description.length > MAX_GIFT_DESCRIPTION) description = `${description.slice(0, MAX_GIFT_DESCRIPTION - 1).trimEnd()}…`;
  const value = { description };
  return parseGiftNote(value) ? JSON.stringify(value) : null;
}

/** { code, percent, expiresAt } of a discount card; null when the block would not show it at `now`. */
export function discountCardValue(card: { code: string; percent: number; expiresAt: string }, now: Date): string | null {
  const expiresAt = new Date(card.expiresAt);
  if (Number.isNaN(expiresAt.getTime())) return null;
  const value = { code: card.code.trim(), percent: card.percent, expiresAt: expiresAt.toISOString() };
  return parseDiscountCard(value, now) ? JSON.stringify(value) : null;
}

/**
 * The values for the order: every parcel gift in one description (discount cards have their own
 * block), and the discount card worth most (highest percent, then the one lasting longest; the
 * first given on a tie) among those still valid at `now`.
 */
export function orderGiftMetafieldValues(gifts: readonly GivenGift[], now: Date): OrderGiftMetafieldValues {
  const descriptions = gifts.flatMap((gift) => (gift.kind === "packer_instruction" ? [gift.text] : gift.kind === "add_product" ? [words(gift.title ?? "") || gift.ruleName] : []));
  let card: { value: string; percent: number; expires: number } | null = null;
  for (const gift of gifts) {
    if (gift.kind !== "discount_card" || !gift.code || !gift.expiresAt) continue;
    const value = discountCardValue({ code: gift.code, percent: gift.percent, expiresAt: gift.expiresAt }, now);
    if (!value) continue;
    const expires = Date.parse(gift.expiresAt);
    if (!card || gift.percent > card.percent || (gift.percent === card.percent && expires > card.expires)) card = { value, percent: gift.percent, expires };
  }
  return { gift: giftNoteValue(descriptions), discount_card: card?.value ?? null };
}

/**
 * The keys to write: those with a value that differs from what was last written. `written` is
 * what each given gift recorded as written to the order (a gift given since has recorded
 * nothing); a key is known as written only when every gift that recorded it agrees.
 */
export function orderGiftMetafieldsToWrite(values: OrderGiftMetafieldValues, written: readonly Partial<Record<OrderGiftMetafieldKey, string>>[]): OrderGiftMetafieldKey[] {
  return ORDER_GIFT_METAFIELD_KEYS.filter((key) => {
    const value = values[key];
    if (value === null) return false;
    const recorded = new Set(written.map((entry) => entry[key]).filter((text): text is string => text !== undefined));
    return !(recorded.size === 1 && recorded.has(value));
  });
}
