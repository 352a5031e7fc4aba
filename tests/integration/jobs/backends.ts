// The two queue backends, set up for a test file: the embedded one on the file's own database
// (SQLite, or PostgreSQL under TEST_DATABASE=postgres), pg-boss on a PostgreSQL database made
// for the file, with a Prisma client of its own (its JobFailure rows live there, and enqueue's
// `tx` must be a transaction on the database pg-boss uses).
import pg from "pg";
import prisma, { createDb, type Db } from "~/db.server";
import type { JobQueueOptions, QueueConfig } from "~/jobs/queue.server";
import type { StartOptions } from "~/jobs/queue";
import { POSTGRES_ADMIN_URL, migrate, postgresTestDatabaseName, recreatePostgresDatabase, testDatabaseKind } from "../../support/databases";

export type JobState = "queued" | "running" | "completed" | "failed" | "cancelled";

export type QueueBackend = {
  label: "embedded" | "pg-boss";
  db: Db;
  config: QueueConfig;
  /** Fast settings for tests: short polls and retry delays. */
  options: JobQueueOptions;
  startOptions: StartOptions;
  /** The shortest wait before a retry these settings allow. */
  minRetryDelayMs: number;
  /** How long to watch for something that must not happen. */
  quietMs: number;
  jobState(id: string): Promise<JobState | null>;
  close(): Promise<void>;
};

export const EMBEDDED_SETTINGS = {
  options: { retry: { baseDelayMs: 100, maxDelayMs: 100 }, random: () => 0.5, stopTimeoutMs: 10_000 },
  startOptions: { pollIntervalMs: 25, concurrency: 2 },
  minRetryDelayMs: 75,
} satisfies Pick<QueueBackend, "options" | "startOptions" | "minRetryDelayMs">;

export function embeddedBackend(): QueueBackend {
  return {
    label: "embedded",
    db: prisma,
    config: { database: "sqlite", databaseUrl: process.env.DATABASE_URL ?? "" },
    ...EMBEDDED_SETTINGS,
    quietMs: 300,
    async jobState(id) {
      const job = await prisma.job.findUnique({ where: { id }, select: { status: true } });
      return (job?.status as JobState | undefined) ?? null;
    },
    async close() {},
  };
}

/** A migrated PostgreSQL database for this test file (dropped by close()). */
export async function postgresDatabaseForFile(label: string): Promise<{ name: string; url: string }> {
  // "w<pid>" so that the run's clean-up (dropWorkerDatabases) also removes it after a crash.
  const name = postgresTestDatabaseName(`w${process.pid}_${label}`);
  if (testDatabaseKind() === "postgres") {
    return { name, url: await recreatePostgresDatabase(name, postgresTestDatabaseName("template")) };
  }
  const url = await recreatePostgresDatabase(name);
  migrate(url);
  return { name, url };
}

export async function dropPostgresDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

const PG_BOSS_STATES: Record<string, JobState> = { created: "queued", retry: "queued", active: "running", completed: "completed", failed: "failed", cancelled: "cancelled" };

export async function pgBossBackend(label: string): Promise<QueueBackend> {
  const database = await postgresDatabaseForFile(label);
  const db = createDb(database.url);
  return {
    label: "pg-boss",
    db,
    config: { database: "postgres", databaseUrl: database.url },
    // retryDelay is whole seconds in pg-boss: 1 s, capped at 1 s.
    options: { retry: { baseDelayMs: 1000, maxDelayMs: 1000 }, stopTimeoutMs: 10_000, pgBoss: { poolSize: 3 } },
    startOptions: { pollIntervalMs: 500, concurrency: 2 },
    minRetryDelayMs: 1000,
    quietMs: 1200,
    async jobState(id) {
      const rows = await db.$queryRawUnsafe<{ state: string }[]>("SELECT state::text AS state FROM pgboss.job WHERE id = $1::uuid", id);
      const state = rows[0]?.state;
      return state === undefined ? null : (PG_BOSS_STATES[state] ?? null);
    },
    async close() {
      await db.$disconnect();
      await dropPostgresDatabase(database.name);
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
