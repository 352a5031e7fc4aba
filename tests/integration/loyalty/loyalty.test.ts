// Loyalty on the demo shop's Admin API stand-in and a real database: the settings and the
// automatic discount that runs the tier Function, a customer's tier written to their metafield
// when it changes (read back from the stand-in and run through the Function itself), and the tier
// dropping again after a refund.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { afterOrderChanged, giftJobHandlers, LOYALTY_RECALCULATE_JOB, queueShopLoyaltyRecalculation } from "~/jobs/gift-jobs.server";
import { getLoyaltySettings, loyaltyOverview, parseLoyaltyForm, recalculateCustomer, saveLoyaltySettings } from "~/loyalty/loyalty.server";
import { adminQuery } from "~/shopify/admin-graphql.server";
import { LOYALTY_DISCOUNT_CREATE_MUTATION } from "~/shopify/graphql/loyalty-discount-create";
import type { LoyaltyDiscountCreateMutation } from "~/types/admin.generated";
import { cartLinesDiscountsGenerateRun, type CartLinesDiscountsGenerateRunInput } from "../../../extensions/loyalty-discount/src/cart_lines_discounts_generate_run";
import { appFunctions, installAppFunctions } from "../../admin-api/gift-mutations";
import { resetDatabase, seedShop } from "../../support/factories";
import { startDemoStandIn, type DemoStandIn } from "../../support/stand-in-admin";
import { addCustomer, addOrder, catalog, fakeQueue, refundFully, ROOMY_BUCKET, syncOrders } from "../gifts/gift-shop";

const NOW = new Date("2026-11-20T10:00:00Z");
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);
const TIERS = "Returning customer | 2 | | 5\nLoyal customer | 5 | | 10";
const FIXTURE = path.resolve(import.meta.dirname, "../../../extensions/loyalty-discount/tests/fixtures/tier-5-percent.json");

let stand: DemoStandIn;

beforeEach(async () => {
  await resetDatabase(prisma);
  stand = await startDemoStandIn({ now: NOW, planLimits: ROOMY_BUCKET });
  installAppFunctions(stand.store, stand.shop);
  await seedShop(prisma, stand.shop);
});

afterEach(async () => {
  await stand.close();
});

type DiscountRecord = { automaticDiscount: { status: string; discountClasses: string[]; title: string; appDiscountType: { functionId: string } } };
const discounts = () => stand.store.list(stand.shop, "DiscountAutomaticNode") as unknown as DiscountRecord[];

async function turnOn() {
  const saved = await saveLoyaltySettings(prisma, stand.admin, stand.shop, { enabled: "on", tiers: TIERS, periodDays: "" }, NOW);
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return saved.settings;
}

async function metafieldInShopify(customerId: string): Promise<string | null> {
  const data = await adminQuery<{ customer: { loyalty: { value: string } | null } | null }>(
    stand.admin,
    `#graphql
    query TestLoyaltyMetafield($id: ID!) { customer(id: $id) { loyalty: metafield(namespace: "$app:aftercare", key: "loyalty") { value } } }`,
    { id: `gid://shopify/Customer/${customerId}` },
  );
  return data.customer?.loyalty?.value ?? null;
}

/** The Function's cart fixture with this customer's metafield as Shopify would pass it. */
function cartFor(value: string | null): CartLinesDiscountsGenerateRunInput {
  const fixture = JSON.parse(readFileSync(FIXTURE, "utf8")) as { payload: { input: CartLinesDiscountsGenerateRunInput } };
  const input = fixture.payload.input;
  return { ...input, cart: { buyerIdentity: { customer: { loyalty: value === null ? null : { value } } } } };
}

const percentOff = (value: string | null) => cartLinesDiscountsGenerateRun(cartFor(value)).operations[0]?.orderDiscountsAdd.candidates[0]?.value.percentage.value ?? 0;

describe("loyalty settings", () => {
  it("creates the automatic discount for the Function once, by its handle, and turns it off and on", async () => {
    const [fn] = appFunctions().filter((candidate) => candidate.handle === "loyalty-discount");
    const settings = await turnOn();
    expect(settings).toMatchObject({ enabled: true, periodDays: null, tiers: [{ name: "Returning customer", minPaidOrders: 2, percent: 5 }, { name: "Loyal customer", minPaidOrders: 5, percent: 10 }] });
    expect(settings.discountId).toMatch(/^gid:\/\/shopify\/DiscountAutomaticNode\//);
    expect(discounts()).toEqual([expect.objectContaining({ automaticDiscount: expect.objectContaining({ status: "ACTIVE", discountClasses: ["ORDER"], appDiscountType: expect.objectContaining({ functionId: fn?.id }) }) })]);

    // Saved again: the same discount.
    expect((await turnOn()).discountId).toBe(settings.discountId);
    const off = await saveLoyaltySettings(prisma, stand.admin, stand.shop, { enabled: "", tiers: TIERS, periodDays: "365" }, hours(1));
    expect(off).toMatchObject({ ok: true, settings: { enabled: false, periodDays: 365, discountId: settings.discountId } });
    expect(discounts()[0]?.automaticDiscount.status).toBe("EXPIRED");
    expect((await turnOn()).discountId).toBe(settings.discountId);
    expect(discounts()).toHaveLength(1);
    expect(discounts()[0]?.automaticDiscount.status).toBe("ACTIVE");
  });

  it("says so when the Function is not on the shop, and keeps loyalty off", async () => {
    stand.store.requireShop(stand.shop).queryRoot.shopifyFunctions = () => [];
    const saved = await saveLoyaltySettings(prisma, stand.admin, stand.shop, { enabled: "on", tiers: TIERS, periodDays: "" }, NOW);
    expect(saved).toEqual({ ok: false, errors: { enabled: expect.stringContaining("isn't installed") } });
    expect(await getLoyaltySettings(prisma, stand.shop)).toMatchObject({ enabled: false, discountId: null, tiersText: "Returning customer | 2 |  | 5\nLoyal customer | 5 |  | 10" });
    expect(discounts()).toEqual([]);
  });

  it("is refused by Shopify without one function, with an unknown one, or ending before it starts", async () => {
    const create = async (input: Record<string, unknown>) =>
      (await adminQuery<LoyaltyDiscountCreateMutation>(stand.admin, LOYALTY_DISCOUNT_CREATE_MUTATION, { automaticAppDiscount: { title: "Tiers", discountClasses: ["ORDER"], ...input } })).discountAutomaticAppCreate;
    expect((await create({}))?.userErrors.map((error) => error.code)).toEqual(["MISSING_FUNCTION_IDENTIFIER"]);
    expect((await create({ functionHandle: "loyalty-discount", functionId: "x" }))?.userErrors.map((error) => error.code)).toEqual(["MULTIPLE_FUNCTION_IDENTIFIERS"]);
    expect((await create({ functionHandle: "no-such-function" }))?.userErrors).toEqual([{ field: ["automaticAppDiscount", "functionHandle"], message: "Function not found.", code: "INVALID" }]);
    expect((await create({ functionHandle: "loyalty-discount", startsAt: NOW.toISOString(), endsAt: hours(-1).toISOString() }))?.userErrors.map((error) => error.code)).toEqual(["END_DATE_BEFORE_START_DATE"]);
    expect((await create({ functionHandle: "loyalty-discount", title: " " }))?.userErrors.map((error) => error.code)).toEqual(["BLANK"]);
    expect(discounts()).toEqual([]);
  });

  it("reads the tiers form", () => {
    expect(parseLoyaltyForm({ enabled: "on", tiers: " Gold | | 250 | 7.5 \n\nSilver | 3 | | 5", periodDays: "" })).toEqual({
      ok: true,
      value: { enabled: true, periodDays: null, tiers: [{ name: "Gold", minSpend: "250", percent: 7.5 }, { name: "Silver", minPaidOrders: 3, percent: 5 }] },
    });
    expect(parseLoyaltyForm({ enabled: "on", tiers: "Gold | 2 | 5\nSilver | x | | 5", periodDays: "0" })).toEqual({
      ok: false,
      errors: {
        tiers: "Write each tier as “name | min paid orders | min spend | percent”, such as “Returning customer | 2 | | 5”; check line 1 (“Gold | 2 | 5”), line 2 (“Silver | x | | 5”).",
        periodDays: "Enter a number of days from 1 to 3650, or leave it empty to count every order.",
      },
    });
    expect(parseLoyaltyForm({ enabled: "on", tiers: "Gold | 2 | | 0", periodDays: "" })).toEqual({ ok: false, errors: { tiers: "Gold: the discount must be more than 0% and at most 100%." } });
    expect(parseLoyaltyForm({ enabled: "on", tiers: "", periodDays: "" })).toEqual({ ok: false, errors: { tiers: "Add at least one tier, or turn loyalty off." } });
  });
});

describe("a customer's tier", () => {
  it("moves to 5% with the second paid order (metafield written once, the Function gives 5%), and drops again after a refund", async () => {
    await turnOn();
    const queue = fakeQueue();
    const handlers = giftJobHandlers(queue, { adminFor: async () => stand.admin, now: () => hours(48) });
    const runQueued = async () => {
      for (const job of queue.take(LOYALTY_RECALCULATE_JOB)) await handlers[LOYALTY_RECALCULATE_JOB]?.(job.payload, { shop: stand.shop, jobId: "j", attempt: 1 });
    };
    const customer = addCustomer(stand, 92001);

    const first = addOrder(stand, { id: 7001, customer, placedAt: hours(-48) });
    await syncOrders(stand, [first], hours(-48));
    expect((await afterOrderChanged(queue, prisma, stand.shop, "7001", hours(-48))).loyaltyQueued).toBe(true);
    await runQueued();
    expect(percentOff(await metafieldInShopify("92001"))).toBe(0);

    const second = addOrder(stand, { id: 7002, customer, placedAt: hours(-1) });
    await syncOrders(stand, [second], hours(-1));
    expect((await afterOrderChanged(queue, prisma, stand.shop, "7002", hours(-1))).loyaltyQueued).toBe(true);
    await runQueued();

    const value = await metafieldInShopify("92001");
    expect(JSON.parse(value ?? "null")).toEqual({ version: 1, tier: "Returning customer", percent: 5, paidOrders: 2, nextTier: "Loyal customer", nextPercent: 10, ordersToNext: 3 });
    expect(percentOff(value)).toBe(5);
    expect(cartLinesDiscountsGenerateRun(cartFor(value)).operations[0]?.orderDiscountsAdd.candidates[0]?.message).toBe("Loyalty 5%");
    expect(await prisma.loyaltyMember.findUniqueOrThrow({ where: { shop_customerId: { shop: stand.shop, customerId: "92001" } } })).toMatchObject({ tier: "Returning customer", percent: 5, paidOrders: 2, spend: (Number(catalog(stand).sold.variant.price) * 4).toFixed(2), metafieldValue: value });

    // Nothing changed: no job, and asked anyway, no write.
    expect((await afterOrderChanged(queue, prisma, stand.shop, "7002", hours(2))).loyaltyQueued).toBe(false);
    const writes = () => stand.store.requests.filter((request) => request.operationName === "LoyaltyMetafieldSet").length;
    const before = writes();
    expect(await recalculateCustomer(prisma, stand.admin, stand.shop, "92001", hours(3))).toMatchObject({ tier: "Returning customer", percent: 5, written: false });
    expect(writes()).toBe(before);

    // The second order is refunded in full: back to no tier, and no discount at checkout.
    refundFully(stand, second, hours(5));
    await syncOrders(stand, [second], hours(5));
    expect((await afterOrderChanged(queue, prisma, stand.shop, "7002", hours(5))).loyaltyQueued).toBe(true);
    await runQueued();
    const dropped = await metafieldInShopify("92001");
    expect(JSON.parse(dropped ?? "null")).toMatchObject({ tier: null, percent: 0, paidOrders: 1, nextTier: "Returning customer", ordersToNext: 1 });
    expect(percentOff(dropped)).toBe(0);
    expect(cartLinesDiscountsGenerateRun(cartFor(dropped))).toEqual({ operations: [] });

    expect(await loyaltyOverview(prisma, stand.shop)).toEqual({
      enabled: true,
      tiers: [
        { name: "Returning customer", minPaidOrders: 2, percent: 5, members: 0 },
        { name: "Loyal customer", minPaidOrders: 5, percent: 10, members: 0 },
      ],
      withoutTier: 1,
      members: 1,
    });
  });

  it("leaves cancelled orders out, counts nothing while loyalty is off, and recalculates the whole shop on request", async () => {
    const customer = addCustomer(stand, 92101);
    const orders = [7101, 7102, 7103].map((id, index) => addOrder(stand, { id, customer, placedAt: hours(-10 + index) }));
    await syncOrders(stand, orders, NOW);
    expect(await recalculateCustomer(prisma, stand.admin, stand.shop, "92101", NOW)).toMatchObject({ written: false, skipped: "disabled" });
    expect(await metafieldInShopify("92101")).toBeNull();

    await turnOn();
    const cancelled = orders[2] as (typeof orders)[number];
    Object.assign(cancelled, { cancelledAt: hours(1).toISOString(), cancelReason: "CUSTOMER", updatedAt: hours(1).toISOString() });
    await syncOrders(stand, [cancelled], hours(1));
    const queue = fakeQueue();
    expect(await queueShopLoyaltyRecalculation(queue, prisma, stand.shop)).toBe(1);
    expect(queue.jobs.map((job) => job.payload)).toEqual([{ customerId: "92101" }]);
    expect(await recalculateCustomer(prisma, stand.admin, stand.shop, "gid://shopify/Customer/92101", hours(2))).toMatchObject({ tier: "Returning customer", paidOrders: 2, written: true });
    await expect(recalculateCustomer(prisma, stand.admin, stand.shop, "not-a-customer", hours(2))).rejects.toThrow(RangeError);
  });

  it("treats a customer Shopify no longer has as a permanent failure", async () => {
    await turnOn();
    const ghost = addOrder(stand, { id: 7201, customer: addCustomer(stand, 92201), placedAt: hours(-5) });
    const second = addOrder(stand, { id: 7202, customer: ghost.customer, placedAt: hours(-4) });
    await syncOrders(stand, [ghost, second], NOW);
    stand.store.removeNode(stand.shop, "gid://shopify/Customer/92201");
    await expect(recalculateCustomer(prisma, stand.admin, stand.shop, "92201", NOW)).rejects.toMatchObject({ permanent: true, message: expect.stringContaining("Owner does not exist") });
  });
});
