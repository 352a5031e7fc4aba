import { describe, expect, it } from "vitest";
import { rewriteShopifyUrl } from "./admin-api-origin.server";

describe("rewriteShopifyUrl", () => {
  it("sends a shop's Admin API URL to the stand-in, keeping the shop in the path", () => {
    expect(rewriteShopifyUrl("https://demo.myshopify.com/admin/api/2026-10/graphql.json", "http://127.0.0.1:4010")).toBe(
      "http://127.0.0.1:4010/demo.myshopify.com/admin/api/2026-10/graphql.json",
    );
  });

  it("keeps the query string (token exchange and OAuth)", () => {
    expect(rewriteShopifyUrl("https://demo.myshopify.com/admin/oauth/access_token?a=1", "http://127.0.0.1:4010/")).toBe(
      "http://127.0.0.1:4010/demo.myshopify.com/admin/oauth/access_token?a=1",
    );
  });

  it("leaves every other host alone", () => {
    expect(rewriteShopifyUrl("https://example.com/x", "http://127.0.0.1:4010")).toBe("https://example.com/x");
    expect(rewriteShopifyUrl("https://myshopify.com.evil.test/admin", "http://127.0.0.1:4010")).toBe("https://myshopify.com.evil.test/admin");
  });
});
