import type { Db } from "../db.server";

export type Health = { status: "ok" | "unavailable"; database: "ok" | "unreachable"; latencyMs: number };

export async function checkHealth(db: Db, timeoutMs = 2000): Promise<Health> {
  const started = performance.now();
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), timeoutMs).unref()),
    ]);
    return { status: "ok", database: "ok", latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: "unavailable", database: "unreachable", latencyMs: Math.round(performance.now() - started) };
  }
}
