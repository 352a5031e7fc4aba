import { describe, expect, it } from "vitest";
import {
  cancelReasonLabel,
  compareIds,
  fulfillmentBadge,
  humanize,
  latestShipment,
  paymentBadge,
  shipmentBadge,
  shopifyAdminOrderUrl,
  sourceLabel,
  trackingLink,
} from "~/orders/order-labels";

describe("payment and fulfillment badges", () => {
  it("names every payment status the filters offer, with a tone where it needs attention", () => {
    expect(paymentBadge("paid")).toEqual({ label: "Paid", progress: "complete" });
    expect(paymentBadge("pending")).toEqual({ label: "Payment pending", tone: "warning", progress: "incomplete" });
    expect(paymentBadge("refunded").label).toBe("Refunded");
    expect(paymentBadge("PARTIALLY_REFUNDED").label).toBe("Partially refunded");
    expect(paymentBadge("voided").label).toBe("Voided");
    expect(paymentBadge(null)).toEqual({ label: "Payment unknown" });
    expect(paymentBadge("some_new_status")).toEqual({ label: "Some new status" });
  });

  it("reads an empty fulfillment status as unfulfilled", () => {
    expect(fulfillmentBadge(null)).toEqual({ label: "Unfulfilled", tone: "attention", progress: "incomplete" });
    expect(fulfillmentBadge("unfulfilled").label).toBe("Unfulfilled");
    expect(fulfillmentBadge("partial")).toEqual({ label: "Partially fulfilled", tone: "warning", progress: "partiallyComplete" });
    expect(fulfillmentBadge("fulfilled")).toEqual({ label: "Fulfilled", progress: "complete" });
    expect(fulfillmentBadge("on_hold").label).toBe("On hold");
  });
});

describe("shipments", () => {
  it("shows the carrier's latest status, else what the fulfillment says", () => {
    expect(shipmentBadge({ status: "success", shipmentStatus: "in_transit" })).toEqual({ label: "In transit", tone: "info" });
    expect(shipmentBadge({ status: "success", shipmentStatus: "delivered" })).toEqual({ label: "Delivered", tone: "success" });
    expect(shipmentBadge({ status: "success", shipmentStatus: "failure" })).toEqual({ label: "Delivery failed", tone: "critical" });
    expect(shipmentBadge({ status: "success", shipmentStatus: null })).toEqual({ label: "Dispatched" });
    expect(shipmentBadge({ status: "open", shipmentStatus: null })).toEqual({ label: "Awaiting dispatch" });
    expect(shipmentBadge({ status: "cancelled", shipmentStatus: "in_transit" })).toEqual({ label: "Cancelled" });
    expect(shipmentBadge({ status: "success", shipmentStatus: "lost_at_sea" })).toEqual({ label: "Lost at sea" });
  });

  it("picks the newest fulfillment that was not cancelled, else the newest", () => {
    const parcel = (fulfillmentId: string, createdAt: string, status = "success") => ({ fulfillmentId, status, createdAt: new Date(createdAt) });
    const first = parcel("1", "2026-11-01T10:00:00Z");
    const second = parcel("2", "2026-11-02T10:00:00Z");
    const cancelled = parcel("3", "2026-11-03T10:00:00Z", "cancelled");
    expect(latestShipment([second, first])).toBe(second);
    expect(latestShipment([first, cancelled, second])).toBe(second);
    expect(latestShipment([cancelled])).toBe(cancelled);
    expect(latestShipment([])).toBeNull();
    // Same moment: the larger id is the newer.
    const sameTimeA = parcel("9", "2026-11-05T10:00:00Z");
    const sameTimeB = parcel("10", "2026-11-05T10:00:00Z");
    expect(latestShipment([sameTimeB, sameTimeA])).toBe(sameTimeB);
  });
});

describe("words", () => {
  it("explains cancel reasons and sources in plain English", () => {
    expect(cancelReasonLabel("customer")).toBe("customer");
    expect(cancelReasonLabel("INVENTORY")).toBe("out of stock");
    expect(cancelReasonLabel("declined")).toBe("payment declined");
    expect(cancelReasonLabel("new_reason")).toBe("new reason");
    expect(sourceLabel("webhook")).toBe("Shopify webhook");
    expect(sourceLabel("backfill")).toBe("First sync (backfill)");
    expect(sourceLabel("reconciliation")).toBe("Catch-up check (reconciliation)");
    expect(sourceLabel("carrier_feed")).toBe("Carrier feed");
    expect(humanize("")).toBe("Unknown");
  });

  it("orders numeric ids as numbers", () => {
    expect(["10", "9", "100"].sort(compareIds)).toEqual(["9", "10", "100"]);
    expect(compareIds("12345678901234567890", "12345678901234567891")).toBeLessThan(0);
    expect(["b", "a"].sort(compareIds)).toEqual(["a", "b"]);
  });
});

describe("links", () => {
  it("opens the order in the Shopify admin of the right store", () => {
    expect(shopifyAdminOrderUrl("maison-lumen.myshopify.com", "5123456789")).toBe("https://admin.shopify.com/store/maison-lumen/orders/5123456789");
  });

  it("follows only http(s) tracking links", () => {
    expect(trackingLink("https://www.laposte.fr/outils/suivre-vos-envois?code=6A123")).toBe("https://www.laposte.fr/outils/suivre-vos-envois?code=6A123");
    expect(trackingLink("javascript:alert(1)")).toBeNull();
    expect(trackingLink("not a url")).toBeNull();
    expect(trackingLink(null)).toBeNull();
  });
});
