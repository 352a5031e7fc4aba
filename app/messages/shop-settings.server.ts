// A shop's settings row: read (created with defaults on first use), filled from Shopify's own
// shop details, and saved from the Settings forms. Contact details typed by the merchant are
// never overwritten by a later import.
import type { ShopSettings } from "@prisma/client";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "~/db-errors";
import type { AdminClient } from "~/shopify.server";
import { adminQuery } from "~/shopify/admin-graphql.server";
import { SHOP_DETAILS_QUERY } from "~/shopify/graphql/shop-details";
import type { ShopDetailsQuery } from "~/types/admin.generated";
import { supportedLanguage } from "./locales";
import { sealSecret } from "./secret-box.server";
import type { ContactAddress, ContactDetails, NotificationForm, SmtpForm } from "./shop-settings";

export type { ShopSettings };

export async function getShopSettings(db: Db, shop: string): Promise<ShopSettings> {
  const row = await db.shopSettings.findUnique({ where: { shop } });
  if (row) return row;
  try {
    return await db.shopSettings.upsert({ where: { shop }, create: { shop }, update: {} });
  } catch (error) {
    // Two first uses at once: the other one created the row.
    if (!isUniqueViolation(error)) throw error;
    return db.shopSettings.findUniqueOrThrow({ where: { shop } });
  }
}

export function contactAddressOf(settings: Pick<ShopSettings, "contactAddress">): ContactAddress | null {
  if (!settings.contactAddress) return null;
  try {
    const value = JSON.parse(settings.contactAddress) as unknown;
    return typeof value === "object" && value !== null ? (value as ContactAddress) : null;
  } catch {
    return null;
  }
}

/**
 * Reads the shop's name, time zone, currency, primary language, contact email, phone and
 * address from Shopify. The shop's facts are refreshed every time; contact details only fill
 * what the merchant has left empty.
 */
export async function importShopDetails(db: Db, admin: Pick<AdminClient, "graphql">, shop: string, now: Date): Promise<ShopSettings> {
  const current = await getShopSettings(db, shop);
  const data = await adminQuery<ShopDetailsQuery>(admin, SHOP_DETAILS_QUERY);
  const details = data.shop;
  const billing = details.shopAddress;
  const primary = data.shopLocales.find((locale) => locale.primary)?.locale;
  const address: ContactAddress | null = billing.address1
    ? {
        company: billing.company ?? null,
        address1: billing.address1,
        address2: billing.address2 ?? null,
        city: billing.city ?? null,
        zip: billing.zip ?? null,
        province: billing.province ?? null,
        provinceCode: billing.provinceCode ?? null,
        country: billing.country ?? null,
        countryCode: billing.countryCodeV2 ?? null,
      }
    : null;
  return db.shopSettings.update({
    where: { shop },
    data: {
      shopName: current.shopName || details.name,
      timezone: details.ianaTimezone,
      currency: details.currencyCode,
      primaryLocale: supportedLanguage(primary) ?? primary ?? "en",
      countryCode: billing.countryCodeV2 ?? current.countryCode,
      contactEmail: current.contactEmail ?? (details.contactEmail || details.email || null),
      contactPhone: current.contactPhone ?? (billing.phone || null),
      contactAddress: current.contactAddress ?? (address ? JSON.stringify(address) : null),
      senderName: current.senderName ?? details.name,
      importedAt: now,
    },
  });
}

export function saveContactDetails(db: Db, shop: string, details: ContactDetails): Promise<ShopSettings> {
  return db.shopSettings.update({
    where: { shop },
    data: {
      shopName: details.shopName,
      contactEmail: details.contactEmail,
      contactPhone: details.contactPhone,
      contactAddress: details.contactAddress ? JSON.stringify(details.contactAddress) : null,
      responseTimeHours: details.responseTimeHours,
    },
  });
}

export function saveSmtpSettings(db: Db, shop: string, form: SmtpForm, appSecret: string): Promise<ShopSettings> {
  const { smtpPassword, ...rest } = form;
  return db.shopSettings.update({
    where: { shop },
    data: {
      ...rest,
      // null keeps the stored password; an empty one removes it.
      ...(smtpPassword === null ? {} : { smtpPassword: smtpPassword === "" ? null : sealSecret(smtpPassword, appSecret) }),
    },
  });
}

export function saveNotificationSettings(db: Db, shop: string, form: NotificationForm): Promise<ShopSettings> {
  return db.shopSettings.update({
    where: { shop },
    data: {
      quietHoursStart: form.quietHoursStart,
      quietHoursEnd: form.quietHoursEnd,
      digestRecipients: form.digestRecipients.join(","),
      alertRecipients: form.alertRecipients.join(","),
      digestHour: form.digestHour,
      reviewUrl: form.reviewUrl,
    },
  });
}

export function saveMessageTypeSettings(db: Db, shop: string, value: unknown): Promise<ShopSettings> {
  return db.shopSettings.update({ where: { shop }, data: { messageTypes: JSON.stringify(value) } });
}
