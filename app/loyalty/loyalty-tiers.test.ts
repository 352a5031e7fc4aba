// Loyalty tiers: which orders count, the tier and the next step, recalculation after a refund or
// cancellation, the metafield value the Function and the storefront read, and properties
// (more qualifying orders never lower the tier; dropping one never raises it).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_TIERS,
  LOYALTY_METAFIELD,
  loyaltyMetafieldChanged,
  loyaltyMetafieldValue,
  loyaltyStanding,
  loyaltyTierProblems,
  parseLoyaltyMetafieldValue,
  type LoyaltyOrder,
  type LoyaltyTier,
} from "./loyalty-tiers";

const now = new Date("2026-03-01T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const ALL_TIME = { days: null };

function order(index: number, overrides: Partial<LoyaltyOrder> = {}): LoyaltyOrder {
  return {
    orderId: `gid://shopify/Order/${index}`,
    paidAt: new Date(now.getTime() - (index + 1) * DAY),
    cancelledAt: null,
    refundedFully: false,
    total: "20.00",
    ...overrides,
  };
}

const orders = (count: number) => Array.from({ length: count }, (_, index) => order(index));

describe("DEFAULT_TIERS", () => {
  it("give 5% from the 2nd paid order and 10% from the 5th", () => {
    const tierAt = (count: number) => loyaltyStanding({ orders: orders(count) }, DEFAULT_TIERS, ALL_TIME, now).tier?.percent ?? 0;
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(tierAt)).toEqual([0, 0, 5, 5, 5, 10, 10, 10]);
  });

  it("are a valid tier list", () => {
    expect(loyaltyTierProblems(DEFAULT_TIERS)).toEqual([]);
  });
});

describe("loyaltyStanding", () => {
  it("reports no tier, no spend and the first tier one order away for a first-time customer", () => {
    expect(loyaltyStanding({ orders: [order(0, { total: "35.5" })] }, DEFAULT_TIERS, ALL_TIME, now)).toEqual({
      tier: null,
      paidOrders: 1,
      spend: "35.5",
      nextTier: DEFAULT_TIERS[0],
      ordersToNext: 1,
      spendToNext: null,
    });
  });

  it("adds totals exactly, whatever their number of decimals", () => {
    const history = { orders: [order(0, { total: "0.1" }), order(1, { total: "0.2" }), order(2, { total: "1000000000000.005" })] };
    expect(loyaltyStanding(history, DEFAULT_TIERS, ALL_TIME, now).spend).toBe("1000000000000.305");
  });

  it("leaves out unpaid, cancelled and fully refunded orders", () => {
    const history = {
      orders: [
        order(0),
        order(1, { paidAt: null }),
        order(2, { cancelledAt: new Date(now.getTime() - DAY) }),
        order(3, { refundedFully: true }),
        order(4, { total: "12.50" }),
      ],
    };
    const standing = loyaltyStanding(history, DEFAULT_TIERS, ALL_TIME, now);
    expect(standing.paidOrders).toBe(2);
    expect(standing.spend).toBe("32.50");
    expect(standing.tier?.name).toBe("Returning customer");
  });

  it("counts only the orders paid within the period", () => {
    const history = { orders: [order(0, { paidAt: new Date(now.getTime() - 364 * DAY) }), order(1, { paidAt: new Date(now.getTime() - 366 * DAY) })] };
    expect(loyaltyStanding(history, DEFAULT_TIERS, { days: 365 }, now).paidOrders).toBe(1);
    expect(loyaltyStanding(history, DEFAULT_TIERS, ALL_TIME, now).paidOrders).toBe(2);
    const onTheEdge = { orders: [order(0, { paidAt: new Date(now.getTime() - 365 * DAY) })] };
    expect(loyaltyStanding(onTheEdge, DEFAULT_TIERS, { days: 365 }, now).paidOrders).toBe(1);
  });

  it("goes down a tier when an order is refunded in full, and again when another is cancelled", () => {
    const history = orders(5);
    expect(loyaltyStanding({ orders: history }, DEFAULT_TIERS, ALL_TIME, now).tier?.percent).toBe(10);

    const refunded = history.map((o, i) => (i === 0 ? { ...o, refundedFully: true } : o));
    const afterRefund = loyaltyStanding({ orders: refunded }, DEFAULT_TIERS, ALL_TIME, now);
    expect(afterRefund).toMatchObject({ paidOrders: 4, tier: { percent: 5 }, nextTier: { percent: 10 }, ordersToNext: 1 });

    const cancelled = refunded.map((o, i) => (i >= 1 && i <= 3 ? { ...o, cancelledAt: now } : o));
    const afterCancel = loyaltyStanding({ orders: cancelled }, DEFAULT_TIERS, ALL_TIME, now);
    expect(afterCancel).toMatchObject({ paidOrders: 1, tier: null, nextTier: { percent: 5 }, ordersToNext: 1 });
  });

  it("has no next tier at the top", () => {
    expect(loyaltyStanding({ orders: orders(9) }, DEFAULT_TIERS, ALL_TIME, now)).toMatchObject({ tier: { percent: 10 }, nextTier: null, ordersToNext: null, spendToNext: null });
  });

  it("needs every threshold a tier sets, and says how much spend is missing", () => {
    const tiers: LoyaltyTier[] = [{ name: "Gold", minPaidOrders: 3, minSpend: "150", percent: 15 }];
    const threeSmallOrders = loyaltyStanding({ orders: orders(3) }, tiers, ALL_TIME, now);
    expect(threeSmallOrders).toMatchObject({ tier: null, spend: "60.00", ordersToNext: 0, spendToNext: "90.00" });
    const enough = loyaltyStanding({ orders: [order(0, { total: "100" }), order(1, { total: "30" }), order(2, { total: "20.00" })] }, tiers, ALL_TIME, now);
    expect(enough.tier?.name).toBe("Gold");
  });

  it("picks the best reached tier whatever the list order, and the smallest step up as next", () => {
    const tiers: LoyaltyTier[] = [
      { name: "Platinum", minPaidOrders: 10, percent: 20 },
      { name: "Gold", minPaidOrders: 5, percent: 10 },
      { name: "Bronze", minPaidOrders: 1, percent: 3 },
      { name: "Silver", minPaidOrders: 3, percent: 5 },
    ];
    const standing = loyaltyStanding({ orders: orders(4) }, tiers, ALL_TIME, now);
    expect(standing.tier?.name).toBe("Silver");
    expect(standing.nextTier?.name).toBe("Gold");
    expect(standing.ordersToNext).toBe(1);
  });

  it("ignores tiers that are not valid rather than granting them", () => {
    const tiers: LoyaltyTier[] = [
      { name: "Broken", minPaidOrders: 1, percent: 150 },
      { name: "Broken spend", minSpend: "lots", percent: 50 },
      { name: "Fine", minPaidOrders: 1, percent: 5 },
    ];
    expect(loyaltyStanding({ orders: orders(1) }, tiers, ALL_TIME, now).tier?.name).toBe("Fine");
  });

  it("adds nothing for a total that is not an amount but still counts the order", () => {
    const standing = loyaltyStanding({ orders: [order(0, { total: "n/a" }), order(1, { total: "5" })] }, DEFAULT_TIERS, ALL_TIME, now);
    expect(standing).toMatchObject({ paidOrders: 2, spend: "5" });
  });
});

describe("loyaltyTierProblems", () => {
  it("names each problem in plain English", () => {
    expect(
      loyaltyTierProblems([
        { name: "", percent: 5 },
        { name: "Gold", minPaidOrders: 0, percent: 0 },
        { name: "gold", minSpend: "1,000", percent: 10 },
      ]),
    ).toEqual([
      "Every tier needs a name.",
      "Gold: the discount must be more than 0% and at most 100%.",
      "Gold: the number of orders must be a whole number of at least 1.",
      'Two tiers are called "gold".',
      "gold: the spend must be an amount such as 100 or 99.50.",
    ]);
  });
});

describe("the loyalty metafield", () => {
  it("is the app-owned customer metafield $app:aftercare / loyalty, of type json", () => {
    expect(LOYALTY_METAFIELD).toEqual({ namespace: "$app:aftercare", key: "loyalty", type: "json" });
  });

  it("holds the tier, its percent and the next step, and reads back the same", () => {
    const standing = loyaltyStanding({ orders: orders(3) }, DEFAULT_TIERS, ALL_TIME, now);
    const value = loyaltyMetafieldValue(standing, now);
    expect(value).toEqual({
      version: 1,
      tier: "Returning customer",
      percent: 5,
      paidOrders: 3,
      nextTier: "Loyal customer",
      nextPercent: 10,
      ordersToNext: 2,
      updatedAt: "2026-03-01T12:00:00.000Z",
    });
    expect(parseLoyaltyMetafieldValue(JSON.stringify(value))).toEqual(value);
  });

  it("has percent 0 and no updatedAt when there is no tier and no time is given", () => {
    const value = loyaltyMetafieldValue(loyaltyStanding({ orders: [] }, DEFAULT_TIERS, ALL_TIME, now));
    expect(value).toEqual({ version: 1, tier: null, percent: 0, paidOrders: 0, nextTier: "Returning customer", nextPercent: 5, ordersToNext: 2 });
    expect("updatedAt" in value).toBe(false);
  });

  it("reads nothing from a value that is not JSON or not of this shape", () => {
    for (const text of [null, "", "{", "[]", '{"version":2,"tier":null,"percent":5}', '{"version":1,"tier":"X","percent":"5"}']) {
      expect(parseLoyaltyMetafieldValue(text)).toBeNull();
    }
  });

  it("counts as changed only when something other than updatedAt differs", () => {
    const value = loyaltyMetafieldValue(loyaltyStanding({ orders: orders(2) }, DEFAULT_TIERS, ALL_TIME, now), now);
    expect(loyaltyMetafieldChanged(null, value)).toBe(true);
    expect(loyaltyMetafieldChanged(value, { ...value, updatedAt: new Date(now.getTime() + DAY).toISOString() })).toBe(false);
    expect(loyaltyMetafieldChanged(value, { ...value, paidOrders: 3 })).toBe(true);
  });
});

describe("properties", () => {
  const arbitraryOrder = fc.record({
    orderId: fc.uuid(),
    paidAt: fc.option(fc.date({ min: new Date(now.getTime() - 800 * DAY), max: now, noInvalidDate: true }), { nil: null }),
    cancelledAt: fc.option(fc.constant(now), { nil: null, freq: 5 }),
    refundedFully: fc.boolean(),
    total: fc.bigInt({ min: 0n, max: 100_000n }).map((cents) => `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`),
  });
  const arbitraryTiers = fc.array(
    fc.record(
      {
        name: fc.string({ minLength: 1, maxLength: 8 }),
        minPaidOrders: fc.integer({ min: 1, max: 12 }),
        minSpend: fc.integer({ min: 0, max: 2000 }).map(String),
        percent: fc.integer({ min: 1, max: 100 }),
      },
      { requiredKeys: ["name", "percent"] },
    ),
    { maxLength: 5 },
  );
  const arbitraryPeriod = fc.oneof(fc.constant({ days: null }), fc.integer({ min: 1, max: 730 }).map((days) => ({ days })));
  const percentOf = (standing: { tier: LoyaltyTier | null }) => standing.tier?.percent ?? 0;

  it("one more qualifying order never lowers the tier", () => {
    fc.assert(
      fc.property(fc.array(arbitraryOrder, { maxLength: 15 }), arbitraryOrder, arbitraryTiers, arbitraryPeriod, (history, extra, tiers, period) => {
        const qualifying = { ...extra, paidAt: now, cancelledAt: null, refundedFully: false };
        const before = loyaltyStanding({ orders: history }, tiers, period, now);
        const after = loyaltyStanding({ orders: [...history, qualifying] }, tiers, period, now);
        expect(after.paidOrders).toBe(before.paidOrders + 1);
        expect(percentOf(after)).toBeGreaterThanOrEqual(percentOf(before));
      }),
    );
  });

  it("refunding or cancelling an order never raises the tier", () => {
    fc.assert(
      fc.property(fc.array(arbitraryOrder, { minLength: 1, maxLength: 15 }), fc.nat(), fc.boolean(), arbitraryTiers, arbitraryPeriod, (history, pick, refund, tiers, period) => {
        const index = pick % history.length;
        const changed = history.map((o, i) => (i !== index ? o : refund ? { ...o, refundedFully: true } : { ...o, cancelledAt: now }));
        const before = loyaltyStanding({ orders: history }, tiers, period, now);
        const after = loyaltyStanding({ orders: changed }, tiers, period, now);
        expect(percentOf(after)).toBeLessThanOrEqual(percentOf(before));
      }),
    );
  });

  it("the next tier, when there is one, gives more than the current tier and is not reached", () => {
    fc.assert(
      fc.property(fc.array(arbitraryOrder, { maxLength: 15 }), arbitraryTiers, arbitraryPeriod, (history, tiers, period) => {
        const standing = loyaltyStanding({ orders: history }, tiers, period, now);
        if (!standing.nextTier) return;
        expect(standing.nextTier.percent).toBeGreaterThan(percentOf(standing));
        expect(standing.ordersToNext === null || standing.ordersToNext >= 0).toBe(true);
        expect((standing.ordersToNext ?? 0) > 0 || (standing.spendToNext !== null && standing.spendToNext !== "0" && !/^0(\.0+)?$/.test(standing.spendToNext))).toBe(true);
      }),
    );
  });
});
