import { afterEach, describe, expect, it } from "vitest";
import { BULK_RESULT_LIFETIME_MS, configureBulkOperations, failBulkOperation, getBulkOperation, readBulkFile } from "./bulk-operations.ts";
import { runOperation } from "./execute.ts";
import { createFixtureStore, FIXTURE_SHOP, FIXTURE_TOKEN, orderGid } from "./fixture-shop.ts";
import { startAdminApiStandIn, type StandIn } from "./server.ts";
import type { AdminStore } from "./store.ts";

const START = Date.parse("2026-10-10T12:00:00Z");

const RUN = `mutation Run($query: String!) {
  bulkOperationRunQuery(query: $query) {
    bulkOperation { id status objectCount url createdAt }
    userErrors { field message code }
  }
}`;

const STATUS = `query Status($id: ID!) {
  bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount fileSize url partialDataUrl createdAt completedAt }
}`;

const ORDERS_WITH_LINE_ITEMS = `{
  orders(query: "financial_status:paid", sortKey: CREATED_AT) {
    edges {
      node {
        id
        name
        tags
        fulfillments { name }
        lineItems { edges { node { id title quantity } } }
      }
    }
  }
}`;

type Harness = { store: AdminStore; clock: { now: number }; standIn: StandIn | null };
const running: StandIn[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((standIn) => standIn.close()));
});

function harness(): Harness {
  return { store: createFixtureStore(), clock: { now: START }, standIn: null };
}

async function withServer(h: Harness): Promise<StandIn> {
  const standIn = await startAdminApiStandIn({ store: h.store, now: () => h.clock.now });
  running.push(standIn);
  h.standIn = standIn;
  return standIn;
}

async function run(h: Harness, source: string, variables?: Record<string, unknown>) {
  const result = await runOperation(h.store, FIXTURE_SHOP, source, variables, () => h.clock.now);
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, Record<string, unknown>>;
}

async function startBulk(h: Harness, query: string) {
  const data = await run(h, RUN, { query });
  return data.bulkOperationRunQuery as {
    bulkOperation: { id: string; status: string; objectCount: string; url: string | null; createdAt: string } | null;
    userErrors: { field: string[] | null; message: string; code: string }[];
  };
}

async function status(h: Harness, id: string) {
  return (await run(h, STATUS, { id })).bulkOperation as Record<string, unknown>;
}

function jsonlOf(h: Harness, id: string): Record<string, unknown>[] {
  const file = readBulkFile(h.store, Number(id.split("/").at(-1)));
  if (file.status !== 200) throw new Error(file.message);
  expect(file.jsonl.endsWith("\n")).toBe(true);
  return file.jsonl.trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("bulkOperationRunQuery: the inner query is checked like Shopify checks it", () => {
  it.each([
    ["a misspelled field", `{ orders { edges { node { nmae } } } }`, 'Invalid bulk query: Cannot query field "nmae" on type "Order". Did you mean "name" or "note"?'],
    ["no connection", `{ shop { name } }`, "Bulk queries must contain at least one connection."],
    ["variables", `query($q: String) { orders(query: $q) { edges { node { id } } } }`, "Bulk queries cannot use variables: write the values into the query."],
    ["a mutation", `mutation { tagsAdd(id: "gid://shopify/Order/1", tags: ["x"]) { userErrors { message } } }`, "Bulk queries must contain exactly one query operation."],
    ["two top-level fields", `{ orders { edges { node { id } } } products { edges { node { id } } } }`, "Bulk queries must select a single top-level field."],
    ["top-level node", `{ node(id: "gid://shopify/Order/1001") { id } }`, "Bulk queries cannot use the top-level node or nodes fields."],
    [
      "connections three deep",
      `{ customers { edges { node { id orders { edges { node { id lineItems { edges { node { id } } } } } } } } } }`,
      "Bulk queries cannot contain connections nested more than 2 levels deep (customers.orders.lineItems).",
    ],
    [
      "a nested connection whose parent has no id",
      `{ orders { edges { node { name lineItems { edges { node { id } } } } } } }`,
      "The parent 'node' of the nested connection orders.lineItems must select the 'id' field.",
    ],
  ])("refuses %s with an INVALID userError", async (_what, query, message) => {
    const h = harness();
    const payload = await startBulk(h, query);
    expect(payload).toEqual({ bulkOperation: null, userErrors: [{ field: ["query"], message, code: "INVALID" }] });
    expect(h.store.list(FIXTURE_SHOP, "BulkOperation")).toEqual([]);
  });

  it("refuses more than five connections", async () => {
    const h = harness();
    const six = `{ products { edges { node { id
      a: variants { edges { node { id } } } b: variants { edges { node { id } } } c: variants { edges { node { id } } }
      d: variants { edges { node { id } } } e: variants { edges { node { id } } } } } } }`;
    const payload = await startBulk(h, six);
    expect(payload.userErrors).toEqual([{ field: ["query"], message: "Bulk queries cannot contain more than 5 connections.", code: "INVALID" }]);
  });
});

describe("the JSONL result", () => {
  it("has a line per top-level node, nested connections on their own lines with __parentId, lists inline", async () => {
    const h = harness();
    const payload = await startBulk(h, ORDERS_WITH_LINE_ITEMS);
    expect(payload.userErrors).toEqual([]);
    const id = payload.bulkOperation?.id ?? "";
    h.clock.now += 1;
    const lines = jsonlOf(h, id);
    // Paid orders 1001, 1002, 1005, 1006 by creation, each followed by its two line items.
    expect(lines.map((line) => line.id ?? line.__parentId)).toEqual(
      [1001, 1002, 1005, 1006].flatMap((n) => [orderGid(n), `gid://shopify/LineItem/${n}1`, `gid://shopify/LineItem/${n}2`]),
    );
    expect(lines[0]).toEqual({ id: orderGid(1001), name: "#1001", tags: ["vip"], fulfillments: [{ name: "#1001-F1" }] });
    expect(lines[1]).toEqual({ id: "gid://shopify/LineItem/10011", title: "Ceramic mug", quantity: 2, __parentId: orderGid(1001) });
    expect(Object.keys(lines[1] ?? {}).at(-1)).toBe("__parentId");
    const done = await status(h, id);
    expect(done).toMatchObject({ status: "COMPLETED", objectCount: "12", rootObjectCount: "4" });
  });

  it("lists every node, however many, without first/last", async () => {
    const h = harness();
    for (let n = 2000; n < 2300; n += 1) {
      h.store.upsertNode(FIXTURE_SHOP, { id: orderGid(n), __typename: "Order", name: `#${n}`, createdAt: "2026-10-06T00:00:00Z", displayFinancialStatus: "PAID" });
    }
    const payload = await startBulk(h, `{ orders(query: "created_at:>='2026-10-06T00:00:00Z'") { edges { node { id } } } }`);
    h.clock.now += 1;
    expect(jsonlOf(h, payload.bulkOperation?.id ?? "")).toHaveLength(300);
  });

  it("completes without a url when nothing matched", async () => {
    const h = harness();
    const payload = await startBulk(h, `{ orders(query: "tag:nothing-has-this") { edges { node { id } } } }`);
    h.clock.now += 1;
    expect(await status(h, payload.bulkOperation?.id ?? "")).toMatchObject({ status: "COMPLETED", objectCount: "0", url: null, fileSize: null });
  });
});

describe("the BulkOperation over time", () => {
  it("goes CREATED → RUNNING → COMPLETED with the clock, serves its url, and expires after seven days", async () => {
    const h = harness();
    const standIn = await withServer(h);
    configureBulkOperations(h.store, { durationMs: 10_000 });
    const payload = await startBulk(h, ORDERS_WITH_LINE_ITEMS);
    const id = payload.bulkOperation?.id ?? "";
    expect(payload.bulkOperation).toEqual({ id, status: "CREATED", objectCount: "0", url: null, createdAt: "2026-10-10T12:00:00.000Z" });

    h.clock.now += 5_000;
    expect(await status(h, id)).toMatchObject({ status: "RUNNING", objectCount: "6", rootObjectCount: "2", url: null, completedAt: null });

    h.clock.now += 5_000;
    const done = await status(h, id);
    const url = `${standIn.origin}/bulk/${id.split("/").at(-1)}.jsonl`;
    expect(done).toMatchObject({ status: "COMPLETED", objectCount: "12", rootObjectCount: "4", url, completedAt: "2026-10-10T12:00:10.000Z", errorCode: null });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/jsonl");
    const text = await response.text();
    expect(String(Buffer.byteLength(text))).toBe(done.fileSize);
    expect(text.trimEnd().split("\n")).toHaveLength(12);

    h.clock.now += BULK_RESULT_LIFETIME_MS;
    expect(await status(h, id)).toMatchObject({ status: "EXPIRED", url: null });
    expect((await fetch(url)).status).toBe(403);
  });

  it("is readable through node(id:) and currentBulkOperation too", async () => {
    const h = harness();
    expect(await run(h, `{ currentBulkOperation { id } }`)).toEqual({ currentBulkOperation: null });
    const first = await startBulk(h, ORDERS_WITH_LINE_ITEMS);
    h.clock.now += 1;
    const second = await startBulk(h, `{ products { edges { node { id } } } }`);
    h.clock.now += 1;
    const read = await run(h, `query($id: ID!) { node(id: $id) { ... on BulkOperation { status query } } currentBulkOperation { id status } }`, {
      id: first.bulkOperation?.id,
    });
    expect(read).toEqual({
      node: { status: "COMPLETED", query: ORDERS_WITH_LINE_ITEMS },
      currentBulkOperation: { id: second.bulkOperation?.id, status: "COMPLETED" },
    });
  });

  it("can be made to fail, with an error code and no url", async () => {
    const h = harness();
    configureBulkOperations(h.store, { durationMs: 60_000 });
    const payload = await startBulk(h, ORDERS_WITH_LINE_ITEMS);
    const id = payload.bulkOperation?.id ?? "";
    h.clock.now += 30_000;
    failBulkOperation(h.store, id, { status: "FAILED", errorCode: "TIMEOUT" });
    h.clock.now += 60_000;
    expect(await status(h, id)).toMatchObject({ status: "FAILED", errorCode: "TIMEOUT", url: null, objectCount: "6", completedAt: "2026-10-10T12:00:30.000Z" });
    expect(() => failBulkOperation(h.store, id, { status: "CANCELED" })).toThrow("already FAILED");
  });

  it("fails with INTERNAL_SERVER_ERROR when the query cannot be executed over the store, keeping the errors", async () => {
    const h = harness();
    // The fixture's orders have no `number` (Order.number is non-null).
    const payload = await startBulk(h, `{ orders { edges { node { id number } } } }`);
    const id = payload.bulkOperation?.id ?? "";
    expect(payload.bulkOperation?.status).toBe("CREATED");
    h.clock.now += 1;
    expect(await status(h, id)).toMatchObject({ status: "FAILED", errorCode: "INTERNAL_SERVER_ERROR", url: null });
    expect(getBulkOperation(h.store, id)?.errors.map((error) => error.message)).toContain(
      "Admin API stand-in: non-null field Order.number (Int!) is missing on gid://shopify/Order/1001; add it to the record",
    );
  });

  it("allows five bulk queries under way per shop, then answers LIMIT_REACHED", async () => {
    const h = harness();
    configureBulkOperations(h.store, { durationMs: 60_000 });
    for (let i = 0; i < 5; i += 1) expect((await startBulk(h, ORDERS_WITH_LINE_ITEMS)).userErrors).toEqual([]);
    const sixth = await startBulk(h, ORDERS_WITH_LINE_ITEMS);
    expect(sixth.bulkOperation).toBeNull();
    expect(sixth.userErrors).toMatchObject([{ code: "LIMIT_REACHED" }]);
    h.clock.now += 60_000;
    expect((await startBulk(h, ORDERS_WITH_LINE_ITEMS)).userErrors).toEqual([]);
  });

  it("charges the mutation like any other over HTTP, and needs no token for the result file", async () => {
    const h = harness();
    const standIn = await withServer(h);
    const response = await fetch(`${standIn.origin}/${FIXTURE_SHOP}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": FIXTURE_TOKEN },
      body: JSON.stringify({ query: RUN, variables: { query: ORDERS_WITH_LINE_ITEMS } }),
    });
    const body = (await response.json()) as { data: { bulkOperationRunQuery: { bulkOperation: { id: string } } }; extensions: { cost: { actualQueryCost: number } } };
    // 10 for the mutation, 1 for the BulkOperation object (userErrors came back empty).
    expect(body.extensions.cost.actualQueryCost).toBe(10 + 1);
    h.clock.now += 1;
    const numericId = body.data.bulkOperationRunQuery.bulkOperation.id.split("/").at(-1);
    expect((await fetch(`${standIn.origin}/bulk/${numericId}.jsonl`)).status).toBe(200);
    expect((await fetch(`${standIn.origin}/bulk/999.jsonl`)).status).toBe(404);
  });
});
