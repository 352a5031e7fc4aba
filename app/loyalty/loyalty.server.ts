// Loyalty tiers for a shop: the settings (tiers, the counting period, the automatic discount that
// runs the tier discount Function), each customer's standing worked out from the app's orders
// (paid, neither cancelled nor fully refunded) and written to their metafield $app:aftercare.loyalty
// only when it changed, and the members per tier for the admin.
import type { LoyaltySettings } from "@prisma/client";
import type { Db } from "~/db.server";
import type { AdminClient } from "~/shopify.server";
import { adminQuery } from "~/shopify/admin-graphql.server";
import { LOYALTY_DISCOUNT_ACTIVATE_MUTATION } from "~/shopify/graphql/loyalty-discount-activate";
import { LOYALTY_DISCOUNT_CREATE_MUTATION } from "~/shopify/graphql/loyalty-discount-create";
import { LOYALTY_DISCOUNT_DEACTIVATE_MUTATION } from "~/shopify/graphql/loyalty-discount-deactivate";
import { LOYALTY_DISCOUNT_FUNCTIONS_QUERY } from "~/shopify/graphql/loyalty-discount-functions";
import { LOYALTY_METAFIELD_SET_MUTATION } from "~/shopify/graphql/loyalty-metafield-set";
import type {
  LoyaltyDiscountActivateMutation,
  LoyaltyDiscountCreateMutation,
  LoyaltyDiscountDeactivateMutation,
  LoyaltyDiscountFunctionsQuery,
  LoyaltyMetafieldSetMutation,
} from "~/types/admin.generated";
import {
  DEFAULT_TIERS,
  LOYALTY_METAFIELD,
  loyaltyMetafieldChanged,
  loyaltyMetafieldValue,
  loyaltyStanding,
  loyaltyTierProblems,
  parseLoyaltyMetafieldValue,
  type LoyaltyOrder,
  type LoyaltyStanding,
  type LoyaltyTier,
} from "./loyalty-tiers";

type Admin = Pick<AdminClient, "graphql">;

/** The Function extension's handle (extensions/loyalty-discount/shopify.extension.toml). */
export const LOYALTY_FUNCTION_HANDLE = "loyalty-discount";
export const LOYALTY_DISCOUNT_TITLE = "Loyalty tiers (Aftercare)";
export const MAX_TIERS = 10;
export const MAX_PERIOD_DAYS = 3650;

export type ShopLoyaltySettings = {
  enabled: boolean;
  tiers: LoyaltyTier[];
  /** Orders paid in the last `periodDays` days count; null counts every order. */
  periodDays: number | null;
  /** The automatic app discount running the Function, once created. */
  discountId: string | null;
  /** The tiers as the form shows them, one per line: "name | min paid orders | min spend | percent". */
  tiersText: string;
};

export type LoyaltyFormField = "enabled" | "tiers" | "periodDays";
export type LoyaltyForm = { enabled: boolean; tiers: LoyaltyTier[]; periodDays: number | null };
export type LoyaltyFormResult = { ok: true; value: LoyaltyForm } | { ok: false; errors: Partial<Record<LoyaltyFormField, string>> };

// --- settings ---------------------------------------------------------------------------------

export function tiersText(tiers: readonly LoyaltyTier[]): string {
  return tiers.map((tier) => [tier.name, tier.minPaidOrders ?? "", tier.minSpend ?? "", tier.percent].join(" | ")).join("\n");
}

function storedTiers(text: string): LoyaltyTier[] {
  try {
    const value = JSON.parse(text) as unknown;
    if (Array.isArray(value) && loyaltyTierProblems(value as LoyaltyTier[]).length === 0) return value as LoyaltyTier[];
  } catch {
    // fall through to the defaults
  }
  return [...DEFAULT_TIERS];
}

function settingsOf(row: LoyaltySettings | null): ShopLoyaltySettings {
  const tiers = row ? storedTiers(row.tiers) : [...DEFAULT_TIERS];
  return { enabled: row?.enabled ?? false, tiers, periodDays: row?.periodDays ?? null, discountId: row?.discountId ?? null, tiersText: tiersText(tiers) };
}

/** The shop's settings; the default tiers (2nd order 5%, 5th order 10%), switched off, when never saved. */
export async function getLoyaltySettings(db: Db, shop: string): Promise<ShopLoyaltySettings> {
  return settingsOf(await db.loyaltySettings.findUnique({ where: { shop } }));
}

const ORDER_COUNT = /^\d{1,6}$/;
const AMOUNT = /^\d{1,12}(?:\.\d{1,3})?$/;
const PERCENT = /^\d{1,3}(?:\.\d{1,2})?$/;

/**
 * The settings form: `enabled` (a checkbox: "on", "true", "1" or "yes"), `tiers` (one tier per
 * line, "name | min paid orders | min spend | percent", blank thresholds left out) and
 * `periodDays` (empty for every order ever paid). Pure.
 */
export function parseLoyaltyForm(entries: Record<string, string>): LoyaltyFormResult {
  const errors: Partial<Record<LoyaltyFormField, string>> = {};
  const enabled = ["on", "true", "1", "yes"].includes((entries.enabled ?? "").trim().toLowerCase());

  const tiers: LoyaltyTier[] = [];
  const bad: string[] = [];
  const lines = (entries.tiers ?? "").split(/\r?\n/).map((line, index) => ({ text: line.trim(), number: index + 1 })).filter((line) => line.text !== "");
  for (const line of lines) {
    const parts = line.text.split("|").map((part) => part.trim());
    const [name = "", orders = "", spend = "", percent = ""] = parts;
    if (parts.length !== 4 || !name || (orders && !ORDER_COUNT.test(orders)) || (spend && !AMOUNT.test(spend)) || !PERCENT.test(percent)) {
      bad.push(`line ${line.number} (“${line.text}”)`);
      continue;
    }
    tiers.push({ name, ...(orders ? { minPaidOrders: Number(orders) } : {}), ...(spend ? { minSpend: spend } : {}), percent: Number(percent) });
  }
  if (bad.length > 0) errors.tiers = `Write each tier as “name | min paid orders | min spend | percent”, such as “Returning customer | 2 | | 5”; check ${bad.join(", ")}.`;
  else if (tiers.length > MAX_TIERS) errors.tiers = `Keep to ${MAX_TIERS} tiers.`;
  else if (enabled && tiers.length === 0) errors.tiers = "Add at least one tier, or turn loyalty off.";
  else {
    const problems = loyaltyTierProblems(tiers);
    if (problems.length > 0) errors.tiers = problems.join(" ");
  }

  const periodText = (entries.periodDays ?? "").trim();
  let periodDays: number | null = null;
  if (periodText) {
    if (/^\d{1,4}$/.test(periodText) && Number(periodText) >= 1 && Number(periodText) <= MAX_PERIOD_DAYS) periodDays = Number(periodText);
    else errors.periodDays = `Enter a number of days from 1 to ${MAX_PERIOD_DAYS}, or leave it empty to count every order.`;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: { enabled, tiers, periodDays } };
}

export type SaveLoyaltyResult = { ok: true; settings: ShopLoyaltySettings } | { ok: false; errors: Partial<Record<LoyaltyFormField, string>> };

/**
 * Saves the settings. Turning loyalty on creates the automatic app discount that runs the tier
 * discount Function the first time (found by its handle among the app's functions; ORDER class)
 * and activates it again later; turning it off deactivates it. The customers' metafields are
 * kept either way. After a change of tiers or period, recalculate the shop's members
 * (app/jobs/gift-jobs.server.ts queueShopLoyaltyRecalculation).
 */
export async function saveLoyaltySettings(db: Db, admin: Admin, shop: string, entries: Record<string, string>, now: Date = new Date()): Promise<SaveLoyaltyResult> {
  const parsed = parseLoyaltyForm(entries);
  if (!parsed.ok) return parsed;
  const form = parsed.value;
  const current = settingsOf(await db.loyaltySettings.findUnique({ where: { shop } }));
  let discountId = current.discountId;

  if (form.enabled && !discountId) {
    const created = await createTierDiscount(admin, now);
    if (!created.ok) return { ok: false, errors: { enabled: created.error } };
    discountId = created.discountId;
    // Kept at once, so that a failure below never leads to a second discount.
    await db.loyaltySettings.upsert({ where: { shop }, create: { shop, enabled: false, tiers: JSON.stringify(current.tiers), periodDays: current.periodDays, discountId }, update: { discountId } });
  } else if (form.enabled && !current.enabled && discountId) {
    const { discountAutomaticActivate: payload } = await adminQuery<LoyaltyDiscountActivateMutation>(admin, LOYALTY_DISCOUNT_ACTIVATE_MUTATION, { id: discountId });
    if (!payload?.automaticDiscountNode) {
      // Deleted in the Shopify admin meanwhile: make a new one.
      const created = await createTierDiscount(admin, now);
      if (!created.ok) return { ok: false, errors: { enabled: created.error } };
      discountId = created.discountId;
    }
  } else if (!form.enabled && current.enabled && discountId) {
    const { discountAutomaticDeactivate: payload } = await adminQuery<LoyaltyDiscountDeactivateMutation>(admin, LOYALTY_DISCOUNT_DEACTIVATE_MUTATION, { id: discountId });
    const errors = payload?.userErrors ?? [];
    // A discount deleted in the Shopify admin is off already; it is made again when loyalty is.
    if (errors.some((error) => /not exist|not found/i.test(error.message))) discountId = null;
    else if (errors.length > 0 || !payload?.automaticDiscountNode) {
      return { ok: false, errors: { enabled: `Shopify did not turn the loyalty discount off: ${errors.map((error) => error.message).join("; ") || "no answer"}` } };
    }
  }

  const data = { enabled: form.enabled, tiers: JSON.stringify(form.tiers), periodDays: form.periodDays, discountId };
  const row = await db.loyaltySettings.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  return { ok: true, settings: settingsOf(row) };
}

async function createTierDiscount(admin: Admin, now: Date): Promise<{ ok: true; discountId: string } | { ok: false; error: string }> {
  const { shopifyFunctions } = await adminQuery<LoyaltyDiscountFunctionsQuery>(admin, LOYALTY_DISCOUNT_FUNCTIONS_QUERY);
  const fn = shopifyFunctions.nodes.find((node) => node.handle === LOYALTY_FUNCTION_HANDLE);
  if (!fn) return { ok: false, error: "The loyalty discount isn't installed on this shop yet (the app's loyalty-discount function); deploy the app and try again." };
  const { discountAutomaticAppCreate: payload } = await adminQuery<LoyaltyDiscountCreateMutation>(admin, LOYALTY_DISCOUNT_CREATE_MUTATION, {
    automaticAppDiscount: {
      title: LOYALTY_DISCOUNT_TITLE,
      functionHandle: fn.handle,
      discountClasses: ["ORDER"],
      startsAt: now.toISOString(),
      // Like the app's single-customer codes: never on top of another order or product discount.
      combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: true },
    },
  });
  const errors = payload?.userErrors ?? [];
  const discountId = payload?.automaticAppDiscount?.discountId;
  if (errors.length > 0 || !discountId) return { ok: false, error: `Shopify did not create the loyalty discount: ${errors.map((error) => error.message).join("; ") || "no discount came back"}` };
  return { ok: true, discountId };
}

// --- standings --------------------------------------------------------------------------------

/** The customer's standing from the app's orders: paid ones, cancelled and fully refunded left out. */
export async function customerStanding(db: Db, shop: string, customerId: string, settings: Pick<ShopLoyaltySettings, "tiers" | "periodDays">, now: Date): Promise<LoyaltyStanding> {
  const orders = await db.orderCare.findMany({
    where: { shop, customerId },
    select: { orderId: true, paidAt: true, cancelledAt: true, financialStatus: true, totalPrice: true },
  });
  const refunded = new Set(
    (await db.orderRefund.findMany({ where: { shop, orderId: { in: orders.map((order) => order.orderId) } }, select: { orderId: true } })).map((row) => row.orderId),
  );
  const history: LoyaltyOrder[] = orders.map((order) => ({
    orderId: order.orderId,
    paidAt: order.paidAt,
    cancelledAt: order.cancelledAt,
    // Shopify says "refunded" once everything is refunded; an order whose current total came
    // down to nothing through refunds is fully refunded too.
    refundedFully: order.financialStatus === "refunded" || (refunded.has(order.orderId) && /^0+(?:\.0+)?$/.test(order.totalPrice.trim())),
    total: order.totalPrice,
  }));
  return loyaltyStanding({ orders: history }, settings.tiers, { days: settings.periodDays }, now);
}

/** Shopify refused the metafield (the customer was deleted, …): retrying will not help. */
export class LoyaltyWriteRefused extends Error {
  readonly permanent = true;
}

/** A tier the customer has just moved up to. */
export type ReachedTier = { name: string; percent: number };

/**
 * The tier the customer has just reached: one giving a higher percentage than the one recorded
 * for them (no member row, or no tier, counts as 0), while loyalty is on. Staying, dropping or
 * only a renamed tier at the same percentage reach nothing. Pure.
 */
export function newlyReachedTier(enabled: boolean, recorded: { percent: number } | null, standing: { tier: string | null; percent: number }): ReachedTier | null {
  if (!enabled || standing.tier === null) return null;
  return standing.percent > (recorded?.percent ?? 0) ? { name: standing.tier, percent: standing.percent } : null;
}

export type LoyaltyRecalculation = {
  customerId: string;
  tier: string | null;
  percent: number;
  paidOrders: number;
  spend: string;
  /** Whether the metafield was written (only when its value changed). */
  written: boolean;
  /** A higher tier than the one recorded before: the shopper is told (app/jobs/gift-jobs.server.ts). */
  reached: ReachedTier | null;
  /** Set when nothing was looked at: loyalty is off for the shop. */
  skipped?: "disabled";
};

const CUSTOMER_ID = /^(?:gid:\/\/shopify\/Customer\/)?(\d+)$/;

/**
 * Works out the customer's standing and writes their metafield when its value changed (the
 * value last written is kept in LoyaltyMember.metafieldValue); the member row keeps the counts.
 * `reached` compares with the member row as it was, so recalculating again reaches nothing.
 */
export async function recalculateCustomer(
  db: Db,
  admin: Admin,
  shop: string,
  customerId: string,
  now: Date,
  options: { onReached?: (reached: ReachedTier) => Promise<unknown> } = {},
): Promise<LoyaltyRecalculation> {
  const numericId = CUSTOMER_ID.exec(customerId.trim())?.[1];
  if (!numericId) throw new RangeError(`not a customer id: ${customerId}`);
  const settings = await getLoyaltySettings(db, shop);
  if (!settings.enabled) return { customerId: numericId, tier: null, percent: 0, paidOrders: 0, spend: "0", written: false, reached: null, skipped: "disabled" };

  const standing = await customerStanding(db, shop, numericId, settings, now);
  const value = loyaltyMetafieldValue(standing);
  const member = await db.loyaltyMember.findUnique({ where: { shop_customerId: { shop, customerId: numericId } } });
  const result: LoyaltyRecalculation = { customerId: numericId, tier: value.tier, percent: value.percent, paidOrders: standing.paidOrders, spend: standing.spend, written: false, reached: null };
  if (!member && standing.paidOrders === 0) return result;

  let metafieldValue = member?.metafieldValue ?? "";
  if (loyaltyMetafieldChanged(parseLoyaltyMetafieldValue(metafieldValue), value)) {
    metafieldValue = JSON.stringify(value);
    const { metafieldsSet } = await adminQuery<LoyaltyMetafieldSetMutation>(admin, LOYALTY_METAFIELD_SET_MUTATION, {
      metafields: [{ ownerId: `gid://shopify/Customer/${numericId}`, namespace: LOYALTY_METAFIELD.namespace, key: LOYALTY_METAFIELD.key, type: LOYALTY_METAFIELD.type, value: metafieldValue }],
    });
    const errors = metafieldsSet?.userErrors ?? [];
    if (errors.length > 0) throw new LoyaltyWriteRefused(`Shopify refused the loyalty metafield of customer ${numericId}: ${errors.map((error) => error.message).join("; ")}`);
    result.written = true;
  }
  // The member's percent column holds whole numbers (a 7.5 % tier is kept as 7); the JSON last
  // written keeps it exact, so staying at 7.5 % is not read as a rise.
  const recorded = member ? { percent: parseLoyaltyMetafieldValue(member.metafieldValue)?.percent ?? member.percent } : null;
  result.reached = newlyReachedTier(settings.enabled, recorded, value);
  // Told before the rise is recorded: a failure here leaves the member as it was, and the retry
  // sees the rise again (the message's dedupe key keeps it to one).
  if (result.reached) await options.onReached?.(result.reached);
  const data = { tier: value.tier, percent: value.percent, paidOrders: standing.paidOrders, spend: standing.spend, metafieldValue };
  await db.loyaltyMember.upsert({ where: { shop_customerId: { shop, customerId: numericId } }, create: { shop, customerId: numericId, ...data }, update: data });
  return result;
}

/** Whether the customer's standing from the app's orders differs from what was last recorded. */
export async function loyaltyStandingChanged(db: Db, shop: string, customerId: string, now: Date): Promise<boolean> {
  const settings = await getLoyaltySettings(db, shop);
  if (!settings.enabled) return false;
  const standing = await customerStanding(db, shop, customerId, settings, now);
  const member = await db.loyaltyMember.findUnique({ where: { shop_customerId: { shop, customerId } }, select: { tier: true, paidOrders: true, spend: true } });
  if (!member) return standing.paidOrders > 0;
  return member.tier !== (standing.tier?.name ?? null) || member.paidOrders !== standing.paidOrders || member.spend !== standing.spend;
}

export type LoyaltyOverview = {
  enabled: boolean;
  tiers: (LoyaltyTier & { members: number })[];
  /** Customers the app has counted who have not reached a tier (yet). */
  withoutTier: number;
  members: number;
};

/** Members per tier, for the admin (a tier renamed since keeps its members under the old name until they are recalculated). */
export async function loyaltyOverview(db: Db, shop: string): Promise<LoyaltyOverview> {
  const settings = await getLoyaltySettings(db, shop);
  const groups = await db.loyaltyMember.groupBy({ by: ["tier"], where: { shop }, _count: { _all: true } });
  const count = (tier: string | null) => groups.find((group) => group.tier === tier)?._count._all ?? 0;
  return {
    enabled: settings.enabled,
    tiers: settings.tiers.map((tier) => ({ ...tier, members: count(tier.name) })),
    withoutTier: count(null),
    members: groups.reduce((sum, group) => sum + group._count._all, 0),
  };
}
