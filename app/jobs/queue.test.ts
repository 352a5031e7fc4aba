import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AdminApiError } from "../shopify/admin-graphql.server";
import {
  DEFAULT_RETRY_POLICY,
  PermanentJobError,
  ShopUninstalledError,
  describeError,
  isPermanentError,
  retryDelayMs,
  scopedSingletonKey,
  serializePayload,
  parsePayload,
} from "./queue";

describe("isPermanentError", () => {
  it("recognises the app's own permanent errors", () => {
    expect(isPermanentError(new PermanentJobError("order is gone"))).toBe(true);
    expect(isPermanentError(new ShopUninstalledError("gone.myshopify.com"))).toBe(true);
    expect(new ShopUninstalledError("gone.myshopify.com").message).toBe("gone.myshopify.com has uninstalled the app");
  });

  it.each([401, 402, 403, 404, 423])("treats an Admin API HTTP %i as permanent", (status) => {
    expect(isPermanentError(new AdminApiError("orders: denied", "orders", [`HTTP_${status}`], status))).toBe(true);
  });

  it.each([
    ["HTTP 500", new AdminApiError("orders: boom", "orders", ["HTTP_500"], 500)],
    ["HTTP 429", new AdminApiError("orders: slow down", "orders", ["HTTP_429"], 429)],
    ["throttled", new AdminApiError("orders: throttled", "orders", ["THROTTLED"])],
    ["a network error", new TypeError("fetch failed")],
    ["a plain error", new Error("bug")],
    ["a string", "nope"],
    ["null", null],
    ["undefined", undefined],
  ])("retries %s", (_label, error) => {
    expect(isPermanentError(error)).toBe(false);
  });

  it("treats the Shopify library's missing offline session (uninstalled shop) as permanent", () => {
    class SessionNotFoundError extends Error {}
    expect(isPermanentError(new SessionNotFoundError("Could not find a session for shop gone.myshopify.com"))).toBe(true);
  });

  it("does not take a truthy but non-true `permanent` for permanent", () => {
    expect(isPermanentError(Object.assign(new Error("x"), { permanent: "yes" }))).toBe(false);
  });
});

describe("retryDelayMs", () => {
  const policy = { baseDelayMs: 1000, maxDelayMs: 60_000 };

  it("doubles from the base delay, with equal jitter, up to the cap", () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy, () => 0.999999))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect(retryDelayMs(30, policy, () => 0.999999)).toBe(60_000);
  });

  it("stays within [half, all] of the capped exponential delay, and never exceeds the cap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, random) => {
        const delay = retryDelayMs(attempt, DEFAULT_RETRY_POLICY, () => random);
        const capped = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (attempt - 1));
        expect(delay).toBeGreaterThanOrEqual(Math.floor(capped / 2));
        expect(delay).toBeLessThanOrEqual(Math.min(capped, DEFAULT_RETRY_POLICY.maxDelayMs));
      }),
    );
  });

  it("never waits less for a later attempt, given the same jitter", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, random) => {
        expect(retryDelayMs(attempt + 1, policy, () => random)).toBeGreaterThanOrEqual(retryDelayMs(attempt, policy, () => random));
      }),
    );
  });
});

describe("storage helpers", () => {
  it("describes errors briefly, whatever was thrown", () => {
    expect(describeError(new Error("Shopify said no"))).toBe("Shopify said no");
    expect(describeError("plain")).toBe("plain");
    expect(describeError({ code: 7 })).toBe('{"code":7}');
    expect(describeError(new Error("x".repeat(5000)))).toHaveLength(2000);
  });

  it("scopes singleton keys by shop and round-trips payloads as JSON", () => {
    expect(scopedSingletonKey("a.myshopify.com", "sync")).not.toBe(scopedSingletonKey("b.myshopify.com", "sync"));
    expect(parsePayload(serializePayload({ orderId: "1", at: [1, 2] }))).toEqual({ orderId: "1", at: [1, 2] });
    expect(parsePayload(serializePayload(undefined))).toBeNull();
  });
});
