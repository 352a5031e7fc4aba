// Turns a message's texts and values into the email a shopper receives: subject, preview line,
// an HTML part that holds up in Gmail, Outlook and Apple Mail, and the same content as plain
// text. Merchants' texts and every value are untrusted: all of it is escaped. Pure and free of
// Node-only APIs, so the admin's live preview renders with this very code in the browser.
import { allowedPlaceholders, type MessageType } from "~/messages/catalog";
import type { LocaleCopy, MessageCopy } from "~/messages/copy/types";
import type { ShopperLocale } from "~/messages/locales";

/** `{{ name }}`: a letter, then letters, digits or "_"; spaces inside the braces are allowed. */
export const PLACEHOLDER_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names a text uses, in order, each once. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (match) => match[1] ?? ""))];
}

function valueOf(values: Partial<Record<string, string>>, name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
}

function hasValue(values: Partial<Record<string, string>>, name: string): boolean {
  return (valueOf(values, name) ?? "").trim() !== "";
}

/**
 * Puts values into `{{name}}` placeholders in one pass (a value that itself contains `{{…}}` is
 * not read again). A placeholder without a value becomes empty: a shopper never sees braces.
 */
export function fillPlaceholders(text: string, values: Record<string, string | undefined>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => valueOf(values, name) ?? "");
}

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe inside HTML elements and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

const HTTP_URL = /^https?:\/\/[^\s<>"'`]+$/i;
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]+/gi;

function isHttpUrl(value: string | null | undefined): value is string {
  return typeof value === "string" && HTTP_URL.test(value.trim());
}

const LINK_STYLE = "color:#1d4ed8;text-decoration:underline;word-break:break-all;";

/** Escaped text with its http(s) addresses as links; a line break becomes <br>. */
function textToHtml(text: string): string {
  let html = "";
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    // Punctuation after an address ends the sentence, not the address.
    const url = match[0].replace(/[.,;:!?)\]]+$/, "");
    const start = match.index ?? 0;
    html += escapeHtml(text.slice(last, start));
    html += `<a href="${escapeHtml(url)}" target="_blank" style="${LINK_STYLE}">${escapeHtml(url)}</a>`;
    last = start + url.length;
  }
  html += escapeHtml(text.slice(last));
  return html.replace(/\r?\n/g, "<br>\n");
}

/**
 * A one-line text (subject, preview, button label) with its placeholders filled. When one has
 * no value its words go, and what held them together is tidied: "Your order  is on its way" →
 * "Your order is on its way", "Tracking number: " → "Tracking number".
 */
function fillLine(text: string, values: Partial<Record<string, string>>): string {
  const missing = placeholdersIn(text).some((name) => !hasValue(values, name));
  const filled = fillPlaceholders(text, values).replace(/\s+/g, " ").trim();
  if (!missing) return filled;
  return filled
    .replace(/\(\s*\)|\[\s*\]|«\s*»|„\s*“|"\s*"|“\s*”/g, "")
    .replace(/\s+([,;])/g, "$1")
    .replace(/\s+/g, " ")
    .replace(/^[\s,;:|·–—-]+|[\s,;:|·–—-]+$/g, "")
    .trim();
}

/** Body paragraphs (split on blank lines) whose placeholders all have values. */
function keptParagraphs(body: string, values: Partial<Record<string, string>>): string[] {
  return body
    .split(/\r?\n[ \t]*\r?\n\s*/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "" && placeholdersIn(paragraph).every((name) => hasValue(values, name)));
}

export type RenderInput = {
  type: MessageType;
  locale: ShopperLocale;
  copy: MessageCopy;
  labels: LocaleCopy["labels"];
  /** Placeholder values, already formatted for the locale; `shopName` defaults to `shop.name`. */
  values: Partial<Record<string, string>>;
  /** Button and unsubscribe addresses; only http(s) addresses are used. */
  links: { action?: string; secondaryAction?: string; unsubscribe?: string };
  shop: { name: string; phone?: string | null; email?: string | null; addressLines?: string[]; responseTimeHours?: number | null };
  /** Promotional: the footer carries the unsubscribe link (`links.unsubscribe`). */
  marketing: boolean;
};

export type RenderedMessage = { subject: string; preheader: string; html: string; text: string };

type Button = { label: string; url: string; primary: boolean };
type Row = { label: string; value: string };

/** Details shown under the text, each with its label. Order, date and total always when known. */
const SUMMARY_ROWS = [
  { label: "order", placeholder: "orderName" },
  { label: "orderDate", placeholder: "orderDate" },
  { label: "total", placeholder: "orderTotal" },
] as const;

/** Shown only when the message's own text does not already say them. */
const DETAIL_ROWS = [
  { label: "trackingNumber", placeholder: "trackingNumber" },
  { label: "carrier", placeholder: "carrier" },
  { label: "expectedDelivery", placeholder: "expectedDelivery" },
  { label: "returnNumber", placeholder: "returnNumber" },
  { label: "discountCode", placeholder: "discountCode" },
] as const;

const RTL_LANGUAGES = new Set(["ar", "fa", "he", "ur", "yi"]);

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const TEXT_COLOR = "#1f2937";
const MUTED_COLOR = "#6b7280";
const BUTTON_COLOR = "#1f2937";
const PAGE_COLOR = "#f4f4f5";

/**
 * The email for one message. Paragraphs, subject parts and buttons whose placeholders have no
 * value are left out; buttons need an http(s) address. The main button goes before the first
 * paragraph that repeats its address (the "if the button does not work" line), else after the text.
 * A promotional message gets its unsubscribe link in the footer; a transactional one never does.
 */
export function renderMessage(input: RenderInput): RenderedMessage {
  const { copy, labels, shop } = input;
  const values: Partial<Record<string, string>> = { ...input.values };
  if (!hasValue(values, "shopName")) values.shopName = shop.name;

  const subject = fillLine(copy.subject, values);
  const preheader = fillLine(copy.preheader, values);
  const paragraphs = keptParagraphs(copy.body, values);
  const filledParagraphs = paragraphs.map((paragraph) => fillPlaceholders(paragraph, values));

  const buttons: Button[] = [];
  const actionLabel = copy.action ? fillLine(copy.action, values) : "";
  if (actionLabel && isHttpUrl(input.links.action)) buttons.push({ label: actionLabel, url: input.links.action.trim(), primary: true });
  const secondaryLabel = copy.secondaryAction ? fillLine(copy.secondaryAction, values) : "";
  if (secondaryLabel && isHttpUrl(input.links.secondaryAction)) buttons.push({ label: secondaryLabel, url: input.links.secondaryAction.trim(), primary: false });
  const firstButton = buttons[0];
  const fallbackIndex = firstButton ? filledParagraphs.findIndex((paragraph) => paragraph.includes(firstButton.url)) : -1;
  const buttonsAt = fallbackIndex === -1 ? filledParagraphs.length : fallbackIndex;

  const usedInText = new Set(paragraphs.flatMap(placeholdersIn));
  const allowed = new Set(allowedPlaceholders(input.type));
  const rows: Row[] = [
    ...SUMMARY_ROWS.filter((row) => hasValue(values, row.placeholder)),
    ...DETAIL_ROWS.filter((row) => allowed.has(row.placeholder) && !usedInText.has(row.placeholder) && hasValue(values, row.placeholder)),
  ].map((row) => ({ label: labels[row.label], value: (valueOf(values, row.placeholder) ?? "").trim() }));

  const footer = footerParts(input, values);
  const content = { subject, preheader, paragraphs: filledParagraphs, buttons, buttonsAt, rows, footer };
  return { subject, preheader, html: renderHtml(input.locale, content), text: renderText(content) };
}

type Footer = {
  heading: string | null;
  shopName: string;
  phone: { text: string; href: string | null } | null;
  email: { text: string; href: string | null } | null;
  address: string[];
  responseTime: string | null;
  whyReceived: string;
  unsubscribe: { label: string; url: string } | null;
};

type Content = {
  subject: string;
  preheader: string;
  paragraphs: string[];
  buttons: Button[];
  buttonsAt: number;
  rows: Row[];
  footer: Footer;
};

const EMAIL = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;

function footerParts(input: RenderInput, values: Partial<Record<string, string>>): Footer {
  const { shop, labels } = input;
  const phone = shop.phone?.trim() ?? "";
  const dialled = phone.replace(/[^\d+]/g, "");
  const email = shop.email?.trim() ?? "";
  const hours = shop.responseTimeHours;
  const unsubscribeUrl = input.links.unsubscribe?.trim();
  return {
    heading: phone || email ? labels.contactHeading : null,
    shopName: shop.name.trim(),
    phone: phone ? { text: `${labels.phone}: ${phone}`, href: /\d{3}/.test(dialled) ? `tel:${dialled}` : null } : null,
    email: email ? { text: `${labels.email}: ${email}`, href: EMAIL.test(email) ? `mailto:${email}` : null } : null,
    address: (shop.addressLines ?? []).map((line) => line.trim()).filter((line) => line !== ""),
    responseTime: typeof hours === "number" && Number.isFinite(hours) && hours > 0 ? fillLine(labels.responseTime, { ...values, hours: String(hours) }) : null,
    whyReceived: fillLine(labels.whyReceived, values),
    unsubscribe: input.marketing && isHttpUrl(unsubscribeUrl) ? { label: labels.unsubscribe, url: unsubscribeUrl } : null,
  };
}

function renderText(content: Content): string {
  const blocks: string[] = [];
  const buttons = content.buttons.map((button) => `${button.label}: ${button.url}`).join("\n");
  content.paragraphs.forEach((paragraph, index) => {
    if (index === content.buttonsAt && buttons) blocks.push(buttons);
    blocks.push(paragraph);
  });
  if (content.buttonsAt >= content.paragraphs.length && buttons) blocks.push(buttons);
  if (content.rows.length > 0) blocks.push(content.rows.map((row) => `${row.label}: ${row.value}`).join("\n"));

  const { footer } = content;
  const contact = [
    footer.heading,
    footer.shopName,
    footer.phone?.text,
    footer.email?.text,
    ...footer.address,
    footer.responseTime,
  ].filter((line): line is string => typeof line === "string" && line !== "");
  const fine = [footer.whyReceived, footer.unsubscribe ? `${footer.unsubscribe.label}: ${footer.unsubscribe.url}` : ""].filter((line) => line !== "");
  blocks.push(["-- ", ...contact].join("\n"));
  if (fine.length > 0) blocks.push(fine.join("\n"));
  return `${blocks.join("\n\n")}\n`;
}

function paragraphHtml(paragraph: string): string {
  return `<p style="margin:0 0 16px;font-family:${FONT};font-size:16px;line-height:24px;color:${TEXT_COLOR};">${textToHtml(paragraph)}</p>`;
}

/** A button as a table cell: the colour survives Outlook, which ignores padding on links. */
function buttonHtml(button: Button): string {
  const background = button.primary ? BUTTON_COLOR : "#ffffff";
  const color = button.primary ? "#ffffff" : BUTTON_COLOR;
  const url = escapeHtml(button.url);
  return [
    `<table role="presentation" border="0" cellspacing="0" cellpadding="0" style="margin:0 0 12px;border-collapse:separate;">`,
    `<tr><td align="center" bgcolor="${background}" style="border-radius:6px;background-color:${background};border:1px solid ${BUTTON_COLOR};mso-padding-alt:12px 24px;">`,
    `<a href="${url}" target="_blank" style="display:inline-block;padding:12px 24px;font-family:${FONT};font-size:16px;line-height:20px;font-weight:600;color:${color};text-decoration:none;border-radius:6px;">${escapeHtml(button.label)}</a>`,
    `</td></tr></table>`,
  ].join("\n");
}

function rowsHtml(rows: Row[]): string {
  const cells = rows
    .map(
      (row) =>
        `<tr><td style="padding:4px 12px 4px 0;font-family:${FONT};font-size:14px;line-height:20px;color:${MUTED_COLOR};vertical-align:top;">${escapeHtml(row.label)}</td>` +
        `<td style="padding:4px 0;font-family:${FONT};font-size:14px;line-height:20px;color:${TEXT_COLOR};font-weight:600;vertical-align:top;">${textToHtml(row.value)}</td></tr>`,
    )
    .join("\n");
  return `<table role="presentation" border="0" cellspacing="0" cellpadding="0" width="100%" style="margin:8px 0 16px;border-top:1px solid #e5e7eb;padding-top:8px;">\n${cells}\n</table>`;
}

function footerHtml(footer: Footer): string {
  const small = (html: string) => `<p style="margin:0 0 8px;font-family:${FONT};font-size:13px;line-height:20px;color:${MUTED_COLOR};">${html}</p>`;
  const link = (href: string, text: string) => `<a href="${escapeHtml(href)}" style="color:${MUTED_COLOR};text-decoration:underline;">${escapeHtml(text)}</a>`;
  const parts: string[] = [];
  if (footer.heading) parts.push(`<p style="margin:0 0 8px;font-family:${FONT};font-size:14px;line-height:20px;font-weight:600;color:${TEXT_COLOR};">${escapeHtml(footer.heading)}</p>`);
  const contact = [
    footer.shopName ? `<strong>${escapeHtml(footer.shopName)}</strong>` : "",
    footer.phone ? (footer.phone.href ? link(footer.phone.href, footer.phone.text) : escapeHtml(footer.phone.text)) : "",
    footer.email ? (footer.email.href ? link(footer.email.href, footer.email.text) : escapeHtml(footer.email.text)) : "",
    ...footer.address.map(escapeHtml),
  ].filter((line) => line !== "");
  if (contact.length > 0) parts.push(small(contact.join("<br>\n")));
  if (footer.responseTime) parts.push(small(escapeHtml(footer.responseTime)));
  if (footer.whyReceived) parts.push(small(escapeHtml(footer.whyReceived)));
  if (footer.unsubscribe) parts.push(small(link(footer.unsubscribe.url, footer.unsubscribe.label)));
  return parts.join("\n");
}

/** Fills the preview so mail clients do not pull the first words of the body after it. */
const PREHEADER_PADDING = "&#847;&zwnj;&nbsp;".repeat(60);

function renderHtml(locale: ShopperLocale, content: Content): string {
  const dir = RTL_LANGUAGES.has(locale) ? "rtl" : "ltr";
  const main: string[] = [];
  const buttons = content.buttons.map(buttonHtml).join("\n");
  const buttonBlock = buttons ? `<div style="margin:8px 0 16px;">\n${buttons}\n</div>` : "";
  content.paragraphs.forEach((paragraph, index) => {
    if (index === content.buttonsAt && buttonBlock) main.push(buttonBlock);
    main.push(paragraphHtml(paragraph));
  });
  if (content.buttonsAt >= content.paragraphs.length && buttonBlock) main.push(buttonBlock);
  if (content.rows.length > 0) main.push(rowsHtml(content.rows));

  return `<!doctype html>
<html lang="${escapeHtml(locale)}" dir="${dir}" xmlns="http://www.w3.org/1999/xhtml" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="x-apple-disable-message-reformatting">
<meta name="format-detection" content="telephone=no,address=no,email=no,date=no">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${escapeHtml(content.subject)}</title>
<!--[if mso]><noscript><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml></noscript><![endif]-->
</head>
<body style="margin:0;padding:0;width:100%;background-color:${PAGE_COLOR};-webkit-text-size-adjust:100%;-ms-text-size-adjust:100%;">
<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;color:${PAGE_COLOR};">${escapeHtml(content.preheader)}${PREHEADER_PADDING}</div>
<table role="presentation" border="0" cellspacing="0" cellpadding="0" width="100%" bgcolor="${PAGE_COLOR}" style="background-color:${PAGE_COLOR};">
<tr><td align="center" style="padding:24px 12px;">
<!--[if mso]><table role="presentation" border="0" cellspacing="0" cellpadding="0" width="600" align="center"><tr><td><![endif]-->
<table role="presentation" border="0" cellspacing="0" cellpadding="0" width="100%" style="max-width:600px;margin:0 auto;">
<tr><td dir="${dir}" bgcolor="#ffffff" style="background-color:#ffffff;border-radius:8px;padding:32px 28px;text-align:${dir === "rtl" ? "right" : "left"};">
${main.join("\n")}
</td></tr>
<tr><td dir="${dir}" style="padding:24px 28px;text-align:${dir === "rtl" ? "right" : "left"};">
${footerHtml(content.footer)}
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`;
}
