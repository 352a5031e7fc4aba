// npm run bench:sweep — the order watch's sweep on PostgreSQL with 1,000,000 open orders
// across 200 shops: how long a sweep takes when 0.1 % and when 5 % of the orders just fell
// due, and how long a full re-evaluation of every order takes. Writes
// bench/results/sweep-<date>.{json,md}. Run with vite-node (the app's `~/` imports).
//   npm run bench:sweep -- --orders 1000000 --shops 200
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { TEST_ENV } from "../tests/support/test-env";
import { benchDatabaseUrl, dropBenchDatabase, freshBenchDatabase, ROOT, withClient } from "./bench-postgres";

const DATABASE = "aftercare_bench_sweep";
const NOW = new Date("2026-11-25T10:00:00Z"); // a Wednesday

const { values } = parseArgs({
  options: { orders: { type: "string", default: "1000000" }, shops: { type: "string", default: "200" }, "skip-full": { type: "boolean", default: false } },
});
const ORDERS = Number(values.orders);
const SHOPS = Number(values.shops);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: Math.round(performance.now() - start), result };
}

async function main() {
  Object.assign(process.env, TEST_ENV, { NODE_ENV: "production", DATABASE_URL: benchDatabaseUrl(DATABASE), LOG_LEVEL: "error" });
  console.log(`› fresh database ${DATABASE}`);
  await freshBenchDatabase(DATABASE);

  console.log(`› seeding ${ORDERS.toLocaleString("en")} open orders across ${SHOPS} shops`);
  const seed = await timed(() =>
    withClient(async (client) => {
      await client.query(
        `INSERT INTO "ShopSettings" ("shop", "timezone", "countryCode", "updatedAt")
         SELECT 'bench-' || s || '.myshopify.com', (ARRAY['Europe/Paris','Europe/Warsaw','America/New_York','Europe/Athens','Europe/Kyiv'])[1 + s % 5], (ARRAY['FR','PL','US','GR','UA'])[1 + s % 5], now()
           FROM generate_series(1, $1) AS s`,
        [SHOPS],
      );
      // Placed over the last 10 days; a fifth cash on delivery; half of the older ones dispatched.
      await client.query(
        `INSERT INTO "OrderCare" ("shop", "orderId", "orderGid", "name", "number", "customerId", "placedAt", "paidAt", "financialStatus", "fulfillmentStatus",
                                  "paymentGateways", "cashOnDelivery", "shippingCountry", "totalPrice", "currency", "tags", "shopifyUpdatedAt", "lastSource", "updatedAt",
                                  "watchDueAt")
         SELECT 'bench-' || (1 + i % $2) || '.myshopify.com', i::text, 'gid://shopify/Order/' || i, '#' || i, i, (i % 50000)::text,
                $3::timestamp - (i % 864000) * interval '1 second',
                CASE WHEN i % 5 = 0 THEN NULL ELSE $3::timestamp - (i % 864000) * interval '1 second' END,
                CASE WHEN i % 5 = 0 THEN 'pending' ELSE 'paid' END,
                CASE WHEN i % 2 = 0 AND i % 864000 > 172800 THEN 'fulfilled' ELSE NULL END,
                CASE WHEN i % 5 = 0 THEN 'Cash on Delivery (COD)' ELSE 'shopify_payments' END, i % 5 = 0,
                (ARRAY['FR','DE','PL','US','GR'])[1 + i % 5], '49.90', 'EUR', '', $3::timestamp, 'backfill', now(),
                $3::timestamp + interval '1 day'
           FROM generate_series(1, $1) AS i`,
        [ORDERS, SHOPS, NOW.toISOString()],
      );
      await client.query(
        `INSERT INTO "OrderFulfillment" ("shop", "fulfillmentId", "orderId", "status", "shipmentStatus", "trackingNumber", "createdAt", "shopifyUpdatedAt", "inTransitAt")
         SELECT o."shop", 'f' || o."orderId", o."orderId", 'success', 'in_transit', 'TRK' || o."orderId", o."placedAt" + interval '20 hours', o."placedAt" + interval '30 hours', o."placedAt" + interval '30 hours'
           FROM "OrderCare" o WHERE o."fulfillmentStatus" = 'fulfilled'`,
      );
      await client.query(`ANALYZE`);
    }, benchDatabaseUrl(DATABASE)),
  );
  console.log(`  seeded in ${(seed.ms / 1000).toFixed(1)} s`);

  const { createDb } = await import("../app/db.server");
  const { sweepDueOrders } = await import("../app/watch/order-watch.server");
  const db = createDb(benchDatabaseUrl(DATABASE));

  /** Makes `share` of the orders due a minute ago (spread across shops), then sweeps. */
  const sweepWith = async (share: number, label: string) => {
    const every = Math.round(1 / share);
    await withClient((client) => client.query(`UPDATE "OrderCare" SET "watchDueAt" = $1::timestamp - interval '1 minute' WHERE ("orderId"::bigint) % $2 = 0`, [NOW.toISOString(), every]), benchDatabaseUrl(DATABASE));
    await withClient((client) => client.query(`ANALYZE "OrderCare"`), benchDatabaseUrl(DATABASE));
    const due = Math.floor(ORDERS / every);
    const run = await timed(() => sweepDueOrders(db, NOW, { limit: ORDERS }));
    const flags = run.result.changes.reduce((sum, change) => sum + change.raised.length, 0);
    console.log(`  ${label}: ${run.result.evaluated.toLocaleString("en")} orders evaluated in ${run.ms} ms (${Math.round(run.result.evaluated / (run.ms / 1000)).toLocaleString("en")}/s), ${flags.toLocaleString("en")} flags raised`);
    return { label, share, due, evaluated: run.result.evaluated, ms: run.ms, ordersPerSecond: Math.round(run.result.evaluated / (run.ms / 1000)), flagsRaised: flags };
  };

  // An idle sweep first: nothing due, so only the index is read.
  const idle = await timed(() => sweepDueOrders(db, NOW));
  console.log(`  nothing due: ${idle.ms} ms`);
  const runs = [await sweepWith(0.001, "0.1 % due"), await sweepWith(0.05, "5 % due")];
  if (!values["skip-full"]) runs.push(await sweepWith(1, "full re-evaluation"));
  await db.$disconnect();

  const date = NOW.toISOString().slice(0, 10);
  const today = new Date().toISOString().slice(0, 10);
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "?", memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  const result = { date: today, simulatedNow: date, orders: ORDERS, shops: SHOPS, seedMs: seed.ms, idleSweepMs: idle.ms, runs, machine };
  mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
  writeFileSync(path.join(ROOT, `bench/results/sweep-${today}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const rows = runs.map((run) => `| ${run.label} | ${run.evaluated.toLocaleString("en")} | ${(run.ms / 1000).toFixed(2)} s | ${run.ordersPerSecond.toLocaleString("en")} | ${run.flagsRaised.toLocaleString("en")} |`);
  writeFileSync(
    path.join(ROOT, `bench/results/sweep-${today}.md`),
    [
      `# Order watch sweep — ${today}`,
      "",
      `PostgreSQL, ${ORDERS.toLocaleString("en")} open orders across ${SHOPS} shops (half of the older ones dispatched with a parcel in transit), \`npm run bench:sweep\`.`,
      `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; the database on the same machine.`,
      "",
      `A sweep with nothing due: ${idle.ms} ms.`,
      "",
      "| Sweep | Orders evaluated | Time | Orders/s | Flags raised |",
      "|---|---:|---:|---:|---:|",
      ...rows,
      "",
    ].join("\n"),
  );
  console.log(`› bench/results/sweep-${today}.{json,md}`);
  await dropBenchDatabase(DATABASE);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
