import { describe, expect, it } from "vitest";
import { matchesSearch, parseSearchQuery } from "./search-query.ts";

const order = {
  id: "gid://shopify/Order/1005",
  __typename: "Order",
  name: "#1005",
  email: "Ada@Example.com",
  createdAt: "2026-10-01T08:00:00Z",
  updatedAt: "2026-10-04T12:00:00Z",
  closed: false,
  cancelledAt: null,
  displayFinancialStatus: "PARTIALLY_REFUNDED",
  displayFulfillmentStatus: "UNFULFILLED",
  tags: ["VIP", "gift wrap"],
};

const matches = (query: string, record: Record<string, unknown> = order) =>
  matchesSearch(record, parseSearchQuery(query), "Order");

describe("parseSearchQuery", () => {
  it("parses comparators, quotes and negation", () => {
    expect(parseSearchQuery(`created_at:>=2026-10-01 -tag:"gift wrap" NOT status:closed`)).toEqual([
      [
        { field: "created_at", comparator: ">=", value: "2026-10-01", negated: false },
        { field: "tag", comparator: "=", value: "gift wrap", negated: true },
        { field: "status", comparator: "=", value: "closed", negated: true },
      ],
    ]);
  });

  it("splits OR groups and drops bare words", () => {
    expect(parseSearchQuery("mug tag:a OR tag:b")).toEqual([
      [{ field: "tag", comparator: "=", value: "a", negated: false }],
      [{ field: "tag", comparator: "=", value: "b", negated: false }],
    ]);
  });
});

describe("matchesSearch", () => {
  it("compares dates, treating a bare date as a whole UTC day", () => {
    expect(matches("created_at:>=2026-10-01")).toBe(true);
    expect(matches("created_at:>2026-10-01")).toBe(false);
    expect(matches("created_at:2026-10-01")).toBe(true);
    expect(matches("created_at:<2026-10-01")).toBe(false);
    expect(matches("created_at:<=2026-10-01")).toBe(true);
    expect(matches("updated_at:>'2026-10-04T11:59:59Z'")).toBe(true);
    expect(matches("updated_at:>2026-10-04T12:00:00Z")).toBe(false);
  });

  it("understands order status, financial and fulfillment status", () => {
    expect(matches("status:open")).toBe(true);
    expect(matches("status:closed")).toBe(false);
    expect(matches("status:cancelled", { ...order, cancelledAt: "2026-10-02T00:00:00Z" })).toBe(true);
    expect(matches("financial_status:partially_refunded")).toBe(true);
    expect(matches("financial_status:paid")).toBe(false);
    expect(matches("fulfillment_status:unfulfilled")).toBe(true);
    expect(matches("fulfillment_status:unshipped")).toBe(true);
    expect(matches("fulfillment_status:shipped")).toBe(false);
  });

  it("matches tags case-insensitively, with negation and tag_not", () => {
    expect(matches("tag:vip")).toBe(true);
    expect(matches("tag:'gift wrap'")).toBe(true);
    expect(matches("tag:gift")).toBe(false);
    expect(matches("-tag:vip")).toBe(false);
    expect(matches("tag_not:late")).toBe(true);
  });

  it("ANDs space-separated terms and ORs groups", () => {
    expect(matches("tag:vip status:open")).toBe(true);
    expect(matches("tag:vip status:closed")).toBe(false);
    expect(matches("status:closed OR tag:vip")).toBe(true);
  });

  it("compares plain fields, prefixes and presence", () => {
    expect(matches("email:ada@example.com")).toBe(true);
    expect(matches("email:ada*")).toBe(true);
    expect(matches("email:bob@example.com")).toBe(false);
    expect(matches("email:*")).toBe(true);
    expect(matches("email:*", { ...order, email: null })).toBe(false);
    expect(matches("id:>=1005")).toBe(true);
    expect(matches("id:>1005")).toBe(false);
  });

  it("ignores terms for fields the type does not have", () => {
    expect(matches("frobnicate:yes tag:vip")).toBe(true);
    expect(matches("frobnicate:yes tag:nope")).toBe(false);
  });
});
