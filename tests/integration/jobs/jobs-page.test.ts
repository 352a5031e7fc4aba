// The "Background jobs" admin page, through signed embedded requests: this shop's failures
// only, newest first, and a retry that cannot reach another shop's failure.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createStore } from "../../admin-api/store.ts";
import { startAdminApiStandIn, type StandIn } from "../../admin-api/server.ts";
import { embeddedRequest } from "../../support/signed-requests";
import { resetDatabase, seedShop } from "../../support/factories";
import { testDatabaseKind } from "../../support/databases";
import { TEST_API_KEY, TEST_API_SECRET } from "../../support/test-env";

const SHOP = "jobs-page.myshopify.com";
const OTHER_SHOP = "someone-else.myshopify.com";
let standIn: StandIn;

beforeAll(async () => {
  const store = createStore();
  store.addShop({
    domain: SHOP,
    accessToken: "shpat_unused",
    plan: "standard",
    shop: { id: "gid://shopify/Shop/7", __typename: "Shop", name: "Jobs Page", myshopifyDomain: SHOP, currencyCode: "EUR", ianaTimezone: "Europe/Paris", contactEmail: "hi@jobs.example" },
  });
  standIn = await startAdminApiStandIn({ store, apps: [{ apiKey: TEST_API_KEY, apiSecret: TEST_API_SECRET }] });
  // Read by app/config.server.ts when the app modules load below.
  process.env.SHOPIFY_ADMIN_API_ORIGIN = standIn.origin;
});

afterAll(async () => {
  const { stopJobRuntime } = await import("~/jobs/runtime.server");
  await stopJobRuntime();
  await standIn?.close();
});

beforeEach(async () => {
  const { default: prisma } = await import("~/db.server");
  await resetDatabase(prisma);
  // An installed shop: no token exchange, so the install hook queues no backfill here.
  await seedShop(prisma, SHOP);
});

async function seedFailures() {
  const { default: prisma } = await import("~/db.server");
  const failure = (shop: string, jobName: string, failedAt: string, permanent: boolean) =>
    prisma.jobFailure.create({ data: { shop, jobName, jobId: `${jobName}-1`, payload: JSON.stringify({ for: shop }), error: `${jobName} failed`, permanent, attempts: permanent ? 1 : 8, failedAt: new Date(failedAt) } });
  return {
    older: await failure(SHOP, "orders.apply", "2026-11-20T10:00:00Z", false),
    newer: await failure(SHOP, "messages.send", "2026-11-22T10:00:00Z", true),
    foreign: await failure(OTHER_SHOP, "orders.apply", "2026-11-23T10:00:00Z", true),
  };
}

const loaderArgs = (request: Request) => ({ request, params: {}, context: {} });

function retryRequest(failureId: string): Request {
  const page = embeddedRequest("/app/jobs", SHOP);
  const body = new FormData();
  body.set("failureId", failureId);
  return new Request(page.url, { method: "POST", body, headers: { ...Object.fromEntries(page.headers), Authorization: `Bearer ${new URL(page.url).searchParams.get("id_token")}` } });
}

describe("the Background jobs page", () => {
  it("lists this shop's failed jobs, newest first, with what the merchant needs to decide", async () => {
    const { older, newer } = await seedFailures();
    const { loader } = await import("~/routes/app.jobs");
    const view = await loader(loaderArgs(embeddedRequest("/app/jobs", SHOP)));

    expect(view.failures.map((failure) => failure.id)).toEqual([newer.id, older.id]);
    expect(view.failures[0]).toEqual({ id: newer.id, jobName: "messages.send", error: "messages.send failed", permanent: true, attempts: 1, failedAt: "2026-11-22T10:00:00.000Z", retriedAt: null });
    expect(view.counts).toEqual(testDatabaseKind() === "postgres" ? null : { queued: 0, running: 0 });
  });

  it("retries a failure of this shop once, and never one of another shop", async () => {
    const { default: prisma } = await import("~/db.server");
    const { older, foreign } = await seedFailures();
    const { action, loader } = await import("~/routes/app.jobs");

    expect(await action(loaderArgs(retryRequest(foreign.id)))).toEqual({ retried: false, failureId: foreign.id });
    expect((await prisma.jobFailure.findUniqueOrThrow({ where: { id: foreign.id } })).retriedAt).toBeNull();

    expect(await action(loaderArgs(retryRequest(older.id)))).toEqual({ retried: true, failureId: older.id });
    expect(await action(loaderArgs(retryRequest(older.id)))).toEqual({ retried: false, failureId: older.id });

    const view = await loader(loaderArgs(embeddedRequest("/app/jobs", SHOP)));
    expect(view.failures.find((failure) => failure.id === older.id)?.retriedAt).toEqual(expect.any(String));
    if (testDatabaseKind() === "sqlite") {
      expect(view.counts).toEqual({ queued: 1, running: 0 });
      const job = await prisma.job.findFirstOrThrow({ where: { shop: SHOP } });
      expect(job).toMatchObject({ name: "orders.apply", status: "queued" });
      expect(JSON.parse(job.payload)).toEqual({ for: SHOP });
    }
  });
});
