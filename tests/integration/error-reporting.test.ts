// With a DSN, errors thrown by loaders and actions reach Sentry; without one nothing is sent.
import type { ErrorEvent } from "@sentry/node";
import { describe, expect, it } from "vitest";
import { initErrorReporting, reportError } from "~/observability/sentry.server";
import { handleError } from "~/entry.server";
import { expectConsoleErrors } from "../support/console-guard";

describe("error reporting", () => {
  it("is a no-op without a DSN", () => {
    expect(initErrorReporting({ sentry: { dsn: undefined, environment: "test" } })).toBe(false);
    expect(() => reportError(new Error("nothing listens"), { source: "test" })).not.toThrow();
  });

  it("sends loader and action errors to Sentry once a DSN is configured", async () => {
    expectConsoleErrors();
    const events: ErrorEvent[] = [];
    initErrorReporting(
      { sentry: { dsn: "https://public@o0.ingest.sentry.io/1", environment: "test" } },
      { beforeSend: (event) => { events.push(event); return null; } },
    );
    const request = new Request("http://localhost/app/orders?shop=care-test.myshopify.com");
    handleError(new Error("loader exploded"), { request, params: {}, context: {} });
    handleError(new TypeError("action exploded"), { request: new Request("http://localhost/app/settings", { method: "POST" }), params: {}, context: {} });
    await expect.poll(() => events.length, { timeout: 5000 }).toBe(2);
    expect(events.map((event) => event.exception?.values?.[0]?.value)).toEqual(["loader exploded", "action exploded"]);
    expect(events.map((event) => event.tags?.source)).toEqual(["loader", "action"]);
    expect(events[0]?.tags?.shop).toBe("care-test.myshopify.com");
  });
});
