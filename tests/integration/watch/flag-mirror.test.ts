// The flag mirror, the Flow triggers and the confirmation hold against the Admin API stand-in holding the demo shop:
// flags become prefixed order tags and the $app:aftercare.watch metafield, nothing is written
// when nothing changed, cleared flags lose their tags (the merchant's own tags stay), a missing
// order is a permanent error, and Flow receives one call per change with the trigger's fields.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { AdminApiError } from "~/shopify/admin-graphql.server";
import { FLOW_TRIGGER_HANDLES, WATCH_METAFIELD } from "~/watch/flag-mirror";
import { FlowTriggerError, mirrorOrderFlags, sendFlowTriggers } from "~/watch/flag-mirror.server";
import { CONFIRMATION_HOLD_HANDLE } from "~/watch/fulfillment-hold";
import { holdForConfirmation, releaseConfirmationHold } from "~/watch/fulfillment-hold.server";
import { flowTriggerCalls } from "../../admin-api/mutation-handlers";
import { readMetafield } from "../../admin-api/metafields";
import type { NodeRecord } from "../../admin-api/store";
import { resetDatabase } from "../../support/factories";
import { startDemoStandIn, type DemoStandIn } from "../../support/stand-in-admin";

const NOW = new Date("2026-11-20T10:00:00Z");
const HOUR = 3_600_000;

let h: DemoStandIn | undefined;

beforeEach(async () => {
  await resetDatabase(prisma);
});

afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function demo(): Promise<DemoStandIn> {
  h = await startDemoStandIn({ now: NOW });
  return h;
}

/** A demo order that already carries tags of the merchant's own (they must survive). */
function taggedOrder(stand: DemoStandIn): NodeRecord & { legacyResourceId: string; tags: string[] } {
  const order = stand.demo.orders.find((candidate) => candidate.tags.length > 0);
  if (!order) throw new Error("the demo shop has no tagged order");
  return stand.store.getNode(stand.shop, order.id) as NodeRecord & { legacyResourceId: string; tags: string[] };
}

async function careFor(shop: string, order: { id: string; legacyResourceId: string }, overrides: { mirroredTags?: string; confirmedAt?: Date | null } = {}) {
  await prisma.orderCare.create({
    data: {
      shop,
      orderId: order.legacyResourceId,
      orderGid: order.id,
      name: "#1001",
      number: 1001,
      placedAt: new Date(NOW.getTime() - 48 * HOUR),
      totalPrice: "42.00",
      currency: "EUR",
      shopifyUpdatedAt: new Date(NOW.getTime() - 48 * HOUR),
      lastSource: "webhook",
      watchEvaluatedAt: new Date(NOW.getTime() - HOUR),
      ...overrides,
    },
  });
}

async function flag(shop: string, orderId: string, kind: string, overrides: { status?: string; reason?: string } = {}) {
  const since = new Date(NOW.getTime() - 2 * HOUR);
  await prisma.orderFlag.create({
    data: { shop, orderId, kind, status: "open", reason: `Reason for ${kind}`, reasonCode: kind, since, dueAt: since, raisedAt: since, ...overrides },
  });
}

const mutationsSent = (stand: DemoStandIn) => stand.store.requests.filter((request) => request.operationType === "mutation");
const watchMetafield = (order: NodeRecord) => readMetafield(order, { namespace: WATCH_METAFIELD.namespace, key: WATCH_METAFIELD.key });

describe("mirrorOrderFlags", () => {
  it("tags the order with the prefixed flags and writes the watch metafield, keeping the merchant's tags", async () => {
    const stand = await demo();
    const order = taggedOrder(stand);
    const merchantTags = [...order.tags];
    await careFor(stand.shop, order);
    await flag(stand.shop, order.legacyResourceId, "late_dispatch");
    await flag(stand.shop, order.legacyResourceId, "unconfirmed", { status: "snoozed" });
    await flag(stand.shop, order.legacyResourceId, "no_tracking", { status: "cleared" });

    expect(await mirrorOrderFlags(prisma, stand.admin, stand.shop, order.legacyResourceId, NOW)).toEqual({ wrote: true });

    expect(order.tags).toEqual([...merchantTags, "aftercare:unconfirmed", "aftercare:late-dispatch"]);
    const metafield = watchMetafield(order);
    expect(metafield?.type).toBe("json");
    expect(metafield?.jsonValue).toEqual({
      v: 1,
      flags: [
        { kind: "unconfirmed", reason: "Reason for unconfirmed", dueAt: "2026-11-20T08:00:00.000Z", since: "2026-11-20T08:00:00.000Z", status: "snoozed" },
        { kind: "late_dispatch", reason: "Reason for late_dispatch", dueAt: "2026-11-20T08:00:00.000Z", since: "2026-11-20T08:00:00.000Z", status: "open" },
      ],
      confirmedAt: null,
      evaluatedAt: "2026-11-20T09:00:00.000Z",
    });
    expect(mutationsSent(stand).map((request) => request.operationName)).toEqual(["OrderFlagTagsAdd", "OrderWatchMetafieldSet"]);
    const care = await prisma.orderCare.findUniqueOrThrow({ where: { shop_orderId: { shop: stand.shop, orderId: order.legacyResourceId } } });
    expect(care.mirroredTags).toBe("aftercare:unconfirmed,aftercare:late-dispatch");
  });

  it("writes nothing when called again with no change, even after a re-evaluation", async () => {
    const stand = await demo();
    const order = taggedOrder(stand);
    await careFor(stand.shop, order);
    await flag(stand.shop, order.legacyResourceId, "late_dispatch");
    await mirrorOrderFlags(prisma, stand.admin, stand.shop, order.legacyResourceId, NOW);
    const mutations = mutationsSent(stand).length;
    const metafieldUpdatedAt = watchMetafield(order)?.updatedAt;

    await prisma.orderCare.updateMany({ data: { watchEvaluatedAt: NOW } });
    expect(await mirrorOrderFlags(prisma, stand.admin, stand.shop, order.legacyResourceId, new Date(NOW.getTime() + HOUR))).toEqual({ wrote: false });
    expect(mutationsSent(stand)).toHaveLength(mutations);
    expect(watchMetafield(order)?.updatedAt).toBe(metafieldUpdatedAt);
  });

  it("removes the tag of a cleared flag and only that one, and rewrites the metafield", async () => {
    const stand = await demo();
    const order = taggedOrder(stand);
    const merchantTags = [...order.tags];
    await careFor(stand.shop, order);
    await flag(stand.shop, order.legacyResourceId, "late_dispatch");
    await flag(stand.shop, order.legacyResourceId, "no_tracking");
    await mirrorOrderFlags(prisma, stand.admin, stand.shop, order.legacyResourceId, NOW);
    const before = mutationsSent(stand).length;

    await prisma.orderFlag.updateMany({ where: { kind: "late_dispatch" }, data: { status: "cleared", clearedAt: NOW } });
    expect(await mirrorOrderFlags(prisma, stand.admin, stand.shop, order.legacyResourceId, NOW)).toEqual({ wrote: true });

    expect(order.tags).toEqual([...merchantTags, "aftercare:no-tracking"]);
    expect(mutationsSent(stand).slice(before).map((request) => request.operationName)).toEqual(["OrderFlagTagsRemove", "OrderWatchMetafieldSet"]);
    expect((watchMetafield(order)?.jsonValue as { flags: { kind: string }[] }).flags.map((entry) => entry.kind)).toEqual(["no_tracking"]);
    const care = await prisma.orderCare.findUniqueOrThrow({ where: { shop_orderId: { shop: stand.shop, orderId: order.legacyResourceId } } });
    expect(care.mirroredTags).toBe("aftercare:no-tracking");
  });

  it("follows a change of prefix and puts back a flag tag the merchant removed by hand", async () => {
    const stand = await demo();
    const order = taggedOrder(stand);
    await careFor(stand.shop, order);
    await flag(stand.shop, order.legacyResourceId, "late_delivery");
    await mirrorOrderFlags(prisma, stand.admin, stand.shop, order.legacyResourceId, NOW);

    await prisma.watchSettings.create({ data: { shop: stand.shop, rules: "{}", tagPrefix: "care/" } });
    await mirrorOrderFlags(prisma, stand.admin, stand.shop, order.legacyResourceId, NOW);
    expect(order.tags.filter((tag) => /late-delivery/.test(tag))).toEqual(["care/late-delivery"]);

    order.tags = order.tags.filter((tag) => tag !== "care/late-delivery");
    expect(await mirrorOrderFlags(prisma, stand.admin, stand.shop, order.legacyResourceId, NOW)).toEqual({ wrote: true });
    expect(order.tags).toContain("care/late-delivery");
  });

  it("does not create a metafield for an order without flags or confirmation, and does nothing for an order not in the app", async () => {
    const stand = await demo();
    const order = taggedOrder(stand);
    await careFor(stand.shop, order);
    expect(await mirrorOrderFlags(prisma, stand.admin, stand.shop, order.legacyResourceId, NOW)).toEqual({ wrote: false });
    expect(watchMetafield(order)).toBeNull();
    expect(await mirrorOrderFlags(prisma, stand.admin, stand.shop, "999", NOW)).toEqual({ wrote: false });
    expect(mutationsSent(stand)).toEqual([]);
  });

  it("writes the confirmation even without flags", async () => {
    const stand = await demo();
    const order = taggedOrder(stand);
    await careFor(stand.shop, order, { confirmedAt: new Date("2026-11-20T09:30:00Z") });
    expect(await mirrorOrderFlags(prisma, stand.admin, stand.shop, order.legacyResourceId, NOW)).toEqual({ wrote: true });
    expect(watchMetafield(order)?.jsonValue).toMatchObject({ flags: [], confirmedAt: "2026-11-20T09:30:00.000Z" });
    expect(mutationsSent(stand).map((request) => request.operationName)).toEqual(["OrderWatchMetafieldSet"]);
  });

  it("an order missing from Shopify is a permanent error", async () => {
    const stand = await demo();
    await careFor(stand.shop, { id: "gid://shopify/Order/1", legacyResourceId: "1" });
    await flag(stand.shop, "1", "late_dispatch");
    const error = await mirrorOrderFlags(prisma, stand.admin, stand.shop, "1", NOW).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error).toMatchObject({ status: 404, permanent: true });
    expect(mutationsSent(stand)).toEqual([]);
  });
});

describe("sendFlowTriggers", () => {
  it("sends one call per raised flag, per cleared flag and for the confirmation, with the trigger's fields", async () => {
    const stand = await demo();
    const order = taggedOrder(stand);
    const result = await sendFlowTriggers(stand.admin, stand.shop, {
      orderId: order.legacyResourceId,
      raised: [{ kind: "late_dispatch", reason: "Not dispatched 1 business day after it was placed", dueAt: "2026-11-19T16:00:00.000Z" }],
      cleared: ["unconfirmed"],
      confirmed: true,
    });
    expect(result).toEqual({ sent: 3 });
    const orderId = Number(order.legacyResourceId);
    expect(flowTriggerCalls(stand.store, stand.shop).map(({ handle, payload, userErrors }) => ({ handle, payload, userErrors }))).toEqual([
      {
        handle: FLOW_TRIGGER_HANDLES.orderFlagged,
        payload: { order_id: orderId, "Flag kind": "late_dispatch", "Flag label": "Late dispatch", Reason: "Not dispatched 1 business day after it was placed", "Due at": "2026-11-19T16:00:00.000Z" },
        userErrors: [],
      },
      { handle: FLOW_TRIGGER_HANDLES.flagCleared, payload: { order_id: orderId, "Flag kind": "unconfirmed", "Flag label": "Not confirmed" }, userErrors: [] },
      { handle: FLOW_TRIGGER_HANDLES.orderConfirmed, payload: { order_id: orderId }, userErrors: [] },
    ]);
  });

  it("sends nothing when nothing changed", async () => {
    const stand = await demo();
    expect(await sendFlowTriggers(stand.admin, stand.shop, { orderId: "1", raised: [], cleared: [], confirmed: false })).toEqual({ sent: 0 });
    expect(flowTriggerCalls(stand.store)).toEqual([]);
  });

  it("a refused call (an order Shopify does not have) is a permanent error, after the other calls were made", async () => {
    const stand = await demo();
    const error = await sendFlowTriggers(stand.admin, stand.shop, { orderId: "1", raised: [], cleared: ["late_dispatch"], confirmed: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FlowTriggerError);
    expect(error).toMatchObject({ permanent: true });
    expect(String((error as Error).message)).toMatch(/Order 1 does not exist/);
    expect(flowTriggerCalls(stand.store)).toHaveLength(2);
  });
});

describe("the stand-in's flowTriggerReceive", () => {
  const MUTATION = `mutation FlowTriggerReceiveCheck($handle: String!, $payload: JSON!) {
    flowTriggerReceive(handle: $handle, payload: $payload) { userErrors { field message } }
  }`;
  const send = async (stand: DemoStandIn, handle: string, payload: unknown) => {
    const response = await stand.admin.graphql(MUTATION, { variables: { handle, payload } });
    return ((await response.json()) as { data: { flowTriggerReceive: { userErrors: { field: string[]; message: string }[] } } }).data.flowTriggerReceive.userErrors;
  };

  it("refuses an unknown handle", async () => {
    const stand = await demo();
    expect(await send(stand, "order-exploded", { order_id: Number(taggedOrder(stand).legacyResourceId) })).toEqual([
      { field: ["handle"], message: "No trigger with handle 'order-exploded' exists for this app" },
    ]);
  });

  it("refuses a payload with a missing, an extra or a mistyped field", async () => {
    const stand = await demo();
    const orderId = Number(taggedOrder(stand).legacyResourceId);
    const errors = await send(stand, FLOW_TRIGGER_HANDLES.flagCleared, { order_id: String(orderId), "Flag kind": 3, Extra: "x" });
    expect(errors.map((error) => error.field.join("."))).toEqual(["payload.order_id", "payload.Flag kind", "payload.Flag label", "payload.Extra"]);
  });

  it("and a refusal from Flow makes sendFlowTriggers throw", async () => {
    const stand = await demo();
    const error = await sendFlowTriggers(stand.admin, stand.shop, { orderId: taggedOrder(stand).legacyResourceId, raised: [{ kind: "late_dispatch", reason: "two\nlines", dueAt: NOW }], cleared: [], confirmed: false }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FlowTriggerError);
    expect(String((error as Error).message)).toMatch(/'Reason' must be a single line of text/);
  });
});

describe("holding fulfillment until the order is confirmed", () => {
  type Hold = { id: string; handle: string; reason: string; reasonNotes: string | null; heldByRequestingApp: boolean };
  type FulfillmentOrder = NodeRecord & { status: string; fulfillmentHolds: Hold[] };

  /** Gives a demo order fulfillment orders in these states (the demo shop has none of its own). */
  function withFulfillmentOrders(stand: DemoStandIn, statuses: string[], otherAppsHold = false): { order: NodeRecord; fulfillmentOrders: FulfillmentOrder[] } {
    const order = taggedOrder(stand);
    const fulfillmentOrders = statuses.map((status, index) => {
      const holds = otherAppsHold && index === 0
        ? [stand.store.upsertNode(stand.shop, { id: "gid://shopify/FulfillmentHold/66", __typename: "FulfillmentHold", handle: "fraud-review", reason: "HIGH_RISK_OF_FRAUD", reasonNotes: null, heldByRequestingApp: false })]
        : [];
      return stand.store.upsertNode(stand.shop, { id: `gid://shopify/FulfillmentOrder/${7_700_000 + index}`, __typename: "FulfillmentOrder", status, fulfillmentHolds: holds }) as FulfillmentOrder;
    });
    order.fulfillmentOrders = fulfillmentOrders.map((fulfillmentOrder) => ({ id: fulfillmentOrder.id }));
    return { order, fulfillmentOrders };
  }

  it("holds each open fulfillment order once, with reason OTHER and a note, and leaves closed ones alone", async () => {
    const stand = await demo();
    const { order, fulfillmentOrders } = withFulfillmentOrders(stand, ["OPEN", "OPEN", "CLOSED"]);
    expect(await holdForConfirmation(stand.admin, order.id)).toEqual({ held: 2 });
    expect(fulfillmentOrders.map((fulfillmentOrder) => fulfillmentOrder.status)).toEqual(["ON_HOLD", "ON_HOLD", "CLOSED"]);
    expect(fulfillmentOrders[0]?.fulfillmentHolds).toEqual([
      expect.objectContaining({ handle: CONFIRMATION_HOLD_HANDLE, reason: "OTHER", reasonNotes: expect.stringMatching(/confirm/), heldByRequestingApp: true }),
    ]);
    const mutations = mutationsSent(stand).length;
    expect(await holdForConfirmation(stand.admin, order.id)).toEqual({ held: 0 });
    expect(mutationsSent(stand)).toHaveLength(mutations);
  });

  it("on confirmation, releases only its own holds: another app's hold stays", async () => {
    const stand = await demo();
    const { order, fulfillmentOrders } = withFulfillmentOrders(stand, ["ON_HOLD", "OPEN"], true);
    await holdForConfirmation(stand.admin, order.id);
    expect(fulfillmentOrders.map((fulfillmentOrder) => fulfillmentOrder.fulfillmentHolds.length)).toEqual([2, 1]);

    expect(await releaseConfirmationHold(stand.admin, order.id)).toEqual({ released: 2 });
    expect(fulfillmentOrders.map((fulfillmentOrder) => fulfillmentOrder.status)).toEqual(["ON_HOLD", "OPEN"]);
    expect(fulfillmentOrders[0]?.fulfillmentHolds.map((hold) => hold.handle)).toEqual(["fraud-review"]);
    expect(mutationsSent(stand).filter((request) => request.operationName === "FulfillmentOrderReleaseHold").map((request) => request.variables)).toEqual([
      { id: fulfillmentOrders[0]?.id, holdIds: [expect.stringMatching(/FulfillmentHold/)] },
      { id: fulfillmentOrders[1]?.id, holdIds: [expect.stringMatching(/FulfillmentHold/)] },
    ]);
    expect(await releaseConfirmationHold(stand.admin, order.id)).toEqual({ released: 0 });
  });

  it("a missing order is a permanent error", async () => {
    const stand = await demo();
    const error = await holdForConfirmation(stand.admin, "gid://shopify/Order/1").catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 404, permanent: true });
  });
});
