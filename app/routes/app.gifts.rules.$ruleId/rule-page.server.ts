// A gift rule's page (/app/gifts/rules/new or /app/gifts/rules/<id>): the form's starting values,
// and its three actions — save, preview against recent orders, delete. A rule is only ever read
// or written for the session's shop: another shop's id is "not found".
import type { Db } from "~/db.server";
import type { GiftRuleFormField } from "~/gifts/gift-rules";
import { deleteGiftRule, giftRuleFormEntries, listGiftRules, NEW_RULE_ID, PREVIEW_DAYS, previewGiftRule, saveGiftRule } from "~/gifts/gift-rules.server";
import { getShopSettings } from "~/messages/shop-settings.server";
import { formatDateTime } from "~/orders/order-format";
import { DELETE_INTENT, PREVIEW_INTENT, RULE_FIELDS, SAVE_INTENT, type RuleEntries } from "./rule-fields";

type FieldErrors = Partial<Record<GiftRuleFormField, string>>;

/** A new rule's form: on, a packer's note for a customer's first order. */
export const NEW_RULE_ENTRIES: RuleEntries = {
  id: NEW_RULE_ID,
  name: "",
  active: "on",
  triggerKind: "first_order",
  triggerN: "3",
  triggerAmount: "",
  triggerTag: "",
  triggerProductIds: "",
  giftKind: "packer_instruction",
  giftVariantId: "",
  giftNotify: "on",
  giftText: "",
  giftPercent: "10",
  giftValidDays: "60",
  stock: "",
  monthlyBudget: "",
  unitCost: "0",
};

async function shopRule(db: Db, shop: string, ruleId: string) {
  return (await listGiftRules(db, shop)).find((rule) => rule.id === ruleId) ?? null;
}

/** The form for the rule; null when `ruleId` is neither "new" nor one of the shop's rules. */
export async function loadRulePage(db: Db, shop: string, ruleId: string) {
  const settings = await getShopSettings(db, shop);
  const common = { currency: settings.currency, previewDays: PREVIEW_DAYS };
  if (ruleId === NEW_RULE_ID) return { ...common, ruleId, isNew: true, name: "", entries: NEW_RULE_ENTRIES };
  const rule = await shopRule(db, shop, ruleId);
  if (!rule) return null;
  return { ...common, ruleId, isNew: false, name: rule.name, entries: { ...NEW_RULE_ENTRIES, ...giftRuleFormEntries(rule) } };
}

export type RulePage = NonNullable<Awaited<ReturnType<typeof loadRulePage>>>;

export type RuleActionResult =
  | { intent: typeof SAVE_INTENT; ok: true; message: string; redirectTo: string }
  /** Refused: the field errors, and what was sent, so the form shows it again as typed. */
  | { intent: typeof SAVE_INTENT; ok: false; errors: FieldErrors; values: RuleEntries }
  | { intent: typeof PREVIEW_INTENT; ok: true; days: number; matches: { orderId: string; name: string; placed: string; reasonWords: string; href: string }[] }
  | { intent: typeof PREVIEW_INTENT; ok: false; errors: FieldErrors }
  | { intent: typeof DELETE_INTENT; ok: true; message: string; redirectTo: string };

/** The rule form's fields from a submitted form; the rule's id is the page's, never the form's. */
export function ruleEntries(ruleId: string, form: Record<string, string>): RuleEntries {
  const entries = Object.fromEntries(RULE_FIELDS.map((field) => [field, form[field] ?? ""])) as RuleEntries;
  return { ...entries, id: ruleId };
}

/** The action's answer; null when the rule is not the shop's (or the intent is unknown, "unknown"). */
export async function handleRuleAction(db: Db, shop: string, ruleId: string, form: Record<string, string>, now: Date): Promise<RuleActionResult | null | "unknown"> {
  const intent = form.intent;
  if (intent !== SAVE_INTENT && intent !== PREVIEW_INTENT && intent !== DELETE_INTENT) return "unknown";
  const isNew = ruleId === NEW_RULE_ID;
  const existing = isNew ? null : await shopRule(db, shop, ruleId);
  if (!isNew && !existing) return null;
  const entries = ruleEntries(ruleId, form);

  if (intent === DELETE_INTENT) {
    if (!existing) return null;
    if (!(await deleteGiftRule(db, shop, existing.id))) return null;
    return { intent, ok: true, message: `“${existing.name}” deleted. The gifts it gave stay in the history.`, redirectTo: "/app/gifts" };
  }

  if (intent === PREVIEW_INTENT) {
    const preview = await previewGiftRule(db, shop, entries, now);
    if (!preview.ok) return { intent, ok: false, errors: preview.errors };
    const { timezone } = await getShopSettings(db, shop);
    return {
      intent,
      ok: true,
      days: PREVIEW_DAYS,
      matches: preview.matches.map((match) => ({
        orderId: match.orderId,
        name: match.name,
        placed: formatDateTime(match.placedAt, timezone),
        reasonWords: match.reasonWords,
        href: `/app/orders/${match.orderId}`,
      })),
    };
  }

  const saved = await saveGiftRule(db, shop, entries);
  if (!saved.ok) return { intent, ok: false, errors: saved.errors, values: entries };
  return { intent, ok: true, message: isNew ? `“${saved.rule.name}” created.` : `“${saved.rule.name}” saved.`, redirectTo: "/app/gifts" };
}
