// What the storefront contact card shows (extensions/aftercare-theme/blocks/contact-card.liquid):
// the shop's contact details from its settings, shaped as the JSON value of the app-owned shop
// metafield the block reads. Address lines follow the shop country's order (./format.ts). Pure: no I/O.
import { z } from "zod";
import { formatAddress } from "./format";
import { chooseLocale } from "./locales";

/** The app-owned shop metafield the block reads as `shop.metafields['$app:aftercare'].contact`. */
export const CONTACT_CARD_METAFIELD = { namespace: "$app:aftercare", key: "contact", type: "json" } as const;

/** The ShopSettings columns the card is made from (contactAddress is the stored JSON PostalAddress). */
export type ContactCardSettings = {
  shopName: string;
  contactPhone?: string | null;
  contactEmail?: string | null;
  contactAddress?: string | null;
  responseTimeHours: number;
  /** The shop's primary language: the language the address's country is named in. */
  primaryLocale?: string | null;
};

/** The metafield's JSON value. Its field names are read by the Liquid block: renaming one breaks live themes. */
export type ContactCardValue = {
  shopName: string;
  phone: string | null;
  email: string | null;
  addressLines: string[];
  responseTimeHours: number;
};

export function contactCardValue(settings: ContactCardSettings): ContactCardValue {
  return {
    shopName: settings.shopName.trim(),
    phone: textOrNull(settings.contactPhone),
    email: textOrNull(settings.contactEmail),
    addressLines: addressLines(settings.contactAddress, settings.primaryLocale),
    responseTimeHours: Number.isFinite(settings.responseTimeHours) ? Math.max(0, Math.round(settings.responseTimeHours)) : 0,
  };
}

/** Whether publishing `next` would change what is published (`current` null: nothing is). */
export function contactCardChanged(current: ContactCardValue | null, next: ContactCardValue): boolean {
  if (!current) return true;
  return (
    current.shopName !== next.shopName ||
    current.phone !== next.phone ||
    current.email !== next.email ||
    current.responseTimeHours !== next.responseTimeHours ||
    current.addressLines.length !== next.addressLines.length ||
    current.addressLines.some((line, index) => line !== next.addressLines[index])
  );
}

const contactCardSchema = z.object({
  shopName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  addressLines: z.array(z.string()),
  responseTimeHours: z.number().int().nonnegative(),
});

/** A published value read back from Shopify (the metafield's jsonValue), or null when it is missing or not this shape. */
export function parseContactCardValue(json: unknown): ContactCardValue | null {
  const parsed = contactCardSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** ShopSettings.contactAddress as stored (app/messages/shop-settings.ts ContactAddress); extra fields are ignored. */
const contactAddressSchema = z.object({
  company: z.string().nullish(),
  address1: z.string().nullish(),
  address2: z.string().nullish(),
  city: z.string().nullish(),
  zip: z.string().nullish(),
  province: z.string().nullish(),
  provinceCode: z.string().nullish(),
  country: z.string().nullish(),
  countryCode: z.string().nullish(),
});

/**
 * The stored address as lines in the order the shop's country writes them, the country named in
 * the shop's primary language (English when that is not one we write in), by the formatter the
 * messages use (./format.ts). Missing or unreadable JSON gives no lines: the card then leaves the
 * address out rather than failing.
 */
export function addressLines(contactAddress: string | null | undefined, primaryLocale?: string | null): string[] {
  if (!contactAddress) return [];
  let json: unknown;
  try {
    json = JSON.parse(contactAddress);
  } catch {
    return [];
  }
  const parsed = contactAddressSchema.safeParse(json);
  return parsed.success ? formatAddress(parsed.data, chooseLocale(null, primaryLocale)) : [];
}

function textOrNull(value: string | null | undefined): string | null {
  return value?.trim() || null;
}
