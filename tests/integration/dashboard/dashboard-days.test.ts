// The dashboard's kept days (DashboardDay): a period read from kept days must give exactly the
// figures computed from the orders on the spot, for a generated history in New York (the
// clocks went back on 1 November 2026 there), with repeat customers checked against a count
// made here from the orders themselves; kept days are read (a changed row shows), marked
// stale by the changes that touch them, recomputed when the settings change, and never
// overwritten as fresh by a refresh that read them before a change.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { forgetDashboardDays, KEPT_DAYS, markDashboardDays, markOrderDays, periodParts, refreshDashboardDays, shopsWithStaleDays } from "~/dashboard/dashboard-days.server";
import { loadDashboard, type Dashboard } from "~/dashboard/dashboard.server";
import { decodePart, encodePart } from "~/dashboard/day-parts";
import type { Figure } from "~/dashboard/indicators";
import { parsePeriod } from "~/dashboard/period";
import { addLocalDays, localDateTime } from "~/watch/business-calendar";
import { getWatchSettings } from "~/watch/watch-settings.server";
import { DASHBOARD_DAYS_JOB } from "~/jobs/dashboard-jobs.server";
import { deliverOutboxMessage } from "~/messages/deliver-outbox.server";
import type { JobQueue } from "~/jobs/queue.server";
import { watchJobHandlers, WATCH_SHOP_JOB } from "~/jobs/watch-jobs.server";
import { resetDatabase } from "../../support/factories";
import { createFulfillment, createOrder, orderIdFor } from "../orders-admin/order-rows";

const SHOP = "maison-lumen.myshopify.com";
const OTHER = "atelier-nord.myshopify.com";
const ZONE = "America/New_York";
const NOW = new Date("2026-11-25T15:00:00Z"); // Wednesday, 10:00 in New York
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const ORDERS = 160;

/** A small deterministic generator (mulberry32), so the history is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** 160 orders over the 45 days before NOW, 90 customers (and guests), with everything the dashboard counts. */
async function seedHistory(shop: string, seed: number) {
  const next = random(seed);
  const pick = <T,>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  await prisma.shopSettings.create({ data: { shop, timezone: ZONE, countryCode: "US", currency: "USD" } });
  for (let number = 1; number <= ORDERS; number += 1) {
    const placedAt = new Date(NOW.getTime() - Math.floor(next() * 45 * DAY_MS));
    const cod = next() < 0.2;
    const cancelled = next() < 0.06;
    const confirmed = cod && next() < 0.8 ? new Date(placedAt.getTime() + Math.floor(next() * 6 * HOUR_MS)) : null;
    const order = await createOrder(prisma, shop, number, {
      placedAt,
      customerId: next() < 0.15 ? null : `C${Math.floor(next() * 90)}`,
      cashOnDelivery: cod,
      paidAt: cod ? null : placedAt,
      financialStatus: cod ? "pending" : pick(["paid", "paid", "paid", "partially_refunded", "refunded", "voided"]),
      cancelledAt: cancelled ? new Date(placedAt.getTime() + HOUR_MS) : null,
      confirmedAt: confirmed,
      shippingCountry: pick(["US", "US", "US", "CA", "MX", "FR", "DE"]),
    });
    const orderId = order.orderId;
    const parcels = next() < 0.8 ? (next() < 0.15 ? 2 : 1) : 0;
    for (let parcel = 0; parcel < parcels; parcel += 1) {
      const createdAt = new Date(placedAt.getTime() + Math.floor((1 + next() * 90) * HOUR_MS) + parcel * 2 * DAY_MS);
      if (createdAt > NOW) continue;
      const deliveredAt = new Date(createdAt.getTime() + Math.floor((12 + next() * 200) * HOUR_MS));
      await createFulfillment(prisma, shop, orderId, `f${number}-${parcel}`, { createdAt, deliveredAt: deliveredAt < NOW ? deliveredAt : null });
      if (deliveredAt < NOW && next() < 0.5) {
        const occurredAt = new Date(Math.min(NOW.getTime() - 1, deliveredAt.getTime() + DAY_MS));
        await prisma.timelineEvent.create({
          data: { shop, orderId, kind: "checked_in", occurredAt, recordedAt: occurredAt, source: "shopper", detail: JSON.stringify({ answer: next() < 0.2 ? "problem" : "arrived_well" }), dedupeKey: `check-in:${parcel}` },
        });
      }
    }
    if (cod && next() < 0.5) {
      const raisedAt = new Date(placedAt.getTime() + 2 * HOUR_MS);
      await prisma.orderFlag.create({ data: { shop, orderId, kind: "unconfirmed", status: confirmed ? "cleared" : "open", reason: "Not confirmed", reasonCode: "unconfirmed", since: raisedAt, dueAt: raisedAt, raisedAt } });
    }
    if (next() < 0.12) {
      const requestedAt = new Date(Math.min(NOW.getTime() - 1, placedAt.getTime() + Math.floor(next() * 10 * DAY_MS)));
      await prisma.returnCase.create({
        data: { shop, orderId, returnNumber: `R${number}`, status: pick(["requested", "approved", "refunded", "cancelled"]), reason: pick(["wrong_item", "damaged_in_transit", "size_or_fit", "changed_mind"]), lines: "[]", decision: "{}", labelPaidBy: "shop", source: "shopper", requestedAt },
      });
    }
    for (const type of ["order_confirmation", "review_request"]) {
      if (next() < 0.5) continue;
      await prisma.outboxMessage.create({
        data: { shop, orderId, type, dedupeKey: `${orderId}:${type}`, audience: "shopper", locale: "en", toAddress: "a@example.com", subject: "s", html: "h", text: "t", status: pick(["sent", "sent", "failed", "held"]), createdAt: new Date(Math.min(NOW.getTime() - 1, placedAt.getTime() + next() * 5 * DAY_MS)) },
      });
    }
    if (next() < 0.1) {
      await prisma.giftGrant.create({ data: { shop, orderId, ruleId: "rule", kind: "packer_instruction", cost: pick(["0", "2.50", "4.90"]), status: pick(["done", "applied", "failed"]), month: "2026-11", createdAt: placedAt } });
    }
    if (next() < 0.08) {
      const issuedAt = new Date(placedAt.getTime() + DAY_MS);
      const redeemedAt = next() < 0.5 ? new Date(placedAt.getTime() + 4 * DAY_MS) : null;
      await prisma.issuedDiscountCode.create({
        data: { shop, code: `THANKS-${number}`, source: "review", percent: 10, orderId, expiresAt: new Date("2027-06-01T00:00:00Z"), issuedAt: issuedAt < NOW ? issuedAt : NOW, redeemedAt: redeemedAt && redeemedAt < NOW ? redeemedAt : null },
      });
    }
  }
}

const load = (period: Record<string, string>, onUntrustedDays?: (days: number) => void) => loadDashboard(prisma, SHOP, new URLSearchParams(period), { now: NOW, onUntrustedDays });
const figures = (dashboard: Dashboard) => ({ groups: dashboard.groups, charts: dashboard.charts });
const figure = (dashboard: Dashboard, id: string): Figure => {
  const found = dashboard.groups.flatMap((group) => group.figures).find((entry) => entry.id === id);
  if (!found) throw new Error(`no figure ${id}`);
  return found;
};
const PERIODS: Record<string, string>[] = [{ period: "7" }, { period: "30" }, { period: "custom", from: "2026-10-20", to: "2026-11-08" }];

/** Every period's figures computed on the spot (no day kept). */
async function liveFigures() {
  const kept = await prisma.dashboardDay.findMany({ where: { shop: SHOP } });
  await forgetDashboardDays(prisma, SHOP);
  const live = await Promise.all(PERIODS.map(async (period) => figures(await load(period))));
  if (kept.length > 0) await prisma.dashboardDay.createMany({ data: kept });
  return live;
}

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedHistory(SHOP, 7);
  await seedHistory(OTHER, 11);
});

describe("the dashboard's kept days", () => {
  it("give the same figures as the orders computed on the spot, all days kept or some", async () => {
    const live = await liveFigures();
    expect(figure(await load({ period: "30" }), "orders").value).toBeGreaterThan(50);

    const { computed } = await refreshDashboardDays(prisma, SHOP, { now: NOW });
    // The days kept by default, up to yesterday (which ended 10 hours before NOW).
    expect(computed).toBe(KEPT_DAYS - 1);
    expect(await prisma.dashboardDay.count({ where: { shop: OTHER } })).toBe(0);

    const untrusted: number[] = [];
    for (const [index, period] of PERIODS.entries()) expect(figures(await load(period, (days) => untrusted.push(days)))).toEqual(live[index]);
    expect(untrusted).toEqual([]);

    // Every third day dropped: those are computed on the spot, in runs, and reported.
    const rows = await prisma.dashboardDay.findMany({ where: { shop: SHOP }, orderBy: { date: "asc" } });
    await prisma.dashboardDay.deleteMany({ where: { shop: SHOP, date: { in: rows.filter((_, index) => index % 3 === 0).map((row) => row.date) } } });
    for (const [index, period] of PERIODS.entries()) expect(figures(await load(period, (days) => untrusted.push(days)))).toEqual(live[index]);
    expect(untrusted.length).toBe(PERIODS.length);
    expect(untrusted.every((days) => days > 0)).toBe(true);
  });

  it("count repeat customers and orders per customer as the orders say", async () => {
    await refreshDashboardDays(prisma, SHOP, { now: NOW });
    const dashboard = await load({ period: "30" });
    const { current } = dashboard.period;
    const orders = await prisma.orderCare.findMany({ where: { shop: SHOP, cancelledAt: null, customerId: { not: null }, placedAt: { lt: current.end } }, select: { customerId: true, placedAt: true } });
    const inPeriod = orders.filter((order) => order.placedAt >= current.start);
    const customers = new Set(inPeriod.map((order) => order.customerId));
    const repeat = [...customers].filter((customer) => orders.filter((order) => order.customerId === customer).length > 1);
    expect(customers.size).toBeGreaterThan(5);
    expect(repeat.length).toBeGreaterThan(0);
    expect(repeat.length).toBeLessThan(customers.size);
    expect(figure(dashboard, "repeat_rate")).toMatchObject({ value: repeat.length / customers.size, basis: `${customers.size} customers` });
    expect(figure(dashboard, "orders_per_customer").value).toBeCloseTo(inPeriod.length / customers.size, 10);
  });

  it("are what the figures read, until a change marks them stale", async () => {
    await refreshDashboardDays(prisma, SHOP, { now: NOW });
    const before = figure(await load({ period: "7" }), "orders").value ?? 0;
    const date = addLocalDays(localDateTime(ZONE, NOW).date, -2);
    const row = await prisma.dashboardDay.findUniqueOrThrow({ where: { shop_date: { shop: SHOP, date } } });
    const part = decodePart(row.data);
    if (!part) throw new Error("undecodable day");
    // A recomputation writes a new computedAt (what the loader's cache of decoded days goes by).
    await prisma.dashboardDay.update({ where: { shop_date: { shop: SHOP, date } }, data: { data: encodePart({ ...part, orders: part.orders + 1000 }), computedAt: new Date(row.computedAt.getTime() + 1) } });
    expect(figure(await load({ period: "7" }), "orders").value).toBe(before + 1000);

    await markDashboardDays(prisma, SHOP, [new Date(`${date}T17:00:00Z`)], NOW);
    expect(figure(await load({ period: "7" }), "orders").value).toBe(before);
    expect(await shopsWithStaleDays(prisma)).toEqual([SHOP]);
    const { computed } = await refreshDashboardDays(prisma, SHOP, { now: NOW });
    expect(computed).toBe(3); // the day and the days either side of its UTC date
    expect(await shopsWithStaleDays(prisma)).toEqual([]);
    expect(figure(await load({ period: "7" }), "orders").value).toBe(before);
  });

  it("follow a cancelled order: its day and its customer's neighbouring orders' days", async () => {
    // C99 ordered on three days of the previous 7-day period; the last of them is cancelled.
    const today = localDateTime(ZONE, NOW).date;
    const placed = (daysAgo: number) => new Date(`${addLocalDays(today, -daysAgo)}T16:00:00Z`);
    for (const [number, daysAgo] of [[901, 12], [902, 10], [903, 8]] as const) await createOrder(prisma, SHOP, number, { placedAt: placed(daysAgo), customerId: "C99" });
    await refreshDashboardDays(prisma, SHOP, { now: NOW });

    await prisma.orderCare.update({ where: { shop_orderId: { shop: SHOP, orderId: orderIdFor(903) } }, data: { cancelledAt: NOW } });
    await markOrderDays(prisma, SHOP, [orderIdFor(903)], NOW);
    await refreshDashboardDays(prisma, SHOP, { now: NOW });
    const live = await liveFigures();
    const marked = await Promise.all(PERIODS.map(async (period) => figures(await load(period))));
    expect(marked).toEqual(live);
  });

  it("are not trusted once the watch's settings change", async () => {
    await refreshDashboardDays(prisma, SHOP, { now: NOW });
    const { rules } = await getWatchSettings(prisma, SHOP);
    await prisma.watchSettings.create({ data: { shop: SHOP, rules: JSON.stringify({ ...rules, dispatch: { withinBusinessDays: 3, byShippingMethod: [] } }) } });
    const untrusted: number[] = [];
    const slower = figures(await load({ period: "30" }, (days) => untrusted.push(days)));
    expect(untrusted[0]).toBeGreaterThan(20);
    const [, live] = await liveFigures();
    expect(slower).toEqual(live);
    expect((await refreshDashboardDays(prisma, SHOP, { now: NOW })).computed).toBeGreaterThan(20);
  });

  it("are not overwritten by a refresh that read them before a change", async () => {
    await refreshDashboardDays(prisma, SHOP, { now: NOW });
    const date = addLocalDays(localDateTime(ZONE, NOW).date, -3);
    // A mark newer than any refresh could have started: as if written while the refresh computed.
    const later = new Date(Date.now() + 60_000);
    await prisma.dashboardDay.update({ where: { shop_date: { shop: SHOP, date } }, data: { staleAt: later, data: "{}" } });
    await refreshDashboardDays(prisma, SHOP, { now: NOW });
    const row = await prisma.dashboardDay.findUniqueOrThrow({ where: { shop_date: { shop: SHOP, date } } });
    expect(row.staleAt?.getTime()).toBe(later.getTime());
    expect(row.data).toBe("{}");
  });

  it("are marked only for shops that keep days, leaving placeholders for days not kept yet", async () => {
    await markDashboardDays(prisma, SHOP, [NOW], NOW);
    expect(await prisma.dashboardDay.count()).toBe(0);

    await refreshDashboardDays(prisma, SHOP, { now: NOW });
    // Older than the days kept: placeholders, so that a refresh from there computes them.
    await markDashboardDays(prisma, SHOP, [new Date("2026-03-02T12:00:00Z")], NOW);
    const placeholders = await prisma.dashboardDay.findMany({ where: { shop: SHOP, date: { lt: "2026-04-01" } }, orderBy: { date: "asc" } });
    expect(placeholders.map((row) => [row.date, row.basis, row.staleAt?.toISOString()])).toEqual([
      ["2026-03-01", "", NOW.toISOString()],
      ["2026-03-02", "", NOW.toISOString()],
      ["2026-03-03", "", NOW.toISOString()],
    ]);
    expect((await refreshDashboardDays(prisma, SHOP, { now: NOW, from: "2026-03-01" })).computed).toBe(dayCount("2026-03-01", addLocalDays(localDateTime(ZONE, NOW).date, -KEPT_DAYS)));
    expect(await prisma.dashboardDay.count({ where: { shop: OTHER } })).toBe(0);
  });

  it("are forgotten after a backfill and queued for keeping again", async () => {
    await refreshDashboardDays(prisma, SHOP, { now: NOW });
    const queued: [string, string, unknown][] = [];
    const queue = { enqueue: async (name: string, shop: string, payload: unknown) => (queued.push([name, shop, payload]), "job") } as unknown as JobQueue;
    await watchJobHandlers(queue)[WATCH_SHOP_JOB]?.({}, { shop: SHOP, jobId: "j1", attempt: 1 });
    expect(await prisma.dashboardDay.count({ where: { shop: SHOP } })).toBe(0);
    expect(queued.filter(([name]) => name === DASHBOARD_DAYS_JOB)).toEqual([[DASHBOARD_DAYS_JOB, SHOP, {}]]);
  });

  it("are marked by a message whose status changes long after it was written, not by one sent at once", async () => {
    await refreshDashboardDays(prisma, SHOP, { now: NOW });
    const transport = { send: async () => ({ messageId: "m" }), verify: async () => undefined, close: () => undefined };
    const message = (id: string, createdAt: Date) =>
      prisma.outboxMessage.create({ data: { id, shop: SHOP, type: "dispatch_note", dedupeKey: id, audience: "shopper", locale: "en", toAddress: "a@example.com", subject: "s", html: "h", text: "t", status: "queued", createdAt, sendAfter: createdAt } });
    const stale = () => prisma.dashboardDay.count({ where: { shop: SHOP, staleAt: { not: null } } });
    await message("fresh", new Date(NOW.getTime() - 10 * 60_000));
    await deliverOutboxMessage(prisma, SHOP, "fresh", NOW, { transportFor: async () => transport });
    expect(await stale()).toBe(0);
    const written = new Date(NOW.getTime() - 3 * DAY_MS);
    await message("late", written);
    expect(await deliverOutboxMessage(prisma, SHOP, "late", NOW, { transportFor: async () => transport })).toMatchObject({ status: "sent" });
    const day = localDateTime(ZONE, written).date;
    expect((await prisma.dashboardDay.findUniqueOrThrow({ where: { shop_date: { shop: SHOP, date: day } } })).staleAt?.getTime()).toBe(NOW.getTime());
  });

  it("keep today out: an order placed now counts at once", async () => {
    await refreshDashboardDays(prisma, SHOP, { now: NOW });
    const before = figure(await load({ period: "7" }), "orders").value ?? 0;
    await createOrder(prisma, SHOP, 950, { placedAt: new Date(NOW.getTime() - 60_000) });
    expect(figure(await load({ period: "7" }), "orders").value).toBe(before + 1);
    const { rules } = await getWatchSettings(prisma, SHOP);
    const period = parsePeriod(new URLSearchParams({ period: "7" }), NOW, ZONE);
    const { untrustedPastDays } = await periodParts(prisma, SHOP, [period.current], rules, NOW);
    expect(untrustedPastDays).toBe(0);
  });
});

function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}
