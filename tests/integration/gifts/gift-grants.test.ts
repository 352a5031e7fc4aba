// Gifts given to orders of the demo shop on the Admin API stand-in, on a real database: the
// packer's note and tag, a free product added by an order edit (exactly once, whatever the
// retries), a refused edit, stock and monthly budget, discount cards and their redemption.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { applyApologyGift, applyGiftsForOrder, giftSummary, listGrants, markPackerInstructionsDone, monthIn, monthsUpTo, sumAmounts } from "~/gifts/gift-grants.server";
import { saveGiftRule } from "~/gifts/gift-rules.server";
import { afterOrderChanged, GIFTS_APPLY_JOB, giftJobHandlers, queueApologyGift } from "~/jobs/gift-jobs.server";
import { applyOrderEvents } from "~/orders/apply-delivery.server";
import { parseOrderWebhook } from "~/orders/webhook-payloads";
import { adminQuery } from "~/shopify/admin-graphql.server";
import { orderEditCommits } from "../../admin-api/gift-mutations";
import type { OrderRecord } from "../../admin-api/demo-types";
import { orderWebhookPayload } from "../../admin-api/webhook-payloads";
import { resetDatabase, seedShop } from "../../support/factories";
import { startDemoStandIn, type DemoStandIn } from "../../support/stand-in-admin";
import { addCustomer, addOrder, catalog, fakeQueue, intercepted, markFulfilled, ROOMY_BUCKET, syncOrders } from "./gift-shop";

// Friday 2026-11-20, 11:00 in Paris.
const NOW = new Date("2026-11-20T10:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

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

type ShopOrder = { tags: string[]; note: string | null; lineItems: { nodes: { variant: { id: string } | null; quantity: number; discountedTotalSet: { shopMoney: { amount: string } } }[] }; totalPriceSet: { shopMoney: { amount: string } } };

async function shopifyOrder(order: OrderRecord): Promise<ShopOrder> {
  const data = await adminQuery<{ order: ShopOrder }>(
    stand.admin,
    `#graphql
    query TestGiftOrder($id: ID!) { order(id: $id) { tags note totalPriceSet { shopMoney { amount } } lineItems(first: 20) { nodes { quantity variant { id } discountedTotalSet { shopMoney { amount } } } } } }`,
    { id: order.id },
  );
  return data.order;
}

const grantsOf = (orderId: string) => prisma.giftGrant.findMany({ where: { shop: stand.shop, orderId }, orderBy: { createdAt: "asc" } });
const giftTimeline = (orderId: string) => prisma.timelineEvent.findMany({ where: { shop: stand.shop, orderId, kind: "gift_given" } });

describe("packer instructions", () => {
  it("tags the customer's first order and appends the packer's line to its note, once; done when the order is fulfilled", async () => {
    const ruleId = await rule({ name: "Welcome pen", triggerKind: "first_order", giftKind: "packer_instruction", giftText: "branded pen", unitCost: "1.20" });
    const customer = addCustomer(stand, 91001);
    const first = addOrder(stand, { id: 5001, customer, placedAt: minutes(-60), note: "Please leave it with the neighbour." });
    await syncOrders(stand, [first], NOW);
    const queue = fakeQueue();

    const result = await applyGiftsForOrder(prisma, stand.admin, queue, stand.shop, "5001", NOW);
    expect(result.failed).toEqual([]);
    expect(result.made).toEqual([
      expect.objectContaining({ ruleId, kind: "packer_instruction", detail: expect.objectContaining({ noteLine: "Aftercare gift: add branded pen", packingSlipLine: "Gift for order #5001: please add branded pen" }) }),
    ]);
    const inShopify = await shopifyOrder(first);
    expect(inShopify.tags).toContain("aftercare-gift");
    expect(inShopify.note).toBe("Please leave it with the neighbour.\nAftercare gift: add branded pen");

    const [grant] = await grantsOf("5001");
    expect(grant).toMatchObject({ ruleId, kind: "packer_instruction", status: "applied", cost: "1.20", month: "2026-11", appliedAt: NOW });
    const [event] = await giftTimeline("5001");
    expect(event).toMatchObject({ source: "merchant", occurredAt: NOW, dedupeKey: `gift:${ruleId}` });
    expect(JSON.parse(event?.detail ?? "{}")).toEqual({ rule: "Welcome pen", gift: "branded pen", giftKind: "packer_instruction" });
    expect(queue.jobs.map((job) => (job.payload as { type: string }).type)).toEqual(["thank_you"]);

    // Again (a second event for the order): nothing new, the note keeps one line.
    const again = await applyGiftsForOrder(prisma, stand.admin, queue, stand.shop, "5001", minutes(5));
    expect(again.made).toEqual([]);
    expect(again.skipped).toEqual([{ ruleId, code: "already_given", why: "This order already got this gift." }]);
    expect((await shopifyOrder(first)).note).toBe("Please leave it with the neighbour.\nAftercare gift: add branded pen");

    // The customer's next order is not their first.
    const second = addOrder(stand, { id: 5002, customer, placedAt: minutes(10) });
    await syncOrders(stand, [second], minutes(10));
    const next = await applyGiftsForOrder(prisma, stand.admin, queue, stand.shop, "5002", minutes(10));
    expect(next.made).toEqual([]);
    expect(next.skipped).toEqual([{ ruleId, code: "not_triggered", why: "This is the customer's 2nd order, not their first." }]);

    // Shipped: the packer's note is done.
    markFulfilled(stand, first, minutes(120));
    await syncOrders(stand, [first], minutes(120));
    const followUp = await afterOrderChanged(queue, prisma, stand.shop, "5001", minutes(120));
    expect(followUp).toMatchObject({ packerNotesDone: 1, giftsQueued: false });
    expect((await grantsOf("5001"))[0]).toMatchObject({ status: "done", doneAt: minutes(120) });
    expect(await markPackerInstructionsDone(prisma, stand.shop, "5001", minutes(130))).toBe(0);
  });

  it("puts the texts of two rules on one line, written once even when the answer to the note's update is lost", async () => {
    await rule({ name: "Pen", triggerKind: "every_nth_order", triggerN: "1", giftKind: "packer_instruction", giftText: "branded pen" });
    await rule({ name: "Catalogue", triggerKind: "order_value_above", triggerAmount: "10", giftKind: "packer_instruction", giftText: "winter catalogue" });
    const order = addOrder(stand, { id: 5003, customer: addCustomer(stand, 91003), placedAt: minutes(-5) });
    await syncOrders(stand, [order], NOW);
    const lost = intercepted(stand.admin, "GiftOrderNoteUpdate", { dropAnswer: true });
    await expect(applyGiftsForOrder(prisma, lost, fakeQueue(), stand.shop, "5003", NOW)).rejects.toThrow(/socket hang up/);
    expect((await grantsOf("5003")).map((grant) => grant.status)).toEqual(["pending", "pending"]);

    const result = await applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, "5003", minutes(1));
    expect(result.made).toHaveLength(2);
    expect((await shopifyOrder(order)).note).toBe("Aftercare gift: add branded pen, winter catalogue");

    // A second event while nothing is pending: nothing to take over.
    expect((await applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, "5003", minutes(1))).skipped.map((skip) => skip.code)).toEqual(["already_given", "already_given"]);

    // A rule added later writes its own line; the ones given stay as they are.
    await rule({ name: "Sticker", triggerKind: "order_value_above", triggerAmount: "1", giftKind: "packer_instruction", giftText: "sticker" });
    await applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, "5003", minutes(2));
    expect((await shopifyOrder(order)).note).toBe("Aftercare gift: add branded pen, winter catalogue\nAftercare gift: add sticker");
  });
});

describe("rules on what only Shopify knows", () => {
  it("reads the customer's tags and the products bought from Shopify", async () => {
    const { sold, gift } = catalog(stand);
    const vip = await rule({ name: "VIP", triggerKind: "customer_tagged", triggerTag: "vip", giftKind: "packer_instruction", giftText: "handwritten card" });
    const fan = await rule({ name: "Fan", triggerKind: "products_bought", triggerProductIds: sold.product.id, giftKind: "packer_instruction", giftText: "sample" });
    const other = await rule({ name: "Other product", triggerKind: "products_bought", triggerProductIds: gift.product.id, giftKind: "packer_instruction", giftText: "sticker" });
    const order = addOrder(stand, { id: 5005, customer: addCustomer(stand, 91005, ["VIP", "Newsletter"]), placedAt: minutes(-5) });
    await syncOrders(stand, [order], NOW);
    const result = await applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, "5005", NOW);
    expect(result.made.map((made) => made.ruleId).sort()).toEqual([vip, fan].sort());
    expect(result.skipped).toEqual([{ ruleId: other, code: "not_triggered", why: "The order holds none of the chosen products." }]);
    expect(stand.store.requests.filter((request) => request.operationName === "GiftOrderDetails")).toHaveLength(1);
  });
});

describe("a gift another attempt holds", () => {
  it("is left alone until that attempt's lease runs out, and then given", async () => {
    const ruleId = await rule({ name: "Pen", triggerKind: "first_order", giftKind: "packer_instruction", giftText: "branded pen" });
    const order = addOrder(stand, { id: 5004, customer: addCustomer(stand, 91004), placedAt: minutes(-5) });
    await syncOrders(stand, [order], NOW);
    // A worker claimed the gift and died before writing the note: its lease still runs.
    await expect(applyGiftsForOrder(prisma, intercepted(stand.admin, "GiftOrderNote", { dropAnswer: true }), fakeQueue(), stand.shop, "5004", NOW)).rejects.toThrow();
    const [claimed] = await grantsOf("5004");
    const detail = JSON.parse(claimed?.detail ?? "{}") as Record<string, unknown>;
    await prisma.giftGrant.update({ where: { id: claimed?.id }, data: { detail: JSON.stringify({ ...detail, leaseUntil: minutes(5).toISOString() }) } });

    await expect(applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, "5004", minutes(1))).rejects.toThrow("1 gift(s) of order 5004 are being given by another attempt; trying again later.");
    expect((await shopifyOrder(order)).note).toBeNull();
    const later = await applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, "5004", minutes(6));
    expect(later.made.map((made) => made.ruleId)).toEqual([ruleId]);
    expect((await shopifyOrder(order)).note).toBe("Aftercare gift: add branded pen");
  });
});

describe("a product added by an order edit", () => {
  it("adds a late-order apology gift to an unfulfilled order exactly once, even when the job is retried after the commit", async () => {
    const { gift } = catalog(stand);
    const ruleId = await rule({ name: "Sorry candle", triggerKind: "late_order_apology", giftKind: "add_product", giftVariantId: gift.variant.id, giftNotify: "on", stock: "10", unitCost: "6.50" });
    const order = addOrder(stand, { id: 5101, customer: addCustomer(stand, 91101), placedAt: minutes(-3 * 24 * 60) });
    await syncOrders(stand, [order], NOW);
    const before = await shopifyOrder(order);

    // The order's own gifts never include the apology's.
    const queue = fakeQueue();
    expect((await applyGiftsForOrder(prisma, stand.admin, queue, stand.shop, "5101", NOW)).made).toEqual([]);

    await queueApologyGift(queue, stand.shop, "5101");
    const [job] = queue.take(GIFTS_APPLY_JOB);
    expect(job?.payload).toEqual({ orderId: "5101", trigger: "apology" });

    // First attempt: Shopify commits the edit, the worker never hears back.
    const flaky = intercepted(stand.admin, "GiftOrderEditCommit", { dropAnswer: true });
    const failing = giftJobHandlers(queue, { adminFor: async () => flaky, now: () => NOW });
    await expect(failing[GIFTS_APPLY_JOB]?.(job?.payload, { shop: stand.shop, jobId: "j1", attempt: 1 })).rejects.toThrow(/socket hang up/);
    expect(flaky.seen()).toBe(true);
    expect(await grantsOf("5101")).toEqual([expect.objectContaining({ status: "pending", kind: "add_product" })]);
    expect(orderEditCommits(stand.store, stand.shop)).toHaveLength(1);

    // The retry finds the line on the order and records the gift; nothing is added again.
    const handlers = giftJobHandlers(queue, { adminFor: async () => stand.admin, now: () => minutes(1) });
    await handlers[GIFTS_APPLY_JOB]?.(job?.payload, { shop: stand.shop, jobId: "j1", attempt: 2 });
    await handlers[GIFTS_APPLY_JOB]?.(job?.payload, { shop: stand.shop, jobId: "j1", attempt: 3 });
    expect(await applyApologyGift(prisma, stand.admin, queue, stand.shop, "5101", minutes(2))).toMatchObject({ made: [], failed: [] });

    const after = await shopifyOrder(order);
    const giftLines = after.lineItems.nodes.filter((line) => line.variant?.id === gift.variant.id);
    expect(giftLines).toEqual([{ quantity: 1, variant: { id: gift.variant.id }, discountedTotalSet: { shopMoney: { amount: "0.00" } } }]);
    expect(after.lineItems.nodes).toHaveLength(before.lineItems.nodes.length + 1);
    expect(after.totalPriceSet.shopMoney.amount).toBe(before.totalPriceSet.shopMoney.amount);
    expect(orderEditCommits(stand.store, stand.shop)).toEqual([expect.objectContaining({ notifyCustomer: true, staffNote: "Aftercare gift: Sorry candle" })]);

    const [grant] = await grantsOf("5101");
    expect(grant).toMatchObject({ ruleId, status: "applied", cost: "6.50", appliedAt: minutes(1) });
    expect(JSON.parse(grant?.detail ?? "{}")).not.toHaveProperty("leaseUntil");
    expect((await giftTimeline("5101")).map((event) => JSON.parse(event.detail ?? "{}"))).toEqual([
      { rule: "Sorry candle", gift: gift.product.hasOnlyDefaultVariant ? gift.product.title : `${gift.product.title} – ${gift.variant.title}`, giftKind: "add_product", variantId: gift.variant.id },
    ]);
    expect((await prisma.giftRule.findUniqueOrThrow({ where: { id: ruleId } })).stock).toBe(9);
  });

  it("records the gift as failed, with the reason, when the order is already fulfilled in Shopify, and gives the stock back", async () => {
    const { gift } = catalog(stand);
    const ruleId = await rule({ name: "First-order candle", triggerKind: "first_order", giftKind: "add_product", giftVariantId: gift.variant.id, stock: "3" });
    const order = addOrder(stand, { id: 5201, customer: addCustomer(stand, 91201), placedAt: minutes(-60) });
    await syncOrders(stand, [order], NOW);
    // Shipped a moment ago; the app has not heard yet.
    markFulfilled(stand, order, minutes(-1));
    const linesBefore = (await shopifyOrder(order)).lineItems.nodes.length;

    const result = await applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, "5201", NOW);
    expect(result.made).toEqual([]);
    expect(result.failed).toEqual([{ grantId: expect.any(String), ruleId, kind: "add_product", reason: "A product can only be added before anything is shipped, and this order is fulfilled." }]);
    expect(await grantsOf("5201")).toEqual([expect.objectContaining({ status: "failed", error: result.failed[0]?.reason })]);
    expect((await prisma.giftRule.findUniqueOrThrow({ where: { id: ruleId } })).stock).toBe(3);
    expect(await giftTimeline("5201")).toEqual([]);
    expect((await shopifyOrder(order)).lineItems.nodes).toHaveLength(linesBefore);
    // Failed is final: the next event for the order does not try again.
    expect((await applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, "5201", minutes(1))).skipped).toEqual([{ ruleId, code: "already_given", why: "This order already got this gift." }]);
  });

  it("records Shopify's refusal when the order is fulfilled between the start of the edit and its commit", async () => {
    const { gift } = catalog(stand);
    const ruleId = await rule({ name: "First-order candle", triggerKind: "first_order", giftKind: "add_product", giftVariantId: gift.variant.id });
    const order = addOrder(stand, { id: 5202, customer: addCustomer(stand, 91202), placedAt: minutes(-60) });
    await syncOrders(stand, [order], NOW);
    const racing = intercepted(stand.admin, "GiftOrderEditCommit", { before: () => markFulfilled(stand, order, NOW) });

    const result = await applyGiftsForOrder(prisma, racing, fakeQueue(), stand.shop, "5202", NOW);
    expect(result.failed).toEqual([{ grantId: expect.any(String), ruleId, kind: "add_product", reason: "Shopify refused the order edit: Items can't be added to an order that is already fulfilled." }]);
    expect(orderEditCommits(stand.store, stand.shop)).toEqual([]);
    expect((await grantsOf("5202"))[0]).toMatchObject({ status: "failed" });
  });
});

describe("stock and monthly budget", () => {
  it("gives no more than the stock, and no more than the month's budget, months counted in the shop's time zone", async () => {
    const budgeted = await rule({ name: "Tote bag", triggerKind: "every_nth_order", triggerN: "1", giftKind: "packer_instruction", giftText: "tote bag", unitCost: "4.00", monthlyBudget: "10" });
    const limited = await rule({ name: "Signed print", triggerKind: "order_value_above", triggerAmount: "1", giftKind: "packer_instruction", giftText: "signed print", stock: "1", unitCost: "2.50" });
    const orders = [5301, 5302, 5303].map((id, index) => addOrder(stand, { id, customer: addCustomer(stand, 91300 + index), placedAt: minutes(-30 + index) }));
    await syncOrders(stand, orders, NOW);
    const given = async (orderId: string, at: Date) => {
      const result = await applyGiftsForOrder(prisma, stand.admin, fakeQueue(), stand.shop, orderId, at);
      return { made: result.made.map((made) => made.ruleId).sort(), skipped: result.skipped.map((skip) => `${skip.ruleId === budgeted ? "budgeted" : "limited"}:${skip.code}`).sort() };
    };

    expect(await given("5301", NOW)).toEqual({ made: [budgeted, limited].sort(), skipped: [] });
    expect(await given("5302", NOW)).toEqual({ made: [budgeted], skipped: ["limited:out_of_stock"] });
    // 4.00 + 4.00 spent: one more would make 12.00, over the 10.00 budget.
    expect(await given("5303", NOW)).toEqual({ made: [], skipped: ["budgeted:over_budget", "limited:out_of_stock"] });
    expect((await prisma.giftRule.findUniqueOrThrow({ where: { id: limited } })).stock).toBe(0);

    // 23:30 UTC on 30 November is already 1 December in Paris: a new month, a new budget.
    const december = new Date("2026-11-30T23:30:00Z");
    const late = addOrder(stand, { id: 5304, customer: addCustomer(stand, 91304), placedAt: december });
    await syncOrders(stand, [late], december);
    expect(await given("5304", december)).toEqual({ made: [budgeted], skipped: ["limited:out_of_stock"] });
    expect((await grantsOf("5304"))[0]?.month).toBe("2026-12");

    const summary = await giftSummary(prisma, stand.shop, { months: 3, now: december });
    expect(summary.months).toEqual([
      { month: "2026-10", given: 0, cost: "0" },
      { month: "2026-11", given: 3, cost: "10.50" },
      { month: "2026-12", given: 1, cost: "4.00" },
    ]);
    expect(summary.rules.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { ruleId: limited, name: "Signed print", given: 1, cost: "2.50" },
      { ruleId: budgeted, name: "Tote bag", given: 3, cost: "12.00" },
    ]);
    const listed = await listGrants(prisma, stand.shop, { limit: 2 });
    expect(listed.map((grant) => [grant.orderName, grant.ruleName, grant.status])).toEqual([["#5304", "Tote bag", "applied"], expect.any(Array)]);
  });

  it("works out months and sums exactly", () => {
    expect(monthIn(new Date("2026-12-31T23:30:00Z"), "Europe/Paris")).toBe("2027-01");
    expect(monthIn(new Date("2026-12-31T23:30:00Z"), "Not/AZone")).toBe("2026-12");
    expect(monthsUpTo("2027-02", 4)).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(sumAmounts(["0.10", "0.20", "1", "x"])).toBe("1.30");
    expect(sumAmounts([])).toBe("0");
  });
});

describe("discount cards and their redemption", () => {
  it("gives the customer a code with the loyalty_reward message, and marks the code redeemed by the order that uses it", async () => {
    const ruleId = await rule({ name: "Come back soon", triggerKind: "order_value_above", triggerAmount: "20", giftKind: "discount_card", giftPercent: "15", giftValidDays: "60", unitCost: "0" });
    const customer = addCustomer(stand, 91401);
    const order = addOrder(stand, { id: 5401, customer, placedAt: minutes(-10) });
    await syncOrders(stand, [order], NOW);
    const queue = fakeQueue();

    const result = await applyGiftsForOrder(prisma, stand.admin, queue, stand.shop, "5401", NOW);
    const code = result.made[0]?.detail.code ?? "";
    expect(code).toMatch(/^THANKS-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const issued = await prisma.issuedDiscountCode.findFirstOrThrow({ where: { shop: stand.shop, code } });
    expect(issued).toMatchObject({ source: "gift", orderId: "5401", customerId: "91401", percent: 15, redeemedAt: null, expiresAt: new Date(NOW.getTime() + 60 * 86_400_000) });
    expect(issued.shopifyDiscountId).toMatch(/^gid:\/\/shopify\/DiscountCodeNode\//);
    expect(queue.jobs).toEqual([
      expect.objectContaining({
        name: "messages.compose",
        payload: expect.objectContaining({ type: "loyalty_reward", orderId: "5401", reason: `gift:${ruleId}`, facts: { discountCode: code, discountPercent: 15, discountExpires: issued.expiresAt.toISOString() } }),
      }),
    ]);

    expect((await giftTimeline("5401")).map((event) => JSON.parse(event.detail ?? "{}"))).toEqual([{ rule: "Come back soon", gift: "15% off the next order", giftKind: "discount_card", discountCode: code }]);

    // The customer's next order carries the code, typed in lower case; it arrives by webhook.
    const next = addOrder(stand, { id: 5402, customer, placedAt: minutes(24 * 60) });
    const payload = { ...orderWebhookPayload(next, stand.demo.shop), discount_codes: [{ code: code.toLowerCase(), amount: "3.60", type: "percentage" }] };
    const action = parseOrderWebhook("orders/create", payload);
    if (action.type !== "apply") throw new Error("expected an order to apply");
    await applyOrderEvents(prisma, stand.shop, [action.event], minutes(24 * 60));
    expect((await prisma.orderCare.findUniqueOrThrow({ where: { shop_orderId: { shop: stand.shop, orderId: "5402" } } })).discountCodes).toBe(code.toLowerCase());

    const followUp = await afterOrderChanged(queue, prisma, stand.shop, "5402", minutes(24 * 60));
    expect(followUp.redemptions).toEqual([{ code, issuedCodeId: issued.id, orderId: "5402", redeemedAt: minutes(24 * 60) }]);
    expect(await prisma.issuedDiscountCode.findUniqueOrThrow({ where: { id: issued.id } })).toMatchObject({ redeemedOrderId: "5402", redeemedAt: minutes(24 * 60) });
    // A later event of the same order changes nothing; another order can't take it over.
    await afterOrderChanged(queue, prisma, stand.shop, "5402", minutes(25 * 60));
    expect((await prisma.issuedDiscountCode.findUniqueOrThrow({ where: { id: issued.id } })).redeemedAt).toEqual(minutes(24 * 60));
  });

  it("fills the order's discount codes from the reconciliation too", async () => {
    const order = addOrder(stand, { id: 5403, customer: addCustomer(stand, 91403), placedAt: minutes(-10), discountCodes: ["WELCOME10", "SORRY-ABCD-EFGH"] });
    await syncOrders(stand, [order], NOW);
    expect((await prisma.orderCare.findUniqueOrThrow({ where: { shop_orderId: { shop: stand.shop, orderId: "5403" } } })).discountCodes).toBe("SORRY-ABCD-EFGH,WELCOME10");
  });
});

describe("afterOrderChanged", () => {
  it("queues the gifts of a new, open order of a shop with rules, and not of an old or cancelled one", async () => {
    const queue = fakeQueue();
    const fresh = addOrder(stand, { id: 5501, customer: addCustomer(stand, 91501), placedAt: minutes(-60) });
    const old = addOrder(stand, { id: 5502, customer: addCustomer(stand, 91502), placedAt: minutes(-10 * 24 * 60) });
    await syncOrders(stand, [fresh, old], NOW);
    expect((await afterOrderChanged(queue, prisma, stand.shop, "5501", NOW)).giftsQueued).toBe(false);

    await rule({ name: "Pen", triggerKind: "every_nth_order", triggerN: "1", giftKind: "packer_instruction", giftText: "pen" });
    expect((await afterOrderChanged(queue, prisma, stand.shop, "5501", NOW)).giftsQueued).toBe(true);
    expect((await afterOrderChanged(queue, prisma, stand.shop, "5502", NOW)).giftsQueued).toBe(false);
    expect(queue.take(GIFTS_APPLY_JOB).map((job) => job.payload)).toEqual([{ orderId: "5501", trigger: "order" }]);
    expect(await afterOrderChanged(queue, prisma, stand.shop, "9999999", NOW)).toEqual({ giftsQueued: false, loyaltyQueued: false, redemptions: [], packerNotesDone: 0 });
  });
});
