// Gift rules in the database: saved from the form (created, updated, refused), listed and
// deleted per shop, and previewed against the orders of the last 30 days the app keeps.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { customerOrderNumber, deleteGiftRule, giftRuleFormEntries, listGiftRules, previewGiftRule, saveGiftRule } from "~/gifts/gift-rules.server";
import { applyOrderEvents } from "~/orders/apply-delivery.server";
import { resetDatabase, seedShop } from "../../support/factories";
import { orderEvent, orderSnapshot } from "../../unit/orders/snapshots";

const SHOP = "gift-rules.myshopify.com";
const OTHER = "gift-rules-two.myshopify.com";
const NOW = new Date("2026-11-20T10:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP);
  await seedShop(prisma, OTHER);
});

const PEN = { id: "new", name: "Welcome pen", active: "on", triggerKind: "first_order", giftKind: "packer_instruction", giftText: "branded pen", stock: "50", monthlyBudget: "40", unitCost: "0.80" };

describe("saving, listing and deleting rules", () => {
  it("creates a rule from the form, updates it by id within the shop, and deletes it", async () => {
    const created = await saveGiftRule(prisma, SHOP, PEN);
    if (!created.ok) throw new Error("refused");
    expect(created.rule).toMatchObject({ name: "Welcome pen", active: true, trigger: { kind: "first_order" }, gift: { kind: "packer_instruction", text: "branded pen" }, stock: 50, monthlyBudget: "40", unitCost: "0.80" });
    expect(giftRuleFormEntries(created.rule)).toMatchObject({ ...PEN, id: created.rule.id, triggerN: "", giftNotify: "" });

    const updated = await saveGiftRule(prisma, SHOP, { ...giftRuleFormEntries(created.rule), active: "", giftText: "branded pen and a sticker" });
    expect(updated).toMatchObject({ ok: true, rule: { id: created.rule.id, active: false, gift: { text: "branded pen and a sticker" } } });
    // Another shop can neither see, change nor delete it.
    expect(await listGiftRules(prisma, OTHER)).toEqual([]);
    expect(await saveGiftRule(prisma, OTHER, { ...giftRuleFormEntries(created.rule) })).toEqual({ ok: false, errors: { id: "This rule no longer exists; reload the page." } });
    expect(await deleteGiftRule(prisma, OTHER, created.rule.id)).toBe(false);

    expect((await listGiftRules(prisma, SHOP)).map((rule) => rule.name)).toEqual(["Welcome pen"]);
    expect(await deleteGiftRule(prisma, SHOP, created.rule.id)).toBe(true);
    expect(await listGiftRules(prisma, SHOP)).toEqual([]);
  });

  it("returns the form's errors and saves nothing", async () => {
    const result = await saveGiftRule(prisma, SHOP, { ...PEN, name: "", giftText: "", unitCost: "1,50" });
    expect(result).toEqual({
      ok: false,
      errors: {
        name: "Give the rule a name.",
        giftText: "Write what the packer should put in the parcel, such as “branded pen”.",
        unitCost: "Use a dot for decimals and no thousands separators, such as 1000 or 49.99.",
      },
    });
    expect(await prisma.giftRule.count()).toBe(0);
  });

  it("leaves out a row whose stored trigger can't be read", async () => {
    await prisma.giftRule.create({ data: { shop: SHOP, name: "Broken", trigger: '{"kind":"moon_phase"}', gift: '{"kind":"packer_instruction","text":"x"}' } });
    expect(await listGiftRules(prisma, SHOP)).toEqual([]);
  });
});

describe("previewGiftRule", () => {
  async function order(orderId: string, overrides: NonNullable<Parameters<typeof orderSnapshot>[0]>) {
    const placedAt = overrides.placedAt ?? NOW;
    await applyOrderEvents(prisma, SHOP, [orderEvent(orderSnapshot({ orderId, orderGid: `gid://shopify/Order/${orderId}`, name: `#${orderId}`, number: Number(orderId), processedAt: placedAt, updatedAt: placedAt, ...overrides }))], NOW);
  }

  beforeEach(async () => {
    // Ada: first order 40 days ago (outside the preview), then two in the last 30 days.
    await order("1001", { customerId: "501", placedAt: daysAgo(40), totalPrice: "20.00" });
    await order("1002", { customerId: "501", placedAt: daysAgo(10), totalPrice: "80.00" });
    await order("1003", { customerId: "501", placedAt: daysAgo(2), totalPrice: "35.00" });
    // Ben: first order 5 days ago; Cleo's first was cancelled, so her next counts as first.
    await order("1004", { customerId: "502", placedAt: daysAgo(5), totalPrice: "120.00" });
    await order("1005", { customerId: "503", placedAt: daysAgo(20), cancelledAt: daysAgo(19), totalPrice: "60.00" });
    await order("1006", { customerId: "503", placedAt: daysAgo(3), totalPrice: "60.00" });
  });

  it("lists the orders of the last 30 days the rule would have matched, newest first, with why", async () => {
    expect(await previewGiftRule(prisma, SHOP, PEN, NOW)).toEqual({
      ok: true,
      matches: [
        { orderId: "1006", name: "#1006", placedAt: daysAgo(3), reasonWords: "the customer's first order" },
        { orderId: "1004", name: "#1004", placedAt: daysAgo(5), reasonWords: "the customer's first order" },
      ],
    });
    const above = await previewGiftRule(prisma, SHOP, { ...PEN, triggerKind: "order_value_above", triggerAmount: "75" }, NOW);
    expect(above.ok && above.matches.map((match) => [match.orderId, match.reasonWords])).toEqual([
      ["1004", "an order total of 120.00, above 75"],
      ["1002", "an order total of 80.00, above 75"],
    ]);
    // The other shop has no orders.
    expect(await previewGiftRule(prisma, OTHER, PEN, NOW)).toEqual({ ok: true, matches: [] });
  });

  it("previews the apology rule on the orders that got an apology", async () => {
    await prisma.timelineEvent.create({ data: { shop: SHOP, orderId: "1003", kind: "apology_sent", occurredAt: daysAgo(1), source: "merchant", dedupeKey: "apology:late_dispatch" } });
    const result = await previewGiftRule(prisma, SHOP, { ...PEN, triggerKind: "late_order_apology" }, NOW);
    expect(result).toEqual({ ok: true, matches: [{ orderId: "1003", name: "#1003", placedAt: daysAgo(2), reasonWords: "an apology for a late order" }] });
  });

  it("says why rules on customer tags or products can't be previewed, and returns form errors", async () => {
    expect(await previewGiftRule(prisma, SHOP, { ...PEN, triggerKind: "customer_tagged", triggerTag: "VIP" }, NOW)).toEqual({ ok: false, errors: { triggerKind: expect.stringContaining("customer tags") } });
    expect(await previewGiftRule(prisma, SHOP, { ...PEN, triggerKind: "" }, NOW)).toEqual({ ok: false, errors: { triggerKind: "Choose when the gift is given." } });
  });

  it("counts a customer's earlier paid, uncancelled orders", () => {
    const placed = (days: number) => daysAgo(days);
    const history = [
      { orderId: "1", number: 1, placedAt: placed(9), paidAt: placed(9), cancelledAt: null },
      { orderId: "2", number: 2, placedAt: placed(8), paidAt: null, cancelledAt: null },
      { orderId: "3", number: 3, placedAt: placed(7), paidAt: placed(7), cancelledAt: placed(6) },
      { orderId: "4", number: 4, placedAt: placed(5), paidAt: placed(5), cancelledAt: null },
    ];
    expect(customerOrderNumber({ orderId: "4", number: 4, placedAt: placed(5) }, history)).toBe(2);
    expect(customerOrderNumber({ orderId: "1", number: 1, placedAt: placed(9) }, history)).toBe(1);
    expect(customerOrderNumber({ orderId: "9", number: 9, placedAt: placed(1) }, [])).toBe(1);
  });
});
