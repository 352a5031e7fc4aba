import { describe, expect, it } from "vitest";
import { z } from "zod";
import { expectConsoleErrors } from "../../tests/support/console-guard";
import { handleWebhook } from "./respond.server";

const request = new Request("http://localhost/webhooks/orders/create", {
  method: "POST",
  headers: { "X-Shopify-Topic": "orders/create", "X-Shopify-Shop-Domain": "a.myshopify.com" },
});

describe("handleWebhook", () => {
  it("passes the library's thrown responses through (401 for a bad HMAC)", async () => {
    const response = await handleWebhook(request, async () => {
      throw new Response(undefined, { status: 401 });
    });
    expect(response.status).toBe(401);
  });

  it("answers 400 naming the invalid field", async () => {
    const response = await handleWebhook(request, async () => {
      z.object({ id: z.number() }).parse({ id: "x" });
      return new Response(null);
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "Invalid orders/create payload: id: Expected number, received string" });
  });

  it("answers 503 so that Shopify retries when the database is down", async () => {
    expectConsoleErrors();
    const response = await handleWebhook(request, async () => {
      throw new Error("Can't reach database server at 127.0.0.1:5432");
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("60");
  });
});
