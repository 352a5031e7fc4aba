// Discount codes: the readable code format, and the single-customer DiscountCodeBasicInput
// checked field by field against Shopify's real Admin API 2026-10 schema (coerceInputValue), so
// a misspelled, missing or deprecated field fails here rather than in a merchant's shop.
import fc from "fast-check";
import {
  coerceInputValue,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { loadAdminSchema } from "../../tests/admin-api/schema";
import { CODE_ALPHABET, generateDiscountCode, singleCustomerCodeInput, type SingleCustomerCode } from "./discount-codes";

/** A random source that replays the given values in turn. */
const replay = (values: number[]) => {
  let index = 0;
  return () => values[index++ % values.length] ?? 0;
};

describe("generateDiscountCode", () => {
  it("is the prefix and two groups of four unambiguous characters", () => {
    expect(generateDiscountCode("thanks", replay([0]))).toBe("THANKS-AAAA-AAAA");
    expect(generateDiscountCode("Thanks!", replay([0.9999999]))).toBe("THANKS-9999-9999");
    const step = 1 / CODE_ALPHABET.length;
    expect(generateDiscountCode("", replay([0, step, 2 * step, 3 * step, 30 * step, 29 * step, 28 * step, 27 * step]))).toBe("ABCD-9876");
  });

  it("never uses 0, O, 1, I or L, and the alphabet has 31 characters", () => {
    expect(CODE_ALPHABET).toHaveLength(31);
    expect(new Set(CODE_ALPHABET).size).toBe(31);
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 8 }), (prefix, values) => {
        const code = generateDiscountCode(prefix, replay(values));
        expect(code).toMatch(/^(?:[A-Z0-9]{1,20}-)?[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
      }),
    );
  });

  it("keeps a value of exactly 1 or below 0 inside the alphabet, and refuses NaN", () => {
    expect(generateDiscountCode("X", replay([1]))).toBe("X-9999-9999");
    expect(generateDiscountCode("X", replay([-0.5]))).toBe("X-AAAA-AAAA");
    expect(() => generateDiscountCode("X", () => Number.NaN)).toThrow(RangeError);
  });

  it("cuts a long prefix to 20 characters", () => {
    expect(generateDiscountCode("a".repeat(40), replay([0])).split("-")[0]).toBe("A".repeat(20));
  });
});

const base: SingleCustomerCode = {
  title: "Thank you, Ada",
  code: "THANKS-7K3M-Q9XP",
  percent: 10,
  customerGid: "gid://shopify/Customer/7001",
  startsAt: new Date("2026-03-01T10:00:00Z"),
  endsAt: new Date("2026-03-31T10:00:00Z"),
};

const inputType = () => {
  const type = loadAdminSchema().getType("DiscountCodeBasicInput");
  if (!type || !isInputObjectType(type)) throw new Error("DiscountCodeBasicInput is missing from the Admin schema");
  return type;
};

/** Shopify's coercion errors for a value of the given input type (empty when it is accepted). */
function coercionErrors(value: unknown, type: GraphQLInputType): string[] {
  const errors: string[] = [];
  coerceInputValue(value, type, (path, _invalid, error) => errors.push(`${path.join(".")}: ${error.message}`));
  return errors;
}

/** Paths of every deprecated input field the value sets. */
function deprecatedFields(value: unknown, type: GraphQLInputType, path: string[] = []): string[] {
  const unwrapped = isNonNullType(type) ? type.ofType : type;
  if (isListType(unwrapped)) return Array.isArray(value) ? value.flatMap((item, i) => deprecatedFields(item, unwrapped.ofType, [...path, String(i)])) : [];
  const named = getNamedType(unwrapped);
  if (!isInputObjectType(named) || typeof value !== "object" || value === null) return [];
  const fields = named.getFields();
  return Object.entries(value).flatMap(([key, child]) => {
    const field = fields[key];
    if (!field) return [];
    return [...(field.deprecationReason ? [[...path, key].join(".")] : []), ...deprecatedFields(child, field.type, [...path, key])];
  });
}

describe("singleCustomerCodeInput", () => {
  it("builds a once-only, expiring percentage code for one customer", () => {
    expect(singleCustomerCodeInput(base)).toEqual({
      title: "Thank you, Ada",
      code: "THANKS-7K3M-Q9XP",
      startsAt: "2026-03-01T10:00:00.000Z",
      endsAt: "2026-03-31T10:00:00.000Z",
      context: { customers: { add: ["gid://shopify/Customer/7001"] } },
      customerGets: { value: { percentage: 0.1 }, items: { all: true } },
      usageLimit: 1,
      appliesOncePerCustomer: true,
      combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: true },
    });
  });

  it("is a valid DiscountCodeBasicInput for the Admin API 2026-10, with no deprecated field", () => {
    const input = singleCustomerCodeInput(base);
    expect(coercionErrors(input, inputType())).toEqual([]);
    expect(deprecatedFields(input, inputType())).toEqual([]);
  });

  it("the schema check itself rejects a misspelled field and flags the deprecated customerSelection", () => {
    const input = singleCustomerCodeInput(base);
    expect(coercionErrors({ ...input, usageLimt: 1 }, inputType())).toEqual([expect.stringContaining('Field "usageLimt" is not defined by type "DiscountCodeBasicInput"')]);
    expect(coercionErrors({ ...input, customerGets: { value: { percentage: "10%" }, items: { all: true } } }, inputType())).toHaveLength(1);
    expect(deprecatedFields({ ...input, customerSelection: { all: true } }, inputType())).toEqual(["customerSelection"]);
  });

  it("turns the percent into Shopify's fraction without float noise", () => {
    const fraction = (percent: number) => singleCustomerCodeInput({ ...base, percent }).customerGets.value.percentage;
    expect([5, 7, 12.5, 29, 100].map(fraction)).toEqual([0.05, 0.07, 0.125, 0.29, 1]);
  });

  it("refuses input that Shopify would reject or that would open the code to everyone", () => {
    expect(() => singleCustomerCodeInput({ ...base, customerGid: "7001" })).toThrow(/not a customer id/);
    expect(() => singleCustomerCodeInput({ ...base, customerGid: "gid://shopify/Order/7001" })).toThrow(/not a customer id/);
    expect(() => singleCustomerCodeInput({ ...base, percent: 0 })).toThrow(/percent/);
    expect(() => singleCustomerCodeInput({ ...base, percent: 101 })).toThrow(/percent/);
    expect(() => singleCustomerCodeInput({ ...base, code: "  " })).toThrow(/empty/);
    expect(() => singleCustomerCodeInput({ ...base, endsAt: base.startsAt })).toThrow(/end after/);
  });

  it("falls back to the code as the title", () => {
    expect(singleCustomerCodeInput({ ...base, title: " " }).title).toBe("THANKS-7K3M-Q9XP");
  });
});
