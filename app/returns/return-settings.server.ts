// A shop's return settings: the policy (return-policy.ts), where parcels go back to (the shop's
// contact address when none is given), how labels are made (printed by the app, uploaded by the
// merchant, or bought from EasyPost with the merchant's own key, sealed) and the packing notes
// printed on the packing slip. Read with defaults, saved from the Settings form's fields.
//
// Form fields (besides the policy's, see parseReturnPolicyForm):
//   returnAddress.name, .company, .address1, .address2, .city, .zip, .province, .provinceCode,
//   .country, .countryCode, .phone   all empty: the contact address is used
//   labelProvider                     printable | upload | easypost
//   easypostApiKey                    a new key (empty keeps the stored one)
//   removeEasypostKey                 "on" removes the stored key
//   packingNotes                      one instruction per line
import type { Db } from "~/db.server";
import type { PostalAddress } from "~/messages/format";
import { openSecret, sealSecret } from "~/messages/secret-box.server";
import { contactAddressOf, getShopSettings } from "~/messages/shop-settings.server";
import { DEFAULT_RETURN_POLICY, parseReturnPolicyForm, returnPolicyFormEntries, RETURN_REASONS, type ReturnPolicy } from "./return-policy";

export const LABEL_PROVIDERS = ["printable", "upload", "easypost"] as const;
export type LabelProviderName = (typeof LABEL_PROVIDERS)[number];

export type ReturnSettingsView = {
  policy: ReturnPolicy;
  /** The address the merchant gave for returns; null when the contact address is used. */
  returnAddress: PostalAddress | null;
  labelProvider: LabelProviderName;
  hasEasypostKey: boolean;
  packingNotes: string[];
};

export type SaveResult = { ok: true } | { ok: false; errors: Record<string, string> };

const ADDRESS_FIELDS = ["name", "company", "address1", "address2", "city", "zip", "province", "provinceCode", "country", "countryCode", "phone"] as const;
type AddressField = (typeof ADDRESS_FIELDS)[number];
const ADDRESS_MAX = 200;
const MAX_NOTES = 10;
const NOTE_MAX = 300;
const KEY_MAX = 200;

export async function getReturnSettings(db: Db, shop: string): Promise<ReturnSettingsView> {
  const row = await db.returnSettings.findUnique({ where: { shop } });
  return {
    policy: parsePolicy(row?.policy ?? null),
    returnAddress: parseAddress(row?.returnAddress ?? null),
    labelProvider: isLabelProvider(row?.labelProvider) ? row.labelProvider : "printable",
    hasEasypostKey: Boolean(row?.easypostApiKey),
    packingNotes: (row?.packingNotes ?? "").split("\n").map((note) => note.trim()).filter(Boolean),
  };
}

/** The stored settings as the form's fields (the policy's included), to show what is saved. */
export function returnSettingsFormEntries(view: ReturnSettingsView): Record<string, string> {
  const entries: Record<string, string> = { ...returnPolicyFormEntries(view.policy), labelProvider: view.labelProvider, packingNotes: view.packingNotes.join("\n") };
  for (const field of ADDRESS_FIELDS) entries[`returnAddress.${field}`] = view.returnAddress?.[field] ?? "";
  return entries;
}

export async function saveReturnSettings(db: Db, shop: string, entries: Record<string, string>, appSecret: string): Promise<SaveResult> {
  const errors: Record<string, string> = {};
  const policy = parseReturnPolicyForm(entries);
  if (!policy.ok) Object.assign(errors, policy.errors);

  const address = parseAddressForm(entries, errors);

  const providerText = (entries.labelProvider ?? "printable").trim() || "printable";
  const labelProvider = isLabelProvider(providerText) ? providerText : null;
  if (!labelProvider) errors.labelProvider = "Choose how return labels are made: printed by the app, uploaded by you, or bought from EasyPost.";

  const newKey = (entries.easypostApiKey ?? "").trim();
  const removeKey = entries.removeEasypostKey === "on" || entries.removeEasypostKey === "true";
  if (newKey.length > KEY_MAX || /\s/.test(newKey)) errors.easypostApiKey = "That doesn't look like an EasyPost API key: paste the key from your EasyPost dashboard, without spaces.";
  const existing = await db.returnSettings.findUnique({ where: { shop }, select: { easypostApiKey: true } });
  const willHaveKey = newKey !== "" || (!removeKey && Boolean(existing?.easypostApiKey));
  if (labelProvider === "easypost" && !willHaveKey && !errors.easypostApiKey) errors.easypostApiKey = "Enter your EasyPost API key to buy labels from EasyPost.";

  const notes = (entries.packingNotes ?? "")
    .split(/\r?\n/)
    .map((note) => note.trim())
    .filter(Boolean);
  if (notes.length > MAX_NOTES) errors.packingNotes = `At most ${MAX_NOTES} packing instructions, one per line.`;
  else if (notes.some((note) => [...note].length > NOTE_MAX)) errors.packingNotes = `Each packing instruction can be at most ${NOTE_MAX} characters.`;

  if (Object.keys(errors).length > 0 || !policy.ok || !labelProvider) return { ok: false, errors };

  const sealedKey = newKey !== "" ? sealSecret(newKey, appSecret) : removeKey ? null : undefined;
  const data = {
    policy: JSON.stringify(policy.value),
    returnAddress: address ? JSON.stringify(address) : null,
    labelProvider,
    packingNotes: notes.join("\n"),
    ...(sealedKey === undefined ? {} : { easypostApiKey: sealedKey }),
  };
  await db.returnSettings.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  return { ok: true };
}

/** The merchant's EasyPost key, opened; null when none is stored. */
export async function easypostApiKey(db: Db, shop: string, appSecret: string): Promise<string | null> {
  const row = await db.returnSettings.findUnique({ where: { shop }, select: { easypostApiKey: true } });
  return row?.easypostApiKey ? openSecret(row.easypostApiKey, appSecret) : null;
}

/** Where return parcels go: the return address, else the shop's contact address (with the shop's name). */
export async function effectiveReturnAddress(db: Db, shop: string): Promise<PostalAddress | null> {
  const view = await getReturnSettings(db, shop);
  if (view.returnAddress) return view.returnAddress;
  const settings = await getShopSettings(db, shop);
  const contact = contactAddressOf(settings);
  if (!contact?.address1) return null;
  return { name: settings.shopName || null, ...contact, phone: settings.contactPhone };
}

function parsePolicy(text: string | null): ReturnPolicy {
  if (!text) return structuredClone(DEFAULT_RETURN_POLICY);
  try {
    const stored = JSON.parse(text) as Partial<ReturnPolicy>;
    const reasons = { ...structuredClone(DEFAULT_RETURN_POLICY.reasons) };
    for (const reason of RETURN_REASONS) if (stored.reasons?.[reason]) reasons[reason] = { ...reasons[reason], ...stored.reasons[reason] };
    return {
      windowDays: typeof stored.windowDays === "number" ? stored.windowDays : DEFAULT_RETURN_POLICY.windowDays,
      excludedProductTags: Array.isArray(stored.excludedProductTags) ? stored.excludedProductTags.map(String) : [...DEFAULT_RETURN_POLICY.excludedProductTags],
      reasons,
    };
  } catch {
    return structuredClone(DEFAULT_RETURN_POLICY);
  }
}

function parseAddress(text: string | null): PostalAddress | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null ? (value as PostalAddress) : null;
  } catch {
    return null;
  }
}

function parseAddressForm(entries: Record<string, string>, errors: Record<string, string>): PostalAddress | null {
  const values = Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, (entries[`returnAddress.${field}`] ?? "").replace(/\s+/g, " ").trim()])) as Record<AddressField, string>;
  if (ADDRESS_FIELDS.every((field) => values[field] === "")) return null;
  for (const field of ADDRESS_FIELDS) if ([...values[field]].length > ADDRESS_MAX) errors[`returnAddress.${field}`] = `At most ${ADDRESS_MAX} characters.`;
  if (!values.address1) errors["returnAddress.address1"] = "Enter the street address parcels are sent back to.";
  if (!values.city) errors["returnAddress.city"] = "Enter the town or city.";
  const countryCode = values.countryCode.toUpperCase();
  if (!/^[A-Z]{2}$/.test(countryCode)) errors["returnAddress.countryCode"] = "Enter the country as its two-letter code, for example FR or US.";
  const address: PostalAddress = {};
  for (const field of ADDRESS_FIELDS) if (values[field]) address[field] = field === "countryCode" ? countryCode : values[field];
  return address;
}

function isLabelProvider(value: unknown): value is LabelProviderName {
  return typeof value === "string" && (LABEL_PROVIDERS as readonly string[]).includes(value);
}
