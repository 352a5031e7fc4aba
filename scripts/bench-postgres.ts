// What the PostgreSQL benchmarks share: a fresh, migrated database of their own next to the
// test database, and a short-lived client to seed and inspect it.
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export function benchDatabaseUrl(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `work` with a connected client (the server's admin database by default). */
export async function withClient<T>(work: (client: pg.Client) => Promise<T>, url = ADMIN_URL): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops and recreates `database`, then applies the app's migrations to it. */
export async function freshBenchDatabase(database: string): Promise<string> {
  await withClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  });
  const url = benchDatabaseUrl(database);
  execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  return url;
}

export function dropBenchDatabase(database: string): Promise<unknown> {
  return withClient((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
}
