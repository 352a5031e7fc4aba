// A job worker in a process of its own, for crash.test.ts: `node crash-worker.ts` (Node 22 runs
// erasable TypeScript; no `~/` alias here, so app modules are imported by relative .ts paths).
// Environment: DATABASE_URL, QUEUE_DATABASE (sqlite | postgres), WORKER (a name for the run log),
// JOB_MS (how long each job takes). Each "crash.effect" job logs that it started, works, then
// writes its effect with an idempotent insert keyed by the payload. SIGTERM stops it gracefully.
import { createRequire } from "node:module";
import { setTimeout as sleep } from "node:timers/promises";
import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { createJobQueue } from "../../../app/jobs/queue.server.ts";

const databaseUrl = process.env.DATABASE_URL ?? "";
const worker = process.env.WORKER ?? "worker";
const jobMs = Number(process.env.JOB_MS ?? "100");
const queueDatabase = process.env.QUEUE_DATABASE === "postgres" ? "postgres" : "sqlite";

function createDb(url: string): PrismaClient {
  if (url.startsWith("file:")) return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  const generated = createRequire(import.meta.url)(".prisma/client-postgres") as { PrismaClient: typeof PrismaClient };
  return new generated.PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

const db = createDb(databaseUrl);
const queue = createJobQueue(db, { database: queueDatabase, databaseUrl }, {
  retry: { baseDelayMs: 1000, maxDelayMs: 1000 },
  random: () => 0,
  pgBoss: { expireInSeconds: 2, superviseIntervalSeconds: 1, monitorIntervalSeconds: 1, poolSize: 3 },
  onQueueError: (error) => console.error(`[${worker}] queue error`, error),
});

await queue.start(
  {
    "crash.effect": async (payload, context) => {
      const key = (payload as { key: string }).key;
      await db.$executeRaw`INSERT INTO crash_run (job_key, worker, attempt) VALUES (${key}, ${worker}, ${context.attempt})`;
      await sleep(jobMs);
      await db.$executeRaw`INSERT INTO crash_effect (job_key, worker) VALUES (${key}, ${worker}) ON CONFLICT (job_key) DO NOTHING`;
    },
  },
  { concurrency: 3, pollIntervalMs: queueDatabase === "postgres" ? 500 : 20 },
);
console.log(`[${worker}] started`);

process.once("SIGTERM", () => {
  void queue
    .stop()
    .then(() => db.$disconnect())
    .then(() => process.exit(0));
});
