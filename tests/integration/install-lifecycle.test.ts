// Install, uninstall and scope changes, through the real routes with signed requests.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action as uninstalled } from "~/routes/webhooks.app.uninstalled";
import { action as scopesUpdate } from "~/routes/webhooks.app.scopes_update";
import { loader as health } from "~/routes/healthz";
import { action as loginAction } from "~/routes/auth.login/route";
import { addDocumentResponseHeaders } from "~/shopify.server";
import { BROWSER_UA, signedWebhook } from "../support/signed-requests";
import { resetDatabase, seedShop } from "../support/factories";
import { TEST_API_KEY, TEST_APP_URL } from "../support/test-env";

const SHOP = "lifecycle.myshopify.com";
const args = (request: Request) => ({ request, params: {}, context: {} });

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP);
});

describe("app/uninstalled", () => {
  it("deletes the shop's sessions and marks it uninstalled, once, however often it is delivered", async () => {
    const first = await uninstalled(args(signedWebhook({ topic: "app/uninstalled", shop: SHOP, body: { id: 1, domain: SHOP } })));
    expect(first.status).toBe(200);
    expect(await prisma.session.count({ where: { shop: SHOP } })).toBe(0);
    const after = await prisma.shop.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(after.status).toBe("uninstalled");
    expect(after.uninstalledAt).toBeInstanceOf(Date);

    const second = await uninstalled(args(signedWebhook({ topic: "app/uninstalled", shop: SHOP, body: { id: 1, domain: SHOP } })));
    expect(second.status).toBe(200);
    expect(await prisma.shop.findUniqueOrThrow({ where: { shop: SHOP } })).toEqual(after);
  });

  it("rejects a bad HMAC with 401 and keeps the sessions", async () => {
    const response = await uninstalled(args(signedWebhook({ topic: "app/uninstalled", shop: SHOP, body: {}, secret: "forged" })));
    expect(response.status).toBe(401);
    expect(await prisma.session.count({ where: { shop: SHOP } })).toBe(1);
  });
});

describe("app/scopes_update", () => {
  it("records the granted scopes on the shop and its sessions", async () => {
    const body = { id: 1, previous: ["read_orders"], current: ["read_orders", "read_customers", "read_fulfillments", "write_app_proxy"], updated_at: "2026-11-23T10:00:00Z" };
    const response = await scopesUpdate(args(signedWebhook({ topic: "app/scopes_update", shop: SHOP, body })));
    expect(response.status).toBe(200);
    expect((await prisma.session.findFirstOrThrow({ where: { shop: SHOP } })).scope).toBe("read_orders,read_customers,read_fulfillments,write_app_proxy");
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop: SHOP } })).scope).toBe("read_orders,read_customers,read_fulfillments,write_app_proxy");
  });

  it("answers 400 to a payload without the current scopes and changes nothing", async () => {
    const response = await scopesUpdate(args(signedWebhook({ topic: "app/scopes_update", shop: SHOP, body: { previous: [] } })));
    expect(response.status).toBe(400);
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop: SHOP } })).scope).toBe("write_orders,write_customers,read_fulfillments,read_products,write_order_edits,write_discounts,write_returns,write_merchant_managed_fulfillment_orders,write_app_proxy");
  });
});

describe("health", () => {
  it("answers 200 when the database answers", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
  });
});

describe("installation", () => {
  it("starts Shopify's OAuth at once for a shop that logs in", async () => {
    const body = new URLSearchParams({ shop: SHOP });
    const request = new Request(`${TEST_APP_URL}/auth/login`, { method: "POST", body, headers: { "User-Agent": BROWSER_UA, "Content-Type": "application/x-www-form-urlencoded" } });
    const thrown = await loginAction(args(request)).then(
      () => null,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Response);
    const location = (thrown as Response).headers.get("Location") ?? "";
    expect((thrown as Response).status).toBe(302);
    expect(location).toBe(`https://admin.shopify.com/store/lifecycle/oauth/install?client_id=${TEST_API_KEY}`);
  });

  it("tells the browser that only the shop and the Shopify admin may frame the app", () => {
    const headers = new Headers();
    addDocumentResponseHeaders(new Request(`${TEST_APP_URL}/app?shop=${SHOP}&embedded=1`), headers);
    expect(headers.get("Content-Security-Policy")).toBe(`frame-ancestors https://${SHOP} https://admin.shopify.com https://*.spin.dev https://admin.myshopify.io https://admin.shop.dev;`);
  });
});
