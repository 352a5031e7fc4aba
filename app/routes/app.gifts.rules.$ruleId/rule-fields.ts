// The gift rule form's fields (the names app/gifts/gift-rules.ts parseGiftRuleForm reads) and
// the form's intents; shared by the page's server module and its components.
import type { GiftRuleFormField } from "~/gifts/gift-rules";

export const SAVE_INTENT = "save";
export const PREVIEW_INTENT = "preview";
export const DELETE_INTENT = "delete";

export const RULE_FIELDS = [
  "id",
  "name",
  "active",
  "triggerKind",
  "triggerN",
  "triggerAmount",
  "triggerTag",
  "triggerProductIds",
  "giftKind",
  "giftVariantId",
  "giftNotify",
  "giftText",
  "giftPercent",
  "giftValidDays",
  "stock",
  "monthlyBudget",
  "unitCost",
] as const satisfies readonly (GiftRuleFormField | "active" | "giftNotify")[];

export type RuleField = (typeof RULE_FIELDS)[number];
export type RuleEntries = Record<RuleField, string>;
