// The embedded admin as Shopify's admin loads it: an App Bridge session token in the URL,
// token exchange for an expiring offline token (answered by the Admin API stand-in), then
// a schema-checked Admin API query.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, type AdminStore } from "../admin-api/store.ts";
import { startAdminApiStandIn, type StandIn } from "../admin-api/server.ts";
import { embeddedRequest, sessionToken } from "../support/signed-requests";
import { TEST_API_KEY, TEST_API_SECRET } from "../support/test-env";

const SHOP = "embedded-care.myshopify.com";
let store: AdminStore;
let standIn: StandIn;

beforeAll(async () => {
  store = createStore();
  store.addShop({
    domain: SHOP,
    accessToken: "shpat_unused",
    plan: "standard",
    shop: { id: "gid://shopify/Shop/1", __typename: "Shop", name: "Embedded Care", myshopifyDomain: SHOP, currencyCode: "EUR", ianaTimezone: "Europe/Warsaw", contactEmail: "hi@embedded.example" },
  });
  standIn = await startAdminApiStandIn({ store, apps: [{ apiKey: TEST_API_KEY, apiSecret: TEST_API_SECRET }] });
  // Read by app/config.server.ts when the app modules load below.
  process.env.SHOPIFY_ADMIN_API_ORIGIN = standIn.origin;
});

afterAll(async () => {
  await standIn?.close();
});

const args = (request: Request) => ({ request, params: {}, context: {} });

describe("the embedded admin", () => {
  it("exchanges the session token for an expiring offline token on first load", async () => {
    const { loader } = await import("~/routes/app");
    const { default: prisma } = await import("~/db.server");
    const result = (await loader(args(embeddedRequest("/app", SHOP)))) as { shop: string; demo: boolean; apiKey: string };
    expect(result).toEqual({ shop: SHOP, demo: false, apiKey: TEST_API_KEY });

    const session = await prisma.session.findUniqueOrThrow({ where: { id: `offline_${SHOP}` } });
    expect(session.accessToken).not.toBe("shpat_unused");
    expect(store.accessTokens.get(session.accessToken)?.shopDomain).toBe(SHOP);
    expect(session.expires).toBeInstanceOf(Date);
    expect(session.refreshToken).toBeTruthy();
    expect(store.requests.filter((entry) => entry.kind === "token")).toHaveLength(1);
  });

  it("loads the dashboard through a schema-checked Admin API query", async () => {
    const { loader } = await import("~/routes/app._index");
    const overview = await loader(args(embeddedRequest("/app", SHOP)));
    expect(overview).toMatchObject({ shop: SHOP, shopName: "Embedded Care", currency: "EUR", timezone: "Europe/Warsaw", ordersLabel: "0" });
    const calls = store.requests.filter((entry) => entry.kind === "graphql");
    expect(calls.map((entry) => [entry.operationName, entry.status])).toEqual([["ShopOverview", 200]]);
  });

  it("does not let a forged session token in", async () => {
    const { loader } = await import("~/routes/app");
    const forged = embeddedRequest("/app", SHOP, { token: sessionToken(SHOP, { secret: "forged" }) });
    const outcome = await loader(args(forged)).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    expect("error" in outcome).toBe(true);
    const response = (outcome as { error: Response }).error;
    expect(response).toBeInstanceOf(Response);
    expect([302, 401]).toContain(response.status);
  });
});
