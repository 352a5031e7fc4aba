// The Orders list: one page of the shop's orders, newest first, searched and filtered.
//
// Pages are keyset pages on (placedAt, orderId), walked with the (shop, placedAt) index: a page
// is "the 50 orders just older (or newer) than this one", so an order that arrives while the
// merchant pages never pushes a row onto the next page twice, and deep pages cost what the
// first does. The newest fulfillment of every order on the page comes from one more query.
import type { Prisma } from "@prisma/client";
import type { Db } from "../db.server";
import {
  type OrderListQuery,
  type OrderSearch,
  type PageCursor,
  encodeCursor,
  hasSearchOrFilters,
  parseOrderListQuery,
} from "./order-filters";
import { countryName, formatDateTime, formatMoney, formatRelative } from "./order-format";
import {
  type StatusBadge,
  CANCELLED_BADGE,
  fulfillmentBadge,
  latestShipment,
  paymentBadge,
  shipmentBadge,
} from "./order-labels";
import { type SyncBanner, syncBanner } from "./order-sync-banner";
import { readOrderSyncState } from "./order-sync-status.server";

export const ORDERS_PER_PAGE = 50;

const LIST_COLUMNS = {
  orderId: true,
  name: true,
  placedAt: true,
  customerId: true,
  financialStatus: true,
  fulfillmentStatus: true,
  cancelledAt: true,
  cashOnDelivery: true,
  totalPrice: true,
  currency: true,
  shippingCountry: true,
} satisfies Prisma.OrderCareSelect;

type ListedOrder = Prisma.OrderCareGetPayload<{ select: typeof LIST_COLUMNS }>;
type ListedShipment = { orderId: string; fulfillmentId: string; status: string; shipmentStatus: string | null; createdAt: Date };

export type OrderPage = {
  orders: (ListedOrder & { shipment: ListedShipment | null })[];
  /** Orders matching the search and filters. */
  total: number;
  /** Matching orders newer than the first on this page. */
  offset: number;
  previousCursor: string | null;
  nextCursor: string | null;
};

export function orderListWhere(shop: string, query: OrderListQuery): Prisma.OrderCareWhereInput {
  const conditions: Prisma.OrderCareWhereInput[] = [];
  if (query.search) conditions.push({ OR: searchConditions(query.search) });
  if (query.fulfillment.length > 0) {
    conditions.push({
      OR: query.fulfillment.flatMap((status): Prisma.OrderCareWhereInput[] =>
        // Shopify leaves fulfillment_status empty until something is fulfilled.
        status === "unfulfilled" ? [{ fulfillmentStatus: null }, { fulfillmentStatus: "unfulfilled" }] : [{ fulfillmentStatus: status }],
      ),
    });
  }
  if (query.payment.length > 0) conditions.push({ financialStatus: { in: query.payment } });
  if (query.cancelled !== null) conditions.push({ cancelledAt: query.cancelled ? { not: null } : null });
  if (query.cashOnDelivery !== null) conditions.push({ cashOnDelivery: query.cashOnDelivery });
  return { shop, AND: conditions };
}

function searchConditions(search: OrderSearch): Prisma.OrderCareWhereInput[] {
  const any: Prisma.OrderCareWhereInput[] = [];
  if (search.number !== null) any.push({ number: search.number });
  if (search.names.length > 0) any.push({ name: { in: search.names } });
  if (search.customerId !== null) any.push({ customerId: search.customerId });
  if (search.orderId !== null) any.push({ orderId: search.orderId });
  return any;
}

/**
 * Orders on the far side of the cursor: older for "after", newer for "before". The redundant
 * bound on placedAt lets the database walk the (shop, placedAt) index from the cursor on.
 */
function beyond(cursor: Pick<PageCursor, "placedAt" | "orderId">, side: "older" | "newer"): Prisma.OrderCareWhereInput {
  if (side === "older") {
    return { placedAt: { lte: cursor.placedAt }, OR: [{ placedAt: { lt: cursor.placedAt } }, { orderId: { lt: cursor.orderId } }] };
  }
  return { placedAt: { gte: cursor.placedAt }, OR: [{ placedAt: { gt: cursor.placedAt } }, { orderId: { gt: cursor.orderId } }] };
}

const NEWEST_FIRST = [{ placedAt: "desc" }, { orderId: "desc" }] satisfies Prisma.OrderCareOrderByWithRelationInput[];
const OLDEST_FIRST = [{ placedAt: "asc" }, { orderId: "asc" }] satisfies Prisma.OrderCareOrderByWithRelationInput[];

export async function listOrders(db: Db, shop: string, query: OrderListQuery, pageSize = ORDERS_PER_PAGE): Promise<OrderPage> {
  const where = orderListWhere(shop, query);
  const cursor = query.cursor;

  let orders: ListedOrder[] = [];
  if (cursor?.direction === "before") {
    const newer = await db.orderCare.findMany({ where: { AND: [where, beyond(cursor, "newer")] }, orderBy: OLDEST_FIRST, take: pageSize, select: LIST_COLUMNS });
    // Fewer than a page newer than the cursor: that is the start of the list, shown whole.
    if (newer.length === pageSize) orders = newer.reverse();
  } else if (cursor?.direction === "after") {
    orders = await db.orderCare.findMany({ where: { AND: [where, beyond(cursor, "older")] }, orderBy: NEWEST_FIRST, take: pageSize, select: LIST_COLUMNS });
  }
  // No cursor, or one that leads nowhere any more (its orders were erased): the newest orders.
  const fromStart = orders.length === 0;
  if (fromStart) orders = await db.orderCare.findMany({ where, orderBy: NEWEST_FIRST, take: pageSize, select: LIST_COLUMNS });

  const first = orders[0];
  const last = orders.at(-1);
  const [total, newerThanPage, shipments] = await Promise.all([
    db.orderCare.count({ where }),
    first && !fromStart ? db.orderCare.count({ where: { AND: [where, beyond(first, "newer")] } }) : Promise.resolve(0),
    newestShipments(db, shop, orders.map((order) => order.orderId)),
  ]);
  const offset = newerThanPage;
  return {
    orders: orders.map((order) => ({ ...order, shipment: shipments.get(order.orderId) ?? null })),
    total,
    offset,
    previousCursor: first && offset > 0 ? encodeCursor(first.placedAt, first.orderId) : null,
    nextCursor: last && offset + orders.length < total ? encodeCursor(last.placedAt, last.orderId) : null,
  };
}

/** The shipment each order shows, for a whole page in one query. */
async function newestShipments(db: Db, shop: string, orderIds: string[]): Promise<Map<string, ListedShipment>> {
  if (orderIds.length === 0) return new Map();
  const fulfillments = await db.orderFulfillment.findMany({
    where: { shop, orderId: { in: orderIds } },
    select: { orderId: true, fulfillmentId: true, status: true, shipmentStatus: true, createdAt: true },
  });
  const byOrder = new Map<string, ListedShipment[]>();
  for (const fulfillment of fulfillments) byOrder.set(fulfillment.orderId, [...(byOrder.get(fulfillment.orderId) ?? []), fulfillment]);
  const newest = new Map<string, ListedShipment>();
  for (const [orderId, parcels] of byOrder) {
    const shipment = latestShipment(parcels);
    if (shipment) newest.set(orderId, shipment);
  }
  return newest;
}

// ---------------------------------------------------------------------------------------
// The page as the route hands it to the browser: every string ready to print.

export type OrderListRow = {
  orderId: string;
  name: string;
  href: string;
  placed: { iso: string; relative: string; absolute: string };
  customer: string;
  payment: StatusBadge;
  fulfillment: StatusBadge;
  cancelled: StatusBadge | null;
  cashOnDelivery: boolean;
  shipment: StatusBadge | null;
  total: string;
  country: { code: string; name: string } | null;
};

export type OrderListPageView = {
  rows: OrderListRow[];
  total: number;
  /** "51–100 of 320", or null when nothing matches. */
  range: string | null;
  previousCursor: string | null;
  nextCursor: string | null;
  /** A search or filter is applied. */
  filtered: boolean;
  /** The shop has any order at all (tells "no orders yet" from "nothing matches"). */
  shopHasOrders: boolean;
  notices: string[];
  sync: SyncBanner;
  timeZone: string;
};

export async function loadOrderListPage(
  db: Db,
  shop: string,
  params: URLSearchParams,
  options: { now: Date; timeZone: string; pageSize?: number },
): Promise<OrderListPageView> {
  const { query, notices } = parseOrderListQuery(params);
  const filtered = hasSearchOrFilters(query);
  const [page, syncState] = await Promise.all([listOrders(db, shop, query, options.pageSize), readOrderSyncState(db, shop)]);
  const shopHasOrders = page.total > 0 || (filtered && (await db.orderCare.findFirst({ where: { shop }, select: { orderId: true } })) !== null);
  const { now, timeZone } = options;
  return {
    rows: page.orders.map((order) => ({
      orderId: order.orderId,
      name: order.name,
      href: `/app/orders/${order.orderId}`,
      placed: { iso: order.placedAt.toISOString(), relative: formatRelative(order.placedAt, now, timeZone), absolute: formatDateTime(order.placedAt, timeZone) },
      customer: order.customerId ?? "Guest",
      payment: paymentBadge(order.financialStatus),
      fulfillment: fulfillmentBadge(order.fulfillmentStatus),
      cancelled: order.cancelledAt ? CANCELLED_BADGE : null,
      cashOnDelivery: order.cashOnDelivery,
      shipment: order.shipment ? shipmentBadge(order.shipment) : null,
      total: formatMoney(order.totalPrice, order.currency),
      country: order.shippingCountry ? { code: order.shippingCountry, name: countryName(order.shippingCountry) ?? order.shippingCountry } : null,
    })),
    total: page.total,
    range: page.orders.length > 0 ? `${(page.offset + 1).toLocaleString("en")}–${(page.offset + page.orders.length).toLocaleString("en")} of ${page.total.toLocaleString("en")}` : null,
    previousCursor: page.previousCursor,
    nextCursor: page.nextCursor,
    filtered,
    shopHasOrders,
    notices,
    sync: syncBanner(syncState, now, timeZone),
    timeZone,
  };
}
