// Prepares the backfill's bulk query: bulk queries take no variables, so the start date
// is written into the search string, and the operation goes out anonymous, as in
// Shopify's examples (see app/shopify/graphql/orders-backfill-bulk-query.ts).
import { Kind, parse, print, visit } from "graphql";
import { ORDERS_BACKFILL_BULK_QUERY } from "../shopify/graphql/orders-backfill-bulk-query";

/** The Admin API returns the last 60 days of orders without `read_all_orders` (decision 005). */
export const BACKFILL_WINDOW_DAYS = 60;
export const SINCE_MARKER = "{since}";

const DAY_MS = 86_400_000;

export function backfillSince(now: Date): Date {
  return new Date(now.getTime() - BACKFILL_WINDOW_DAYS * DAY_MS);
}

export function backfillBulkQuery(since: Date, template: string = ORDERS_BACKFILL_BULK_QUERY): string {
  let markers = 0;
  const document = visit(parse(template), {
    OperationDefinition: (node) => ({ ...node, name: undefined }),
    StringValue: (node) => {
      if (!node.value.includes(SINCE_MARKER)) return undefined;
      markers += 1;
      return { ...node, kind: Kind.STRING, value: node.value.replaceAll(SINCE_MARKER, since.toISOString()) };
    },
  });
  if (markers !== 1) throw new Error(`The backfill bulk query must hold ${SINCE_MARKER} exactly once (found ${markers})`);
  return print(document);
}
