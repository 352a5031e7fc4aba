// The Gifts & loyalty page (/app/gifts), called as Remix calls it, for the demo shop on the Admin
// API stand-in: the rules in words with this month's gifts, cost against budget and stock (this
// shop's only), a rule's on/off switch, gifts per month and the latest grants, and the loyalty
// settings — refused with the field's error, saved off, and turned on (the tier discount created
// in Shopify, every customer's tier worked out again by jobs). The page renders from that data.
import type { ReactNode } from "react";
import type * as RemixReact from "@remix-run/react";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { asLoaded, renderAdminPage, routeArgs } from "../../support/admin-pages";
import { startDemoStandIn } from "../../support/stand-in-admin";
import { installAppFunctions } from "../../admin-api/gift-mutations";

vi.hoisted(() => {
  process.env.DEMO_MODE = "1";
});

const remix = vi.hoisted(() => ({ loaderData: null as unknown }));
vi.mock("@remix-run/react", async (original) => {
  const actual = await original<typeof RemixReact>();
  const { createElement: h } = await import("react");
  const idleFetcher = { state: "idle", data: undefined, formData: undefined, submit: () => undefined, load: () => undefined, Form: "form" };
  return {
    ...actual,
    useLoaderData: () => remix.loaderData,
    useFetcher: () => idleFetcher,
    Link: ({ to, children }: { to: string; children: ReactNode }) => h("a", { href: to }, children),
  };
});

// The stand-in first: the app reads where the Admin API is, and which shop is the demo's, when it loads.
const h = await startDemoStandIn({ now: new Date() });
installAppFunctions(h.store, h.shop);
process.env.DEMO_SHOP = h.shop;
process.env.SHOPIFY_ADMIN_API_ORIGIN = h.standIn.origin;

const { default: prisma } = await import("~/db.server");
const giftsPage = await import("~/routes/app.gifts._index/route");
const { resetDatabase, seedShop } = await import("../../support/factories");
const { TEST_APP_URL } = await import("../../support/test-env");
const { getJobQueue, stopJobRuntime } = await import("~/jobs/runtime.server");
const { saveGiftRule } = await import("~/gifts/gift-rules.server");
const { monthIn, monthsUpTo } = await import("~/gifts/gift-grants.server");
const { LOYALTY_RECALCULATE_JOB } = await import("~/jobs/gift-jobs.server");
const { createOrder, orderIdFor } = await import("../orders-admin/order-rows");

const SHOP = h.shop;
const OTHER_SHOP = "atelier-nord.myshopify.com";
const PAGE = "/app/gifts?index";

const load = () => giftsPage.loader(routeArgs(PAGE));
const post = (fields: Record<string, string>) =>
  giftsPage.action({ request: new Request(new URL(PAGE, TEST_APP_URL), { method: "POST", body: new URLSearchParams(fields) }), params: {}, context: {} });
const status = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (thrown: unknown) => (thrown instanceof Response ? thrown.status : thrown),
  );

function render(data: unknown): string {
  remix.loaderData = asLoaded(data);
  return renderAdminPage(giftsPage.default);
}

async function ruleOf(shop: string, entries: Record<string, string>): Promise<string> {
  const saved = await saveGiftRule(prisma, shop, { id: "new", active: "on", unitCost: "0", ...entries });
  if (!saved.ok) throw new Error(`rule refused: ${JSON.stringify(saved.errors)}`);
  return saved.rule.id;
}

const penRule = { name: "Pen for first orders", triggerKind: "first_order", giftKind: "packer_instruction", giftText: "a branded pen", stock: "40", monthlyBudget: "3", unitCost: "1.20" };
const thisMonth = () => monthIn(new Date(), "Europe/Paris");

let grantSequence = 0;
async function grant(shop: string, ruleId: string, number: number, fields: { status?: string; cost?: string; month?: string; kind?: string; detail?: object; error?: string }) {
  grantSequence += 1;
  return prisma.giftGrant.create({
    data: {
      shop,
      orderId: orderIdFor(number),
      ruleId,
      kind: fields.kind ?? "packer_instruction",
      status: fields.status ?? "applied",
      cost: fields.cost ?? "1.20",
      month: fields.month ?? thisMonth(),
      detail: JSON.stringify(fields.detail ?? { ruleName: "Pen for first orders", gift: { kind: "packer_instruction", text: "a branded pen" }, noteLine: "Aftercare gift: add a branded pen" }),
      error: fields.error ?? null,
      createdAt: new Date(Date.now() - (100 - grantSequence) * 60_000),
    },
  });
}

afterAll(async () => {
  await stopJobRuntime();
  await h.close();
});

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP, { accessToken: "shpat_demo_stand_in" });
  await seedShop(prisma, OTHER_SHOP);
  await prisma.shopSettings.create({ data: { shop: SHOP, currency: "EUR", timezone: "Europe/Paris" } });
});

describe("the gift rules", () => {
  it("lists this shop's rules in words, with this month's gifts, cost against budget, and stock left", async () => {
    const pen = await ruleOf(SHOP, penRule);
    const card = await ruleOf(SHOP, { name: "Thank-you code", triggerKind: "every_nth_order", triggerN: "3", giftKind: "discount_card", giftPercent: "10", giftValidDays: "60", unitCost: "0" });
    await ruleOf(OTHER_SHOP, { ...penRule, name: "Their rule" });
    await createOrder(prisma, SHOP, 1042);
    await createOrder(prisma, SHOP, 1043);
    await grant(SHOP, pen, 1042, { status: "done" });
    await grant(SHOP, pen, 1043, { status: "applied" });
    await grant(SHOP, pen, 1044, { status: "failed", error: "The order is already fulfilled." });
    await grant(SHOP, pen, 1045, { month: monthsUpTo(thisMonth(), 2)[0] });

    const page = await load();
    expect(page.rules.map((rule) => rule.name)).toEqual(["Pen for first orders", "Thank-you code"]);
    expect(page.rules[0]).toEqual({
      id: pen,
      name: "Pen for first orders",
      active: true,
      triggerWords: "A customer’s first order",
      giftWords: "The packer adds “a branded pen”",
      givenThisMonth: 2,
      costThisMonth: "€2.40",
      budget: "€3.00",
      budgetUse: "near",
      stockLeft: 40,
      href: `/app/gifts/rules/${pen}`,
    });
    expect(page.rules[1]).toMatchObject({
      id: card,
      triggerWords: "Every 3rd order of a customer",
      giftWords: "A 10% code for the next order, valid 60 days",
      givenThisMonth: 0,
      costThisMonth: "€0.00",
      budget: null,
      budgetUse: null,
      stockLeft: null,
    });
  });

  it("turns the shop's rule off and on again, keeping the rest of it", async () => {
    const pen = await ruleOf(SHOP, penRule);
    expect(await post({ intent: "toggle-rule", ruleId: pen, active: "" })).toEqual({
      intent: "toggle-rule",
      ruleId: pen,
      ok: true,
      message: "“Pen for first orders” is off: it gives no more gifts.",
    });
    const off = await prisma.giftRule.findUniqueOrThrow({ where: { id: pen } });
    expect(off).toMatchObject({ active: false, stock: 40, monthlyBudget: "3", unitCost: "1.20" });
    expect(await post({ intent: "toggle-rule", ruleId: pen, active: "on" })).toMatchObject({ ok: true, message: "“Pen for first orders” is on." });
    expect((await prisma.giftRule.findUniqueOrThrow({ where: { id: pen } })).active).toBe(true);
  });

  it("does not touch another shop's rule (404)", async () => {
    const theirs = await ruleOf(OTHER_SHOP, penRule);
    expect(await status(post({ intent: "toggle-rule", ruleId: theirs, active: "" }))).toBe(404);
    expect((await prisma.giftRule.findUniqueOrThrow({ where: { id: theirs } })).active).toBe(true);
    expect(await status(post({ intent: "publish" }))).toBe(400);
  });
});

describe("the gifts given", () => {
  it("adds up gifts and cost per month for six months, and lists the latest grants with their order and status", async () => {
    const pen = await ruleOf(SHOP, penRule);
    await createOrder(prisma, SHOP, 1042);
    await grant(SHOP, pen, 1042, { status: "done", cost: "1.20" });
    await grant(SHOP, pen, 1043, { status: "applied", cost: "1.20", month: monthsUpTo(thisMonth(), 3)[0] });
    await grant(SHOP, pen, 1044, {
      status: "failed",
      kind: "add_product",
      cost: "4.00",
      error: "Shopify refused the edit: the order is fulfilled.",
      detail: { ruleName: "Free candle", gift: { kind: "add_product", variantId: "gid://shopify/ProductVariant/1", notify: true } },
    });
    await grant(OTHER_SHOP, pen, 1045, { status: "done", cost: "99.00" });

    const page = await load();
    expect(page.months).toHaveLength(6);
    expect(page.months.at(-1)).toMatchObject({ month: thisMonth(), given: 1, cost: "€1.20" });
    expect(page.months.at(-3)).toMatchObject({ given: 1, cost: "€1.20" });
    expect(page.months.reduce((sum, month) => sum + month.given, 0)).toBe(2);

    expect(page.grants.map((row) => row.order.name)).toEqual(["Order 5100000001044", "Order 5100000001043", "#1042"]);
    expect(page.grants[0]).toMatchObject({ ruleName: "Free candle", kind: "Product added", status: { label: "Failed", tone: "critical" }, cost: "€4.00", error: "Shopify refused the edit: the order is fulfilled." });
    expect(page.grants[2]).toMatchObject({
      order: { name: "#1042", href: `/app/orders/${orderIdFor(1042)}` },
      kind: "Packer’s note",
      status: { label: "Packed" },
      detail: "Aftercare gift: add a branded pen",
    });
  });
});

describe("loyalty", () => {
  const tiers = "Returning | 2 | | 5\nGold | 5 | 300 | 12";

  it("starts off with the default tiers, and counts this shop's members per tier", async () => {
    await prisma.loyaltyMember.createMany({
      data: [
        { shop: SHOP, customerId: "7001", tier: "Returning customer", percent: 5, paidOrders: 2 },
        { shop: SHOP, customerId: "7002", tier: "Returning customer", percent: 5, paidOrders: 3 },
        { shop: SHOP, customerId: "7003", tier: null, percent: 0, paidOrders: 1 },
        { shop: OTHER_SHOP, customerId: "7004", tier: "Returning customer", percent: 5, paidOrders: 2 },
      ],
    });
    const { loyalty } = await load();
    expect(loyalty).toEqual({
      enabled: false,
      periodDays: null,
      discountCreated: false,
      tiers: [
        { name: "Returning customer", minPaidOrders: 2, minSpend: null, percent: 5, members: 2 },
        { name: "Loyal customer", minPaidOrders: 5, minSpend: null, percent: 10, members: 0 },
      ],
      otherMembers: 0,
      withoutTier: 1,
      members: 3,
    });
  });

  it("refuses tiers it cannot read with the field's error, and saves nothing", async () => {
    const outcome = await post({ intent: "save-loyalty", enabled: "on", tiers: "Returning | two | | 5", periodDays: "0" });
    expect(outcome).toMatchObject({ intent: "save-loyalty", ok: false, errors: { tiers: expect.stringContaining("line 1"), periodDays: expect.any(String) } });
    expect(await prisma.loyaltySettings.count()).toBe(0);
  });

  it("saves new tiers while off, without touching Shopify or any customer", async () => {
    const enqueue = vi.spyOn(getJobQueue(), "enqueue");
    expect(await post({ intent: "save-loyalty", enabled: "", tiers, periodDays: "365" })).toEqual({
      intent: "save-loyalty",
      ok: true,
      message: "Loyalty is off: no tier discount applies at checkout.",
    });
    const { loyalty } = await load();
    expect(loyalty).toMatchObject({ enabled: false, periodDays: 365, discountCreated: false });
    expect(loyalty.tiers).toEqual([
      { name: "Returning", minPaidOrders: 2, minSpend: null, percent: 5, members: 0 },
      { name: "Gold", minPaidOrders: 5, minSpend: "300", percent: 12, members: 0 },
    ]);
    expect(enqueue).not.toHaveBeenCalled();
  });

  it("turned on, creates the tier discount in Shopify and works out every customer's tier again", async () => {
    const enqueue = vi.spyOn(getJobQueue(), "enqueue").mockResolvedValue("job-1");
    await createOrder(prisma, SHOP, 1042, { customerId: "7001" });
    await createOrder(prisma, SHOP, 1043, { customerId: "7002" });
    await createOrder(prisma, SHOP, 1044, { customerId: null });
    await createOrder(prisma, OTHER_SHOP, 1045, { customerId: "7009" });

    const outcome = await post({ intent: "save-loyalty", enabled: "on", tiers, periodDays: "" });
    expect(outcome).toEqual({ intent: "save-loyalty", ok: true, message: "Loyalty saved: 2 customers' tiers are being worked out again." });
    const settings = await prisma.loyaltySettings.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(settings).toMatchObject({ enabled: true, periodDays: null });
    expect(settings.discountId).toMatch(/^gid:\/\/shopify\/DiscountAutomaticNode\/\d+$/);
    expect(enqueue.mock.calls.map((call) => [call[0], call[1], call[2]]).sort()).toEqual([
      [LOYALTY_RECALCULATE_JOB, SHOP, { customerId: "7001" }],
      [LOYALTY_RECALCULATE_JOB, SHOP, { customerId: "7002" }],
    ]);

    // Saved again unchanged: nothing to work out.
    enqueue.mockClear();
    expect(await post({ intent: "save-loyalty", enabled: "on", tiers, periodDays: "" })).toMatchObject({ ok: true, message: "Loyalty saved." });
    expect(enqueue).not.toHaveBeenCalled();
    expect((await load()).loyalty.discountCreated).toBe(true);
  });
});

describe("the page", () => {
  it("renders the rules, loyalty tiers and the gifts given", async () => {
    const pen = await ruleOf(SHOP, penRule);
    await createOrder(prisma, SHOP, 1042);
    await grant(SHOP, pen, 1042, { status: "applied" });
    const html = render(await load());
    expect(html).toContain("Gifts &amp; loyalty");
    expect(html).toContain(`href="/app/gifts/rules/${pen}"`);
    expect(html).toContain("The packer adds “a branded pen”");
    expect(html).toContain("€1.20 of €3.00");
    expect(html).toContain('value="Returning customer"');
    expect(html).toContain("Gifts per month");
    expect(html).toContain(`href="/app/orders/${orderIdFor(1042)}"`);
    expect(html).toContain("To pack");
  });

  it("invites the merchant to make a first rule when there is none", async () => {
    const html = render(await load());
    expect(html).toContain("Thank your customers with a gift");
    expect(html).toContain("No gifts given yet");
  });
});
