// The three compliance topics through their real route modules with Shopify-signed requests.
import { Prisma } from "@prisma/client";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action as dataRequest } from "~/routes/webhooks.customers.data_request";
import { action as customersRedact } from "~/routes/webhooks.customers.redact";
import { action as shopRedact } from "~/routes/webhooks.shop.redact";
import type { CustomerReport } from "~/compliance/compliance-request.server";
import { SHOP_TABLES } from "~/compliance/personal-data.server";
import { signedWebhook } from "../support/signed-requests";
import { resetDatabase, seedShop } from "../support/factories";

const SHOP = "privacy-one.myshopify.com";
const OTHER_SHOP = "privacy-two.myshopify.com";
const call = (handler: typeof dataRequest, request: Request) => handler({ request, params: {}, context: {} });

const customer = { id: 7001, email: "ana@example.com", phone: "+48 600 100 200" };

function dataRequestBody(shop: string, customerId = customer.id, orders = [5001, 5002]) {
  return { shop_id: 1, shop_domain: shop, customer: { ...customer, id: customerId }, orders_requested: orders, data_request: { id: 9999 } };
}

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP);
  await seedShop(prisma, OTHER_SHOP);
});

describe("customers/data_request", () => {
  it("stores a downloadable report of what the app holds about the customer", async () => {
    const response = await call(dataRequest, signedWebhook({ topic: "customers/data_request", shop: SHOP, body: dataRequestBody(SHOP) }));
    expect(response.status).toBe(200);
    const rows = await prisma.complianceRequest.findMany({ where: { shop: SHOP } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ topic: "customers/data_request", customerId: "7001", orderIds: "5001,5002", status: "completed" });
    const report = JSON.parse(rows[0]?.report ?? "null") as CustomerReport;
    expect(report.customer).toEqual({ id: "7001", email: "ana@example.com", phone: "+48 600 100 200" });
    expect(report.ordersRequested).toEqual(["5001", "5002"]);
    expect(report.sections.map((section) => section.name)).toContain("Earlier privacy requests about this customer");
  });

  it("changes nothing when the same delivery comes twice", async () => {
    const first = signedWebhook({ topic: "customers/data_request", shop: SHOP, body: dataRequestBody(SHOP), webhookId: "dup-1" });
    const second = signedWebhook({ topic: "customers/data_request", shop: SHOP, body: dataRequestBody(SHOP), webhookId: "dup-1" });
    expect((await call(dataRequest, first)).status).toBe(200);
    const before = await prisma.complianceRequest.findMany({ where: { shop: SHOP } });
    expect((await call(dataRequest, second)).status).toBe(200);
    expect(await prisma.complianceRequest.findMany({ where: { shop: SHOP } })).toEqual(before);
  });

  it("answers 400 with the reason and stores nothing when the payload is malformed", async () => {
    const response = await call(dataRequest, signedWebhook({ topic: "customers/data_request", shop: SHOP, body: { shop_domain: SHOP, customer: { email: "x" } } }));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/customer\.id/);
    expect(await prisma.complianceRequest.count()).toBe(0);
  });
});

describe.each([
  ["customers/data_request", dataRequest],
  ["customers/redact", customersRedact],
  ["shop/redact", shopRedact],
] as const)("%s with a bad HMAC", (topic, handler) => {
  it("gets 401 and writes nothing", async () => {
    const rowsBefore = await countAllRows();
    const response = await call(handler, signedWebhook({ topic, shop: SHOP, body: dataRequestBody(SHOP), secret: "not-the-app-secret" }));
    expect(response.status).toBe(401);
    expect(await countAllRows()).toEqual(rowsBefore);
  });
});

describe("customers/redact", () => {
  it("erases the customer's data-request reports and keeps other customers'", async () => {
    await call(dataRequest, signedWebhook({ topic: "customers/data_request", shop: SHOP, body: dataRequestBody(SHOP, 7001) }));
    await call(dataRequest, signedWebhook({ topic: "customers/data_request", shop: SHOP, body: dataRequestBody(SHOP, 7002) }));
    const body = { shop_id: 1, shop_domain: SHOP, customer: { ...customer, id: 7001 }, orders_to_redact: [5001] };
    const response = await call(customersRedact, signedWebhook({ topic: "customers/redact", shop: SHOP, body }));
    expect(response.status).toBe(200);
    const rows = await prisma.complianceRequest.findMany({ where: { shop: SHOP }, orderBy: { receivedAt: "asc" } });
    const reportsByCustomer = Object.fromEntries(rows.filter((row) => row.topic === "customers/data_request").map((row) => [row.customerId, row.report]));
    expect(reportsByCustomer["7001"]).toBeNull();
    expect(reportsByCustomer["7002"]).toContain('"7002"');
    expect(rows.find((row) => row.topic === "customers/redact")).toMatchObject({ status: "completed", orderIds: "5001" });
  });
});

describe("shop/redact", () => {
  it("leaves no row of that shop in any table and keeps other shops' rows", async () => {
    await call(dataRequest, signedWebhook({ topic: "customers/data_request", shop: SHOP, body: dataRequestBody(SHOP) }));
    await call(dataRequest, signedWebhook({ topic: "customers/data_request", shop: OTHER_SHOP, body: dataRequestBody(OTHER_SHOP) }));
    const otherBefore = await countRowsOf(OTHER_SHOP);
    expect(Object.values(await countRowsOf(SHOP)).some((count) => count > 0)).toBe(true);

    const response = await call(shopRedact, signedWebhook({ topic: "shop/redact", shop: SHOP, body: { shop_id: 1, shop_domain: SHOP } }));
    expect(response.status).toBe(200);
    expect(Object.values(await countRowsOf(SHOP)).every((count) => count === 0)).toBe(true);
    expect(await countRowsOf(OTHER_SHOP)).toEqual(otherBefore);
  });

  it("covers every table of the data model (a new shop-keyed table must be added to SHOP_TABLES)", () => {
    const models = Prisma.dmmf.datamodel.models;
    for (const model of models) {
      expect(model.fields.map((field) => field.name), `${model.name} has no shop column`).toContain("shop");
    }
    const tables = models.map((model) => model.name.charAt(0).toLowerCase() + model.name.slice(1));
    expect([...SHOP_TABLES].sort()).toEqual(tables.sort());
  });
});

type CountDelegate = { count(args?: { where: { shop: string } }): Promise<number> };

function delegate(table: string): CountDelegate {
  return (prisma as unknown as Record<string, CountDelegate>)[table] as CountDelegate;
}

async function countRowsOf(shop: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of Prisma.dmmf.datamodel.models) {
    const table = model.name.charAt(0).toLowerCase() + model.name.slice(1);
    counts[table] = await delegate(table).count({ where: { shop } });
  }
  return counts;
}

async function countAllRows(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of Prisma.dmmf.datamodel.models) {
    const table = model.name.charAt(0).toLowerCase() + model.name.slice(1);
    counts[table] = await delegate(table).count();
  }
  return counts;
}
