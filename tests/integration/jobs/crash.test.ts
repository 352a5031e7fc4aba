// A worker process is SIGKILLed in the middle of a batch; a second one finishes it. Every
// job's effect (an idempotent insert keyed by its payload) must exist exactly once, and no job
// may be lost — on the embedded queue and on pg-boss.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma, { createDb, type Db } from "~/db.server";
import { createJobQueue, type JobQueueOptions, type QueueConfig } from "~/jobs/queue.server";
import { dropPostgresDatabase, postgresDatabaseForFile } from "./backends";

const SHOP = "crash.myshopify.com";
const JOBS = 30;
const WORKER_SCRIPT = path.join(import.meta.dirname, "crash-worker.ts");
// As in crash-worker.ts: the retry delay and expiry travel with each job (pg-boss), so the producer sets them.
const OPTIONS: JobQueueOptions = { retry: { baseDelayMs: 1000, maxDelayMs: 1000 }, pgBoss: { expireInSeconds: 2, superviseIntervalSeconds: 1, monitorIntervalSeconds: 1 } };

type Setup = { db: Db; config: QueueConfig; completed: () => Promise<number>; close: () => Promise<void> };

const setups: { label: string; make: () => Promise<Setup> }[] = [
  {
    label: "embedded",
    make: async () => ({
      db: prisma,
      config: { database: "sqlite", databaseUrl: process.env.DATABASE_URL ?? "" },
      completed: () => prisma.job.count({ where: { name: "crash.effect", status: "completed" } }),
      close: async () => {},
    }),
  },
  {
    label: "pg-boss",
    make: async () => {
      const database = await postgresDatabaseForFile("jobs_crash");
      const db = createDb(database.url);
      return {
        db,
        config: { database: "postgres", databaseUrl: database.url },
        completed: async () => {
          const rows = await db.$queryRawUnsafe<{ count: number }[]>("SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'crash.effect' AND state = 'completed'");
          return rows[0]?.count ?? 0;
        },
        close: async () => {
          await db.$disconnect();
          await dropPostgresDatabase(database.name);
        },
      };
    },
  },
];

function startWorker(worker: string, setup: Setup): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(process.execPath, ["--no-warnings", WORKER_SCRIPT], {
    env: { ...process.env, DATABASE_URL: setup.config.databaseUrl, QUEUE_DATABASE: setup.config.database, WORKER: worker, JOB_MS: "100" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function count(db: Db, table: "crash_run" | "crash_effect"): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ count: number | bigint }[]>(`SELECT count(*) AS count FROM ${table}`);
  return Number(rows[0]?.count ?? 0);
}

describe.each(setups)("a worker killed in the middle of a batch: $label", ({ make }) => {
  let setup: Setup;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    setup = await make();
    await setup.db.$executeRawUnsafe("DROP TABLE IF EXISTS crash_run");
    await setup.db.$executeRawUnsafe("DROP TABLE IF EXISTS crash_effect");
    await setup.db.$executeRawUnsafe("CREATE TABLE crash_run (job_key TEXT NOT NULL, worker TEXT NOT NULL, attempt INTEGER NOT NULL)");
    await setup.db.$executeRawUnsafe("CREATE TABLE crash_effect (job_key TEXT PRIMARY KEY, worker TEXT NOT NULL)");
    await setup.db.job.deleteMany();
    await setup.db.jobFailure.deleteMany();
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await setup?.close();
  });

  it("loses no job and applies every effect exactly once", { timeout: 60_000 }, async () => {
    const producer = createJobQueue(setup.db, setup.config, OPTIONS);
    const keys = Array.from({ length: JOBS }, (_, n) => `order-${String(n).padStart(2, "0")}`);
    for (const key of keys) await producer.enqueue("crash.effect", SHOP, { key });
    await producer.stop();

    const first = startWorker("first", setup);
    children.push(first.child);
    // Kill it once it has finished a few jobs and has others half done.
    await expect
      .poll(async () => {
        const [runs, effects] = await Promise.all([count(setup.db, "crash_run"), count(setup.db, "crash_effect")]);
        return effects >= 5 && runs > effects;
      }, { timeout: 30_000, interval: 5 })
      .toBe(true);
    first.child.kill("SIGKILL");
    await once(first.child, "exit");
    const effectsBeforeRestart = await count(setup.db, "crash_effect");
    expect(effectsBeforeRestart, first.output()).toBeLessThan(JOBS);

    const second = startWorker("second", setup);
    children.push(second.child);
    await expect.poll(() => setup.completed(), { timeout: 30_000, interval: 50 }).toBe(JOBS);
    second.child.kill("SIGTERM");
    const [exitCode] = (await once(second.child, "exit")) as [number | null];
    expect(exitCode, second.output()).toBe(0);

    const effects = await setup.db.$queryRawUnsafe<{ job_key: string; worker: string }[]>("SELECT job_key, worker FROM crash_effect ORDER BY job_key");
    expect(effects.map((effect) => effect.job_key)).toEqual(keys);
    const runs = await setup.db.$queryRawUnsafe<{ job_key: string; worker: string }[]>("SELECT job_key, worker FROM crash_run");
    // The kill landed mid-job: a job the first worker had started was run again by the second
    // (whether or not the first had written its effect before it died).
    const startedByFirst = new Set(runs.filter((run) => run.worker === "first").map((run) => run.job_key));
    const rerun = runs.filter((run) => run.worker === "second" && startedByFirst.has(run.job_key));
    expect(rerun.length, JSON.stringify(runs)).toBeGreaterThan(0);
    expect(effects.filter((effect) => effect.worker === "first").length).toBe(effectsBeforeRestart);
    expect(await setup.db.jobFailure.count()).toBe(0);
  });
});
