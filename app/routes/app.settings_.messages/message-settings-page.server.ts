// The message settings page's data and forms: what the loader hands the browser (never the
// SMTP password, only whether one is stored) and one handler per form, each answering with its
// own result so that each form shows its own errors.
import type { Db } from "~/db.server";
import type { AdminClient } from "~/shopify.server";
import { log } from "~/observability/log.server";
import { MESSAGE_DEFINITIONS, MESSAGE_TYPES, type MessageType } from "~/messages/catalog";
import { publishContactCard } from "~/messages/contact-card.server";
import { LOCALE_NAMES, SHOPPER_LOCALES } from "~/messages/locales";
import { MailSetupError, smtpSettingsFromShop, testSmtpConnection } from "~/messages/mailer.server";
import { effectiveMessageSettings, parseMessageSettingsForm } from "~/messages/message-settings";
import { sealSecret } from "~/messages/secret-box.server";
import { formatClock, isEmailAddress, parseContactForm, parseNotificationForm, parseSmtpForm } from "~/messages/shop-settings";
import {
  contactAddressOf,
  getShopSettings,
  importShopDetails,
  saveContactDetails,
  saveMessageTypeSettings,
  saveNotificationSettings,
  saveSmtpSettings,
  type ShopSettings,
} from "~/messages/shop-settings.server";
import { MESSAGE_TYPE_NAMES, listCustomizedTemplates, templateEditorUrl } from "~/messages/templates.server";

export const SETTINGS_INTENTS = ["contact", "messages", "smtp", "test-smtp", "notifications"] as const;
export type SettingsIntent = (typeof SETTINGS_INTENTS)[number];

export type SettingsResult = {
  intent: SettingsIntent;
  ok: boolean;
  /** What happened, in a sentence (shown above the form). */
  message: string;
  /** Field errors, keyed by the form field's name. */
  errors?: Record<string, string>;
  /** Saved, but something around it did not work (the storefront contact card). */
  warning?: string;
};

export const DELAY_UNITS = { minutes: 1, hours: 60, days: 24 * 60 } as const;
export type DelayUnit = keyof typeof DELAY_UNITS;

/** A delay as the form shows it: in days or hours when it divides evenly. */
export function delayInUnits(minutes: number): { amount: string; unit: DelayUnit } {
  if (minutes > 0 && minutes % DELAY_UNITS.days === 0) return { amount: String(minutes / DELAY_UNITS.days), unit: "days" };
  if (minutes > 0 && minutes % DELAY_UNITS.hours === 0) return { amount: String(minutes / DELAY_UNITS.hours), unit: "hours" };
  return { amount: String(minutes), unit: "minutes" };
}

export type MessageSettingsPageView = {
  shopName: string;
  timezone: string;
  /** Set when the shop's details could not be read from Shopify on first visit. */
  importProblem: string | null;
  contact: Record<"shopName" | "contactEmail" | "contactPhone" | "company" | "address1" | "address2" | "city" | "zip" | "province" | "countryCode" | "responseTimeHours", string>;
  messages: {
    type: MessageType;
    name: string;
    trigger: string;
    marketing: boolean;
    enabled: boolean;
    delay: { amount: string; unit: DelayUnit };
    texts: { locale: string; name: string; url: string; customized: boolean }[];
  }[];
  sending: {
    smtpHost: string;
    smtpPort: string;
    smtpSecurity: string;
    smtpUser: string;
    /** A password is stored (it never leaves the server). */
    passwordStored: boolean;
    senderName: string;
    senderEmail: string;
    replyTo: string;
    /** No server or no sender: messages stay in the outbox. */
    outboxOnly: boolean;
    /** Where "Send test email" sends by default. */
    testRecipient: string;
  };
  notifications: Record<"quietHoursStart" | "quietHoursEnd" | "digestRecipients" | "alertRecipients" | "digestHour" | "reviewUrl", string>;
};

export async function loadMessageSettingsPage(db: Db, admin: Pick<AdminClient, "graphql">, shop: string, now: Date): Promise<MessageSettingsPageView> {
  let settings = await getShopSettings(db, shop);
  let importProblem: string | null = null;
  if (!settings.importedAt) {
    try {
      settings = await importShopDetails(db, admin, shop, now);
    } catch (error) {
      log.warn("shop details could not be imported for the settings page", { shop, error: error instanceof Error ? error.message : String(error) });
      importProblem = "Your shop’s name and contact details could not be read from Shopify just now. Fill them in below, or reload the page to try again.";
    }
  }
  const customized = await listCustomizedTemplates(db, shop);
  return settingsView(settings, customized, importProblem);
}

function settingsView(settings: ShopSettings, customized: { type: string; locale: string }[], importProblem: string | null): MessageSettingsPageView {
  const address = contactAddressOf(settings) ?? {};
  const types = effectiveMessageSettings(settings.messageTypes);
  return {
    shopName: settings.shopName,
    timezone: settings.timezone,
    importProblem,
    contact: {
      shopName: settings.shopName,
      contactEmail: settings.contactEmail ?? "",
      contactPhone: settings.contactPhone ?? "",
      company: address.company ?? "",
      address1: address.address1 ?? "",
      address2: address.address2 ?? "",
      city: address.city ?? "",
      zip: address.zip ?? "",
      province: address.province ?? "",
      countryCode: address.countryCode ?? "",
      responseTimeHours: String(settings.responseTimeHours),
    },
    messages: MESSAGE_TYPES.map((type) => ({
      type,
      name: MESSAGE_TYPE_NAMES[type],
      trigger: MESSAGE_DEFINITIONS[type].trigger,
      marketing: MESSAGE_DEFINITIONS[type].category === "marketing",
      enabled: types[type].enabled,
      delay: delayInUnits(types[type].delayMinutes),
      texts: SHOPPER_LOCALES.map((locale) => ({
        locale,
        name: LOCALE_NAMES[locale],
        url: templateEditorUrl(type, locale),
        customized: customized.some((entry) => entry.type === type && entry.locale === locale),
      })),
    })),
    sending: {
      smtpHost: settings.smtpHost ?? "",
      smtpPort: settings.smtpPort === null ? "" : String(settings.smtpPort),
      smtpSecurity: settings.smtpSecurity,
      smtpUser: settings.smtpUser ?? "",
      passwordStored: settings.smtpPassword !== null && settings.smtpPassword !== "",
      senderName: settings.senderName ?? "",
      senderEmail: settings.senderEmail ?? "",
      replyTo: settings.replyTo ?? "",
      outboxOnly: !settings.smtpHost || !settings.senderEmail,
      testRecipient: settings.contactEmail ?? "",
    },
    notifications: {
      quietHoursStart: formatClock(settings.quietHoursStart),
      quietHoursEnd: formatClock(settings.quietHoursEnd),
      digestRecipients: settings.digestRecipients.split(",").filter(Boolean).join(", "),
      alertRecipients: settings.alertRecipients.split(",").filter(Boolean).join(", "),
      digestHour: String(settings.digestHour),
      reviewUrl: settings.reviewUrl ?? "",
    },
  };
}

export function isSettingsIntent(value: unknown): value is SettingsIntent {
  return typeof value === "string" && (SETTINGS_INTENTS as readonly string[]).includes(value);
}

const NOT_SAVED = "Nothing was saved: correct what is marked below.";

type ActionDeps = { admin: Pick<AdminClient, "graphql">; appSecret: string; now: Date };

/** One form's submission, by its intent. */
export async function handleSettingsForm(db: Db, shop: string, intent: SettingsIntent, form: Record<string, string>, deps: ActionDeps): Promise<SettingsResult> {
  // Every form saves into the shop's row: make sure it exists.
  const current = await getShopSettings(db, shop);
  switch (intent) {
    case "contact": {
      const parsed = parseContactForm(form);
      if (!parsed.ok) return { intent, ok: false, message: NOT_SAVED, errors: parsed.errors };
      const saved = await saveContactDetails(db, shop, parsed.value);
      try {
        await publishContactCard(deps.admin, shop, saved);
      } catch (error) {
        log.warn("contact card could not be published", { shop, error: error instanceof Error ? error.message : String(error) });
        return {
          intent,
          ok: true,
          message: "Contact details saved: messages use them from now on.",
          warning: "The contact card on your storefront could not be updated just now. Save again in a few minutes to update it.",
        };
      }
      return { intent, ok: true, message: "Contact details saved: messages and your storefront contact card use them." };
    }
    case "messages": {
      const parsed = parseMessageSettingsForm(delaysInMinutes(form));
      if (!parsed.ok) return { intent, ok: false, message: NOT_SAVED, errors: parsed.errors };
      await saveMessageTypeSettings(db, shop, parsed.value);
      return { intent, ok: true, message: "Message choices saved." };
    }
    case "smtp": {
      const parsed = parseSmtpForm(form);
      if (!parsed.ok) return { intent, ok: false, message: NOT_SAVED, errors: parsed.errors };
      const saved = await saveSmtpSettings(db, shop, parsed.value, deps.appSecret);
      return {
        intent,
        ok: true,
        message: saved.smtpHost && saved.senderEmail ? "Sending settings saved. Send a test email to check them." : "Saved. Without a mail server, messages are kept in the outbox.",
      };
    }
    case "test-smtp":
      return testSending(current, form, deps.appSecret);
    case "notifications": {
      const parsed = parseNotificationForm(form);
      if (!parsed.ok) return { intent, ok: false, message: NOT_SAVED, errors: parsed.errors };
      await saveNotificationSettings(db, shop, parsed.value);
      return { intent, ok: true, message: "Quiet hours and notifications saved." };
    }
  }
}

/**
 * The form sends each delay as an amount and a unit; the stored setting is in minutes. An
 * amount that is not a number is passed on as typed, for the parser to refuse.
 */
export function delaysInMinutes(form: Record<string, string>): Record<string, string> {
  const entries: Record<string, string> = { ...form };
  for (const type of MESSAGE_TYPES) {
    const amount = form[`${type}.delayAmount`];
    if (amount === undefined) continue;
    const unit = DELAY_UNITS[form[`${type}.delayUnit`] as DelayUnit] ?? DELAY_UNITS.minutes;
    const text = amount.trim().replace(",", ".");
    entries[`${type}.delayMinutes`] = /^\d+(\.\d+)?$/.test(text) ? String(Math.round(Number(text) * unit)) : amount;
  }
  return entries;
}

/**
 * "Send test email" tries the settings as typed (with the stored password when it is kept), so
 * they can be checked before they are saved. With a recipient it also sends a short email.
 */
async function testSending(current: ShopSettings, form: Record<string, string>, appSecret: string): Promise<SettingsResult> {
  const intent = "test-smtp";
  const parsed = parseSmtpForm(form);
  const to = (form.to ?? "").trim();
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  if (to !== "" && !isEmailAddress(to)) errors.to = "Send the test to an email address, such as your own.";
  if (!parsed.ok || Object.keys(errors).length > 0) return { intent, ok: false, message: "The test was not sent: correct what is marked below.", errors };
  const typed = parsed.value;
  if (!typed.smtpHost || !typed.senderEmail) {
    return { intent, ok: false, message: "Enter your mail server and a sender address first.", errors: typed.smtpHost ? { senderEmail: "Mail sent through your server needs a sender address." } : { smtpHost: "Enter your mail server, such as smtp.example.com." } };
  }
  try {
    const smtp = smtpSettingsFromShop(
      {
        ...typed,
        smtpSecurity: typed.smtpSecurity,
        smtpPassword: typed.smtpPassword === null ? current.smtpPassword : typed.smtpPassword === "" ? null : sealSecret(typed.smtpPassword, appSecret),
      },
      appSecret,
    );
    if (!smtp) return { intent, ok: false, message: "Enter your mail server and a sender address first." };
    const result = await testSmtpConnection(smtp, to || undefined);
    if (!result.ok) return { intent, ok: false, message: result.message };
    return {
      intent,
      ok: true,
      message: to ? `The server accepted a test email to ${to}. Check that it arrived (and its spam folder).` : `Connected to ${smtp.host}:${smtp.port} and logged in.`,
    };
  } catch (error) {
    if (error instanceof MailSetupError) return { intent, ok: false, message: error.message, errors: { smtpPassword: "Enter the password again." } };
    throw error;
  }
}
