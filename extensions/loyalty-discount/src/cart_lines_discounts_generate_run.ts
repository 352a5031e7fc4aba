// The loyalty tier discount, as a pure function of the Function input: when the discount may
// give order discounts and the buyer's customer metafield $app:aftercare.loyalty holds a tier
// percentage, that percentage off the order subtotal; otherwise no operation. A missing customer,
// a metafield that is not JSON or not of the app's shape (version 1, percent 0 < p <= 100) gives
// nothing and never throws: a Function that throws fails the buyer's checkout step.
// The metafield is written by the app (app/loyalty/loyalty-tiers.ts, loyaltyMetafieldValue);
// this file does not import it, because the Function is bundled on its own.

/** The input this target receives for src/cart_lines_discounts_generate_run.graphql. */
export type CartLinesDiscountsGenerateRunInput = {
  cart: {
    buyerIdentity?: {
      customer?: { loyalty?: { value: string } | null } | null;
    } | null;
  };
  discount: { discountClasses: readonly string[] };
};

export type OrderDiscountCandidate = {
  message: string;
  targets: { orderSubtotal: { excludedCartLineIds: string[] } }[];
  value: { percentage: { value: number } };
};

export type CartOperation = {
  orderDiscountsAdd: { candidates: OrderDiscountCandidate[]; selectionStrategy: "FIRST" | "MAXIMUM" };
};

/** The CartLinesDiscountsGenerateRunResult this Function returns. */
export type CartLinesDiscountsGenerateRunResult = { operations: CartOperation[] };

const NO_DISCOUNT: CartLinesDiscountsGenerateRunResult = { operations: [] };

export function cartLinesDiscountsGenerateRun(input: CartLinesDiscountsGenerateRunInput): CartLinesDiscountsGenerateRunResult {
  if (!input.discount?.discountClasses?.includes("ORDER")) return NO_DISCOUNT;
  const percent = loyaltyPercent(input.cart?.buyerIdentity?.customer?.loyalty?.value);
  if (percent === null) return NO_DISCOUNT;
  return {
    operations: [
      {
        orderDiscountsAdd: {
          candidates: [
            {
              message: `Loyalty ${percent}%`,
              targets: [{ orderSubtotal: { excludedCartLineIds: [] } }],
              value: { percentage: { value: percent } },
            },
          ],
          selectionStrategy: "FIRST",
        },
      },
    ],
  };
}

/** The tier percentage (rounded to two decimals) from the metafield's value, or null for none. */
export function loyaltyPercent(value: string | null | undefined): number | null {
  if (typeof value !== "string" || value === "") return null;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof json !== "object" || json === null) return null;
  const { version, percent } = json as { version?: unknown; percent?: unknown };
  if (version !== 1 || typeof percent !== "number" || !Number.isFinite(percent)) return null;
  const rounded = Math.round(percent * 100) / 100;
  return rounded > 0 && rounded <= 100 ? rounded : null;
}
