// The GraphQL → OrderSnapshot mapping, on the demo shop's orders as the stand-in executes
// the app's own queries (reconciliation page and bulk JSONL line).
import { getNamedType, isEnumType } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { ORDERS_RECONCILE_QUERY } from "~/shopify/graphql/orders-reconcile";
import { backfillBulkQuery } from "~/sync/backfill-query";
import {
  fulfillmentStatusOf,
  numericIdOf,
  orderEventOf,
  shipmentStatusOf,
  toOrderSnapshot,
  type GraphqlOrder,
} from "~/sync/graphql-order";
import { readBulkFile } from "../../admin-api/bulk-operations";
import { buildDemoShop, type DemoShop, type OrderRecord } from "../../admin-api/demo-shop";
import { runOperation } from "../../admin-api/execute";
import { loadAdminSchema } from "../../admin-api/schema";
import { createStore, type AdminStore, type NodeRecord } from "../../admin-api/store";

const NOW = new Date("2026-11-20T10:00:00Z");
let demo: DemoShop;
let store: AdminStore;
let nodes: GraphqlOrder[];
const clock = { now: NOW.getTime() };

async function query<T>(source: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await runOperation(store, demo.domain, source, variables, () => clock.now);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

beforeAll(async () => {
  demo = buildDemoShop({ now: NOW });
  store = createStore();
  store.addShop({ domain: demo.domain, accessToken: "shpat_unit", plan: "standard", shop: demo.shop });
  for (const record of [...demo.products, ...demo.customers, ...demo.orders] as NodeRecord[]) store.upsertNode(demo.domain, record);
  nodes = [];
  type Page = { orders: { nodes: GraphqlOrder[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  for (let after: string | null = null; ; ) {
    const page: Page = await query<Page>(ORDERS_RECONCILE_QUERY, { first: 100, after, query: "updated_at:>'2026-01-01T00:00:00Z'" });
    nodes.push(...page.orders.nodes);
    if (!page.orders.pageInfo.hasNextPage) break;
    after = page.orders.pageInfo.endCursor;
  }
});

function recordOf(orderId: string): OrderRecord {
  const record = demo.orders.find((order) => order.legacyResourceId === orderId);
  if (!record) throw new Error(`no demo order ${orderId}`);
  return record;
}

describe("toOrderSnapshot on the demo orders", () => {
  it("maps every one of the 320 orders", () => {
    expect(new Set(nodes.map((node) => node.id)).size).toBe(320);
  });

  it("turns GIDs into numeric ids and keeps the order's own values", () => {
    for (const node of nodes) {
      const snapshot = toOrderSnapshot(node);
      const record = recordOf(snapshot.orderId);
      expect(snapshot).toMatchObject({
        orderGid: record.id,
        name: record.name,
        number: record.number,
        customerId: record.customer.legacyResourceId,
        customerLocale: record.customerLocale,
        emailConsent: record.customer.defaultEmailAddress.marketingState,
        placedAt: new Date(record.createdAt),
        processedAt: new Date(record.processedAt),
        cancelledAt: record.cancelledAt ? new Date(record.cancelledAt) : null,
        closedAt: record.closedAt ? new Date(record.closedAt) : null,
        confirmed: record.confirmed,
        paymentGateways: record.paymentGatewayNames,
        shippingCountry: record.shippingAddress.countryCodeV2,
        shippingZone: record.shippingAddress.provinceCode ?? null,
        totalPrice: record.totalPriceSet.shopMoney.amount,
        currency: "EUR",
        tags: record.tags,
        updatedAt: new Date(record.updatedAt),
      });
      expect(snapshot.fulfillments.map((f) => f.fulfillmentId)).toEqual(record.fulfillments.map((f) => f.legacyResourceId));
      expect(snapshot.refunds).toEqual(
        record.refunds.map((refund) => ({
          refundId: refund.legacyResourceId,
          orderId: snapshot.orderId,
          createdAt: new Date(refund.createdAt),
          amount: refund.totalRefundedSet.shopMoney.amount,
          currency: "EUR",
        })),
      );
    }
  });

  it("writes statuses the way REST webhooks do", () => {
    const seen = new Map<string, string>();
    for (const node of nodes) {
      const snapshot = toOrderSnapshot(node);
      const record = recordOf(snapshot.orderId);
      seen.set(`${record.displayFinancialStatus}/${record.displayFulfillmentStatus}`, `${snapshot.financialStatus}/${String(snapshot.fulfillmentStatus)}`);
      if (record.cancelReason) expect(snapshot.cancelReason).toBe(record.cancelReason.toLowerCase());
      else expect(snapshot.cancelReason).toBeNull();
    }
    expect(Object.fromEntries(seen)).toEqual({
      "PAID/FULFILLED": "paid/fulfilled",
      "PARTIALLY_REFUNDED/FULFILLED": "partially_refunded/fulfilled",
      "REFUNDED/FULFILLED": "refunded/fulfilled",
      "PENDING/FULFILLED": "pending/fulfilled",
      "PAID/PARTIALLY_FULFILLED": "paid/partial",
      "PAID/UNFULFILLED": "paid/null",
      "REFUNDED/UNFULFILLED": "refunded/null",
      "VOIDED/UNFULFILLED": "voided/null",
    });
  });

  it("maps fulfillments: shipment status from the display status, the first tracking info, the dates", () => {
    const shipmentStatuses = new Map<string, string | null>();
    for (const node of nodes) {
      const snapshot = toOrderSnapshot(node);
      const record = recordOf(snapshot.orderId);
      record.fulfillments.forEach((fulfillment, index) => {
        const mapped = snapshot.fulfillments[index];
        shipmentStatuses.set(fulfillment.displayStatus, mapped?.shipmentStatus ?? null);
        expect(mapped).toEqual({
          fulfillmentId: fulfillment.legacyResourceId,
          orderId: snapshot.orderId,
          status: "success",
          shipmentStatus: mapped?.shipmentStatus,
          trackingCompany: fulfillment.trackingInfo[0]?.company ?? null,
          trackingNumber: fulfillment.trackingInfo[0]?.number ?? null,
          trackingUrl: fulfillment.trackingInfo[0]?.url ?? null,
          estimatedDeliveryAt: fulfillment.estimatedDeliveryAt ? new Date(fulfillment.estimatedDeliveryAt) : null,
          inTransitAt: fulfillment.inTransitAt ? new Date(fulfillment.inTransitAt) : null,
          deliveredAt: fulfillment.deliveredAt ? new Date(fulfillment.deliveredAt) : null,
          createdAt: new Date(fulfillment.createdAt),
          updatedAt: new Date(fulfillment.updatedAt),
        });
      });
    }
    expect(Object.fromEntries(shipmentStatuses)).toEqual({
      ATTEMPTED_DELIVERY: "attempted_delivery",
      CONFIRMED: "confirmed",
      DELAYED: "delayed",
      DELIVERED: "delivered",
      FAILURE: "failure",
      FULFILLED: null,
      IN_TRANSIT: "in_transit",
      OUT_FOR_DELIVERY: "out_for_delivery",
    });
  });

  it("gives the same snapshot for an order read from the backfill's JSONL", async () => {
    const data = await query<{ bulkOperationRunQuery: { bulkOperation: { id: string } } }>(
      `mutation($query: String!) { bulkOperationRunQuery(query: $query) { bulkOperation { id } } }`,
      { query: backfillBulkQuery(new Date(NOW.getTime() - 60 * 86_400_000)) },
    );
    clock.now += 1;
    const file = readBulkFile(store, Number(data.bulkOperationRunQuery.bulkOperation.id.split("/").at(-1)));
    if (file.status !== 200) throw new Error(file.message);
    const lines = file.jsonl.trimEnd().split("\n").map((line) => JSON.parse(line) as GraphqlOrder);
    expect(lines).toHaveLength(320);
    const byId = new Map(nodes.map((node) => [node.id, toOrderSnapshot(node)]));
    for (const line of lines) expect(toOrderSnapshot(line)).toEqual(byId.get(line.id));
  });

  it("makes one order event carrying the whole snapshot", () => {
    const node = nodes[0] as GraphqlOrder;
    expect(orderEventOf(node, "reconciliation")).toEqual({ kind: "order", source: "reconciliation", snapshot: toOrderSnapshot(node) });
  });
});

describe("the status tables", () => {
  const enumValues = (typeName: string): string[] => {
    const type = getNamedType(loadAdminSchema().getType(typeName) ?? undefined);
    if (!isEnumType(type)) throw new Error(`${typeName} is not an enum`);
    return type.getValues().map((value) => value.name);
  };

  it("cover every FulfillmentDisplayStatus of the 2026-10 schema", () => {
    const mapped = enumValues("FulfillmentDisplayStatus").map((status) => [status, shipmentStatusOf(status as never)]);
    expect(mapped.every(([, shipment]) => shipment !== undefined)).toBe(true);
    expect(Object.fromEntries(mapped)).toMatchObject({ NOT_DELIVERED: "failure", LABEL_VOIDED: null, READY_FOR_PICKUP: "ready_for_pickup" });
  });

  it("give a REST fulfillment status only to fulfilled and partially fulfilled orders", () => {
    const mapped = Object.fromEntries(enumValues("OrderDisplayFulfillmentStatus").map((status) => [status, fulfillmentStatusOf(status as never)]));
    expect(Object.entries(mapped).filter(([, value]) => value !== null)).toEqual([
      ["FULFILLED", "fulfilled"],
      ["PARTIALLY_FULFILLED", "partial"],
    ]);
  });

  it("refuses a GID of another type", () => {
    expect(numericIdOf("gid://shopify/Order/42?x=1", "Order")).toBe("42");
    expect(() => numericIdOf("gid://shopify/Customer/42", "Order")).toThrow('Expected a Order GID, got "gid://shopify/Customer/42"');
  });
});
