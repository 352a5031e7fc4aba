// The return policy: which lines are returnable and why not, how a request is decided and
// explained, and the Settings form's validation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkReturnRequest,
  decideReturn,
  DEFAULT_RETURN_POLICY,
  isShopFault,
  parseReturnPolicyForm,
  RETURN_REASONS,
  returnableLines,
  returnPolicyFormEntries,
  type ReturnableOrder,
  type ReturnableOrderLine,
  type ReturnPolicy,
} from "./return-policy";

const DAY = 24 * 60 * 60 * 1000;
const delivered = new Date("2025-03-01T10:00:00Z");

function line(overrides: Partial<ReturnableOrderLine> = {}): ReturnableOrderLine {
  return { lineItemId: "gid://shopify/LineItem/1", fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", productTags: [], quantity: 1, returnedQuantity: 0, title: "Linen shirt", ...overrides };
}

function order(overrides: Partial<ReturnableOrder> = {}): ReturnableOrder {
  return { deliveredAt: delivered, fulfilledAt: new Date("2025-02-26T09:00:00Z"), lines: [line()], ...overrides };
}

describe("isShopFault", () => {
  it("is true for the four reasons that are the shop's mistake and false for the shopper's choices", () => {
    expect(RETURN_REASONS.filter(isShopFault)).toEqual(["wrong_item", "damaged_in_transit", "defective", "not_as_described"]);
  });
});

describe("the default policy", () => {
  it("has the shop pay, approve at once and offer 10% for shop-fault reasons, and nothing of that for the others", () => {
    for (const reason of RETURN_REASONS) {
      const rule = DEFAULT_RETURN_POLICY.reasons[reason];
      if (isShopFault(reason)) expect(rule).toEqual({ shopPays: true, autoApprove: true, goodwill: "discount_code", goodwillPercent: 10 });
      else expect(rule).toEqual({ shopPays: false, autoApprove: false, goodwill: "none" });
    }
    expect(DEFAULT_RETURN_POLICY.windowDays).toBe(30);
  });
});

describe("returnableLines", () => {
  it("counts the window from delivery: open on the last moment, closed just after", () => {
    const closesAt = new Date(delivered.getTime() + 30 * DAY);
    expect(returnableLines(order(), DEFAULT_RETURN_POLICY, closesAt).returnable).toHaveLength(1);

    const late = returnableLines(order(), DEFAULT_RETURN_POLICY, new Date(closesAt.getTime() + 1));
    expect(late.returnable).toEqual([]);
    expect(late.excluded).toEqual([{ lineItemId: "gid://shopify/LineItem/1", title: "Linen shirt", code: "window_closed", closedAt: closesAt, reason: "The return window closed on 31 March 2025." }]);
    expect(late.windowStartsFrom).toBe("delivery");
  });

  it("counts from fulfilment when there is no delivery date", () => {
    const fulfilledAt = new Date("2025-02-26T09:00:00Z");
    const result = returnableLines(order({ deliveredAt: null, fulfilledAt }), DEFAULT_RETURN_POLICY, new Date(fulfilledAt.getTime() + 31 * DAY));
    expect(result.windowStartsFrom).toBe("fulfillment");
    expect(result.windowClosesAt).toEqual(new Date(fulfilledAt.getTime() + 30 * DAY));
    expect(result.excluded[0]?.code).toBe("window_closed");
  });

  it("excludes everything of an order that has not shipped", () => {
    const result = returnableLines(order({ deliveredAt: null, fulfilledAt: null }), DEFAULT_RETURN_POLICY, delivered);
    expect(result.windowClosesAt).toBeNull();
    expect(result.excluded.map((excluded) => excluded.code)).toEqual(["not_shipped"]);
  });

  it("excludes final-sale products whatever the tag's case and separators, naming the tag", () => {
    const result = returnableLines(order({ lines: [line({ productTags: ["summer", "Final Sale"] })] }), DEFAULT_RETURN_POLICY, delivered);
    expect(result.excluded).toEqual([{ lineItemId: "gid://shopify/LineItem/1", title: "Linen shirt", code: "final_sale", tag: "final-sale", reason: "This item is final sale and cannot be returned." }]);
  });

  it("offers only the units not yet returned, and excludes a line returned in full", () => {
    const lines = [line({ lineItemId: "a", quantity: 3, returnedQuantity: 1 }), line({ lineItemId: "b", quantity: 2, returnedQuantity: 2 })];
    const result = returnableLines(order({ lines }), DEFAULT_RETURN_POLICY, delivered);
    expect(result.returnable).toEqual([{ lineItemId: "a", fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", title: "Linen shirt", quantity: 2 }]);
    expect(result.excluded).toEqual([{ lineItemId: "b", title: "Linen shirt", code: "already_returned", reason: "All of these have already been returned." }]);
  });

  it("excludes an unfulfilled line of a shipped order", () => {
    const result = returnableLines(order({ lines: [line({ fulfillmentLineItemId: null })] }), DEFAULT_RETURN_POLICY, delivered);
    expect(result.excluded[0]?.code).toBe("not_shipped");
  });

  it("puts every line in exactly one list, and never offers more than is left", () => {
    const lineArbitrary = fc.record({
      lineItemId: fc.uuid(),
      fulfillmentLineItemId: fc.option(fc.uuid(), { nil: null }),
      productTags: fc.array(fc.constantFrom("final-sale", "FINAL_SALE", "new", "gift")),
      quantity: fc.integer({ min: 1, max: 5 }),
      returnedQuantity: fc.integer({ min: 0, max: 6 }),
      title: fc.string(),
    });
    fc.assert(
      fc.property(
        fc.array(lineArbitrary, { maxLength: 8 }),
        fc.option(fc.date({ noInvalidDate: true }), { nil: null }),
        fc.integer({ min: -5, max: 60 }),
        fc.integer({ min: 1, max: 365 }),
        (lines, deliveredAt, daysLater, windowDays) => {
          const policy = { ...DEFAULT_RETURN_POLICY, windowDays };
          const now = new Date((deliveredAt ?? delivered).getTime() + daysLater * DAY);
          const result = returnableLines({ deliveredAt, fulfilledAt: null, lines }, policy, now);
          expect(result.returnable.length + result.excluded.length).toBe(lines.length);
          for (const returnable of result.returnable) {
            const source = lines.find((candidate) => candidate.lineItemId === returnable.lineItemId);
            expect(returnable.quantity).toBeGreaterThan(0);
            expect(returnable.quantity).toBe((source?.quantity ?? 0) - (source?.returnedQuantity ?? 0));
          }
          if (deliveredAt === null || daysLater > windowDays) expect(result.returnable).toEqual([]);
        },
      ),
    );
  });
});

describe("checkReturnRequest", () => {
  const returnability = returnableLines(
    order({ lines: [line({ lineItemId: "a", quantity: 2 }), line({ lineItemId: "b", productTags: ["final-sale"], title: "Scarf" })] }),
    DEFAULT_RETURN_POLICY,
    delivered,
  );

  it("accepts returnable lines within their quantities", () => {
    expect(checkReturnRequest({ reason: "defective", lines: [{ lineItemId: "a", quantity: 2 }] }, returnability)).toEqual({ ok: true });
  });

  it("lists every problem: too many, excluded, unknown, duplicated, none chosen", () => {
    const result = checkReturnRequest(
      {
        reason: "defective",
        lines: [
          { lineItemId: "a", quantity: 3 },
          { lineItemId: "b", quantity: 1 },
          { lineItemId: "zzz", quantity: 1 },
          { lineItemId: "a", quantity: 1 },
        ],
      },
      returnability,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { lineItemId: "a", message: "At most 2 of “Linen shirt” can be returned." },
        { lineItemId: "b", message: "This item is final sale and cannot be returned." },
        { lineItemId: "zzz", message: "This item is not part of the order." },
        { lineItemId: "a", message: "The same item is listed twice." },
      ],
    });
    expect(checkReturnRequest({ reason: "other", lines: [] }, returnability)).toEqual({ ok: false, problems: [{ lineItemId: null, message: "Choose at least one item to return." }] });
    expect(checkReturnRequest({ reason: "other", lines: [{ lineItemId: "a", quantity: 0 }] }, returnability).ok).toBe(false);
  });
});

describe("decideReturn", () => {
  const one = [{ lineItemId: "a", quantity: 1 }];

  it("approves a damaged parcel at once, with a prepaid label and a 10% code, and says so", () => {
    const decision = decideReturn({ reason: "damaged_in_transit", lines: one }, DEFAULT_RETURN_POLICY);
    expect(decision).toMatchObject({ approval: "automatic", labelPaidBy: "shop", goodwill: { kind: "discount_code", percent: 10 }, shopFault: true, code: "approved_prepaid_label" });
    expect(decision.explanation).toBe(
      "We're sorry your order arrived damaged. Your return will be approved straight away and we'll email you a prepaid return label, so sending the item back costs you nothing. As an apology, you'll also receive a 10% discount code for your next order.",
    );
  });

  it("sends a change of mind to review, at the shopper's cost, without goodwill", () => {
    const decision = decideReturn({ reason: "changed_mind", lines: [{ lineItemId: "a", quantity: 2 }] }, DEFAULT_RETURN_POLICY);
    expect(decision).toMatchObject({ approval: "manual", labelPaidBy: "customer", goodwill: { kind: "none", percent: null }, shopFault: false, code: "review_shopper_postage" });
    expect(decision.explanation).toBe("Our team will look at your request first. Once it's approved, we'll email you instructions for sending the items back. The return postage is yours to pay.");
  });

  it("follows a merchant's own rules: a prepaid label after review, free shipping once approved", () => {
    const policy: ReturnPolicy = { ...DEFAULT_RETURN_POLICY, reasons: { ...DEFAULT_RETURN_POLICY.reasons, size_or_fit: { shopPays: true, autoApprove: false, goodwill: "free_shipping" } } };
    const decision = decideReturn({ reason: "size_or_fit", lines: one }, policy);
    expect(decision.code).toBe("review_prepaid_label");
    expect(decision.explanation).toContain("prepaid return label");
    expect(decision.explanation).toContain("free shipping on your next order once your return is approved");
    expect(decision.explanation).not.toContain("sorry");
  });

  it("never promises a label the shop does not pay for, nor goodwill the policy does not give", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RETURN_REASONS),
        fc.record({ shopPays: fc.boolean(), autoApprove: fc.boolean(), goodwill: fc.constantFrom("none" as const, "discount_code" as const, "free_shipping" as const, "replacement" as const), goodwillPercent: fc.integer({ min: 1, max: 100 }) }),
        (reason, rule) => {
          const policy = { ...DEFAULT_RETURN_POLICY, reasons: { ...DEFAULT_RETURN_POLICY.reasons, [reason]: rule } };
          const decision = decideReturn({ reason, lines: one }, policy);
          expect(decision.explanation.includes("prepaid")).toBe(rule.shopPays);
          expect(decision.explanation.includes("straight away")).toBe(rule.autoApprove);
          expect(decision.explanation.includes("%")).toBe(rule.goodwill === "discount_code");
          expect(decision.explanation.includes("sorry")).toBe(isShopFault(reason));
        },
      ),
    );
  });
});

describe("parseReturnPolicyForm", () => {
  it("reads back what returnPolicyFormEntries wrote", () => {
    expect(parseReturnPolicyForm(returnPolicyFormEntries(DEFAULT_RETURN_POLICY))).toEqual({ ok: true, value: DEFAULT_RETURN_POLICY });
  });

  it("reads unticked checkboxes as false, trims and de-duplicates tags, and drops a percentage that is not used", () => {
    const entries: Record<string, string> = { ...returnPolicyFormEntries(DEFAULT_RETURN_POLICY), windowDays: " 14 ", excludedProductTags: "final-sale, Final Sale ,, clearance", "other.goodwill": "free_shipping", "other.goodwillPercent": "5" };
    delete entries["wrong_item.autoApprove"];
    const result = parseReturnPolicyForm(entries);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.windowDays).toBe(14);
    expect(result.value.excludedProductTags).toEqual(["Final Sale", "clearance"]);
    expect(result.value.reasons.wrong_item.autoApprove).toBe(false);
    expect(result.value.reasons.other).toEqual({ shopPays: false, autoApprove: false, goodwill: "free_shipping" });
  });

  it("explains each wrong field", () => {
    const result = parseReturnPolicyForm({ windowDays: "30.5", "defective.goodwill": "discount_code", "defective.goodwillPercent": "150", "other.goodwill": "cash", "wrong_item.goodwill": "discount_code" });
    expect(result).toEqual({
      ok: false,
      errors: {
        windowDays: "The return window is a whole number of days, for example 30.",
        "wrong_item.goodwillPercent": "Wrong item: enter the discount, as a percentage from 1 to 100.",
        "defective.goodwillPercent": "Defective: the discount is a whole percentage from 1 to 100.",
        "other.goodwill": "Other: choose no goodwill, a discount code, free shipping or a replacement.",
      },
    });
    expect(parseReturnPolicyForm({ windowDays: "" })).toMatchObject({ ok: false, errors: { windowDays: "Enter how many days shoppers have to start a return." } });
    expect(parseReturnPolicyForm({ windowDays: "400" })).toMatchObject({ ok: false, errors: { windowDays: "The return window is from 1 to 365 days." } });
  });
});
