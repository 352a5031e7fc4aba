// A gift rule's page (/app/gifts/rules/new and /app/gifts/rules/<id>), called as Remix calls it
// for the demo shop: a refused save answers the field errors with what was typed (and the page
// shows both), a valid one is stored for this shop only, the preview lists the recent orders the
// rule would have given its gift to, and another shop's rule is not found, whatever the action.
import type { ReactNode } from "react";
import type * as RemixReact from "@remix-run/react";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { asLoaded, renderAdminPage, routeArgs } from "../../support/admin-pages";

vi.hoisted(() => {
  // Read by app/config.server.ts when the app modules load.
  process.env.DEMO_MODE = "1";
  process.env.DEMO_SHOP = "maison-lumen.myshopify.com";
  process.env.SHOPIFY_ADMIN_API_ORIGIN = "http://127.0.0.1:9";
});

// Remix's hooks stood in for, to render the page from a loader's and an action's data.
const remix = vi.hoisted(() => ({ loaderData: null as unknown, actionData: undefined as unknown }));
vi.mock("@remix-run/react", async (original) => {
  const actual = await original<typeof RemixReact>();
  const { createElement: h, forwardRef: withRef } = await import("react");
  const idleFetcher = { state: "idle", data: undefined, formData: undefined, submit: () => undefined, load: () => undefined, Form: "form" };
  return {
    ...actual,
    useLoaderData: () => remix.loaderData,
    useActionData: () => remix.actionData,
    useFetcher: () => idleFetcher,
    useNavigation: () => ({ state: "idle", formData: undefined, location: undefined }),
    useNavigate: () => () => undefined,
    useSubmit: () => () => undefined,
    Form: withRef<HTMLFormElement, Record<string, unknown>>((props, ref) => h("form", { ...props, ref })),
    Link: ({ to, children }: { to: string; children: ReactNode }) => h("a", { href: to }, children),
  };
});

const { default: prisma } = await import("~/db.server");
const rulePage = await import("~/routes/app.gifts.rules.$ruleId/route");
const { resetDatabase, seedShop } = await import("../../support/factories");
const { TEST_APP_URL } = await import("../../support/test-env");
const { stopJobRuntime } = await import("~/jobs/runtime.server");
const { saveGiftRule } = await import("~/gifts/gift-rules.server");
const { createOrder, orderIdFor } = await import("../orders-admin/order-rows");

const SHOP_A = "maison-lumen.myshopify.com";
const SHOP_B = "atelier-nord.myshopify.com";
const DAY = 86_400_000;

const path = (ruleId: string) => `/app/gifts/rules/${ruleId}`;
const load = (ruleId: string) => rulePage.loader(routeArgs(path(ruleId), { ruleId }));
const post = (ruleId: string, fields: Record<string, string>) =>
  rulePage.action({ request: new Request(new URL(path(ruleId), TEST_APP_URL), { method: "POST", body: new URLSearchParams(fields) }), params: { ruleId }, context: {} });
const status = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (thrown: unknown) => (thrown instanceof Response ? thrown.status : thrown),
  );

/** The page as the server renders it, from the loader's (and the action's) data as it reaches the browser. */
function render(loaderData: unknown, actionData?: unknown): string {
  remix.loaderData = asLoaded(loaderData);
  remix.actionData = actionData === undefined ? undefined : asLoaded(actionData);
  return renderAdminPage(rulePage.default);
}

const packerRule = {
  name: "Pen for first orders",
  active: "on",
  triggerKind: "first_order",
  giftKind: "packer_instruction",
  giftText: "a branded pen",
  stock: "40",
  monthlyBudget: "50",
  unitCost: "1.20",
};

async function ruleOf(shop: string, entries: Record<string, string> = packerRule): Promise<string> {
  const saved = await saveGiftRule(prisma, shop, { id: "new", ...entries });
  if (!saved.ok) throw new Error(`rule refused: ${JSON.stringify(saved.errors)}`);
  return saved.rule.id;
}

afterAll(async () => {
  await stopJobRuntime();
});

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP_A);
  await seedShop(prisma, SHOP_B);
  await prisma.shopSettings.create({ data: { shop: SHOP_A, currency: "EUR", timezone: "Europe/Paris" } });
});

describe("the rule form", () => {
  it("starts a new rule switched on, with a packer's note for first orders", async () => {
    const page = await load("new");
    expect(page).toMatchObject({ isNew: true, ruleId: "new", currency: "EUR", previewDays: 30 });
    expect(page.entries).toMatchObject({ id: "new", active: "on", triggerKind: "first_order", giftKind: "packer_instruction", unitCost: "0" });
    const html = render(page);
    expect(html).toContain("New gift rule");
    expect(html).toContain("When is the gift given?");
  });

  it("opens the shop's rule with what was saved", async () => {
    const ruleId = await ruleOf(SHOP_A);
    const page = await load(ruleId);
    expect(page).toMatchObject({ isNew: false, name: "Pen for first orders" });
    expect(page.entries).toMatchObject({ id: ruleId, giftText: "a branded pen", stock: "40", monthlyBudget: "50", unitCost: "1.20" });
    expect(render(page)).toContain('value="a branded pen"');
  });

  it("refuses a bad rule with each field's error, keeps what was typed, and stores nothing", async () => {
    const typed = {
      ...packerRule,
      name: "  ",
      triggerKind: "every_nth_order",
      triggerN: "0",
      giftKind: "discount_card",
      giftPercent: "150",
      giftValidDays: "30",
      monthlyBudget: "1,000",
    };
    const outcome = await post("new", { intent: "save", ...typed });
    expect(outcome).toMatchObject({ intent: "save", ok: false });
    if (outcome.intent !== "save" || outcome.ok) throw new Error("expected a refusal");
    expect(Object.keys(outcome.errors).sort()).toEqual(["giftPercent", "monthlyBudget", "name", "triggerN"]);
    expect(outcome.errors.triggerN).toMatch(/whole number of orders/);
    expect(outcome.values).toMatchObject({ id: "new", triggerN: "0", giftPercent: "150", giftValidDays: "30", monthlyBudget: "1,000", giftText: "a branded pen" });
    expect(await prisma.giftRule.count()).toBe(0);

    // The page, drawn again from that answer, shows the errors next to what was typed.
    const html = render(await load("new"), outcome);
    expect(html).toContain("The rule was not saved");
    expect(html).toContain('value="150"');
    expect(html).toContain('value="1,000"');
    expect(html).toContain(outcome.errors.giftPercent ?? "missing");
    expect(html).toContain("Use a dot for decimals and no thousands separators");
  });

  it("creates a valid rule for this shop and goes back to the list", async () => {
    const outcome = await post("new", { intent: "save", ...packerRule, id: "someone-elses-id" });
    expect(outcome).toMatchObject({ intent: "save", ok: true, redirectTo: "/app/gifts", message: "“Pen for first orders” created." });
    const rows = await prisma.giftRule.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ shop: SHOP_A, name: "Pen for first orders", stock: 40, monthlyBudget: "50", unitCost: "1.20", active: true });
    expect(rows[0]?.id).not.toBe("someone-elses-id");
  });

  it("saves changes to the shop's rule, and deletes it", async () => {
    const ruleId = await ruleOf(SHOP_A);
    expect(await post(ruleId, { intent: "save", ...packerRule, active: "", giftText: "a pen and our catalog" })).toMatchObject({ ok: true });
    expect(await prisma.giftRule.findUniqueOrThrow({ where: { id: ruleId } })).toMatchObject({ active: false, gift: JSON.stringify({ kind: "packer_instruction", text: "a pen and our catalog" }) });

    expect(await post(ruleId, { intent: "delete" })).toMatchObject({ intent: "delete", ok: true, redirectTo: "/app/gifts" });
    expect(await prisma.giftRule.count()).toBe(0);
    expect(await status(load(ruleId))).toBe(404);
  });
});

describe("another shop's rule", () => {
  it.each([
    ["opening it", (ruleId: string) => load(ruleId)],
    ["saving it", (ruleId: string) => post(ruleId, { intent: "save", ...packerRule, name: "Taken over" })],
    ["previewing it", (ruleId: string) => post(ruleId, { intent: "preview", ...packerRule })],
    ["deleting it", (ruleId: string) => post(ruleId, { intent: "delete" })],
  ])("is not found when %s, and is left as it was", async (_, call) => {
    const theirs = await ruleOf(SHOP_B);
    const before = await prisma.giftRule.findUniqueOrThrow({ where: { id: theirs } });
    expect(await status(call(theirs))).toBe(404);
    expect(await prisma.giftRule.findUniqueOrThrow({ where: { id: theirs } })).toEqual(before);
  });

  it("is as unknown as an id that is no rule at all", async () => {
    expect(await status(load("clx0000000000000000000000"))).toBe(404);
    expect(await status(load("../../etc"))).toBe(404);
    expect(await status(post("clx0000000000000000000000", { intent: "save", ...packerRule }))).toBe(404);
  });

  it("answers 400 to an unknown action", async () => {
    expect(await status(post("new", { intent: "publish" }))).toBe(400);
  });
});

describe("the preview", () => {
  /** An order of the shop, `daysAgo` days before now, paid, for a customer. */
  const order = (shop: string, number: number, customer: string, daysAgo: number, totalPrice = "42.00") => {
    const placedAt = new Date(Date.now() - daysAgo * DAY);
    return createOrder(prisma, shop, number, { customerId: customer, placedAt, paidAt: placedAt, totalPrice });
  };

  beforeEach(async () => {
    // Camille: her 1st order 40 days ago (before the preview's 30 days), then 2nd, 3rd and 4th.
    await order(SHOP_A, 1001, "7001", 40);
    await order(SHOP_A, 1002, "7001", 20, "120.00");
    await order(SHOP_A, 1003, "7001", 10);
    await order(SHOP_A, 1004, "7001", 2, "64.50");
    // Hugo's first order, and another shop's orders.
    await order(SHOP_A, 1005, "7002", 5, "150.00");
    await order(SHOP_B, 1006, "7003", 3, "500.00");
  });

  const preview = async (fields: Record<string, string>, ruleId = "new") => {
    const outcome = await post(ruleId, { intent: "preview", ...packerRule, ...fields });
    if (outcome.intent !== "preview") throw new Error("expected a preview");
    return outcome;
  };

  it("lists the recent first orders, newest first, linked to their order page", async () => {
    const outcome = await preview({ triggerKind: "first_order" });
    expect(outcome).toMatchObject({ ok: true, days: 30 });
    if (!outcome.ok) throw new Error("expected matches");
    expect(outcome.matches.map((match) => match.name)).toEqual(["#1005"]);
    expect(outcome.matches[0]).toMatchObject({ orderId: orderIdFor(1005), href: `/app/orders/${orderIdFor(1005)}`, reasonWords: "the customer's first order" });
  });

  it("counts a customer's orders from before the 30 days, for every nth order", async () => {
    const outcome = await preview({ triggerKind: "every_nth_order", triggerN: "2" });
    if (!outcome.ok) throw new Error("expected matches");
    expect(outcome.matches.map((match) => [match.name, match.reasonWords])).toEqual([
      ["#1004", "the customer's 4th order (every 2nd order)"],
      ["#1002", "the customer's 2nd order (every 2nd order)"],
    ]);
  });

  it("finds the orders above an amount, for this shop only", async () => {
    const outcome = await preview({ triggerKind: "order_value_above", triggerAmount: "100" });
    if (!outcome.ok) throw new Error("expected matches");
    expect(outcome.matches.map((match) => match.name)).toEqual(["#1005", "#1002"]);
  });

  it("previews a saved rule with the changes typed since, without saving them", async () => {
    const ruleId = await ruleOf(SHOP_A);
    const outcome = await preview({ triggerKind: "order_value_above", triggerAmount: "60" }, ruleId);
    if (!outcome.ok) throw new Error("expected matches");
    expect(outcome.matches.map((match) => match.name)).toEqual(["#1004", "#1005", "#1002"]);
    expect(JSON.parse((await prisma.giftRule.findUniqueOrThrow({ where: { id: ruleId } })).trigger)).toEqual({ kind: "first_order" });
  });

  it("says why when it cannot preview: a rule on customer tags, or a field to fix", async () => {
    const tagged = await preview({ triggerKind: "customer_tagged", triggerTag: "VIP" });
    expect(tagged).toMatchObject({ ok: false, errors: { triggerKind: expect.stringContaining("customer tags") } });
    const broken = await preview({ triggerKind: "order_value_above", triggerAmount: "lots" });
    expect(broken).toMatchObject({ ok: false, errors: { triggerAmount: expect.any(String) } });
  });
});
