// Demo data for the local Admin API stand-in: "Maison Lumen", a stationery and
// home goods shop in Lyon selling across Europe and North America, with a
// couple of months of orders in every state post-purchase care deals with.
//
//   const demo = buildDemoShop({ now: new Date() });
//
// Fully deterministic for a given `seed` and `now`; records follow the Admin
// GraphQL 2026-10 schema (see demo-types.ts for the record conventions).

import { buildCatalog } from "./demo-catalog.ts";
import { COUNTRY_CODES } from "./demo-countries.ts";
import { createCustomer, finishCustomer, planBuyers } from "./demo-customers.ts";
import type { Buyer, CustomerDraft } from "./demo-customers.ts";
import { gid, IdAllocator, numericId } from "./demo-ids.ts";
import { settlePlan } from "./demo-lifecycle.ts";
import { buildOrderRecord, draftOrder, SHOP_DOMAIN } from "./demo-orders.ts";
import type { OrderDraft } from "./demo-orders.ts";
import { DemoRandom } from "./demo-random.ts";
import { applyScenarios } from "./demo-scenarios.ts";
import { scheduleOrders } from "./demo-schedule.ts";
import { DAY, iso } from "./demo-time.ts";
import type { DemoShop, OrderRecord, ShopRecord } from "./demo-types.ts";

export type { DemoShop } from "./demo-types.ts";
export type * from "./demo-types.ts";

export const DEFAULT_SEED = 20261;
export const DEFAULT_ORDER_COUNT = 320;

export type DemoShopOptions = { now: Date; seed?: number; orderCount?: number };

function buildShopRecord(ids: IdAllocator, now: number): ShopRecord {
  const url = `https://${SHOP_DOMAIN}`;
  return {
    __typename: "Shop",
    id: ids.take("Shop").id,
    name: "Maison Lumen",
    email: "hello@maison-lumen.example",
    contactEmail: "hello@maison-lumen.example",
    shopOwnerName: "Claire Fontaine",
    myshopifyDomain: SHOP_DOMAIN,
    url,
    primaryDomain: { __typename: "Domain", id: gid("Domain", 3_350_001), host: SHOP_DOMAIN, url, sslEnabled: true },
    currencyCode: "EUR",
    enabledPresentmentCurrencies: ["CAD", "EUR", "GBP", "PLN", "UAH", "USD"],
    shipsToCountries: [...COUNTRY_CODES].sort(),
    ianaTimezone: "Europe/Paris",
    weightUnit: "KILOGRAMS",
    unitSystem: "METRIC_SYSTEM",
    taxesIncluded: true,
    taxShipping: true,
    orderNumberFormatPrefix: "#",
    orderNumberFormatSuffix: "",
    description: "Stationery and home goods, made in small workshops around Lyon.",
    plan: { __typename: "ShopPlan", publicDisplayName: "Basic", partnerDevelopment: false, shopifyPlus: false },
    shopAddress: {
      __typename: "ShopAddress",
      id: gid("ShopAddress", 71_512_345),
      address1: "14 rue Mercière",
      address2: null,
      city: "Lyon",
      zip: "69002",
      province: null,
      provinceCode: null,
      country: "France",
      countryCodeV2: "FR",
      phone: "+33 4 78 00 14 14",
      company: "Maison Lumen SARL",
      formatted: ["Maison Lumen SARL", "14 rue Mercière", "69002 Lyon", "France"],
      formattedArea: "Lyon, France",
    },
    createdAt: iso(now - 910 * DAY),
    updatedAt: iso(now - 3 * DAY),
  };
}

/** One Customer per buyer, numbered in the order of their first purchase. */
function createCustomers(random: DemoRandom, ids: IdAllocator, drafts: readonly OrderDraft[], now: number): Map<Buyer, CustomerDraft> {
  const customers = new Map<Buyer, CustomerDraft>();
  for (const draft of drafts) {
    if (!customers.has(draft.buyer)) customers.set(draft.buyer, createCustomer(random, ids, draft.buyer, draft.createdAt, now));
  }
  return customers;
}

function checkOptions(options: DemoShopOptions): { now: number; seed: number; orderCount: number } {
  const now = options.now instanceof Date ? options.now.getTime() : Number.NaN;
  if (!Number.isFinite(now)) throw new TypeError("buildDemoShop: `now` must be a valid Date");
  const orderCount = options.orderCount ?? DEFAULT_ORDER_COUNT;
  if (!Number.isInteger(orderCount) || orderCount < 1) throw new RangeError("buildDemoShop: `orderCount` must be a positive integer");
  return { now, seed: options.seed ?? DEFAULT_SEED, orderCount };
}

export function buildDemoShop(options: DemoShopOptions): DemoShop {
  const { now, seed, orderCount } = checkOptions(options);
  const random = new DemoRandom(seed);
  const ids = new IdAllocator();
  const shop = buildShopRecord(ids, now);
  const catalog = buildCatalog(random.fork("catalog"), ids, now);
  const buyers = planBuyers(random.fork("buyers"), orderCount);
  const slots = scheduleOrders(random.fork("schedule"), buyers, now);

  const orderRandom = random.fork("orders");
  const drafts = slots.map((slot, i) => draftOrder(orderRandom, catalog, slot, i + 1));
  applyScenarios(random.fork("scenarios"), drafts, now);
  const settleRandom = random.fork("settle");
  for (const draft of drafts) draft.plan = settlePlan(settleRandom, draft.plan, draft.cart);

  const customers = createCustomers(random.fork("customers"), ids, drafts, now);
  const context = { ids, now, shopNumericId: numericId(shop.id) };
  const orders = drafts.map((draft) => buildOrderRecord(context, draft, (customers.get(draft.buyer) as CustomerDraft).record));

  const ordersByCustomer = new Map<string, OrderRecord[]>();
  for (const order of orders) ordersByCustomer.set(order.customer.id, [...(ordersByCustomer.get(order.customer.id) ?? []), order]);
  const customerRecords = [...customers.values()].map((c) => finishCustomer(c, ordersByCustomer.get(c.record.id) ?? []));

  return {
    domain: SHOP_DOMAIN,
    shop,
    customers: customerRecords,
    products: catalog.map((entry) => entry.product),
    orders,
    locales: [
      { locale: "fr", primary: true, published: true },
      { locale: "en", primary: false, published: true },
      { locale: "de", primary: false, published: true },
    ],
  };
}
