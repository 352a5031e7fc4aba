// The gifts given to an order shown on the thank-you / order status page: the order's app-owned
// metafields `$app:aftercare.gift` and `.discount_card`, written on the Admin API stand-in and
// read back with the extension's own parsers (extensions/thank-you-care/src/care-values.ts).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { applyGiftsForOrder } from "~/gifts/gift-grants.server";
import { discountCardValue, giftNoteValue, orderGiftMetafieldsToWrite, orderGiftMetafieldValues } from "~/gifts/gift-metafields";
import { saveGiftRule } from "~/gifts/gift-rules.server";
import { afterOrderChanged } from "~/jobs/gift-jobs.server";
import { adminQuery } from "~/shopify/admin-graphql.server";
import { CARE_NAMESPACE, careValues, parseDiscountCard, parseGiftNote } from "../../../extensions/thank-you-care/src/care-values";
import type { OrderRecord } from "../../admin-api/demo-types";
import { resetDatabase, seedShop } from "../../support/factories";
import { startDemoStandIn, type DemoStandIn } from "../../support/stand-in-admin";
import { addCustomer, addOrder, catalog, fakeQueue, intercepted, markFulfilled, ROOMY_BUCKET, syncOrders } from "./gift-shop";

const NOW = new Date("2026-11-20T10:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const WRITE = "GiftOrderMetafieldsSet";

let stand: DemoStandIn;

beforeEach(async () => {
  await resetDatabase(prisma);
  stand = await startDemoStandIn({ now: NOW, planLimits: ROOMY_BUCKET });
  await seedShop(prisma, stand.shop);
  await prisma.shopSettings.create({ data: { shop: stand.shop, timezone: "Europe/Paris", currency: "EUR" } });
});

afterEach(async () => {
  await stand.close();
});

async function rule(entries: Record<string, string>): Promise<string> {
  const saved = await saveGiftRule(prisma, stand.shop, { id: "new", active: "on", unitCost: "0", ...entries });
  if (!saved.ok) throw new Error(`rule refused: ${JSON.stringify(saved.errors)}`);
  return saved.rule.id;
}

type Metafield = { namespace: string; key: string; type: string; value: string };

/** The order's metafields as Shopify has them. */
async function metafieldsOf(order: OrderRecord): Promise<Metafield[]> {
  const data = await adminQuery<{ order: { metafields: { nodes: Metafield[] } } }>(
    stand.admin,
    `#graphql
    query TestGiftOrderMetafields($id: ID!) { order(id: $id) { metafields(first: 50) { nodes { namespace key type value } } } }`,
    { id: order.id },
  );
  return data.order.metafields.nodes;
}

/** What the thank-you block shows for the order, from its metafields as the extension gets them. */
async function shown(order: OrderRecord, at: Date) {
  const entries = (await metafieldsOf(order)).map((metafield) => ({ target: { type: "order", id: order.id }, metafield }));
  return careValues(entries, at);
}

async function ours(order: OrderRecord, key: string): Promise<Metafield | undefined> {
  return (await metafieldsOf(order)).find((metafield) => metafield.namespace === CARE_NAMESPACE && metafield.key === key);
}

async function setMetafield(order: OrderRecord, metafield: Omit<Metafield, "value"> & { value: string }): Promise<void> {
  const data = await adminQuery<{ metafieldsSet: { userErrors: unknown[] } }>(
    stand.admin,
    `#graphql
    mutation TestSetOrderMetafield($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { userErrors { field message } } }`,
    { metafields: [{ ownerId: order.id, ...metafield }] },
  );
  expect(data.metafieldsSet.userErrors).toEqual([]);
}

const writes = () => stand.store.requests.filter((request) => request.operationName === WRITE);

describe("the gift metafield", () => {
  it("shows a packer's gift on the thank-you page, written once, keeping the order's other metafields", async () => {
    await rule({ name: "Welcome pen", triggerKind: "first_order", giftKind: "packer_instruction", giftText: "A branded  pen" });
    const order = addOrder(stand, { id: 6001, customer: addCustomer(stand, 96001), placedAt: minutes(-30) });
    await syncOrders(stand, [order], NOW);
    await setMetafield(order, { namespace: "custom", key: "engraving", type: "single_line_text_field", value: "For Ana" });
    await setMetafield(order, { namespace: CARE_NAMESPACE, key: "watch", type: "json", value: '{"version":1,"flags":[]}' });

    const result = await applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, "6001", NOW);
    expect(result.made).toHaveLength(1);
    expect(result.orderMetafields).toEqual({ written: ["gift"], refused: null });

    const gift = await ours(order, "gift");
    expect(gift).toMatchObject({ type: "json" });
    expect(parseGiftNote(gift?.value)).toEqual({ description: "A branded pen" });
    expect(await ours(order, "discount_card")).toBeUndefined();
    expect(await shown(order, NOW)).toEqual({ gift: { description: "A branded pen" }, discountCard: null, loyalty: null });
    const others = (await metafieldsOf(order)).filter((metafield) => metafield.key !== "gift");
    expect(others).toEqual([
      { namespace: "custom", key: "engraving", type: "single_line_text_field", value: "For Ana" },
      { namespace: CARE_NAMESPACE, key: "watch", type: "json", value: '{"version":1,"flags":[]}' },
    ]);
    expect(writes()).toHaveLength(1);
    expect(writes()[0]?.variables).toEqual({ metafields: [{ ownerId: order.id, namespace: CARE_NAMESPACE, key: "gift", type: "json", value: '{"description":"A branded pen"}' }] });

    // Again, and once the order is fulfilled (the packer's note done): nothing new is written.
    expect((await applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, "6001", minutes(5))).orderMetafields).toEqual({ written: [], refused: null });
    markFulfilled(stand, order, minutes(60));
    await syncOrders(stand, [order], minutes(60));
    expect((await afterOrderChanged(fakeQueue(), prisma, stand.shop, "6001", minutes(60))).packerNotesDone).toBe(1);
    await applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, "6001", minutes(61));
    expect(writes()).toHaveLength(1);
  });

  it("names an added product by its title, and adds a gift given later to the description", async () => {
    const { gift: product } = catalog(stand);
    await rule({ name: "Welcome candle", triggerKind: "first_order", giftKind: "add_product", giftVariantId: product.variant.id });
    const order = addOrder(stand, { id: 6002, customer: addCustomer(stand, 96002), placedAt: minutes(-30) });
    await syncOrders(stand, [order], NOW);

    const result = await applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, "6002", NOW);
    const title = result.made[0]?.detail.title ?? "";
    expect(title).toContain(product.product.title);
    expect((await shown(order, NOW)).gift).toEqual({ description: title });

    await rule({ name: "Catalogue", triggerKind: "order_value_above", triggerAmount: "1", giftKind: "packer_instruction", giftText: "our autumn catalogue" });
    await applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, "6002", minutes(1));
    expect((await shown(order, minutes(1))).gift).toEqual({ description: `${title}, our autumn catalogue` });
    expect(writes()).toHaveLength(2);
    await applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, "6002", minutes(2));
    expect(writes()).toHaveLength(2);
  });
});

describe("the discount card metafield", () => {
  it("shows the card's code, percent and expiry with the parcel gift, in one write; the retry after a lost answer writes it again, then nothing", async () => {
    await rule({ name: "Come back soon", triggerKind: "order_value_above", triggerAmount: "1", giftKind: "discount_card", giftPercent: "10", giftValidDays: "30" });
    await rule({ name: "Pen", triggerKind: "first_order", giftKind: "packer_instruction", giftText: "branded pen" });
    const order = addOrder(stand, { id: 6101, customer: addCustomer(stand, 96101), placedAt: minutes(-30) });
    await syncOrders(stand, [order], NOW);

    const lost = intercepted(stand.admin, WRITE, { dropAnswer: true });
    await expect(applyGiftsForOrder(prisma, lost, fakeQueue(), stand.shop, "6101", NOW)).rejects.toThrow(/socket hang up/);
    expect((await prisma.giftGrant.findMany({ where: { shop: stand.shop, orderId: "6101" } })).map((grant) => grant.status)).toEqual(["applied", "applied"]);

    const result = await applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, "6101", minutes(1));
    expect(result.made).toEqual([]);
    expect(result.orderMetafields).toEqual({ written: ["gift", "discount_card"], refused: null });
    const issued = await prisma.issuedDiscountCode.findFirstOrThrow({ where: { shop: stand.shop, orderId: "6101" } });
    expect(issued.code).toMatch(/^THANKS-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const card = await ours(order, "discount_card");
    expect(card?.type).toBe("json");
    expect(parseDiscountCard(card?.value, minutes(1))).toEqual({ code: issued.code, percent: 10, expiresAt: issued.expiresAt });
    expect(await shown(order, minutes(1))).toEqual({ gift: { description: "branded pen" }, discountCard: { code: issued.code, percent: 10, expiresAt: issued.expiresAt }, loyalty: null });
    // Once it has expired the block leaves it out.
    expect((await shown(order, new Date(issued.expiresAt.getTime() + 1))).discountCard).toBeNull();

    expect(writes()).toHaveLength(2);
    expect((writes()[1]?.variables as { metafields: unknown[] }).metafields).toHaveLength(2);
    await applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, "6101", minutes(2));
    expect(writes()).toHaveLength(2);
  });

  it("reports a refused write without failing the gift, and writes on the next attempt that Shopify accepts", async () => {
    await rule({ name: "Come back soon", triggerKind: "first_order", giftKind: "discount_card", giftPercent: "10", giftValidDays: "30" });
    const order = addOrder(stand, { id: 6102, customer: addCustomer(stand, 96102), placedAt: minutes(-30) });
    await syncOrders(stand, [order], NOW);
    // A metafield of another type under the key: Shopify refuses the json value.
    await setMetafield(order, { namespace: CARE_NAMESPACE, key: "discount_card", type: "single_line_text_field", value: "old" });

    const result = await applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, "6102", NOW);
    expect(result.made).toHaveLength(1);
    expect(result.orderMetafields.refused).toMatch(/^Shopify refused the order's gift metafields: Type must be/);
    expect((await prisma.giftGrant.findFirstOrThrow({ where: { shop: stand.shop, orderId: "6102" } })).status).toBe("applied");
    expect((await ours(order, "discount_card"))?.value).toBe("old");

    const stored = order as unknown as { metafields: { namespace: string; key: string }[] };
    stored.metafields = stored.metafields.filter((metafield) => metafield.key !== "discount_card");
    const again = await applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, "6102", minutes(1));
    expect(again.orderMetafields).toEqual({ written: ["discount_card"], refused: null });
    expect((await shown(order, minutes(1))).discountCard?.percent).toBe(10);
  });
});

describe("the values (pure)", () => {
  it("are what the extension's parsers accept, or nothing", () => {
    expect(giftNoteValue(["  ", "pen", "Pen", "catalogue"])).toBe('{"description":"pen, catalogue"}');
    expect(giftNoteValue([])).toBeNull();
    const long = giftNoteValue(["x".repeat(600)]);
    expect(parseGiftNote(long)?.description).toHaveLength(500);
    expect(discountCardValue({ code: "THANKS-7K3M-Q9XP", percent: 10, expiresAt: "2026-12-31T23:00:00.000Z" }, NOW)).toBe('{"code":"THANKS-7K3M-Q9XP","percent":10,"expiresAt":"2026-12-31T23:00:00.000Z"}');
    expect(discountCardValue({ code: "THANKS-7K3M-Q9XP", percent: 10, expiresAt: "2026-11-01T00:00:00.000Z" }, NOW)).toBeNull();
    const values = orderGiftMetafieldValues(
      [
        { kind: "discount_card", code: "A", percent: 10, expiresAt: "2026-12-01T00:00:00.000Z" },
        { kind: "discount_card", code: "B", percent: 15, expiresAt: "2026-12-01T00:00:00.000Z" },
        { kind: "add_product", title: null, ruleName: "Candle" },
      ],
      NOW,
    );
    expect(values).toEqual({ gift: '{"description":"Candle"}', discount_card: '{"code":"B","percent":15,"expiresAt":"2026-12-01T00:00:00.000Z"}' });
    expect(orderGiftMetafieldsToWrite(values, [{ gift: values.gift as string, discount_card: values.discount_card as string }, {}])).toEqual([]);
    expect(orderGiftMetafieldsToWrite(values, [{ gift: "old" }, { gift: values.gift as string }])).toEqual(["gift", "discount_card"]);
  });
});
