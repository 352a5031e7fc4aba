import { describe, expect, it } from "vitest";
import { decodePart, emptyPart, encodePart, periodFromParts, sumParts, type DayPart } from "./day-parts";

const day = (changes: Partial<DayPart>): DayPart => ({ ...emptyPart(), ...changes });

describe("day parts", () => {
  it("count each customer once, by the last order of the period, and a repeat customer by more than one order so far", () => {
    // Customer A: orders on the 2nd and 5th (next: none). B: one order on the 3rd, the next on the 12th (after the period).
    // C: one order on the 4th, first ever, nothing after. D: an order on the 1st, first, the next on the 3rd.
    const parts = [
      day({ customers: { orders: 1, next: [{ next: "2026-11-03", count: 1 }], firstNext: [{ next: "2026-11-03", count: 1 }] } }), // D
      day({ customers: { orders: 1, next: [{ next: "2026-11-05", count: 1 }], firstNext: [{ next: "2026-11-05", count: 1 }] } }), // A, first
      day({ customers: { orders: 2, next: [{ next: "2026-11-12", count: 1 }, { next: null, count: 1 }], firstNext: [] } }), // B (not first), D's second
      day({ customers: { orders: 1, next: [{ next: null, count: 1 }], firstNext: [{ next: null, count: 1 }] } }), // C
      day({ customers: { orders: 1, next: [{ next: null, count: 1 }], firstNext: [] } }), // A's second
    ];
    const period = periodFromParts(parts, "2026-11-05", new Date("2026-11-06T00:00:00Z"));
    expect(period.customers).toEqual({ customers: 4, repeat: 3, orders: 6 });
    // The same days read as a period ending on the 4th: A's next (the 5th) is after it, so A's first order counts, as a single-order customer.
    expect(periodFromParts(parts.slice(0, 4), "2026-11-04", new Date("2026-11-06T00:00:00Z")).customers).toEqual({ customers: 4, repeat: 2, orders: 5 });
  });

  it("count orders not dispatched as due once their due time has passed", () => {
    const part = day({ dispatch: { dispatched: 3, onTime: 2, minutes: [{ minutes: 60, count: 3 }], pending: [{ dueMs: 1_000, count: 2 }, { dueMs: 5_000, count: 1 }] } });
    expect(periodFromParts([part], "2026-11-05", new Date(999)).dispatch.due).toBe(3);
    expect(periodFromParts([part], "2026-11-05", new Date(1_000)).dispatch.due).toBe(5);
    expect(periodFromParts([part], "2026-11-05", new Date(9_000)).dispatch).toEqual({ due: 6, onTime: 2, minutes: [{ minutes: 60, count: 3 }] });
  });

  it("add up counts, histograms and lists by key", () => {
    const a = day({ orders: 2, ordersPerDay: [{ date: "2026-11-01", count: 2 }], messages: [{ status: "sent", count: 2 }], delivery: { domestic: [{ minutes: 60, count: 1 }], region: [], international: [] } });
    const b = day({ orders: 3, ordersPerDay: [{ date: "2026-11-02", count: 3 }], messages: [{ status: "sent", count: 1 }, { status: "failed", count: 1 }], delivery: { domestic: [{ minutes: 60, count: 2 }, { minutes: 30, count: 1 }], region: [], international: [] } });
    const sum = sumParts([a, b]);
    expect(sum.orders).toBe(5);
    expect(sum.ordersPerDay).toEqual([{ date: "2026-11-01", count: 2 }, { date: "2026-11-02", count: 3 }]);
    expect(sum.messages).toEqual([{ status: "sent", count: 3 }, { status: "failed", count: 1 }]);
    expect(sum.delivery.domestic).toEqual([{ minutes: 30, count: 1 }, { minutes: 60, count: 3 }]);
    expect(sumParts([])).toEqual(emptyPart());
  });

  it("are stored as JSON and read back; anything else reads as nothing", () => {
    const part = day({ orders: 4, dispatch: { dispatched: 1, onTime: 1, minutes: [{ minutes: 5, count: 1 }], pending: [{ dueMs: 7, count: 2 }] }, confirmation: { needed: 1, confirmed: 1, withinSla: 0, minutes: [{ minutes: 25, count: 1 }] } });
    const stored = encodePart(part);
    expect(stored).toContain('"minutes":[5,1]');
    expect(decodePart(stored)).toEqual(part);
    expect(decodePart("")).toBeNull();
    expect(decodePart("{}")).toBeNull();
    expect(decodePart("[1,2]")).toBeNull();
  });
});
