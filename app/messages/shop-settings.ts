// The forms of the Settings page that shape messages, validated: contact details, sending
// (SMTP), quiet hours and staff notifications. Pure: the server module stores what passes.
import { z } from "zod";

export type ContactAddress = {
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  zip?: string | null;
  province?: string | null;
  provinceCode?: string | null;
  country?: string | null;
  countryCode?: string | null;
};

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .transform((value) => (value === "" ? null : value));

const email = (label: string) =>
  z
    .string()
    .trim()
    .max(254, `${label} is too long.`)
    .refine((value) => value === "" || EMAIL.test(value), `${label} is not an email address (for example help@your-shop.com).`)
    .transform((value) => (value === "" ? null : value.toLowerCase()));

/** Deliberately simple: something@something.tld, no spaces. Delivery is the real test. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value.trim());
}

const phone = z
  .string()
  .trim()
  .max(40, "The phone number is too long.")
  .refine((value) => value === "" || /^\+?[0-9 ()./-]{5,}$/.test(value), "Write the phone number with digits, spaces and an optional + (for example +33 1 42 68 53 00).")
  .transform((value) => (value === "" ? null : value));

const ContactForm = z.object({
  shopName: z.string().trim().min(1, "The shop name shown to customers cannot be empty.").max(120, "The shop name can be at most 120 characters."),
  contactEmail: email("The contact email"),
  contactPhone: phone,
  company: optionalText(120, "The company"),
  address1: optionalText(200, "The address"),
  address2: optionalText(200, "The second address line"),
  city: optionalText(120, "The city"),
  zip: optionalText(20, "The postal code"),
  province: optionalText(120, "The region"),
  countryCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine((value) => value === "" || /^[A-Z]{2}$/.test(value), "Choose the country as a two-letter code (for example FR).")
    .transform((value) => (value === "" ? null : value)),
  responseTimeHours: z.coerce
    .number({ invalid_type_error: "The response time is a number of hours." })
    .int("The response time is a whole number of hours.")
    .min(1, "The response time is at least 1 hour.")
    .max(168, "The response time is at most 168 hours (a week)."),
});

export type ContactDetails = {
  shopName: string;
  contactEmail: string | null;
  contactPhone: string | null;
  contactAddress: ContactAddress | null;
  responseTimeHours: number;
};

export function parseContactForm(entries: Record<string, string>): FormResult<ContactDetails> {
  const parsed = ContactForm.safeParse(withDefaults(entries, ["shopName", "contactEmail", "contactPhone", "company", "address1", "address2", "city", "zip", "province", "countryCode", "responseTimeHours"]));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { shopName, contactEmail, contactPhone, responseTimeHours, ...address } = parsed.data;
  const hasAddress = Object.values(address).some((value) => value !== null);
  if (hasAddress && (!address.address1 || !address.city || !address.countryCode)) {
    return { ok: false, errors: { address1: "A postal address needs at least the street, the city and the country." } };
  }
  return { ok: true, value: { shopName, contactEmail, contactPhone, responseTimeHours, contactAddress: hasAddress ? address : null } };
}

export const SMTP_SECURITY = ["tls", "starttls", "none"] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

export type SmtpForm = {
  smtpHost: string | null;
  smtpPort: number | null;
  smtpSecurity: SmtpSecurity;
  smtpUser: string | null;
  /** null: keep the stored password; "": remove it. */
  smtpPassword: string | null;
  senderName: string | null;
  senderEmail: string | null;
  replyTo: string | null;
};

const SmtpSchema = z
  .object({
    smtpHost: z
      .string()
      .trim()
      .max(253, "The server name is too long.")
      .refine((value) => value === "" || /^[a-zA-Z0-9.-]+$/.test(value), "The server is a host name such as smtp.example.com, without http:// or a port.")
      .transform((value) => (value === "" ? null : value.toLowerCase())),
    smtpPort: z
      .string()
      .trim()
      .refine((value) => value === "" || (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 65535), "The port is a number from 1 to 65535 (usually 587 or 465).")
      .transform((value) => (value === "" ? null : Number(value))),
    smtpSecurity: z.enum(SMTP_SECURITY, { errorMap: () => ({ message: "Choose TLS, STARTTLS or none." }) }),
    smtpUser: optionalText(254, "The user name"),
    smtpPassword: z.string().max(512, "The password is too long."),
    keepPassword: z.string(),
    senderName: optionalText(120, "The sender name"),
    senderEmail: email("The sender address"),
    replyTo: email("The reply-to address"),
  })
  .superRefine((value, context) => {
    if (value.smtpHost && !value.senderEmail) context.addIssue({ code: "custom", path: ["senderEmail"], message: "Mail sent through your server needs a sender address." });
  });

export function parseSmtpForm(entries: Record<string, string>): FormResult<SmtpForm> {
  const input = withDefaults(entries, ["smtpHost", "smtpPort", "smtpUser", "smtpPassword", "keepPassword", "senderName", "senderEmail", "replyTo"]);
  input.smtpSecurity ||= "starttls";
  const parsed = SmtpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { keepPassword, smtpPassword, ...rest } = parsed.data;
  const port = rest.smtpPort ?? (rest.smtpHost ? (rest.smtpSecurity === "tls" ? 465 : 587) : null);
  return { ok: true, value: { ...rest, smtpPort: port, smtpPassword: keepPassword === "on" && smtpPassword === "" ? null : smtpPassword } };
}

export type NotificationForm = {
  quietHoursStart: number;
  quietHoursEnd: number;
  digestRecipients: string[];
  alertRecipients: string[];
  digestHour: number;
  reviewUrl: string | null;
};

/** "21:00" → 1260 minutes after midnight. */
export function parseClock(value: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function parseNotificationForm(entries: Record<string, string>): FormResult<NotificationForm> {
  const errors: Record<string, string> = {};
  const quietHoursStart = parseClock(entries.quietHoursStart ?? "");
  const quietHoursEnd = parseClock(entries.quietHoursEnd ?? "");
  if (quietHoursStart === null) errors.quietHoursStart = "Write the time as HH:MM, for example 21:00.";
  if (quietHoursEnd === null) errors.quietHoursEnd = "Write the time as HH:MM, for example 08:00.";
  const digestRecipients = emailList(entries.digestRecipients ?? "", "digestRecipients", errors);
  const alertRecipients = emailList(entries.alertRecipients ?? "", "alertRecipients", errors);
  const digestHour = Number(entries.digestHour ?? "8");
  if (!Number.isInteger(digestHour) || digestHour < 0 || digestHour > 23) errors.digestHour = "The digest hour is a whole hour from 0 to 23.";
  const reviewUrl = (entries.reviewUrl ?? "").trim();
  if (reviewUrl !== "" && !/^https:\/\/[^\s]+$/.test(reviewUrl)) errors.reviewUrl = "The review page must be an https:// address.";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { quietHoursStart: quietHoursStart ?? 0, quietHoursEnd: quietHoursEnd ?? 0, digestRecipients, alertRecipients, digestHour, reviewUrl: reviewUrl || null },
  };
}

function emailList(text: string, field: string, errors: Record<string, string>): string[] {
  const addresses = text
    .split(/[\s,;]+/)
    .map((value) => value.trim().toLowerCase())
    .filter(Boolean);
  const wrong = addresses.filter((value) => !isEmailAddress(value));
  if (wrong.length > 0) errors[field] = `Not an email address: ${wrong.join(", ")}.`;
  if (addresses.length > 20) errors[field] = "At most 20 addresses.";
  return [...new Set(addresses)];
}

export function splitList(text: string): string[] {
  return text.split(",").map((value) => value.trim()).filter(Boolean);
}

function withDefaults(entries: Record<string, string>, fields: readonly string[]): Record<string, string> {
  const result: Record<string, string> = { ...entries };
  for (const field of fields) result[field] ??= "";
  return result;
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}
