import { afterEach, describe, expect, it } from "vitest";
import { createFixtureStore, FIXTURE_SHOP, FIXTURE_TOKEN, orderGid } from "./fixture-shop.ts";
import { ID_TOKEN_TYPE, OFFLINE_TOKEN_TYPE, ONLINE_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from "./oauth-token.ts";
import { startAdminApiStandIn, type StandIn } from "./server.ts";
import { signSessionToken } from "./session-token.ts";
import type { AdminStore } from "./store.ts";

const APP = { apiKey: "test-api-key", apiSecret: "test-api-secret" };
const START = Date.parse("2026-10-10T12:00:00Z");

type Harness = { store: AdminStore; standIn: StandIn; clock: { now: number } };
const running: StandIn[] = [];

async function harness(): Promise<Harness> {
  const store = createFixtureStore();
  const clock = { now: START };
  const standIn = await startAdminApiStandIn({ store, apps: [APP], now: () => clock.now });
  running.push(standIn);
  return { store, standIn, clock };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((standIn) => standIn.close()));
});

function graphqlUrl(h: Harness, shop = FIXTURE_SHOP, version = "2026-10"): string {
  return `${h.standIn.origin}/${shop}/admin/api/${version}/graphql.json`;
}

async function postGraphql(h: Harness, body: unknown, token = FIXTURE_TOKEN, url = graphqlUrl(h)) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}

async function postToken(h: Harness, params: Record<string, string>, form = false) {
  const response = await fetch(`${h.standIn.origin}/${FIXTURE_SHOP}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": form ? "application/x-www-form-urlencoded" : "application/json" },
    body: form ? new URLSearchParams(params).toString() : JSON.stringify(params),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

function exchangeParams(requested: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    client_id: APP.apiKey,
    client_secret: APP.apiSecret,
    grant_type: TOKEN_EXCHANGE_GRANT,
    subject_token: signSessionToken({ shop: FIXTURE_SHOP, ...APP, userId: "42", now: START }),
    subject_token_type: ID_TOKEN_TYPE,
    requested_token_type: requested,
    ...extra,
  };
}

describe("POST /{shop}/admin/api/2026-10/graphql.json", () => {
  it("executes a query and answers data with the cost extension", async () => {
    const h = await harness();
    const { status, headers, json } = await postGraphql(h, {
      query: `query One($id: ID!) { order(id: $id) { name tags } }`,
      variables: { id: orderGid(1003) },
      operationName: "One",
    });
    expect(status).toBe(200);
    expect(headers.get("x-shopify-api-version")).toBe("2026-10");
    expect(json).toEqual({
      data: { order: { name: "#1003", tags: ["gift", "vip"] } },
      extensions: {
        cost: {
          requestedQueryCost: 1,
          actualQueryCost: 1,
          throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1999, restoreRate: 100 },
        },
      },
    });
    expect(h.store.requests.at(-1)).toMatchObject({
      kind: "graphql",
      shop: FIXTURE_SHOP,
      status: 200,
      operationName: "One",
      operationType: "query",
      rootFields: ["order"],
      requestedQueryCost: 1,
      actualQueryCost: 1,
    });
  });

  it("answers validation errors with the schema's message and executes nothing", async () => {
    const h = await harness();
    const { status, json } = await postGraphql(h, { query: `mutation { tagsAdd(id: "${orderGid(1002)}", tagz: ["x"]) { userErrors { message } } }` });
    expect(status).toBe(200);
    expect(json).toEqual({
      errors: [
        { message: 'Unknown argument "tagz" on field "Mutation.tagsAdd". Did you mean "tags"?', locations: [{ line: 1, column: 52 }] },
        { message: 'Field "tagsAdd" argument "tags" of type "[String!]!" is required, but it was not provided.', locations: [{ line: 1, column: 12 }] },
      ],
    });
    expect(h.store.getNode(FIXTURE_SHOP, orderGid(1002))?.tags).toEqual([]);
  });

  it("rejects a wrong access token with Shopify's 401 body", async () => {
    const h = await harness();
    const { status, json } = await postGraphql(h, { query: "{ shop { name } }" }, "shpat_wrong");
    expect(status).toBe(401);
    expect(json).toEqual({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
  });

  it("answers 404 for an unknown shop and for another API version", async () => {
    const h = await harness();
    const unknownShop = await postGraphql(h, { query: "{ shop { name } }" }, FIXTURE_TOKEN, graphqlUrl(h, "nope.myshopify.com"));
    expect(unknownShop).toMatchObject({ status: 404, json: { errors: "Not Found" } });
    const oldVersion = await postGraphql(h, { query: "{ shop { name } }" }, FIXTURE_TOKEN, graphqlUrl(h, FIXTURE_SHOP, "2025-01"));
    expect(oldVersion.status).toBe(404);
    expect(String(oldVersion.json.errors)).toContain("2026-10");
  });

  it("answers 400 for invalid JSON and 413 for bodies over 1 MB", async () => {
    const h = await harness();
    expect((await postGraphql(h, "{ not json")).status).toBe(400);
    const huge = JSON.stringify({ query: `{ shop { name } }`, variables: { pad: "x".repeat(1024 * 1024) } });
    const tooLarge = await postGraphql(h, huge);
    expect(tooLarge).toMatchObject({ status: 413, json: { errors: "Payload Too Large" } });
  });

  it("reports execution errors next to the data", async () => {
    const h = await harness();
    const { status, json } = await postGraphql(h, { query: `mutation { orderClose(input: { id: "${orderGid(1001)}" }) { userErrors { message } } }` });
    expect(status).toBe(200);
    expect(json.data).toEqual({ orderClose: null });
    expect(json.errors).toMatchObject([{ message: 'Admin API stand-in has no handler for mutation "orderClose"', path: ["orderClose"] }]);
    expect(json.extensions).toMatchObject({ cost: { requestedQueryCost: 11 } });
  });
});

describe("POST /{shop}/admin/oauth/access_token", () => {
  it("exchanges a session token for an expiring offline token that the GraphQL endpoint accepts", async () => {
    const h = await harness();
    const { status, json } = await postToken(h, exchangeParams(OFFLINE_TOKEN_TYPE, { expiring: "1" }));
    expect(status).toBe(200);
    expect(json).toMatchObject({ scope: expect.any(String), expires_in: 3600, refresh_token: expect.stringMatching(/^shprt_/), refresh_token_expires_in: 7_776_000 });
    const token = String(json.access_token);
    const query = await postGraphql(h, { query: "{ shop { name } }" }, token);
    expect(query).toMatchObject({ status: 200, json: { data: { shop: { name: "Fixture Shop" } } } });
    h.clock.now += 3601 * 1000;
    expect((await postGraphql(h, { query: "{ shop { name } }" }, token)).status).toBe(401);
  });

  it("refreshes an expiring offline token and rotates the refresh token", async () => {
    const h = await harness();
    const issued = await postToken(h, exchangeParams(OFFLINE_TOKEN_TYPE, { expiring: "1" }));
    const refreshParams = (refreshToken: string) => ({
      client_id: APP.apiKey,
      client_secret: APP.apiSecret,
      grant_type: "refresh_token",
      refresh_token: refreshToken,
    });
    h.clock.now += 2 * 3600 * 1000;
    const first = await postToken(h, refreshParams(String(issued.json.refresh_token)));
    expect(first.status).toBe(200);
    expect(first.json.refresh_token).not.toBe(issued.json.refresh_token);
    expect((await postGraphql(h, { query: "{ shop { name } }" }, String(first.json.access_token))).status).toBe(200);
    const second = await postToken(h, refreshParams(String(first.json.refresh_token)));
    expect(second.status).toBe(200);
    const retired = await postToken(h, refreshParams(String(issued.json.refresh_token)));
    expect(retired).toEqual({ status: 400, json: { error: "invalid_grant", error_description: "Token has been expired or revoked." } });
  });

  it("issues a non-expiring offline token and online tokens from a form-encoded body", async () => {
    const h = await harness();
    const offline = await postToken(h, exchangeParams(OFFLINE_TOKEN_TYPE), true);
    expect(Object.keys(offline.json).sort()).toEqual(["access_token", "scope"]);
    const online = await postToken(h, exchangeParams(ONLINE_TOKEN_TYPE), true);
    expect(online.json).toMatchObject({ expires_in: 86_399, associated_user: { id: 42 }, associated_user_scope: offline.json.scope });
    expect((await postGraphql(h, { query: "{ shop { name } }" }, String(online.json.access_token))).status).toBe(200);
    expect(h.store.requests.filter((entry) => entry.kind === "token").map((entry) => entry.status)).toEqual([200, 200]);
  });

  it("rejects wrong client credentials and bad session tokens", async () => {
    const h = await harness();
    const wrongSecret = await postToken(h, { ...exchangeParams(OFFLINE_TOKEN_TYPE), client_secret: "nope" });
    expect(wrongSecret).toMatchObject({ status: 401, json: { error: "invalid_client" } });
    const forgedToken = signSessionToken({ shop: FIXTURE_SHOP, apiKey: APP.apiKey, apiSecret: "other-secret", now: START });
    const forged = await postToken(h, exchangeParams(OFFLINE_TOKEN_TYPE, { subject_token: forgedToken }));
    expect(forged).toMatchObject({ status: 400, json: { error: "invalid_subject_token" } });
    const otherShopToken = signSessionToken({ shop: "other.myshopify.com", ...APP, now: START });
    const otherShop = await postToken(h, exchangeParams(OFFLINE_TOKEN_TYPE, { subject_token: otherShopToken }));
    expect(otherShop).toMatchObject({ status: 400, json: { error: "invalid_subject_token" } });
    h.clock.now += 5 * 60 * 1000;
    const expired = await postToken(h, exchangeParams(OFFLINE_TOKEN_TYPE));
    expect(expired).toMatchObject({ status: 400, json: { error: "invalid_subject_token" } });
  });

  it("migrates a non-expiring offline token to an expiring one and retires the old token", async () => {
    const h = await harness();
    const offline = await postToken(h, exchangeParams(OFFLINE_TOKEN_TYPE));
    const oldToken = String(offline.json.access_token);
    const migrated = await postToken(h, {
      client_id: APP.apiKey,
      client_secret: APP.apiSecret,
      grant_type: TOKEN_EXCHANGE_GRANT,
      subject_token: oldToken,
      subject_token_type: OFFLINE_TOKEN_TYPE,
      requested_token_type: OFFLINE_TOKEN_TYPE,
      expiring: "1",
    });
    expect(migrated.json).toMatchObject({ expires_in: 3600, refresh_token: expect.any(String) });
    expect((await postGraphql(h, { query: "{ shop { name } }" }, oldToken)).status).toBe(401);
    expect((await postGraphql(h, { query: "{ shop { name } }" }, String(migrated.json.access_token))).status).toBe(200);
  });

  it("keeps rate limits per app: a token-exchanged app has its own bucket", async () => {
    const h = await harness();
    const issued = await postToken(h, exchangeParams(OFFLINE_TOKEN_TYPE));
    await postGraphql(h, { query: "{ orders(first: 100) { nodes { id } } }" });
    const other = await postGraphql(h, { query: "{ shop { name } }" }, String(issued.json.access_token));
    expect(other.json.extensions).toMatchObject({ cost: { throttleStatus: { currentlyAvailable: 1999 } } });
  });
});
