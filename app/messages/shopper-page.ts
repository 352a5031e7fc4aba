// The small HTML pages shoppers open from the links in messages (confirm the order, answer
// the check-in, report a problem, unsubscribe), rendered as one complete document: no
// JavaScript, inline CSS, readable on a phone first, every text escaped.
//
// Served through the app proxy: Shopify fetches the page from the app and serves it on the
// shop's own domain. A `text/html` response is passed through as it is; an
// `application/liquid` one would be rendered inside the shop's theme. Plain HTML is chosen
// on purpose: the page works the same in every theme, shows no theme scripts next to a
// signed link, and is tested here as the shopper sees it. Forms post to the proxy path on
// the shop's domain (relative `/apps/aftercare/<page>`, or the path Shopify reports in
// `path_prefix` if the merchant changed it); Shopify forwards the POST to the app with a
// fresh signature, and the link's token travels in a hidden field.
//
// Also here: the address correction form's fields and checks, and each page's content per
// state (asked, answered, link already used). Pure: no I/O.
import type { LocaleCopy } from "./copy/types";
import type { ShopperLocale } from "./locales";
import type { CheckInAnswer } from "./signed-link";

export type ShopperPageField = {
  name: string;
  label: string;
  type?: "text" | "tel" | "textarea";
  value?: string;
  required?: boolean;
  maxLength?: number;
  /** The browser's autofill hint ("address-line1", "postal-code", "tel", …). */
  autocomplete?: string;
  invalid?: boolean;
};

export type ShopperPageButton = {
  label: string;
  /** Sent with the form when this button is pressed (one form, several actions). */
  name?: string;
  value?: string;
  secondary?: boolean;
};

export type ShopperPageBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "heading"; text: string }
  /** success and error stand out; info is a calm note (a link already used). */
  | { kind: "notice"; tone: "success" | "error" | "info"; text: string }
  | {
      kind: "form";
      /** A path on the shop's domain, such as /apps/aftercare/confirm. */
      action: string;
      /** Kept between requests: the link's token and language. */
      hidden: Record<string, string>;
      fields: ShopperPageField[];
      buttons: ShopperPageButton[];
    }
  /** A plain link, or one that looks like a button (primary or secondary). */
  | { kind: "link"; href: string; text: string; button?: "primary" | "secondary" };

export type ShopperPageInput = {
  locale: ShopperLocale;
  shopName: string;
  title: string;
  body: ShopperPageBlock[];
};

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for HTML content and attribute values (always double-quoted here). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/** Puts values into `{{name}}` placeholders; an unknown placeholder becomes empty. Not escaped: rendering escapes. */
export function fillText(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g, (_match, name: string) => values[name] ?? "");
}

// Relative paths on the shop's domain, https addresses and plain mailto: addresses; never
// javascript:, data: or a protocol-relative //host.
function safeHref(href: string): string {
  const relative = href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/\\");
  if (relative || /^https:\/\/[^\s/]+/i.test(href) || /^mailto:[^\s"'<>?&]+@[^\s"'<>?&]+$/i.test(href)) return href;
  throw new Error(`refusing to link to ${href}`);
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#f6f6f7;color:#1a1a1a;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:480px;margin:0 auto;padding:24px 16px 48px}
.shop{margin:0 0 8px;color:#4a4a4a;font-size:15px}
h1{margin:0 0 16px;font-size:24px;line-height:1.25}
h2{margin:32px 0 8px;font-size:19px;line-height:1.3}
p{margin:0 0 16px;overflow-wrap:anywhere}
.notice{margin:0 0 16px;padding:12px 16px;border:1px solid;border-radius:8px}
.success{background:#e9f6ec;border-color:#1f7a3a}
.error{background:#fdeceb;border-color:#b3261e}
.info{background:#eef3fb;border-color:#4a6fa5}
form{margin:0 0 16px}
label{display:block;margin:16px 0 4px;font-weight:600}
input,textarea{display:block;width:100%;min-height:48px;padding:10px 12px;border:1px solid #767676;border-radius:8px;background:#fff;color:inherit;font:inherit}
textarea{min-height:144px;resize:vertical}
[aria-invalid="true"]{border:2px solid #b3261e}
button,.button{display:block;width:100%;min-height:48px;margin:16px 0 0;padding:12px 16px;border:2px solid #1a1a1a;border-radius:8px;background:#1a1a1a;color:#fff;font:inherit;font-weight:600;text-align:center;text-decoration:none;cursor:pointer}
.secondary{background:#fff;color:#1a1a1a}
a{color:#0b57d0}
.link{display:inline-block;min-height:44px;padding:10px 0}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
`
  .trim()
  .replace(/\n/g, "");

function renderField(field: ShopperPageField): string {
  const id = `field-${field.name}`;
  const common = [
    `id="${escapeHtml(id)}"`,
    `name="${escapeHtml(field.name)}"`,
    field.required ? "required" : "",
    field.maxLength ? `maxlength="${field.maxLength}"` : "",
    field.autocomplete ? `autocomplete="${escapeHtml(field.autocomplete)}"` : "",
    field.invalid ? 'aria-invalid="true"' : "",
  ]
    .filter(Boolean)
    .join(" ");
  const control =
    field.type === "textarea"
      ? `<textarea ${common}>${escapeHtml(field.value ?? "")}</textarea>`
      : `<input type="${field.type ?? "text"}" ${common} value="${escapeHtml(field.value ?? "")}">`;
  return `<label for="${escapeHtml(id)}">${escapeHtml(field.label)}</label>${control}`;
}

function renderButton(button: ShopperPageButton): string {
  const attributes = [
    'type="submit"',
    button.secondary ? 'class="secondary"' : "",
    button.name ? `name="${escapeHtml(button.name)}"` : "",
    button.name && button.value !== undefined ? `value="${escapeHtml(button.value)}"` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return `<button ${attributes}>${escapeHtml(button.label)}</button>`;
}

function renderBlock(block: ShopperPageBlock): string {
  switch (block.kind) {
    case "paragraph":
      return `<p>${escapeHtml(block.text)}</p>`;
    case "heading":
      return `<h2>${escapeHtml(block.text)}</h2>`;
    case "notice":
      // A status the shopper must not miss: read out when the page opens.
      return `<p class="notice ${block.tone}" role="${block.tone === "error" ? "alert" : "status"}">${escapeHtml(block.text)}</p>`;
    case "form": {
      const hidden = Object.entries(block.hidden).map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`);
      return `<form method="post" action="${escapeHtml(safeHref(block.action))}">${[...hidden, ...block.fields.map(renderField), ...block.buttons.map(renderButton)].join("")}</form>`;
    }
    case "link":
      return `<p><a class="${block.button === "primary" ? "button" : block.button === "secondary" ? "button secondary" : "link"}" href="${escapeHtml(safeHref(block.href))}">${escapeHtml(block.text)}</a></p>`;
  }
}

export function renderShopperPage(input: ShopperPageInput): string {
  return [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(input.locale)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    // Links carry tokens: never hand them to another site in a Referer header.
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(input.title)} · ${escapeHtml(input.shopName)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<main>",
    ...(input.title === input.shopName ? [] : [`<p class="shop">${escapeHtml(input.shopName)}</p>`]),
    `<h1>${escapeHtml(input.title)}</h1>`,
    ...input.body.map(renderBlock),
    "</main>",
    "</body>",
    "</html>",
  ].join("\n");
}

/**
 * The response for a shopper page. Not cached anywhere (each page is about one link), never
 * indexed, no Referer with the token, and no script, frame or form target other than the
 * shop's own domain.
 */
export function shopperPageResponse(html: string, status = 200): Response {
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex",
      "Referrer-Policy": "no-referrer",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// --- the address correction form ---------------------------------------------------------------

export type AddressCorrection = {
  address1: string;
  address2?: string;
  city: string;
  zip: string;
  country: string;
  phone?: string;
  note?: string;
};

export const ADDRESS_FIELDS = ["address1", "address2", "city", "zip", "country", "phone", "note"] as const satisfies readonly (keyof AddressCorrection)[];

export type AddressField = (typeof ADDRESS_FIELDS)[number];

const ADDRESS_RULES: Record<AddressField, { required: boolean; max: number; autocomplete: string; type?: "tel"; pattern?: RegExp }> = {
  address1: { required: true, max: 200, autocomplete: "address-line1" },
  address2: { required: false, max: 200, autocomplete: "address-line2" },
  city: { required: true, max: 100, autocomplete: "address-level2" },
  zip: { required: true, max: 20, autocomplete: "postal-code" },
  country: { required: true, max: 100, autocomplete: "country-name" },
  phone: { required: false, max: 40, autocomplete: "tel", type: "tel", pattern: /^[0-9+()\-./\s]*$/ },
  note: { required: false, max: 500, autocomplete: "off" },
};

// Control characters (tabs and line breaks included) become spaces, runs of spaces one space.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const tidy = (value: string) => value.replace(CONTROL, " ").replace(/\s+/g, " ").trim();

export type AddressCheck = { ok: true; value: AddressCorrection } | { ok: false; invalid: AddressField[]; values: Record<AddressField, string> };

/** Checks a correction as typed: address1, city, zip and country present, every field within its length. */
export function checkAddressCorrection(input: Partial<Record<AddressField, string | undefined>>): AddressCheck {
  const values = Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, tidy(input[field] ?? "")])) as Record<AddressField, string>;
  const invalid = ADDRESS_FIELDS.filter((field) => {
    const rule = ADDRESS_RULES[field];
    const value = values[field];
    if (rule.required && value === "") return true;
    // Counted in characters as the shopper counts them (code points), not UTF-16 units.
    if ([...value].length > rule.max) return true;
    return rule.pattern !== undefined && !rule.pattern.test(value);
  });
  if (invalid.length > 0) return { ok: false, invalid, values };
  const value: AddressCorrection = { address1: values.address1, city: values.city, zip: values.zip, country: values.country };
  if (values.address2) value.address2 = values.address2;
  if (values.phone) value.phone = values.phone;
  if (values.note) value.note = values.note;
  return { ok: true, value };
}

// --- the pages ----------------------------------------------------------------------------------

/** What every page of a link knows (shopper-links.server.ts opens the link). */
export type ShopperPageContext = {
  locale: ShopperLocale;
  pages: LocaleCopy["pages"];
  identity: { shopName: string; contactEmail: string | null };
  /** The proxy's path on the shop's domain, e.g. /apps/aftercare. */
  proxyPath: string;
  /** The link's token, kept in the page's forms and links. */
  token: string;
  order: { name: string } | null;
};

function page(context: Pick<ShopperPageContext, "locale" | "pages" | "identity">, title: string, body: ShopperPageBlock[], status = 200): Response {
  const contact: ShopperPageBlock[] = context.identity.contactEmail
    ? [{ kind: "link", href: `mailto:${context.identity.contactEmail}`, text: context.pages.contactUs }]
    : [];
  let html: string;
  try {
    html = renderShopperPage({ locale: context.locale, shopName: context.identity.shopName, title, body: [...body, ...contact] });
  } catch {
    // A contact address that is no safe mailto: link is left out rather than failing the page.
    html = renderShopperPage({ locale: context.locale, shopName: context.identity.shopName, title, body });
  }
  return shopperPageResponse(html, status);
}

const kept = (context: ShopperPageContext) => ({ t: context.token, locale: context.locale });

const orderValues = (context: ShopperPageContext) => ({ orderName: context.order?.name ?? "", shopName: context.identity.shopName });

export type ConfirmPageState =
  | { kind: "ask"; correction?: { values: Partial<Record<AddressField, string>>; invalid: readonly AddressField[] } }
  | { kind: "confirmed" }
  /** The confirm button of this link was pressed before: the address can still be corrected. */
  | { kind: "already_used" }
  | { kind: "corrected" };

export function confirmPage(context: ShopperPageContext, state: ConfirmPageState): Response {
  const copy = context.pages.confirm;
  if (state.kind === "confirmed") return page(context, copy.title, [{ kind: "notice", tone: "success", text: copy.confirmed }]);
  if (state.kind === "corrected") return page(context, copy.title, [{ kind: "notice", tone: "success", text: copy.corrected }]);
  const correction = state.kind === "ask" ? state.correction : undefined;
  const invalid = new Set(correction?.invalid ?? []);
  const action = `${context.proxyPath}/confirm`;
  const confirmBlocks: ShopperPageBlock[] =
    state.kind === "already_used"
      ? [{ kind: "notice", tone: "info", text: context.pages.errors.used }]
      : [{ kind: "form", action, hidden: kept(context), fields: [], buttons: [{ label: copy.confirmButton, name: "action", value: "confirm" }] }];
  const fields: ShopperPageField[] = ADDRESS_FIELDS.map((name) => ({
    name,
    label: copy[name],
    type: name === "note" ? "textarea" : ADDRESS_RULES[name].type ?? "text",
    value: correction?.values[name] ?? "",
    required: ADDRESS_RULES[name].required,
    maxLength: ADDRESS_RULES[name].max,
    autocomplete: ADDRESS_RULES[name].autocomplete,
    invalid: invalid.has(name),
  }));
  return page(
    context,
    copy.title,
    [
      { kind: "paragraph", text: fillText(copy.intro, orderValues(context)) },
      ...confirmBlocks,
      { kind: "heading", text: copy.correctHeading },
      { kind: "paragraph", text: copy.correctHint },
      ...(invalid.size > 0 ? [{ kind: "notice", tone: "error", text: context.pages.errors.generic } as const] : []),
      { kind: "form", action, hidden: kept(context), fields, buttons: [{ label: copy.submitCorrection, name: "action", value: "correct", secondary: true }] },
    ],
    invalid.size > 0 ? 400 : 200,
  );
}

export type CheckInPageState =
  | { kind: "ask"; chosen?: CheckInAnswer }
  | { kind: "thanks"; answer: CheckInAnswer; problemPath?: string; returnPath?: string }
  /** This answer was given before, or another answer was recorded first. */
  | { kind: "already_used"; problemPath?: string; returnPath?: string };

export function checkInPage(context: ShopperPageContext, state: CheckInPageState): Response {
  const copy = context.pages.checkIn;
  if (state.kind === "ask") {
    // One tap records the answer, as a POST: mail scanners that open every link in an email
    // (GET) never answer for the shopper. The answer chosen in the email comes first.
    const answers: CheckInAnswer[] = state.chosen === "problem" ? ["problem", "arrived_well"] : ["arrived_well", "problem"];
    return page(context, copy.title, [
      { kind: "paragraph", text: fillText(copy.question, orderValues(context)) },
      {
        kind: "form",
        action: `${context.proxyPath}/check-in`,
        hidden: kept(context),
        fields: [],
        buttons: answers.map((answer) => ({ label: answer === "arrived_well" ? copy.arrivedWell : copy.problem, name: "answer", value: answer })),
      },
    ]);
  }
  const next: ShopperPageBlock[] = [
    ...(state.problemPath ? [{ kind: "link", href: state.problemPath, text: context.pages.problem.title, button: "primary" } as const] : []),
    ...(state.returnPath ? [{ kind: "link", href: state.returnPath, text: context.pages.problem.returnLink } as const] : []),
  ];
  if (state.kind === "already_used") return page(context, copy.title, [{ kind: "notice", tone: "info", text: context.pages.errors.used }, ...next]);
  const thanks = state.answer === "arrived_well" ? copy.thanksGood : copy.thanksProblem;
  return page(context, copy.title, [{ kind: "notice", tone: "success", text: thanks }, ...next]);
}

export type ProblemPageState = { kind: "ask"; text?: string; invalid?: boolean } | { kind: "sent"; returnPath?: string };

export function problemPage(context: ShopperPageContext, state: ProblemPageState, maxLength: number): Response {
  const copy = context.pages.problem;
  if (state.kind === "sent") {
    return page(context, copy.title, [
      { kind: "notice", tone: "success", text: copy.thanks },
      ...(state.returnPath ? [{ kind: "link", href: state.returnPath, text: copy.returnLink } as const] : []),
    ]);
  }
  return page(
    context,
    copy.title,
    [
      ...(context.order ? [{ kind: "paragraph", text: context.order.name } as const] : []),
      { kind: "paragraph", text: copy.intro },
      ...(state.invalid ? [{ kind: "notice", tone: "error", text: context.pages.errors.generic } as const] : []),
      {
        kind: "form",
        action: `${context.proxyPath}/problem`,
        hidden: kept(context),
        fields: [{ name: "text", label: copy.describe, type: "textarea", value: state.text ?? "", required: true, maxLength, invalid: state.invalid }],
        buttons: [{ label: copy.submit }],
      },
    ],
    state.invalid ? 400 : 200,
  );
}

export type UnsubscribePageState = { kind: "ask" } | { kind: "done"; email: string };

export function unsubscribePage(context: ShopperPageContext, state: UnsubscribePageState): Response {
  const copy = context.pages.unsubscribe;
  if (state.kind === "done") {
    return page(context, copy.title, [
      { kind: "notice", tone: "success", text: fillText(copy.done, { email: state.email, shopName: context.identity.shopName }) },
      { kind: "paragraph", text: copy.transactionalNote },
    ]);
  }
  return page(context, copy.title, [
    { kind: "paragraph", text: copy.transactionalNote },
    { kind: "form", action: `${context.proxyPath}/unsubscribe`, hidden: kept(context), fields: [], buttons: [{ label: copy.title }] },
  ]);
}

export type LinkProblem = "missing" | "malformed" | "bad_signature" | "expired" | "wrong_shop" | "wrong_purpose" | "not_found";

/**
 * The friendly page for a link that cannot be used: expired (410), an order the shop does
 * not have (404), anything else invalid (400). Says no more than that about why.
 */
export function linkProblemResponse(problem: LinkProblem, context: Pick<ShopperPageContext, "locale" | "pages" | "identity">): Response {
  const { errors } = context.pages;
  const status = problem === "expired" ? 410 : problem === "not_found" ? 404 : 400;
  return page(context, context.identity.shopName, [{ kind: "notice", tone: "error", text: problem === "expired" ? errors.expired : errors.invalid }], status);
}

/** The page for a failure on the app's side (500): the shopper is asked to try again. */
export function somethingWentWrongResponse(context: { locale: ShopperLocale; pages: LocaleCopy["pages"]; shopName: string }): Response {
  const identity = { shopName: context.shopName, contactEmail: null };
  return page({ ...context, identity }, context.shopName, [{ kind: "notice", tone: "error", text: context.pages.errors.generic }], 500);
}
