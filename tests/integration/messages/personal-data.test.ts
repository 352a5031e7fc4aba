// What shopper messages, answers and returns give and erase for Shopify's privacy requests.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import type { CustomerQuery } from "~/compliance/personal-data.server";
import { shopperMessagesPersonalData } from "~/messages/personal-data.server";
import { resetDatabase, seedShop } from "../../support/factories";

const SHOP = "care-messages-privacy.myshopify.com";
const OTHER = "care-messages-privacy-two.myshopify.com";
const NOW = new Date("2026-11-20T10:00:00Z");
const query = (orderIds: string[] = []): CustomerQuery => ({ shop: SHOP, customer: { id: "501", email: "Ana@Mail.example", phone: null }, orderIds });

async function order(shop: string, orderId: string, customerId: string) {
  await prisma.orderCare.create({
    data: { shop, orderId, orderGid: `gid://shopify/Order/${orderId}`, name: `#${orderId}`, number: Number(orderId), customerId, placedAt: NOW, totalPrice: "10.00", currency: "EUR", shopifyUpdatedAt: NOW, lastSource: "webhook" },
  });
}

async function message(shop: string, orderId: string | null, toAddress: string, dedupeKey: string) {
  await prisma.outboxMessage.create({ data: { shop, orderId, type: "dispatch_note", dedupeKey, locale: "fr", toAddress, subject: "Votre commande est partie", html: "<p>Bonjour Ana</p>", text: "Bonjour Ana" } });
}

beforeEach(async () => {
  await resetDatabase(prisma);
  for (const shop of [SHOP, OTHER]) {
    await seedShop(prisma, shop);
    await order(shop, "1001", "501");
    await message(shop, "1001", "ana@mail.example", "order:1001:dispatch_note");
  }
  await order(SHOP, "1002", "777");
  await message(SHOP, "1002", "bob@mail.example", "order:1002:dispatch_note");
  await message(SHOP, null, "Ana@Mail.example", "shop:digest");
  await prisma.timelineEvent.create({ data: { shop: SHOP, orderId: "1001", kind: "address_correction_requested", occurredAt: NOW, source: "shopper", detail: JSON.stringify({ address1: "3 rue Neuve" }), dedupeKey: "c1" } });
  await prisma.timelineEvent.create({ data: { shop: SHOP, orderId: "1001", kind: "dispatched", occurredAt: NOW, source: "webhook", detail: JSON.stringify({ trackingNumber: "X1" }), dedupeKey: "d1" } });
  const returned = await prisma.returnCase.create({
    data: { shop: SHOP, orderId: "1001", returnNumber: "R1001-1", status: "requested", reason: "wrong_item", comment: "Wrong colour, I live at 3 rue Neuve", lines: "[]", decision: "{}", labelPaidBy: "shop", source: "shopper", requestedAt: NOW },
  });
  await prisma.returnDocument.create({ data: { shop: SHOP, returnId: returned.id, kind: "label", filename: "label.pdf", contentType: "application/pdf", data: Buffer.from("%PDF-1.7") } });
});

describe("shopper messages, answers and returns under privacy requests", () => {
  it("collects the customer's messages (by order and by address), answers and returns, and nobody else's", async () => {
    const records = (await shopperMessagesPersonalData.collect(prisma, query())) as { section: string; orderId: string | null; toAddress?: string }[];
    expect(records.filter((record) => record.section === "message").map((record) => record.toAddress).sort()).toEqual(["Ana@Mail.example", "ana@mail.example"]);
    expect(records.filter((record) => record.section === "answer")).toHaveLength(1);
    expect(records.filter((record) => record.section === "return")).toMatchObject([{ returnNumber: "R1001-1", comment: "Wrong colour, I live at 3 rue Neuve" }]);
    expect(JSON.stringify(records)).not.toContain("bob@mail.example");
  });

  it("erases recipients, texts, answers' details, return comments and documents — keeping the dedupe keys and other shops' data", async () => {
    expect(await shopperMessagesPersonalData.redact(prisma, query())).toBeGreaterThanOrEqual(5);
    const mine = await prisma.outboxMessage.findMany({ where: { shop: SHOP, dedupeKey: { in: ["order:1001:dispatch_note", "shop:digest"] } } });
    expect(mine).toHaveLength(2);
    for (const row of mine) expect(row).toMatchObject({ toAddress: "", html: "", text: "" });
    expect(await prisma.outboxMessage.findFirst({ where: { shop: SHOP, orderId: "1002" } })).toMatchObject({ toAddress: "bob@mail.example" });
    expect(await prisma.outboxMessage.findFirst({ where: { shop: OTHER } })).toMatchObject({ toAddress: "ana@mail.example" });
    expect((await prisma.timelineEvent.findFirstOrThrow({ where: { shop: SHOP, kind: "address_correction_requested" } })).detail).toBeNull();
    expect((await prisma.timelineEvent.findFirstOrThrow({ where: { shop: SHOP, kind: "dispatched" } })).detail).not.toBeNull();
    expect(await prisma.returnCase.findFirstOrThrow({ where: { shop: SHOP } })).toMatchObject({ comment: null, returnNumber: "R1001-1" });
    expect(await prisma.returnDocument.count({ where: { shop: SHOP } })).toBe(0);
  });
});
