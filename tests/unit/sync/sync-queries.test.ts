// The sync's Admin API operations: the reconciliation page fits Shopify's single-query
// cost limit, and the backfill's bulk query is prepared the way bulk operations take it.
import { Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { ORDERS_BACKFILL_BULK_QUERY } from "~/shopify/graphql/orders-backfill-bulk-query";
import { ORDERS_RECONCILE_QUERY } from "~/shopify/graphql/orders-reconcile";
import { backfillBulkQuery, backfillSince } from "~/sync/backfill-query";
import { RECONCILE_PAGE_SIZE, reconcileSearch } from "~/sync/reconcile.server";
import { checkBulkQuery } from "../../admin-api/bulk-operations";
import { MAX_QUERY_COST, requestedQueryCost } from "../../admin-api/cost";

const costAt = (first: number) =>
  requestedQueryCost({ document: parse(ORDERS_RECONCILE_QUERY), variables: { first, after: null, query: "updated_at:>'2026-11-01T00:00:00Z'" } });

describe("the reconciliation query", () => {
  it("requests 2 + 57 points an order: a page of RECONCILE_PAGE_SIZE stays under the single-query limit", () => {
    expect(costAt(1)).toBe(2 + 57);
    expect(costAt(RECONCILE_PAGE_SIZE)).toBe(914);
    expect(costAt(RECONCILE_PAGE_SIZE)).toBeLessThanOrEqual(MAX_QUERY_COST);
  });

  it("searches strictly after the given time", () => {
    expect(reconcileSearch(new Date("2026-11-01T08:30:00Z"))).toBe("updated_at:>'2026-11-01T08:30:00.000Z'");
  });
});

describe("the backfill's bulk query", () => {
  const since = backfillSince(new Date("2026-11-20T10:00:00Z"));

  it("covers the 60 days before now", () => {
    expect(since.toISOString()).toBe("2026-09-21T10:00:00.000Z");
  });

  it("goes out anonymous, with the date written in, and passes the bulk checks", () => {
    const prepared = backfillBulkQuery(since);
    const [operation] = parse(prepared).definitions;
    expect(operation?.kind).toBe(Kind.OPERATION_DEFINITION);
    expect(operation && "name" in operation ? operation.name : "missing").toBeUndefined();
    expect(prepared).toContain(`orders(query: "created_at:>='2026-09-21T10:00:00.000Z'", sortKey: CREATED_AT)`);
    expect(prepared).not.toContain("{since}");
    expect(checkBulkQuery(prepared)).toMatchObject({ ok: true });
  });

  it("keeps its name in the source, for codegen and the operations check", () => {
    expect(ORDERS_BACKFILL_BULK_QUERY).toMatch(/query OrdersBackfillBulk \{/);
  });

  it("refuses a template without exactly one date marker", () => {
    expect(() => backfillBulkQuery(since, `query X { orders(query: "status:open") { edges { node { id } } } }`)).toThrow(
      "must hold {since} exactly once (found 0)",
    );
  });
});
