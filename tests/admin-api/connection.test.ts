import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paginate, type Connection } from "./connection.ts";

const items = [3, 1, 2, 5, 4].map((n) => ({
  id: `gid://shopify/Order/${n}`,
  __typename: "Order",
  createdAt: `2026-10-0${6 - n}T00:00:00Z`,
  tags: n % 2 ? ["odd"] : [],
}));

const ids = (connection: Connection) => connection.nodes.map((node) => (node as { id: string }).id.split("/").pop());

describe("paginate", () => {
  it("pages forward with cursors and reports page info", () => {
    const first = paginate(items, { first: 2, sortKey: "ID" }, "Order");
    expect(ids(first)).toEqual(["1", "2"]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.pageInfo.endCursor).toBe(first.edges[1]?.cursor);
    const second = paginate(items, { first: 2, sortKey: "ID", after: first.pageInfo.endCursor }, "Order");
    expect(ids(second)).toEqual(["3", "4"]);
    const third = paginate(items, { first: 2, sortKey: "ID", after: second.pageInfo.endCursor }, "Order");
    expect(ids(third)).toEqual(["5"]);
    expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it("pages backward with last/before", () => {
    const tail = paginate(items, { last: 2, sortKey: "ID" }, "Order");
    expect(ids(tail)).toEqual(["4", "5"]);
    const before = paginate(items, { last: 2, sortKey: "ID", before: tail.pageInfo.startCursor }, "Order");
    expect(ids(before)).toEqual(["2", "3"]);
    expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it("sorts by a sort key's field, reverses, and keeps stored order without a sort key", () => {
    expect(ids(paginate(items, { first: 5, sortKey: "CREATED_AT" }, "Order"))).toEqual(["5", "4", "3", "2", "1"]);
    expect(ids(paginate(items, { first: 5, sortKey: "CREATED_AT", reverse: true }, "Order"))).toEqual(["1", "2", "3", "4", "5"]);
    expect(ids(paginate(items, { first: 5, sortKey: "RELEVANCE" }, "Order"))).toEqual(["1", "2", "3", "4", "5"]);
    expect(ids(paginate(items, { first: 5 }, "Order"))).toEqual(["3", "1", "2", "5", "4"]);
  });

  it("filters with a search query before paging", () => {
    expect(ids(paginate(items, { first: 5, sortKey: "ID", query: "tag:odd" }, "Order"))).toEqual(["1", "3", "5"]);
  });

  it("rejects a missing page size, an oversized one and a garbage cursor", () => {
    expect(() => paginate(items, {}, "Order")).toThrow("you must provide one of first or last");
    expect(() => paginate(items, { first: 251 }, "Order")).toThrow(/between 0 and 250/);
    expect(() => paginate(items, { first: 1, after: "not-a-cursor" }, "Order")).toThrow(/Invalid cursor/);
  });

  it("visits every item exactly once when following endCursor, for any page size", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 12 }), fc.boolean(), (count, size, reverse) => {
        const records = Array.from({ length: count }, (_, i) => ({ id: `gid://shopify/Order/${(i * 7) % 41}-${i}` }));
        const seen: unknown[] = [];
        let after: string | null = null;
        for (let guard = 0; guard <= count + 1; guard += 1) {
          const page: Connection = paginate(records, { first: size, after, reverse }, "Order");
          seen.push(...page.nodes);
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        const expected = reverse ? [...records].reverse() : records;
        expect(seen).toEqual(expected);
      }),
    );
  });
});
