// One database per test worker, copied from a template that `prisma migrate deploy`
// prepared once per run: a file for SQLite, a database for PostgreSQL.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import pg from "pg";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const TMP = path.join(ROOT, "tmp/test-db");
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export type TestDatabaseKind = "sqlite" | "postgres";

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
}

// PostgreSQL database names carry a hash of the checkout's path, so that two checkouts on
// one machine (a developer's and CI's) never drop each other's databases.
export const CHECKOUT_ID = createHash("sha256").update(ROOT).digest("hex").slice(0, 8);
const PREFIX = `aftercare_test_${CHECKOUT_ID}`;
const TEMPLATE = { sqlite: path.join(TMP, "template.sqlite"), postgres: `${PREFIX}_template` };

export function postgresTestDatabaseName(suffix: string): string {
  return `${PREFIX}_${suffix}`;
}

function postgresUrl(database: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export function migrate(databaseUrl: string): void {
  execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops and recreates a PostgreSQL database, optionally from a template. */
export async function recreatePostgresDatabase(name: string, template?: string): Promise<string> {
  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  });
  return postgresUrl(name);
}

export async function prepareTemplate(kind: TestDatabaseKind): Promise<void> {
  if (kind === "sqlite") {
    mkdirSync(TMP, { recursive: true });
    rmSync(TEMPLATE.sqlite, { force: true });
    migrate(`file:${TEMPLATE.sqlite}`);
  } else {
    migrate(await recreatePostgresDatabase(TEMPLATE.postgres));
  }
}

/** A fresh, migrated database for one worker; returns its DATABASE_URL. */
export async function workerDatabase(kind: TestDatabaseKind, worker: string): Promise<string> {
  if (kind === "sqlite") {
    const file = path.join(TMP, `worker-${worker}.sqlite`);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    copyFileSync(TEMPLATE.sqlite, file);
    return `file:${file}`;
  }
  return recreatePostgresDatabase(postgresTestDatabaseName(`w${worker}`), TEMPLATE.postgres);
}

/** Removes every per-worker database and file a run created. */
export async function dropWorkerDatabases(kind: TestDatabaseKind): Promise<void> {
  if (kind === "sqlite") {
    rmSync(TMP, { recursive: true, force: true });
    return;
  }
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}\\_w%' OR datname LIKE '${PREFIX}\\_drift\\_%'`);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
