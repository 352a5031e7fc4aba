// The demo, as a function: the Admin API stand-in holding the demo shop, a migrated SQLite
// database with the shop's offline session, and the production build of the app served by
// remix-serve in demo mode. Used by `npm run demo` and by the browser test.
// Runs under Node 22's type stripping (erasable TypeScript, explicit .ts imports).
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { buildDemoShop } from "../tests/admin-api/demo-shop.ts";
import { installAppFunctions } from "../tests/admin-api/gift-mutations.ts";
import { startAdminApiStandIn } from "../tests/admin-api/server.ts";
import { createStore, type AdminStore, type NodeRecord } from "../tests/admin-api/store.ts";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const DEMO_STATE_FILE = path.join(ROOT, "tmp/demo.json");
const SCOPES = "write_orders,write_customers,read_fulfillments,read_products,write_order_edits,write_discounts,write_returns,write_merchant_managed_fulfillment_orders,write_app_proxy";

export type DemoStackOptions = {
  /** 3000 by default; 0 picks a free port. */
  port?: number;
  adminApiPort?: number;
  databaseFile?: string;
  now?: Date;
  /** Build the app first (default: when build/ is missing). */
  build?: boolean;
  /** Write tmp/demo.json for demo:webhook (default true). */
  stateFile?: boolean;
  log?: (line: string) => void;
};

export type DemoStack = {
  appUrl: string;
  adminUrl: string;
  adminApiOrigin: string;
  shop: string;
  apiKey: string;
  apiSecret: string;
  store: AdminStore;
  orderCount: number;
  stop(): Promise<void>;
};

function prisma(command: string[], databaseUrl: string): void {
  execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), command, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function storeOfflineSession(databaseUrl: string, shop: string, accessToken: string): Promise<void> {
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
  try {
    const session = {
      shop,
      state: "demo",
      isOnline: false,
      scope: SCOPES,
      accessToken,
      expires: new Date(Date.now() + 365 * 86_400_000),
      refreshToken: null,
      refreshTokenExpires: null,
    };
    await db.session.upsert({ where: { id: `offline_${shop}` }, create: { id: `offline_${shop}`, ...session }, update: session });
    await db.shop.upsert({ where: { shop }, create: { shop, scope: SCOPES }, update: { status: "active", uninstalledAt: null, scope: SCOPES } });
  } finally {
    await db.$disconnect();
  }
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the app did not answer ${url}/healthz within ${timeoutMs / 1000}s`);
}

/** A free TCP port on loopback, for tests that must not collide with a running demo. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startDemoStack(options: DemoStackOptions = {}): Promise<DemoStack> {
  const log = options.log ?? (() => {});
  const port = options.port || (options.port === 0 ? await freePort() : 3000);
  const databaseFile = options.databaseFile ?? path.join(ROOT, "prisma/demo.sqlite");
  const databaseUrl = `file:${databaseFile}`;
  const apiKey = "aftercare-demo-key";
  const apiSecret = randomBytes(24).toString("hex");

  if (options.build ?? !existsSync(path.join(ROOT, "build/server/index.js"))) {
    log("building the app (production build)");
    execFileSync(path.join(ROOT, "node_modules/.bin/remix"), ["vite:build"], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  }

  log(`preparing SQLite at ${path.relative(ROOT, databaseFile)}`);
  mkdirSync(path.dirname(databaseFile), { recursive: true });
  prisma(["migrate", "deploy"], databaseUrl);

  const now = options.now ?? new Date();
  const demo = buildDemoShop({ now });
  const store = createStore();
  const accessToken = `shpat_demo_${randomBytes(12).toString("hex")}`;
  store.addShop({ domain: demo.domain, accessToken, plan: "standard", shop: demo.shop, locales: demo.locales });
  installAppFunctions(store, demo.domain);
  for (const record of [...demo.products, ...demo.customers, ...demo.orders] as NodeRecord[]) {
    store.upsertNode(demo.domain, record);
  }
  const standIn = await startAdminApiStandIn({ store, port: options.adminApiPort ?? 0, apps: [{ apiKey, apiSecret }] });
  log(`Admin API stand-in on ${standIn.origin} with ${demo.orders.length} orders for ${demo.domain}`);
  await storeOfflineSession(databaseUrl, demo.domain, accessToken);

  const appUrl = `http://localhost:${port}`;
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/@remix-run/serve/dist/cli.js"), "build/server/index.js"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      SHOPIFY_API_KEY: apiKey,
      SHOPIFY_API_SECRET: apiSecret,
      SHOPIFY_APP_URL: appUrl,
      SCOPES,
      DATABASE_URL: databaseUrl,
      DEMO_MODE: "1",
      DEMO_SHOP: demo.domain,
      SHOPIFY_ADMIN_API_ORIGIN: standIn.origin,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
    },
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    await standIn.close();
    if (options.stateFile !== false) rmSync(DEMO_STATE_FILE, { force: true });
  };
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  const stack: DemoStack = {
    appUrl,
    adminUrl: `${appUrl}/app`,
    adminApiOrigin: standIn.origin,
    shop: demo.domain,
    apiKey,
    apiSecret,
    store,
    orderCount: demo.orders.length,
    stop,
  };
  if (options.stateFile === false) return stack;
  mkdirSync(path.dirname(DEMO_STATE_FILE), { recursive: true });
  writeFileSync(DEMO_STATE_FILE, JSON.stringify({ appUrl, shop: demo.domain, apiSecret, adminApiOrigin: standIn.origin, now: now.toISOString(), pid: process.pid }, null, 2));
  return stack;
}
