// The return settings page's data and its form: what the loader hands the browser (the policy
// as the form's fields, the return address — the shop's contact address until another is
// saved — and whether an EasyPost key is stored, never the key) and the save, answering the
// service's field errors.
import type { Db } from "~/db.server";
import type { AdminClient } from "~/shopify.server";
import { log } from "~/observability/log.server";
import type { PostalAddress } from "~/messages/format";
import { contactAddressOf, getShopSettings, importShopDetails } from "~/messages/shop-settings.server";
import { RETURN_REASONS, isShopFault, type ReturnReason } from "~/returns/return-policy";
import { REASON_NAMES } from "~/returns/return-labels";
import { getReturnSettings, returnSettingsFormEntries, saveReturnSettings, type LabelProviderName } from "~/returns/return-settings.server";

/** The address fields the form shows, named as the service reads them (`returnAddress.<field>`). */
export const ADDRESS_FIELDS = ["name", "company", "address1", "address2", "zip", "city", "province", "countryCode", "phone"] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

export type ReturnSettingsPageView = {
  /** Every field of the form as the form shows it (policy, address, provider, notes). */
  values: Record<string, string>;
  labelProvider: LabelProviderName;
  /** An EasyPost key is stored (it never leaves the server). */
  easypostKeyStored: boolean;
  /** No return address is saved: parcels go to the shop's contact address (shown in the fields when there is one). */
  usesContactAddress: boolean;
  /** The shop has a contact address to fall back on. */
  hasContactAddress: boolean;
  /** The contact address as the address fields show it (shown, not editable, while it is used). */
  contactAddress: Record<AddressField, string>;
  reasons: { reason: ReturnReason; name: string; shopFault: boolean }[];
};

export type ReturnSettingsResult = { ok: true; message: string } | { ok: false; message: string; errors: Record<string, string> };

export async function loadReturnSettingsPage(db: Db, admin: Pick<AdminClient, "graphql">, shop: string, now: Date): Promise<ReturnSettingsPageView> {
  const settings = await getReturnSettings(db, shop);
  const contact = await contactAddress(db, admin, shop, now);
  const stored = returnSettingsFormEntries(settings);
  // Only the fields this form shows go to the browser.
  const values: Record<string, string> = Object.fromEntries(Object.entries(stored).filter(([key]) => !key.startsWith("returnAddress.")));
  const shown: PostalAddress | null = settings.returnAddress ?? contact;
  for (const field of ADDRESS_FIELDS) values[`returnAddress.${field}`] = shown?.[field] ?? "";
  return {
    values,
    labelProvider: settings.labelProvider,
    easypostKeyStored: settings.hasEasypostKey,
    usesContactAddress: settings.returnAddress === null,
    hasContactAddress: contact !== null,
    contactAddress: Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, contact?.[field] ?? ""])) as Record<AddressField, string>,
    reasons: RETURN_REASONS.map((reason) => ({ reason, name: REASON_NAMES[reason], shopFault: isShopFault(reason) })),
  };
}

/**
 * The shop's contact address (with its name), read from Shopify the first time as the message
 * settings do; the page still opens, without it, when Shopify cannot be reached.
 */
async function contactAddress(db: Db, admin: Pick<AdminClient, "graphql">, shop: string, now: Date): Promise<PostalAddress | null> {
  let settings = await getShopSettings(db, shop);
  if (!settings.importedAt) {
    try {
      settings = await importShopDetails(db, admin, shop, now);
    } catch (error) {
      log.warn("shop details could not be imported for the return settings page", { shop, error: error instanceof Error ? error.message : String(error) });
    }
  }
  const address = contactAddressOf(settings);
  if (!address?.address1) return null;
  return { name: settings.shopName || null, ...address, phone: settings.contactPhone };
}

/** The fields the form may send; anything else (Remix's, the browser's) is not passed on. */
const FORM_FIELDS: ReadonlySet<string> = new Set([
  "windowDays",
  "excludedProductTags",
  ...RETURN_REASONS.flatMap((reason) => [`${reason}.shopPays`, `${reason}.autoApprove`, `${reason}.goodwill`, `${reason}.goodwillPercent`]),
  ...ADDRESS_FIELDS.map((field) => `returnAddress.${field}`),
  "labelProvider",
  "easypostApiKey",
  "removeEasypostKey",
  "packingNotes",
]);

export async function handleReturnSettingsForm(db: Db, shop: string, form: Record<string, string>, appSecret: string): Promise<ReturnSettingsResult> {
  const entries = Object.fromEntries(Object.entries(form).filter(([key]) => FORM_FIELDS.has(key)));
  const saved = await saveReturnSettings(db, shop, entries, appSecret);
  if (!saved.ok) return { ok: false, message: "Nothing was saved: correct what is marked below.", errors: saved.errors };
  return { ok: true, message: "Return settings saved: new return requests follow them." };
}
