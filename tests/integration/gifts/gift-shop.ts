// Customers and orders of our own on the demo shop's Admin API stand-in (the demo's 320 orders stay
// as they are), the app's view of them taken through the reconciliation query, a fake queue, and
// an Admin client that fails once after a chosen mutation went through.
import prisma from "~/db.server";
import { applyOrderEvents } from "~/orders/apply-delivery.server";
import { adminQuery } from "~/shopify/admin-graphql.server";
import { ORDERS_RECONCILE_QUERY } from "~/shopify/graphql/orders-reconcile";
import { orderEventOf } from "~/sync/graphql-order";
import type { OrdersReconcileQuery } from "~/types/admin.generated";
import type { CustomerRecord, MoneyBag, OrderRecord, ProductRecord, ProductVariantRecord } from "../../admin-api/demo-types";
import type { AdminGraphql, DemoStandIn } from "../../support/stand-in-admin";

/** A bucket that never throttles: these tests are not about pacing. */
export const ROOMY_BUCKET = { standard: { maximumAvailable: 1_000_000, restoreRate: 1_000_000 } };

export function money(cents: number): MoneyBag {
  const amount = (cents / 100).toFixed(2);
  return { shopMoney: { amount, currencyCode: "EUR" }, presentmentMoney: { amount, currencyCode: "EUR" } };
}

const cents = (amount: string) => Math.round(Number(amount) * 100);

export function addCustomer(stand: DemoStandIn, numericId: number, tags: string[] = []): CustomerRecord {
  const template = stand.demo.customers[0] as CustomerRecord;
  const customer = { ...template, id: `gid://shopify/Customer/${numericId}`, legacyResourceId: String(numericId), tags, numberOfOrders: "0", metafields: [] };
  // The store keeps its own copy: later changes go to that one.
  return stand.store.upsertNode(stand.shop, customer) as unknown as CustomerRecord;
}

/** A product variant of the demo catalog to give away, and one to sell. */
export function catalog(stand: DemoStandIn): { gift: { product: ProductRecord; variant: ProductVariantRecord }; sold: { product: ProductRecord; variant: ProductVariantRecord } } {
  const [first, second] = stand.demo.products as [ProductRecord, ProductRecord];
  return { gift: { product: first, variant: first.variants[0] as ProductVariantRecord }, sold: { product: second, variant: second.variants[0] as ProductVariantRecord } };
}

export type NewOrder = {
  id: number;
  customer: CustomerRecord | null;
  placedAt: Date;
  paid?: boolean;
  fulfilled?: boolean;
  note?: string | null;
  discountCodes?: string[];
  /** Quantity of the "sold" variant (default 2). */
  quantity?: number;
};

let lineSeq = 0;

export function addOrder(stand: DemoStandIn, input: NewOrder): OrderRecord {
  const template = stand.demo.orders[0] as OrderRecord;
  const { sold } = catalog(stand);
  const quantity = input.quantity ?? 2;
  const unit = cents(sold.variant.price);
  const total = unit * quantity;
  const paid = input.paid ?? true;
  const placed = input.placedAt.toISOString();
  lineSeq += 1;
  const line = {
    ...template.lineItems[0],
    id: `gid://shopify/LineItem/${input.id}${lineSeq}`,
    name: sold.product.title,
    title: sold.product.title,
    variantTitle: null,
    quantity,
    currentQuantity: quantity,
    unfulfilledQuantity: input.fulfilled ? 0 : quantity,
    originalUnitPriceSet: money(unit),
    discountedUnitPriceSet: money(unit),
    originalTotalSet: money(total),
    discountedTotalSet: money(total),
    totalDiscountSet: money(0),
    product: sold.product,
    variant: sold.variant,
  };
  const order = {
    ...template,
    id: `gid://shopify/Order/${input.id}`,
    legacyResourceId: String(input.id),
    name: `#${input.id}`,
    number: input.id,
    createdAt: placed,
    updatedAt: placed,
    processedAt: placed,
    closed: false,
    closedAt: null,
    cancelledAt: null,
    cancelReason: null,
    confirmed: true,
    displayFinancialStatus: paid ? "PAID" : "PENDING",
    displayFulfillmentStatus: input.fulfilled ? "FULFILLED" : "UNFULFILLED",
    fullyPaid: paid,
    unpaid: !paid,
    currencyCode: "EUR",
    presentmentCurrencyCode: "EUR",
    tags: [],
    discountCodes: input.discountCodes ?? [],
    note: input.note ?? null,
    subtotalLineItemsQuantity: quantity,
    subtotalPriceSet: money(total),
    totalShippingPriceSet: money(0),
    totalTaxSet: money(0),
    totalDiscountsSet: money(0),
    totalPriceSet: money(total),
    totalRefundedSet: money(0),
    totalOutstandingSet: money(paid ? 0 : total),
    customer: input.customer,
    lineItems: [line],
    fulfillments: [],
    refunds: [],
  };
  return stand.store.upsertNode(stand.shop, order) as unknown as OrderRecord;
}

/** Changes an order in the stand-in as Shopify would after a refund of everything. */
export function refundFully(stand: DemoStandIn, order: OrderRecord, at: Date): void {
  const refundId = 7_700_000 + order.number;
  Object.assign(order, {
    displayFinancialStatus: "REFUNDED",
    totalRefundedSet: order.totalPriceSet,
    updatedAt: at.toISOString(),
    refunds: [
      {
        __typename: "Refund",
        id: `gid://shopify/Refund/${refundId}`,
        legacyResourceId: String(refundId),
        createdAt: at.toISOString(),
        processedAt: at.toISOString(),
        updatedAt: at.toISOString(),
        note: "Refunded",
        totalRefundedSet: order.totalPriceSet,
        refundLineItems: [],
      },
    ],
  });
  stand.store.upsertNode(stand.shop, order);
}

export function markFulfilled(stand: DemoStandIn, order: OrderRecord, at: Date): void {
  Object.assign(order, { displayFulfillmentStatus: "FULFILLED", updatedAt: at.toISOString() });
  for (const line of order.lineItems) line.unfulfilledQuantity = 0;
}

/** The app takes the orders as the reconciliation reads them (discount codes included). */
export async function syncOrders(stand: DemoStandIn, orders: readonly OrderRecord[], now: Date): Promise<void> {
  const query = orders.map((order) => `id:${order.legacyResourceId}`).join(" OR ");
  const data = await adminQuery<OrdersReconcileQuery>(stand.admin, ORDERS_RECONCILE_QUERY, { first: 16, after: null, query });
  if (data.orders.nodes.length !== orders.length) throw new Error(`expected ${orders.length} orders from the stand-in, got ${data.orders.nodes.length}`);
  await applyOrderEvents(prisma, stand.shop, data.orders.nodes.map((node) => orderEventOf(node, "reconciliation")), now);
}

export type QueuedJob = { name: string; shop: string; payload: unknown; singletonKey?: string };

/** Records what was queued; a singleton key already waiting is refused (null), as the real queues do. */
export function fakeQueue() {
  const jobs: QueuedJob[] = [];
  return {
    jobs,
    async enqueue(name: string, shop: string, payload: unknown, options: { singletonKey?: string } = {}): Promise<string | null> {
      if (options.singletonKey && jobs.some((job) => job.shop === shop && job.singletonKey === options.singletonKey)) return null;
      jobs.push({ name, shop, payload, ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}) });
      return `job-${jobs.length}`;
    },
    take(name: string): QueuedJob[] {
      const taken = jobs.filter((job) => job.name === name);
      for (const job of taken) jobs.splice(jobs.indexOf(job), 1);
      return taken;
    },
  };
}

/**
 * An Admin client that runs `before` just before the first call of `operationName` and, with
 * `dropAnswer`, lets that call go through to Shopify and then loses its answer (the worker died
 * right after Shopify did it).
 */
export function intercepted(admin: AdminGraphql, operationName: string, options: { before?: () => void; dropAnswer?: boolean }): AdminGraphql & { seen: () => boolean } {
  let seen = false;
  const graphql = (async (query: string, requestOptions?: { variables?: unknown }) => {
    const first = !seen && new RegExp(`(?:query|mutation)\\s+${operationName}\\b`).test(query);
    if (first) {
      seen = true;
      options.before?.();
    }
    const response = await admin.graphql(query, requestOptions as never);
    if (first && options.dropAnswer) throw new Error("socket hang up");
    return response;
  }) as AdminGraphql["graphql"];
  return { graphql, seen: () => seen };
}
