import { describe, expect, it } from "vitest";
import { runOperation } from "./execute.ts";
import { createFixtureStore, FIXTURE_SHOP, orderGid } from "./fixture-shop.ts";
import { normalizeTags } from "./mutation-handlers.ts";
import { registerMutation } from "./mutation-registry.ts";

const NOW = Date.parse("2026-10-10T12:00:00Z");
const clock = () => NOW;

async function run(store: ReturnType<typeof createFixtureStore>, source: string, variables?: Record<string, unknown>) {
  return runOperation(store, FIXTURE_SHOP, source, variables, clock);
}

const TAGS_ADD = `mutation Add($id: ID!, $tags: [String!]!) {
  tagsAdd(id: $id, tags: $tags) { node { id ... on Order { tags } } userErrors { field message } }
}`;

describe("tagsAdd / tagsRemove", () => {
  it("adds tags that a later query reads back, and bumps updatedAt", async () => {
    const store = createFixtureStore();
    const added = await run(store, TAGS_ADD, { id: orderGid(1002), tags: ["late", "VIP, Follow up", "late"] });
    expect(added.data).toEqual({
      tagsAdd: { node: { id: orderGid(1002), tags: ["late", "VIP", "Follow up"] }, userErrors: [] },
    });
    const read = await run(store, `{ order(id: "${orderGid(1002)}") { tags updatedAt } }`);
    expect(read.data).toEqual({ order: { tags: ["late", "VIP", "Follow up"], updatedAt: "2026-10-10T12:00:00.000Z" } });
    const listed = await run(store, `{ orders(first: 10, query: "tag:late") { nodes { name } } }`);
    expect(listed.data).toEqual({ orders: { nodes: [{ name: "#1002" }, { name: "#1005" }] } });
  });

  it("removes tags case-insensitively", async () => {
    const store = createFixtureStore();
    const removed = await run(store, `mutation { tagsRemove(id: "${orderGid(1003)}", tags: ["VIP"]) { node { ... on Order { tags } } userErrors { message } } }`);
    expect(removed.data).toEqual({ tagsRemove: { node: { tags: ["gift"] }, userErrors: [] } });
  });

  it("answers userErrors for unknown ids and for records without tags", async () => {
    const store = createFixtureStore();
    const unknown = await run(store, TAGS_ADD, { id: "gid://shopify/Order/424242", tags: ["x"] });
    expect(unknown.data).toEqual({ tagsAdd: { node: null, userErrors: [{ field: ["id"], message: "Resource not found" }] } });
    const untaggable = await run(store, TAGS_ADD, { id: "gid://shopify/Return/71", tags: ["x"] });
    expect(untaggable.data).toEqual({
      tagsAdd: { node: null, userErrors: [{ field: ["id"], message: "Return does not support tags" }] },
    });
  });

  it("normalizes comma-separated and duplicate tags", () => {
    expect(normalizeTags([" a ,b", "A", "", "c"])).toEqual(["a", "b", "c"]);
  });
});

describe("orderUpdate", () => {
  const ORDER_UPDATE = `mutation Update($input: OrderInput!) {
    orderUpdate(input: $input) {
      order { note email tags shippingAddress { name city countryCodeV2 formatted } customAttributes { key value } }
      userErrors { field message }
    }
  }`;

  it("updates note, email, tags, attributes and shipping address", async () => {
    const store = createFixtureStore();
    const result = await run(store, ORDER_UPDATE, {
      input: {
        id: orderGid(1002),
        note: "Leave at the door",
        email: "new@example.com",
        tags: ["checked"],
        customAttributes: [{ key: "gift", value: "yes" }],
        shippingAddress: { firstName: "Ada", lastName: "Lovelace", address1: "1 Rue X", city: "Paris", zip: "75001", countryCode: "FR" },
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      orderUpdate: {
        order: {
          note: "Leave at the door",
          email: "new@example.com",
          tags: ["checked"],
          shippingAddress: { name: "Ada Lovelace", city: "Paris", countryCodeV2: "FR", formatted: ["1 Rue X", "Paris 75001", "FR"] },
          customAttributes: [{ key: "gift", value: "yes" }],
        },
        userErrors: [],
      },
    });
  });

  it("rejects an unknown order and an invalid email without changing anything", async () => {
    const store = createFixtureStore();
    const missing = await run(store, ORDER_UPDATE, { input: { id: "gid://shopify/Order/1", note: "x" } });
    expect(missing.data).toEqual({ orderUpdate: { order: null, userErrors: [{ field: ["id"], message: "Order does not exist" }] } });
    const invalid = await run(store, ORDER_UPDATE, { input: { id: orderGid(1002), email: "nope", note: "changed" } });
    expect((invalid.data as { orderUpdate: { userErrors: unknown } }).orderUpdate.userErrors).toEqual([
      { field: ["email"], message: "Email is invalid" },
    ]);
    expect(store.getNode(FIXTURE_SHOP, orderGid(1002))?.note).toBeNull();
  });
});

describe("metafieldsSet", () => {
  const SET = `mutation Set($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { namespace key value type jsonValue owner { ... on Order { id } } }
      userErrors { field message code elementIndex }
    }
  }`;

  it("stores metafields that metafield(namespace:, key:) and metafields(...) read back", async () => {
    const store = createFixtureStore();
    const set = await run(store, SET, {
      metafields: [
        { ownerId: orderGid(1003), namespace: "aftercare", key: "care_state", type: "json", value: '{"step":2}' },
        { ownerId: orderGid(1003), key: "private_note", type: "single_line_text_field", value: "hi" },
      ],
    });
    expect(set.data).toEqual({
      metafieldsSet: {
        metafields: [
          { namespace: "aftercare", key: "care_state", value: '{"step":2}', type: "json", jsonValue: { step: 2 }, owner: { id: orderGid(1003) } },
          { namespace: "$app", key: "private_note", value: "hi", type: "single_line_text_field", jsonValue: "hi", owner: { id: orderGid(1003) } },
        ],
        userErrors: [],
      },
    });
    const read = await run(store, `{
      order(id: "${orderGid(1003)}") {
        careState: metafield(namespace: "aftercare", key: "care_state") { jsonValue }
        dotted: metafield(key: "aftercare.care_state") { value }
        appOwned: metafield(key: "private_note") { value }
        scoped: metafields(first: 10, namespace: "aftercare") { nodes { key } }
        byKeys: metafields(first: 10, keys: ["$app.private_note"]) { nodes { key } }
      }
    }`);
    expect(read.data).toEqual({
      order: {
        careState: { jsonValue: { step: 2 } },
        dotted: { value: '{"step":2}' },
        appOwned: { value: "hi" },
        scoped: { nodes: [{ key: "care_state" }] },
        byKeys: { nodes: [{ key: "private_note" }] },
      },
    });
  });

  it("updates in place, keeping the id, and rejects a stale compareDigest", async () => {
    const store = createFixtureStore();
    const write = (value: string, compareDigest?: string) =>
      run(store, `mutation Set($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { id compareDigest } userErrors { code } } }`, {
        m: [{ ownerId: orderGid(1001), namespace: "aftercare", key: "count", type: "number_integer", value, compareDigest }],
      });
    type Payload = { metafieldsSet: { metafields: Array<{ id: string; compareDigest: string }>; userErrors: Array<{ code: string }> } };
    const first = (await write("1")).data as Payload;
    const second = (await write("2", first.metafieldsSet.metafields[0]?.compareDigest)).data as Payload;
    expect(second.metafieldsSet.metafields[0]?.id).toBe(first.metafieldsSet.metafields[0]?.id);
    const stale = (await write("3", first.metafieldsSet.metafields[0]?.compareDigest)).data as Payload;
    expect(stale.metafieldsSet.userErrors).toEqual([{ code: "STALE_OBJECT" }]);
  });

  it("is all-or-nothing: one bad input stores nothing", async () => {
    const store = createFixtureStore();
    const result = await run(store, SET, {
      metafields: [
        { ownerId: orderGid(1001), namespace: "aftercare", key: "ok", type: "single_line_text_field", value: "fine" },
        { ownerId: "gid://shopify/Order/999", namespace: "aftercare", key: "x", type: "single_line_text_field", value: "v" },
        { ownerId: orderGid(1001), namespace: "aftercare", key: "no_type", value: "v" },
        { ownerId: orderGid(1001), namespace: "aftercare", key: "n", type: "number_integer", value: "1.5" },
      ],
    });
    expect(result.data).toEqual({
      metafieldsSet: {
        metafields: [],
        userErrors: [
          { field: ["metafields", "1", "ownerId"], message: "Owner does not exist.", code: "INVALID", elementIndex: 1 },
          { field: ["metafields", "2", "type"], message: "Type can't be blank", code: "BLANK", elementIndex: 2 },
          { field: ["metafields", "3", "key"], message: "Key is too short (minimum is 2 characters)", code: "TOO_SHORT", elementIndex: 3 },
          { field: ["metafields", "3", "value"], message: "Value is invalid for type number_integer", code: "INVALID_VALUE", elementIndex: 3 },
        ],
      },
    });
    expect(store.getNode(FIXTURE_SHOP, orderGid(1001))?.metafields).toEqual([]);
  });
});

describe("the mutation registry", () => {
  it("fails a valid mutation that has no handler with a clear error", async () => {
    const result = await run(createFixtureStore(), `mutation { orderClose(input: { id: "${orderGid(1002)}" }) { userErrors { message } } }`);
    expect(result.errors?.map((error) => error.message)).toEqual([
      'Admin API stand-in has no handler for mutation "orderClose"',
    ]);
    expect(result.data).toEqual({ orderClose: null });
  });

  it("runs a registered handler with the store, shop and clock, until it is unregistered", async () => {
    const store = createFixtureStore();
    const unregister = registerMutation("orderClose", (args, ctx) => {
      const input = args.input as { id: string };
      const order = ctx.store.getNode(ctx.shop.domain, input.id);
      if (order) Object.assign(order, { closed: true, closedAt: new Date(ctx.now()).toISOString() });
      return { order, userErrors: [] };
    });
    try {
      const result = await run(store, `mutation { orderClose(input: { id: "${orderGid(1002)}" }) { order { closed closedAt } } }`);
      expect(result.data).toEqual({ orderClose: { order: { closed: true, closedAt: "2026-10-10T12:00:00.000Z" } } });
    } finally {
      unregister();
    }
    const after = await run(store, `mutation { orderClose(input: { id: "${orderGid(1002)}" }) { userErrors { message } } }`);
    expect(after.errors?.[0]?.message).toBe('Admin API stand-in has no handler for mutation "orderClose"');
  });

  it("refuses to register a mutation the schema doesn't have", () => {
    expect(() => registerMutation("orderFrobnicate", () => ({}))).toThrow('"orderFrobnicate" is not a mutation in the Admin API schema');
  });
});
