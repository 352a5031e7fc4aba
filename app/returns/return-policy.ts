// The shop's return policy and what it means for one order and one request: which lines can
// still be returned (and why the others cannot), and whether a request is approved on its own,
// who pays the return postage and what goodwill the shopper gets. Pure: time is a parameter.
//
// Shop-fault reasons (wrong item, damaged in transit, defective, not as described) are the
// shop's mistake by definition, whatever the policy says about them; the policy only decides
// how generous the shop is about each reason.
//
// Texts are plain English for now; every text comes with a structured code (and the values
// it mentions) so the storefront can localise it later without parsing sentences.

export const RETURN_REASONS = ["wrong_item", "damaged_in_transit", "defective", "not_as_described", "size_or_fit", "changed_mind", "other"] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export const GOODWILL_KINDS = ["none", "discount_code", "free_shipping", "replacement"] as const;
export type GoodwillKind = (typeof GOODWILL_KINDS)[number];

export type ReasonRule = {
  /** The shop pays the return postage (a prepaid label); otherwise the shopper does. */
  shopPays: boolean;
  /** Requests for this reason are approved without a person looking at them. */
  autoApprove: boolean;
  goodwill: GoodwillKind;
  /** Only for goodwill "discount_code": the percentage off the next order (1–100). */
  goodwillPercent?: number;
};

export type ReturnPolicy = {
  /** Days after delivery (or, without a delivery date, after fulfilment) a line can be returned. */
  windowDays: number;
  /** Products with any of these tags are final sale (compared ignoring case, spaces and dashes). */
  excludedProductTags: string[];
  reasons: Record<ReturnReason, ReasonRule>;
};

const SHOP_FAULT_REASONS: ReadonlySet<ReturnReason> = new Set(["wrong_item", "damaged_in_transit", "defective", "not_as_described"]);

export function isShopFault(reason: ReturnReason): boolean {
  return SHOP_FAULT_REASONS.has(reason);
}

export function isReturnReason(value: string): value is ReturnReason {
  return (RETURN_REASONS as readonly string[]).includes(value);
}

const SHOP_FAULT_RULE: ReasonRule = { shopPays: true, autoApprove: true, goodwill: "discount_code", goodwillPercent: 10 };
const SHOPPER_CHOICE_RULE: ReasonRule = { shopPays: false, autoApprove: false, goodwill: "none" };

export const DEFAULT_RETURN_POLICY: ReturnPolicy = {
  windowDays: 30,
  excludedProductTags: ["final-sale"],
  reasons: {
    wrong_item: { ...SHOP_FAULT_RULE },
    damaged_in_transit: { ...SHOP_FAULT_RULE },
    defective: { ...SHOP_FAULT_RULE },
    not_as_described: { ...SHOP_FAULT_RULE },
    size_or_fit: { ...SHOPPER_CHOICE_RULE },
    changed_mind: { ...SHOPPER_CHOICE_RULE },
    other: { ...SHOPPER_CHOICE_RULE },
  },
};

// ---------------------------------------------------------------------------------------------
// Which lines of an order can still be returned

export type ReturnableOrderLine = {
  lineItemId: string;
  /** Shopify returns are made of fulfillment line items; null while the line is unfulfilled. */
  fulfillmentLineItemId: string | null;
  productTags: string[];
  quantity: number;
  /** Units already returned or in an open return. */
  returnedQuantity: number;
  title: string;
};

export type ReturnableOrder = {
  deliveredAt: Date | null;
  fulfilledAt: Date | null;
  lines: ReturnableOrderLine[];
};

export type ReturnableLine = {
  lineItemId: string;
  fulfillmentLineItemId: string;
  title: string;
  /** Units that can still be returned (the quantity bought less those already returned). */
  quantity: number;
};

export type ExclusionCode = "final_sale" | "already_returned" | "window_closed" | "not_shipped";

export type ExcludedLine = {
  lineItemId: string;
  title: string;
  code: ExclusionCode;
  /** For window_closed: when the window closed. For final_sale: the tag that matched. */
  closedAt?: Date;
  tag?: string;
  reason: string;
};

export type Returnability = {
  returnable: ReturnableLine[];
  excluded: ExcludedLine[];
  /** When the window closes (or closed); null when the order has not shipped. */
  windowClosesAt: Date | null;
  /** What the window is counted from. */
  windowStartsFrom: "delivery" | "fulfillment" | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** A tag as a shopper or merchant would mean it: "Final Sale", "final_sale" and "final-sale" are one tag. */
export function normaliseTag(tag: string): string {
  return tag
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-");
}

export function returnableLines(order: ReturnableOrder, policy: ReturnPolicy, now: Date): Returnability {
  const windowStart = order.deliveredAt ?? order.fulfilledAt;
  const windowStartsFrom = order.deliveredAt ? "delivery" : order.fulfilledAt ? "fulfillment" : null;
  const windowClosesAt = windowStart ? new Date(windowStart.getTime() + policy.windowDays * DAY_MS) : null;
  const windowOpen = windowClosesAt !== null && now.getTime() <= windowClosesAt.getTime();
  const excludedTags = new Map(policy.excludedProductTags.map((tag) => [normaliseTag(tag), tag]));

  const returnable: ReturnableLine[] = [];
  const excluded: ExcludedLine[] = [];
  for (const line of order.lines) {
    const exclusion = exclusionOf(line, excludedTags, windowClosesAt, windowOpen);
    if (exclusion) excluded.push({ lineItemId: line.lineItemId, title: line.title, ...exclusion });
    else returnable.push({ lineItemId: line.lineItemId, fulfillmentLineItemId: line.fulfillmentLineItemId as string, title: line.title, quantity: line.quantity - line.returnedQuantity });
  }
  return { returnable, excluded, windowClosesAt, windowStartsFrom };
}

// A final-sale product is the most useful thing to tell (it never becomes returnable), then
// what has already come back, then the window (which closes for every line at once).
function exclusionOf(
  line: ReturnableOrderLine,
  excludedTags: Map<string, string>,
  windowClosesAt: Date | null,
  windowOpen: boolean,
): Omit<ExcludedLine, "lineItemId" | "title"> | null {
  const finalSaleTag = line.productTags.map(normaliseTag).find((tag) => excludedTags.has(tag));
  if (finalSaleTag !== undefined) return { code: "final_sale", tag: excludedTags.get(finalSaleTag), reason: "This item is final sale and cannot be returned." };
  if (line.quantity - line.returnedQuantity <= 0) return { code: "already_returned", reason: line.quantity > 1 ? "All of these have already been returned." : "This item has already been returned." };
  if (windowClosesAt === null || line.fulfillmentLineItemId === null) return { code: "not_shipped", reason: "This item has not been shipped yet, so there is nothing to return." };
  if (!windowOpen) return { code: "window_closed", closedAt: windowClosesAt, reason: `The return window closed on ${formatDay(windowClosesAt)}.` };
  return null;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "14 March 2025", in UTC, the same on every server. */
export function formatDay(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

// ---------------------------------------------------------------------------------------------
// A shopper's request: checked against what can be returned, then decided

export type ReturnRequest = {
  reason: ReturnReason;
  lines: { lineItemId: string; quantity: number }[];
};

export type RequestProblem = { lineItemId: string | null; message: string };

/** Whether the lines asked for can be returned in those quantities; every problem is listed. */
export function checkReturnRequest(request: ReturnRequest, returnability: Returnability): { ok: true } | { ok: false; problems: RequestProblem[] } {
  const problems: RequestProblem[] = [];
  if (request.lines.length === 0) problems.push({ lineItemId: null, message: "Choose at least one item to return." });
  const returnable = new Map(returnability.returnable.map((line) => [line.lineItemId, line]));
  const excluded = new Map(returnability.excluded.map((line) => [line.lineItemId, line]));
  const seen = new Set<string>();
  for (const line of request.lines) {
    if (seen.has(line.lineItemId)) {
      problems.push({ lineItemId: line.lineItemId, message: "The same item is listed twice." });
      continue;
    }
    seen.add(line.lineItemId);
    const allowed = returnable.get(line.lineItemId);
    const blocked = excluded.get(line.lineItemId);
    if (!Number.isInteger(line.quantity) || line.quantity < 1) problems.push({ lineItemId: line.lineItemId, message: "The quantity to return is a whole number, at least 1." });
    else if (blocked) problems.push({ lineItemId: line.lineItemId, message: blocked.reason });
    else if (!allowed) problems.push({ lineItemId: line.lineItemId, message: "This item is not part of the order." });
    else if (line.quantity > allowed.quantity) problems.push({ lineItemId: line.lineItemId, message: `At most ${allowed.quantity} of “${allowed.title}” can be returned.` });
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

export type Goodwill = { kind: GoodwillKind; percent: number | null };

export type ReturnDecisionCode = "approved_prepaid_label" | "approved_shopper_postage" | "review_prepaid_label" | "review_shopper_postage";

export type ReturnDecision = {
  approval: "automatic" | "manual";
  labelPaidBy: "shop" | "customer";
  goodwill: Goodwill;
  shopFault: boolean;
  /** The decision in one code, for the UI to localise (the goodwill is in `goodwill`). */
  code: ReturnDecisionCode;
  /** Plain English, shown to the shopper before they submit. */
  explanation: string;
};

const APOLOGIES: Partial<Record<ReturnReason, string>> = {
  wrong_item: "We're sorry we sent you the wrong item.",
  damaged_in_transit: "We're sorry your order arrived damaged.",
  defective: "We're sorry the item is faulty.",
  not_as_described: "We're sorry the item wasn't as described.",
};

export function decideReturn(request: ReturnRequest, policy: ReturnPolicy): ReturnDecision {
  const rule = policy.reasons[request.reason];
  const approval = rule.autoApprove ? "automatic" : "manual";
  const labelPaidBy = rule.shopPays ? "shop" : "customer";
  const goodwill: Goodwill = { kind: rule.goodwill, percent: rule.goodwill === "discount_code" ? (rule.goodwillPercent ?? null) : null };
  const code: ReturnDecisionCode = `${approval === "automatic" ? "approved" : "review"}_${labelPaidBy === "shop" ? "prepaid_label" : "shopper_postage"}`;

  const sentences: string[] = [];
  const apology = APOLOGIES[request.reason];
  if (apology) sentences.push(apology);
  const items = request.lines.reduce((total, line) => total + line.quantity, 0) === 1 ? "the item" : "the items";
  if (approval === "automatic") {
    sentences.push(
      labelPaidBy === "shop"
        ? `Your return will be approved straight away and we'll email you a prepaid return label, so sending ${items} back costs you nothing.`
        : `Your return will be approved straight away and we'll email you instructions for sending ${items} back. The return postage is yours to pay.`,
    );
  } else {
    sentences.push(
      labelPaidBy === "shop"
        ? "Our team will look at your request first. Once it's approved, we'll email you a prepaid return label, so the postage costs you nothing."
        : `Our team will look at your request first. Once it's approved, we'll email you instructions for sending ${items} back. The return postage is yours to pay.`,
    );
  }
  const goodwillSentence = goodwillText(goodwill, approval);
  if (goodwillSentence) sentences.push(goodwillSentence);

  return { approval, labelPaidBy, goodwill, shopFault: isShopFault(request.reason), code, explanation: sentences.join(" ") };
}

function goodwillText(goodwill: Goodwill, approval: "automatic" | "manual"): string | null {
  const when = approval === "automatic" ? "" : " once your return is approved";
  switch (goodwill.kind) {
    case "discount_code":
      return goodwill.percent ? `As an apology, you'll also receive a ${goodwill.percent}% discount code for your next order${when}.` : null;
    case "free_shipping":
      return `As an apology, you'll also receive a code for free shipping on your next order${when}.`;
    case "replacement":
      return "If you'd like, we'll send you a replacement instead of a refund.";
    case "none":
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The policy form of the Settings page
//
// Fields: windowDays, excludedProductTags (comma-separated), and for each reason
// `<reason>.shopPays` and `<reason>.autoApprove` (checkboxes: "on" when ticked, absent when
// not), `<reason>.goodwill` and `<reason>.goodwillPercent` (needed for a discount code only).

export type PolicyFormResult = { ok: true; value: ReturnPolicy } | { ok: false; errors: Record<string, string> };

/** Each reason as the merchant reads it in the policy form and on the dashboard. */
export const REASON_LABELS: Record<ReturnReason, string> = {
  wrong_item: "Wrong item",
  damaged_in_transit: "Damaged in transit",
  defective: "Defective",
  not_as_described: "Not as described",
  size_or_fit: "Size or fit",
  changed_mind: "Changed mind",
  other: "Other",
};

export const MAX_WINDOW_DAYS = 365;
const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 255;

export function parseReturnPolicyForm(entries: Record<string, string>): PolicyFormResult {
  const errors: Record<string, string> = {};

  const windowText = (entries.windowDays ?? "").trim();
  const windowDays = Number(windowText);
  if (windowText === "") errors.windowDays = "Enter how many days shoppers have to start a return.";
  else if (!/^\d+$/.test(windowText)) errors.windowDays = "The return window is a whole number of days, for example 30.";
  else if (windowDays < 1 || windowDays > MAX_WINDOW_DAYS) errors.windowDays = `The return window is from 1 to ${MAX_WINDOW_DAYS} days.`;

  const tags = [
    ...new Map(
      (entries.excludedProductTags ?? "")
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean)
        .map((tag) => [normaliseTag(tag), tag]),
    ).values(),
  ];
  const longTag = tags.find((tag) => tag.length > MAX_TAG_LENGTH);
  if (longTag) errors.excludedProductTags = `A product tag can be at most ${MAX_TAG_LENGTH} characters (“${longTag.slice(0, 30)}…” is longer).`;
  else if (tags.length > MAX_TAGS) errors.excludedProductTags = `At most ${MAX_TAGS} final-sale tags.`;

  const reasons = {} as Record<ReturnReason, ReasonRule>;
  for (const reason of RETURN_REASONS) {
    const label = REASON_LABELS[reason];
    const goodwillText = (entries[`${reason}.goodwill`] ?? "none").trim() || "none";
    const goodwill = (GOODWILL_KINDS as readonly string[]).includes(goodwillText) ? (goodwillText as GoodwillKind) : null;
    if (goodwill === null) errors[`${reason}.goodwill`] = `${label}: choose no goodwill, a discount code, free shipping or a replacement.`;
    const rule: ReasonRule = { shopPays: isTicked(entries[`${reason}.shopPays`]), autoApprove: isTicked(entries[`${reason}.autoApprove`]), goodwill: goodwill ?? "none" };
    if (goodwill === "discount_code") {
      const percentText = (entries[`${reason}.goodwillPercent`] ?? "").trim();
      const percent = Number(percentText);
      if (percentText === "") errors[`${reason}.goodwillPercent`] = `${label}: enter the discount, as a percentage from 1 to 100.`;
      else if (!/^\d+$/.test(percentText) || percent < 1 || percent > 100) errors[`${reason}.goodwillPercent`] = `${label}: the discount is a whole percentage from 1 to 100.`;
      else rule.goodwillPercent = percent;
    }
    reasons[reason] = rule;
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { windowDays, excludedProductTags: tags, reasons } };
}

/** The policy as the form's fields, so the Settings page shows what is stored. */
export function returnPolicyFormEntries(policy: ReturnPolicy): Record<string, string> {
  const entries: Record<string, string> = { windowDays: String(policy.windowDays), excludedProductTags: policy.excludedProductTags.join(", ") };
  for (const reason of RETURN_REASONS) {
    const rule = policy.reasons[reason];
    if (rule.shopPays) entries[`${reason}.shopPays`] = "on";
    if (rule.autoApprove) entries[`${reason}.autoApprove`] = "on";
    entries[`${reason}.goodwill`] = rule.goodwill;
    if (rule.goodwillPercent !== undefined) entries[`${reason}.goodwillPercent`] = String(rule.goodwillPercent);
  }
  return entries;
}

function isTicked(value: string | undefined): boolean {
  return value === "on" || value === "true";
}
