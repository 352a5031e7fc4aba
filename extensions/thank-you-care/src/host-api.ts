// The part of the `shopify` global the block reads. The host provides it on both targets
// (checkout's thank-you API and the customer account order status API, 2026-10);
// tests/unit/thank-you-extension.test.ts checks that Shopify's own API types fit this shape. The
// block does not import those types: they declare the `shopify` global and the components'
// JSX types for the whole TypeScript program (see elements.ts).
import type { CareI18n } from "./care-view";
import type { MetafieldEntry } from "./care-values";

export type HostApi = {
  appMetafields: { readonly value: readonly MetafieldEntry[] };
  i18n: {
    translate: (key: string, options?: Record<string, string | number>) => unknown;
    formatDate: (date: Date, options?: Intl.DateTimeFormatOptions) => string;
  };
};

export function hostApi(): HostApi {
  return (globalThis as unknown as { shopify: HostApi }).shopify;
}

/** The view's i18n from the host's: translations as text, dates written out in full. */
export function careI18n(i18n: HostApi["i18n"]): CareI18n {
  return {
    translate: (key, options) => String(i18n.translate(key, options)),
    formatDate: (date) => i18n.formatDate(date, { dateStyle: "long" }),
  };
}
