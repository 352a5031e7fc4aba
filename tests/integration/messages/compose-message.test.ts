// Composing shopper messages into the outbox from the demo shop on the Admin API stand-in:
// language, Shopify's data in the text, consent, unsubscribes, quiet hours and dedupe.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { composeMessage } from "~/messages/compose-message.server";
import { suppressionHash } from "~/messages/shopper-answers.server";
import { getShopSettings, importShopDetails } from "~/messages/shop-settings.server";
import type { OrderRecord as DemoOrder } from "../../admin-api/demo-types";
import { resetDatabase, seedShop } from "../../support/factories";
import { startDemoStandIn, type DemoStandIn } from "../../support/stand-in-admin";

const NOW = new Date("2026-11-20T10:00:00Z");

let h: DemoStandIn;
let deliveries: { messageId: string; runAt: Date }[];

beforeEach(async () => {
  await resetDatabase(prisma);
  h = await startDemoStandIn({ now: NOW });
  await seedShop(prisma, h.shop);
  deliveries = [];
});

afterEach(async () => {
  await h.close();
});

const deps = () => ({ admin: h.admin, enqueueDelivery: async (messageId: string, runAt: Date) => deliveries.push({ messageId, runAt }) });
const numericId = (gid: string) => gid.split("/").pop() ?? "";

function findOrder(predicate: (order: DemoOrder) => boolean): DemoOrder {
  const order = h.demo.orders.find(predicate);
  if (!order) throw new Error("the demo shop has no such order");
  return order;
}

const tracked = (order: DemoOrder) => order.fulfillments.find((parcel) => parcel.trackingInfo.length > 0);

describe("importShopDetails", () => {
  it("fills the settings from Shopify's shop details and keeps what the merchant typed", async () => {
    const settings = await importShopDetails(prisma, h.admin, h.shop, NOW);
    expect(settings).toMatchObject({ shopName: "Maison Lumen", timezone: "Europe/Paris", currency: "EUR", countryCode: "FR", contactEmail: "hello@maison-lumen.example", contactPhone: "+33 4 78 00 14 14" });
    expect(JSON.parse(settings.contactAddress ?? "{}")).toMatchObject({ address1: "14 rue Mercière", city: "Lyon", zip: "69002", countryCode: "FR" });

    await prisma.shopSettings.update({ where: { shop: h.shop }, data: { contactPhone: "+33 9 99 99 99 99" } });
    const again = await importShopDetails(prisma, h.admin, h.shop, NOW);
    expect(again.contactPhone).toBe("+33 9 99 99 99 99");
  });
});

describe("composeMessage", () => {
  it("puts a French dispatch note with the tracking number and the shop's phone and address in the outbox, once", async () => {
    const order = findOrder((candidate) => candidate.customerLocale?.startsWith("fr") === true && tracked(candidate) !== undefined && !candidate.cancelledAt);
    const parcel = tracked(order)!;
    const request = { type: "dispatch_note" as const, orderId: numericId(order.id), reason: numericId(parcel.id) };

    const first = await composeMessage(prisma, h.shop, request, NOW, deps());
    expect(first.status).toBe("queued");
    const row = await prisma.outboxMessage.findFirstOrThrow({ where: { shop: h.shop } });
    expect(row).toMatchObject({ type: "dispatch_note", locale: "fr", toAddress: order.email, orderId: request.orderId, marketing: false, status: "queued" });
    expect(row.subject).toContain(order.name);
    for (const part of [row.html, row.text]) {
      expect(part).toContain(parcel.trackingInfo[0]!.number);
      expect(part).toContain("+33 4 78 00 14 14");
      expect(part).toContain("Lyon");
    }
    expect(row.html).toContain('lang="fr"');
    expect(deliveries.map((delivery) => delivery.messageId)).toEqual([row.id]);

    const second = await composeMessage(prisma, h.shop, request, NOW, deps());
    expect(second).toEqual({ status: "duplicate", messageId: row.id });
    expect(await prisma.outboxMessage.count({ where: { shop: h.shop } })).toBe(1);
    expect(deliveries).toHaveLength(1);
  });

  it("writes in the shop's primary language when the shopper's is not one we write in", async () => {
    const order = findOrder((candidate) => !["en", "fr", "uk", "el", "pl", "de", "es"].includes((candidate.customerLocale ?? "en").slice(0, 2)));
    await composeMessage(prisma, h.shop, { type: "order_confirmation", orderId: numericId(order.id) }, NOW, deps());
    const row = await prisma.outboxMessage.findFirstOrThrow({ where: { shop: h.shop } });
    // Maison Lumen's primary language (shopLocales) is French.
    expect((await getShopSettings(prisma, h.shop)).primaryLocale).toBe("fr");
    expect(row.locale).toBe("fr");
  });

  it("sends promotion only with consent, and never after an unsubscribe", async () => {
    const subscribed = findOrder((candidate) => candidate.customer?.defaultEmailAddress.marketingState === "SUBSCRIBED");
    const notSubscribed = findOrder((candidate) => candidate.customer?.defaultEmailAddress.marketingState === "NOT_SUBSCRIBED");

    expect((await composeMessage(prisma, h.shop, { type: "review_request", orderId: numericId(notSubscribed.id) }, NOW, deps())).status).toBe("suppressed");
    const allowed = await composeMessage(prisma, h.shop, { type: "review_request", orderId: numericId(subscribed.id) }, NOW, deps());
    expect(allowed.status).toBe("queued");
    const row = await prisma.outboxMessage.findFirstOrThrow({ where: { shop: h.shop, orderId: numericId(subscribed.id) } });
    expect(JSON.parse(row.headers)).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(JSON.parse(row.headers)["List-Unsubscribe"]).toMatch(/^<https:\/\/aftercare-demo\.myshopify\.com\/apps\/aftercare\/unsubscribe\?t=/);

    await prisma.messageSuppression.create({ data: { shop: h.shop, emailHash: suppressionHash(subscribed.email) } });
    const after = await composeMessage(prisma, h.shop, { type: "review_request", orderId: numericId(subscribed.id), reason: "second" }, NOW, deps());
    expect(after.status).toBe("suppressed");
    // Transactional messages still go to the unsubscribed shopper.
    expect((await composeMessage(prisma, h.shop, { type: "order_confirmation", orderId: numericId(subscribed.id) }, NOW, deps())).status).toBe("queued");
  });

  it("sends no review request to a shopper who reported a problem with the order", async () => {
    const subscribed = findOrder((candidate) => candidate.customer?.defaultEmailAddress.marketingState === "SUBSCRIBED" && !candidate.cancelledAt);
    const orderId = numericId(subscribed.id);
    await prisma.timelineEvent.create({ data: { shop: h.shop, orderId, kind: "checked_in", occurredAt: NOW, source: "shopper", detail: JSON.stringify({ answer: "problem" }), dedupeKey: "shopper:checked_in" } });
    const outcome = await composeMessage(prisma, h.shop, { type: "review_request", orderId }, NOW, deps());
    expect(outcome).toMatchObject({ status: "suppressed", reason: expect.stringContaining("reported a problem") });
    expect(deliveries).toEqual([]);
  });

  it("waits for the end of quiet hours in the shopper's time zone", async () => {
    const order = findOrder((candidate) => candidate.shippingAddress?.countryCodeV2 === "FR");
    const lateEvening = new Date("2026-11-20T22:30:00Z"); // 23:30 in Paris
    const outcome = await composeMessage(prisma, h.shop, { type: "order_confirmation", orderId: numericId(order.id) }, lateEvening, deps());
    expect(outcome).toMatchObject({ status: "queued", sendAfter: new Date("2026-11-21T07:00:00Z") });
    expect(deliveries[0]?.runAt).toEqual(new Date("2026-11-21T07:00:00Z"));
  });

  it("does not compose a type the merchant turned off, unless the merchant asks for it", async () => {
    const order = findOrder((candidate) => !candidate.cancelledAt);
    await getShopSettings(prisma, h.shop);
    await prisma.shopSettings.update({ where: { shop: h.shop }, data: { messageTypes: JSON.stringify({ thank_you: { enabled: false, delayMinutes: 0 } }) } });
    expect(await composeMessage(prisma, h.shop, { type: "thank_you", orderId: numericId(order.id), facts: { thankYouNote: "Merci !" } }, NOW, deps())).toEqual({ status: "disabled" });
    expect((await composeMessage(prisma, h.shop, { type: "thank_you", orderId: numericId(order.id), facts: { thankYouNote: "Merci !" }, requestedBy: "merchant" }, NOW, deps())).status).toBe("queued");
  });

  it("refuses a request that is not a message request, before touching anything", async () => {
    await expect(composeMessage(prisma, h.shop, { type: "not_a_type", orderId: "1" } as never, NOW, deps())).rejects.toThrow();
    expect(await prisma.outboxMessage.count()).toBe(0);
  });
});
