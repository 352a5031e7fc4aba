// Gift rules: each trigger, never twice, products only before packing starts, stock and monthly
// budget with a reason when skipped, the packer's note, the rule form; and properties where
// thresholds meet (order total at / just above / below the amount, n-th order boundaries,
// budget exactly used up).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchGiftRules, packerInstruction, parseGiftRuleForm, type GiftOrder, type GiftRule, type GiftUsage } from "./gift-rules";

function order(overrides: Partial<GiftOrder> = {}): GiftOrder {
  return {
    orderId: "gid://shopify/Order/1001",
    customerOrderNumber: 1,
    totalPrice: "42.00",
    customerTags: [],
    productIds: ["gid://shopify/Product/1"],
    fulfillmentStatus: "unfulfilled",
    cancelled: false,
    lateApologyRequested: false,
    ...overrides,
  };
}

function rule(overrides: Partial<GiftRule> = {}): GiftRule {
  return {
    id: "rule-1",
    name: "Pen for newcomers",
    active: true,
    trigger: { kind: "first_order" },
    gift: { kind: "packer_instruction", text: "branded pen" },
    stock: null,
    monthlyBudget: null,
    unitCost: "0.80",
    ...overrides,
  };
}

const noUsage: GiftUsage = { costThisMonth: {}, stockLeft: {}, alreadyGiven: new Set() };
const givenIds = (o: GiftOrder, rules: GiftRule[], usage: GiftUsage = noUsage) => matchGiftRules(o, rules, usage).given.map((g) => g.ruleId);

describe("matchGiftRules: triggers", () => {
  it("first_order: only the customer's first paid order", () => {
    const r = rule();
    expect(matchGiftRules(order(), [r], noUsage)).toEqual({
      given: [{ ruleId: "rule-1", gift: r.gift, reasonWords: "the customer's first order" }],
      skipped: [],
    });
    expect(matchGiftRules(order({ customerOrderNumber: 2 }), [r], noUsage)).toEqual({
      given: [],
      skipped: [{ ruleId: "rule-1", code: "not_triggered", why: "This is the customer's 2nd order, not their first." }],
    });
  });

  it("every_nth_order: the n-th, 2n-th, … orders", () => {
    const r = rule({ trigger: { kind: "every_nth_order", n: 3 } });
    expect([1, 2, 3, 4, 5, 6, 9, 10].filter((number) => givenIds(order({ customerOrderNumber: number }), [r]).length > 0)).toEqual([3, 6, 9]);
    expect(matchGiftRules(order({ customerOrderNumber: 6 }), [r], noUsage).given[0]?.reasonWords).toBe("the customer's 6th order (every 3rd order)");
    expect(matchGiftRules(order({ customerOrderNumber: 11 }), [r], noUsage).skipped[0]?.why).toBe("This is the customer's 11th order; the gift comes with every 3rd order.");
  });

  it("order_value_above: strictly above the amount, compared exactly", () => {
    const r = rule({ trigger: { kind: "order_value_above", amount: "50" } });
    expect(givenIds(order({ totalPrice: "50.00" }), [r])).toEqual([]);
    expect(givenIds(order({ totalPrice: "50.01" }), [r])).toEqual(["rule-1"]);
    expect(givenIds(order({ totalPrice: "50.001" }), [r])).toEqual(["rule-1"]);
    expect(givenIds(order({ totalPrice: "49.99" }), [r])).toEqual([]);
    // 0.1 + 0.2 style float traps: 0.30 is not above 0.3
    expect(givenIds(order({ totalPrice: "0.30" }), [rule({ trigger: { kind: "order_value_above", amount: "0.3" } })])).toEqual([]);
    expect(matchGiftRules(order({ totalPrice: "abc" }), [r], noUsage).skipped[0]).toEqual({ ruleId: "rule-1", code: "not_triggered", why: 'The order total "abc" is not an amount.' });
  });

  it("customer_tagged: the tag in any case", () => {
    const r = rule({ trigger: { kind: "customer_tagged", tag: "VIP" } });
    expect(givenIds(order({ customerTags: ["wholesale", " vip "] }), [r])).toEqual(["rule-1"]);
    expect(givenIds(order({ customerTags: ["VIPS"] }), [r])).toEqual([]);
  });

  it("late_order_apology: only when an apology was asked for", () => {
    const r = rule({ trigger: { kind: "late_order_apology" } });
    expect(givenIds(order({ lateApologyRequested: true }), [r])).toEqual(["rule-1"]);
    expect(givenIds(order(), [r])).toEqual([]);
  });

  it("products_bought: any one of the chosen products", () => {
    const r = rule({ trigger: { kind: "products_bought", productIds: ["gid://shopify/Product/7", "gid://shopify/Product/8"] } });
    expect(givenIds(order({ productIds: ["gid://shopify/Product/1", "gid://shopify/Product/8"] }), [r])).toEqual(["rule-1"]);
    expect(givenIds(order({ productIds: ["gid://shopify/Product/1"] }), [r])).toEqual([]);
  });
});

describe("matchGiftRules: limits", () => {
  it("leaves inactive rules out entirely", () => {
    expect(matchGiftRules(order(), [rule({ active: false })], noUsage)).toEqual({ given: [], skipped: [] });
  });

  it("gives nothing on a cancelled order", () => {
    expect(matchGiftRules(order({ cancelled: true }), [rule()], noUsage).skipped).toEqual([{ ruleId: "rule-1", code: "order_cancelled", why: "The order is cancelled." }]);
  });

  it("never gives a rule's gift twice for one order", () => {
    const usage = { ...noUsage, alreadyGiven: new Set(["rule-1"]) };
    expect(matchGiftRules(order(), [rule()], usage).skipped).toEqual([{ ruleId: "rule-1", code: "already_given", why: "This order already got this gift." }]);
  });

  it("adds a product only while nothing is fulfilled; other gifts still go to packed orders", () => {
    const addPen = rule({ id: "add", gift: { kind: "add_product", variantId: "gid://shopify/ProductVariant/5", notify: true } });
    const note = rule({ id: "note" });
    expect(givenIds(order(), [addPen, note])).toEqual(["add", "note"]);
    const partial = matchGiftRules(order({ fulfillmentStatus: "partial" }), [addPen, note], noUsage);
    expect(partial.given.map((g) => g.ruleId)).toEqual(["note"]);
    expect(partial.skipped).toEqual([{ ruleId: "add", code: "already_packing", why: "A product can only be added before anything is shipped, and this order is partly fulfilled." }]);
    expect(matchGiftRules(order({ fulfillmentStatus: "fulfilled" }), [addPen], noUsage).skipped[0]?.code).toBe("already_packing");
  });

  it("respects stock: the usage's count first, the rule's stock otherwise, null for no limit", () => {
    expect(matchGiftRules(order(), [rule({ stock: 0 })], noUsage).skipped).toEqual([{ ruleId: "rule-1", code: "out_of_stock", why: "The gift is out of stock." }]);
    expect(givenIds(order(), [rule({ stock: 10 })], { ...noUsage, stockLeft: { "rule-1": 1 } })).toEqual(["rule-1"]);
    expect(givenIds(order(), [rule({ stock: 10 })], { ...noUsage, stockLeft: { "rule-1": 0 } })).toEqual([]);
    expect(givenIds(order(), [rule({ stock: 0 })], { ...noUsage, stockLeft: { "rule-1": null } })).toEqual(["rule-1"]);
  });

  it("respects the monthly budget: up to exactly the budget, not a cent over", () => {
    const r = rule({ monthlyBudget: "10.00", unitCost: "2.50" });
    expect(givenIds(order(), [r], { ...noUsage, costThisMonth: { "rule-1": "7.50" } })).toEqual(["rule-1"]);
    expect(matchGiftRules(order(), [r], { ...noUsage, costThisMonth: { "rule-1": "7.51" } }).skipped).toEqual([
      { ruleId: "rule-1", code: "over_budget", why: "This month's budget would be exceeded: 7.51 of 10.00 spent, and one gift costs 2.50." },
    ]);
    expect(givenIds(order(), [r], noUsage)).toEqual(["rule-1"]);
    expect(matchGiftRules(order(), [r], { ...noUsage, costThisMonth: { "rule-1": "?" } }).skipped[0]?.code).toBe("over_budget");
  });

  it("skips a rule whose money fields are not amounts rather than guessing", () => {
    expect(matchGiftRules(order(), [rule({ unitCost: "two" })], noUsage).skipped[0]?.code).toBe("invalid_rule");
    expect(matchGiftRules(order(), [rule({ monthlyBudget: "1,000" })], noUsage).skipped[0]?.code).toBe("invalid_rule");
    expect(matchGiftRules(order(), [rule({ trigger: { kind: "every_nth_order", n: 0 } })], noUsage).skipped[0]?.code).toBe("not_triggered");
  });

  it("decides each rule on its own, in the rules' order", () => {
    const rules = [
      rule({ id: "a" }),
      rule({ id: "b", trigger: { kind: "order_value_above", amount: "100" } }),
      rule({ id: "c", trigger: { kind: "customer_tagged", tag: "vip" }, gift: { kind: "discount_card", percent: 10, validDays: 30 } }),
    ];
    const decision = matchGiftRules(order({ customerTags: ["VIP"] }), rules, noUsage);
    expect(decision.given.map((g) => g.ruleId)).toEqual(["a", "c"]);
    expect(decision.skipped.map((s) => s.ruleId)).toEqual(["b"]);
  });
});

describe("properties where thresholds meet", () => {
  const cents = (value: bigint) => `${value / 100n}.${(value % 100n).toString().padStart(2, "0")}`;
  /** The same amount written with 0–3 decimals ("50", "50.0", "50.00", "50.000") where exact. */
  const spellings = (value: bigint) => [cents(value), `${cents(value)}0`, ...(value % 100n === 0n ? [`${value / 100n}`] : [])];

  it("order_value_above: at the amount no gift, a cent above a gift, a cent below none", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.nat({ max: 2 }), fc.nat({ max: 2 }), (amount, a, b) => {
        const amountText = spellings(amount)[a % spellings(amount).length] ?? cents(amount);
        const r = rule({ trigger: { kind: "order_value_above", amount: amountText } });
        const at = spellings(amount)[b % spellings(amount).length] ?? cents(amount);
        expect(givenIds(order({ totalPrice: at }), [r])).toEqual([]);
        expect(givenIds(order({ totalPrice: cents(amount + 1n) }), [r])).toEqual(["rule-1"]);
        expect(givenIds(order({ totalPrice: cents(amount - 1n) }), [r])).toEqual([]);
      }),
    );
  });

  it("order_value_above: given exactly when the total is above the amount", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 12n }), (total, amount) => {
        const r = rule({ trigger: { kind: "order_value_above", amount: cents(amount) } });
        expect(givenIds(order({ totalPrice: cents(total) }), [r]).length === 1).toBe(total > amount);
      }),
    );
  });

  it("every_nth_order: around every multiple of n, only the multiple gets the gift", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), (n, k) => {
        const r = rule({ trigger: { kind: "every_nth_order", n } });
        const gets = (number: number) => givenIds(order({ customerOrderNumber: number }), [r]).length === 1;
        expect(gets(n * k)).toBe(true);
        if (n > 1) {
          expect(gets(n * k - 1)).toBe(false);
          expect(gets(n * k + 1)).toBe(false);
        }
      }),
    );
  });

  it("first_order: only order number 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (number) => {
        expect(givenIds(order({ customerOrderNumber: number }), [rule()]).length === 1).toBe(number === 1);
      }),
    );
  });

  it("monthly budget: given exactly when spent + unit cost is within the budget", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 0n, max: 10n ** 9n }), (spent, cost, budget) => {
        const r = rule({ monthlyBudget: cents(budget), unitCost: cents(cost) });
        const usage = { ...noUsage, costThisMonth: { "rule-1": cents(spent) } };
        expect(givenIds(order(), [r], usage).length === 1).toBe(spent + cost <= budget);
      }),
    );
  });
});

describe("packerInstruction", () => {
  it("tags the order and writes the note and packing-slip lines", () => {
    expect(packerInstruction("#1001", ["branded pen", "catalog"])).toEqual({
      tag: "aftercare-gift",
      noteLine: "Aftercare gift: add branded pen, catalog",
      packingSlipLine: "Gift for order #1001: please add branded pen, catalog",
    });
  });

  it("drops blank and repeated texts and keeps each on one line", () => {
    expect(packerInstruction("#1002", ["  branded\npen ", "", "Branded pen", "catalog"])?.noteLine).toBe("Aftercare gift: add branded pen, catalog");
  });

  it("is null when there is nothing to add", () => {
    expect(packerInstruction("#1003", [" ", ""])).toBeNull();
  });
});

describe("parseGiftRuleForm", () => {
  const form = (entries: Record<string, string>) => parseGiftRuleForm({ id: "rule-9", name: "VIP pen", active: "on", unitCost: "0.80", ...entries });

  it("reads a complete rule", () => {
    expect(form({ triggerKind: "order_value_above", triggerAmount: "75.50", giftKind: "add_product", giftVariantId: "4242", giftNotify: "on", stock: "40", monthlyBudget: "30" })).toEqual({
      ok: true,
      value: {
        id: "rule-9",
        name: "VIP pen",
        active: true,
        trigger: { kind: "order_value_above", amount: "75.50" },
        gift: { kind: "add_product", variantId: "gid://shopify/ProductVariant/4242", notify: true },
        stock: 40,
        monthlyBudget: "30",
        unitCost: "0.80",
      },
    });
  });

  it("reads each trigger and gift, with no limits when stock and budget are empty", () => {
    const parsed = form({ active: "", triggerKind: "products_bought", triggerProductIds: "gid://shopify/Product/1, 2\n2", giftKind: "discount_card", giftPercent: "15", giftValidDays: "30", unitCost: "" });
    expect(parsed).toEqual({
      ok: true,
      value: {
        id: "rule-9",
        name: "VIP pen",
        active: false,
        trigger: { kind: "products_bought", productIds: ["gid://shopify/Product/1", "gid://shopify/Product/2"] },
        gift: { kind: "discount_card", percent: 15, validDays: 30 },
        stock: null,
        monthlyBudget: null,
        unitCost: "0",
      },
    });
    expect(form({ triggerKind: "every_nth_order", triggerN: "3", giftKind: "packer_instruction", giftText: " branded  pen " })).toMatchObject({
      ok: true,
      value: { trigger: { kind: "every_nth_order", n: 3 }, gift: { kind: "packer_instruction", text: "branded pen" } },
    });
    expect(form({ triggerKind: "customer_tagged", triggerTag: "VIP", giftKind: "packer_instruction", giftText: "pen" })).toMatchObject({ ok: true, value: { trigger: { kind: "customer_tagged", tag: "VIP" } } });
    expect(form({ triggerKind: "late_order_apology", giftKind: "packer_instruction", giftText: "pen" })).toMatchObject({ ok: true, value: { trigger: { kind: "late_order_apology" } } });
    expect(form({ triggerKind: "first_order", giftKind: "packer_instruction", giftText: "pen" })).toMatchObject({ ok: true, value: { trigger: { kind: "first_order" } } });
  });

  it("says what is wrong with every field, in plain English", () => {
    expect(parseGiftRuleForm({ triggerKind: "", giftKind: "", stock: "-1", monthlyBudget: "1,000", unitCost: "cheap" })).toEqual({
      ok: false,
      errors: {
        id: "The rule has no id; reload the page and try again.",
        name: "Give the rule a name.",
        triggerKind: "Choose when the gift is given.",
        giftKind: "Choose the gift.",
        stock: "Enter how many gifts you have as a whole number, or leave it empty for no limit.",
        monthlyBudget: "Use a dot for decimals and no thousands separators, such as 1000 or 49.99.",
        unitCost: "Enter what one gift costs you, such as 2.50 (0 if nothing).",
      },
    });
  });

  it("checks the fields of the chosen trigger and gift", () => {
    const errorsOf = (entries: Record<string, string>) => {
      const result = form(entries);
      return result.ok ? {} : result.errors;
    };
    expect(errorsOf({ triggerKind: "every_nth_order", triggerN: "0", giftKind: "discount_card", giftPercent: "150", giftValidDays: "0" })).toEqual({
      triggerN: "Enter a whole number of orders from 1 to 1000 (3 gives a gift with every 3rd order).",
      giftPercent: "Enter a whole percentage from 1 to 100.",
      giftValidDays: "Enter how many days the code is valid, from 1 to 365.",
    });
    expect(errorsOf({ triggerKind: "order_value_above", triggerAmount: "0", giftKind: "add_product", giftVariantId: "gid://shopify/Product/1" })).toEqual({
      triggerAmount: "Enter an amount above 0; for every order, use “Every nth order” with 1.",
      giftVariantId: "Choose the product variant to add to the order.",
    });
    expect(errorsOf({ triggerKind: "order_value_above", triggerAmount: "12.3456", giftKind: "packer_instruction", giftText: "" })).toEqual({
      triggerAmount: "Enter the order total the gift starts above, such as 50 or 49.99.",
      giftText: "Write what the packer should put in the parcel, such as “branded pen”.",
    });
    expect(errorsOf({ triggerKind: "customer_tagged", triggerTag: "vip, gold", giftKind: "packer_instruction", giftText: "pen" })).toEqual({ triggerTag: "Enter one tag, without commas." });
    expect(errorsOf({ triggerKind: "products_bought", triggerProductIds: "gid://shopify/Collection/3", giftKind: "packer_instruction", giftText: "pen" })).toEqual({
      triggerProductIds: "Some products are not product ids; choose them again.",
    });
    expect(errorsOf({ triggerKind: "products_bought", triggerProductIds: " ", giftKind: "packer_instruction", giftText: "x".repeat(201) })).toEqual({
      triggerProductIds: "Choose at least one product.",
      giftText: "Keep the packer's note to 200 characters.",
    });
  });

  it("a parsed rule behaves as its form said", () => {
    const parsed = form({ triggerKind: "order_value_above", triggerAmount: "50", giftKind: "packer_instruction", giftText: "pen" });
    if (!parsed.ok) throw new Error("expected a rule");
    expect(givenIds(order({ totalPrice: "50.00" }), [parsed.value])).toEqual([]);
    expect(givenIds(order({ totalPrice: "50.01" }), [parsed.value])).toEqual(["rule-9"]);
  });
});
