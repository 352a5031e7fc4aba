// What order care gives and erases for Shopify's privacy requests, on a real database.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import type { CustomerQuery } from "~/compliance/personal-data.server";
import { applyDelivery } from "~/orders/apply-delivery.server";
import { orderCarePersonalData } from "~/orders/personal-data.server";
import type { OrderRecord } from "../../admin-api/demo-shop";
import { fulfillmentWebhookPayload, orderWebhookPayload } from "../../admin-api/webhook-payloads";
import { resetDatabase, seedShop } from "../../support/factories";
import { demo, NOW, orderHistory, recordDelivery } from "./order-deliveries";

const SHOP = "care-privacy.myshopify.com";
const OTHER_SHOP = "care-privacy-two.myshopify.com";

const numeric = (gid: string) => gid.split("/").pop() ?? gid;

// A customer with two orders (one with parcels), and someone else.
const byCustomer = new Map<string, OrderRecord[]>();
for (const order of demo.orders) byCustomer.set(order.customer.id, [...(byCustomer.get(order.customer.id) ?? []), order]);
const repeat = [...byCustomer.values()].find((orders) => orders.length >= 2 && orders.some((order) => order.fulfillments.length > 0));
const [someoneElse] = [...byCustomer.values()].find((orders) => orders !== repeat && orders.length === 1) ?? [];
if (!repeat || !someoneElse) throw new Error("the demo shop has no repeat customer");
const customerId = numeric(repeat[0]?.customer.id ?? "");
const query = (orderIds: string[] = []): CustomerQuery => ({ shop: SHOP, customer: { id: customerId, email: "someone@mail.example", phone: null }, orderIds });

async function applyHistory(shop: string, order: OrderRecord) {
  for (const { topic, body } of orderHistory(order, { legacyCustomerFields: true })) {
    await applyDelivery(prisma, shop, await recordDelivery(prisma, shop, topic, body), NOW);
  }
}

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP);
  await seedShop(prisma, OTHER_SHOP);
  for (const order of [...repeat, someoneElse]) await applyHistory(SHOP, order);
  await applyHistory(OTHER_SHOP, repeat[0] as OrderRecord);
});

describe("collect", () => {
  it("gives the customer's orders with their parcels, refunds and timeline, and nobody else's", async () => {
    const records = (await orderCarePersonalData.collect(prisma, query())) as { orderId: string; order: Record<string, unknown>; fulfillments: unknown[]; timeline: unknown[] }[];
    expect(records.map((record) => record.orderId).sort()).toEqual(repeat.map((order) => order.legacyResourceId).sort());
    for (const record of records) {
      const order = repeat.find((candidate) => candidate.legacyResourceId === record.orderId);
      expect(record.order).toMatchObject({ name: order?.name, customerId, customerLocale: order?.customerLocale, emailConsent: order?.customer.defaultEmailAddress.marketingState });
      expect(record.fulfillments).toHaveLength(order?.fulfillments.length ?? -1);
      expect(record.timeline.length).toBeGreaterThan(0);
    }
    expect(JSON.stringify(records)).not.toContain(someoneElse.legacyResourceId);
  });

  it("includes an order the request lists even when it is not the customer's on record", async () => {
    const records = (await orderCarePersonalData.collect(prisma, query([someoneElse.legacyResourceId]))) as { orderId: string }[];
    expect(records.map((record) => record.orderId)).toContain(someoneElse.legacyResourceId);
  });

  it("gives nothing for a customer the app knows nothing about", async () => {
    expect(await orderCarePersonalData.collect(prisma, { ...query(), customer: { id: "1", email: null, phone: null } })).toEqual([]);
  });
});

describe("redact", () => {
  it("anonymises the customer's orders and keeps their facts for the merchant's numbers", async () => {
    const before = await prisma.orderCare.findMany({ where: { shop: SHOP }, orderBy: { orderId: "asc" } });
    const timelineBefore = await prisma.timelineEvent.count({ where: { shop: SHOP } });
    const erased = await orderCarePersonalData.redact(prisma, query());
    expect(erased).toBe(repeat.length);

    const after = await prisma.orderCare.findMany({ where: { shop: SHOP }, orderBy: { orderId: "asc" } });
    for (const row of after) {
      const was = before.find((candidate) => candidate.orderId === row.orderId);
      if (repeat.some((order) => order.legacyResourceId === row.orderId)) {
        expect(was?.customerId).toBe(customerId);
        expect(was?.emailConsent).not.toBeNull();
        expect(row).toEqual({ ...was, customerId: null, customerLocale: null, emailConsent: null, updatedAt: expect.any(Date) });
      } else {
        expect(row).toEqual(was);
        expect(row.customerId).not.toBeNull();
      }
    }
    expect(await prisma.timelineEvent.count({ where: { shop: SHOP } })).toBe(timelineBefore);
    expect(await prisma.orderCare.findFirst({ where: { shop: OTHER_SHOP } })).toMatchObject({ customerId });
  });

  it("anonymises a listed order of a guest checkout too", async () => {
    await orderCarePersonalData.redact(prisma, query([someoneElse.legacyResourceId]));
    expect(await prisma.orderCare.findUnique({ where: { shop_orderId: { shop: SHOP, orderId: someoneElse.legacyResourceId } } })).toMatchObject({ customerId: null, customerLocale: null });
  });

  it("erases the bodies of the customer's deliveries still waiting, and only theirs", async () => {
    const [first] = repeat;
    if (!first) throw new Error("no order");
    const fulfillment = first.fulfillments[0];
    const theirs = [
      await recordDelivery(prisma, SHOP, "orders/updated", orderWebhookPayload(first, demo.shop)),
      ...(fulfillment ? [await recordDelivery(prisma, SHOP, "fulfillments/update", fulfillmentWebhookPayload(first, fulfillment))] : []),
      await recordDelivery(prisma, SHOP, "orders/edited", { order_edit: { id: 1, order_id: Number(first.legacyResourceId) } }),
    ];
    const others = [
      await recordDelivery(prisma, SHOP, "orders/updated", orderWebhookPayload(someoneElse, demo.shop)),
      await recordDelivery(prisma, OTHER_SHOP, "orders/updated", orderWebhookPayload(first, demo.shop)),
    ];
    expect(await orderCarePersonalData.redact(prisma, query())).toBe(repeat.length + theirs.length);

    for (const id of theirs) expect(await prisma.webhookDelivery.findUnique({ where: { id } })).toMatchObject({ status: "queued", payload: null });
    for (const id of others) expect((await prisma.webhookDelivery.findUnique({ where: { id } }))?.payload).not.toBeNull();

    const [erasedId] = theirs;
    expect(await applyDelivery(prisma, SHOP, erasedId ?? "", NOW)).toMatchObject({ outcome: "failed", error: expect.stringContaining("erased by a privacy request") });
  });
});
