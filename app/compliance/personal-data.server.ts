// Everything the app holds about shoppers, by table: what a data request collects, what a
// redact erases, and the list of tables a shop/redact empties. A feature that stores
// personal data adds a holder here; tests fail when a shop-keyed table is missing.
import type { Prisma } from "@prisma/client";
import type { Db } from "../db.server";
import type { ComplianceCustomer } from "./payloads";
import { shopperMessagesPersonalData } from "../messages/personal-data.server";
import { orderCarePersonalData } from "../orders/personal-data.server";

export type CustomerQuery = { shop: string; customer: ComplianceCustomer; orderIds: string[] };

export type PersonalDataHolder = {
  /** Shown as the section name in the merchant's data-request report. */
  name: string;
  collect(db: Db, query: CustomerQuery): Promise<unknown[]>;
  /** Returns how many rows were erased or anonymised. */
  redact(db: Db, query: CustomerQuery): Promise<number>;
};

const earlierPrivacyRequests: PersonalDataHolder = {
  name: "Earlier privacy requests about this customer",
  async collect(db, { shop, customer }) {
    return db.complianceRequest.findMany({
      where: { shop, customerId: customer.id },
      select: { topic: true, receivedAt: true, completedAt: true, orderIds: true },
      orderBy: { receivedAt: "asc" },
    });
  },
  async redact(db, { shop, customer }) {
    // Reports of earlier data requests copy the customer's data: they go too.
    const { count } = await db.complianceRequest.updateMany({
      where: { shop, customerId: customer.id, report: { not: null } },
      data: { report: null },
    });
    return count;
  },
};

export const PERSONAL_DATA_HOLDERS: PersonalDataHolder[] = [orderCarePersonalData, shopperMessagesPersonalData, earlierPrivacyRequests];

/**
 * Every table holding shop data, emptied for a shop on shop/redact. Sessions go first so
 * that no API call can be made for the shop while the rest is erased.
 */
export const SHOP_TABLES = [
  "session",
  "webhookDelivery",
  "job",
  "jobFailure",
  "scheduleSlot",
  "timelineEvent",
  "orderFulfillment",
  "orderRefund",
  "orderCare",
  "orderSync",
  "complianceRequest",
  "outboxMessage",
  "messageTemplate",
  "messageSuppression",
  "shopperLinkUse",
  "shopSettings",
  "orderFlag",
  "watchSettings",
  "returnDocument",
  "returnCase",
  "returnSettings",
  "lookupAttempt",
  "giftGrant",
  "giftRule",
  "loyaltyMember",
  "loyaltySettings",
  "issuedDiscountCode",
  "dashboardDay",
  "shop",
] as const satisfies readonly Uncapitalize<Prisma.ModelName>[];

export async function eraseShop(db: Db, shop: string): Promise<Record<(typeof SHOP_TABLES)[number], number>> {
  const counts = await db.$transaction(
    SHOP_TABLES.map((table) => (db[table] as unknown as { deleteMany(args: { where: { shop: string } }): Prisma.PrismaPromise<{ count: number }> }).deleteMany({ where: { shop } })),
  );
  return Object.fromEntries(SHOP_TABLES.map((table, index) => [table, counts[index]?.count ?? 0])) as Record<(typeof SHOP_TABLES)[number], number>;
}
