// The loyalty_tier message on the demo shop's Admin API stand-in and a real database: a customer
// moving up a tier is told once, about their latest paid order and in its language; staying,
// dropping, loyalty off or no paid order left tells nothing; the merchant's switch and delay and
// the shopper's consent are respected.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import type { EnqueueOptions } from "~/jobs/queue";
import { afterOrderChanged, giftJobHandlers, LOYALTY_RECALCULATE_JOB, queueShopLoyaltyRecalculation } from "~/jobs/gift-jobs.server";
import { recalculateCustomer, saveLoyaltySettings } from "~/loyalty/loyalty.server";
import { composeMessage } from "~/messages/compose-message.server";
import { COPY } from "~/messages/copy";
import { messageDedupeKey } from "~/messages/dedupe";
import { formatPercent } from "~/messages/format";
import { SHOPPER_LOCALES, type ShopperLocale } from "~/messages/locales";
import type { MessageRequest } from "~/messages/message-request";
import { fillPlaceholders } from "~/messages/render";
import { COMPOSE_MESSAGE_JOB } from "~/messages/request-message.server";
import { importShopDetails } from "~/messages/shop-settings.server";
import type { CustomerRecord, OrderRecord } from "../../admin-api/demo-types";
import { installAppFunctions } from "../../admin-api/gift-mutations";
import { resetDatabase, seedShop } from "../../support/factories";
import { startDemoStandIn, type DemoStandIn } from "../../support/stand-in-admin";
import { addCustomer, addOrder, fakeQueue, refundFully, ROOMY_BUCKET, syncOrders } from "../gifts/gift-shop";

const NOW = new Date("2026-11-20T10:00:00Z");
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);
const TIERS = "Returning customer | 2 | | 5\nLoyal customer | 5 | | 10";

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

async function saveTiers(tiers: string, enabled = true) {
  const saved = await saveLoyaltySettings(prisma, stand.admin, stand.shop, { enabled: enabled ? "on" : "", tiers, periodDays: "" }, NOW);
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
}

/** The fake queue, keeping the options of each job too (the delay). */
function recordingQueue() {
  const inner = fakeQueue();
  const options: { name: string; options: EnqueueOptions }[] = [];
  return {
    ...inner,
    options,
    async enqueue(name: string, shop: string, payload: unknown, given: EnqueueOptions = {}) {
      options.push({ name, options: given });
      return inner.enqueue(name, shop, payload, given);
    },
  };
}

type Harness = {
  queue: ReturnType<typeof recordingQueue>;
  customer(id: number, options?: { subscribed?: boolean }): CustomerRecord;
  /** A paid order placed and synced, the order-changed follow-ups run and the loyalty jobs done. */
  order(id: number, customer: CustomerRecord, at: Date, locale?: ShopperLocale): Promise<OrderRecord>;
  /** Syncs a changed order and runs its follow-ups and loyalty jobs. */
  changed(order: OrderRecord, at: Date): Promise<void>;
  /** Runs the loyalty job for the customer, asked for or not. */
  recalculate(customerId: string, at: Date): Promise<void>;
  /** The message requests waiting to be composed, taken off the queue. */
  takeRequests(): MessageRequest[];
};

function harness(): Harness {
  const queue = recordingQueue();
  let clock = NOW;
  const handlers = giftJobHandlers(queue, { adminFor: async () => stand.admin, now: () => clock });
  const run = (payload: unknown) => handlers[LOYALTY_RECALCULATE_JOB]?.(payload, { shop: stand.shop, jobId: "j", attempt: 1 });
  const runLoyalty = async () => {
    for (const job of queue.take(LOYALTY_RECALCULATE_JOB)) await run(job.payload);
  };
  const changed = async (order: OrderRecord, at: Date) => {
    clock = at;
    await syncOrders(stand, [order], at);
    await afterOrderChanged(queue, prisma, stand.shop, order.legacyResourceId, at);
    await runLoyalty();
  };
  return {
    queue,
    customer(id, options = {}) {
      const customer = addCustomer(stand, id);
      customer.defaultEmailAddress = { ...customer.defaultEmailAddress, emailAddress: `shopper-${id}@example.com`, marketingState: options.subscribed === false ? "NOT_SUBSCRIBED" : "SUBSCRIBED" };
      return customer;
    },
    async order(id, customer, at, locale = "en") {
      const order = addOrder(stand, { id, customer, placedAt: at });
      Object.assign(order, { customerLocale: locale, email: customer.defaultEmailAddress.emailAddress });
      stand.store.upsertNode(stand.shop, order);
      await changed(order, at);
      return order;
    },
    changed,
    async recalculate(customerId, at) {
      clock = at;
      await run({ customerId });
    },
    takeRequests: () => queue.take(COMPOSE_MESSAGE_JOB).map((job) => job.payload as MessageRequest),
  };
}

const compose = (request: MessageRequest, at: Date) => composeMessage(prisma, stand.shop, request, at, { admin: stand.admin, enqueueDelivery: async () => undefined });

const member = (customerId: string) => prisma.loyaltyMember.findUniqueOrThrow({ where: { shop_customerId: { shop: stand.shop, customerId } } });

describe("the loyalty_tier message", () => {
  it("is asked for once per tier reached, about the order that reached it, and not when the tier stays or drops", async () => {
    await saveTiers(TIERS);
    const h = harness();
    const customer = h.customer(94001);

    await h.order(7301, customer, hours(-48));
    expect(h.takeRequests()).toEqual([]);

    await h.order(7302, customer, hours(-24));
    const requests = h.takeRequests();
    expect(requests).toEqual([
      { type: "loyalty_tier", orderId: "7302", reason: "tier:Returning customer", facts: { tierName: "Returning customer", discountPercent: 5 }, attachments: [], requestedBy: "automatic" },
    ]);
    expect(h.queue.options.filter((entry) => entry.name === COMPOSE_MESSAGE_JOB)).toEqual([
      { name: COMPOSE_MESSAGE_JOB, options: { singletonKey: `${COMPOSE_MESSAGE_JOB}:order:7302:loyalty_tier:tier:returning customer` } },
    ]);

    // Composed: a promotional message to the subscribed shopper, with the tier and its percent.
    const outcome = await compose(requests[0]!, hours(-24));
    expect(outcome.status).toBe("queued");
    const row = await prisma.outboxMessage.findFirstOrThrow({ where: { shop: stand.shop, type: "loyalty_tier" } });
    expect(row).toMatchObject({ orderId: "7302", reason: "tier:Returning customer", marketing: true, locale: "en", toAddress: "shopper-94001@example.com", status: "queued" });
    expect(row.subject).toBe("5% off your next orders at Maison Lumen");
    for (const part of [row.html, row.text]) {
      expect(part).toContain("You’ve reached a new loyalty level: Returning customer. That means 5% off your next orders.");
      expect(part).toContain("#7302");
      expect(part).toContain("sign in to your account with this email address");
    }
    expect(JSON.parse(row.headers)["List-Unsubscribe"]).toMatch(/^<https:\/\//);
    // Asked again (a retried job), it is the same message.
    expect(await compose(requests[0]!, hours(-23))).toEqual({ status: "duplicate", messageId: row.id });

    // Recalculated again at the same tier: nothing more.
    expect(await recalculateCustomer(prisma, stand.admin, stand.shop, "94001", hours(-20))).toMatchObject({ tier: "Returning customer", reached: null });
    await h.recalculate("94001", hours(-19));
    expect(h.takeRequests()).toEqual([]);

    // Third and fourth paid orders keep 5%; the fifth reaches 10%, told about the fifth order.
    await h.order(7303, customer, hours(-10));
    await h.order(7304, customer, hours(-9));
    expect(h.takeRequests()).toEqual([]);
    const fifth = await h.order(7305, customer, hours(-8));
    expect(h.takeRequests()).toEqual([expect.objectContaining({ type: "loyalty_tier", orderId: "7305", reason: "tier:Loyal customer", facts: { tierName: "Loyal customer", discountPercent: 10 } })]);
    expect(await member("94001")).toMatchObject({ tier: "Loyal customer", percent: 10, paidOrders: 5 });

    // The fifth order refunded in full: back to 5%, and nothing is sent.
    refundFully(stand, fifth, hours(-2));
    await h.changed(fifth, hours(-2));
    expect(await member("94001")).toMatchObject({ tier: "Returning customer", percent: 5, paidOrders: 4 });
    expect(h.takeRequests()).toEqual([]);
  });

  it("tells a 7.5 % tier once, though the member row keeps whole percents", async () => {
    await saveTiers("Silver | 2 | | 7.5");
    const h = harness();
    const customer = h.customer(94050);
    await h.order(7351, customer, hours(-30));
    await h.order(7352, customer, hours(-20));
    expect(h.takeRequests()).toEqual([expect.objectContaining({ orderId: "7352", facts: { tierName: "Silver", discountPercent: 7.5 } })]);
    expect(await member("94050")).toMatchObject({ tier: "Silver", percent: 7 });

    await h.order(7353, customer, hours(-10));
    expect(await member("94050")).toMatchObject({ tier: "Silver", paidOrders: 3 });
    expect(h.takeRequests()).toEqual([]);
  });

  it.each(SHOPPER_LOCALES)("is written in %s with the tier's name and percent", async (locale) => {
    await saveTiers(TIERS);
    const h = harness();
    const customer = h.customer(94100);
    await h.order(7401, customer, hours(-30), locale);
    await h.order(7402, customer, hours(-20), locale);
    const [request, ...more] = h.takeRequests();
    expect(more).toEqual([]);
    expect(request).toMatchObject({ type: "loyalty_tier", orderId: "7402" });

    expect((await compose(request!, NOW)).status).toBe("queued");
    const row = await prisma.outboxMessage.findFirstOrThrow({ where: { shop: stand.shop, type: "loyalty_tier" } });
    const percent = formatPercent(5, locale);
    expect(row.locale).toBe(locale);
    expect(row.html).toContain(`lang="${locale}"`);
    // A subject is one line: its spaces, the percent's no-break one included, come out plain.
    expect(row.subject).toBe(fillPlaceholders(COPY[locale].messages.loyalty_tier.subject, { discountPercent: percent, shopName: "Maison Lumen" }).replace(/\s+/g, " "));
    for (const part of [row.html, row.text]) {
      expect(part).toContain("Returning customer");
      expect(part).toContain(percent);
      expect(part).toContain("#7402");
    }
  });

  it("follows the shopper's consent and the merchant's switch and delay", async () => {
    await saveTiers(TIERS);
    await importShopDetails(prisma, stand.admin, stand.shop, NOW);
    const h = harness();

    // Not subscribed to marketing: composed, kept in the outbox, not sent.
    const unsubscribed = h.customer(94201, { subscribed: false });
    await h.order(7501, unsubscribed, hours(-30));
    await h.order(7502, unsubscribed, hours(-20));
    const [notConsented] = h.takeRequests();
    expect(await compose(notConsented!, NOW)).toMatchObject({ status: "suppressed" });

    // The merchant turned the message off: not composed at all.
    await prisma.shopSettings.update({ where: { shop: stand.shop }, data: { messageTypes: JSON.stringify({ loyalty_tier: { enabled: false, delayMinutes: 0 } }) } });
    const other = h.customer(94202);
    await h.order(7503, other, hours(-30));
    await h.order(7504, other, hours(-20));
    const [turnedOff] = h.takeRequests();
    expect(turnedOff).toMatchObject({ orderId: "7504" });
    expect(await compose(turnedOff!, NOW)).toEqual({ status: "disabled" });

    // On again with a two-hour delay: asked for two hours after the tier was reached.
    await prisma.shopSettings.update({ where: { shop: stand.shop }, data: { messageTypes: JSON.stringify({ loyalty_tier: { enabled: true, delayMinutes: 120 } }) } });
    const third = h.customer(94203);
    await h.order(7505, third, hours(-30));
    await h.order(7506, third, hours(-20));
    expect(h.takeRequests()).toEqual([expect.objectContaining({ orderId: "7506" })]);
    expect(h.queue.options.filter((entry) => entry.name === COMPOSE_MESSAGE_JOB).at(-1)?.options).toEqual({ singletonKey: expect.stringContaining(":order:7506:"), runAt: hours(-18) });
  });

  it("tells nothing while loyalty is off, nor when the customer has no paid order left", async () => {
    await saveTiers(TIERS, false);
    const h = harness();
    const off = h.customer(94301);
    await h.order(7601, off, hours(-30));
    await h.order(7602, off, hours(-20));
    expect(h.takeRequests()).toEqual([]);

    // A member whose only order is cancelled, then a tier everyone reaches: reached, but no order to tell about.
    await saveTiers(TIERS);
    const alone = h.customer(94302);
    const only = await h.order(7603, alone, hours(-10));
    expect(await member("94302")).toMatchObject({ tier: null, percent: 0, paidOrders: 1 });
    Object.assign(only, { cancelledAt: hours(-5).toISOString(), cancelReason: "CUSTOMER", updatedAt: hours(-5).toISOString() });
    await h.changed(only, hours(-5));
    expect(await member("94302")).toMatchObject({ paidOrders: 0 });

    await saveTiers("Everyone | | 0 | 2");
    await queueShopLoyaltyRecalculation(h.queue, prisma, stand.shop);
    await h.changed(only, hours(-4));
    expect(await member("94302")).toMatchObject({ tier: "Everyone", percent: 2 });
    // The other customer (loyalty was off for their orders) reaches it too, and is told about their latest order.
    expect(h.takeRequests()).toEqual([expect.objectContaining({ orderId: "7602", reason: "tier:Everyone", facts: { tierName: "Everyone", discountPercent: 2 } })]);
  });

  it("does not announce a tier reached by an old order (loyalty turned on later), and tells it once when the job is tried again", async () => {
    await saveTiers(TIERS, false);
    const h = harness();
    const old = h.customer(94401);
    await h.order(7701, old, hours(-24 * 30));
    await h.order(7702, old, hours(-24 * 20));
    const recent = h.customer(94402);
    await h.order(7703, recent, hours(-24 * 9));
    await h.order(7704, recent, hours(-24 * 2));
    expect(h.takeRequests()).toEqual([]);

    // Loyalty turned on: both customers reach a tier; only the one whose latest order is recent is told.
    await saveTiers(TIERS);
    await h.recalculate("94401", NOW);
    await h.recalculate("94402", NOW);
    expect(await member("94401")).toMatchObject({ tier: "Returning customer" });
    const told = h.takeRequests();
    expect(told).toEqual([expect.objectContaining({ orderId: "7704", reason: "tier:Returning customer" })]);

    // The message is asked for before the rise is recorded: when recording it fails (here: the
    // member row as it was before), the retried job sees the rise again and asks for the same
    // message (the same dedupe key, so one email).
    await prisma.loyaltyMember.update({ where: { shop_customerId: { shop: stand.shop, customerId: "94402" } }, data: { tier: null, percent: 0, metafieldValue: "" } });
    await h.recalculate("94402", NOW);
    const [retried] = h.takeRequests();
    expect(retried).toMatchObject({ orderId: "7704", reason: "tier:Returning customer" });
    const key = (request: MessageRequest | undefined) => messageDedupeKey({ type: "loyalty_tier", orderId: request?.orderId ?? null, reason: request?.reason ?? undefined });
    expect(key(retried)).toBe(key(told[0]));
  });
});
