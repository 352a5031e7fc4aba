// The storefront side of returns, served through the app proxy (/apps/aftercare/returns):
// finding the order (number and email, checked against the order in Shopify), the rate limit
// on that lookup, the short-lived signed link that carries the shopper through the next steps,
// and the pages themselves.
//
// No enumeration: an order number that does not exist and an email that is not the order's get
// the very same page, and both cost one Admin API call. Lookups are counted per client (a hash of
// the address Shopify's proxy forwards; without one, of the shop and the browser's headers) and
// per order number: 10 in 15 minutes each, then the shopper is told how long to wait.
//
// Pages are complete HTML documents like the other shopper pages (no JavaScript, every text
// escaped, not cached, not indexed), in the shopper's language: the `locale` asked for, else the
// browser's Accept-Language, else the shop's primary language.
import { createHash, randomUUID } from "node:crypto";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "~/db-errors";
import { isShopperLocale, supportedLanguage, type ShopperLocale } from "~/messages/locales";
import { escapeHtml, shopperPageResponse } from "~/messages/shopper-page";
import { signLink, verifyLink, type LinkClaims, type LinkFailure } from "~/messages/signed-link";
import type { AdminClient } from "~/shopify.server";
import { adminQuery } from "~/shopify/admin-graphql.server";
import { RETURN_LOOKUP_ORDER_QUERY } from "~/shopify/graphql/return-lookup-order";
import { RETURN_LOOKUP_ORDER_SEARCH_QUERY } from "~/shopify/graphql/return-lookup-order-search";
import type { ReturnLookupOrderQuery, ReturnLookupOrderSearchQuery } from "~/types/admin.generated";
import { getShopSettings } from "~/messages/shop-settings.server";
import { shopPageIdentity } from "~/messages/shopper-answers.server";
import { APP_PROXY_PATH } from "~/messages/shopper-links.server";
import { RETURN_COPY, decisionText, fillCopy, formatReturnDay, type ReturnCopy } from "./return-copy";
import { RETURN_REASONS, checkReturnRequest, decideReturn, isReturnReason, type Returnability, type ReturnPolicy, type ReturnReason } from "./return-policy";
import { orderReturnability, requestReturn, type ReturnDeps } from "./return-service.server";

type Admin = Pick<AdminClient, "graphql">;

export const LOOKUP_LIMIT = 10;
export const LOOKUP_WINDOW_MS = 15 * 60_000;
/** The signed link a successful lookup gives: enough time to choose items and submit. */
export const RETURN_LINK_MINUTES = 60;

// ---------------------------------------------------------------------------------------------
// Language

/** `locale` from the form or the query, else Accept-Language, else the shop's primary language, else English. */
export function returnPageLocale(request: Request, form: ReadonlyMap<string, string>, shopPrimary: string | null | undefined): ShopperLocale {
  const asked = form.get("locale") ?? new URL(request.url).searchParams.get("locale");
  if (isShopperLocale(asked)) return asked;
  for (const tag of acceptedLanguages(request.headers.get("accept-language"))) {
    const language = supportedLanguage(tag);
    if (language) return language;
  }
  return supportedLanguage(shopPrimary) ?? "en";
}

function acceptedLanguages(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(params.find((param) => param.trim().startsWith("q="))?.trim().slice(2) ?? "1");
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

// ---------------------------------------------------------------------------------------------
// Rate limit

/** Who is looking: a hash of the forwarded client address, or of the shop and the browser's headers when there is none. */
export function lookupClientKey(request: Request, shop: string): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const basis = forwarded ? `ip:${forwarded}` : `anonymous:${shop}:${request.headers.get("user-agent") ?? ""}:${request.headers.get("accept-language") ?? ""}`;
  return `client:${sha256(basis).slice(0, 40)}`;
}

export function orderNumberKey(orderNumber: string): string {
  return `order:${sha256(normaliseOrderNumber(orderNumber)).slice(0, 40)}`;
}

export type LookupAllowance = { allowed: true } | { allowed: false; retryAfterMinutes: number };

/** Counts one lookup against each key; refused when any key is over the limit in this window. */
export async function countLookup(db: Db, shop: string, keys: readonly string[], now: Date): Promise<LookupAllowance> {
  const windowStart = new Date(Math.floor(now.getTime() / LOOKUP_WINDOW_MS) * LOOKUP_WINDOW_MS);
  let over = false;
  for (const clientKey of keys) {
    const count = await increment(db, shop, clientKey, windowStart);
    if (count > LOOKUP_LIMIT) over = true;
  }
  if (!over) return { allowed: true };
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((windowStart.getTime() + LOOKUP_WINDOW_MS - now.getTime()) / 60_000)) };
}

async function increment(db: Db, shop: string, clientKey: string, windowStart: Date): Promise<number> {
  const where = { shop_clientKey_windowStart: { shop, clientKey, windowStart } };
  for (let attempt = 0; ; attempt += 1) {
    try {
      const row = await db.lookupAttempt.upsert({ where, create: { shop, clientKey, windowStart, count: 1 }, update: { count: { increment: 1 } } });
      return row.count;
    } catch (error) {
      // Two first lookups at once: the second becomes an increment.
      if (!isUniqueViolation(error) || attempt > 0) throw error;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The lookup

export type LookupResult = { found: true; orderId: string; orderName: string } | { found: false };

function normaliseOrderNumber(text: string): string {
  return text.trim().replace(/^#/, "").replace(/\s+/g, "");
}

/**
 * The order with this number whose email (the order's, else its customer's) is the one typed,
 * compared ignoring case and surrounding spaces. One Admin API call whichever way it goes.
 */
export async function lookupOrder(db: Db, admin: Admin, shop: string, input: { orderNumber: string; email: string }): Promise<LookupResult> {
  const number = normaliseOrderNumber(input.orderNumber);
  const email = input.email.trim().toLowerCase();
  if (!/^\d{1,12}$/.test(number) || !email) return { found: false };
  const known = await db.orderCare.findFirst({ where: { shop, number: Number(number) }, select: { orderGid: true } });
  type Candidate = NonNullable<ReturnLookupOrderQuery["order"]>;
  let candidates: Candidate[];
  if (known) {
    const data = await adminQuery<ReturnLookupOrderQuery>(admin, RETURN_LOOKUP_ORDER_QUERY, { id: known.orderGid });
    candidates = data.order ? [data.order] : [];
  } else {
    const data = await adminQuery<ReturnLookupOrderSearchQuery>(admin, RETURN_LOOKUP_ORDER_SEARCH_QUERY, { query: `name:"#${number}"` });
    candidates = data.orders.nodes.filter((order) => order.name.replace(/\D/g, "") === number);
  }
  const match = candidates.find((order) => [order.email, order.customer?.defaultEmailAddress?.emailAddress].some((candidate) => candidate?.trim().toLowerCase() === email));
  return match ? { found: true, orderId: match.legacyResourceId, orderName: match.name } : { found: false };
}

// ---------------------------------------------------------------------------------------------
// The signed link

/** A "return" link for the order, valid for an hour: the next steps need no lookup again. */
export function issueReturnToken(shop: string, orderId: string, locale: ShopperLocale, now: Date, secret: string): string {
  return signLink({ shop, purpose: "return", orderId, locale, id: randomUUID(), exp: Math.floor(now.getTime() / 1000) + RETURN_LINK_MINUTES * 60 }, secret);
}

/** A return link from a lookup or from a message (60 days): checked for this shop and purpose. */
export function openReturnToken(token: string, shop: string, now: Date, secret: string): { ok: true; claims: LinkClaims & { orderId: string } } | { ok: false; reason: LinkFailure | "missing" } {
  if (!token) return { ok: false, reason: "missing" };
  const verified = verifyLink(token, secret, now, { shop, purpose: "return" });
  if (!verified.ok) return verified;
  if (!verified.claims.orderId) return { ok: false, reason: "malformed" };
  return { ok: true, claims: { ...verified.claims, orderId: verified.claims.orderId } };
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

// ---------------------------------------------------------------------------------------------
// The pages

export type PageContext = {
  locale: ShopperLocale;
  shopName: string;
  contactEmail: string | null;
  /** The proxy's path on the shop's domain (/apps/aftercare, or what Shopify reports). */
  proxyPath: string;
};

type Control =
  | { kind: "input"; type: "text" | "email" | "number"; name: string; label: string; value?: string; required?: boolean; min?: number; max?: number; maxLength?: number; autocomplete?: string; invalid?: boolean }
  | { kind: "select"; name: string; label: string; value?: string; required?: boolean; placeholder: string; options: { value: string; label: string }[]; invalid?: boolean }
  | { kind: "textarea"; name: string; label: string; value?: string; maxLength: number }
  | { kind: "file"; name: string; label: string; hint: string; accept: string };

type Button = { label: string; name: string; value: string; secondary?: boolean };

type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "notice"; tone: "success" | "error" | "info"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "link"; href: string; text: string; button?: boolean }
  | { kind: "form"; action: string; multipart?: boolean; hidden: Record<string, string>; controls: Control[]; buttons: Button[] };

const STYLE = [
  "*,*::before,*::after{box-sizing:border-box}",
  "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}",
  'body{margin:0;background:#f6f6f7;color:#1a1a1a;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}',
  "main{max-width:520px;margin:0 auto;padding:24px 16px 48px}",
  ".shop{margin:0 0 8px;color:#4a4a4a;font-size:15px}",
  "h1{margin:0 0 16px;font-size:24px;line-height:1.25}",
  "h2{margin:32px 0 8px;font-size:19px;line-height:1.3}",
  "p,ul{margin:0 0 16px;overflow-wrap:anywhere}",
  ".notice{padding:12px 16px;border:1px solid;border-radius:8px}",
  ".success{background:#e9f6ec;border-color:#1f7a3a}",
  ".error{background:#fdeceb;border-color:#b3261e}",
  ".info{background:#eef3fb;border-color:#4a6fa5}",
  "label{display:block;margin:16px 0 4px;font-weight:600}",
  ".hint{margin:4px 0 0;color:#4a4a4a;font-size:14px}",
  "input,select,textarea{display:block;width:100%;min-height:48px;padding:10px 12px;border:1px solid #767676;border-radius:8px;background:#fff;color:inherit;font:inherit}",
  "input[type=file]{padding:10px 0;border:0;background:none}",
  "textarea{min-height:120px;resize:vertical}",
  '[aria-invalid="true"]{border:2px solid #b3261e}',
  "button,.button{display:block;width:100%;min-height:48px;margin:16px 0 0;padding:12px 16px;border:2px solid #1a1a1a;border-radius:8px;background:#1a1a1a;color:#fff;font:inherit;font-weight:600;text-align:center;text-decoration:none;cursor:pointer}",
  ".secondary{background:#fff;color:#1a1a1a}",
  "a{color:#0b57d0}",
  ":focus-visible{outline:3px solid #0b57d0;outline-offset:2px}",
].join("");

function attributes(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([name, value]) => (value === true ? name : `${name}="${escapeHtml(String(value))}"`))
    .join(" ");
}

function renderControl(control: Control): string {
  const id = `field-${control.name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  const label = `<label for="${escapeHtml(id)}">${escapeHtml(control.label)}</label>`;
  switch (control.kind) {
    case "input":
      return `${label}<input ${attributes({ id, type: control.type, name: control.name, value: control.value ?? "", required: control.required, min: control.min, max: control.max, maxlength: control.maxLength, autocomplete: control.autocomplete, inputmode: control.type === "number" ? "numeric" : undefined, "aria-invalid": control.invalid ? "true" : undefined })}>`;
    case "select": {
      const options = [`<option value="">${escapeHtml(control.placeholder)}</option>`, ...control.options.map((option) => `<option ${attributes({ value: option.value, selected: option.value === control.value })}>${escapeHtml(option.label)}</option>`)];
      return `${label}<select ${attributes({ id, name: control.name, required: control.required, "aria-invalid": control.invalid ? "true" : undefined })}>${options.join("")}</select>`;
    }
    case "textarea":
      return `${label}<textarea ${attributes({ id, name: control.name, maxlength: control.maxLength })}>${escapeHtml(control.value ?? "")}</textarea>`;
    case "file":
      return `${label}<input ${attributes({ id, type: "file", name: control.name, accept: control.accept, "aria-describedby": `${id}-hint` })}><p class="hint" id="${escapeHtml(id)}-hint">${escapeHtml(control.hint)}</p>`;
  }
}

function safeHref(href: string): string {
  if ((href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/\\")) || /^mailto:[^\s"'<>?&]+@[^\s"'<>?&]+$/i.test(href)) return href;
  throw new Error(`refusing to link to ${href}`);
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return `<p>${escapeHtml(block.text)}</p>`;
    case "heading":
      return `<h2>${escapeHtml(block.text)}</h2>`;
    case "notice":
      return `<p class="notice ${block.tone}" role="${block.tone === "error" ? "alert" : "status"}">${escapeHtml(block.text)}</p>`;
    case "list":
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
    case "link":
      return `<p><a ${attributes({ class: block.button ? "button secondary" : undefined, href: safeHref(block.href) })}>${escapeHtml(block.text)}</a></p>`;
    case "form": {
      const hidden = Object.entries(block.hidden).map(([name, value]) => `<input type="hidden" ${attributes({ name, value })}>`);
      const buttons = block.buttons.map((button) => `<button ${attributes({ type: "submit", name: button.name, value: button.value, class: button.secondary ? "secondary" : undefined, formnovalidate: button.secondary })}>${escapeHtml(button.label)}</button>`);
      return `<form ${attributes({ method: "post", action: safeHref(block.action), enctype: block.multipart ? "multipart/form-data" : undefined })}>${[...hidden, ...block.controls.map(renderControl), ...buttons].join("")}</form>`;
    }
  }
}

function page(context: PageContext, title: string, body: Block[], status = 200): Response {
  const contact: Block[] = context.contactEmail && /^[^\s"'<>?&]+@[^\s"'<>?&]+$/.test(context.contactEmail) ? [{ kind: "link", href: `mailto:${context.contactEmail}`, text: RETURN_CONTACT[context.locale] }] : [];
  const html = [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(context.locale)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)} · ${escapeHtml(context.shopName)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<main>",
    `<p class="shop">${escapeHtml(context.shopName)}</p>`,
    `<h1>${escapeHtml(title)}</h1>`,
    ...[...body, ...contact].map(renderBlock),
    "</main>",
    "</body>",
    "</html>",
  ].join("\n");
  return shopperPageResponse(html, status);
}

const RETURN_CONTACT: Record<ShopperLocale, string> = {
  en: "Questions? Contact us",
  fr: "Une question\u00a0? Contactez-nous",
  uk: "Маєте запитання? Напишіть нам",
  el: "Απορίες; Επικοινωνήστε μαζί μας",
  pl: "Masz pytania? Napisz do nas",
  de: "Fragen? Schreib uns",
  es: "¿Alguna pregunta? Escríbenos",
};

const copyOf = (context: PageContext): ReturnCopy => RETURN_COPY[context.locale];
const actionOf = (context: PageContext) => `${context.proxyPath}/returns`;

/** The lookup form; `notice` for a lookup that found nothing (the same words whatever the cause). */
export function lookupPage(context: PageContext, state: { notice?: "not_found" | "missing" } = {}): Response {
  const copy = copyOf(context).lookup;
  const notice: Block[] = state.notice ? [{ kind: "notice", tone: "error", text: state.notice === "missing" ? copy.missing : copy.notFound }] : [];
  return page(
    context,
    copy.title,
    [
      { kind: "paragraph", text: copy.intro },
      ...notice,
      {
        kind: "form",
        action: actionOf(context),
        hidden: { step: "lookup", locale: context.locale },
        controls: [
          { kind: "input", type: "text", name: "orderNumber", label: copy.orderNumber, required: true, maxLength: 20, autocomplete: "off" },
          { kind: "input", type: "email", name: "email", label: copy.email, required: true, maxLength: 254, autocomplete: "email" },
        ],
        buttons: [{ label: copy.submit, name: "action", value: "lookup" }],
      },
    ],
    state.notice === "not_found" ? 404 : state.notice === "missing" ? 400 : 200,
  );
}

export function tooManyLookupsPage(context: PageContext, minutes: number): Response {
  const copy = copyOf(context).lookup;
  return page(context, copy.title, [{ kind: "notice", tone: "error", text: fillCopy(copy.tooMany, { minutes }) }], 429);
}

export function returnMessagePage(context: PageContext, text: string, status: number): Response {
  return page(context, copyOf(context).lookup.title, [{ kind: "notice", tone: "error", text }], status);
}

export type ItemsPageInput = {
  token: string;
  orderName: string;
  returnability: Returnability;
  values?: { quantities: Record<string, number>; reason?: string; comment?: string };
  problems?: string[];
};

/** Numeric tail of a Shopify gid, the form's field names. */
export function gidTail(gid: string): string {
  return gid.slice(gid.lastIndexOf("/") + 1);
}

export function itemsPage(context: PageContext, input: ItemsPageInput): Response {
  const copy = copyOf(context);
  const reasonOptions = RETURN_REASONS.map((reason) => ({ value: reason, label: copy.reasons[reason] }));
  const excluded: Block[] =
    input.returnability.excluded.length > 0
      ? [
          { kind: "heading", text: copy.items.excludedHeading },
          {
            kind: "list",
            items: input.returnability.excluded.map((line) => `${line.title}: ${fillCopy(copy.exclusions[line.code], { date: line.closedAt ? formatReturnDay(line.closedAt, context.locale) : "" })}`),
          },
        ]
      : [];
  if (input.returnability.returnable.length === 0) {
    return page(context, copy.items.title, [{ kind: "paragraph", text: fillCopy(copy.items.intro, { orderName: input.orderName }) }, { kind: "notice", tone: "info", text: copy.items.none }, ...excluded]);
  }
  const problems: Block[] = (input.problems ?? []).map((text) => ({ kind: "notice", tone: "error", text }));
  const controls: Control[] = input.returnability.returnable.map((line) => ({
    kind: "input",
    type: "number",
    name: `qty.${gidTail(line.lineItemId)}`,
    label: `${line.title} — ${fillCopy(copy.items.quantity, { max: line.quantity })}`,
    value: String(input.values?.quantities[line.lineItemId] ?? 0),
    min: 0,
    max: line.quantity,
  }));
  controls.push(
    { kind: "select", name: "reason", label: copy.items.reason, placeholder: copy.items.chooseReason, options: reasonOptions, value: input.values?.reason, required: true, invalid: (input.problems?.length ?? 0) > 0 && !input.values?.reason },
    { kind: "textarea", name: "comment", label: copy.items.comment, value: input.values?.comment, maxLength: 1000 },
  );
  return page(
    context,
    copy.items.title,
    [
      { kind: "paragraph", text: fillCopy(copy.items.intro, { orderName: input.orderName }) },
      ...problems,
      { kind: "form", action: actionOf(context), hidden: { step: "review", t: input.token, locale: context.locale }, controls, buttons: [{ label: copy.items.review, name: "action", value: "review" }] },
      ...excluded,
    ],
    problems.length > 0 ? 400 : 200,
  );
}

export type SummaryPageInput = {
  token: string;
  lines: { lineItemId: string; title: string; quantity: number }[];
  reason: ReturnReason;
  comment: string;
  decisionText: string;
  problem?: string;
};

/** What will happen, before anything is sent; the photo is added here, with the final button. */
export function summaryPage(context: PageContext, input: SummaryPageInput): Response {
  const copy = copyOf(context);
  const encoded = input.lines.map((line) => `${gidTail(line.lineItemId)}:${line.quantity}`).join(",");
  return page(
    context,
    copy.summary.title,
    [
      { kind: "paragraph", text: copy.summary.intro },
      ...(input.problem ? [{ kind: "notice", tone: "error", text: input.problem } as const] : []),
      { kind: "list", items: input.lines.map((line) => `${line.quantity} × ${line.title}`) },
      { kind: "paragraph", text: `${copy.summary.reasonLabel}: ${copy.reasons[input.reason]}` },
      ...(input.comment ? [{ kind: "paragraph", text: `${copy.summary.commentLabel}: ${input.comment}` } as const] : []),
      { kind: "notice", tone: "info", text: input.decisionText },
      {
        kind: "form",
        action: actionOf(context),
        multipart: true,
        hidden: { step: "submit", t: input.token, locale: context.locale, lines: encoded, reason: input.reason, comment: input.comment },
        controls: [{ kind: "file", name: "photo", label: copy.items.photo, hint: copy.items.photoHint, accept: "image/jpeg,image/png,image/webp,image/heic,.heic" }],
        buttons: [
          { label: copy.summary.submit, name: "action", value: "submit" },
          { label: copy.summary.change, name: "action", value: "change", secondary: true },
        ],
      },
    ],
    input.problem ? 400 : 200,
  );
}

export function donePage(context: PageContext, input: { returnNumber: string; approved: boolean; alreadySent: boolean; labelPath: string | null }): Response {
  const copy = copyOf(context).done;
  return page(context, copy.title, [
    ...(input.alreadySent ? [{ kind: "notice", tone: "info", text: copy.alreadySent } as const] : []),
    { kind: "notice", tone: "success", text: fillCopy(copy.number, { returnNumber: input.returnNumber }) },
    { kind: "paragraph", text: input.approved ? copy.approved : copy.waiting },
    ...(input.labelPath ? [{ kind: "link", href: input.labelPath, text: copy.downloadLabel, button: true } as const] : []),
  ]);
}

/** The lines a summary form carries back ("123:1,456:2"), as line item gids and quantities. */
export function parseEncodedLines(text: string): { lineItemId: string; quantity: number }[] {
  return text
    .split(",")
    .map((part) => /^(\d{1,20}):(\d{1,4})$/.exec(part.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ lineItemId: `gid://shopify/LineItem/${match[1]}`, quantity: Number(match[2]) }))
    .filter((line) => line.quantity > 0);
}

/** The items form's quantities ("qty.<id>" fields). */
export function parseQuantities(form: ReadonlyMap<string, string>): { lineItemId: string; quantity: number }[] {
  const lines: { lineItemId: string; quantity: number }[] = [];
  for (const [name, value] of form) {
    const match = /^qty\.(\d{1,20})$/.exec(name);
    const quantity = Number(value.trim());
    if (match && Number.isInteger(quantity) && quantity > 0) lines.push({ lineItemId: `gid://shopify/LineItem/${match[1]}`, quantity });
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// The flow, step by step (the proxy route authenticates and calls this)

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** A form with a photo: the photo and a few text fields. */
const MAX_FORM_BYTES = MAX_PHOTO_BYTES + 256 * 1024;
const PROXY_PATH = /^\/(apps|a|community|tools)\/[A-Za-z0-9_-]{1,30}$/;

export type PhotoCheck = { ok: true; contentType: string } | { ok: false; problem: "too_big" | "type" };

/** A shopper's photo: JPEG, PNG, WebP or HEIC by its first bytes (not its name), at most 5 MB. */
export function checkReturnPhoto(data: Uint8Array): PhotoCheck {
  if (data.byteLength > MAX_PHOTO_BYTES) return { ok: false, problem: "too_big" };
  const ascii = (from: number, to: number) => String.fromCharCode(...data.subarray(from, to));
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return { ok: true, contentType: "image/jpeg" };
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, index) => data[index] === byte)) return { ok: true, contentType: "image/png" };
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return { ok: true, contentType: "image/webp" };
  if (ascii(4, 8) === "ftyp" && ["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1"].includes(ascii(8, 12))) return { ok: true, contentType: "image/heic" };
  return { ok: false, problem: "type" };
}

type ReadForm = { fields: Map<string, string>; photo: { filename: string; data: Uint8Array } | null; tooLarge: boolean };

async function readReturnForm(request: Request): Promise<ReadForm> {
  const fields = new Map<string, string>();
  if (Number(request.headers.get("content-length") ?? "0") > MAX_FORM_BYTES) return { fields, photo: null, tooLarge: true };
  let photo: ReadForm["photo"] = null;
  try {
    const data = await request.formData();
    for (const [key, value] of data.entries()) {
      if (typeof value === "string") {
        if (!fields.has(key)) fields.set(key, value);
      } else if (key === "photo" && value.size > 0 && photo === null) {
        if (value.size > MAX_PHOTO_BYTES) return { fields, photo: null, tooLarge: true };
        photo = { filename: value.name || "photo", data: new Uint8Array(await value.arrayBuffer()) };
      }
    }
  } catch {
    // Not a form: treated as empty.
  }
  return { fields, photo, tooLarge: false };
}

export type ReturnsPageDeps = {
  db: Db;
  admin: Admin;
  queue: Parameters<typeof requestReturn>[2];
  shop: string;
  now: Date;
  /** The app's secret: signs the return links. */
  secret: string;
  serviceDeps?: ReturnDeps;
};

/** Answers GET and POST /apps/aftercare/returns (the proxy signature already verified). */
export async function answerReturnsPage(request: Request, deps: ReturnsPageDeps): Promise<Response> {
  const { db, shop, now, secret } = deps;
  const url = new URL(request.url);
  const form = request.method === "POST" ? await readReturnForm(request) : { fields: new Map<string, string>(), photo: null, tooLarge: false };
  const [settings, identity] = await Promise.all([getShopSettings(db, shop), shopPageIdentity(db, shop)]);
  const prefix = url.searchParams.get("path_prefix") ?? "";
  const context: PageContext = {
    locale: returnPageLocale(request, form.fields, settings.primaryLocale),
    shopName: identity.shopName,
    contactEmail: identity.contactEmail,
    proxyPath: PROXY_PATH.test(prefix) ? prefix : APP_PROXY_PATH,
  };
  const copy = RETURN_COPY[context.locale];
  if (form.tooLarge) return returnMessagePage(context, copy.errors.photoTooBig, 413);

  const step = form.fields.get("step") ?? "";
  if (request.method === "POST" && step === "lookup") return lookupStep(request, deps, context, form.fields);

  const token = form.fields.get("t") || url.searchParams.get("t") || "";
  if (!token) return lookupPage(context);
  const opened = openReturnToken(token, shop, now, secret);
  if (!opened.ok) return opened.reason === "expired" ? returnMessagePage(context, copy.errors.expired, 410) : lookupPage(context);
  const { claims } = opened;
  // The link's language unless the page asked for another.
  const asked = form.fields.get("locale") ?? url.searchParams.get("locale");
  const linked: PageContext = isShopperLocale(asked) ? context : { ...context, locale: claims.locale };

  if (request.method !== "POST") {
    const documentId = url.searchParams.get("document");
    const returnId = url.searchParams.get("return");
    if (documentId && returnId) return documentDownload(db, shop, claims.orderId, returnId, documentId);
    return showItems(deps, linked, token, claims.orderId, {});
  }
  const lines = step === "submit" ? parseEncodedLines(form.fields.get("lines") ?? "") : parseQuantities(form.fields);
  const reasonText = form.fields.get("reason") ?? "";
  const reason = isReturnReason(reasonText) ? reasonText : null;
  const comment = (form.fields.get("comment") ?? "").slice(0, 1000).trim();
  const values = { quantities: Object.fromEntries(lines.map((line) => [line.lineItemId, line.quantity])), reason: reason ?? undefined, comment };

  if (step === "review") return reviewStep(deps, linked, token, claims.orderId, { lines, reason, comment, values });
  if (step === "submit") {
    if (form.fields.get("action") === "change") return showItems(deps, linked, token, claims.orderId, { values });
    return submitStep(deps, linked, token, claims, { lines, reason, comment, values, photo: form.photo });
  }
  return showItems(deps, linked, token, claims.orderId, {});
}

async function lookupStep(request: Request, deps: ReturnsPageDeps, context: PageContext, fields: Map<string, string>): Promise<Response> {
  const { db, admin, shop, now, secret } = deps;
  const orderNumber = (fields.get("orderNumber") ?? "").slice(0, 40);
  const email = (fields.get("email") ?? "").slice(0, 254);
  if (!orderNumber.trim() || !email.trim()) return lookupPage(context, { notice: "missing" });
  const allowance = await countLookup(db, shop, [lookupClientKey(request, shop), orderNumberKey(orderNumber)], now);
  if (!allowance.allowed) return tooManyLookupsPage(context, allowance.retryAfterMinutes);
  const found = await lookupOrder(db, admin, shop, { orderNumber, email });
  if (!found.found) return lookupPage(context, { notice: "not_found" });
  const token = issueReturnToken(shop, found.orderId, context.locale, now, secret);
  return showItems(deps, context, token, found.orderId, {});
}

async function showItems(deps: ReturnsPageDeps, context: PageContext, token: string, orderId: string, state: { values?: ItemsPageInput["values"]; problems?: string[] }): Promise<Response> {
  const found = await orderReturnability(deps.db, deps.admin, deps.shop, orderId, deps.now);
  if (!found) return lookupPage(context, { notice: "not_found" });
  return itemsPage(context, { token, orderName: found.order.name, returnability: found.returnability, ...state });
}

type Choice = { lines: { lineItemId: string; quantity: number }[]; reason: ReturnReason | null; comment: string; values: NonNullable<ItemsPageInput["values"]> };

function localProblems(copy: ReturnCopy, returnability: Returnability, choice: Choice): string[] {
  if (choice.lines.length === 0 || !choice.reason) return [copy.items.chooseSomething];
  const checked = checkReturnRequest({ reason: choice.reason, lines: choice.lines }, returnability);
  if (checked.ok) return [];
  return checked.problems.map((problem) => {
    const line = returnability.returnable.find((candidate) => candidate.lineItemId === problem.lineItemId);
    const asked = choice.lines.find((candidate) => candidate.lineItemId === problem.lineItemId);
    if (!problem.lineItemId) return copy.items.chooseSomething;
    if (line && asked && asked.quantity > line.quantity) return fillCopy(copy.items.tooMany, { max: line.quantity, title: line.title });
    return line ? `${line.title}: ${copy.items.lineProblem}` : copy.items.lineProblem;
  });
}

async function reviewStep(deps: ReturnsPageDeps, context: PageContext, token: string, orderId: string, choice: Choice): Promise<Response> {
  const copy = RETURN_COPY[context.locale];
  const found = await orderReturnability(deps.db, deps.admin, deps.shop, orderId, deps.now);
  if (!found) return lookupPage(context, { notice: "not_found" });
  const problems = localProblems(copy, found.returnability, choice);
  if (problems.length > 0 || !choice.reason) return itemsPage(context, { token, orderName: found.order.name, returnability: found.returnability, values: choice.values, problems });
  return summaryPage(context, summaryInput(copy, found, token, { ...choice, reason: choice.reason }));
}

function summaryInput(copy: ReturnCopy, found: { returnability: Returnability; policy: ReturnPolicy }, token: string, choice: Choice & { reason: ReturnReason }, problem?: string): SummaryPageInput {
  const decision = decideReturn({ reason: choice.reason, lines: choice.lines }, found.policy);
  const titles = new Map(found.returnability.returnable.map((line) => [line.lineItemId, line.title]));
  return {
    token,
    lines: choice.lines.map((line) => ({ ...line, title: titles.get(line.lineItemId) ?? "" })),
    reason: choice.reason,
    comment: choice.comment,
    decisionText: decisionText(copy, choice.reason, decision),
    ...(problem ? { problem } : {}),
  };
}

async function submitStep(deps: ReturnsPageDeps, context: PageContext, token: string, claims: LinkClaims & { orderId: string }, choice: Choice & { photo: ReadForm["photo"] }): Promise<Response> {
  const { db, admin, queue, shop, now } = deps;
  const copy = RETURN_COPY[context.locale];
  if (choice.lines.length === 0 || !choice.reason) return showItems(deps, context, token, claims.orderId, { values: choice.values, problems: [copy.items.chooseSomething] });
  const reason = choice.reason;
  let photo: { filename: string; contentType: string; data: Uint8Array } | null = null;
  if (choice.photo) {
    const checked = checkReturnPhoto(choice.photo.data);
    if (!checked.ok) {
      const found = await orderReturnability(db, admin, shop, claims.orderId, now);
      if (!found) return lookupPage(context, { notice: "not_found" });
      return summaryPage(context, summaryInput(copy, found, token, { ...choice, reason }, checked.problem === "too_big" ? copy.errors.photoTooBig : copy.errors.photoType));
    }
    photo = { filename: choice.photo.filename.slice(0, 120), contentType: checked.contentType, data: choice.photo.data };
  }
  const result = await requestReturn(db, admin, queue, shop, { orderId: claims.orderId, lines: choice.lines, reason, comment: choice.comment, locale: context.locale, submissionKey: claims.id, photo }, now, deps.serviceDeps);
  if (!result.ok) {
    if (result.code === "already_submitted") return returnMessagePage({ ...context }, copy.done.alreadySent, 409);
    if (result.code === "not_found") return lookupPage(context, { notice: "not_found" });
    const found = await orderReturnability(db, admin, shop, claims.orderId, now);
    if (!found) return lookupPage(context, { notice: "not_found" });
    return itemsPage(context, { token, orderName: found.order.name, returnability: found.returnability, values: choice.values, problems: localProblems(copy, found.returnability, choice) });
  }
  const approved = result.case.reached.includes("approved") && !["declined", "cancelled"].includes(result.case.status);
  const label = approved ? await db.returnDocument.findFirst({ where: { shop, returnId: result.case.id, kind: "label" }, orderBy: { createdAt: "desc" }, select: { id: true } }) : null;
  const query = new URLSearchParams({ t: token, locale: context.locale, return: result.case.id, document: label?.id ?? "" });
  return donePage(context, { returnNumber: result.case.returnNumber, approved, alreadySent: result.outcome === "existing", labelPath: label ? `${context.proxyPath}/returns?${query.toString()}` : null });
}

/** A label or packing slip of one of the link's order's returns. */
async function documentDownload(db: Db, shop: string, orderId: string, returnId: string, documentId: string): Promise<Response> {
  const owner = await db.returnCase.findFirst({ where: { shop, id: returnId, orderId }, select: { id: true } });
  const document = owner ? await db.returnDocument.findFirst({ where: { shop, returnId, id: documentId, kind: { in: ["label", "packing_slip"] } } }) : null;
  if (!document) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const filename = document.filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(new Uint8Array(document.data), {
    headers: {
      "Content-Type": document.contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Robots-Tag": "noindex",
    },
  });
}
