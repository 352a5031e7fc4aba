import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dailySeries, dashboardFigures, dispatchDistribution, emptyAggregates, figureChange, giftCostCents, histogramMedian, mergeHistograms, ratio, returnsByReason, type PeriodAggregates } from "./indicators";

describe("histogramMedian", () => {
  it("is the middle value, or the mean of the two middle values", () => {
    expect(histogramMedian([{ minutes: 10, count: 1 }, { minutes: 30, count: 1 }, { minutes: 20, count: 1 }])).toBe(20);
    expect(histogramMedian([{ minutes: 30, count: 1 }, { minutes: 45, count: 1 }])).toBe(37.5);
    expect(histogramMedian([{ minutes: 5, count: 3 }, { minutes: 500, count: 1 }])).toBe(5);
    expect(histogramMedian([])).toBeNull();
    expect(histogramMedian([{ minutes: 5, count: 0 }])).toBeNull();
  });

  it("agrees with the median of the values the histogram counts", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 200 }), (values) => {
        const sorted = values.toSorted((a, b) => a - b);
        const middle = sorted.length / 2;
        const expected = sorted.length % 2 === 1 ? sorted[Math.floor(middle)] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
        const histogram = mergeHistograms(values.map((minutes) => ({ minutes, count: 1 })));
        expect(histogramMedian(histogram)).toBe(expected);
      }),
    );
  });
});

describe("dispatchDistribution", () => {
  it("puts each time in its bucket, a bound in the bucket above", () => {
    const histogram = [0, 239, 240, 479, 480, 1439, 1440, 2879, 2880, 4319, 4320, 99_999].map((minutes) => ({ minutes, count: 1 }));
    expect(dispatchDistribution(histogram).map((bucket) => [bucket.id, bucket.count])).toEqual([
      ["under_4h", 2],
      ["4_8h", 2],
      ["8_24h", 2],
      ["1_2d", 2],
      ["2_3d", 2],
      ["over_3d", 2],
    ]);
  });
});

describe("the figures", () => {
  it("never divide by zero", () => {
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(0, 4)).toBe(0);
    const figures = dashboardFigures(emptyAggregates(), emptyAggregates(), { late: 0, unconfirmed: 0 }).flatMap((group) => group.figures);
    for (const figure of figures) expect(figure.value === null || Number.isFinite(figure.value)).toBe(true);
    expect(figures.find((figure) => figure.id === "return_rate")?.value).toBeNull();
    expect(figures.find((figure) => figure.id === "shop_fault_share")?.value).toBeNull();
  });

  it("compare with the previous period: points for shares, relative for the rest", () => {
    const current: PeriodAggregates = { ...emptyAggregates(), orders: 30, dispatch: { due: 10, onTime: 9, minutes: [] } };
    const previous: PeriodAggregates = { ...emptyAggregates(), orders: 20, dispatch: { due: 10, onTime: 8, minutes: [] } };
    const figures = dashboardFigures(current, previous, { late: 4, unconfirmed: 1 }).flatMap((group) => group.figures);
    const onTime = figures.find((figure) => figure.id === "on_time_dispatch");
    expect(onTime).toMatchObject({ value: 0.9, previous: 0.8 });
    expect(figureChange(onTime as NonNullable<typeof onTime>)?.amount).toBeCloseTo(10);
    const orders = figures.find((figure) => figure.id === "orders");
    expect(figureChange(orders as NonNullable<typeof orders>)).toEqual({ kind: "relative", amount: 0.5 });
    expect(figures.find((figure) => figure.id === "late_open")).toMatchObject({ value: 4, previous: null });
    expect(figureChange({ format: "count", value: 3, previous: 0 })).toBeNull();
  });

  it("count returns by the policy's reasons, unknown ones as other, with the shop's fault", () => {
    const rows = returnsByReason([{ reason: "defective", count: 2 }, { reason: "gremlins", count: 1 }, { reason: "other", count: 1 }]);
    expect(rows.find((row) => row.reason === "defective")).toMatchObject({ count: 2, shopFault: true });
    expect(rows.find((row) => row.reason === "other")).toMatchObject({ count: 2, shopFault: false });
  });

  it("add gift costs exactly, in cents", () => {
    expect(giftCostCents([{ cost: "0.1", count: 3 }, { cost: "0.2", count: 1 }, { cost: "12", count: 2 }, { cost: "n/a", count: 5 }])).toBe(2450);
  });

  it("fill the days without orders", () => {
    expect(dailySeries(["2026-11-01", "2026-11-02"], [{ date: "2026-11-02", count: 4 }])).toEqual([
      { date: "2026-11-01", count: 0 },
      { date: "2026-11-02", count: 4 },
    ]);
  });
});
