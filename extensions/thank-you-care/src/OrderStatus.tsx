/** @jsxImportSource preact */
// Target customer-account.order-status.block.render (customer account UI extension, API
// 2026-10): the gift that comes with the order, the discount code issued for it, and the buyer's
// loyalty progress, from the metafields declared in shopify.extension.toml.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { careValues } from "./care-values";
import { CareView } from "./care-view";
import { careI18n, hostApi } from "./host-api";

export default async () => {
  render(<OrderStatusCare />, document.body);
};

/** The block, reading the `shopify` global the host provides (exported for tests). */
export function OrderStatusCare() {
  const { appMetafields, i18n } = hostApi();
  return <CareView values={careValues(appMetafields.value, new Date())} i18n={careI18n(i18n)} page="order_status" />;
}
