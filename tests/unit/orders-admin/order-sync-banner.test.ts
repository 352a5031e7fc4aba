import { describe, expect, it } from "vitest";
import { type OrderSyncState, orderCount, syncBanner } from "~/orders/order-sync-banner";

const now = new Date("2026-11-20T10:00:00Z");
const state = (overrides: Partial<NonNullable<OrderSyncState>>): OrderSyncState => ({
  backfillStatus: "none",
  ordersApplied: 0,
  backfillSince: null,
  backfillStartedAt: null,
  backfillFinishedAt: null,
  lastReconciledAt: null,
  lastError: null,
  updatedAt: new Date("2026-11-20T09:59:00Z"),
  ...overrides,
});
const normalise = (lines: string[]) => lines.map((line) => line.replace(/\u202f/g, " "));

describe("the sync banner", () => {
  it("explains the first sync when none has run", () => {
    for (const never of [null, state({})]) {
      const banner = syncBanner(never, now, "UTC");
      expect(banner).toMatchObject({ status: "none", tone: "info", title: "Orders have not been synced yet", canSync: true });
      expect(banner.lines.join(" ")).toMatch(/last 60 days.*webhooks keep every order current/);
    }
  });

  it("shows a running backfill's progress", () => {
    const banner = syncBanner(
      state({ backfillStatus: "running", ordersApplied: 123, backfillSince: new Date("2026-09-21T00:00:00Z"), backfillStartedAt: new Date("2026-11-20T09:55:00Z") }),
      now,
      "UTC",
    );
    expect(banner).toMatchObject({ status: "running", tone: "info", title: "Syncing orders from Shopify", canSync: false });
    expect(normalise(banner.lines)).toEqual([
      "123 orders so far, bringing in orders placed since Sep 21, 2026.",
      "Started 5 minutes ago (Nov 20, 2026, 9:55 AM UTC).",
      "Orders appear here as they arrive; you can keep working meanwhile.",
    ]);
  });

  it("shows when a completed sync finished", () => {
    const banner = syncBanner(
      state({ backfillStatus: "completed", ordersApplied: 1, backfillFinishedAt: new Date("2026-11-19T08:30:00Z"), lastReconciledAt: new Date("2026-11-20T07:00:00Z") }),
      now,
      "UTC",
    );
    expect(banner).toMatchObject({ status: "completed", tone: "success", canSync: true });
    expect(normalise(banner.lines)).toEqual([
      "The last full sync finished on Nov 19, 2026, 8:30 AM UTC with 1 order. Webhooks keep them current.",
      "Last catch-up check with Shopify 3 hours ago.",
    ]);
  });

  it("shows a failed sync's error", () => {
    const banner = syncBanner(state({ backfillStatus: "failed", ordersApplied: 40, lastError: "Bulk operation FAILED: ACCESS_DENIED" }), now, "UTC");
    expect(banner).toMatchObject({ status: "failed", tone: "critical", title: "The order sync failed", canSync: true });
    expect(banner.lines).toEqual(["Error: Bulk operation FAILED: ACCESS_DENIED", "40 orders had been synced before it stopped. New orders still arrive through webhooks."]);
  });

  it("names a status it does not know instead of failing", () => {
    expect(syncBanner(state({ backfillStatus: "paused_by_support" }), now, "UTC")).toMatchObject({ status: "unknown", tone: "warning", title: "Order sync: paused by support" });
  });

  it("stamps the banner with the sync record's last change, so the page can tell a requested sync began", () => {
    expect(syncBanner(null, now, "UTC").stamp).toBe("none");
    expect(syncBanner(state({ backfillStatus: "completed" }), now, "UTC").stamp).toBe("2026-11-20T09:59:00.000Z");
  });

  it("counts orders in English", () => {
    expect(orderCount(0)).toBe("0 orders");
    expect(orderCount(1)).toBe("1 order");
    expect(orderCount(12345)).toBe("12,345 orders");
  });
});
