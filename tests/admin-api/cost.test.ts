import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import {
  actualQueryCost,
  CostLimiter,
  MAX_QUERY_COST,
  PLAN_LIMITS,
  requestedQueryCost,
  type BucketKey,
} from "./cost.ts";
import { createFixtureStore, FIXTURE_SHOP, orderGid } from "./fixture-shop.ts";
import { handleGraphqlRequest } from "./graphql-request.ts";
import type { AdminStore } from "./store.ts";

const cost = (source: string, variables?: Record<string, unknown>) =>
  requestedQueryCost({ document: parse(source), variables: variables ?? null });

describe("requestedQueryCost", () => {
  it("charges 1 per object and nothing for scalars or enums", () => {
    expect(cost(`{ shop { name currencyCode } }`)).toBe(1);
    expect(cost(`{ shop { name billingAddress { city } } }`)).toBe(2);
    expect(cost(`{ order(id: "gid://shopify/Order/1") { displayFinancialStatus } }`)).toBe(1);
  });

  it("sizes a connection by first or last, plus 2", () => {
    expect(cost(`{ orders(first: 10) { nodes { id } } }`)).toBe(2 + 10);
    expect(cost(`{ orders(last: 7) { edges { cursor node { id } } pageInfo { hasNextPage } } }`)).toBe(2 + 7);
    expect(cost(`query($n: Int) { orders(first: $n) { nodes { id } } }`, { n: 25 })).toBe(2 + 25);
  });

  it("does not double-charge items selected through both edges and nodes", () => {
    expect(cost(`{ orders(first: 10) { edges { node { id } } nodes { id customer { id } } } }`)).toBe(2 + 10 * 2);
  });

  it("multiplies nested connections", () => {
    const nested = `{
      orders(first: 10) {
        nodes { name customer { id } lineItems(first: 5) { nodes { title variant { id } } } }
      }
    }`;
    // per order: 1 (order) + 1 (customer) + (2 + 5 × (1 line item + 1 variant))
    expect(cost(nested)).toBe(2 + 10 * (1 + 1 + (2 + 5 * 2)));
  });

  it("takes the most expensive possible type of an interface or union", () => {
    const source = `{
      node(id: "gid://shopify/Order/1") {
        id
        ... on Order { customer { id } lineItems(first: 3) { nodes { id } } }
        ... on Product { title }
      }
    }`;
    expect(cost(source)).toBe(1 + 1 + (2 + 3));
  });

  it("follows named fragments and honours @skip/@include", () => {
    const source = `query($withCustomer: Boolean!) {
      orders(first: 4) { nodes { ...OrderBits } }
    }
    fragment OrderBits on Order { id customer @include(if: $withCustomer) { id } }`;
    expect(cost(source, { withCustomer: true })).toBe(2 + 4 * 2);
    expect(cost(source, { withCustomer: false })).toBe(2 + 4 * 1);
  });

  it("charges 10 per mutation root field plus the payload's selections", () => {
    expect(cost(`mutation { tagsAdd(id: "gid://shopify/Order/1", tags: ["a"]) { userErrors { message } } }`)).toBe(10 + 1);
    expect(cost(`mutation { a: tagsAdd(id: "x", tags: []) { node { id } } b: tagsRemove(id: "x", tags: []) { node { id } } }`)).toBe(2 * (10 + 1));
  });

  it("sizes plain lists by first or by the number of ids, and prices unsized lists once", () => {
    expect(cost(`{ nodes(ids: ["gid://shopify/Order/1", "gid://shopify/Order/2", "gid://shopify/Order/3"]) { id } }`)).toBe(3);
    expect(cost(`{ order(id: "gid://shopify/Order/1") { fulfillments(first: 4) { trackingInfo { number } } } }`)).toBe(1 + 4 * 2);
    expect(cost(`{ order(id: "gid://shopify/Order/1") { customAttributes { key } } }`)).toBe(1 + 1);
  });

  it("treats a connection without first or last as size 1", () => {
    expect(cost(`{ orders { nodes { id } } }`)).toBe(2 + 1);
  });
});

describe("actualQueryCost", () => {
  it("charges connections for the items they returned and nothing for null objects", () => {
    const document = parse(`{ orders(first: 50) { nodes { id customer { id } lineItems(first: 5) { nodes { id } } } } }`);
    const data = {
      orders: {
        nodes: [
          { id: "1", customer: { id: "c" }, lineItems: { nodes: [{ id: "l1" }, { id: "l2" }] } },
          { id: "2", customer: null, lineItems: { nodes: [] } },
        ],
      },
    };
    expect(requestedQueryCost({ document })).toBe(2 + 50 * (1 + 1 + (2 + 5)));
    expect(actualQueryCost({ document, data })).toBe(2 + (1 + 1 + (2 + 2)) + (1 + 0 + 2));
  });

  it("charges sized lists per returned item", () => {
    const document = parse(`{ nodes(ids: ["gid://shopify/Order/1", "gid://shopify/Order/2"]) { id } }`);
    expect(actualQueryCost({ document, data: { nodes: [{ id: "gid://shopify/Order/1" }, null] } })).toBe(1);
  });

  it("is zero without data", () => {
    expect(actualQueryCost({ document: parse(`{ shop { name } }`), data: null })).toBe(0);
  });
});

describe("CostLimiter", () => {
  const key: BucketKey = { appKey: "app", shopDomain: FIXTURE_SHOP, plan: "standard" };

  it("starts full with the plan's bucket and restore rate", () => {
    const limiter = new CostLimiter({ now: () => 0 });
    expect(limiter.status(key)).toEqual({ maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 });
    expect(limiter.status({ ...key, shopDomain: "plus-shop.myshopify.com", plan: "plus" })).toEqual({ maximumAvailable: 20000, currentlyAvailable: 20000, restoreRate: 1000 });
    expect(PLAN_LIMITS.advanced).toEqual({ restoreRate: 200, maximumAvailable: 4000 });
    expect(PLAN_LIMITS.enterprise).toEqual({ restoreRate: 2000, maximumAvailable: 40000 });
  });

  it("refuses queries over the single-query maximum with MAX_COST_EXCEEDED", () => {
    const admission = new CostLimiter({ now: () => 0 }).admit(key, MAX_QUERY_COST + 1);
    expect(admission.ok).toBe(false);
    expect(!admission.ok && admission.error.extensions).toMatchObject({ code: "MAX_COST_EXCEEDED", cost: 1001, maxCost: 1000 });
    expect(admission.status.currentlyAvailable).toBe(2000);
  });

  it("throttles once the bucket is drained and refills with the injected clock", () => {
    let now = 1_000_000;
    const limiter = new CostLimiter({ now: () => now });
    expect(limiter.admit(key, 1000).ok).toBe(true);
    expect(limiter.admit(key, 1000).ok).toBe(true);
    const throttled = limiter.admit(key, 1);
    expect(throttled).toMatchObject({ ok: false, error: { message: "Throttled", extensions: { code: "THROTTLED" } } });
    expect(throttled.status.currentlyAvailable).toBe(0);
    now += 2_500;
    expect(limiter.status(key).currentlyAvailable).toBe(250);
    expect(limiter.admit(key, 251).ok).toBe(false);
    expect(limiter.admit(key, 250).ok).toBe(true);
    now += 60_000;
    expect(limiter.status(key).currentlyAvailable).toBe(2000);
  });

  it("refunds the unused part of a reservation and keeps apps and shops apart", () => {
    const limiter = new CostLimiter({ now: () => 0 });
    limiter.admit(key, 500);
    expect(limiter.settle(key, 500, 120).currentlyAvailable).toBe(2000 - 120);
    expect(limiter.status({ ...key, appKey: "other-app" }).currentlyAvailable).toBe(2000);
    expect(limiter.status({ ...key, shopDomain: "other.myshopify.com" }).currentlyAvailable).toBe(2000);
  });
});

describe("cost enforcement around execution", () => {
  const request = (store: AdminStore, limiter: CostLimiter, query: string) =>
    handleGraphqlRequest({ store, limiter, shop: store.requireShop(FIXTURE_SHOP), appKey: "app", body: { query }, now: () => 0 });

  it("reports requested and actual cost with the throttle status", async () => {
    const store = createFixtureStore();
    const response = await request(store, new CostLimiter({ now: () => 0 }), `{ orders(first: 50) { nodes { id } } }`);
    expect(response.body.extensions).toEqual({
      cost: {
        requestedQueryCost: 52,
        actualQueryCost: 2 + 6,
        throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 2000 - 8, restoreRate: 100 },
      },
    });
  });

  it("does not execute a query over the maximum cost", async () => {
    const store = createFixtureStore();
    const response = await request(store, new CostLimiter({ now: () => 0 }), `{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { id } } } } }`);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toMatchObject([{ extensions: { code: "MAX_COST_EXCEEDED" } }]);
    expect(response.body.extensions).toMatchObject({ cost: { actualQueryCost: null } });
  });

  it("does not execute a throttled mutation", async () => {
    const store = createFixtureStore();
    let now = 0;
    const limiter = new CostLimiter({ now: () => now });
    const drain = { appKey: "app", shopDomain: FIXTURE_SHOP, plan: "standard" } as const;
    limiter.admit(drain, 1000);
    limiter.admit(drain, 995);
    const mutation = `mutation { tagsAdd(id: "${orderGid(1002)}", tags: ["throttled"]) { userErrors { message } } }`;
    const throttled = await request(store, limiter, mutation);
    expect(throttled.body.errors).toEqual([
      { message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } },
    ]);
    expect(store.getNode(FIXTURE_SHOP, orderGid(1002))?.tags).toEqual([]);
    now += 1000;
    const retried = await request(store, limiter, mutation);
    expect(retried.body.errors).toBeUndefined();
    expect(store.getNode(FIXTURE_SHOP, orderGid(1002))?.tags).toEqual(["throttled"]);
  });
});
