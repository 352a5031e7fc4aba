// One database per test worker, copied from a template that `prisma migrate deploy`
// prepared once per run: a file for SQLite, a database for PostgreSQL.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import pg from "pg";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const TMP_ROOT = path.join(ROOT, "tmp/test-db");
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export type TestDatabaseKind = "sqlite" | "postgres";

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
}

// Names carry a hash of the checkout's path and the id of the test run (the vitest main
// process, set by the global setup and inherited by the workers), so that two checkouts on
// one machine, or two runs in one checkout, never drop each other's databases.
export const CHECKOUT_ID = createHash("sha256").update(ROOT).digest("hex").slice(0, 8);
const CHECKOUT_PREFIX = `aftercare_test_${CHECKOUT_ID}`;

function runId(): string {
  process.env.AFTERCARE_TEST_RUN ??= `r${process.pid}`;
  return process.env.AFTERCARE_TEST_RUN;
}

const tmpDir = () => path.join(TMP_ROOT, runId());
const prefix = () => `${CHECKOUT_PREFIX}_${runId()}`;
const template = () => ({ sqlite: path.join(tmpDir(), "template.sqlite"), postgres: `${prefix()}_template` });

export function postgresTestDatabaseName(suffix: string): string {
  return `${prefix()}_${suffix}`;
}

function isRunAlive(run: string): boolean {
  const pid = Number(run.slice(1));
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
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
  await removeAbandonedRuns();
  if (kind === "sqlite") {
    mkdirSync(tmpDir(), { recursive: true });
    rmSync(template().sqlite, { force: true });
    migrate(`file:${template().sqlite}`);
  } else {
    migrate(await recreatePostgresDatabase(template().postgres));
  }
}

/** A fresh, migrated database for one worker; returns its DATABASE_URL. */
export async function workerDatabase(kind: TestDatabaseKind, worker: string): Promise<string> {
  if (kind === "sqlite") {
    const file = path.join(tmpDir(), `worker-${worker}.sqlite`);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    copyFileSync(template().sqlite, file);
    return `file:${file}`;
  }
  return recreatePostgresDatabase(postgresTestDatabaseName(`w${worker}`), template().postgres);
}

/** Removes every database and file this run created. */
export async function dropWorkerDatabases(_kind: TestDatabaseKind): Promise<void> {
  rmSync(tmpDir(), { recursive: true, force: true });
  // Both kinds of run create PostgreSQL databases (the job queue's and the drift tests).
  await dropPostgresDatabases(await postgresDatabases(prefix()));
}

/** Databases and folders of earlier runs in this checkout whose process is gone (killed runs). */
async function removeAbandonedRuns(): Promise<void> {
  mkdirSync(TMP_ROOT, { recursive: true });
  for (const entry of readdirSync(TMP_ROOT)) {
    if (/^r\d+$/.test(entry) && !isRunAlive(entry)) rmSync(path.join(TMP_ROOT, entry), { recursive: true, force: true });
  }
  const abandoned = (await postgresDatabases(CHECKOUT_PREFIX)).filter((name) => {
    const run = /_(r\d+)_/.exec(name.slice(CHECKOUT_PREFIX.length))?.[1];
    return run !== undefined && !isRunAlive(run);
  });
  await dropPostgresDatabases(abandoned);
}

async function postgresDatabases(namePrefix: string): Promise<string[]> {
  return withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [`${namePrefix}_`]);
    return rows.map((row) => row.datname);
  });
}

async function dropPostgresDatabases(names: string[]): Promise<void> {
  if (names.length === 0) return;
  await withAdminClient(async (client) => {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}
