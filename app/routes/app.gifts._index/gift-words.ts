// Gift rules, gifts and grants in the merchant's words, for the Gifts & loyalty pages. Pure:
// amounts are formatted by the caller's `money` (the shop's currency).
import type { Gift, GiftKind, GiftTrigger, GiftTriggerKind } from "~/gifts/gift-rules";
import type { StatusBadge } from "~/orders/order-labels";

type Money = (amount: string) => string;

/** The rule form's choices, in the order the form lists them. */
export const TRIGGER_CHOICES: { value: GiftTriggerKind; label: string }[] = [
  { value: "first_order", label: "A customer’s first order" },
  { value: "every_nth_order", label: "Every nth order of a customer" },
  { value: "order_value_above", label: "Orders above an amount" },
  { value: "customer_tagged", label: "Customers with a tag" },
  { value: "products_bought", label: "Orders with chosen products" },
  { value: "late_order_apology", label: "An apology for a late order" },
];

export const GIFT_CHOICES: { value: GiftKind; label: string }[] = [
  { value: "packer_instruction", label: "Something the packer puts in the parcel" },
  { value: "add_product", label: "A product added to the order, free" },
  { value: "discount_card", label: "A discount code for the next order" },
];

export function ordinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  const last = n % 10;
  return `${n}${last === 1 ? "st" : last === 2 ? "nd" : last === 3 ? "rd" : "th"}`;
}

/** "Every 3rd order of a customer", "Orders above €50.00" … */
export function triggerWords(trigger: GiftTrigger, money: Money): string {
  switch (trigger.kind) {
    case "first_order":
      return "A customer’s first order";
    case "every_nth_order":
      return trigger.n === 1 ? "Every order" : `Every ${ordinal(trigger.n)} order of a customer`;
    case "order_value_above":
      return `Orders above ${money(trigger.amount)}`;
    case "customer_tagged":
      return `Customers tagged “${trigger.tag}”`;
    case "late_order_apology":
      return "When you apologise for a late order";
    case "products_bought":
      return trigger.productIds.length === 1 ? "Orders with the chosen product" : `Orders with one of ${trigger.productIds.length} chosen products`;
  }
}

/** The numeric part of a gid, for showing: "44556677" from gid://shopify/ProductVariant/44556677. */
export function shortId(gid: string): string {
  return gid.split("/").pop() ?? gid;
}

/** "The packer adds “branded pen”", "A 10% code for the next order, valid 30 days" … */
export function giftWords(gift: Gift): string {
  switch (gift.kind) {
    case "add_product":
      return `Variant ${shortId(gift.variantId)} added free${gift.notify ? ", customer told" : ""}`;
    case "packer_instruction":
      return `The packer adds “${gift.text}”`;
    case "discount_card":
      return `A ${gift.percent}% code for the next order, valid ${gift.validDays} ${gift.validDays === 1 ? "day" : "days"}`;
  }
}

export const GRANT_KIND_LABELS: Record<GiftKind, string> = {
  add_product: "Product added",
  packer_instruction: "Packer’s note",
  discount_card: "Discount code",
};

/** A grant's status as a badge; a packer's note that is written but not packed yet is "To pack". */
export function grantStatusBadge(status: string, kind: GiftKind): StatusBadge {
  switch (status) {
    case "pending":
      return { label: "In progress", tone: "attention", progress: "incomplete" };
    case "applied":
      return kind === "packer_instruction" ? { label: "To pack", tone: "info", progress: "partiallyComplete" } : { label: "Given", tone: "success", progress: "complete" };
    case "done":
      return { label: kind === "packer_instruction" ? "Packed" : "Given", tone: "success", progress: "complete" };
    case "failed":
      return { label: "Failed", tone: "critical" };
    default:
      return { label: status };
  }
}

/** "November 2026" from "2026-11". */
export function monthLabel(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  if (!year || !monthNumber) return month;
  return new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}

/** How much of the monthly budget is spent: "ok" below 80%, "near" from 80%, "over" at or past it. */
export function budgetUse(spent: string, budget: string | null): "ok" | "near" | "over" | null {
  if (budget === null) return null;
  // In thousandths, as whole numbers: 2.40 of 3 is exactly 80%.
  const [s, b] = [thousandths(spent), thousandths(budget)];
  if (s === null || b === null || b <= 0) return null;
  return s >= b ? "over" : s * 5 >= b * 4 ? "near" : "ok";
}

function thousandths(amount: string): number | null {
  const match = /^(\d{1,12})(?:\.(\d{1,3}))?$/.exec(amount.trim());
  return match ? Number(match[1]) * 1000 + Number((match[2] ?? "").padEnd(3, "0")) : null;
}
