// `npm run bench:webhooks`: webhook intake under load, on PostgreSQL and SQLite.
// The production build is served by remix-serve; autocannon sends signed, realistic,
// all-distinct deliveries over loopback; then the script waits until every delivery's
// effect is applied and checks that nothing was lost or doubled. The same load runs
// against the "inline" variant (the usual template style: authenticate, then do all the
// work in the request) for comparison. Results: bench/results/webhooks-<date>.json + .md.
// A benchmark, not a test: figures depend on the machine (printed with them).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { cpus, totalmem } from "node:os";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { buildDemoShop } from "../tests/admin-api/demo-shop.ts";
import { orderWebhookPayload } from "../tests/admin-api/webhook-payloads.ts";
import { freePort } from "./demo-stack.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
const SHOP = "bench-shop.myshopify.com";
const SECRET = "bench-secret-0123456789abcdef";
const POSTGRES_ADMIN = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "20000" },
    connections: { type: "string", default: "50" },
    databases: { type: "string", default: "postgres,sqlite" },
    variants: { type: "string", default: "queued,inline" },
    "drain-timeout": { type: "string", default: "300" },
  },
});
const REQUESTS = Number(values.requests);
const CONNECTIONS = Number(values.connections);

type Database = "postgres" | "sqlite";
type Variant = "queued" | "inline";
type Result = {
  database: Database;
  variant: Variant;
  requests: number;
  connections: number;
  acksPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  appliedPerSecond: number | null;
  drainSeconds: number | null;
  lostEffects: number;
  doubledEffects: number;
};

// --- the load: N distinct deliveries, each order updated twice with a newer updated_at ---

type Prepared = { path: string; headers: Record<string, string>; body: string };

function prepareDeliveries(count: number): { deliveries: Prepared[]; orders: number } {
  const demo = buildDemoShop({ now: new Date("2026-11-20T12:00:00Z") });
  const orders = Math.ceil(count / 2);
  const deliveries: Prepared[] = [];
  for (let index = 0; index < count; index++) {
    const template = demo.orders[index % demo.orders.length]!;
    const orderIndex = index % orders;
    const id = 7_000_000 + orderIndex;
    const update = Math.floor(index / orders); // 0 for the first pass, 1 for the second
    const base = orderWebhookPayload(template, demo.shop) as Record<string, unknown> & {
      fulfillments: Record<string, unknown>[];
      refunds: Record<string, unknown>[];
    };
    const payload = {
      ...base,
      // Fulfillment and refund ids are unique across a shop: give each order its own.
      fulfillments: base.fulfillments.map((fulfillment, n) => ({ ...fulfillment, id: id * 10 + n, order_id: id })),
      refunds: base.refunds.map((refund, n) => ({ ...refund, id: id * 10 + n, order_id: id })),
      id,
      admin_graphql_api_id: `gid://shopify/Order/${id}`,
      name: `#${100_000 + orderIndex}`,
      order_number: 100_000 + orderIndex,
      updated_at: new Date(Date.UTC(2026, 10, 20, 12, 0, update)).toISOString(),
    };
    const body = JSON.stringify(payload);
    deliveries.push({
      path: "/webhooks/orders/updated",
      body,
      headers: {
        "content-type": "application/json",
        "x-shopify-topic": "orders/updated",
        "x-shopify-hmac-sha256": createHmac("sha256", SECRET).update(body).digest("base64"),
        "x-shopify-shop-domain": SHOP,
        "x-shopify-api-version": "2026-10",
        "x-shopify-webhook-id": randomUUID(),
        "x-shopify-event-id": randomUUID(),
        "x-shopify-triggered-at": new Date().toISOString(),
        "user-agent": "Shopify-Captain-Hook",
      },
    });
  }
  return { deliveries, orders };
}

// --- databases ---

async function freshDatabase(database: Database, variant: Variant): Promise<string> {
  if (database === "sqlite") {
    const dir = path.join(ROOT, "tmp/bench");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${variant}.sqlite`);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    return `file:${file}`;
  }
  const name = `aftercare_bench_${variant}`;
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(POSTGRES_ADMIN);
  url.pathname = `/${name}`;
  return url.toString();
}

function openDb(databaseUrl: string): PrismaClient {
  if (databaseUrl.startsWith("file:")) return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
  // The PostgreSQL client generated from prisma/postgres/schema.prisma.
  const { PrismaClient: PgClient } = require(".prisma/client-postgres") as { PrismaClient: typeof PrismaClient };
  return new PgClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

async function seed(db: PrismaClient): Promise<void> {
  await db.shop.create({ data: { shop: SHOP, scope: "write_orders,write_customers,read_fulfillments,read_products,write_order_edits,write_discounts,write_returns,write_merchant_managed_fulfillment_orders,write_app_proxy" } });
  await db.session.create({
    data: { id: `offline_${SHOP}`, shop: SHOP, state: "bench", isOnline: false, scope: "read_orders", accessToken: "shpat_bench", expires: new Date(Date.now() + 86_400_000) },
  });
}

// --- the server ---

async function startServer(databaseUrl: string, variant: Variant): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/@remix-run/serve/dist/cli.js"), "build/server/index.js"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      SHOPIFY_API_KEY: "bench-key",
      SHOPIFY_API_SECRET: SECRET,
      SHOPIFY_APP_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl,
      ORDER_WEBHOOKS_INLINE: variant === "inline" ? "1" : "0",
      LOG_LEVEL: "warn",
    },
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return { origin, child };
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("server did not start");
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
}

// --- one run ---

async function runOne(database: Database, variant: Variant, deliveries: Prepared[], orders: number): Promise<Result> {
  const databaseUrl = await freshDatabase(database, variant);
  execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "ignore" });
  const db = openDb(databaseUrl);
  await seed(db);
  const { origin, child } = await startServer(databaseUrl, variant);
  let next = 0;
  const started = Date.now();
  const load = await autocannon({
    url: origin,
    connections: CONNECTIONS,
    amount: deliveries.length,
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => {
          const delivery = deliveries[next++ % deliveries.length]!;
          return { ...request, method: "POST", path: delivery.path, headers: delivery.headers, body: delivery.body };
        },
      },
    ],
  });

  // Wait until every delivery's effect is applied (the queue drains).
  const deadline = Date.now() + Number(values["drain-timeout"]) * 1000;
  let applied = 0;
  while (Date.now() < deadline) {
    applied = await db.webhookDelivery.count({ where: { shop: SHOP, status: "applied" } });
    if (applied >= deliveries.length) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const drainSeconds = applied >= deliveries.length ? (Date.now() - started) / 1000 : null;
  const stored = await db.webhookDelivery.count({ where: { shop: SHOP } });
  const upToDate = await db.orderCare.count({ where: { shop: SHOP, shopifyUpdatedAt: new Date(Date.UTC(2026, 10, 20, 12, 0, deliveries.length > orders ? 1 : 0)) } });
  const orderRows = await db.orderCare.count({ where: { shop: SHOP } });
  await stopServer(child);
  await db.$disconnect();

  const acked = load.requests.total - load.non2xx - load.errors;
  return {
    database,
    variant,
    requests: deliveries.length,
    connections: CONNECTIONS,
    acksPerSecond: Math.round(acked / (load.duration || 1)),
    latencyMs: { p50: load.latency.p50, p90: load.latency.p90, p99: load.latency.p99, max: load.latency.max },
    non2xx: load.non2xx,
    errors: load.errors,
    appliedPerSecond: drainSeconds ? Math.round(deliveries.length / drainSeconds) : null,
    drainSeconds,
    lostEffects: Math.max(0, deliveries.length - applied) + (orders - upToDate),
    doubledEffects: Math.max(0, stored - deliveries.length) + Math.max(0, orderRows - orders),
  };
}

// --- main ---

if (!existsSync(path.join(ROOT, "build/server/index.js"))) {
  console.log("› building the app");
  execFileSync(path.join(ROOT, "node_modules/.bin/remix"), ["vite:build"], { cwd: ROOT, stdio: "ignore" });
}
const { deliveries, orders } = prepareDeliveries(REQUESTS);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`› ${REQUESTS} signed orders/updated deliveries (${orders} orders, each updated twice), ${CONNECTIONS} connections; ${machine}`);

const results: Result[] = [];
for (const database of values.databases.split(",") as Database[]) {
  for (const variant of values.variants.split(",") as Variant[]) {
    console.log(`› ${database} / ${variant} …`);
    const result = await runOne(database, variant, deliveries, orders);
    results.push(result);
    console.log(
      `  acks/s ${result.acksPerSecond}  p50 ${result.latencyMs.p50} ms  p99 ${result.latencyMs.p99} ms  max ${result.latencyMs.max} ms  ` +
        `non-2xx ${result.non2xx}  applied/s ${result.appliedPerSecond ?? "not drained"}  lost ${result.lostEffects}  doubled ${result.doubledEffects}`,
    );
  }
}

const lines = [
  `# Webhook intake benchmark — ${new Date().toISOString()}`,
  "",
  `Machine: ${machine}. ${REQUESTS} signed \`orders/updated\` deliveries (${orders} orders, each updated twice), ${CONNECTIONS} connections, autocannon on loopback sharing the same cores.`,
  "",
  "| database | variant | acks/s | p50 ms | p99 ms | max ms | non-2xx | applied/s (end to end) | lost | doubled |",
  "|---|---|---|---|---|---|---|---|---|---|",
  ...results.map((r) => `| ${r.database} | ${r.variant} | ${r.acksPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${r.non2xx} | ${r.appliedPerSecond ?? "not drained"} | ${r.lostEffects} | ${r.doubledEffects} |`),
  "",
];
for (const database of new Set(results.map((r) => r.database))) {
  const queued = results.find((r) => r.database === database && r.variant === "queued");
  const inline = results.find((r) => r.database === database && r.variant === "inline");
  if (queued && inline) lines.push(`- ${database}: queued intake acknowledges ${(queued.acksPerSecond / Math.max(1, inline.acksPerSecond)).toFixed(1)}× the inline variant's rate (p99 ${queued.latencyMs.p99} ms vs ${inline.latencyMs.p99} ms).`);
}
const stamp = new Date().toISOString().slice(0, 10);
mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
writeFileSync(path.join(ROOT, `bench/results/webhooks-${stamp}.json`), JSON.stringify({ machine, requests: REQUESTS, connections: CONNECTIONS, results }, null, 2));
writeFileSync(path.join(ROOT, `bench/results/webhooks-${stamp}.md`), lines.join("\n") + "\n");
console.log(`\n${lines.join("\n")}\nwritten to bench/results/webhooks-${stamp}.{json,md}`);
const bad = results.some((r) => r.lostEffects > 0 || r.doubledEffects > 0);
process.exit(bad ? 1 : 0);
