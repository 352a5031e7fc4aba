// npm run bench:dashboard — the Dashboard's loader (loadDashboard, what the route calls) on
// PostgreSQL for one shop with 100,000 orders over a year, with their parcels, flags, returns,
// check-ins, messages, gifts and discount codes: p50/p95/p99 of 200 loads of the 90-day and of
// the 30-day dashboard with the shop's days kept (DashboardDay, after the refresh job ran:
// today is still computed from the orders), the refresh itself, and a few loads before any day
// is kept (a shop's first visit). Writes bench/results/dashboard-<date>.{json,md}. Run with
// vite-node (the app's `~/` imports). Its seed is also used by bench-dashboard-lcp.ts.
//   npm run bench:dashboard -- --orders 100000 --runs 200
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { TEST_ENV } from "../tests/support/test-env";
import { benchDatabaseUrl, dropBenchDatabase, freshBenchDatabase, ROOT, withClient } from "./bench-postgres";
import { dashboardRows, seedDashboardShop } from "./bench-dashboard-seed";

const DATABASE = "aftercare_bench_dashboard";
const SHOP = "bench-dashboard.myshopify.com";
const NOW = new Date("2026-11-25T10:00:00Z"); // a Wednesday

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 10) / 10;
}

async function main() {
  const { values } = parseArgs({ options: { orders: { type: "string", default: "100000" }, runs: { type: "string", default: "200" } } });
  const ORDERS = Number(values.orders);
  const RUNS = Number(values.runs);
  Object.assign(process.env, TEST_ENV, { NODE_ENV: "production", DATABASE_URL: benchDatabaseUrl(DATABASE), LOG_LEVEL: "error" });
  console.log(`› fresh database ${DATABASE}`);
  await freshBenchDatabase(DATABASE);

  console.log(`› seeding ${ORDERS.toLocaleString("en")} orders for one shop`);
  const seedStart = performance.now();
  const counts = await withClient(async (client) => {
    await seedDashboardShop(client, { shop: SHOP, now: NOW, orders: ORDERS });
    await client.query(`ANALYZE`);
    return dashboardRows(client, SHOP);
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
