// The Orders list's URL: what it understands, what it drops (with a notice), and that no URL
// whatsoever makes it throw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeCursor,
  encodeCursor,
  hasSearchOrFilters,
  parseOrderListQuery,
  parseOrderSearch,
  withCursor,
  withListChange,
  withoutSearchOrFilters,
} from "~/orders/order-filters";

const parse = (search: string) => parseOrderListQuery(new URLSearchParams(search));

describe("parseOrderListQuery", () => {
  it("reads nothing from an empty URL: the newest orders, unfiltered", () => {
    const { query, notices } = parse("");
    expect(query).toEqual({ search: null, fulfillment: [], payment: [], cancelled: null, cashOnDelivery: null, cursor: null });
    expect(notices).toEqual([]);
    expect(hasSearchOrFilters(query)).toBe(false);
  });

  it("reads every filter, comma-separated or repeated, in any case, without duplicates", () => {
    const { query, notices } = parse("fulfillment=Unfulfilled,partial&fulfillment=partial&payment=paid&payment=PARTIALLY_REFUNDED&cancelled=no&cod=yes");
    expect(query.fulfillment).toEqual(["unfulfilled", "partial"]);
    expect(query.payment).toEqual(["paid", "partially_refunded"]);
    expect(query.cancelled).toBe(false);
    expect(query.cashOnDelivery).toBe(true);
    expect(notices).toEqual([]);
    expect(hasSearchOrFilters(query)).toBe(true);
  });

  it("drops values it does not know, keeps the rest, and says what it dropped", () => {
    const { query, notices } = parse("payment=paid,nonsense&fulfillment=shipped&cancelled=maybe&cod=1");
    expect(query.payment).toEqual(["paid"]);
    expect(query.fulfillment).toEqual([]);
    expect(query.cancelled).toBeNull();
    expect(query.cashOnDelivery).toBeNull();
    expect(notices).toEqual([
      "Ignored the unknown fulfillment status filter “shipped”.",
      "Ignored the unknown payment status filter “nonsense”.",
      "Ignored the cancelled filter “maybe”: it should be “yes” or “no”.",
      "Ignored the cash on delivery filter “1”: it should be “yes” or “no”.",
    ]);
  });

  it("leaves parameters that are not the list's alone: Shopify's, and made-up ones such as page=-1 or status=nonsense", () => {
    const { query, notices } = parse("embedded=1&shop=a.myshopify.com&host=abc&id_token=x&page=-1&status=nonsense");
    expect(hasSearchOrFilters(query)).toBe(false);
    expect(query.cursor).toBeNull();
    expect(notices).toEqual([]);
  });

  it("reads a page cursor in either direction and drops a malformed one with a notice", () => {
    expect(parse("after=1763892000000-5001").query.cursor).toEqual({ direction: "after", placedAt: new Date(1763892000000), orderId: "5001" });
    expect(parse("before=1763892000000-5001").query.cursor?.direction).toBe("before");
    for (const bad of ["after=-1", "after=abc", "before=1763892000000-", "after=99999999999999999999-1", "after=1-5001;drop"]) {
      const { query, notices } = parse(bad);
      expect(query.cursor, bad).toBeNull();
      expect(notices, bad).toEqual(["That page link is not valid any more, so the list starts from the newest orders."]);
    }
  });

  it("clips an overlong value in a notice", () => {
    const { notices } = parse(`payment=${"x".repeat(200)}`);
    expect(notices[0]).toBe(`Ignored the unknown payment status filter “${"x".repeat(30)}…”.`);
  });

  it("never throws, whatever the URL says", () => {
    const key = fc.constantFrom("q", "fulfillment", "payment", "cancelled", "cod", "after", "before", "page", "status");
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.string({ maxLength: 120 })), { maxLength: 8 }), (pairs) => {
        const { query, notices } = parseOrderListQuery(new URLSearchParams(pairs));
        expect(Array.isArray(notices)).toBe(true);
        if (query.search) expect(query.search.text.length).toBeLessThanOrEqual(100);
        if (query.search?.number != null) expect(query.search.number).toBeLessThanOrEqual(2_147_483_647);
      }),
    );
  });
});

describe("parseOrderSearch", () => {
  it("matches an order number with or without #, as order number, customer id and order id", () => {
    const expected = { number: 1042, names: [], customerId: "1042", orderId: "1042" };
    expect(parseOrderSearch("1042")).toMatchObject({ text: "1042", ...expected });
    expect(parseOrderSearch("  #1042 ")).toMatchObject({ text: "#1042", ...expected });
    expect(parseOrderSearch("# 1042")).toMatchObject(expected);
  });

  it("does not compare a number too large for the order number column with it", () => {
    expect(parseOrderSearch("7123456789012")).toEqual({ text: "7123456789012", number: null, names: [], customerId: "7123456789012", orderId: "7123456789012" });
  });

  it("matches a customer gid or customer:<id> on the customer only, and an order gid on the order only", () => {
    expect(parseOrderSearch("gid://shopify/Customer/7001")).toEqual({ text: "gid://shopify/Customer/7001", number: null, names: [], customerId: "7001", orderId: null });
    expect(parseOrderSearch("customer: 7001")).toMatchObject({ number: null, names: [], customerId: "7001", orderId: null });
    expect(parseOrderSearch("gid://shopify/Order/5001")).toMatchObject({ number: null, names: [], customerId: null, orderId: "5001" });
  });

  it("matches anything else as an order name, with and without #", () => {
    expect(parseOrderSearch("EU-1042")).toEqual({ text: "EU-1042", number: null, names: ["EU-1042", "#EU-1042"], customerId: null, orderId: null });
    expect(parseOrderSearch("#EU-1042")?.names).toEqual(["#EU-1042"]);
  });

  it("reads blank as no search and shortens an overlong one with a notice", () => {
    expect(parseOrderSearch("   ")).toBeNull();
    const notices: string[] = [];
    expect(parseOrderSearch("a".repeat(150), notices)?.text).toBe("a".repeat(100));
    expect(notices).toEqual(["The search was shortened to its first 100 characters."]);
  });
});

describe("page cursors", () => {
  it("round-trip any (placedAt, orderId)", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }), fc.bigInt({ min: 1n, max: 10n ** 19n }), (placedAt, id) => {
        const encoded = encodeCursor(placedAt, id.toString());
        expect(encoded).toMatch(/^[0-9-]+$/);
        expect(decodeCursor("after", encoded)).toEqual({ direction: "after", placedAt, orderId: id.toString() });
      }),
    );
  });
});

describe("changing the URL", () => {
  const current = new URLSearchParams("embedded=1&q=1042&payment=paid&after=1763892000000-5001");

  it("drops the page cursor on any change of search or filters, and keeps parameters that are not the list's", () => {
    expect(withListChange(current, { fulfillment: ["unfulfilled", "partial"] }).toString()).toBe("embedded=1&q=1042&payment=paid&fulfillment=unfulfilled%2Cpartial");
    expect(withListChange(current, { payment: [], search: "" }).toString()).toBe("embedded=1");
    expect(withListChange(current, { cancelled: "yes" }).get("cancelled")).toBe("yes");
  });

  it("clears every search and filter at once", () => {
    expect(withoutSearchOrFilters(new URLSearchParams("embedded=1&q=x&fulfillment=partial&payment=paid&cancelled=yes&cod=no&before=1-1")).toString()).toBe("embedded=1");
  });

  it("moves to another page of the same result", () => {
    expect(withCursor(current, "before", "1763800000000-4999").toString()).toBe("embedded=1&q=1042&payment=paid&before=1763800000000-4999");
  });
});
