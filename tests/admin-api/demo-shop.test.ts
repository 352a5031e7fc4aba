import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { s10Identifier } from "./demo-carriers.ts";
import { COUNTRIES } from "./demo-countries.ts";
import { buildDemoShop, DEFAULT_ORDER_COUNT } from "./demo-shop.ts";
import type { DemoShop, FulfillmentRecord, OrderRecord } from "./demo-shop.ts";
import { demoShopViolations } from "./demo-shop-checks.ts";
import { businessDaysBetween, DAY } from "./demo-time.ts";

const NOW = new Date("2026-06-15T10:00:00Z");
const now = NOW.getTime();
const demo = buildDemoShop({ now: NOW });

const COD = "Cash on Delivery (COD)";
const allFulfillments = (d: DemoShop): FulfillmentRecord[] => d.orders.flatMap((o) => o.fulfillments);
const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};
const ageDays = (o: OrderRecord) => (now - Date.parse(o.createdAt)) / DAY;
const isCod = (o: OrderRecord) => o.paymentGatewayNames.includes(COD);

describe("buildDemoShop: determinism", () => {
  it("returns deep-equal data for the same seed and now", () => {
    const again = buildDemoShop({ now: new Date(NOW), seed: undefined });
    expect(again).toEqual(demo);
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
  });

  it("returns different data for a different seed", () => {
    const other = buildDemoShop({ now: NOW, seed: 7 });
    expect(JSON.stringify(other.orders)).not.toBe(JSON.stringify(demo.orders));
    expect(other.orders.map((o) => o.email)).not.toEqual(demo.orders.map((o) => o.email));
  });

  it("anchors the 60-day window at now", () => {
    const laterNow = now + 45 * DAY;
    const later = buildDemoShop({ now: new Date(laterNow) });
    expect(later.orders).toHaveLength(demo.orders.length);
    const times = later.orders.map((o) => Date.parse(o.createdAt));
    expect(Math.min(...times)).toBeGreaterThan(laterNow - 60 * DAY);
    expect(Math.max(...times)).toBeLessThan(laterNow);
    expect(Math.max(...times)).toBeGreaterThan(laterNow - DAY);
    expect(Date.parse(later.products[0]?.createdAt ?? "") - Date.parse(demo.products[0]?.createdAt ?? "")).toBe(45 * DAY);
  });

  it("is serialisable as JSON without loss (no cycles, no undefined)", () => {
    expect(JSON.parse(JSON.stringify(demo))).toEqual(demo);
  });

  it("rejects invalid options", () => {
    expect(() => buildDemoShop({ now: new Date("nope") })).toThrow(TypeError);
    expect(() => buildDemoShop({ now: NOW, orderCount: 0 })).toThrow(RangeError);
    expect(() => buildDemoShop({ now: NOW, orderCount: 2.5 })).toThrow(RangeError);
  });
});

describe("buildDemoShop: volume and identity", () => {
  it("has the default number of orders, all within the 60 days before now", () => {
    expect(demo.domain).toBe("aftercare-demo.myshopify.com");
    expect(demo.orders).toHaveLength(DEFAULT_ORDER_COUNT);
    const recent = demo.orders.filter((o) => ageDays(o) > 0 && ageDays(o) <= 60);
    expect(recent.length).toBeGreaterThanOrEqual(300);
    expect(recent).toHaveLength(demo.orders.length);
  });

  it("numbers orders #1001… in creation order with unique GIDs", () => {
    demo.orders.forEach((o, i) => {
      expect(o.name).toBe(`#${1001 + i}`);
      expect(o.number).toBe(1001 + i);
      expect(o.id).toBe(`gid://shopify/Order/${o.legacyResourceId}`);
      if (i > 0) expect(Date.parse(o.createdAt)).toBeGreaterThanOrEqual(Date.parse(demo.orders[i - 1]?.createdAt ?? ""));
    });
    const ids = [demo.shop, ...demo.customers, ...demo.products, ...demo.orders].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("honours orderCount", () => {
    const small = buildDemoShop({ now: NOW, orderCount: 40 });
    expect(small.orders).toHaveLength(40);
    expect(demoShopViolations(small, now)).toEqual([]);
  });
});

describe("buildDemoShop: markets", () => {
  it("ships to every market with its currency and language", () => {
    const countries = new Set(demo.orders.map((o) => o.shippingAddress.countryCodeV2));
    expect([...countries].sort()).toEqual(["CA", "DE", "ES", "FR", "GB", "GR", "IT", "NL", "PL", "UA", "US"]);
    expect(new Set(demo.orders.map((o) => o.presentmentCurrencyCode))).toEqual(new Set(["EUR", "PLN", "UAH", "GBP", "USD", "CAD"]));
    const languages = new Set(demo.orders.map((o) => o.customerLocale.split("-")[0]));
    for (const language of ["fr", "de", "pl", "uk", "el", "es", "en", "it", "nl"]) expect(languages).toContain(language);
    expect(demo.orders.every((o) => o.currencyCode === "EUR")).toBe(true);
  });

  it("prices each order in its country's currency", () => {
    for (const o of demo.orders) {
      const country = COUNTRIES[o.shippingAddress.countryCodeV2 as keyof typeof COUNTRIES];
      expect(o.presentmentCurrencyCode).toBe(country.currency);
      expect(o.billingAddress.countryCodeV2).toBe(o.shippingAddress.countryCodeV2);
    }
  });

  it("writes names in each country's script and addresses in its format", () => {
    const byCountry = (code: string) => demo.orders.filter((o) => o.shippingAddress.countryCodeV2 === code);
    expect(byCountry("UA").some((o) => /[\u0400-\u04FF]/.test(o.shippingAddress.lastName))).toBe(true);
    expect(byCountry("GR").some((o) => /[\u0370-\u03FF]/.test(o.shippingAddress.lastName))).toBe(true);
    const zip: Record<string, RegExp> = {
      FR: /^\d{5}$/, DE: /^\d{5}$/, PL: /^\d{2}-\d{3}$/, UA: /^\d{5}$/, GR: /^\d{3} \d{2}$/, ES: /^\d{5}$/,
      GB: /^[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}$/, US: /^\d{5}$/, CA: /^[A-Z]\d[A-Z] \d[A-Z]\d$/, IT: /^\d{5}$/, NL: /^\d{4} [A-Z]{2}$/,
    };
    for (const o of demo.orders) {
      const a = o.shippingAddress;
      expect(a.zip, `${o.name} ${a.countryCodeV2}`).toMatch(zip[a.countryCodeV2] ?? /^$/);
      expect(a.name).toBe(`${a.firstName} ${a.lastName}`);
      if (["US", "CA", "ES", "IT"].includes(a.countryCodeV2)) expect(a.provinceCode).toMatch(/^[A-Z]{1,2}$/);
    }
  });

  it("uses each country's phone numbering", () => {
    const prefix: Record<string, string> = { FR: "+33", DE: "+49", PL: "+48", UA: "+380", GR: "+30", ES: "+34", GB: "+44", US: "+1", CA: "+1", IT: "+39", NL: "+31" };
    const withPhone = demo.orders.filter((o) => o.phone !== null);
    expect(withPhone.length).toBeGreaterThan(demo.orders.length / 3);
    for (const o of withPhone) {
      expect(o.phone).toMatch(/^\+\d{10,13}$/);
      expect(o.phone?.startsWith(prefix[o.billingAddress.countryCodeV2] ?? "?")).toBe(true);
    }
  });

  it("only uses reserved example domains for e-mail", () => {
    for (const c of demo.customers) expect(c.defaultEmailAddress.emailAddress).toMatch(/^[a-z0-9._-]+@[a-z0-9-]+\.example$/);
    const emails = demo.customers.map((c) => c.defaultEmailAddress.emailAddress);
    expect(new Set(emails).size).toBe(emails.length);
  });
});

describe("buildDemoShop: customers", () => {
  it("has repeat customers (about a third, 2–5 orders) whose numberOfOrders matches", () => {
    const counts = demo.customers.map((c) => Number(c.numberOfOrders));
    const repeat = counts.filter((n) => n >= 2);
    expect(repeat.length / counts.length).toBeGreaterThan(0.2);
    expect(repeat.length / counts.length).toBeLessThan(0.45);
    expect(Math.max(...counts)).toBeLessThanOrEqual(5);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(demo.orders.length);
    for (const c of demo.customers) expect(demo.orders.filter((o) => o.customer === c)).toHaveLength(Number(c.numberOfOrders));
  });

  it("exposes consent the 2026-10 way, with every marketing state represented", () => {
    const states = new Set(demo.customers.map((c) => c.defaultEmailAddress.marketingState));
    for (const state of ["SUBSCRIBED", "NOT_SUBSCRIBED", "UNSUBSCRIBED", "PENDING"]) expect(states).toContain(state);
    for (const c of demo.customers) {
      expect(c).not.toHaveProperty("email");
      expect(c).not.toHaveProperty("emailMarketingConsent");
      const consent = c.defaultEmailAddress;
      if (consent.marketingState === "NOT_SUBSCRIBED") expect(consent.marketingUpdatedAt).toBeNull();
      else expect(consent.marketingOptInLevel).toBe(c.defaultAddress.countryCodeV2 === "DE" ? "CONFIRMED_OPT_IN" : "SINGLE_OPT_IN");
    }
    expect(demo.customers.some((c) => c.defaultPhoneNumber?.smsMarketingConsent.state === "SUBSCRIBED")).toBe(true);
  });

  it("gives customers a locale, totals and tags", () => {
    expect(demo.customers.some((c) => c.tags.includes("VIP"))).toBe(true);
    for (const c of demo.customers) {
      const orders = demo.orders.filter((o) => o.customer === c);
      expect(c.locale).toBe(orders[0]?.customerLocale);
      expect(Date.parse(c.updatedAt)).toBeGreaterThanOrEqual(Date.parse(orders[orders.length - 1]?.createdAt ?? ""));
    }
  });
});

describe("buildDemoShop: order lifecycle mix", () => {
  it("has cash on delivery and prepaid orders, pending and paid", () => {
    const gateways = new Set(demo.orders.flatMap((o) => o.paymentGatewayNames));
    for (const g of [COD, "shopify_payments", "paypal", "Bank Deposit"]) expect(gateways).toContain(g);
    const cod = demo.orders.filter(isCod);
    expect(cod.some((o) => o.displayFinancialStatus === "PENDING")).toBe(true);
    expect(cod.some((o) => o.displayFinancialStatus === "PAID")).toBe(true);
    for (const o of cod.filter((x) => x.displayFinancialStatus === "PAID")) {
      expect(o.fulfillments.every((f) => f.displayStatus === "DELIVERED")).toBe(true);
    }
    const financial = countBy(demo.orders, (o) => o.displayFinancialStatus);
    for (const s of ["PAID", "PENDING", "REFUNDED", "PARTIALLY_REFUNDED", "VOIDED"]) expect(financial[s]).toBeGreaterThan(0);
  });

  it("has fulfilled, partially fulfilled and unfulfilled orders, with and without tracking", () => {
    const fulfillment = countBy(demo.orders, (o) => o.displayFulfillmentStatus);
    for (const s of ["FULFILLED", "PARTIALLY_FULFILLED", "UNFULFILLED"]) expect(fulfillment[s]).toBeGreaterThan(0);
    const parcels = allFulfillments(demo);
    expect(parcels.some((f) => f.trackingInfo.length === 0)).toBe(true);
    expect(parcels.filter((f) => f.trackingInfo.length > 0).length).toBeGreaterThan(parcels.length * 0.8);
  });

  it("shows every carrier display status a parcel goes through", () => {
    const statuses = new Set(allFulfillments(demo).map((f) => f.displayStatus));
    for (const s of ["CONFIRMED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "ATTEMPTED_DELIVERY", "DELIVERED", "FAILURE", "FULFILLED"]) {
      expect(statuses, s).toContain(s);
    }
    const delivered = allFulfillments(demo).filter((f) => f.displayStatus === "DELIVERED");
    expect(delivered.some((f) => f.estimatedDeliveryAt !== null)).toBe(true);
  });

  it("uses each country's carriers with well-formed tracking", () => {
    const companies = (code: string) =>
      new Set(demo.orders.filter((o) => o.shippingAddress.countryCodeV2 === code).flatMap((o) => o.fulfillments.flatMap((f) => f.trackingInfo.map((t) => t.company))));
    expect([...companies("UA")].every((c) => ["Nova Poshta", "Ukrposhta"].includes(c))).toBe(true);
    expect([...companies("FR")].every((c) => ["Colissimo", "La Poste"].includes(c))).toBe(true);
    expect([...companies("PL")].every((c) => ["InPost", "DPD"].includes(c))).toBe(true);
    const all = new Set(allFulfillments(demo).flatMap((f) => f.trackingInfo.map((t) => t.company)));
    for (const c of ["Colissimo", "DHL Parcel", "InPost", "Nova Poshta", "Correos", "Royal Mail", "UPS", "Canada Post"]) expect(all).toContain(c);
    for (const f of allFulfillments(demo)) {
      for (const t of f.trackingInfo) {
        if (t.company === "Royal Mail") expect(s10Identifier(t.number.slice(0, 2), t.number.slice(2, 10), "GB")).toBe(t.number);
        expect(t.url).toContain(encodeURIComponent(t.number));
      }
    }
  });

  it("has cancelled and refunded orders", () => {
    const cancelled = demo.orders.filter((o) => o.cancelledAt !== null);
    expect(cancelled.length).toBeGreaterThan(0);
    expect(new Set(cancelled.map((o) => o.cancelReason)).size).toBeGreaterThan(1);
    for (const o of cancelled) expect(o.fulfillments.some((f) => f.displayStatus === "DELIVERED")).toBe(false);
    const refunds = demo.orders.flatMap((o) => o.refunds);
    expect(refunds.length).toBeGreaterThan(0);
    for (const r of refunds) expect(r.note.length).toBeGreaterThan(5);
  });

  it("looks like a live shop: old orders done, new ones waiting", () => {
    const old = demo.orders.filter((o) => ageDays(o) > 21);
    const done = old.filter((o) => o.closed || o.cancelledAt !== null || o.fulfillments.every((f) => f.displayStatus === "DELIVERED"));
    expect(done.length / old.length).toBeGreaterThan(0.85);
    const fresh = demo.orders.filter((o) => ageDays(o) < 1);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.filter((o) => o.displayFulfillmentStatus === "UNFULFILLED").length / fresh.length).toBeGreaterThan(0.5);
  });

  it("includes clearly late orders", () => {
    const lateToShip = demo.orders.filter(
      (o) => o.cancelledAt === null && o.displayFulfillmentStatus === "UNFULFILLED" && businessDaysBetween(Date.parse(o.createdAt), now) >= 4,
    );
    expect(lateToShip.length).toBeGreaterThanOrEqual(3);
    const stuck = allFulfillments(demo).filter(
      (f) => (f.displayStatus === "IN_TRANSIT" || f.displayStatus === "DELAYED") && f.inTransitAt !== null && now - Date.parse(f.inTransitAt) >= 10 * DAY,
    );
    expect(stuck.length).toBeGreaterThanOrEqual(3);
  });

  it("tags some orders and puts thank-you gifts in some repeat orders", () => {
    const tagged = demo.orders.filter((o) => o.tags.length > 0);
    expect(tagged.length).toBeGreaterThan(10);
    expect(tagged.length).toBeLessThan(demo.orders.length);
    for (const o of tagged) expect([...o.tags].sort((a, b) => a.localeCompare(b))).toEqual(o.tags);
    const gifted = demo.orders.filter((o) => o.tags.includes("thank-you-gift"));
    expect(gifted.length).toBeGreaterThan(0);
    for (const o of gifted) expect(o.lineItems.some((l) => l.originalUnitPriceSet.shopMoney.amount === "0.00")).toBe(true);
  });
});

describe("buildDemoShop: catalog", () => {
  it("sells a dozen products with variants plus cheap thank-you goodies", () => {
    expect(demo.products.length).toBeGreaterThanOrEqual(12);
    expect(demo.products.filter((p) => p.variants.length > 1).length).toBeGreaterThanOrEqual(8);
    const gifts = demo.products.filter((p) => p.tags.includes("gift"));
    const titles = gifts.map((p) => p.title.toLowerCase()).join(" | ");
    for (const word of ["pen", "catalogue", "sticker", "tote"]) expect(titles).toContain(word);
    for (const p of gifts) expect(Number(p.variants[0]?.price)).toBeLessThanOrEqual(10);
    const skus = demo.products.flatMap((p) => p.variants.map((v) => v.sku));
    expect(new Set(skus).size).toBe(skus.length);
  });

  it("references catalog products and variants from line items", () => {
    const products = new Set(demo.products);
    for (const l of demo.orders.flatMap((o) => o.lineItems)) {
      expect(products.has(l.product)).toBe(true);
      expect(l.product.variants).toContain(l.variant);
      expect(l.sku).toBe(l.variant.sku);
    }
  });
});

describe("buildDemoShop: internal consistency", () => {
  it("holds for the default demo shop", () => {
    expect(demoShopViolations(demo, now)).toEqual([]);
  });

  it("holds for any seed, now and size", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.integer({ min: 1, max: 400 }),
        (seed, at, orderCount) => {
          const shop = buildDemoShop({ now: new Date(at), seed, orderCount });
          expect(shop.orders).toHaveLength(orderCount);
          expect(demoShopViolations(shop, at)).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  });

  it("keeps the late and in-flight scenarios for other seeds too", () => {
    for (const seed of [1, 99, 4242]) {
      const at = Date.UTC(2026, 2, 3, 15, 30);
      const shop = buildDemoShop({ now: new Date(at), seed });
      const statuses = new Set(allFulfillments(shop).map((f) => f.displayStatus));
      for (const s of ["CONFIRMED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "ATTEMPTED_DELIVERY", "DELIVERED", "FAILURE"]) expect(statuses, `seed ${seed}: ${s}`).toContain(s);
      expect(shop.orders.some((o) => o.displayFulfillmentStatus === "PARTIALLY_FULFILLED"), `seed ${seed}`).toBe(true);
    }
  });
});
