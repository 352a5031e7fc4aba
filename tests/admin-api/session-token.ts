import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

/**
 * App Bridge session tokens: HS256 JWTs signed with the app's secret, whose
 * `aud` is the app's API key and whose `dest` is `https://{shop}`.
 */
export type SessionTokenClaims = {
  iss: string;
  dest: string;
  aud: string;
  sub: string;
  exp: number;
  nbf: number;
  iat: number;
  jti: string;
  sid: string;
};

export type SignSessionTokenInput = {
  shop: string;
  apiKey: string;
  apiSecret: string;
  userId?: string;
  /** Epoch ms; defaults to Date.now(). */
  now?: number;
  lifetimeSeconds?: number;
};

/** Tokens are accepted this many seconds past `exp` / before `nbf`, like Shopify's libraries. */
export const CLOCK_TOLERANCE_SECONDS = 10;

export function signSessionToken(input: SignSessionTokenInput): string {
  const issuedAt = Math.floor((input.now ?? Date.now()) / 1000);
  const claims: SessionTokenClaims = {
    iss: `https://${input.shop}/admin`,
    dest: `https://${input.shop}`,
    aud: input.apiKey,
    sub: input.userId ?? "1",
    exp: issuedAt + (input.lifetimeSeconds ?? 60),
    nbf: issuedAt,
    iat: issuedAt,
    jti: randomUUID(),
    sid: randomUUID(),
  };
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const body = base64url(JSON.stringify(claims));
  return `${header}.${body}.${signature(`${header}.${body}`, input.apiSecret)}`;
}

export type VerifyResult = { ok: true; claims: SessionTokenClaims } | { ok: false; reason: string };

export function verifySessionToken(
  token: string,
  expected: { apiKey: string; apiSecret: string; shop: string; now: number },
): VerifyResult {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "not a JWT" };
  const [header = "", body = "", sig = ""] = parts;
  const headerJson = decodeJson(header);
  if (headerJson?.alg !== "HS256") return { ok: false, reason: "unsupported algorithm" };
  if (!sameText(sig, signature(`${header}.${body}`, expected.apiSecret))) return { ok: false, reason: "bad signature" };
  const claims = decodeJson(body) as Partial<SessionTokenClaims> | null;
  if (!claims) return { ok: false, reason: "unreadable claims" };
  const nowSeconds = expected.now / 1000;
  if (typeof claims.exp !== "number" || claims.exp + CLOCK_TOLERANCE_SECONDS < nowSeconds) return { ok: false, reason: "expired" };
  if (typeof claims.nbf === "number" && claims.nbf - CLOCK_TOLERANCE_SECONDS > nowSeconds) return { ok: false, reason: "not yet valid" };
  if (claims.aud !== expected.apiKey) return { ok: false, reason: "audience is another app" };
  if (claims.dest !== `https://${expected.shop}`) return { ok: false, reason: "issued for another shop" };
  return { ok: true, claims: claims as SessionTokenClaims };
}

function signature(data: string, secret: string): string {
  return createHmac("sha256", secret).update(data).digest("base64url");
}

function base64url(text: string): string {
  return Buffer.from(text).toString("base64url");
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
