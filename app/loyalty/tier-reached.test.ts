// When a recalculation counts as the customer reaching a tier (and so tells them): only a move up
// from what was recorded, only while loyalty is on.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newlyReachedTier } from "~/loyalty/loyalty.server";

const returning = { tier: "Returning customer", percent: 5 };
const loyal = { tier: "Loyal customer", percent: 10 };
const none = { tier: null, percent: 0 };

describe("newlyReachedTier", () => {
  it("reaches the first tier of a new member, and of a member recorded without a tier", () => {
    expect(newlyReachedTier(true, null, returning)).toEqual({ name: "Returning customer", percent: 5 });
    expect(newlyReachedTier(true, { percent: 0 }, returning)).toEqual({ name: "Returning customer", percent: 5 });
  });

  it("reaches a higher tier", () => {
    expect(newlyReachedTier(true, { percent: 5 }, loyal)).toEqual({ name: "Loyal customer", percent: 10 });
    expect(newlyReachedTier(true, { percent: 5 }, { tier: "Silver", percent: 7.5 })).toEqual({ name: "Silver", percent: 7.5 });
  });

  it("reaches nothing when the tier stays, even renamed", () => {
    expect(newlyReachedTier(true, { percent: 5 }, returning)).toBeNull();
    expect(newlyReachedTier(true, { percent: 5 }, { tier: "Regular", percent: 5 })).toBeNull();
  });

  it("reaches nothing when the tier drops, or goes", () => {
    expect(newlyReachedTier(true, { percent: 10 }, returning)).toBeNull();
    expect(newlyReachedTier(true, { percent: 5 }, none)).toBeNull();
    expect(newlyReachedTier(true, null, none)).toBeNull();
  });

  it("reaches nothing while loyalty is off", () => {
    expect(newlyReachedTier(false, null, returning)).toBeNull();
    expect(newlyReachedTier(false, { percent: 5 }, loyal)).toBeNull();
  });

  it("reaches a tier exactly when loyalty is on and the percentage rises", () => {
    const percent = fc.integer({ min: 0, max: 10_000 }).map((hundredths) => hundredths / 100);
    fc.assert(
      fc.property(fc.boolean(), fc.option(percent, { nil: null }), percent, (enabled, before, after) => {
        const standing = after === 0 ? none : { tier: `Tier ${after}`, percent: after };
        const reached = newlyReachedTier(enabled, before === null ? null : { percent: before }, standing);
        expect(reached !== null).toBe(enabled && after > (before ?? 0));
        if (reached) expect(reached).toEqual({ name: standing.tier, percent: after });
      }),
    );
  });
});
