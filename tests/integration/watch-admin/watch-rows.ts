// Rows of the order watch for the watch admin tests: flags as the evaluation stores them, and
// the jobs a route queued (the embedded queue's Job table on SQLite; on PostgreSQL, where the
// queue is pg-boss, the queue's enqueue is recorded instead — nothing runs the jobs either way).
import type { Prisma } from "@prisma/client";
import { vi } from "vitest";
import type { Db } from "~/db.server";
import type { JobQueue } from "~/jobs/queue.server";
import type { FlagKind } from "~/watch/watch-rules";

type FlagOverrides = Partial<Omit<Prisma.OrderFlagUncheckedCreateInput, "shop" | "orderId" | "kind">>;

export async function createFlag(db: Db, shop: string, orderId: string, kind: FlagKind, overrides: FlagOverrides = {}) {
  const dueAt = overrides.dueAt ?? new Date("2026-11-20T17:00:00Z");
  return db.orderFlag.create({
    data: {
      shop,
      orderId,
      kind,
      status: "open",
      reason: `${kind} reason for ${orderId}`,
      reasonCode: kind,
      since: dueAt,
      dueAt,
      raisedAt: dueAt,
      ...overrides,
    },
  });
}

export type QueuedJob = { name: string; shop: string; payload: Record<string, unknown> };

/**
 * What the routes queue. On SQLite: the Job table as the embedded queue wrote it. On
 * PostgreSQL: the calls to the runtime queue's enqueue (kept from reaching pg-boss).
 */
export function recordJobs(queue: JobQueue, databaseKind: string, db: Db): { jobs(): Promise<QueuedJob[]> } {
  if (databaseKind === "sqlite") {
    return {
      async jobs() {
        const rows = await db.job.findMany({ orderBy: { createdAt: "asc" }, select: { name: true, shop: true, payload: true } });
        return rows.map((row) => ({ name: row.name, shop: row.shop, payload: JSON.parse(row.payload) as Record<string, unknown> }));
      },
    };
  }
  const calls: QueuedJob[] = [];
  const keys = new Set<string>();
  vi.spyOn(queue, "enqueue").mockImplementation(async (name, shop, payload, options) => {
    // As both backends do: one queued job per singleton key.
    const key = options?.singletonKey ? `${shop}|${name}|${options.singletonKey}` : null;
    if (key && keys.has(key)) return null;
    if (key) keys.add(key);
    calls.push({ name, shop, payload: payload as Record<string, unknown> });
    return `job-${calls.length}`;
  });
  return { jobs: async () => [...calls] };
}
