// The synthetic history of the dashboard's benchmarks (npm run bench:dashboard, and
// npm run bench:lcp -- --database postgres): orders over a year with their parcels, flags,
// returns, check-ins, messages, gifts and codes, written by SQL on PostgreSQL.
import type pg from "pg";

/**
 * Orders placed over the year before now, newest first: order i (1 to N) at now - i × (year / N).
 * Parameters: $1 the shop; $2 what is added to every order's and customer's id (0 for a shop of
 * its own; beside a shop's real orders, more than their largest id: the statements after the
 * orders' take only the orders above it); $3 now; $4 N. A statement takes $1 up to the last it uses.
 */
export const DASHBOARD_SEED = [
  // A shop that has settings (a real one) keeps them.
  `INSERT INTO "ShopSettings" ("shop", "timezone", "countryCode", "currency", "updatedAt") VALUES ($1, 'Europe/Paris', 'FR', 'EUR', now()) ON CONFLICT ("shop") DO NOTHING`,
  // 2 % cancelled, a fifth cash on delivery (confirmed 20–140 min later, most of them), 40,000 customers.
  `INSERT INTO "OrderCare" ("shop", "orderId", "orderGid", "name", "number", "customerId", "placedAt", "paidAt", "cancelledAt", "financialStatus", "fulfillmentStatus",
                            "paymentGateways", "cashOnDelivery", "shippingCountry", "totalPrice", "currency", "shopifyUpdatedAt", "lastSource", "updatedAt", "confirmedAt")
   SELECT $1, ($2::bigint + i)::text, 'gid://shopify/Order/' || ($2::bigint + i), '#' || i, i, ($2::bigint + i % 40000)::text, t.placed,
          CASE WHEN i % 5 = 0 THEN NULL ELSE t.placed END,
          CASE WHEN i % 50 = 0 THEN t.placed + interval '2 hours' END,
          CASE WHEN i % 5 = 0 THEN 'pending' WHEN i % 17 = 0 THEN 'partially_refunded' ELSE 'paid' END,
          CASE WHEN i % 50 = 0 OR t.placed > $3::timestamp - interval '1 day' THEN NULL WHEN i % 20 = 1 THEN 'partial' ELSE 'fulfilled' END,
          CASE WHEN i % 5 = 0 THEN 'Cash on Delivery (COD)' ELSE 'shopify_payments' END, i % 5 = 0,
          (ARRAY['FR','FR','FR','DE','BE','IT','US','GB','ES','CH'])[1 + i % 10], '49.90', 'EUR', t.placed, 'backfill', now(),
          CASE WHEN i % 5 = 0 AND i % 25 <> 0 THEN t.placed + (20 + i % 120) * interval '1 minute' END
     FROM generate_series(1, $4) AS i, LATERAL (SELECT $3::timestamp - (i::float8 * 31536000 / $4) * interval '1 second' AS placed) t`,
  // The first parcel 1–72 h after the order; a twentieth of the orders have a second one later. Delivered 1–6 days after, when old enough.
  `INSERT INTO "OrderFulfillment" ("shop", "fulfillmentId", "orderId", "status", "shipmentStatus", "trackingNumber", "createdAt", "shopifyUpdatedAt", "deliveredAt")
   SELECT o."shop", 'f' || o."orderId", o."orderId", 'success', CASE WHEN d.at IS NULL THEN 'in_transit' ELSE 'delivered' END, 'TRK' || o."orderId", s.at, s.at, d.at
     FROM "OrderCare" o,
          LATERAL (SELECT o."placedAt" + (1 + (o."number" * 7919) % 72) * interval '1 hour' AS at) s,
          LATERAL (SELECT CASE WHEN s.at + interval '7 days' < $3::timestamp THEN s.at + (1 + o."number" % 6) * interval '1 day' + (o."number" % 600) * interval '1 minute' END AS at) d
    WHERE o."shop" = $1 AND o."orderId"::bigint > $2 AND o."fulfillmentStatus" IS NOT NULL`,
  `INSERT INTO "OrderFulfillment" ("shop", "fulfillmentId", "orderId", "status", "trackingNumber", "createdAt", "shopifyUpdatedAt")
   SELECT o."shop", 'g' || o."orderId", o."orderId", 'success', 'TRK2' || o."orderId", o."placedAt" + interval '4 days', o."placedAt" + interval '4 days'
     FROM "OrderCare" o WHERE o."shop" = $1 AND o."orderId"::bigint > $2 AND o."fulfillmentStatus" = 'partial'`,
  // Open flags on recent undispatched orders; unconfirmed flags (open and cleared) on cash-on-delivery orders.
  `INSERT INTO "OrderFlag" ("shop", "orderId", "kind", "status", "reason", "reasonCode", "since", "dueAt", "raisedAt", "updatedAt")
   SELECT o."shop", o."orderId", 'late_dispatch', 'open', 'Not dispatched', 'late_dispatch', o."placedAt", o."placedAt", o."placedAt", now()
     FROM "OrderCare" o WHERE o."shop" = $1 AND o."orderId"::bigint > $2 AND o."fulfillmentStatus" IS NULL AND o."cancelledAt" IS NULL
   UNION ALL
   SELECT o."shop", o."orderId", 'unconfirmed', CASE WHEN o."confirmedAt" IS NULL THEN 'open' ELSE 'cleared' END, 'Not confirmed', 'unconfirmed', o."placedAt", o."placedAt", o."placedAt", now()
     FROM "OrderCare" o WHERE o."shop" = $1 AND o."orderId"::bigint > $2 AND o."cashOnDelivery" AND (o."confirmedAt" IS NULL OR o."number" % 10 = 0)`,
  // Returns for 6 % of the orders, 10 days after.
  `INSERT INTO "ReturnCase" ("id", "shop", "orderId", "returnNumber", "status", "reason", "lines", "decision", "labelPaidBy", "source", "requestedAt", "updatedAt")
   SELECT 'rc' || o."orderId", o."shop", o."orderId", 'R' || o."orderId", (ARRAY['requested','approved','refunded','cancelled'])[1 + o."number" % 4],
          (ARRAY['wrong_item','damaged_in_transit','defective','not_as_described','size_or_fit','changed_mind','other'])[1 + o."number" % 7],
          '[]', '{}', 'shop', 'shopper', o."placedAt" + interval '10 days', now()
     FROM "OrderCare" o WHERE o."shop" = $1 AND o."orderId"::bigint > $2 AND o."number" % 17 = 3 AND o."placedAt" + interval '10 days' < $3::timestamp`,
  // A check-in for each delivered parcel (a tenth of them a problem), with the other timeline events an order has.
  `INSERT INTO "TimelineEvent" ("id", "shop", "orderId", "kind", "occurredAt", "source", "detail", "dedupeKey")
   SELECT 'te' || f."orderId" || k.kind, f."shop", f."orderId", k.kind, f."deliveredAt" + interval '1 day', 'shopper',
          CASE WHEN k.kind = 'checked_in' THEN CASE WHEN f."orderId"::bigint % 10 = 0 THEN '{"answer":"problem"}' ELSE '{"answer":"arrived_well"}' END END, k.kind
     FROM "OrderFulfillment" f, (VALUES ('checked_in'), ('delivered'), ('dispatched'), ('placed')) AS k(kind)
    WHERE f."shop" = $1 AND f."orderId"::bigint > $2 AND f."deliveredAt" IS NOT NULL`,
  // Two shopper messages per delivered order, and a staff digest a day.
  `INSERT INTO "OutboxMessage" ("id", "shop", "orderId", "type", "dedupeKey", "audience", "locale", "toAddress", "subject", "html", "text", "status", "createdAt", "updatedAt")
   SELECT 'om' || f."orderId" || m.type, f."shop", f."orderId", m.type, f."orderId" || m.type, 'shopper', 'fr', 'shopper@example.com', 'Subject', '<p>Body</p>', 'Body',
          (ARRAY['sent','sent','sent','sent','sent','sent','sent','held','failed','suppressed'])[1 + f."orderId"::bigint % 10], f."deliveredAt" + m.delay, now()
     FROM "OrderFulfillment" f, (VALUES ('delivery_check_in', interval '1 day'), ('review_request', interval '7 days')) AS m(type, delay)
    WHERE f."shop" = $1 AND f."orderId"::bigint > $2 AND f."deliveredAt" IS NOT NULL`,
  // Gifts with a tenth of the orders; discount codes for a twentieth, half of them used.
  `INSERT INTO "GiftGrant" ("id", "shop", "orderId", "ruleId", "kind", "status", "cost", "month", "createdAt")
   SELECT 'gg' || o."orderId", o."shop", o."orderId", 'rule', 'packer_instruction', 'done', (ARRAY['0','2.50','4.90'])[1 + o."number" % 3], to_char(o."placedAt", 'YYYY-MM'), o."placedAt"
     FROM "OrderCare" o WHERE o."shop" = $1 AND o."orderId"::bigint > $2 AND o."number" % 10 = 7`,
  `INSERT INTO "IssuedDiscountCode" ("id", "shop", "code", "source", "customerId", "orderId", "percent", "expiresAt", "issuedAt", "redeemedAt")
   SELECT 'dc' || o."orderId", o."shop", 'THANKS-' || o."orderId", 'review', o."customerId", o."orderId", 10, o."placedAt" + interval '90 days', o."placedAt" + interval '8 days',
          CASE WHEN o."number" % 2 = 0 AND o."placedAt" + interval '20 days' < $3::timestamp THEN o."placedAt" + interval '20 days' END
     FROM "OrderCare" o WHERE o."shop" = $1 AND o."orderId"::bigint > $2 AND o."number" % 20 = 9`,
];

export type DashboardSeed = { shop: string; now: Date; orders: number; idOffset?: number };

/** Runs DASHBOARD_SEED for one shop, each statement with the parameters it uses. */
export async function seedDashboardShop(client: pg.Client, seed: DashboardSeed): Promise<void> {
  const values = [seed.shop, seed.idOffset ?? 0, seed.now.toISOString(), seed.orders];
  for (const statement of DASHBOARD_SEED) {
    const last = Math.max(...[...statement.matchAll(/\$(\d)/g)].map((match) => Number(match[1])));
    await client.query(statement, values.slice(0, last));
  }
}

export const DASHBOARD_TABLES = ["OrderCare", "OrderFulfillment", "OrderFlag", "ReturnCase", "TimelineEvent", "OutboxMessage", "GiftGrant", "IssuedDiscountCode"] as const;

/** The shop's rows in each table the seed fills. */
export async function dashboardRows(client: pg.Client, shop: string): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const table of DASHBOARD_TABLES) {
    rows[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}" WHERE "shop" = $1`, [shop])).rows[0]?.n ?? 0);
  }
  return rows;
}

