// Shopper links: the storefront address of each shopper page (served through the app proxy)
// with a signed token, how a proxy request's token is read back and checked, and the record
// of single-use links that were used.
import { randomUUID } from "node:crypto";
import { getConfig } from "~/config.server";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "~/db-errors";
import { log } from "~/observability/log.server";
import { reportError } from "~/observability/sentry.server";
import { COPY, type LocaleCopy } from "./copy";
import { isShopperLocale, type ShopperLocale } from "./locales";
import { findShopperOrder, shopPageIdentity, type ShopPageIdentity, type ShopperOrder } from "./shopper-answers.server";
import { linkProblemResponse, somethingWentWrongResponse } from "./shopper-page";
import { linkExpiry, signLink, verifyLink, type CheckInAnswer, type LinkClaims, type LinkPurpose } from "./signed-link";

export { CHECK_IN_ANSWERS, isCheckInAnswer, type CheckInAnswer } from "./signed-link";

/** The app proxy as declared in shopify.app.toml ([app_proxy] prefix and subpath). */
export const APP_PROXY_PREFIX = "apps";
export const APP_PROXY_SUBPATH = "aftercare";
export const APP_PROXY_PATH = `/${APP_PROXY_PREFIX}/${APP_PROXY_SUBPATH}`;

/** The page each purpose opens, under the proxy path. */
export const SHOPPER_PAGE_PATHS: Record<LinkPurpose, string> = {
  confirm: "confirm",
  check_in: "check-in",
  problem: "problem",
  unsubscribe: "unsubscribe",
  return: "returns",
};

/** Only a myshopify.com domain (or the configured custom domain) gets links. */
const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

function linkSecret(): string {
  return getConfig().apiSecret;
}

/**
 * The address of a shopper page on the shop's own domain, e.g.
 * https://shop.myshopify.com/apps/aftercare/confirm?t=…&locale=fr. `answer` is for the
 * check-in's two buttons (appending `&answer=…` to the address does the same). The language
 * is repeated outside the token so that the page saying a link has expired can still speak
 * it. A merchant who changes the proxy's prefix or subpath in the admin breaks the links
 * already sent: Shopify serves the proxy at one path only.
 */
export function shopperLinkUrl(
  shop: string,
  purpose: LinkPurpose,
  claims: { orderId: string | null; email?: string; locale: ShopperLocale },
  now: Date,
  secret: string = linkSecret(),
  options: { answer?: CheckInAnswer } = {},
): string {
  if (!SHOP_DOMAIN.test(shop) && shop !== getConfig().shopCustomDomain) throw new Error(`not a shop domain: ${shop}`);
  if (purpose === "unsubscribe" && !claims.email?.trim()) throw new Error("an unsubscribe link needs the email address");
  if (purpose !== "unsubscribe" && claims.email !== undefined) throw new Error("only unsubscribe links carry an email address");
  if (purpose !== "unsubscribe" && !claims.orderId) throw new Error(`a ${purpose} link needs an order`);
  const token = signLink(
    {
      shop,
      purpose,
      orderId: claims.orderId,
      ...(claims.email === undefined ? {} : { email: claims.email.trim() }),
      locale: claims.locale,
      id: randomUUID(),
      exp: linkExpiry(purpose, now),
    },
    secret,
  );
  // In the demo (loopback only) there is no shop domain: the app imitates the proxy itself (routes/apps.aftercare.$.ts).
  const { demo, appUrl } = getConfig();
  const origin = demo.enabled && shop === demo.shop ? new URL(appUrl).origin : `https://${shop}`;
  const url = new URL(`${origin}${APP_PROXY_PATH}/${SHOPPER_PAGE_PATHS[purpose]}`);
  url.searchParams.set("t", token);
  url.searchParams.set("locale", claims.locale);
  if (options.answer) url.searchParams.set("answer", options.answer);
  return url.toString();
}

/**
 * Records that a single-use link was used: true the first time, false ever after. The
 * database's unique key (shop, tokenId) decides, so two clicks at once count once.
 */
export async function consumeLinkOnce(db: Db, shop: string, tokenId: string, purpose: LinkPurpose, now: Date): Promise<boolean> {
  try {
    await db.shopperLinkUse.create({ data: { shop, tokenId, purpose, usedAt: now } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

// --- opening a link that came through the app proxy --------------------------------------------

export type OpenedLink = {
  /** The shop, from the proxy query that Shopify signed. */
  shop: string;
  claims: LinkClaims;
  /** The link's token, to keep in the page's forms. */
  token: string;
  locale: ShopperLocale;
  pages: LocaleCopy["pages"];
  identity: ShopPageIdentity;
  /** The storefront path of the proxy as Shopify reports it (merchants can change it). */
  proxyPath: string;
  /** Form fields of a POST (empty for GET). */
  form: Map<string, string>;
  query: URLSearchParams;
  /** The link's order (null for links without one, such as unsubscribe). */
  order: ShopperOrder | null;
};

const PROXY_PATH = /^\/(apps|a|community|tools)\/[A-Za-z0-9_-]{1,30}$/;

/**
 * Reads a shopper page request's token (from the form of a POST, else from the query) and
 * checks it was made for this shop and this page, and that its order exists for the shop
 * (except for unsubscribing).
 * Call only after `authenticate.public.appProxy(request)`: the shop is taken from the
 * signed query. A link that cannot be used gives the friendly page to answer with.
 */
export async function openShopperLink(
  db: Db,
  request: Request,
  purpose: LinkPurpose,
  now: Date,
  secret: string = linkSecret(),
): Promise<{ ok: true; link: OpenedLink } | { ok: false; response: Response }> {
  const query = new URL(request.url).searchParams;
  const shop = query.get("shop") ?? "";
  const prefix = query.get("path_prefix") ?? "";
  const proxyPath = PROXY_PATH.test(prefix) ? prefix : APP_PROXY_PATH;
  const form = request.method === "POST" ? await readForm(request) : new Map<string, string>();
  const identity = await shopPageIdentity(db, shop);
  const token = form.get("t") || query.get("t") || "";
  const verified = token && shop ? verifyLink(token, secret, now, { shop, purpose }) : null;
  if (!verified?.ok) {
    const locale = requestedLocale(request, form);
    return { ok: false, response: linkProblemResponse(verified?.reason ?? "missing", { locale, identity, pages: COPY[locale].pages }) };
  }
  const { claims } = verified;
  const locale = claims.locale;
  const order = claims.orderId === null ? null : await findShopperOrder(db, shop, claims.orderId);
  // An unsubscribe is honoured whatever became of the order it was sent about.
  if (claims.orderId !== null && !order && purpose !== "unsubscribe") return { ok: false, response: linkProblemResponse("not_found", { locale, identity, pages: COPY[locale].pages }) };
  return { ok: true, link: { shop, claims, token, locale, pages: COPY[locale].pages, identity, proxyPath, form, query, order } };
}

/** The language asked for outside the token (the link's or the form's `locale`), for pages about a bad link. */
function requestedLocale(request: Request, form = new Map<string, string>()): ShopperLocale {
  const locale = form.get("locale") ?? new URL(request.url).searchParams.get("locale");
  return isShopperLocale(locale) ? locale : "en";
}

const MAX_FORM_BYTES = 64 * 1024;

/** Text fields of a url-encoded or multipart form; anything unreadable counts as empty. */
async function readForm(request: Request): Promise<Map<string, string>> {
  const fields = new Map<string, string>();
  if (Number(request.headers.get("Content-Length") ?? "0") > MAX_FORM_BYTES) return fields;
  try {
    const data = await request.formData();
    for (const [key, value] of data.entries()) {
      if (typeof value === "string" && !fields.has(key)) fields.set(key, value);
    }
  } catch {
    // Not a form: RFC 8058 one-click senders send one, others may send nothing at all.
  }
  return fields;
}

/** A fresh link to another shopper page of the same order, as a path on the shop's domain. */
export function relatedShopperPath(link: Pick<OpenedLink, "proxyPath" | "shop" | "locale" | "claims">, purpose: LinkPurpose, now: Date, secret: string = linkSecret()): string {
  const absolute = new URL(shopperLinkUrl(link.shop, purpose, { orderId: link.claims.orderId, locale: link.locale }, now, secret));
  return `${link.proxyPath}/${SHOPPER_PAGE_PATHS[purpose]}${absolute.search}`;
}

/**
 * Runs a shopper page's loader or action. A Response thrown (the proxy signature refused)
 * goes out as it is; any other failure is reported and the shopper gets a friendly page
 * (500) in the link's language, never a stack trace.
 */
export async function answerShopperRequest(request: Request, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Response) throw error;
    const url = new URL(request.url);
    const shop = url.searchParams.get("shop") ?? undefined;
    log.error("shopper page failed", { path: url.pathname, shop, error: error instanceof Error ? error.message : String(error) });
    reportError(error, { source: request.method === "GET" ? "loader" : "action", path: url.pathname, shop });
    const locale = requestedLocale(request);
    return somethingWentWrongResponse({ locale, pages: COPY[locale].pages, shopName: shop?.replace(/\.myshopify\.com$/, "") ?? "" });
  }
}
