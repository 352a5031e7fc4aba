// The job that applies a recorded order webhook, on a real database (SQLite, and PostgreSQL
// with TEST_DATABASE=postgres): once, whatever the duplicates, the order or the concurrency.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "~/db.server";
import { applyDelivery, applyOrderEvents } from "~/orders/apply-delivery.server";
import type { OrderEvent } from "~/orders/order-snapshot";
import { parseOrderWebhook } from "~/orders/webhook-payloads";
import { resetDatabase, seedShop } from "../../support/factories";
import { deliveredAndRefunded, demoOrder, NOW, orderHistory, orderRows, recordDelivery, type Delivery } from "./order-deliveries";

const SHOP = "care-orders.myshopify.com";
const OTHER_SHOP = "care-orders-two.myshopify.com";
const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/webhooks");
const fixture = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as Record<string, unknown>;

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP);
  await seedShop(prisma, OTHER_SHOP);
});

async function deliverAll(shop: string, deliveries: readonly Delivery[]) {
  const outcomes = [];
  for (const { topic, body } of deliveries) outcomes.push(await applyDelivery(prisma, shop, await recordDelivery(prisma, shop, topic, body), NOW));
  return outcomes;
}

function webhookEvent(topic: string, body: unknown): OrderEvent {
  const action = parseOrderWebhook(topic, body);
  if (action.type !== "apply") throw new Error(`${topic} does not apply`);
  return action.event;
}

describe("applyDelivery", () => {
  it("applies an orders/create delivery, settles it and erases its body", async () => {
    const id = await recordDelivery(prisma, SHOP, "orders/create", fixture("orders-create.cod-pending.json"));
    const outcome = await applyDelivery(prisma, SHOP, id, NOW);
    expect(outcome).toEqual({ outcome: "applied", deliveryId: id, topic: "orders/create", orderId: "6120448811", changed: true, timelineRecorded: 1 });

    const rows = await orderRows(prisma, SHOP);
    expect(rows.care).toEqual([
      {
        orderId: "6120448811",
        orderGid: "gid://shopify/Order/6120448811",
        name: "#1187",
        number: 1187,
        customerId: "8840021101",
        customerLocale: "pl",
        emailConsent: null,
        placedAt: new Date("2026-06-02T16:04:11Z"),
        paidAt: null,
        cancelledAt: null,
        closedAt: null,
        financialStatus: "pending",
        fulfillmentStatus: null,
        paymentGateways: "Cash on Delivery (COD)",
        cashOnDelivery: true,
        shippingCountry: "PL",
        shippingZone: "PL-12",
        totalPrice: "49.90",
        currency: "EUR",
        tags: "",
        shippingMethod: "Standard Europe (3–5 days)",
        discountCodes: "",
        shopifyUpdatedAt: new Date("2026-06-02T16:04:12Z"),
        lastSource: "webhook",
        updatedAt: NOW,
        confirmedAt: null,
        confirmedVia: null,
        callRetryAt: null,
        watchDueAt: NOW,
        watchEvaluatedAt: null,
        mirroredTags: "",
      },
    ]);
    expect(rows.timeline).toEqual([
      { orderId: "6120448811", kind: "placed", occurredAt: new Date("2026-06-02T16:04:11Z"), source: "webhook", detail: null, dedupeKey: "placed", recordedAt: NOW },
    ]);
    expect(await prisma.webhookDelivery.findUnique({ where: { id } })).toMatchObject({ status: "applied", appliedAt: NOW, payload: null, error: null });
  });

  it("does nothing when the same delivery runs again", async () => {
    const id = await recordDelivery(prisma, SHOP, "orders/create", fixture("orders-create.cod-pending.json"));
    await applyDelivery(prisma, SHOP, id, NOW);
    const before = await orderRows(prisma, SHOP);
    const again = await applyDelivery(prisma, SHOP, id, new Date(NOW.getTime() + 60_000));
    expect(again).toEqual({ outcome: "skipped", deliveryId: id, topic: "orders/create", status: "applied" });
    expect(await orderRows(prisma, SHOP)).toEqual(before);
  });

  it("applies a whole cash-on-delivery story from the fixtures", async () => {
    await deliverAll(SHOP, [
      { topic: "orders/create", body: fixture("orders-create.cod-pending.json") },
      { topic: "fulfillments/create", body: fixture("fulfillments-create.json") },
      { topic: "fulfillments/update", body: fixture("fulfillments-update.out-for-delivery.json") },
      { topic: "refunds/create", body: fixture("refunds-create.json") },
      { topic: "orders/updated", body: fixture("orders-updated.delivered-refunded.json") },
    ]);
    const rows = await orderRows(prisma, SHOP);
    expect(rows.care[0]).toMatchObject({ financialStatus: "partially_refunded", paidAt: new Date("2026-06-09T09:20:05Z"), totalPrice: "28.90", tags: "cod-confirmed,repeat", closedAt: new Date("2026-06-09T09:20:05Z") });
    expect(rows.fulfillments).toEqual([
      expect.objectContaining({ fulfillmentId: "5300110021", shipmentStatus: "delivered", trackingNumber: "620111222333444555666777", shopifyUpdatedAt: new Date("2026-06-05T12:02:31Z") }),
    ]);
    expect(rows.refunds).toEqual([{ refundId: "1044400331", orderId: "6120448811", createdAt: new Date("2026-06-09T09:20:04Z"), amount: "21.00", currency: "EUR" }]);
    expect(rows.timeline.map((row) => [row.kind, row.occurredAt.toISOString(), row.detail])).toEqual([
      ["closed", "2026-06-09T09:20:05.000Z", null],
      ["delivered", "2026-06-05T12:02:31.000Z", '{"trackingNumber":"620111222333444555666777"}'],
      ["dispatched", "2026-06-03T07:15:00.000Z", '{"trackingCompany":"InPost","trackingNumber":"620111222333444555666777"}'],
      ["out_for_delivery", "2026-06-05T05:41:18.000Z", '{"trackingNumber":"620111222333444555666777"}'],
      ["paid", "2026-06-09T09:20:05.000Z", '{"amount":"28.90","currency":"EUR"}'],
      ["placed", "2026-06-02T16:04:11.000Z", null],
      ["refunded", "2026-06-09T09:20:04.000Z", '{"amount":"21.00","currency":"EUR"}'],
    ]);
  });

  it.each([1, 2, 3, 5, 8])("has one effect when each event of an order is delivered %i times, at once", async (times) => {
    const history = orderHistory(deliveredAndRefunded());
    await deliverAll(OTHER_SHOP, history);
    const ids = [];
    for (const { topic, body } of history) for (let copy = 0; copy < times; copy += 1) ids.push(await recordDelivery(prisma, SHOP, topic, body));

    const outcomes = await Promise.all(ids.map((id) => applyDelivery(prisma, SHOP, id, NOW)));
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(ids.map(() => "applied"));
    expect(await orderRows(prisma, SHOP)).toEqual(await orderRows(prisma, OTHER_SHOP));
    expect(await prisma.webhookDelivery.count({ where: { shop: SHOP, status: "applied", payload: null } })).toBe(ids.length);
  });

  it("applies one delivery once when several workers run it at the same time", async () => {
    const id = await recordDelivery(prisma, SHOP, "orders/create", fixture("orders-create.cod-pending.json"));
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => applyDelivery(prisma, SHOP, id, NOW)));
    expect(outcomes.filter((outcome) => outcome.outcome === "applied")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.outcome === "skipped")).toHaveLength(5);
    expect(await prisma.timelineEvent.count({ where: { shop: SHOP } })).toBe(1);
  });

  it("keeps the newer state when orders/updated arrives before an older one", async () => {
    const order = deliveredAndRefunded();
    const history = orderHistory(order);
    const created = history[0];
    const final = history[history.length - 1];
    if (!created || !final) throw new Error("no history");
    await deliverAll(OTHER_SHOP, [final]);

    const [newer, older] = await deliverAll(SHOP, [final, { topic: "orders/updated", body: created.body }]);
    expect(newer).toMatchObject({ outcome: "applied", changed: true });
    expect(older).toMatchObject({ outcome: "applied", changed: false });
    const rows = await orderRows(prisma, SHOP);
    expect(rows.care).toEqual((await orderRows(prisma, OTHER_SHOP)).care);
    expect(rows.care[0]).toMatchObject({ financialStatus: order.displayFinancialStatus.toLowerCase(), shopifyUpdatedAt: new Date(order.updatedAt) });
  });

  it("ends in the newest state when events of one order are applied at the same time", async () => {
    const history = orderHistory(deliveredAndRefunded());
    await deliverAll(OTHER_SHOP, history);
    for (let round = 0; round < 5; round += 1) {
      await resetShopOrders(SHOP);
      const ids = [];
      for (const { topic, body } of [...history].reverse()) ids.push(await recordDelivery(prisma, SHOP, topic, body));
      const outcomes = await Promise.all(ids.map((id) => applyDelivery(prisma, SHOP, id, NOW)));
      expect(outcomes.every((outcome) => outcome.outcome === "applied")).toBe(true);
      expect(await orderRows(prisma, SHOP)).toEqual(await orderRows(prisma, OTHER_SHOP));
    }
  });

  it("loses no update when newer versions of one order are applied at the same time", async () => {
    // The race a lock prevents: workers that all read the same stored version, then each write
    // their own newer one; without it the last to commit wins, newest or not.
    const created = fixture("orders-create.cod-pending.json");
    for (let round = 0; round < 4; round += 1) {
      const orderId = String(6_120_448_811 + round);
      await deliverAll(SHOP, [{ topic: "orders/create", body: { ...created, id: Number(orderId), admin_graphql_api_id: `gid://shopify/Order/${orderId}` } }]);
      const versions = Array.from({ length: 8 }, (_, index) => ({
        ...created,
        id: Number(orderId),
        admin_graphql_api_id: `gid://shopify/Order/${orderId}`,
        financial_status: index >= 3 ? "paid" : "pending",
        tags: `version-${index + 1}`,
        updated_at: new Date(Date.parse("2026-06-02T16:04:12Z") + (index + 1) * 60_000).toISOString(),
      }));
      const ids = [];
      for (const body of versions) ids.push(await recordDelivery(prisma, SHOP, "orders/updated", body));
      await Promise.all(ids.map((id) => applyDelivery(prisma, SHOP, id, NOW)));
      expect(await prisma.orderCare.findUnique({ where: { shop_orderId: { shop: SHOP, orderId } } })).toMatchObject({
        tags: "version-8",
        shopifyUpdatedAt: new Date(Date.parse("2026-06-02T16:04:12Z") + 8 * 60_000),
        paidAt: new Date(Date.parse("2026-06-02T16:04:12Z") + 4 * 60_000),
      });
    }
  });

  it("ends in the same rows whatever order a demo order's events arrive in", async () => {
    const history = orderHistory(deliveredAndRefunded());
    await deliverAll(OTHER_SHOP, history);
    const expected = await orderRows(prisma, OTHER_SHOP);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(history, { minLength: history.length, maxLength: history.length }), async (shuffled) => {
        await resetShopOrders(SHOP);
        await deliverAll(SHOP, shuffled);
        expect(await orderRows(prisma, SHOP)).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  });

  it("keeps a fulfillment that arrives before its order, without inventing the order", async () => {
    await deliverAll(SHOP, [{ topic: "fulfillments/create", body: fixture("fulfillments-create.json") }]);
    let rows = await orderRows(prisma, SHOP);
    expect(rows.care).toEqual([]);
    expect(rows.fulfillments).toHaveLength(1);
    expect(rows.timeline.map((row) => row.dedupeKey)).toEqual(["fulfillment:5300110021:dispatched"]);

    await deliverAll(SHOP, [{ topic: "orders/create", body: fixture("orders-create.cod-pending.json") }]);
    rows = await orderRows(prisma, SHOP);
    expect(rows.care).toHaveLength(1);
    expect(rows.fulfillments[0]).toMatchObject({ orderId: "6120448811", status: "success" });
  });

  it("marks an invalid payload failed, erases it, and writes no order rows", async () => {
    const { updated_at: _drop, ...body } = fixture("orders-create.cod-pending.json");
    const id = await recordDelivery(prisma, SHOP, "orders/updated", body);
    const outcome = await applyDelivery(prisma, SHOP, id, NOW);
    expect(outcome).toEqual({ outcome: "failed", deliveryId: id, topic: "orders/updated", error: "Invalid orders/updated payload: updated_at: is required" });
    expect(await prisma.webhookDelivery.findUnique({ where: { id } })).toMatchObject({
      status: "failed",
      error: "Invalid orders/updated payload: updated_at: is required",
      payload: null,
      appliedAt: null,
    });
    expect(await orderRows(prisma, SHOP)).toEqual({ care: [], fulfillments: [], refunds: [], timeline: [] });
    expect(await applyDelivery(prisma, SHOP, id, NOW)).toMatchObject({ outcome: "skipped", status: "failed" });
  });

  it("marks a body that is not JSON failed, and ignores a topic that is not an order topic", async () => {
    const broken = await recordDelivery(prisma, SHOP, "refunds/create", "{ not json");
    expect(await applyDelivery(prisma, SHOP, broken, NOW)).toMatchObject({ outcome: "failed", error: "the refunds/create payload is not JSON" });
    const foreign = await recordDelivery(prisma, SHOP, "products/update", { id: 1 });
    expect(await applyDelivery(prisma, SHOP, foreign, NOW)).toMatchObject({ outcome: "ignored", error: "not an order topic: products/update" });
    expect(await prisma.webhookDelivery.findUnique({ where: { id: foreign } })).toMatchObject({ status: "ignored", payload: null });
  });

  it("does not apply another shop's delivery", async () => {
    const id = await recordDelivery(prisma, OTHER_SHOP, "orders/create", fixture("orders-create.cod-pending.json"));
    expect(await applyDelivery(prisma, SHOP, id, NOW)).toEqual({ outcome: "not_found", deliveryId: id });
    expect(await prisma.webhookDelivery.findUnique({ where: { id } })).toMatchObject({ status: "queued" });
    expect(await prisma.orderCare.count()).toBe(0);
  });

  it("asks for an edited order to be fetched, in the transaction that settles the delivery", async () => {
    const id = await recordDelivery(prisma, SHOP, "orders/edited", fixture("orders-edited.json"));
    const onRefetch = vi.fn(async () => undefined);
    expect(await applyDelivery(prisma, SHOP, id, NOW, { onRefetch })).toEqual({
      outcome: "refetch",
      deliveryId: id,
      topic: "orders/edited",
      orderId: "6120448811",
      reason: "orders/edited: order edit 902200114",
    });
    expect(onRefetch).toHaveBeenCalledWith(expect.anything(), { shop: SHOP, orderId: "6120448811", reason: "orders/edited: order edit 902200114", deliveryId: id });
    expect(await applyDelivery(prisma, SHOP, id, NOW, { onRefetch })).toMatchObject({ outcome: "skipped" });
    expect(onRefetch).toHaveBeenCalledTimes(1);
    expect(await prisma.webhookDelivery.findUnique({ where: { id } })).toMatchObject({ status: "applied", payload: null });
  });

  it("leaves an edited order's delivery queued when the fetch cannot be queued", async () => {
    const id = await recordDelivery(prisma, SHOP, "orders/edited", fixture("orders-edited.json"));
    const onRefetch = async () => {
      throw new Error("queue unavailable");
    };
    await expect(applyDelivery(prisma, SHOP, id, NOW, { onRefetch })).rejects.toThrow("queue unavailable");
    expect(await prisma.webhookDelivery.findUnique({ where: { id } })).toMatchObject({ status: "queued", appliedAt: null });
    expect(await prisma.webhookDelivery.findUnique({ where: { id } }).then((row) => row?.payload)).not.toBeNull();
  });
});

describe("applyOrderEvents", () => {
  it("applies backfill events with their source; the same news by webhook changes only who told it", async () => {
    const history = orderHistory(deliveredAndRefunded());
    const events = history.map(({ topic, body }): OrderEvent => ({ ...webhookEvent(topic, body), source: "backfill" }));
    const changes = await applyOrderEvents(prisma, SHOP, events, NOW);
    expect(changes).toEqual([{ orderId: deliveredAndRefunded().legacyResourceId, changed: true, timelineRecorded: expect.any(Number) }]);
    const rows = await orderRows(prisma, SHOP);
    expect(rows.care[0]?.lastSource).toBe("backfill");
    expect(new Set(rows.timeline.map((row) => row.source))).toEqual(new Set(["backfill"]));

    const outcomes = await deliverAll(SHOP, history);
    // Only the final orders/updated is the stored version; it is now credited to the webhook.
    expect(outcomes.map((outcome) => outcome.outcome === "applied" && outcome.changed)).toEqual(history.map((_, index) => index === history.length - 1));
    const after = await orderRows(prisma, SHOP);
    expect(after).toEqual({ ...rows, care: rows.care.map((row) => ({ ...row, lastSource: "webhook" })) });
    expect(await applyOrderEvents(prisma, SHOP, events, NOW)).toEqual([{ orderId: deliveredAndRefunded().legacyResourceId, changed: false, timelineRecorded: 0 }]);
  });

  it("applies events of several orders, one transaction each", async () => {
    const orders = [deliveredAndRefunded(), demoOrder((order) => order.paymentGatewayNames.includes("paypal") && order.fulfillments.length === 0)];
    const events = orders.flatMap((order) => orderHistory(order).map(({ topic, body }) => ({ ...webhookEvent(topic, body), source: "reconciliation" as const })));
    const changes = await applyOrderEvents(prisma, SHOP, events, NOW);
    expect(changes.map((change) => change.orderId)).toEqual(orders.map((order) => order.legacyResourceId));
    expect(await prisma.orderCare.count({ where: { shop: SHOP } })).toBe(2);
  });

  it("moves a timeline entry earlier when a later source knows better, and keeps one row", async () => {
    const fulfillment = { ...fixture("fulfillments-update.out-for-delivery.json"), shipment_status: "in_transit", updated_at: "2026-06-04T18:00:00+02:00" };
    await deliverAll(SHOP, [{ topic: "fulfillments/update", body: fulfillment }]);
    const event = webhookEvent("fulfillments/update", fulfillment);
    if (event.kind !== "fulfillment") throw new Error("not a fulfillment");
    const graphql: OrderEvent = { kind: "fulfillment", source: "reconciliation", fulfillment: { ...event.fulfillment, inTransitAt: new Date("2026-06-03T15:30:00Z") } };
    expect(await applyOrderEvents(prisma, SHOP, [graphql], NOW)).toEqual([{ orderId: "6120448811", changed: true, timelineRecorded: 1 }]);

    const rows = await prisma.timelineEvent.findMany({ where: { shop: SHOP, dedupeKey: "fulfillment:5300110021:in_transit" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ occurredAt: new Date("2026-06-03T15:30:00Z"), source: "webhook" });
    expect(await applyOrderEvents(prisma, SHOP, [graphql], NOW)).toEqual([{ orderId: "6120448811", changed: false, timelineRecorded: 0 }]);
  });
});

async function resetShopOrders(shop: string) {
  await prisma.timelineEvent.deleteMany({ where: { shop } });
  await prisma.orderFulfillment.deleteMany({ where: { shop } });
  await prisma.orderRefund.deleteMany({ where: { shop } });
  await prisma.orderCare.deleteMany({ where: { shop } });
  await prisma.webhookDelivery.deleteMany({ where: { shop } });
}
