// Signed shopper links: the token in the links of messages (confirm the order, answer the
// check-in, report a problem, unsubscribe, start a return). The token says which shop, which
// order, what the link may do, in which language and until when; an HMAC-SHA256 of it under
// the app's secret proves the app wrote it. Compact: base64url(JSON) "." base64url(HMAC).
//
// The payload is signed, not encrypted: anyone holding the link can read it (including the
// address of an unsubscribe link). Nothing in it is more than the link's recipient knows.
//
// Pure apart from hashing (node:crypto, synchronous): no I/O, time is a parameter, the random
// id is chosen by the caller (shopper-links.server.ts). Server-only: the secret never reaches
// browser code.
import { createHmac, timingSafeEqual } from "node:crypto";
import { isShopperLocale, type ShopperLocale } from "./locales";

export const LINK_PURPOSES = ["confirm", "check_in", "problem", "unsubscribe", "return"] as const;

export type LinkPurpose = (typeof LINK_PURPOSES)[number];

export function isLinkPurpose(value: unknown): value is LinkPurpose {
  return typeof value === "string" && (LINK_PURPOSES as readonly string[]).includes(value);
}

/** The two buttons of the delivery check-in: the answer travels in the link's query. */
export const CHECK_IN_ANSWERS = ["arrived_well", "problem"] as const;

export type CheckInAnswer = (typeof CHECK_IN_ANSWERS)[number];

export function isCheckInAnswer(value: unknown): value is CheckInAnswer {
  return typeof value === "string" && (CHECK_IN_ANSWERS as readonly string[]).includes(value);
}

/** How long a link works after it is made, per purpose. */
export const LINK_LIFETIME_DAYS: Record<LinkPurpose, number> = {
  confirm: 14,
  check_in: 30,
  problem: 60,
  unsubscribe: 365,
  return: 60,
};

export type LinkClaims = {
  shop: string;
  purpose: LinkPurpose;
  orderId: string | null;
  /** Unsubscribe links only: the address that stops getting promotional email. */
  email?: string;
  locale: ShopperLocale;
  /** Random, unique per link: what a single-use link records as used. */
  id: string;
  /** Unix seconds: the link works while now < exp. */
  exp: number;
};

export type LinkFailure = "malformed" | "bad_signature" | "expired" | "wrong_shop" | "wrong_purpose";

export type LinkVerification = { ok: true; claims: LinkClaims } | { ok: false; reason: LinkFailure };

// Keeps these signatures apart from anything else the same secret signs (webhooks, proxy
// requests, session tokens): a link is never a valid signature of another kind, and back.
const SIGNING_CONTEXT = "aftercare-shopper-link-v1.";

/** A token is far smaller than this; longer input is refused before any decoding. */
const MAX_TOKEN_LENGTH = 2048;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The expiry of a link made at `now` for `purpose`, in unix seconds. */
export function linkExpiry(purpose: LinkPurpose, now: Date): number {
  return Math.floor(now.getTime() / 1000) + LINK_LIFETIME_DAYS[purpose] * 86_400;
}

function signature(payload: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(SIGNING_CONTEXT).update(payload).digest();
}

export function signLink(claims: LinkClaims, secret: string): string {
  if (!secret) throw new Error("signLink needs a secret");
  // Fixed key order, and `email` only when given, so the same claims make the same token.
  const ordered: LinkClaims = {
    shop: claims.shop,
    purpose: claims.purpose,
    orderId: claims.orderId,
    ...(claims.email === undefined ? {} : { email: claims.email }),
    locale: claims.locale,
    id: claims.id,
    exp: claims.exp,
  };
  const payload = Buffer.from(JSON.stringify(ordered), "utf8").toString("base64url");
  return `${payload}.${signature(payload, secret).toString("base64url")}`;
}

export function verifyLink(token: string, secret: string, now: Date, expected: { shop: string; purpose: LinkPurpose }): LinkVerification {
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  const [payload, mac] = parts;
  if (parts.length !== 2 || !payload || !mac || !BASE64URL.test(payload) || !BASE64URL.test(mac)) return { ok: false, reason: "malformed" };

  const given = Buffer.from(mac, "base64url");
  const wanted = signature(payload, secret);
  // Re-encoding must give back the same text: a token differing only in the unused bits of
  // its last base64 character is not a second valid spelling of the same signature.
  if (given.length !== wanted.length || given.toString("base64url") !== mac || !timingSafeEqual(given, wanted)) {
    return { ok: false, reason: "bad_signature" };
  }

  const claims = parseClaims(Buffer.from(payload, "base64url").toString("utf8"));
  // Signed by us but not readable: only possible if the format changed. Treated as malformed.
  if (!claims) return { ok: false, reason: "malformed" };
  if (claims.shop !== expected.shop) return { ok: false, reason: "wrong_shop" };
  if (claims.purpose !== expected.purpose) return { ok: false, reason: "wrong_purpose" };
  if (now.getTime() >= claims.exp * 1000) return { ok: false, reason: "expired" };
  return { ok: true, claims };
}

function parseClaims(json: string): LinkClaims | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const raw = value as Record<string, unknown>;
  const { shop, purpose, orderId, email, locale, id, exp } = raw;
  if (typeof shop !== "string" || shop === "") return null;
  if (!isLinkPurpose(purpose)) return null;
  if (orderId !== null && (typeof orderId !== "string" || orderId === "")) return null;
  if (email !== undefined && (typeof email !== "string" || email === "")) return null;
  if (!isShopperLocale(locale)) return null;
  if (typeof id !== "string" || id === "") return null;
  if (typeof exp !== "number" || !Number.isSafeInteger(exp)) return null;
  return { shop, purpose, orderId, ...(email === undefined ? {} : { email }), locale, id, exp };
}
