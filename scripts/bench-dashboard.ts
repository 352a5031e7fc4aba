// npm run bench:dashboard — the Dashboard's loader (loadDashboard, what the route calls) on
// PostgreSQL for one shop with 100,000 orders over a year, with their parcels, flags, returns,
// check-ins, messages, gifts and discount codes: p50/p95/p99 of 200 loads of the 90-day and of
// the 30-day dashboard with the shop's days kept (DashboardDay, after the refresh job ran:
// today is still computed from the orders), the refresh itself, and a few loads before any day
// is kept (a shop's first visit). Writes bench/results/dashboard-<date>.{json,md}. Run with
// vite-node (the app's `~/` imports).
//   npm run bench:dashboard -- --orders 100000 --runs 200
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { TEST_ENV } from "../tests/support/test-env";
import { benchDatabaseUrl, dropBenchDatabase, freshBenchDatabase, ROOT, withClient } from "./bench-postgres";

const DATABASE = "aftercare_bench_dashboard";
const SHOP = "bench-dashboard.myshopify.com";
const NOW = new Date("2026-11-25T10:00:00Z"); // a Wednesday

const { values } = parseArgs({ options: { orders: { type: "string", default: "100000" }, runs: { type: "string", default: "200" } } });
const ORDERS = Number(values.orders);
const RUNS = Number(values.runs);

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 10) / 10;
}

/** Orders placed over the year before NOW, newest first: order i at NOW - i × (year / ORDERS). */
const SEED = [
  `INSERT INTO "ShopSettings" ("shop", "timezone", "countryCode", "currency", "updatedAt") VALUES ($1, 'Europe/Paris', 'FR', 'EUR', now())`,
  // 2 % cancelled, a fifth cash on delivery (confirmed 20–140 min later, most of them), 40,000 customers.
  `INSERT INTO "OrderCare" ("shop", "orderId", "orderGid", "name", "number", "customerId", "placedAt", "paidAt", "cancelledAt", "financialStatus", "fulfillmentStatus",
                            "paymentGateways", "cashOnDelivery", "shippingCountry", "totalPrice", "currency", "shopifyUpdatedAt", "lastSource", "updatedAt", "confirmedAt")
   SELECT $1, i::text, 'gid://shopify/Order/' || i, '#' || i, i, (i % 40000)::text, t.placed,
          CASE WHEN i % 5 = 0 THEN NULL ELSE t.placed END,
          CASE WHEN i % 50 = 0 THEN t.placed + interval '2 hours' END,
          CASE WHEN i % 5 = 0 THEN 'pending' WHEN i % 17 = 0 THEN 'partially_refunded' ELSE 'paid' END,
          CASE WHEN i % 50 = 0 OR t.placed > $2::timestamp - interval '1 day' THEN NULL WHEN i % 20 = 1 THEN 'partial' ELSE 'fulfilled' END,
          CASE WHEN i % 5 = 0 THEN 'Cash on Delivery (COD)' ELSE 'shopify_payments' END, i % 5 = 0,
          (ARRAY['FR','FR','FR','DE','BE','IT','US','GB','ES','CH'])[1 + i % 10], '49.90', 'EUR', t.placed, 'backfill', now(),
          CASE WHEN i % 5 = 0 AND i % 25 <> 0 THEN t.placed + (20 + i % 120) * interval '1 minute' END
     FROM generate_series(1, $3) AS i, LATERAL (SELECT $2::timestamp - (i::float8 * 31536000 / $3) * interval '1 second' AS placed) t`,
  // The first parcel 1–72 h after the order; a twentieth of the orders have a second one later. Delivered 1–6 days after, when old enough.
  `INSERT INTO "OrderFulfillment" ("shop", "fulfillmentId", "orderId", "status", "shipmentStatus", "trackingNumber", "createdAt", "shopifyUpdatedAt", "deliveredAt")
   SELECT o."shop", 'f' || o."orderId", o."orderId", 'success', CASE WHEN d.at IS NULL THEN 'in_transit' ELSE 'delivered' END, 'TRK' || o."orderId", s.at, s.at, d.at
     FROM "OrderCare" o,
          LATERAL (SELECT o."placedAt" + (1 + (o."number" * 7919) % 72) * interval '1 hour' AS at) s,
          LATERAL (SELECT CASE WHEN s.at + interval '7 days' < $2::timestamp THEN s.at + (1 + o."number" % 6) * interval '1 day' + (o."number" % 600) * interval '1 minute' END AS at) d
    WHERE o."shop" = $1 AND o."fulfillmentStatus" IS NOT NULL`,
  `INSERT INTO "OrderFulfillment" ("shop", "fulfillmentId", "orderId", "status", "trackingNumber", "createdAt", "shopifyUpdatedAt")
   SELECT o."shop", 'g' || o."orderId", o."orderId", 'success', 'TRK2' || o."orderId", o."placedAt" + interval '4 days', o."placedAt" + interval '4 days'
     FROM "OrderCare" o WHERE o."shop" = $1 AND o."fulfillmentStatus" = 'partial'`,
  // Open flags on recent undispatched orders; unconfirmed flags (open and cleared) on cash-on-delivery orders.
  `INSERT INTO "OrderFlag" ("shop", "orderId", "kind", "status", "reason", "reasonCode", "since", "dueAt", "raisedAt", "updatedAt")
   SELECT o."shop", o."orderId", 'late_dispatch', 'open', 'Not dispatched', 'late_dispatch', o."placedAt", o."placedAt", o."placedAt", now()
     FROM "OrderCare" o WHERE o."shop" = $1 AND o."fulfillmentStatus" IS NULL AND o."cancelledAt" IS NULL
   UNION ALL
   SELECT o."shop", o."orderId", 'unconfirmed', CASE WHEN o."confirmedAt" IS NULL THEN 'open' ELSE 'cleared' END, 'Not confirmed', 'unconfirmed', o."placedAt", o."placedAt", o."placedAt", now()
     FROM "OrderCare" o WHERE o."shop" = $1 AND o."cashOnDelivery" AND (o."confirmedAt" IS NULL OR o."number" % 10 = 0)`,
  // Returns for 6 % of the orders, 10 days after.
  `INSERT INTO "ReturnCase" ("id", "shop", "orderId", "returnNumber", "status", "reason", "lines", "decision", "labelPaidBy", "source", "requestedAt", "updatedAt")
   SELECT 'rc' || o."orderId", o."shop", o."orderId", 'R' || o."orderId", (ARRAY['requested','approved','refunded','cancelled'])[1 + o."number" % 4],
          (ARRAY['wrong_item','damaged_in_transit','defective','not_as_described','size_or_fit','changed_mind','other'])[1 + o."number" % 7],
          '[]', '{}', 'shop', 'shopper', o."placedAt" + interval '10 days', now()
     FROM "OrderCare" o WHERE o."shop" = $1 AND o."number" % 17 = 3 AND o."placedAt" + interval '10 days' < $2::timestamp`,
  // A check-in for each delivered parcel (a tenth of them a problem), with the other timeline events an order has.
  `INSERT INTO "TimelineEvent" ("id", "shop", "orderId", "kind", "occurredAt", "source", "detail", "dedupeKey")
   SELECT 'te' || f."orderId" || k.kind, f."shop", f."orderId", k.kind, f."deliveredAt" + interval '1 day', 'shopper',
          CASE WHEN k.kind = 'checked_in' THEN CASE WHEN f."orderId"::bigint % 10 = 0 THEN '{"answer":"problem"}' ELSE '{"answer":"arrived_well"}' END END, k.kind
     FROM "OrderFulfillment" f, (VALUES ('checked_in'), ('delivered'), ('dispatched'), ('placed')) AS k(kind)
    WHERE f."shop" = $1 AND f."deliveredAt" IS NOT NULL`,
  // Two shopper messages per delivered order, and a staff digest a day.
  `INSERT INTO "OutboxMessage" ("id", "shop", "orderId", "type", "dedupeKey", "audience", "locale", "toAddress", "subject", "html", "text", "status", "createdAt", "updatedAt")
   SELECT 'om' || f."orderId" || m.type, f."shop", f."orderId", m.type, f."orderId" || m.type, 'shopper', 'fr', 'shopper@example.com', 'Subject', '<p>Body</p>', 'Body',
          (ARRAY['sent','sent','sent','sent','sent','sent','sent','held','failed','suppressed'])[1 + f."orderId"::bigint % 10], f."deliveredAt" + m.delay, now()
     FROM "OrderFulfillment" f, (VALUES ('delivery_check_in', interval '1 day'), ('review_request', interval '7 days')) AS m(type, delay)
    WHERE f."shop" = $1 AND f."deliveredAt" IS NOT NULL`,
  // Gifts with a tenth of the orders; discount codes for a twentieth, half of them used.
  `INSERT INTO "GiftGrant" ("id", "shop", "orderId", "ruleId", "kind", "status", "cost", "month", "createdAt")
   SELECT 'gg' || o."orderId", o."shop", o."orderId", 'rule', 'packer_instruction', 'done', (ARRAY['0','2.50','4.90'])[1 + o."number" % 3], to_char(o."placedAt", 'YYYY-MM'), o."placedAt"
     FROM "OrderCare" o WHERE o."shop" = $1 AND o."number" % 10 = 7`,
  `INSERT INTO "IssuedDiscountCode" ("id", "shop", "code", "source", "customerId", "orderId", "percent", "expiresAt", "issuedAt", "redeemedAt")
   SELECT 'dc' || o."orderId", o."shop", 'THANKS-' || o."orderId", 'review', o."customerId", o."orderId", 10, o."placedAt" + interval '90 days', o."placedAt" + interval '8 days',
          CASE WHEN o."number" % 2 = 0 AND o."placedAt" + interval '20 days' < $2::timestamp THEN o."placedAt" + interval '20 days' END
     FROM "OrderCare" o WHERE o."shop" = $1 AND o."number" % 20 = 9`,
];

async function main() {
  Object.assign(process.env, TEST_ENV, { NODE_ENV: "production", DATABASE_URL: benchDatabaseUrl(DATABASE), LOG_LEVEL: "error" });
  console.log(`› fresh database ${DATABASE}`);
  await freshBenchDatabase(DATABASE);

  console.log(`› seeding ${ORDERS.toLocaleString("en")} orders for one shop`);
  const seedStart = performance.now();
  const counts = await withClient(async (client) => {
    for (const statement of SEED) {
      const parameters = [SHOP, NOW.toISOString(), ORDERS].slice(0, Math.max(...[...statement.matchAll(/\$(\d)/g)].map((match) => Number(match[1]))));
      await client.query(statement, parameters);
    }
    await client.query(`ANALYZE`);
    const tables = ["OrderCare", "OrderFulfillment", "OrderFlag", "ReturnCase", "TimelineEvent", "OutboxMessage", "GiftGrant", "IssuedDiscountCode"];
    const rows: Record<string, number> = {};
    for (const table of tables) rows[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]?.n ?? 0);
    return rows;
  }, benchDatabaseUrl(DATABASE));
  const seedMs = Math.round(performance.now() - seedStart);
  console.log(`  seeded in ${(seedMs / 1000).toFixed(1)} s: ${Object.entries(counts).map(([table, n]) => `${table} ${n.toLocaleString("en")}`).join(", ")}`);

  const { createDb } = await import("../app/db.server");
  const { loadDashboard } = await import("../app/dashboard/dashboard.server");
  const { refreshDashboardDays } = await import("../app/dashboard/dashboard-days.server");
  const db = createDb(benchDatabaseUrl(DATABASE));

  const seen = new Map<string, string>();
  const measure = async (period: string, runs: number, kept: boolean) => {
    const params = new URLSearchParams({ period });
    let untrusted = 0;
    const first = await loadDashboard(db, SHOP, params, { now: NOW, onUntrustedDays: (days) => (untrusted = days) }); // warm-up (connections, plans)
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      await loadDashboard(db, SHOP, params, { now: NOW });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    // The kept days must give the figures the orders give: checked against the first visit's.
    const figures = JSON.stringify([first.groups, first.charts]);
    const before = seen.get(period);
    if (before !== undefined && before !== figures) throw new Error(`The ${period}-day figures from kept days differ from the figures computed from the orders.`);
    seen.set(period, figures);
    const orders = first.groups.flatMap((group) => group.figures).find((figure) => figure.id === "orders")?.value ?? 0;
    const result = { period: `${period} days`, kept, untrustedPastDays: untrusted, runs, ordersInPeriod: orders, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), max: Math.round((times[times.length - 1] ?? 0) * 10) / 10 };
    console.log(`  ${result.period}, ${kept ? "days kept" : "no day kept"} (${orders.toLocaleString("en")} orders in the period, and as many before; ${untrusted} past days computed on the spot): p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms`);
    return result;
  };
  console.log("› before any day is kept (a shop's first visit)");
  const cold = [await measure("90", 10, false), await measure("30", 10, false), await measure("7", 10, false)];
  console.log("› the refresh job keeps the days");
  const refreshStart = performance.now();
  const { computed } = await refreshDashboardDays(db, SHOP, { now: NOW });
  const refreshMs = Math.round(performance.now() - refreshStart);
  console.log(`  ${computed} days computed and kept in ${(refreshMs / 1000).toFixed(1)} s`);
  const results = [await measure("90", RUNS, true), await measure("30", RUNS, true), await measure("7", RUNS, true)];
  const allResults = [...results, ...cold];
  await db.$disconnect();

  const today = new Date().toISOString().slice(0, 10);
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "?", memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  const output = { date: today, simulatedNow: NOW.toISOString(), orders: ORDERS, rows: counts, seedMs, refresh: { days: computed, ms: refreshMs }, results: allResults, machine };
  mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
  writeFileSync(path.join(ROOT, `bench/results/dashboard-${today}.json`), `${JSON.stringify(output, null, 2)}\n`);
  writeFileSync(
    path.join(ROOT, `bench/results/dashboard-${today}.md`),
    [
      `# Dashboard loader — ${today}`,
      "",
      `PostgreSQL, one shop with ${ORDERS.toLocaleString("en")} orders over a year, \`npm run bench:dashboard\`: \`loadDashboard\` (the route's loader without authentication), loads one at a time after one warm-up. Simulated now: ${NOW.toISOString()}.`,
      `Rows: ${Object.entries(counts).map(([table, n]) => `${table} ${n.toLocaleString("en")}`).join(", ")}.`,
      `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; the database on the same machine (shared with other work).`,
      "",
      `With the shop's days kept (the refresh job computed ${computed} days in ${(refreshMs / 1000).toFixed(1)} s): each load reads the period's and the previous period's kept days and computes today from the orders.`,
      "",
      "| Period | Days kept | Orders in the period | Runs | p50 | p95 | p99 | max |",
      "|---|---|---:|---:|---:|---:|---:|---:|",
      ...allResults.map((row) => `| ${row.period} | ${row.kept ? "yes" : "none (first visit)"} | ${row.ordersInPeriod.toLocaleString("en")} | ${row.runs} | ${row.p50} ms | ${row.p95} ms | ${row.p99} ms | ${row.max} ms |`),
      "",
    ].join("\n"),
  );
  console.log(`› bench/results/dashboard-${today}.{json,md}`);
  if (process.env.BENCH_KEEP !== "1") await dropBenchDatabase(DATABASE);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
