// Sending a message by hand from the order page: the dispatch note needs a tracked parcel,
// and a message that exists already is pointed to, not composed again.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { listOrderMessages, sendOrderMessage } from "~/messages/order-messages.server";
import { resetDatabase, seedShop } from "../../support/factories";

const SHOP = "care-order-messages.myshopify.com";
const OTHER = "care-order-messages-two.myshopify.com";
const NOW = new Date("2026-11-20T10:00:00Z");

function fakeQueue() {
  const jobs: { name: string; shop: string; payload: unknown }[] = [];
  return { jobs, enqueue: async (name: string, shop: string, payload: unknown) => (jobs.push({ name, shop, payload }), `job-${jobs.length}`) };
}

beforeEach(async () => {
  await resetDatabase(prisma);
  for (const shop of [SHOP, OTHER]) {
    await seedShop(prisma, shop);
    await prisma.orderCare.create({ data: { shop, orderId: "1042", orderGid: "gid://shopify/Order/1042", name: "#1042", number: 1042, placedAt: NOW, totalPrice: "10.00", currency: "EUR", shopifyUpdatedAt: NOW, lastSource: "webhook" } });
  }
});

describe("sendOrderMessage", () => {
  it("refuses a dispatch note without a tracked parcel, then queues it for the newest tracked parcel", async () => {
    const queue = fakeQueue();
    expect(await sendOrderMessage(prisma, queue, SHOP, "1042", "dispatch_note")).toMatchObject({ ok: false, error: expect.stringContaining("no parcel with a tracking number") });
    await prisma.orderFulfillment.create({ data: { shop: SHOP, fulfillmentId: "77", orderId: "1042", status: "success", trackingNumber: "6A123", createdAt: NOW, shopifyUpdatedAt: NOW } });
    expect(await sendOrderMessage(prisma, queue, SHOP, "1042", "dispatch_note")).toMatchObject({ ok: true });
    expect(queue.jobs).toEqual([{ name: "messages.compose", shop: SHOP, payload: expect.objectContaining({ type: "dispatch_note", orderId: "1042", reason: "77", requestedBy: "merchant" }) }]);
  });

  it("points to a message that exists already instead of composing it again, and lists the order's messages only", async () => {
    await prisma.outboxMessage.create({ data: { shop: SHOP, orderId: "1042", type: "order_confirmation", dedupeKey: "order:1042:order_confirmation", locale: "fr", toAddress: "a@b.example", subject: "s", html: "h", text: "t", status: "held" } });
    await prisma.outboxMessage.create({ data: { shop: OTHER, orderId: "1042", type: "review_request", dedupeKey: "order:1042:review_request", locale: "de", toAddress: "c@d.example", subject: "s", html: "h", text: "t" } });
    const queue = fakeQueue();
    expect(await sendOrderMessage(prisma, queue, SHOP, "1042", "order_confirmation")).toMatchObject({ ok: false, error: expect.stringContaining("already exists") });
    expect(queue.jobs).toEqual([]);
    expect(await sendOrderMessage(prisma, queue, SHOP, "9999", "thank_you")).toEqual({ ok: false, error: "This order is not in Aftercare." });
    expect((await listOrderMessages(prisma, SHOP, "1042")).map((row) => [row.type, row.status, row.locale])).toEqual([["order_confirmation", "held", "fr"]]);
  });
});
