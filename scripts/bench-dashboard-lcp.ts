// npm run bench:lcp — the Dashboard's Largest Contentful Paint in headless Chromium, against the
// production build served by the demo stack (Admin API stand-in, a fresh database filled by the
// demo shop's first sync, remix-serve). For each of the 30- and 90-day dashboards: cold loads (a
// new browser profile each time, empty cache) and warm loads (one profile whose cache holds the
// assets), each in a fresh page, with the LCP element, TTFB and FCP.
// SQLite by default, with the demo's orders: writes bench/results/dashboard-lcp-<date>.{json,md}.
// --database postgres: a fresh PostgreSQL database where, after the first sync, the seed of
// bench-dashboard.ts adds --orders synthetic orders (100,000 by default) over the past year; cold
// first visits (no day kept) are measured, then the shop's days are kept as the app's refresh job
// keeps them, then the loads above. Writes bench/results/dashboard-lcp-postgres-<date>.{json,md}
// and drops the database (BENCH_KEEP=1 keeps it). Run with vite-node.
//   npm run bench:lcp -- --runs 20          (builds the app first)
//   npm run bench:lcp -- --skip-build       (measures the build/ already there)
//   npm run bench:lcp -- --database postgres --orders 100000 --runs 20
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { BrowserContext } from "playwright-core";
import type { Db } from "../app/db.server";
import { CHROMIUM, chromiumAvailable, launchBrowser } from "../tests/e2e/browser";
import { dashboardRows, seedDashboardShop } from "./bench-dashboard-seed";
import { dropBenchDatabase, freshBenchDatabase, withClient } from "./bench-postgres";
import { ROOT, startDemoStack, type DemoStack } from "./demo-stack";

const WORK_DIR = path.join(ROOT, "tmp/bench-lcp");
const DATABASE_FILE = path.join(WORK_DIR, "demo.sqlite");
const POSTGRES_DATABASE = "aftercare_bench_lcp";
// Added to the synthetic orders' ids (and their customers'): the demo's real ids are far below (checked).
const SYNTHETIC_ID_OFFSET = 9_000_000_000_000;
const PERIODS = ["30", "90"] as const;
const BUDGET_MS = 1000;
// After the load event and network idle (the charts' chunk is fetched after hydration): time
// for a late paint to be reported before the candidates are read.
const SETTLE_MS = 500;

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "20" },
    "skip-build": { type: "boolean", default: false },
    database: { type: "string", default: "sqlite" },
    orders: { type: "string", default: "100000" },
  },
});
const RUNS = Number(values.runs);
const POSTGRES = values.database === "postgres";
const ORDERS = Number(values.orders);

type Candidate = { startTime: number; size: number; tag: string; classes: string; text: string; url: string; top: number | null };
type Resource = { name: string; type: string; transferSize: number; decodedBodySize: number; responseEnd: number };
type Load = { lcp: number; ttfb: number; fcp: number | null; domContentLoaded: number; loadEvent: number; element: string; elementTop: number | null; candidates: Candidate[]; resources: Resource[]; ordersShown: string | null };
type Case = { name: string; cache: "cold" | "warm"; period: string; loads: Load[] };
/** What the PostgreSQL run adds to the demo's orders, and how the shop's days were kept. */
type LargeShop = { syntheticOrders: number; rows: Record<string, number>; seededAt: string; seedMs: number; refresh: { days: number; ms: number } };

/** Runs in the page before any of its scripts: keeps every LCP candidate with its element described then (it may be gone later). */
function observeLargestContentfulPaint(): void {
  const candidates: Candidate[] = [];
  Object.assign(window, { __lcpCandidates: candidates });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as LargestContentfulPaint[]) {
      const element = entry.element;
      const rect = element ? element.getBoundingClientRect() : null;
      candidates.push({
        startTime: entry.startTime,
        size: entry.size,
        tag: element ? element.tagName.toLowerCase() : "(removed)",
        classes: element ? Array.from(element.classList).slice(0, 3).join(" ") : "",
        text: element ? (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 80) : "",
        url: entry.url,
        top: rect ? Math.round(rect.top + window.scrollY) : null,
      });
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
}

/** Runs in the page once it has settled. */
function readTimings() {
  const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const orders = document.querySelector('[data-figure="orders"] .Polaris-Text--headingLg');
  return {
    candidates: (window as unknown as { __lcpCandidates?: Candidate[] }).__lcpCandidates ?? [],
    ttfb: navigation.responseStart,
    fcp: paint ? paint.startTime : null,
    domContentLoaded: navigation.domContentLoadedEventEnd,
    loadEvent: navigation.loadEventEnd,
    ordersShown: orders ? orders.textContent : null,
    resources: (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).map((entry) => ({
      name: new URL(entry.name).pathname,
      type: entry.initiatorType,
      transferSize: entry.transferSize,
      decodedBodySize: entry.decodedBodySize,
      responseEnd: Math.round(entry.responseEnd),
    })),
  };
}

function describe(candidate: Candidate | undefined): string {
  if (!candidate) return "(none)";
  const classes = candidate.classes ? `.${candidate.classes.split(" ").join(".")}` : "";
  const content = candidate.url ? candidate.url : `“${candidate.text}”`;
  return `<${candidate.tag}${classes}> ${content}`;
}

/** One load of `url` in a fresh page of `context`: the last LCP candidate is the page's LCP. */
async function measureLoad(context: BrowserContext, url: string): Promise<Load> {
  const page = await context.newPage();
  try {
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.addInitScript(observeLargestContentfulPaint);
    const response = await page.goto(url, { waitUntil: "load", timeout: 30_000 });
    if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status() ?? "nothing"}`);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(SETTLE_MS);
    if (problems.length > 0) throw new Error(`page errors on ${url}: ${problems.join("; ")}`);
    const timings = await page.evaluate(readTimings);
    const lcp = timings.candidates.at(-1);
    if (!lcp) throw new Error(`no largest-contentful-paint entry on ${url}`);
    return {
      lcp: lcp.startTime,
      ttfb: timings.ttfb,
      fcp: timings.fcp,
      domContentLoaded: timings.domContentLoaded,
      loadEvent: timings.loadEvent,
      element: describe(lcp),
      elementTop: lcp.top,
      candidates: timings.candidates,
      resources: timings.resources,
      ordersShown: timings.ordersShown,
    };
  } finally {
    await page.close();
  }
}

/**
 * A browser with a profile of its own under tmp/ (launchBrowser makes it under the OS temporary
 * folder, read from TMPDIR at call time), removed when `work` is done.
 */
async function withFreshBrowser<T>(work: (context: BrowserContext) => Promise<T>): Promise<T> {
  const profiles = path.join(WORK_DIR, "profiles");
  mkdirSync(profiles, { recursive: true });
  const folder = mkdtempSync(path.join(profiles, "run-"));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  let context: BrowserContext;
  try {
    context = await launchBrowser();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
  try {
    return await work(context);
  } finally {
    await context.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * A client of the stack's database made as the app makes its own (createDb): app/db.server.ts
 * reads the app's configuration when imported, so this process takes the stack's first.
 */
async function openAppDatabase(stack: DemoStack, databaseUrl: string): Promise<Db> {
  Object.assign(process.env, { SHOPIFY_API_KEY: stack.apiKey, SHOPIFY_API_SECRET: stack.apiSecret, SHOPIFY_APP_URL: stack.appUrl, DATABASE_URL: databaseUrl });
  const { createDb } = await import("../app/db.server");
  return createDb(databaseUrl);
}

/** The demo shop's first sync runs in the background after start: measure once it is done and its follow-up work is quiet. */
async function waitForFirstSync(db: Db, shop: string, timeoutMs = 120_000): Promise<{ orders: number; flags: number }> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const [sync, orders, flags, events] = await Promise.all([
      db.orderSync.findUnique({ where: { shop }, select: { backfillStatus: true, lastError: true } }),
      db.orderCare.count({ where: { shop } }),
      db.orderFlag.count({ where: { shop } }),
      db.timelineEvent.count({ where: { shop } }),
    ]);
    if (sync?.backfillStatus === "failed") throw new Error(`the demo shop's first sync failed: ${sync.lastError ?? "no error recorded"}`);
    const now = `${sync?.backfillStatus}/${orders}/${flags}/${events}`;
    if (now !== last) {
      last = now;
      quietSince = Date.now();
    } else if (sync?.backfillStatus === "completed" && Date.now() - quietSince >= 3_000) {
      return { orders, flags };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the demo shop's first sync did not settle within ${timeoutMs / 1000}s (last seen: ${last})`);
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)] ?? 0);
}

function spread(numbers: number[]) {
  const sorted = [...numbers].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: Math.round(sorted.at(-1) ?? 0) };
}

/** How often each element was the LCP, most frequent first. */
function elements(loads: Load[]): { element: string; loads: number }[] {
  const counts = new Map<string, number>();
  for (const load of loads) counts.set(load.element, (counts.get(load.element) ?? 0) + 1);
  return [...counts].map(([element, n]) => ({ element, loads: n })).sort((a, b) => b.loads - a.loads);
}

function summarize(entry: Case) {
  return {
    case: entry.name,
    runs: entry.loads.length,
    lcp: spread(entry.loads.map((load) => load.lcp)),
    ttfb: spread(entry.loads.map((load) => load.ttfb)),
    // What the browser took after the first byte: parsing, the stylesheets, layout and paint.
    afterTtfb: spread(entry.loads.map((load) => load.lcp - load.ttfb)),
    fcp: spread(entry.loads.map((load) => load.fcp ?? 0)),
    overBudget: entry.loads.filter((load) => load.lcp > BUDGET_MS).length,
    ordersShown: entry.loads[0]?.ordersShown ?? null,
    elements: elements(entry.loads),
  };
}

/** What a cold load fetched, by kind: the page's weight as the browser saw it. */
function weight(load: Load) {
  const kinds = new Map<string, { files: number; transferKiB: number; decodedKiB: number }>();
  for (const resource of load.resources) {
    const kind = resource.name.endsWith(".css") ? "css" : resource.name.endsWith(".js") ? "js" : resource.type;
    const total = kinds.get(kind) ?? { files: 0, transferKiB: 0, decodedKiB: 0 };
    kinds.set(kind, { files: total.files + 1, transferKiB: total.transferKiB + resource.transferSize / 1024, decodedKiB: total.decodedKiB + resource.decodedBodySize / 1024 });
  }
  const round = (kib: number) => Math.round(kib * 10) / 10;
  return {
    byKind: Object.fromEntries([...kinds].map(([kind, total]) => [kind, { ...total, transferKiB: round(total.transferKiB), decodedKiB: round(total.decodedKiB) }])),
    stylesheets: load.resources.filter((resource) => resource.name.endsWith(".css")).map((resource) => ({ ...resource, transferKiB: round(resource.transferSize / 1024), decodedKiB: round(resource.decodedBodySize / 1024) })),
  };
}

/**
 * The PostgreSQL run's orders: bench-dashboard.ts's seed for the demo shop, placed over the year
 * before now, their ids above the demo's own; then ANALYZE, as after any bulk load.
 */
async function addSyntheticOrders(databaseUrl: string, shop: string): Promise<Omit<LargeShop, "refresh">> {
  return withClient(async (client) => {
    const { rows } = await client.query<{ max: string | null }>(`SELECT max("orderId"::bigint)::text AS max FROM "OrderCare" WHERE "shop" = $1`, [shop]);
    if (Number(rows[0]?.max ?? 0) >= SYNTHETIC_ID_OFFSET) throw new Error(`the demo's order ids reach ${rows[0]?.max}: raise SYNTHETIC_ID_OFFSET`);
    const seededAt = new Date();
    const start = performance.now();
    await seedDashboardShop(client, { shop, now: seededAt, orders: ORDERS, idOffset: SYNTHETIC_ID_OFFSET });
    await client.query("ANALYZE");
    return { syntheticOrders: ORDERS, seededAt: seededAt.toISOString(), seedMs: Math.round(performance.now() - start), rows: await dashboardRows(client, shop) };
  }, databaseUrl);
}

/**
 * A dashboard that computed past days on the spot queues the app's refresh job (pg-boss, in the
 * app's database), which keeps them: waits until no such job is waiting or running.
 */
async function waitForAppRefresh(db: Db, timeoutMs = 120_000): Promise<void> {
  const { DASHBOARD_DAYS_JOB } = await import("../app/jobs/dashboard-jobs.server");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [jobs] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${DASHBOARD_DAYS_JOB} AND state < 'completed'`;
    if (jobs?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app's ${DASHBOARD_DAYS_JOB} job did not finish within ${timeoutMs / 1000}s`);
}

/**
 * Cold loads of a shop's first visit: before each, the refresh the previous visit queued is left
 * to finish and the shop's kept days are forgotten, so that the loader computes every past day on
 * the spot. Each visit queues the refresh again, and it runs in the app while the page loads, as
 * on a real first visit.
 */
async function measureFirstVisits(db: Db, shop: string, urlFor: (period: string) => string): Promise<Case[]> {
  const { forgetDashboardDays } = await import("../app/dashboard/dashboard-days.server");
  const cases: Case[] = PERIODS.map((period) => ({ name: `first visit, cold, ${period} days`, cache: "cold", period, loads: [] }));
  for (let run = 1; run <= RUNS; run++) {
    for (const entry of cases) {
      await waitForAppRefresh(db);
      await forgetDashboardDays(db, shop);
      entry.loads.push(await withFreshBrowser((cold) => measureLoad(cold, urlFor(entry.period))));
    }
    console.log(`  run ${run}/${RUNS}: ${cases.map((entry) => `${entry.name} ${Math.round(entry.loads.at(-1)?.lcp ?? 0)} ms`).join(", ")}`);
  }
  return cases;
}

/**
 * The shop's days kept as the app's refresh job keeps them. The days the first visits' refreshes
 * kept are forgotten first, so that the time is a whole refresh's. Then ANALYZE.
 */
async function keepShopDays(db: Db, databaseUrl: string, shop: string): Promise<LargeShop["refresh"]> {
  const { forgetDashboardDays, refreshDashboardDays } = await import("../app/dashboard/dashboard-days.server");
  await waitForAppRefresh(db);
  await forgetDashboardDays(db, shop);
  const start = performance.now();
  const { computed } = await refreshDashboardDays(db, shop, { now: new Date() });
  const ms = Math.round(performance.now() - start);
  await withClient((client) => client.query("ANALYZE"), databaseUrl);
  return { days: computed, ms };
}

async function main() {
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a positive whole number (got ${values.runs})`);
  if (!["sqlite", "postgres"].includes(values.database)) throw new Error(`--database must be sqlite or postgres (got ${values.database})`);
  if (POSTGRES && (!Number.isInteger(ORDERS) || ORDERS < 1)) throw new Error(`--orders must be a positive whole number (got ${values.orders})`);
  if (!chromiumAvailable()) throw new Error(`Chromium is not at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  if (values["skip-build"] && !existsSync(path.join(ROOT, "build/server/index.js"))) {
    throw new Error("--skip-build: there is no production build in build/ — run `npm run build` first");
  }
  // The stack passes its own LOG_LEVEL on to the app: keep the app's log to warnings.
  process.env.LOG_LEVEL ??= "warn";

  if (!POSTGRES) {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${DATABASE_FILE}${suffix}`, { force: true });
    return benchmark(`file:${DATABASE_FILE}`);
  }
  console.log(`› fresh PostgreSQL database ${POSTGRES_DATABASE}`);
  const databaseUrl = await freshBenchDatabase(POSTGRES_DATABASE);
  try {
    await benchmark(databaseUrl);
  } finally {
    if (process.env.BENCH_KEEP !== "1") await dropBenchDatabase(POSTGRES_DATABASE);
  }
}

async function benchmark(databaseUrl: string) {
  console.log(values["skip-build"] ? "› demo stack on the existing build/" : "› production build, then the demo stack");
  const stack = await startDemoStack({
    port: 0,
    ...(POSTGRES ? { databaseUrl } : { databaseFile: DATABASE_FILE }),
    stateFile: false,
    build: !values["skip-build"],
    log: (line) => console.log(`  ${line}`),
  });
  let db: Db | undefined;
  try {
    db = await openAppDatabase(stack, databaseUrl);
    console.log("› waiting for the demo shop's first sync");
    const synced = await waitForFirstSync(db, stack.shop);
    console.log(`  ${synced.orders} orders in the database (${stack.orderCount} in the stand-in), ${synced.flags} flags`);
    const urlFor = (period: string) => `${stack.adminUrl}/dashboard?period=${period}`;

    let large: LargeShop | null = null;
    let firstVisits: Case[] = [];
    // The machine is shared: its load while measuring says how much of the spread is ours.
    let loadBefore = loadavg()[0] ?? 0;
    if (POSTGRES) {
      console.log(`› ${ORDERS.toLocaleString("en")} synthetic orders over the past year for ${stack.shop}`);
      const seeded = await addSyntheticOrders(databaseUrl, stack.shop);
      console.log(`  seeded in ${(seeded.seedMs / 1000).toFixed(1)} s: ${Object.entries(seeded.rows).map(([table, n]) => `${table} ${n.toLocaleString("en")}`).join(", ")}`);
      console.log(`› first visits (no day kept), cold, ${RUNS} loads per period`);
      loadBefore = loadavg()[0] ?? 0;
      firstVisits = await measureFirstVisits(db, stack.shop, urlFor);
      console.log("› the shop's days kept as the app's refresh job keeps them");
      const refresh = await keepShopDays(db, databaseUrl, stack.shop);
      console.log(`  ${refresh.days} days computed and kept in ${(refresh.ms / 1000).toFixed(1)} s`);
      large = { ...seeded, refresh };
    }
    const ordersInDatabase = large?.rows.OrderCare ?? synced.orders;

    const cases: Case[] = [];
    const caseFor = (cache: Case["cache"], period: string) => {
      const name = `${cache}, ${period} days`;
      let entry = cases.find((existing) => existing.name === name);
      if (!entry) cases.push((entry = { name, cache, period, loads: [] }));
      return entry;
    };

    await withFreshBrowser(async (warm) => {
      // The warm profile's cache gets the build's assets once, before any load is counted.
      for (const period of PERIODS) await measureLoad(warm, urlFor(period));
      // Cold and warm loads interleaved, so that a slow moment of the machine falls on both.
      for (let run = 1; run <= RUNS; run++) {
        for (const period of PERIODS) {
          caseFor("cold", period).loads.push(await withFreshBrowser((cold) => measureLoad(cold, urlFor(period))));
          caseFor("warm", period).loads.push(await measureLoad(warm, urlFor(period)));
        }
        console.log(`  run ${run}/${RUNS}: ${cases.map((entry) => `${entry.name} ${Math.round(entry.loads.at(-1)?.lcp ?? 0)} ms`).join(", ")}`);
      }
    });

    const measured = [...cases, ...firstVisits];
    const summaries = measured.map(summarize);
    const firstCold = cases.find((entry) => entry.cache === "cold")?.loads[0];
    const pageWeight = firstCold ? weight(firstCold) : null;
    console.log(`\nLargest Contentful Paint (budget ${BUDGET_MS} ms), ${RUNS} loads per case:`);
    for (const summary of summaries) {
      console.log(
        `  ${summary.case.padEnd(14)} LCP p50 ${summary.lcp.p50} ms, p95 ${summary.lcp.p95} ms, max ${summary.lcp.max} ms` +
          ` | TTFB p50 ${summary.ttfb.p50} ms, p95 ${summary.ttfb.p95} ms, max ${summary.ttfb.max} ms | LCP − TTFB p50 ${summary.afterTtfb.p50} ms | over budget ${summary.overBudget}/${summary.runs}`,
      );
      for (const element of summary.elements) console.log(`    LCP element (${element.loads}/${summary.runs}): ${element.element}`);
    }

    const today = new Date().toISOString().slice(0, 10);
    const file = `bench/results/dashboard-lcp${POSTGRES ? "-postgres" : ""}-${today}`;
    // The user agent says 156.0.0.0 only: the full version comes from the binary.
    const chromium = execFileSync(CHROMIUM, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).match(/[\d.]{5,}/)?.[0] ?? "?";
    const load = [loadBefore, loadavg()[0] ?? 0].map((average) => Math.round(average * 10) / 10);
    const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "?", memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium, loadAverage: { before: load[0], after: load[1] } };
    // "-dirty": the build holds uncommitted work too.
    const build = execFileSync("git", ["describe", "--always", "--dirty"], { cwd: ROOT, encoding: "utf8" }).trim();
    const output = {
      date: today,
      commit: build,
      database: POSTGRES ? "postgresql (demo stack)" : "sqlite (demo stack)",
      ordersInDatabase,
      ordersInStandIn: stack.orderCount,
      ...(large ? { ordersFromFirstSync: synced.orders, ...large } : {}),
      runs: RUNS,
      budgetMs: BUDGET_MS,
      settleMs: SETTLE_MS,
      viewport: "1280×900",
      results: summaries,
      coldLoadWeight: pageWeight,
      loads: measured.map((entry) => ({ case: entry.name, loads: entry.loads.map(({ resources: _resources, ...load }) => load) })),
      machine,
    };
    mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
    writeFileSync(path.join(ROOT, `${file}.json`), `${JSON.stringify(output, null, 2)}\n`);
    const kinds = pageWeight ? Object.entries(pageWeight.byKind) : [];
    const rows = large ? Object.entries(large.rows).map(([table, n]) => `${table} ${n.toLocaleString("en")}`).join(", ") : "";
    writeFileSync(
      path.join(ROOT, `${file}.md`),
      [
        `# Dashboard Largest Contentful Paint${large ? ` on PostgreSQL with ${ordersInDatabase.toLocaleString("en")} orders` : ""} — ${today}`,
        "",
        `The production build (\`remix vite:build\`, ${values["skip-build"] ? "built before the run; the tree now at" : "built by the run from"} ${build}) served by remix-serve in the demo stack, \`npm run bench:lcp${large ? ` -- --database postgres --orders ${ORDERS}` : ""}\`:`,
        ...(large
          ? [
              `a fresh PostgreSQL database (${POSTGRES_DATABASE}, on the same machine) holding the demo shop's ${synced.orders} orders from its first sync and ${ORDERS.toLocaleString("en")} synthetic orders placed over the year before ${large.seededAt}`,
              `(the seed of \`npm run bench:dashboard\`, with their parcels, flags, returns, check-ins, messages, gifts and codes; ids above the demo's): ${ordersInDatabase.toLocaleString("en")} orders in the database, seeded in ${(large.seedMs / 1000).toFixed(1)} s, then ANALYZE.`,
              `The shop's rows: ${rows}. The Admin API stand-in holds the demo's ${stack.orderCount} orders, on the same machine.`,
            ]
          : [`a fresh SQLite database holding the demo shop's ${synced.orders} orders (the first sync's last 60 days of the stand-in's ${stack.orderCount}), the Admin API stand-in on the same machine.`]),
        `Headless Chromium ${chromium} (Debian's, through playwright-core), viewport 1280×900. \`/app/dashboard?period=30\` and \`?period=90\`, ${RUNS} loads each, every load in a fresh page:`,
        "cold = a new browser profile for each load (empty HTTP cache, new connection); warm = one profile whose cache already holds the build's assets (one uncounted load of each period first).",
        ...(large
          ? [
              "First visit = a cold load with no day kept: before each, the app's refresh job queued by the previous visit was left to finish and the shop's kept days deleted (`forgetDashboardDays`),",
              "so the loader computed every past day of the period and of the one before from the orders; each visit queued the app's refresh again, which ran in the app while the page loaded, as on a real first visit.",
              `Then the shop's days were kept by \`refreshDashboardDays\` (what the app's refresh job runs): ${large.refresh.days} days in ${(large.refresh.ms / 1000).toFixed(1)} s, then ANALYZE; the cold and warm rows were measured after that (the loader reads kept days and computes today).`,
            ]
          : []),
        `LCP is the last \`largest-contentful-paint\` entry of a \`PerformanceObserver\` (\`buffered: true\`) registered before navigation, read after the load event, network idle and ${SETTLE_MS} ms;`,
        "TTFB is the navigation's `responseStart` (the loader and the server render are inside it); FCP is `first-contentful-paint`. Times from navigation start.",
        `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; app, ${large ? "PostgreSQL, " : ""}stand-in and browser on the same machine (shared with other work: 1-minute load average ${load[0]} before the loads, ${load[1]} after).`,
        "",
        `| Case | Orders in the period | Loads | LCP p50 | LCP p95 | LCP max | TTFB p50 | TTFB p95 | TTFB max | LCP − TTFB p50 | FCP p50 | Over ${BUDGET_MS} ms |`,
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ...summaries.map(
          (row) =>
            `| ${row.case} | ${row.ordersShown ?? "?"} | ${row.runs} | ${row.lcp.p50} ms | ${row.lcp.p95} ms | ${row.lcp.max} ms | ${row.ttfb.p50} ms | ${row.ttfb.p95} ms | ${row.ttfb.max} ms | ${row.afterTtfb.p50} ms | ${row.fcp.p50} ms | ${row.overBudget} |`,
        ),
        "",
        "The LCP element:",
        "",
        ...summaries.flatMap((row) => row.elements.map((element) => `- ${row.case} (${element.loads}/${row.runs}): \`${element.element.replace(/`/g, "'")}\``)),
        "",
        ...(pageWeight
          ? [
              "What the first cold load fetched after the document:",
              "",
              "| Kind | Files | Transferred | Decoded |",
              "|---|---:|---:|---:|",
              ...kinds.map(([kind, total]) => `| ${kind} | ${total.files} | ${total.transferKiB} KiB | ${total.decodedKiB} KiB |`),
              "",
              ...pageWeight.stylesheets.map((sheet) => `- \`${sheet.name}\`: ${sheet.transferKiB} KiB transferred, ${sheet.decodedKiB} KiB decoded, done at ${sheet.responseEnd} ms`),
              "",
            ]
          : []),
      ].join("\n"),
    );
    console.log(`› ${file}.{json,md}`);
  } finally {
    await db?.$disconnect();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
