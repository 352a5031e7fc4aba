// The shop's gift rules in the database (GiftRule rows, trigger and gift as JSON): listed, saved
// from the rule form, deleted, and previewed against the orders of the last 30 days that the
// app keeps (OrderCare), so a merchant sees what a rule would have done before turning it on.
import type { GiftRule as GiftRuleRow } from "@prisma/client";
import { z } from "zod";
import type { Db } from "~/db.server";
import { matchGiftRules, parseGiftRuleForm, type GiftOrder, type GiftRule, type GiftRuleFormField } from "./gift-rules";

export type StoredGiftRule = GiftRule & { createdAt: Date; updatedAt: Date };

export type SaveGiftRuleResult = { ok: true; rule: StoredGiftRule } | { ok: false; errors: Partial<Record<GiftRuleFormField, string>> };

export type GiftRulePreview =
  | { ok: true; matches: { orderId: string; name: string; placedAt: Date; reasonWords: string }[] }
  | { ok: false; errors: Partial<Record<GiftRuleFormField, string>> };

/** The `id` a form sends for a rule that does not exist yet. */
export const NEW_RULE_ID = "new";

export const PREVIEW_DAYS = 30;
const DAY_MS = 86_400_000;

const TriggerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("first_order") }),
  z.object({ kind: z.literal("every_nth_order"), n: z.number().int().min(1) }),
  z.object({ kind: z.literal("order_value_above"), amount: z.string() }),
  z.object({ kind: z.literal("customer_tagged"), tag: z.string() }),
  z.object({ kind: z.literal("late_order_apology") }),
  z.object({ kind: z.literal("products_bought"), productIds: z.array(z.string()) }),
]);

export const GiftSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("add_product"), variantId: z.string(), notify: z.boolean() }),
  z.object({ kind: z.literal("packer_instruction"), text: z.string() }),
  z.object({ kind: z.literal("discount_card"), percent: z.number(), validDays: z.number().int() }),
]);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The rule a row holds, or null when its trigger or gift is not one the app knows. */
export function giftRuleFromRow(row: GiftRuleRow): StoredGiftRule | null {
  const trigger = TriggerSchema.safeParse(parseJson(row.trigger));
  const gift = GiftSchema.safeParse(parseJson(row.gift));
  if (!trigger.success || !gift.success) return null;
  return {
    id: row.id,
    name: row.name,
    active: row.active,
    trigger: trigger.data,
    gift: gift.data,
    stock: row.stock,
    monthlyBudget: row.monthlyBudget,
    unitCost: row.unitCost,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The shop's rules, oldest first (rows the app cannot read are left out). */
export async function listGiftRules(db: Db, shop: string): Promise<StoredGiftRule[]> {
  const rows = await db.giftRule.findMany({ where: { shop }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(giftRuleFromRow).filter((rule): rule is StoredGiftRule => rule !== null);
}

/**
 * Creates the rule (form id "new") or updates the shop's rule with that id. `stock` is what is
 * left to give from now on: each gift given takes one off.
 */
export async function saveGiftRule(db: Db, shop: string, entries: Record<string, string>): Promise<SaveGiftRuleResult> {
  const parsed = parseGiftRuleForm(entries);
  if (!parsed.ok) return parsed;
  const rule = parsed.value;
  const data = {
    name: rule.name,
    active: rule.active,
    trigger: JSON.stringify(rule.trigger),
    gift: JSON.stringify(rule.gift),
    stock: rule.stock,
    monthlyBudget: rule.monthlyBudget,
    unitCost: rule.unitCost,
  };
  if (rule.id === NEW_RULE_ID) {
    const row = await db.giftRule.create({ data: { shop, ...data } });
    return { ok: true, rule: giftRuleFromRow(row) as StoredGiftRule };
  }
  const { count } = await db.giftRule.updateMany({ where: { id: rule.id, shop }, data });
  if (count === 0) return { ok: false, errors: { id: "This rule no longer exists; reload the page." } };
  const row = await db.giftRule.findFirstOrThrow({ where: { id: rule.id, shop } });
  return { ok: true, rule: giftRuleFromRow(row) as StoredGiftRule };
}

/** Deletes the shop's rule; the gifts it gave stay in the history. False when there was none. */
export async function deleteGiftRule(db: Db, shop: string, id: string): Promise<boolean> {
  const { count } = await db.giftRule.deleteMany({ where: { id, shop } });
  return count > 0;
}

/** The form's entries for a stored rule (the inverse of parseGiftRuleForm). */
export function giftRuleFormEntries(rule: GiftRule): Record<GiftRuleFormField | "active" | "giftNotify", string> {
  const { trigger, gift } = rule;
  return {
    id: rule.id,
    name: rule.name,
    active: rule.active ? "on" : "",
    triggerKind: trigger.kind,
    triggerN: trigger.kind === "every_nth_order" ? String(trigger.n) : "",
    triggerAmount: trigger.kind === "order_value_above" ? trigger.amount : "",
    triggerTag: trigger.kind === "customer_tagged" ? trigger.tag : "",
    triggerProductIds: trigger.kind === "products_bought" ? trigger.productIds.join(",") : "",
    giftKind: gift.kind,
    giftVariantId: gift.kind === "add_product" ? gift.variantId : "",
    giftNotify: gift.kind === "add_product" && gift.notify ? "on" : "",
    giftText: gift.kind === "packer_instruction" ? gift.text : "",
    giftPercent: gift.kind === "discount_card" ? String(gift.percent) : "",
    giftValidDays: gift.kind === "discount_card" ? String(gift.validDays) : "",
    stock: rule.stock === null ? "" : String(rule.stock),
    monthlyBudget: rule.monthlyBudget ?? "",
    unitCost: rule.unitCost,
  };
}

type PreviewOrder = {
  orderId: string;
  name: string;
  number: number;
  customerId: string | null;
  placedAt: Date;
  paidAt: Date | null;
  cancelledAt: Date | null;
  totalPrice: string;
};

/**
 * Which of the last 30 days' orders the rule (as typed in the form, saved or not) would have
 * given its gift to, newest first: each order as it was when placed (nothing fulfilled yet),
 * its customer's paid orders counted from the app's records. Stock and budget are left out:
 * the preview is about who qualifies. Customer tags and bought products are not kept by the
 * app, so rules on them cannot be previewed.
 */
export async function previewGiftRule(db: Db, shop: string, entries: Record<string, string>, now: Date): Promise<GiftRulePreview> {
  const parsed = parseGiftRuleForm({ ...entries, id: entries.id?.trim() || NEW_RULE_ID });
  if (!parsed.ok) return parsed;
  const rule: GiftRule = { ...parsed.value, active: true, stock: null, monthlyBudget: null };
  if (rule.trigger.kind === "customer_tagged" || rule.trigger.kind === "products_bought") {
    return { ok: false, errors: { triggerKind: "A preview can't tell which orders match: customer tags and the products bought are read from Shopify when an order comes in." } };
  }

  const since = new Date(now.getTime() - PREVIEW_DAYS * DAY_MS);
  const select = { orderId: true, name: true, number: true, customerId: true, placedAt: true, paidAt: true, cancelledAt: true, totalPrice: true } as const;
  const orders: PreviewOrder[] = await db.orderCare.findMany({ where: { shop, placedAt: { gte: since, lte: now } }, select, orderBy: [{ placedAt: "desc" }, { number: "desc" }] });
  if (orders.length === 0) return { ok: true, matches: [] };

  const customerIds = [...new Set(orders.map((order) => order.customerId).filter((id): id is string => id !== null))];
  const history = customerIds.length === 0 ? [] : await db.orderCare.findMany({ where: { shop, customerId: { in: customerIds }, placedAt: { lte: now } }, select });
  const byCustomer = new Map<string, PreviewOrder[]>();
  for (const order of history) if (order.customerId) byCustomer.set(order.customerId, [...(byCustomer.get(order.customerId) ?? []), order]);

  const apologised = new Set(
    rule.trigger.kind === "late_order_apology"
      ? (await db.timelineEvent.findMany({ where: { shop, kind: "apology_sent", orderId: { in: orders.map((order) => order.orderId) } }, select: { orderId: true } })).map((row) => row.orderId)
      : [],
  );

  const matches: { orderId: string; name: string; placedAt: Date; reasonWords: string }[] = [];
  for (const order of orders) {
    const giftOrder: GiftOrder = {
      orderId: order.orderId,
      customerOrderNumber: customerOrderNumber(order, order.customerId ? (byCustomer.get(order.customerId) ?? []) : []),
      totalPrice: order.totalPrice,
      customerTags: [],
      productIds: [],
      fulfillmentStatus: "unfulfilled",
      cancelled: order.cancelledAt !== null,
      lateApologyRequested: apologised.has(order.orderId),
    };
    const decision = matchGiftRules(giftOrder, [rule], { costThisMonth: {}, stockLeft: {}, alreadyGiven: new Set() });
    const given = decision.given[0];
    if (given) matches.push({ orderId: order.orderId, name: order.name, placedAt: order.placedAt, reasonWords: given.reasonWords });
  }
  return { ok: true, matches };
}

/**
 * The customer's n-th order (1-based): 1 + their paid, uncancelled orders placed before this one.
 * An order without a customer (a guest) counts as a first order.
 */
export function customerOrderNumber(
  order: { orderId: string; number: number; placedAt: Date },
  customerOrders: readonly { orderId: string; number: number; placedAt: Date; paidAt: Date | null; cancelledAt: Date | null }[],
): number {
  const before = (other: { number: number; placedAt: Date }) =>
    other.placedAt.getTime() < order.placedAt.getTime() || (other.placedAt.getTime() === order.placedAt.getTime() && other.number < order.number);
  return 1 + customerOrders.filter((other) => other.orderId !== order.orderId && other.paidAt !== null && other.cancelledAt === null && before(other)).length;
}
