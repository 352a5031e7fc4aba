/** @jsxImportSource preact */
// Target purchase.thank-you.block.render (checkout UI extension, API 2026-10). On the thank-you
// page only the buyer's customer metafield can be read (checkout targets are not offered order
// metafields, and the order's gift is decided after the order is created), so this shows the
// loyalty progress; the gift and the discount card appear on the order status page.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { careValues } from "./care-values";
import { CareView } from "./care-view";
import { careI18n, hostApi } from "./host-api";

export default async () => {
  render(<ThankYouCare />, document.body);
};

/** The block, reading the `shopify` global the host provides (exported for tests). */
export function ThankYouCare() {
  const { appMetafields, i18n } = hostApi();
  return <CareView values={careValues(appMetafields.value, new Date())} i18n={careI18n(i18n)} page="thank_you" />;
}
