/** @jsxImportSource preact */
// The extension's entry (target admin.order-details.block.render): reads the order's watch
// metafield through direct Admin API access and renders WatchSummary with the admin's language.
import "@shopify/ui-extensions/preact";
import type { Api } from "@shopify/ui-extensions/admin.order-details.block.render";
import { render } from "preact";
import { WatchSummary, type BlockI18n } from "./watch-summary";
import { ORDER_WATCH_BLOCK_QUERY, parseWatch } from "./watch-value";

declare const shopify: Api;

type OrderWatchBlockData = { order: { id: string; watch: { jsonValue: unknown } | null } | null };

export default async function extension() {
  const orderGid = shopify.data.selected[0]?.id ?? "";
  const i18n: BlockI18n = {
    translate: (key, options) => shopify.i18n.translate(key, options),
    formatDate: (date) => shopify.i18n.formatDate(date, { dateStyle: "medium", timeStyle: "short" }),
  };
  let failed = false;
  let watch = null;
  try {
    const result = await shopify.query<OrderWatchBlockData>(ORDER_WATCH_BLOCK_QUERY, { variables: { id: orderGid } });
    failed = Boolean(result.errors?.length) || !result.data?.order;
    watch = parseWatch(result.data?.order?.watch?.jsonValue ?? null);
  } catch {
    failed = true;
  }
  render(<WatchSummary watch={watch} orderGid={orderGid} i18n={i18n} failed={failed} />, document.body);
}
