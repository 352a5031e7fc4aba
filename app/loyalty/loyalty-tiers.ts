// Loyalty tiers: where a customer stands from their order history (paid orders and spend in a
// rolling period, cancelled and fully refunded orders left out), the next tier and how far it
// is, and the JSON written to the customer metafield `$app:aftercare` / `loyalty` that both the
// tier discount Function (extensions/loyalty-discount) and the storefront block read.
// Pure: no I/O; `now` is a parameter. Money is decimal strings compared as scaled integers.
import { z } from "zod";
import { addDecimals, compareDecimals, formatDecimal, parseDecimal, subtractDecimals, type Decimal } from "~/money/decimal";

/**
 * A tier is reached when every threshold it sets is met (a tier that sets neither is reached by
 * everyone). `minSpend` is a decimal string in the shop currency; `percent` is the discount
 * (0 < percent <= 100) the tier gives.
 */
export type LoyaltyTier = {
  name: string;
  minPaidOrders?: number;
  minSpend?: string;
  percent: number;
};

/** From the customer's 2nd paid order 5% off, from the 5th 10% off. */
export const DEFAULT_TIERS: readonly LoyaltyTier[] = [
  { name: "Returning customer", minPaidOrders: 2, percent: 5 },
  { name: "Loyal customer", minPaidOrders: 5, percent: 10 },
];

export type LoyaltyOrder = {
  orderId: string;
  paidAt: Date | null;
  cancelledAt: Date | null;
  refundedFully: boolean;
  /** The order's current total (after partial refunds), a decimal string in the shop currency. */
  total: string;
};

export type LoyaltyHistory = { orders: readonly LoyaltyOrder[] };

/** `days: null` counts every order ever paid; otherwise those paid in the last `days` days. */
export type LoyaltyPeriod = { days: number | null };

export type LoyaltyStanding = {
  tier: LoyaltyTier | null;
  /** Paid orders in the period that are neither cancelled nor fully refunded. */
  paidOrders: number;
  /** Their totals added up exactly, as a decimal string ("0" with no orders). */
  spend: string;
  /** The smallest step up from the current tier, or null at the top. */
  nextTier: LoyaltyTier | null;
  /** Paid orders still needed for nextTier (0 when only spend is missing); null when nextTier sets no order count. */
  ordersToNext: number | null;
  /** Spend still needed for nextTier ("0" when only orders are missing); null when nextTier sets no spend. */
  spendToNext: string | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether the order counts towards loyalty in the period ending at `now`. */
export function countsForLoyalty(order: LoyaltyOrder, period: LoyaltyPeriod, now: Date): boolean {
  if (!order.paidAt || order.cancelledAt || order.refundedFully) return false;
  if (period.days === null) return true;
  return order.paidAt.getTime() >= now.getTime() - period.days * DAY_MS;
}

export function loyaltyStanding(history: LoyaltyHistory, tiers: readonly LoyaltyTier[], period: LoyaltyPeriod, now: Date): LoyaltyStanding {
  const counted = history.orders.filter((order) => countsForLoyalty(order, period, now));
  const spend = sumDecimals(counted.map((order) => order.total));
  const paidOrders = counted.length;
  const reached = (tier: LoyaltyTier) => tierReached(tier, paidOrders, spend);

  let tier: LoyaltyTier | null = null;
  for (const candidate of tiers) {
    if (validTier(candidate) && reached(candidate) && (!tier || candidate.percent >= tier.percent)) tier = candidate;
  }

  const currentPercent = tier?.percent ?? 0;
  let nextTier: LoyaltyTier | null = null;
  for (const candidate of tiers) {
    if (!validTier(candidate) || reached(candidate) || candidate.percent <= currentPercent) continue;
    if (!nextTier || candidate.percent < nextTier.percent) nextTier = candidate;
  }

  return {
    tier,
    paidOrders,
    spend: formatDecimal(spend),
    nextTier,
    ordersToNext: nextTier?.minPaidOrders === undefined ? null : Math.max(0, nextTier.minPaidOrders - paidOrders),
    spendToNext: nextTier?.minSpend === undefined ? null : spendMissing(nextTier.minSpend, spend),
  };
}

/** The customer metafield the Function and the storefront block read. */
export const LOYALTY_METAFIELD = { namespace: "$app:aftercare", key: "loyalty", type: "json" } as const;

/**
 * The metafield's JSON value. Its field names are read by the discount Function and by Liquid:
 * renaming one breaks live checkouts and themes. `percent` is 0 when the customer has no tier.
 */
export type LoyaltyMetafieldValue = {
  /** Bumped only for an incompatible change; readers ignore values of a version they do not know. */
  version: 1;
  tier: string | null;
  percent: number;
  paidOrders: number;
  nextTier: string | null;
  nextPercent: number | null;
  ordersToNext: number | null;
  /** ISO 8601, present when the writer passes the time (omit it to avoid a write per recalculation). */
  updatedAt?: string;
};

export function loyaltyMetafieldValue(standing: LoyaltyStanding, updatedAt?: Date): LoyaltyMetafieldValue {
  return {
    version: 1,
    tier: standing.tier?.name ?? null,
    percent: standing.tier?.percent ?? 0,
    paidOrders: standing.paidOrders,
    nextTier: standing.nextTier?.name ?? null,
    nextPercent: standing.nextTier?.percent ?? null,
    ordersToNext: standing.ordersToNext,
    ...(updatedAt ? { updatedAt: updatedAt.toISOString() } : {}),
  };
}

const metafieldSchema = z.object({
  version: z.literal(1),
  tier: z.string().nullable(),
  percent: z.number().min(0).max(100),
  paidOrders: z.number().int().nonnegative(),
  nextTier: z.string().nullable(),
  nextPercent: z.number().min(0).max(100).nullable(),
  ordersToNext: z.number().int().nonnegative().nullable(),
  updatedAt: z.string().datetime().optional(),
});

/** The stored value read back (the metafield's `value` string), or null when it is not one. */
export function parseLoyaltyMetafieldValue(text: string | null | undefined): LoyaltyMetafieldValue | null {
  if (!text) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = metafieldSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** Whether writing `next` would change what the metafield holds (updatedAt aside). */
export function loyaltyMetafieldChanged(current: LoyaltyMetafieldValue | null, next: LoyaltyMetafieldValue): boolean {
  if (!current) return true;
  const { updatedAt: _a, ...a } = current;
  const { updatedAt: _b, ...b } = next;
  return JSON.stringify(a) !== JSON.stringify(b);
}

/** Problems with a tier list, in plain English (empty when it can be used). */
export function loyaltyTierProblems(tiers: readonly LoyaltyTier[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const tier of tiers) {
    const label = tier.name.trim() || "A tier";
    if (!tier.name.trim()) problems.push("Every tier needs a name.");
    else if (names.has(tier.name.trim().toLowerCase())) problems.push(`Two tiers are called "${tier.name.trim()}".`);
    names.add(tier.name.trim().toLowerCase());
    if (!(Number.isFinite(tier.percent) && tier.percent > 0 && tier.percent <= 100)) problems.push(`${label}: the discount must be more than 0% and at most 100%.`);
    if (tier.minPaidOrders !== undefined && !(Number.isInteger(tier.minPaidOrders) && tier.minPaidOrders >= 1)) {
      problems.push(`${label}: the number of orders must be a whole number of at least 1.`);
    }
    if (tier.minSpend !== undefined && !isNonNegativeDecimal(tier.minSpend)) problems.push(`${label}: the spend must be an amount such as 100 or 99.50.`);
  }
  return problems;
}

function validTier(tier: LoyaltyTier): boolean {
  return loyaltyTierProblems([tier]).length === 0;
}

function tierReached(tier: LoyaltyTier, paidOrders: number, spend: Decimal): boolean {
  if (tier.minPaidOrders !== undefined && paidOrders < tier.minPaidOrders) return false;
  if (tier.minSpend !== undefined) {
    const minimum = parseDecimal(tier.minSpend);
    if (!minimum || compareDecimals(spend, minimum) < 0) return false;
  }
  return true;
}

function spendMissing(minSpend: string, spend: Decimal): string | null {
  const minimum = parseDecimal(minSpend);
  if (!minimum) return null;
  const missing = subtractDecimals(minimum, spend);
  return formatDecimal(missing.units > 0n ? missing : { ...missing, units: 0n });
}

function isNonNegativeDecimal(text: string): boolean {
  const value = parseDecimal(text);
  return value !== null && value.units >= 0n;
}

/** The exact sum; a total that is not a decimal (or is negative) adds nothing. */
function sumDecimals(texts: readonly string[]): Decimal {
  const values = texts.map(parseDecimal).filter((value): value is Decimal => value !== null && value.units >= 0n);
  return values.reduce(addDecimals, { units: 0n, scale: 0 });
}
