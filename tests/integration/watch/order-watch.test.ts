// The order watch on a real database: flags raised, kept and cleared as orders move on, the
// sweep that reads only orders that fell due, and the merchant's actions.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { applyOrderEvents } from "~/orders/apply-delivery.server";
import { evaluateOrders, markFlagHandled, recordConfirmation, snoozeFlag, sweepDueOrders } from "~/watch/order-watch.server";
import { saveWatchSettings, getWatchSettings } from "~/watch/watch-settings.server";
import { resetDatabase, seedShop } from "../../support/factories";
import { fulfillmentEvent, fulfillmentSnapshot, orderEvent, orderSnapshot } from "../../unit/orders/snapshots";

const SHOP = "care-watch.myshopify.com";
const OTHER = "care-watch-two.myshopify.com";
// Monday 2026-11-23 08:00 UTC = 09:00 in Paris.
const MONDAY_9 = new Date("2026-11-23T08:00:00Z");
const hours = (n: number) => new Date(MONDAY_9.getTime() + n * 3_600_000);

beforeEach(async () => {
  await resetDatabase(prisma);
  for (const shop of [SHOP, OTHER]) {
    await seedShop(prisma, shop);
    await prisma.shopSettings.create({ data: { shop, timezone: "Europe/Paris", countryCode: "FR" } });
  }
});

async function placeOrder(shop: string, orderId: string, overrides: Parameters<typeof orderSnapshot>[0] = {}) {
  await applyOrderEvents(prisma, shop, [orderEvent(orderSnapshot({ orderId, placedAt: MONDAY_9, processedAt: MONDAY_9, updatedAt: MONDAY_9, shippingCountry: "FR", ...overrides }))], MONDAY_9);
}

const openFlags = async (shop: string, orderId: string) =>
  (await prisma.orderFlag.findMany({ where: { shop, orderId, status: { not: "cleared" } }, orderBy: { kind: "asc" } })).map((row) => row.kind);

describe("evaluateOrders", () => {
  it("flags an unconfirmed cash-on-delivery order after 2 business hours, and clears it on confirmation", async () => {
    await placeOrder(SHOP, "1001", { paymentGateways: ["Cash on Delivery (COD)"], financialStatus: "pending" });
    expect(await evaluateOrders(prisma, SHOP, ["1001"], hours(1))).toEqual([]);
    const care = await prisma.orderCare.findUniqueOrThrow({ where: { shop_orderId: { shop: SHOP, orderId: "1001" } } });
    expect(care.watchDueAt).toEqual(hours(2));

    const [change] = await evaluateOrders(prisma, SHOP, ["1001"], hours(2.5));
    expect(change?.raised.map((flag) => flag.kind)).toEqual(["unconfirmed"]);
    const flag = await prisma.orderFlag.findUniqueOrThrow({ where: { shop_orderId_kind: { shop: SHOP, orderId: "1001", kind: "unconfirmed" } } });
    expect(flag).toMatchObject({ status: "open", dueAt: hours(2), raisedAt: hours(2.5) });
    expect(flag.reason).toMatch(/confirm/i);

    expect(await recordConfirmation(prisma, SHOP, "1001", { outcome: "confirmed", via: "phone", note: "Called, all good" }, hours(3))).toEqual({ ok: true });
    const [cleared] = await evaluateOrders(prisma, SHOP, ["1001"], hours(3));
    expect(cleared?.cleared).toEqual(["unconfirmed"]);
    expect(await openFlags(SHOP, "1001")).toEqual([]);
    const timeline = await prisma.timelineEvent.findMany({ where: { shop: SHOP, orderId: "1001", source: "merchant" } });
    expect(timeline.map((row) => row.kind)).toEqual(["confirmed"]);
  });

  it("flags a paid order not dispatched by the close of its dispatch day, and clears it when it ships", async () => {
    await placeOrder(SHOP, "1002");
    // Placed Monday 09:00 Paris, before the 14:00 cut-off: due Monday 17:00 Paris (16:00 UTC).
    await evaluateOrders(prisma, SHOP, ["1002"], hours(1));
    expect(await openFlags(SHOP, "1002")).toEqual([]);
    await evaluateOrders(prisma, SHOP, ["1002"], hours(7));
    expect(await openFlags(SHOP, "1002")).toEqual(["dispatch_due_soon"]);
    await evaluateOrders(prisma, SHOP, ["1002"], hours(9));
    expect(await openFlags(SHOP, "1002")).toEqual(["late_dispatch"]);

    await applyOrderEvents(prisma, SHOP, [fulfillmentEvent(fulfillmentSnapshot({ orderId: "1002", createdAt: hours(10), updatedAt: hours(10) })), orderEvent(orderSnapshot({ orderId: "1002", placedAt: MONDAY_9, updatedAt: hours(10), fulfillmentStatus: "fulfilled", shippingCountry: "FR" }))], hours(10));
    const [change] = await evaluateOrders(prisma, SHOP, ["1002"], hours(10));
    expect(change?.cleared).toEqual(["late_dispatch"]);
  });

  it("keeps a handled flag out of the list, and a snoozed one until its time", async () => {
    await placeOrder(SHOP, "1003");
    await placeOrder(SHOP, "1004");
    await evaluateOrders(prisma, SHOP, ["1003", "1004"], hours(9));
    expect(await markFlagHandled(prisma, SHOP, "1003", "late_dispatch", "Supplier late, customer told", hours(9))).toBe(true);
    expect(await snoozeFlag(prisma, SHOP, "1004", "late_dispatch", hours(30), hours(9))).toBe(true);
    await evaluateOrders(prisma, SHOP, ["1003", "1004"], hours(10));
    expect(await prisma.orderFlag.findMany({ where: { shop: SHOP, status: "open" } })).toEqual([]);
    expect((await prisma.orderCare.findUniqueOrThrow({ where: { shop_orderId: { shop: SHOP, orderId: "1004" } } })).watchDueAt).toEqual(hours(30));
    await evaluateOrders(prisma, SHOP, ["1004"], hours(30));
    expect((await prisma.orderFlag.findMany({ where: { shop: SHOP, status: "open" } })).map((row) => row.orderId)).toEqual(["1004"]);
    // Another shop's flag is never touched by this shop's actions.
    expect(await markFlagHandled(prisma, OTHER, "1004", "late_dispatch", null, hours(31))).toBe(false);
  });

  it("clears every flag of a cancelled order", async () => {
    await placeOrder(SHOP, "1005");
    await evaluateOrders(prisma, SHOP, ["1005"], hours(9));
    await applyOrderEvents(prisma, SHOP, [orderEvent(orderSnapshot({ orderId: "1005", placedAt: MONDAY_9, updatedAt: hours(11), cancelledAt: hours(11), shippingCountry: "FR" }))], hours(11));
    const [change] = await evaluateOrders(prisma, SHOP, ["1005"], hours(11));
    expect(change?.cleared).toEqual(["late_dispatch"]);
    expect((await prisma.orderCare.findUniqueOrThrow({ where: { shop_orderId: { shop: SHOP, orderId: "1005" } } })).watchDueAt).toBeNull();
  });
});

describe("sweepDueOrders", () => {
  it("looks only at orders whose due time has come, across shops, and moves their due time on", async () => {
    await placeOrder(SHOP, "2001");
    await placeOrder(OTHER, "2001");
    await placeOrder(SHOP, "2002", { cancelledAt: MONDAY_9 });
    // Orders just written are due at once (watchDueAt = when they changed).
    const first = await sweepDueOrders(prisma, hours(1));
    expect(first).toMatchObject({ evaluated: 3, shops: 2 });
    const second = await sweepDueOrders(prisma, hours(1));
    expect(second.evaluated).toBe(0);

    const seen: string[] = [];
    const late = await sweepDueOrders(prisma, hours(9), { onChanges: async (shop, changes) => seen.push(...changes.map((change) => `${shop}:${change.orderId}`)) });
    // The cancelled order is never due again.
    expect(late.evaluated).toBe(2);
    expect(seen.sort()).toEqual([`${OTHER}:2001`, `${SHOP}:2001`]);
  });

  it("evaluates one shop's due orders when asked (after its backfill), leaving the others to the sweep", async () => {
    await placeOrder(SHOP, "2101");
    await placeOrder(OTHER, "2101");
    expect(await sweepDueOrders(prisma, hours(1), { shop: SHOP })).toMatchObject({ evaluated: 1, shops: 1 });
    expect((await prisma.orderCare.findUniqueOrThrow({ where: { shop_orderId: { shop: OTHER, orderId: "2101" } } })).watchEvaluatedAt).toBeNull();
  });

  it("re-evaluates every open order of the shop after its rules change", async () => {
    await placeOrder(SHOP, "3001");
    await sweepDueOrders(prisma, hours(1));
    const settings = await getWatchSettings(prisma, SHOP);
    const saved = await saveWatchSettings(prisma, SHOP, { ...settings, rules: { ...settings.rules, dispatch: { ...settings.rules.dispatch, withinBusinessDays: 3 } } });
    expect(saved).toEqual({ ok: true });
    expect((await sweepDueOrders(prisma, hours(1))).evaluated).toBe(1);
    const refused = await saveWatchSettings(prisma, SHOP, { ...settings, rules: { ...settings.rules, dispatch: { ...settings.rules.dispatch, withinBusinessDays: 0 } } });
    expect(refused.ok).toBe(false);
  });
});
