// Thank-you gifts: the merchant's gift rules, which of them an order earns (and, for each active
// rule it does not get, why not), the packer's note for gifts put in the parcel by hand, and the
// rule form's validation. Pure: no I/O. Money is decimal strings in the shop currency, compared
// as scaled integers (never floats).
//
// A rule gives at most one gift per order (the caller passes the rules already given); a product
// can only be added to an order nobody has started packing; a rule's stock and monthly budget
// are never exceeded.

import { addDecimals, compareDecimals, formatDecimal, parseDecimal } from "~/money/decimal";

export const GIFT_TRIGGER_KINDS = ["first_order", "every_nth_order", "order_value_above", "customer_tagged", "late_order_apology", "products_bought"] as const;
export type GiftTriggerKind = (typeof GIFT_TRIGGER_KINDS)[number];

export const GIFT_KINDS = ["add_product", "packer_instruction", "discount_card"] as const;
export type GiftKind = (typeof GIFT_KINDS)[number];

export type GiftTrigger =
  | { kind: "first_order" }
  /** The customer's n-th, 2n-th, 3n-th … paid order. */
  | { kind: "every_nth_order"; n: number }
  /** Order total strictly above `amount` (a decimal string in the shop currency). */
  | { kind: "order_value_above"; amount: string }
  /** The customer carries the tag (compared without regard to case). */
  | { kind: "customer_tagged"; tag: string }
  /** Someone asked for an apology gift because the order is late. */
  | { kind: "late_order_apology" }
  /** The order holds at least one of the products (gid://shopify/Product/…). */
  | { kind: "products_bought"; productIds: string[] };

export type Gift =
  /** Add the variant to the order free of charge (an order edit), telling the customer when `notify`. */
  | { kind: "add_product"; variantId: string; notify: boolean }
  /** A note for whoever packs the parcel ("branded pen"). */
  | { kind: "packer_instruction"; text: string }
  /** A single-use discount code for the customer's next order. */
  | { kind: "discount_card"; percent: number; validDays: number };

export type GiftRule = {
  id: string;
  name: string;
  active: boolean;
  trigger: GiftTrigger;
  gift: Gift;
  /** Gifts left to give when the rule was saved; null for no limit. */
  stock: number | null;
  /** Most the rule may cost in a calendar month, a decimal string; null for no limit. */
  monthlyBudget: string | null;
  /** What one gift costs the shop, a decimal string. */
  unitCost: string;
};

export type GiftOrder = {
  orderId: string;
  /** This customer's n-th paid order, 1-based. */
  customerOrderNumber: number;
  /** A decimal string in the shop currency. */
  totalPrice: string;
  customerTags: string[];
  productIds: string[];
  fulfillmentStatus: "unfulfilled" | "partial" | "fulfilled";
  cancelled: boolean;
  lateApologyRequested: boolean;
};

export type GiftUsage = {
  /** What each rule has cost so far this month (decimal strings; a missing rule has cost nothing). */
  costThisMonth: Record<string, string>;
  /** Gifts each rule has left; a missing rule falls back to its `stock`, null is no limit. */
  stockLeft: Record<string, number | null>;
  /** Rules that already gave this order a gift. */
  alreadyGiven: ReadonlySet<string>;
};

export type GiftSkipCode = "order_cancelled" | "not_triggered" | "already_given" | "already_packing" | "out_of_stock" | "over_budget" | "invalid_rule";

export type GiftDecision = {
  given: { ruleId: string; gift: Gift; reasonWords: string }[];
  /** Every active rule the order does not get, with why (inactive rules are left out). */
  skipped: { ruleId: string; code: GiftSkipCode; why: string }[];
};

export function matchGiftRules(order: GiftOrder, rules: readonly GiftRule[], usage: GiftUsage): GiftDecision {
  const decision: GiftDecision = { given: [], skipped: [] };
  for (const rule of rules) {
    if (!rule.active) continue;
    const skip = (code: GiftSkipCode, why: string) => decision.skipped.push({ ruleId: rule.id, code, why });
    const unitCost = parseDecimal(rule.unitCost);
    const budget = rule.monthlyBudget === null ? null : parseDecimal(rule.monthlyBudget);
    if (!unitCost || unitCost.units < 0n || (rule.monthlyBudget !== null && !budget)) {
      skip("invalid_rule", "The rule's unit cost or monthly budget is not an amount; edit the rule.");
      continue;
    }
    if (order.cancelled) {
      skip("order_cancelled", "The order is cancelled.");
      continue;
    }
    if (usage.alreadyGiven.has(rule.id)) {
      skip("already_given", "This order already got this gift.");
      continue;
    }
    const trigger = triggerResult(rule.trigger, order);
    if (!trigger.met) {
      skip("not_triggered", trigger.words);
      continue;
    }
    if (rule.gift.kind === "add_product" && order.fulfillmentStatus !== "unfulfilled") {
      skip("already_packing", `A product can only be added before anything is shipped, and this order is ${order.fulfillmentStatus === "partial" ? "partly fulfilled" : "fulfilled"}.`);
      continue;
    }
    const stockLeft = rule.id in usage.stockLeft ? usage.stockLeft[rule.id] : rule.stock;
    if (stockLeft !== null && stockLeft !== undefined && stockLeft <= 0) {
      skip("out_of_stock", "The gift is out of stock.");
      continue;
    }
    if (budget) {
      const spent = parseDecimal(usage.costThisMonth[rule.id] ?? "0");
      if (!spent) {
        skip("over_budget", "This month's spending on the rule could not be read, so its budget cannot be checked.");
        continue;
      }
      if (compareDecimals(addDecimals(spent, unitCost), budget) > 0) {
        skip("over_budget", `This month's budget would be exceeded: ${formatDecimal(spent)} of ${rule.monthlyBudget} spent, and one gift costs ${rule.unitCost}.`);
        continue;
      }
    }
    decision.given.push({ ruleId: rule.id, gift: rule.gift, reasonWords: trigger.words });
  }
  return decision;
}

function triggerResult(trigger: GiftTrigger, order: GiftOrder): { met: boolean; words: string } {
  switch (trigger.kind) {
    case "first_order":
      return order.customerOrderNumber === 1
        ? { met: true, words: "the customer's first order" }
        : { met: false, words: `This is the customer's ${ordinal(order.customerOrderNumber)} order, not their first.` };
    case "every_nth_order": {
      const n = trigger.n;
      if (!(Number.isInteger(n) && n >= 1)) return { met: false, words: "The rule's order count is not a whole number; edit the rule." };
      const every = n === 1 ? "every order" : `every ${ordinal(n)} order`;
      return order.customerOrderNumber >= 1 && order.customerOrderNumber % n === 0
        ? { met: true, words: `the customer's ${ordinal(order.customerOrderNumber)} order (${every})` }
        : { met: false, words: `This is the customer's ${ordinal(order.customerOrderNumber)} order; the gift comes with ${every}.` };
    }
    case "order_value_above": {
      const total = parseDecimal(order.totalPrice);
      const amount = parseDecimal(trigger.amount);
      if (!amount) return { met: false, words: "The rule's amount is not an amount; edit the rule." };
      if (!total) return { met: false, words: `The order total "${order.totalPrice}" is not an amount.` };
      return compareDecimals(total, amount) > 0
        ? { met: true, words: `an order total of ${order.totalPrice}, above ${trigger.amount}` }
        : { met: false, words: `The order total ${order.totalPrice} is not above ${trigger.amount}.` };
    }
    case "customer_tagged": {
      const wanted = normaliseTag(trigger.tag);
      return wanted !== "" && order.customerTags.some((tag) => normaliseTag(tag) === wanted)
        ? { met: true, words: `a customer tagged "${trigger.tag.trim()}"` }
        : { met: false, words: `The customer is not tagged "${trigger.tag.trim()}".` };
    }
    case "late_order_apology":
      return order.lateApologyRequested ? { met: true, words: "an apology for a late order" } : { met: false, words: "No apology was asked for this order." };
    case "products_bought": {
      const bought = new Set(order.productIds);
      const count = trigger.productIds.filter((id) => bought.has(id)).length;
      return count > 0
        ? { met: true, words: count === 1 ? "buying one of the chosen products" : `buying ${count} of the chosen products` }
        : { met: false, words: "The order holds none of the chosen products." };
    }
  }
}

/** What the packer needs: an order tag to filter by, a line for the order note and one for the packing slip. */
export type PackerInstruction = { tag: "aftercare-gift"; noteLine: string; packingSlipLine: string };

/**
 * "Aftercare gift: add branded pen, catalog" from the packer-instruction texts of the gifts an
 * order got (blank and repeated texts dropped, each on one line); null when none is left.
 */
export function packerInstruction(orderName: string, texts: readonly string[]): PackerInstruction | null {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const text of texts) {
    const clean = text.replace(/\s+/g, " ").trim();
    if (!clean || seen.has(clean.toLowerCase())) continue;
    seen.add(clean.toLowerCase());
    items.push(clean);
  }
  if (items.length === 0) return null;
  const list = items.join(", ");
  return {
    tag: "aftercare-gift",
    noteLine: `Aftercare gift: add ${list}`,
    packingSlipLine: `Gift for order ${orderName.trim()}: please add ${list}`,
  };
}

// The rule form. Field names are the form's input names; errors are keyed by them.
export type GiftRuleFormField =
  | "id"
  | "name"
  | "triggerKind"
  | "triggerN"
  | "triggerAmount"
  | "triggerTag"
  | "triggerProductIds"
  | "giftKind"
  | "giftVariantId"
  | "giftText"
  | "giftPercent"
  | "giftValidDays"
  | "stock"
  | "monthlyBudget"
  | "unitCost";

export type GiftRuleFormResult = { ok: true; value: GiftRule } | { ok: false; errors: Partial<Record<GiftRuleFormField, string>> };

const MAX_NAME = 100;
const MAX_TAG = 255;
const MAX_PACKER_TEXT = 200;
const MAX_ORDER_COUNT = 1000;
const CHECKED = new Set(["on", "true", "1", "yes"]);
const AMOUNT = /^\d{1,12}(?:\.\d{1,3})?$/;

/**
 * The rule from the form's entries (checkboxes `active` and `giftNotify` count as ticked when
 * "on", "true", "1" or "yes"). Only the fields of the chosen trigger and gift are read. Product
 * and variant ids may be given as numbers or gids; they come back as gids.
 */
export function parseGiftRuleForm(entries: Record<string, string>): GiftRuleFormResult {
  const errors: Partial<Record<GiftRuleFormField, string>> = {};
  const text = (field: GiftRuleFormField) => (entries[field] ?? "").trim();

  const id = text("id");
  if (!id) errors.id = "The rule has no id; reload the page and try again.";

  const name = text("name");
  if (!name) errors.name = "Give the rule a name.";
  else if (name.length > MAX_NAME) errors.name = `Keep the name to ${MAX_NAME} characters.`;

  const trigger = parseTrigger(text, errors);
  const gift = parseGift(text, (entries.giftNotify ?? "").trim().toLowerCase(), errors);

  const stockText = text("stock");
  let stock: number | null = null;
  if (stockText) {
    if (/^\d{1,9}$/.test(stockText)) stock = Number(stockText);
    else errors.stock = "Enter how many gifts you have as a whole number, or leave it empty for no limit.";
  }

  const budgetText = text("monthlyBudget");
  let monthlyBudget: string | null = null;
  if (budgetText) {
    const budgetError = amountError(budgetText, "a monthly budget such as 50 or 49.99, or leave it empty for no limit");
    if (budgetError) errors.monthlyBudget = budgetError;
    else monthlyBudget = budgetText;
  }

  const unitCostText = text("unitCost") || "0";
  const unitCostError = amountError(unitCostText, "what one gift costs you, such as 2.50 (0 if nothing)");
  if (unitCostError) errors.unitCost = unitCostError;

  if (Object.keys(errors).length > 0 || !trigger || !gift) return { ok: false, errors };
  return {
    ok: true,
    value: { id, name, active: CHECKED.has((entries.active ?? "").trim().toLowerCase()), trigger, gift, stock, monthlyBudget, unitCost: unitCostText },
  };
}

type Errors = Partial<Record<GiftRuleFormField, string>>;

function parseTrigger(text: (field: GiftRuleFormField) => string, errors: Errors): GiftTrigger | null {
  const kind = text("triggerKind");
  switch (kind) {
    case "first_order":
    case "late_order_apology":
      return { kind };
    case "every_nth_order": {
      const n = text("triggerN");
      if (/^\d{1,4}$/.test(n) && Number(n) >= 1 && Number(n) <= MAX_ORDER_COUNT) return { kind, n: Number(n) };
      errors.triggerN = `Enter a whole number of orders from 1 to ${MAX_ORDER_COUNT} (3 gives a gift with every 3rd order).`;
      return null;
    }
    case "order_value_above": {
      const amount = text("triggerAmount");
      const error = amountError(amount, "the order total the gift starts above, such as 50 or 49.99");
      if (!error && parseDecimal(amount)?.units === 0n) {
        errors.triggerAmount = "Enter an amount above 0; for every order, use “Every nth order” with 1.";
        return null;
      }
      if (!error) return { kind, amount };
      errors.triggerAmount = error;
      return null;
    }
    case "customer_tagged": {
      const tag = text("triggerTag");
      if (!tag) errors.triggerTag = "Enter the customer tag, such as VIP.";
      else if (tag.includes(",")) errors.triggerTag = "Enter one tag, without commas.";
      else if (tag.length > MAX_TAG) errors.triggerTag = `Keep the tag to ${MAX_TAG} characters.`;
      else return { kind, tag };
      return null;
    }
    case "products_bought": {
      const parts = text("triggerProductIds")
        .split(/[\s,]+/)
        .filter(Boolean);
      const ids = parts.map((part) => asGid(part, "Product"));
      if (parts.length === 0) errors.triggerProductIds = "Choose at least one product.";
      else if (ids.some((value) => value === null)) errors.triggerProductIds = "Some products are not product ids; choose them again.";
      else return { kind, productIds: [...new Set(ids as string[])] };
      return null;
    }
    default:
      errors.triggerKind = "Choose when the gift is given.";
      return null;
  }
}

function parseGift(text: (field: GiftRuleFormField) => string, notify: string, errors: Errors): Gift | null {
  const kind = text("giftKind");
  switch (kind) {
    case "add_product": {
      const variantId = asGid(text("giftVariantId"), "ProductVariant");
      if (variantId) return { kind, variantId, notify: CHECKED.has(notify) };
      errors.giftVariantId = "Choose the product variant to add to the order.";
      return null;
    }
    case "packer_instruction": {
      const packerText = text("giftText").replace(/\s+/g, " ");
      if (!packerText) errors.giftText = "Write what the packer should put in the parcel, such as “branded pen”.";
      else if (packerText.length > MAX_PACKER_TEXT) errors.giftText = `Keep the packer's note to ${MAX_PACKER_TEXT} characters.`;
      else return { kind, text: packerText };
      return null;
    }
    case "discount_card": {
      const percent = text("giftPercent");
      const days = text("giftValidDays");
      const percentOk = /^\d{1,3}$/.test(percent) && Number(percent) >= 1 && Number(percent) <= 100;
      const daysOk = /^\d{1,3}$/.test(days) && Number(days) >= 1 && Number(days) <= 365;
      if (!percentOk) errors.giftPercent = "Enter a whole percentage from 1 to 100.";
      if (!daysOk) errors.giftValidDays = "Enter how many days the code is valid, from 1 to 365.";
      return percentOk && daysOk ? { kind, percent: Number(percent), validDays: Number(days) } : null;
    }
    default:
      errors.giftKind = "Choose the gift.";
      return null;
  }
}

function amountError(text: string, what: string): string | null {
  if (!text) return `Enter ${what}.`;
  if (/[,\s]/.test(text)) return "Use a dot for decimals and no thousands separators, such as 1000 or 49.99.";
  if (!AMOUNT.test(text)) return `Enter ${what}.`;
  return null;
}

function asGid(text: string, type: "Product" | "ProductVariant"): string | null {
  if (/^\d{1,20}$/.test(text)) return `gid://shopify/${type}/${text}`;
  return new RegExp(`^gid://shopify/${type}/\\d{1,20}$`).test(text) ? text : null;
}

function normaliseTag(tag: string): string {
  return tag.trim().toLowerCase();
}

function ordinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  const last = n % 10;
  return `${n}${last === 1 ? "st" : last === 2 ? "nd" : last === 3 ? "rd" : "th"}`;
}
