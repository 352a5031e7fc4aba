import { describe, expect, it } from "vitest";
import { runOperation } from "./execute.ts";
import { createFixtureStore, FIXTURE_SHOP, orderGid } from "./fixture-shop.ts";

type OrdersPage = {
  orders: {
    edges: Array<{ cursor: string; node: { name: string } }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
};

const ORDERS_PAGE = `query Page($after: String, $query: String) {
  orders(first: 2, after: $after, query: $query, sortKey: CREATED_AT) {
    edges { cursor node { name } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

async function data<T>(source: string, variables?: Record<string, unknown>, store = createFixtureStore()): Promise<T> {
  const result = await runOperation(store, FIXTURE_SHOP, source, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

describe("executing queries against the store", () => {
  it("answers the shop record", async () => {
    const result = await data<{ shop: { name: string; myshopifyDomain: string } }>(`{ shop { name myshopifyDomain } }`);
    expect(result.shop).toEqual({ name: "Fixture Shop", myshopifyDomain: FIXTURE_SHOP });
  });

  it("paginates orders across pages with cursors", async () => {
    const store = createFixtureStore();
    const names: string[] = [];
    let after: string | null = null;
    const pageInfos: Array<OrdersPage["orders"]["pageInfo"]> = [];
    do {
      const page: OrdersPage = await data<OrdersPage>(ORDERS_PAGE, { after }, store);
      names.push(...page.orders.edges.map((edge) => edge.node.name));
      pageInfos.push(page.orders.pageInfo);
      after = page.orders.pageInfo.hasNextPage ? page.orders.pageInfo.endCursor : null;
    } while (after);
    expect(names).toEqual(["#1001", "#1002", "#1003", "#1004", "#1005", "#1006"]);
    expect(pageInfos.map((info) => [info.hasPreviousPage, info.hasNextPage])).toEqual([
      [false, true],
      [true, true],
      [true, false],
    ]);
  });

  it("filters with the search syntax", async () => {
    const names = async (query: string) =>
      (await data<OrdersPage>(ORDERS_PAGE.replace("first: 2", "first: 50"), { query })).orders.edges.map((edge) => edge.node.name);
    expect(await names("created_at:>=2026-10-01 status:open")).toEqual(["#1003", "#1005", "#1006"]);
    expect(await names("financial_status:paid fulfillment_status:unfulfilled")).toEqual(["#1002", "#1006"]);
    expect(await names("tag:vip")).toEqual(["#1001", "#1003"]);
    expect(await names("email:customer2@example.com")).toEqual(["#1002", "#1005"]);
    expect(await names("status:cancelled")).toEqual(["#1004"]);
  });

  it("sorts and reverses root connections", async () => {
    const result = await data<{ orders: { nodes: Array<{ name: string }> } }>(
      `{ orders(first: 3, sortKey: CREATED_AT, reverse: true) { nodes { name } } }`,
    );
    expect(result.orders.nodes.map((node) => node.name)).toEqual(["#1006", "#1005", "#1004"]);
  });

  it("looks up nodes by id, typed root fields, and answers null for the wrong type", async () => {
    const result = await data<Record<string, unknown>>(`{
      node(id: "gid://shopify/Order/1003") { id ... on Order { name } }
      nodes(ids: ["gid://shopify/Customer/1", "gid://shopify/Order/999"]) { id }
      order(id: "gid://shopify/Order/1002") { name }
      wrongType: order(id: "gid://shopify/Customer/1") { name }
      customer(id: "gid://shopify/Customer/2") { displayName }
      product(id: "gid://shopify/Product/501") { title status }
      return(id: "gid://shopify/Return/71") { name order { name } }
    }`);
    expect(result).toEqual({
      node: { id: orderGid(1003), name: "#1003" },
      nodes: [{ id: "gid://shopify/Customer/1" }, null],
      order: { name: "#1002" },
      wrongType: null,
      customer: { displayName: "Grace Hopper" },
      product: { title: "Ceramic mug", status: "ACTIVE" },
      return: { name: "#1001-R1", order: { name: "#1001" } },
    });
  });

  it("resolves abstract types through __typename", async () => {
    const result = await data<{ nodes: Array<Record<string, unknown>> }>(`{
      nodes(ids: ["gid://shopify/Order/1001", "gid://shopify/Customer/1", "gid://shopify/Product/501"]) {
        __typename
        ... on Order { name }
        ... on Customer { displayName }
        ... on HasMetafields { metafield(key: "missing") { value } }
      }
    }`);
    expect(result.nodes).toEqual([
      { __typename: "Order", name: "#1001", metafield: null },
      { __typename: "Customer", displayName: "Ada Lovelace", metafield: null },
      { __typename: "Product", metafield: null },
    ]);
  });

  it("follows GID references, paginates stored arrays, and lists embedded records", async () => {
    const result = await data<{ order: Record<string, unknown>; customers: { nodes: unknown[] } }>(`{
      order(id: "gid://shopify/Order/1003") {
        legacyResourceId
        customer { displayName email }
        lineItems(first: 1) { nodes { title quantity } pageInfo { hasNextPage } }
        totalPriceSet { shopMoney { amount currencyCode } }
      }
      customers(first: 10) { nodes { id } }
    }`);
    expect(result.order).toEqual({
      legacyResourceId: "1003",
      customer: { displayName: "Ada Lovelace", email: "customer1@example.com" },
      lineItems: { nodes: [{ title: "Ceramic mug", quantity: 2 }], pageInfo: { hasNextPage: true } },
      totalPriceSet: { shopMoney: { amount: "42.50", currencyCode: "EUR" } },
    });
    expect(result.customers.nodes).toHaveLength(2);
  });

  it("counts with the same search filters", async () => {
    const result = await data<Record<string, { count: number; precision: string }>>(`{
      all: ordersCount { count precision }
      open: ordersCount(query: "status:open") { count }
      capped: ordersCount(limit: 2) { count precision }
    }`);
    expect(result).toEqual({
      all: { count: 6, precision: "EXACT" },
      open: { count: 4 },
      capped: { count: 2, precision: "AT_LEAST" },
    });
  });

  it("reports a missing non-null field by field, type and record", async () => {
    const result = await runOperation(createFixtureStore(), FIXTURE_SHOP, `{ order(id: "gid://shopify/Order/1001") { name currencyCode } }`);
    expect(result.errors?.map((error) => error.message)).toEqual([
      "Admin API stand-in: non-null field Order.currencyCode (CurrencyCode!) is missing on gid://shopify/Order/1001; add it to the record",
    ]);
    expect(result.data).toEqual({ order: null });
  });

  it("reports references to records that are not in the store", async () => {
    const store = createFixtureStore();
    store.upsertNode(FIXTURE_SHOP, { id: orderGid(1002), customer: "gid://shopify/Customer/404" });
    const result = await runOperation(store, FIXTURE_SHOP, `{ order(id: "gid://shopify/Order/1002") { customer { id } } }`);
    expect(result.errors?.[0]?.message).toBe(
      "Admin API stand-in: Order.customer references gid://shopify/Customer/404, which is not in the store",
    );
  });

  it("rejects malformed ids and connections without first or last", async () => {
    const store = createFixtureStore();
    const badId = await runOperation(store, FIXTURE_SHOP, `{ order(id: "1001") { id } }`);
    expect(badId.errors?.[0]?.message).toBe("Invalid global id '1001'");
    const noSize = await runOperation(store, FIXTURE_SHOP, `{ orders { nodes { id } } }`);
    expect(noSize.errors?.[0]?.message).toBe("you must provide one of first or last");
  });

  it("calls record fields stored as functions with the field's arguments", async () => {
    const store = createFixtureStore();
    store.upsertNode(FIXTURE_SHOP, {
      id: orderGid(1001),
      statusPageUrl: (args: Record<string, unknown>) => `https://status.example/1001?audience=${String(args.audience)}`,
    });
    const result = await data<{ order: { statusPageUrl: string } }>(
      `{ order(id: "gid://shopify/Order/1001") { statusPageUrl(audience: CUSTOMERVIEW) } }`,
      undefined,
      store,
    );
    expect(result.order.statusPageUrl).toBe("https://status.example/1001?audience=CUSTOMERVIEW");
  });

  it("serves extra root fields from the shop's queryRoot and errors clearly otherwise", async () => {
    const store = createFixtureStore();
    const missing = await runOperation(store, FIXTURE_SHOP, `{ currentAppInstallation { id } }`);
    expect(missing.errors?.[0]?.message).toMatch(/does not serve QueryRoot\.currentAppInstallation/);
    store.requireShop(FIXTURE_SHOP).queryRoot.currentAppInstallation = {
      id: "gid://shopify/AppInstallation/9",
      __typename: "AppInstallation",
    };
    expect(await data(`{ currentAppInstallation { id } }`, undefined, store)).toEqual({
      currentAppInstallation: { id: "gid://shopify/AppInstallation/9" },
    });
  });

  it("derives back references and reverse references the records leave out", async () => {
    const result = await data<Record<string, unknown>>(`{
      customer(id: "gid://shopify/Customer/1") {
        orders(first: 10, sortKey: CREATED_AT, reverse: true) { nodes { name } }
        lastOrder { name }
      }
      fulfillment(id: "gid://shopify/Fulfillment/10010") { name order { name } }
      productVariant(id: "gid://shopify/ProductVariant/5011") { title product { title } }
      product(id: "gid://shopify/Product/501") { variants(first: 5) { nodes { title } } }
      order(id: "gid://shopify/Order/1001") { returns(first: 5) { nodes { name } } }
    }`);
    expect(result).toEqual({
      customer: { orders: { nodes: [{ name: "#1003" }, { name: "#1001" }] }, lastOrder: { name: "#1003" } },
      fulfillment: { name: "#1001-F1", order: { name: "#1001" } },
      productVariant: { title: "White", product: { title: "Ceramic mug" } },
      product: { variants: { nodes: [{ title: "White" }, { title: "Blue" }] } },
      order: { returns: { nodes: [{ name: "#1001-R1" }] } },
    });
  });
});
