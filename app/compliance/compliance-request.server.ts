// Carries out Shopify's privacy requests. Each delivery is recorded once (unique per shop
// and webhook id), so a duplicate delivery changes nothing.
import type { Db } from "../db.server";
import { log } from "../observability/log.server";
import type { ComplianceRequestInput } from "./payloads";
import { PERSONAL_DATA_HOLDERS, eraseShop, type CustomerQuery } from "./personal-data.server";

export type ComplianceOutcome = "completed" | "duplicate";

export async function carryOutComplianceRequest(
  db: Db,
  input: ComplianceRequestInput & { shop: string; webhookId: string },
  now: Date = new Date(),
): Promise<ComplianceOutcome> {
  if (input.topic === "shop/redact") {
    const erased = await eraseShop(db, input.shop);
    // Nothing of the shop may remain, not even a record of this request: the log is the proof.
    log.info("shop/redact carried out", { shop: input.shop, webhookId: input.webhookId, erased });
    return "completed";
  }

  const query: CustomerQuery = {
    shop: input.shop,
    customer: input.payload.customer,
    orderIds: input.topic === "customers/data_request" ? input.payload.orders_requested : input.payload.orders_to_redact,
  };
  const existing = await db.complianceRequest.findUnique({
    where: { shop_webhookId: { shop: input.shop, webhookId: input.webhookId } },
    select: { status: true },
  });
  if (existing?.status === "completed") return "duplicate";

  const request = await db.complianceRequest.upsert({
    where: { shop_webhookId: { shop: input.shop, webhookId: input.webhookId } },
    create: {
      shop: input.shop,
      topic: input.topic,
      webhookId: input.webhookId,
      customerId: query.customer.id,
      orderIds: query.orderIds.join(","),
      receivedAt: now,
    },
    update: {},
  });

  if (input.topic === "customers/data_request") {
    const report = await collectCustomerReport(db, query, now);
    await db.complianceRequest.update({
      where: { id: request.id },
      data: { report: JSON.stringify(report), status: "completed", completedAt: new Date() },
    });
  } else {
    const redacted = await redactCustomer(db, query);
    await db.complianceRequest.update({
      where: { id: request.id },
      data: { status: "completed", completedAt: new Date() },
    });
    log.info("customers/redact carried out", { shop: input.shop, webhookId: input.webhookId, redacted });
  }
  return "completed";
}

export type CustomerReport = {
  shop: string;
  generatedAt: string;
  customer: { id: string; email: string | null; phone: string | null };
  ordersRequested: string[];
  sections: { name: string; records: unknown[] }[];
};

export async function collectCustomerReport(db: Db, query: CustomerQuery, now: Date): Promise<CustomerReport> {
  const sections = [];
  for (const holder of PERSONAL_DATA_HOLDERS) {
    sections.push({ name: holder.name, records: await holder.collect(db, query) });
  }
  return {
    shop: query.shop,
    generatedAt: now.toISOString(),
    customer: { id: query.customer.id, email: query.customer.email ?? null, phone: query.customer.phone ?? null },
    ordersRequested: query.orderIds,
    sections,
  };
}

export async function redactCustomer(db: Db, query: CustomerQuery): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const holder of PERSONAL_DATA_HOLDERS) {
    counts[holder.name] = await holder.redact(db, query);
  }
  return counts;
}

/** The data-request reports a merchant can download, newest first. */
export async function listDataRequests(db: Db, shop: string) {
  return db.complianceRequest.findMany({
    where: { shop, topic: { in: ["customers/data_request", "customers/redact"] } },
    select: { id: true, topic: true, customerId: true, status: true, receivedAt: true, completedAt: true, report: true },
    orderBy: { receivedAt: "desc" },
    take: 100,
  });
}

export async function findDataRequestReport(db: Db, shop: string, id: string): Promise<string | null> {
  const row = await db.complianceRequest.findFirst({
    where: { id, shop, topic: "customers/data_request" },
    select: { report: true },
  });
  return row?.report ?? null;
}
