import { createStore, type AdminStore, type MoneyBagRecord, type NodeRecord, type ShopPlan } from "./store.ts";

/** A small, hand-checked shop for the stand-in's own tests. */
export const FIXTURE_SHOP = "fixture-shop.myshopify.com";
export const FIXTURE_TOKEN = "shpat_fixture_token";

export function money(amount: string, currencyCode = "EUR"): MoneyBagRecord {
  return { shopMoney: { amount, currencyCode }, presentmentMoney: { amount, currencyCode } };
}

type OrderSeed = {
  number: number;
  createdAt: string;
  financial: string;
  fulfillment: string;
  tags?: string[];
  closed?: boolean;
  cancelledAt?: string;
  customer?: string;
};

const ORDER_SEEDS: OrderSeed[] = [
  { number: 1001, createdAt: "2026-09-28T09:00:00Z", financial: "PAID", fulfillment: "FULFILLED", tags: ["vip"], closed: true, customer: "gid://shopify/Customer/1" },
  { number: 1002, createdAt: "2026-09-30T23:30:00Z", financial: "PAID", fulfillment: "UNFULFILLED", customer: "gid://shopify/Customer/2" },
  { number: 1003, createdAt: "2026-10-01T08:00:00Z", financial: "PENDING", fulfillment: "UNFULFILLED", tags: ["gift", "vip"], customer: "gid://shopify/Customer/1" },
  { number: 1004, createdAt: "2026-10-02T12:00:00Z", financial: "REFUNDED", fulfillment: "FULFILLED", cancelledAt: "2026-10-03T10:00:00Z", closed: true },
  { number: 1005, createdAt: "2026-10-03T15:45:00Z", financial: "PAID", fulfillment: "PARTIALLY_FULFILLED", tags: ["Late"], customer: "gid://shopify/Customer/2" },
  { number: 1006, createdAt: "2026-10-05T07:10:00Z", financial: "PAID", fulfillment: "UNFULFILLED", tags: ["gift"] },
];

export function orderGid(number: number): string {
  return `gid://shopify/Order/${number}`;
}

function orderRecord(seed: OrderSeed): NodeRecord {
  return {
    id: orderGid(seed.number),
    __typename: "Order",
    name: `#${seed.number}`,
    createdAt: seed.createdAt,
    updatedAt: seed.createdAt,
    processedAt: seed.createdAt,
    email: seed.customer ? `customer${seed.customer.slice(-1)}@example.com` : null,
    closed: seed.closed ?? false,
    cancelledAt: seed.cancelledAt ?? null,
    displayFinancialStatus: seed.financial,
    displayFulfillmentStatus: seed.fulfillment,
    tags: seed.tags ?? [],
    note: null,
    totalPriceSet: money("42.50"),
    customer: seed.customer ?? null,
    lineItems: [
      { id: `gid://shopify/LineItem/${seed.number}1`, __typename: "LineItem", title: "Ceramic mug", quantity: 2, sku: "MUG-1" },
      { id: `gid://shopify/LineItem/${seed.number}2`, __typename: "LineItem", title: "Tea towel", quantity: 1, sku: "TOWEL-1" },
    ],
    fulfillments: seed.fulfillment === "FULFILLED" ? [fulfillmentRecord(seed)] : [],
    metafields: [],
  };
}

function fulfillmentRecord(seed: OrderSeed): NodeRecord {
  return {
    id: `gid://shopify/Fulfillment/${seed.number}0`,
    __typename: "Fulfillment",
    name: `#${seed.number}-F1`,
    status: "SUCCESS",
    createdAt: seed.createdAt,
  };
}

export function createFixtureStore(plan: ShopPlan = "standard"): AdminStore {
  const store = createStore();
  store.addShop({
    domain: FIXTURE_SHOP,
    accessToken: FIXTURE_TOKEN,
    plan,
    shop: { name: "Fixture Shop", email: "owner@fixture.example", currencyCode: "EUR", ianaTimezone: "Europe/Paris" },
  });
  for (const [index, name] of ["Ada Lovelace", "Grace Hopper"].entries()) {
    store.upsertNode(FIXTURE_SHOP, {
      id: `gid://shopify/Customer/${index + 1}`,
      __typename: "Customer",
      displayName: name,
      email: `customer${index + 1}@example.com`,
      tags: [],
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-01T00:00:00Z",
    });
  }
  for (const seed of ORDER_SEEDS) store.upsertNode(FIXTURE_SHOP, orderRecord(seed));
  store.upsertNode(FIXTURE_SHOP, {
    id: "gid://shopify/Product/501",
    __typename: "Product",
    title: "Ceramic mug",
    status: "ACTIVE",
    tags: ["kitchen"],
    createdAt: "2026-02-01T00:00:00Z",
    updatedAt: "2026-02-01T00:00:00Z",
    variants: [
      { id: "gid://shopify/ProductVariant/5012", __typename: "ProductVariant", title: "Blue", sku: "MUG-B", position: 2 },
      { id: "gid://shopify/ProductVariant/5011", __typename: "ProductVariant", title: "White", sku: "MUG-W", position: 1 },
    ],
  });
  store.upsertNode(FIXTURE_SHOP, {
    id: "gid://shopify/Return/71",
    __typename: "Return",
    name: "#1001-R1",
    status: "OPEN",
    order: orderGid(1001),
  });
  return store;
}
