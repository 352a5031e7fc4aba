// What order care holds about a shopper, for Shopify's privacy requests (registered in
// app/compliance/personal-data.server.ts).
//
// The care state keeps little personal data by design: the customer's id, locale and email
// consent on OrderCare; no names, emails, phones or street addresses. Raw webhook bodies do
// hold those, only until the delivery is applied (apply-delivery.server.ts).
//
// A redact anonymises the customer's orders (their own, and any order the request lists) and
// erases the raw body of any delivery about them still waiting; the non-personal facts of
// the orders (dates, statuses, totals, timeline) stay for the merchant's numbers.
import type { CustomerQuery, PersonalDataHolder } from "../compliance/personal-data.server";
import type { Db } from "../db.server";

function customerOrdersWhere({ shop, customer, orderIds }: CustomerQuery) {
  return { shop, OR: [{ customerId: customer.id }, { orderId: { in: orderIds } }] };
}

async function customerOrderIds(db: Db, query: CustomerQuery): Promise<string[]> {
  const orders = await db.orderCare.findMany({ where: customerOrdersWhere(query), select: { orderId: true } });
  return [...new Set([...orders.map((order) => order.orderId), ...query.orderIds])];
}

export const orderCarePersonalData: PersonalDataHolder = {
  name: "Order care: the customer's orders, parcels, refunds and timeline",

  async collect(db, query) {
    const { shop } = query;
    const orderIds = await customerOrderIds(db, query);
    if (orderIds.length === 0) return [];
    const where = { shop, orderId: { in: orderIds } };
    const [orders, fulfillments, refunds, timeline] = [
      await db.orderCare.findMany({ where, orderBy: [{ placedAt: "asc" }, { orderId: "asc" }] }),
      await db.orderFulfillment.findMany({ where, orderBy: [{ createdAt: "asc" }, { fulfillmentId: "asc" }] }),
      await db.orderRefund.findMany({ where, orderBy: [{ createdAt: "asc" }, { refundId: "asc" }] }),
      await db.timelineEvent.findMany({ where, orderBy: [{ occurredAt: "asc" }, { dedupeKey: "asc" }] }),
    ];
    return orderIds.map((orderId) => {
      const order = orders.find((row) => row.orderId === orderId);
      return {
        orderId,
        order: order && {
          name: order.name,
          customerId: order.customerId,
          customerLocale: order.customerLocale,
          emailConsent: order.emailConsent,
          placedAt: order.placedAt,
          paidAt: order.paidAt,
          cancelledAt: order.cancelledAt,
          closedAt: order.closedAt,
          financialStatus: order.financialStatus,
          fulfillmentStatus: order.fulfillmentStatus,
          paymentGateways: order.paymentGateways,
          shippingCountry: order.shippingCountry,
          shippingZone: order.shippingZone,
          totalPrice: order.totalPrice,
          currency: order.currency,
          tags: order.tags,
        },
        fulfillments: fulfillments
          .filter((row) => row.orderId === orderId)
          .map((row) => ({
            status: row.status,
            shipmentStatus: row.shipmentStatus,
            trackingCompany: row.trackingCompany,
            trackingNumber: row.trackingNumber,
            trackingUrl: row.trackingUrl,
            estimatedDeliveryAt: row.estimatedDeliveryAt,
            inTransitAt: row.inTransitAt,
            deliveredAt: row.deliveredAt,
            createdAt: row.createdAt,
          })),
        refunds: refunds.filter((row) => row.orderId === orderId).map((row) => ({ createdAt: row.createdAt, amount: row.amount, currency: row.currency })),
        timeline: timeline
          .filter((row) => row.orderId === orderId)
          .map((row) => ({ kind: row.kind, occurredAt: row.occurredAt, detail: row.detail, source: row.source })),
      };
    }).filter((record) => record.order || record.fulfillments.length > 0 || record.refunds.length > 0 || record.timeline.length > 0);
  },

  async redact(db, query) {
    const orderIds = await customerOrderIds(db, query);
    const { count: orders } = await db.orderCare.updateMany({
      where: customerOrdersWhere(query),
      data: { customerId: null, customerLocale: null, emailConsent: null },
    });
    const deliveries = await eraseDeliveryBodies(db, query.shop, query.customer.id, orderIds);
    return orders + deliveries;
  },
};

/** Erases the raw body of every delivery that is about one of the orders or the customer. */
async function eraseDeliveryBodies(db: Db, shop: string, customerId: string, orderIds: readonly string[]): Promise<number> {
  const needles = [customerId, ...orderIds];
  const candidates = await db.webhookDelivery.findMany({
    where: { shop, payload: { not: null }, OR: needles.map((needle) => ({ payload: { contains: needle } })) },
    select: { id: true, payload: true },
  });
  const orders = new Set(orderIds);
  const about = candidates.filter(({ payload }) => {
    const ids = deliveryIds(payload ?? "");
    return ids.customerId === customerId || (ids.orderId !== null && orders.has(ids.orderId));
  });
  if (about.length === 0) return 0;
  const { count } = await db.webhookDelivery.updateMany({
    where: { shop, id: { in: about.map(({ id }) => id) } },
    data: { payload: null },
  });
  return count;
}

/** The order and customer a raw order-topic body is about, whatever its topic. */
function deliveryIds(payload: string): { orderId: string | null; customerId: string | null } {
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    return { orderId: null, customerId: null };
  }
  const record = (value: unknown): Record<string, unknown> => (typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {});
  const id = (value: unknown): string | null => (typeof value === "number" || typeof value === "string" ? String(value) : null);
  const root = record(body);
  const edit = record(root.order_edit);
  // An order body has its own id and an order_number; a fulfillment or refund, an order_id.
  return {
    orderId: id(edit.order_id) ?? id(root.order_id) ?? ("order_number" in root ? id(root.id) : null),
    customerId: id(record(root.customer).id),
  };
}
