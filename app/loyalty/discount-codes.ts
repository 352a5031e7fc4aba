// Discount codes the app hands to one customer (a thank-you gift card, a goodwill code after a
// return): a code that is easy to read aloud and type (THANKS-7K3M-Q9XP), and the Admin API
// DiscountCodeBasicInput for a percentage off the whole order that only that customer can use,
// once, until it expires. Pure: the random source and the dates are parameters; the
// discountCodeBasicCreate call lives in a .server module.

/** Letters and digits that cannot be mistaken for one another: no 0/O, 1/I/L. */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const GROUPS = 2;
const GROUP_LENGTH = 4;
const MAX_PREFIX_LENGTH = 20;

/**
 * "THANKS-7K3M-Q9XP": the prefix in capitals (anything but A–Z and 0–9 dropped, at most 20
 * characters; left out when empty), then two groups of four characters. `random` returns a
 * number in [0, 1); pass a cryptographic source in production, since 31^8 (about 2^39.6)
 * codes is the whole space.
 */
export function generateDiscountCode(prefix: string, random: () => number): string {
  const cleanPrefix = prefix
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .slice(0, MAX_PREFIX_LENGTH);
  const groups = Array.from({ length: GROUPS }, () => Array.from({ length: GROUP_LENGTH }, () => CODE_ALPHABET[pick(random(), CODE_ALPHABET.length)]).join(""));
  return [...(cleanPrefix ? [cleanPrefix] : []), ...groups].join("-");
}

function pick(value: number, size: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`the random source returned ${value}, not a number in [0, 1)`);
  return Math.min(size - 1, Math.max(0, Math.floor(value * size)));
}

export type SingleCustomerCode = {
  title: string;
  code: string;
  /** Percent off the order, more than 0 and at most 100 (5 for 5%). */
  percent: number;
  /** gid://shopify/Customer/… */
  customerGid: string;
  startsAt: Date;
  endsAt: Date;
};

/** The fields of the Admin API 2026-10 DiscountCodeBasicInput this app sets. */
export type DiscountCodeBasicInput = {
  title: string;
  code: string;
  startsAt: string;
  endsAt: string;
  context: { customers: { add: string[] } };
  customerGets: { value: { percentage: number }; items: { all: true } };
  usageLimit: number;
  appliesOncePerCustomer: boolean;
  combinesWith: { orderDiscounts: boolean; productDiscounts: boolean; shippingDiscounts: boolean };
};

const CUSTOMER_GID = /^gid:\/\/shopify\/Customer\/\d+$/;

/**
 * The input for discountCodeBasicCreate: `percent`% off every item, for this customer only
 * (`context.customers`, not the deprecated `customerSelection`), redeemable once in total,
 * between startsAt and endsAt. It combines with shipping discounts but not with other order or
 * product discounts, so it never stacks on the loyalty tier discount. Throws on input that
 * Shopify would reject or that would make a code for everyone.
 */
export function singleCustomerCodeInput(code: SingleCustomerCode): DiscountCodeBasicInput {
  if (!CUSTOMER_GID.test(code.customerGid)) throw new RangeError(`not a customer id: ${code.customerGid}`);
  if (!(Number.isFinite(code.percent) && code.percent > 0 && code.percent <= 100)) throw new RangeError(`the percent must be more than 0 and at most 100, not ${code.percent}`);
  if (!code.code.trim()) throw new RangeError("the code is empty");
  if (!(code.endsAt.getTime() > code.startsAt.getTime())) throw new RangeError("the code must end after it starts");
  return {
    title: code.title.trim() || code.code.trim(),
    code: code.code.trim(),
    startsAt: code.startsAt.toISOString(),
    endsAt: code.endsAt.toISOString(),
    context: { customers: { add: [code.customerGid] } },
    // Shopify takes a fraction here (0.05 for 5%); rounding removes float noise such as 0.07000000000000001.
    customerGets: { value: { percentage: Math.round(code.percent * 100) / 10_000 }, items: { all: true } },
    usageLimit: 1,
    appliesOncePerCustomer: true,
    combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: true },
  };
}
