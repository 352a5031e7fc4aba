// A merchant's own wording of the messages, per type and language: checked and saved, reset to
// the built-in text, listed, and gathered for the template editor with what its live preview
// needs (the sample values, the labels and the shop's footer).
import type { Db } from "~/db.server";
import { MESSAGE_DEFINITIONS, MESSAGE_TYPES, allowedPlaceholders, type MessageType } from "./catalog";
import { COPY, type LocaleCopy, type MessageCopy } from "./copy";
import { formatAddress } from "./format";
import { LOCALE_NAMES, SHOPPER_LOCALES, type ShopperLocale } from "./locales";
import { SAMPLE_SHOP_NAME, sampleLinks, sampleValues } from "./sample-values";
import { contactAddressOf } from "./shop-settings.server";
import { checkMessageCopy } from "./template-check";

/** What each message is called in the admin. */
export const MESSAGE_TYPE_NAMES: Record<MessageType, string> = {
  order_confirmation: "Order confirmation",
  dispatch_note: "Dispatch note",
  delay_apology: "Delay apology",
  delivery_check_in: "Delivery check-in",
  review_request: "Review request",
  return_instructions: "Return instructions",
  loyalty_reward: "Loyalty reward",
  loyalty_tier: "Loyalty tier reached",
  thank_you: "Thank-you note",
};

export function messageTypeName(type: string): string {
  return MESSAGE_TYPE_NAMES[type as MessageType] ?? type.replace(/_/g, " ");
}

export function templateEditorUrl(type: MessageType, locale: ShopperLocale): string {
  return `/app/messages/templates/${type}/${locale}`;
}

export type CopyField = keyof MessageCopy;
export type CopyFieldErrors = Partial<Record<CopyField, string>>;

export function builtInCopy(type: MessageType, locale: ShopperLocale): MessageCopy {
  return COPY[locale].messages[type];
}

/** The button labels a message has (the built-in English text decides: the buttons are the app's). */
export function buttonFields(type: MessageType): { action: boolean; secondaryAction: boolean } {
  const copy = COPY.en.messages[type];
  return { action: copy.action !== undefined, secondaryAction: copy.secondaryAction !== undefined };
}

/** The editor's form as typed: line endings made "\n", button fields only where the type has them. */
export function copyFromForm(type: MessageType, entries: Record<string, string>): MessageCopy {
  const text = (name: CopyField) => (entries[name] ?? "").replace(/\r\n?/g, "\n");
  const buttons = buttonFields(type);
  return {
    subject: text("subject"),
    preheader: text("preheader"),
    body: text("body"),
    ...(buttons.action ? { action: text("action") } : {}),
    ...(buttons.secondaryAction ? { secondaryAction: text("secondaryAction") } : {}),
  };
}

export type SaveTemplateResult = { ok: true } | { ok: false; errors: CopyFieldErrors };

/** Stores the wording when it passes the check; otherwise the problems, field by field. */
export async function saveTemplate(db: Db, shop: string, type: MessageType, locale: ShopperLocale, copy: MessageCopy): Promise<SaveTemplateResult> {
  const problems = checkMessageCopy(type, copy);
  if (problems.length > 0) {
    const errors: CopyFieldErrors = {};
    for (const problem of problems) errors[problem.field] = errors[problem.field] ? `${errors[problem.field]} ${problem.message}` : problem.message;
    return { ok: false, errors };
  }
  const buttons = buttonFields(type);
  const data = {
    subject: copy.subject.trim(),
    preheader: copy.preheader.trim(),
    body: copy.body.trim(),
    // An empty label falls back to no button (templateFor reads null as "none").
    action: buttons.action ? copy.action?.trim() || null : null,
    secondaryAction: buttons.secondaryAction ? copy.secondaryAction?.trim() || null : null,
  };
  await db.messageTemplate.upsert({
    where: { shop_type_locale: { shop, type, locale } },
    create: { shop, type, locale, ...data },
    update: data,
  });
  return { ok: true };
}

/** Back to the built-in text. True when there was a wording of the merchant's to remove. */
export async function resetTemplate(db: Db, shop: string, type: MessageType, locale: ShopperLocale): Promise<boolean> {
  const { count } = await db.messageTemplate.deleteMany({ where: { shop, type, locale } });
  return count > 0;
}

export type CustomizedTemplate = { type: MessageType; locale: ShopperLocale; updatedAt: Date };

/** The messages and languages the merchant has reworded, by type then language. */
export async function listCustomizedTemplates(db: Db, shop: string): Promise<CustomizedTemplate[]> {
  const rows = await db.messageTemplate.findMany({ where: { shop }, select: { type: true, locale: true, updatedAt: true } });
  const known = rows.filter(
    (row): row is CustomizedTemplate => (MESSAGE_TYPES as readonly string[]).includes(row.type) && (SHOPPER_LOCALES as readonly string[]).includes(row.locale),
  );
  return known.sort((a, b) => MESSAGE_TYPES.indexOf(a.type) - MESSAGE_TYPES.indexOf(b.type) || SHOPPER_LOCALES.indexOf(a.locale) - SHOPPER_LOCALES.indexOf(b.locale));
}

export type TemplateEditorView = {
  type: MessageType;
  typeName: string;
  trigger: string;
  marketing: boolean;
  locale: ShopperLocale;
  localeName: string;
  /** Every language, with whether the merchant reworded this message in it. */
  locales: { locale: ShopperLocale; name: string; customized: boolean; url: string }[];
  /** The text messages use now: the merchant's, else the built-in one. */
  copy: MessageCopy;
  builtIn: MessageCopy;
  customized: boolean;
  updatedAt: string | null;
  buttons: { action: boolean; secondaryAction: boolean };
  placeholders: string[];
  /** Everything renderMessage needs besides the text, for the live preview in the browser. */
  preview: {
    labels: LocaleCopy["labels"];
    values: Record<string, string>;
    links: { action?: string; secondaryAction?: string; unsubscribe?: string };
    shop: { name: string; phone: string | null; email: string | null; addressLines: string[]; responseTimeHours: number };
  };
};

export async function loadTemplateEditor(db: Db, shop: string, type: MessageType, locale: ShopperLocale): Promise<TemplateEditorView> {
  const [rows, settings] = await Promise.all([
    db.messageTemplate.findMany({ where: { shop, type } }),
    db.shopSettings.findUnique({ where: { shop } }),
  ]);
  const row = rows.find((candidate) => candidate.locale === locale);
  const builtIn = builtInCopy(type, locale);
  const buttons = buttonFields(type);
  const copy: MessageCopy = row
    ? {
        subject: row.subject,
        preheader: row.preheader,
        body: row.body,
        ...(buttons.action ? { action: row.action ?? "" } : {}),
        ...(buttons.secondaryAction ? { secondaryAction: row.secondaryAction ?? "" } : {}),
      }
    : builtIn;
  const shopName = settings?.shopName || SAMPLE_SHOP_NAME;
  const address = settings ? contactAddressOf(settings) : null;
  const marketing = MESSAGE_DEFINITIONS[type].category === "marketing";
  const links = sampleLinks(type);
  return {
    type,
    typeName: MESSAGE_TYPE_NAMES[type],
    trigger: MESSAGE_DEFINITIONS[type].trigger,
    marketing,
    locale,
    localeName: LOCALE_NAMES[locale],
    locales: SHOPPER_LOCALES.map((candidate) => ({
      locale: candidate,
      name: LOCALE_NAMES[candidate],
      customized: rows.some((other) => other.locale === candidate),
      url: templateEditorUrl(type, candidate),
    })),
    copy,
    builtIn,
    customized: row !== undefined,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    buttons,
    placeholders: [...allowedPlaceholders(type)],
    preview: {
      labels: COPY[locale].labels,
      values: { ...sampleValues(type, locale), shopName },
      links: marketing ? links : { ...links, unsubscribe: undefined },
      shop: {
        name: shopName,
        phone: settings?.contactPhone ?? null,
        email: settings?.contactEmail ?? null,
        addressLines: address ? formatAddress({ ...address }, locale) : [],
        responseTimeHours: settings?.responseTimeHours ?? 24,
      },
    },
  };
}
