// What the thank-you and order status block shows, read from the app-owned metafields the
// extension declares in shopify.extension.toml. Pure: no I/O, the time is a parameter. Every
// value is checked, and a value that is missing, malformed, of an unknown version or expired
// is left out rather than shown wrong.
//
// The app writes (namespace `$app:aftercare`, type json):
// - customer / `loyalty`: { version: 1, tier, percent, paidOrders, nextTier, nextPercent,
//   ordersToNext, updatedAt? } (app/loyalty/loyalty-tiers.ts loyaltyMetafieldValue);
// - order / `gift`: { description } — the gift that comes with the order, in the merchant's words;
// - order / `discount_card`: { code, percent, expiresAt } — a code issued for the order
//   (expiresAt in ISO 8601).

export const CARE_NAMESPACE = "$app:aftercare";

export type GiftNote = { description: string };
export type DiscountCard = { code: string; percent: number; expiresAt: Date };
export type LoyaltyProgress = {
  tier: string | null;
  percent: number;
  paidOrders: number;
  nextTier: string | null;
  nextPercent: number | null;
  ordersToNext: number | null;
};
export type CareValues = { gift: GiftNote | null; discountCard: DiscountCard | null; loyalty: LoyaltyProgress | null };

/** The shape of the extension API's appMetafields entries that is read here. */
export type MetafieldEntry = {
  target: { type: string; id?: string };
  metafield: { namespace: string; key: string; value: unknown };
};

const MAX_TEXT = 500;

/** The values for the block from the API's metafield entries, at `now`. */
export function careValues(entries: readonly MetafieldEntry[], now: Date): CareValues {
  const find = (type: string, key: string) =>
    entries.find((entry) => entry.target.type === type && entry.metafield.key === key && isOurNamespace(entry.metafield.namespace))?.metafield.value;
  return {
    gift: parseGiftNote(find("order", "gift")),
    discountCard: parseDiscountCard(find("order", "discount_card"), now),
    loyalty: parseLoyaltyProgress(find("customer", "loyalty")),
  };
}

/** `$app:aftercare` as the API returns it; the resolved `app--{id}--aftercare` form is accepted too. */
function isOurNamespace(namespace: string): boolean {
  return namespace === CARE_NAMESPACE || /^app--\d+--aftercare$/.test(namespace);
}

export function parseGiftNote(value: unknown): GiftNote | null {
  const json = asObject(value);
  const description = json && typeof json.description === "string" ? json.description.replace(/\s+/g, " ").trim() : "";
  return description && description.length <= MAX_TEXT ? { description } : null;
}

export function parseDiscountCard(value: unknown, now: Date): DiscountCard | null {
  const json = asObject(value);
  if (!json) return null;
  const code = typeof json.code === "string" ? json.code.trim() : "";
  const percent = json.percent;
  const expiresAt = typeof json.expiresAt === "string" ? new Date(json.expiresAt) : null;
  if (!code || code.length > 100 || !isPercent(percent) || percent === 0) return null;
  if (!expiresAt || Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now.getTime()) return null;
  return { code, percent, expiresAt };
}

export function parseLoyaltyProgress(value: unknown): LoyaltyProgress | null {
  const json = asObject(value);
  if (!json || json.version !== 1) return null;
  const { tier, percent, paidOrders, nextTier, nextPercent, ordersToNext } = json;
  if (!isNameOrNull(tier) || !isPercent(percent) || !isCount(paidOrders)) return null;
  if (!isNameOrNull(nextTier) || !(nextPercent === null || isPercent(nextPercent)) || !(ordersToNext === null || isCount(ordersToNext))) return null;
  if (tier === null && nextTier === null) return null;
  return { tier, percent, paidOrders, nextTier, nextPercent, ordersToNext };
}

/** A JSON object from a metafield value: the JSON text Shopify sends, or an object already parsed. */
function asObject(value: unknown): Record<string, unknown> | null {
  let json = value;
  if (typeof value === "string") {
    try {
      json = JSON.parse(value);
    } catch {
      return null;
    }
  }
  return json !== null && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
}

function isPercent(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 100;
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function isNameOrNull(value: unknown): value is string | null {
  return value === null || (typeof value === "string" && value.trim() !== "" && value.length <= MAX_TEXT);
}
