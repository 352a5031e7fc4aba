// The lean intake for order topics: verify, record once, queue, answer — and refuse
// everything else without storing it.
import { beforeEach, describe, expect, it } from "vitest";
import prisma, { createDb } from "~/db.server";
import { MAX_WEBHOOK_BYTES, receiveWebhook, type IntakeDependencies } from "~/webhooks/intake.server";
import { expectConsoleErrors } from "../support/console-guard";
import { resetDatabase, seedShop } from "../support/factories";
import { signedWebhook } from "../support/signed-requests";
import { TEST_API_SECRET } from "../support/test-env";

const SHOP = "intake.myshopify.com";
const order = { id: 5001, admin_graphql_api_id: "gid://shopify/Order/5001", name: "#1001", updated_at: "2026-11-20T10:00:00+01:00" };

let queued: { id: string; shop: string; topic: string }[];

function deps(overrides: Partial<IntakeDependencies> = {}): IntakeDependencies {
  return {
    db: prisma,
    secret: TEST_API_SECRET,
    isShopActive: async (shop) => (await prisma.shop.findUnique({ where: { shop } }))?.status !== "uninstalled",
    enqueue: async (_tx, delivery) => {
      queued.push(delivery);
    },
    ...overrides,
  };
}

const deliver = (request: Request, overrides?: Partial<IntakeDependencies>) => receiveWebhook(request, "orders/updated", deps(overrides));

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP);
  queued = [];
});

describe("order webhook intake", () => {
  it("records a delivery with its ids and queues it", async () => {
    const response = await deliver(signedWebhook({ topic: "orders/updated", shop: SHOP, body: order, webhookId: "w-1", eventId: "e-1" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Aftercare-Intake")).toBe("queued");
    const rows = await prisma.webhookDelivery.findMany({ where: { shop: SHOP } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ topic: "orders/updated", webhookId: "w-1", eventId: "e-1", apiVersion: "2026-10", status: "queued" });
    expect(JSON.parse(rows[0]?.payload ?? "{}")).toEqual(order);
    expect(queued).toEqual([{ id: rows[0]?.id, shop: SHOP, topic: "orders/updated" }]);
  });

  it.each([1, 2, 5, 8])("stores and queues one delivery when it arrives %i times", async (times) => {
    for (let attempt = 0; attempt < times; attempt++) {
      const response = await deliver(signedWebhook({ topic: "orders/updated", shop: SHOP, body: order, webhookId: "same", eventId: "evt" }));
      expect(response.status).toBe(200);
    }
    expect(await prisma.webhookDelivery.count()).toBe(1);
    expect(queued).toHaveLength(1);
  });

  it("treats a new delivery of an event already received as a duplicate", async () => {
    await deliver(signedWebhook({ topic: "orders/updated", shop: SHOP, body: order, webhookId: "w-1", eventId: "e-1" }));
    const again = await deliver(signedWebhook({ topic: "orders/updated", shop: SHOP, body: order, webhookId: "w-2", eventId: "e-1" }));
    expect(again.headers.get("X-Aftercare-Intake")).toBe("duplicate");
    expect(await prisma.webhookDelivery.count()).toBe(1);
  });

  it("acknowledges and drops deliveries for an uninstalled shop", async () => {
    await prisma.shop.update({ where: { shop: SHOP }, data: { status: "uninstalled" } });
    const response = await deliver(signedWebhook({ topic: "orders/updated", shop: SHOP, body: order }));
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Aftercare-Intake")).toBe("dropped");
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });
});

describe("refused deliveries store nothing", () => {
  const cases: [string, number, () => Request, RegExp][] = [
    ["a bad HMAC", 401, () => signedWebhook({ topic: "orders/updated", shop: SHOP, body: order, secret: "forged" }), /Unauthorized/],
    ["malformed JSON", 400, () => signedWebhook({ topic: "orders/updated", shop: SHOP, body: null, rawBody: '{"id": 5001,' }), /not a JSON object/],
    ["a JSON array", 400, () => signedWebhook({ topic: "orders/updated", shop: SHOP, body: [order] }), /not a JSON object/],
    ["a topic this endpoint does not take", 400, () => signedWebhook({ topic: "orders/create", shop: SHOP, body: order }), /receives \\"orders\/updated\\"/],
    ["a shop that is not a myshopify domain", 400, () => signedWebhook({ topic: "orders/updated", shop: "evil.example.com", body: order }), /Shop-Domain/],
    [
      "an oversized body",
      413,
      () => signedWebhook({ topic: "orders/updated", shop: SHOP, body: null, rawBody: JSON.stringify({ note: "x".repeat(MAX_WEBHOOK_BYTES) }) }),
      /over 2097152 bytes/,
    ],
  ];

  it.each(cases)("%s → %i", async (_name, status, request, message) => {
    const response = await deliver(request());
    expect(response.status).toBe(status);
    expect(await response.text()).toMatch(message);
    expect(await prisma.webhookDelivery.count()).toBe(0);
    expect(queued).toHaveLength(0);
  });

  it("a missing webhook id → 400", async () => {
    const request = signedWebhook({ topic: "orders/updated", shop: SHOP, body: order });
    const headers = new Headers(request.headers);
    headers.delete("X-Shopify-Webhook-Id");
    const response = await deliver(new Request(request.url, { method: "POST", headers, body: await request.text() }));
    expect(response.status).toBe(400);
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });

  it("GET → 405", async () => {
    const response = await deliver(new Request("http://localhost/webhooks/orders/updated"));
    expect(response.status).toBe(405);
  });
});

describe("when the database fails", () => {
  it("answers 503 and leaves no half-written delivery when queueing fails mid-transaction", async () => {
    expectConsoleErrors();
    const response = await deliver(signedWebhook({ topic: "orders/updated", shop: SHOP, body: order }), {
      enqueue: async () => {
        throw new Error("connection terminated unexpectedly");
      },
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("30");
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });

  it("answers 503 when the database cannot be reached at all", async () => {
    expectConsoleErrors();
    const unreachable = createDb("postgresql://postgres@127.0.0.1:1/unreachable");
    const response = await deliver(signedWebhook({ topic: "orders/updated", shop: SHOP, body: order }), {
      db: unreachable,
      isShopActive: async () => true,
    });
    expect(response.status).toBe(503);
    await unreachable.$disconnect();
  });
});

describe("a webhook URL without a handler", () => {
  it("gets a clear 404 and stores nothing", async () => {
    const { action } = await import("~/routes/webhooks.$");
    const response = action({ params: { "*": "products/create" } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'No webhook handler for topic "products/create"' });
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });
});
