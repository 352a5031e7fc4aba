// The process's job runtime: one queue for the configured database, started once, its errors
// logged and sent to error reporting, its schedules ticking.
import type { ErrorEvent } from "@sentry/node";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "~/db.server";
import { getJobQueue, startJobRuntime, stopJobRuntime } from "~/jobs/runtime.server";
import { PermanentJobError } from "~/jobs/queue";
import { initErrorReporting } from "~/observability/sentry.server";
import { resetDatabase } from "../../support/factories";
import { testDatabaseKind } from "../../support/databases";
import { expectConsoleErrors } from "../../support/console-guard";

const SHOP = "runtime.myshopify.com";
const START = { pollIntervalMs: testDatabaseKind() === "postgres" ? 500 : 25 };
const until = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 20 });

beforeEach(async () => {
  await resetDatabase(prisma);
});

afterEach(async () => {
  await stopJobRuntime();
});

describe("the job runtime", () => {
  it("builds one queue per process, for the configured database", () => {
    expect(getJobQueue()).toBe(getJobQueue());
    expect(getJobQueue().backend).toBe(testDatabaseKind() === "postgres" ? "pg-boss" : "embedded");
  });

  it("starts once however often it is asked, and runs scheduled jobs", async () => {
    const runs: unknown[] = [];
    const handlers = { "shop.heartbeat": async (payload: unknown) => void runs.push(payload) };
    const options = { ...START, schedules: [{ name: "shop.heartbeat", everyMs: 3_600_000, shops: async () => [SHOP] }] };
    const first = startJobRuntime(handlers, options);
    expect(startJobRuntime(handlers, options)).toBe(first);
    await first;
    await startJobRuntime(handlers, options);

    await until(() => runs.length).toBe(1);
    expect(runs[0]).toEqual({ slot: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:00:00\.000Z$/) });
    expect(await prisma.scheduleSlot.count({ where: { shop: SHOP, name: "shop.heartbeat" } })).toBe(1);
  });

  it("logs a failed job and reports it with its shop and name", async () => {
    expectConsoleErrors();
    const events: ErrorEvent[] = [];
    initErrorReporting({ sentry: { dsn: "https://public@o0.ingest.sentry.io/1", environment: "test" } }, {
      beforeSend: (event) => {
        events.push(event);
        return null;
      },
    });
    // Sentry wraps console.error; this spy sits on top and passes calls through to the guard.
    const consoleError = vi.spyOn(console, "error");

    await startJobRuntime({ "orders.tag": async () => { throw new PermanentJobError("the order was deleted"); } }, START);
    const id = await getJobQueue().enqueue("orders.tag", SHOP, { orderId: "1" });

    await until(() => events.length).toBe(1);
    expect(events[0]?.exception?.values?.[0]?.value).toBe("the order was deleted");
    expect(events[0]?.tags).toMatchObject({ source: "job", shop: SHOP });
    expect(events[0]?.extra).toMatchObject({ job: "orders.tag", jobId: id, attempt: 1, permanent: true, willRetry: false });
    const lines = consoleError.mock.calls.map((call) => String(call[0])).filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: "error", message: "job failed for good", name: "orders.tag", shop: SHOP, error: "the order was deleted" }),
    );
    await until(() => prisma.jobFailure.count({ where: { shop: SHOP } })).toBe(1);
  });
});
