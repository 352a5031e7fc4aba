// The Gifts & loyalty page: its data (the rules with this month's gifts, cost and stock, the
// loyalty settings with members per tier, gifts per month, the latest grants) and its two forms
// (a rule's active switch, the loyalty settings). Everything is read and written for `shop` only.
import type { Db } from "~/db.server";
import type { AdminClient } from "~/shopify.server";
import { giftSummary, listGrants } from "~/gifts/gift-grants.server";
import { giftRuleFormEntries, listGiftRules, saveGiftRule } from "~/gifts/gift-rules.server";
import { getLoyaltySettings, loyaltyOverview, saveLoyaltySettings, type LoyaltyFormField } from "~/loyalty/loyalty.server";
import { queueShopLoyaltyRecalculation } from "~/jobs/gift-jobs.server";
import type { JobQueue } from "~/jobs/queue.server";
import { getShopSettings } from "~/messages/shop-settings.server";
import { formatDateTime, formatMoney } from "~/orders/order-format";
import { budgetUse, giftWords, GRANT_KIND_LABELS, grantStatusBadge, monthLabel, triggerWords } from "./gift-words";
import { SAVE_LOYALTY_INTENT, TOGGLE_RULE_INTENT } from "./intents";


/** Months in the "Gifts per month" table, this one included. */
export const HISTORY_MONTHS = 6;
/** Grants in "Recent gifts". */
export const RECENT_GRANTS = 20;

export async function loadGiftsPage(db: Db, shop: string, now: Date) {
  const settings = await getShopSettings(db, shop);
  const money = (amount: string) => formatMoney(amount, settings.currency);
  const [rules, thisMonth, history, grants, loyalty, overview] = await Promise.all([
    listGiftRules(db, shop),
    giftSummary(db, shop, { months: 1, now }),
    giftSummary(db, shop, { months: HISTORY_MONTHS, now }),
    listGrants(db, shop, { limit: RECENT_GRANTS }),
    getLoyaltySettings(db, shop),
    loyaltyOverview(db, shop),
  ]);
  const monthOf = new Map(thisMonth.rules.map((rule) => [rule.ruleId, rule]));
  const membersOf = new Map(overview.tiers.map((tier) => [tier.name, tier.members]));

  return {
    currency: settings.currency,
    thisMonth: monthLabel(thisMonth.months.at(-1)?.month ?? ""),
    rules: rules.map((rule) => {
      const month = monthOf.get(rule.id);
      const spent = month?.cost ?? "0";
      return {
        id: rule.id,
        name: rule.name,
        active: rule.active,
        triggerWords: triggerWords(rule.trigger, money),
        giftWords: giftWords(rule.gift),
        givenThisMonth: month?.given ?? 0,
        costThisMonth: money(spent),
        budget: rule.monthlyBudget === null ? null : money(rule.monthlyBudget),
        budgetUse: budgetUse(spent, rule.monthlyBudget),
        stockLeft: rule.stock,
        href: `/app/gifts/rules/${rule.id}`,
      };
    }),
    loyalty: {
      enabled: loyalty.enabled,
      periodDays: loyalty.periodDays,
      discountCreated: loyalty.discountId !== null,
      tiers: loyalty.tiers.map((tier) => ({
        name: tier.name,
        minPaidOrders: tier.minPaidOrders ?? null,
        minSpend: tier.minSpend ?? null,
        percent: tier.percent,
        members: membersOf.get(tier.name) ?? 0,
      })),
      /** Members of tiers that are no longer in the settings (renamed or removed), until recalculated. */
      otherMembers: overview.members - overview.withoutTier - overview.tiers.reduce((sum, tier) => sum + tier.members, 0),
      withoutTier: overview.withoutTier,
      members: overview.members,
    },
    months: history.months.map((month) => ({ month: month.month, label: monthLabel(month.month), given: month.given, cost: money(month.cost) })),
    grants: grants.map((grant) => ({
      id: grant.id,
      order: { name: grant.orderName ?? `Order ${grant.orderId}`, href: `/app/orders/${grant.orderId}` },
      ruleName: grant.ruleName || "Deleted rule",
      kind: GRANT_KIND_LABELS[grant.kind] ?? grant.kind,
      status: grantStatusBadge(grant.status, grant.kind),
      cost: money(grant.cost),
      when: formatDateTime(grant.createdAt, settings.timezone),
      detail: grantDetailWords(grant.detail),
      error: grant.error,
    })),
  };
}

export type GiftsPage = Awaited<ReturnType<typeof loadGiftsPage>>;

function grantDetailWords(detail: { title?: string | null; noteLine?: string; code?: string }): string | null {
  if (detail.code) return `Code ${detail.code}`;
  if (detail.title) return detail.title;
  if (detail.noteLine) return detail.noteLine;
  return null;
}

export type ToggleRuleResult = { intent: typeof TOGGLE_RULE_INTENT; ruleId: string; ok: boolean; message: string };
export type SaveLoyaltyResult = {
  intent: typeof SAVE_LOYALTY_INTENT;
  ok: boolean;
  message: string;
  errors?: Partial<Record<LoyaltyFormField, string>>;
};
export type GiftsActionResult = ToggleRuleResult | SaveLoyaltyResult;

/**
 * Turns the shop's rule on or off, keeping the rest of it. Null when the shop has no such rule.
 * A rule that no longer passes the form's checks is left alone, with what to fix.
 */
export async function setRuleActive(db: Db, shop: string, ruleId: string, active: boolean): Promise<ToggleRuleResult | null> {
  const rule = (await listGiftRules(db, shop)).find((candidate) => candidate.id === ruleId);
  if (!rule) return null;
  const saved = await saveGiftRule(db, shop, { ...giftRuleFormEntries(rule), active: active ? "on" : "" });
  if (!saved.ok) {
    return { intent: TOGGLE_RULE_INTENT, ruleId, ok: false, message: `Open “${rule.name}” to fix it first: ${Object.values(saved.errors).join(" ")}` };
  }
  return { intent: TOGGLE_RULE_INTENT, ruleId, ok: true, message: active ? `“${rule.name}” is on.` : `“${rule.name}” is off: it gives no more gifts.` };
}

/**
 * Saves the loyalty settings. When loyalty is on and its tiers, period or switch changed, every
 * customer's standing is recalculated by jobs (their metafields follow).
 */
export async function saveLoyalty(
  db: Db,
  admin: Pick<AdminClient, "graphql">,
  queue: Pick<JobQueue, "enqueue">,
  shop: string,
  entries: Record<string, string>,
  now: Date,
): Promise<SaveLoyaltyResult> {
  const before = await getLoyaltySettings(db, shop);
  const saved = await saveLoyaltySettings(db, admin, shop, entries, now);
  if (!saved.ok) return { intent: SAVE_LOYALTY_INTENT, ok: false, message: "The loyalty settings were not saved.", errors: saved.errors };
  const after = saved.settings;
  const changed = after.enabled !== before.enabled || after.periodDays !== before.periodDays || JSON.stringify(after.tiers) !== JSON.stringify(before.tiers);
  if (!after.enabled) return { intent: SAVE_LOYALTY_INTENT, ok: true, message: "Loyalty is off: no tier discount applies at checkout." };
  const customers = changed ? await queueShopLoyaltyRecalculation(queue, db, shop) : 0;
  return {
    intent: SAVE_LOYALTY_INTENT,
    ok: true,
    message: customers > 0 ? `Loyalty saved: ${customers} ${customers === 1 ? "customer's tier is" : "customers' tiers are"} being worked out again.` : "Loyalty saved.",
  };
}
