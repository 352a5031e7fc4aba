// The Returns page's data: the insights of the last 90 days, and one page of the shop's returns
// in the status tab the URL names, newest first. The URL holds the tab (`status`) and the page
// (`after`, the cursor of the page; `trail`, the cursors of the pages before it, so "previous"
// goes back one page).
import type { Db } from "~/db.server";
import { formatDateTime, formatMoney, usableTimeZone } from "~/orders/order-format";
import { RETURN_QUEUE_VIEWS, hoursText, percentText, queueViewOf, reasonName, returnAge, returnStatusBadge, type ReturnQueueView } from "~/returns/return-labels";
import { listReturns, returnInsights } from "~/returns/return-service.server";
import type { ReturnStatus } from "~/returns/return-state";
import type { InsightsView } from "./return-insights-card";
import type { ReturnRow } from "./returns-table";

export const RETURNS_PER_PAGE = 50;
export const INSIGHTS_DAYS = 90;
const TOP_PRODUCTS = 5;
const DAY_MS = 86_400_000;
const MAX_TRAIL = 50;

export const QUEUE_PARAMS = { status: "status", after: "after", trail: "trail" } as const;

export type ReturnsQueueView = {
  view: ReturnQueueView;
  views: { id: ReturnQueueView; label: string; url: string }[];
  rows: ReturnRow[];
  previousUrl: string | null;
  nextUrl: string | null;
  /** The shop has any return at all (tells "nothing yet" from "nothing in this tab"). */
  shopHasReturns: boolean;
  insights: InsightsView;
  /** The storefront page where shoppers start a return. */
  returnPageUrl: string;
  notices: string[];
};

/** A cursor as listReturns makes them (base64url), or nothing. */
function cursorParam(value: string | null): string | null {
  return value && /^[A-Za-z0-9_-]{1,200}$/.test(value) ? value : null;
}

export async function loadReturnsQueuePage(db: Db, shop: string, params: URLSearchParams, options: { now: Date; pageSize?: number }): Promise<ReturnsQueueView> {
  const notices: string[] = [];
  const requested = params.get(QUEUE_PARAMS.status);
  const view = queueViewOf(requested ?? "all");
  if (requested !== null && !view) notices.push(`Ignored the unknown status “${requested.slice(0, 30)}”: showing every return.`);
  const current = view ?? RETURN_QUEUE_VIEWS[0];
  const statuses: ReturnStatus[] = [...current.statuses];

  const after = cursorParam(params.get(QUEUE_PARAMS.after));
  if (params.get(QUEUE_PARAMS.after) !== null && !after) notices.push("That page link is not valid any more, so the list starts from the newest returns.");
  const trail = after ? (params.get(QUEUE_PARAMS.trail) ?? "").split(".").map(cursorParam).filter((cursor): cursor is string => cursor !== null).slice(-MAX_TRAIL) : [];

  const since = new Date(options.now.getTime() - INSIGHTS_DAYS * DAY_MS);
  const [page, insights, settings] = await Promise.all([
    listReturns(db, shop, { ...(statuses.length > 0 ? { status: statuses } : {}), cursor: after, limit: options.pageSize ?? RETURNS_PER_PAGE, now: options.now }),
    returnInsights(db, shop, { since }),
    db.shopSettings.findUnique({ where: { shop }, select: { timezone: true } }),
  ]);
  const shopHasReturns = page.rows.length > 0 || insights.total > 0 || (await db.returnCase.findFirst({ where: { shop }, select: { id: true } })) !== null;
  const zone = usableTimeZone(settings?.timezone);

  const urlWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    return query ? `/app/returns?${query}` : "/app/returns";
  };
  const previousCursor = trail.at(-1) ?? null;

  return {
    view: current.id,
    views: RETURN_QUEUE_VIEWS.map((choice) => ({
      id: choice.id,
      label: choice.label,
      url: urlWith({ [QUEUE_PARAMS.status]: choice.id === "all" ? null : choice.id, [QUEUE_PARAMS.after]: null, [QUEUE_PARAMS.trail]: null }),
    })),
    rows: page.rows.map((row) => ({
      id: row.id,
      href: `/app/returns/${row.id}`,
      returnNumber: row.returnNumber,
      status: returnStatusBadge(row.status),
      order: { name: row.orderName ?? `Order ${row.orderId}`, href: `/app/orders/${row.orderId}` },
      reason: reasonName(row.reason),
      shopFault: row.shopFault,
      age: returnAge(row.requestedAt, options.now),
      requestedAt: row.requestedAt.toISOString(),
      requested: formatDateTime(row.requestedAt, zone),
      value: row.value ? formatMoney(row.value.amount, row.value.currency) : null,
    })),
    previousUrl: after ? urlWith({ [QUEUE_PARAMS.after]: previousCursor, [QUEUE_PARAMS.trail]: trail.slice(0, -1).join(".") || null }) : null,
    nextUrl: page.nextCursor ? urlWith({ [QUEUE_PARAMS.after]: page.nextCursor, [QUEUE_PARAMS.trail]: after ? [...trail, after].join(".") : null }) : null,
    shopHasReturns,
    insights: {
      periodLabel: `Last ${INSIGHTS_DAYS} days`,
      total: insights.total,
      byReason: insights.byReason.map((row) => ({ reason: row.reason, name: reasonName(row.reason), count: row.count, shopFault: row.shopFault, share: insights.total > 0 ? row.count / insights.total : 0 })),
      byProduct: insights.byProduct.slice(0, TOP_PRODUCTS),
      shopFaultShare: percentText(insights.shopFaultShare),
      medianToRefund: hoursText(insights.medianHoursToRefund),
    },
    returnPageUrl: `https://${shop}/apps/aftercare/returns`,
    notices,
  };
}
