// Signed shopper links: what verifies, and that nothing else does — tampering with any
// character, a wrong key, shop or purpose, and time past the expiry.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ShopperLocale } from "./locales";
import { LINK_LIFETIME_DAYS, LINK_PURPOSES, linkExpiry, signLink, verifyLink, type LinkClaims } from "./signed-link";

const SECRET = "link-test-secret-0123456789";
const NOW = new Date("2026-11-20T10:00:00Z");
const SHOP = "maison-lumen.myshopify.com";

const claims: LinkClaims = {
  shop: SHOP,
  purpose: "confirm",
  orderId: "5100000001042",
  locale: "fr",
  id: "0b6a3f0e-7d1c-4c3e-9a61-3f1f1d6c2b90",
  exp: linkExpiry("confirm", NOW),
};

const expected = { shop: SHOP, purpose: "confirm" } as const;
const BASE64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

describe("signLink and verifyLink", () => {
  it("gives back the claims of a token it signed", () => {
    const token = signLink(claims, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyLink(token, SECRET, NOW, expected)).toEqual({ ok: true, claims });
  });

  it("keeps the email of an unsubscribe link, and makes no email key when there is none", () => {
    const unsubscribe: LinkClaims = { ...claims, purpose: "unsubscribe", orderId: null, email: "Ana@Example.com", exp: linkExpiry("unsubscribe", NOW) };
    expect(verifyLink(signLink(unsubscribe, SECRET), SECRET, NOW, { shop: SHOP, purpose: "unsubscribe" })).toEqual({ ok: true, claims: unsubscribe });
    const verified = verifyLink(signLink(claims, SECRET), SECRET, NOW, expected);
    expect(verified.ok && "email" in verified.claims).toBe(false);
  });

  it("refuses a token signed with another secret", () => {
    expect(verifyLink(signLink(claims, "another-secret"), SECRET, NOW, expected)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a change to any character of the payload or the signature", () => {
    const token = signLink(claims, SECRET);
    for (let index = 0; index < token.length; index += 1) {
      if (token[index] === ".") continue;
      for (const replacement of ["A", "z", "-"]) {
        if (token[index] === replacement) continue;
        const tampered = token.slice(0, index) + replacement + token.slice(index + 1);
        const verified = verifyLink(tampered, SECRET, NOW, expected);
        expect(verified, `character ${index} replaced by ${replacement}`).toEqual({ ok: false, reason: "bad_signature" });
      }
    }
  });

  it("refuses a second spelling of the same signature (the unused bits of its last character)", () => {
    const token = signLink(claims, SECRET);
    const last = BASE64URL_ALPHABET.indexOf(token.slice(-1));
    const respelled = token.slice(0, -1) + BASE64URL_ALPHABET.charAt(last ^ 1);
    expect(Buffer.from(respelled.split(".")[1] ?? "", "base64url")).toEqual(Buffer.from(token.split(".")[1] ?? "", "base64url"));
    expect(verifyLink(respelled, SECRET, NOW, expected)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses claims changed and re-encoded without the secret", () => {
    const [, mac] = signLink(claims, SECRET).split(".");
    const forged = `${Buffer.from(JSON.stringify({ ...claims, orderId: "5100000009999" })).toString("base64url")}.${mac}`;
    expect(verifyLink(forged, SECRET, NOW, expected)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it.each([
    ["empty", ""],
    ["no signature", "eyJzaG9wIjoiYSJ9"],
    ["three parts", "a.b.c"],
    ["empty payload", ".abc"],
    ["not base64url", "ab+c.de/f"],
    ["padding", "abc=.def="],
    ["too long", `${"a".repeat(3000)}.b`],
  ])("calls a token with %s malformed", (_case, token) => {
    expect(verifyLink(token, SECRET, NOW, expected)).toEqual({ ok: false, reason: "malformed" });
  });

  it("calls signed claims it cannot read malformed", () => {
    const unreadable = signLink({ ...claims, locale: "pt" as ShopperLocale }, SECRET);
    expect(verifyLink(unreadable, SECRET, NOW, expected)).toEqual({ ok: false, reason: "malformed" });
    const noOrder = signLink({ ...claims, orderId: "" }, SECRET);
    expect(verifyLink(noOrder, SECRET, NOW, expected)).toEqual({ ok: false, reason: "malformed" });
  });

  it("works until the second of its expiry, and not from then on", () => {
    const token = signLink(claims, SECRET);
    const expiry = claims.exp * 1000;
    expect(verifyLink(token, SECRET, new Date(expiry - 1), expected).ok).toBe(true);
    expect(verifyLink(token, SECRET, new Date(expiry), expected)).toEqual({ ok: false, reason: "expired" });
    expect(verifyLink(token, SECRET, new Date(expiry + 86_400_000), expected)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a token of another shop or for another page", () => {
    const token = signLink(claims, SECRET);
    expect(verifyLink(token, SECRET, NOW, { shop: "atelier-nord.myshopify.com", purpose: "confirm" })).toEqual({ ok: false, reason: "wrong_shop" });
    expect(verifyLink(token, SECRET, NOW, { shop: SHOP, purpose: "check_in" })).toEqual({ ok: false, reason: "wrong_purpose" });
  });

  it("gives each purpose its lifetime", () => {
    expect(LINK_LIFETIME_DAYS).toEqual({ confirm: 14, check_in: 30, problem: 60, unsubscribe: 365, return: 60 });
    for (const purpose of LINK_PURPOSES) {
      expect(linkExpiry(purpose, NOW) - NOW.getTime() / 1000).toBe(LINK_LIFETIME_DAYS[purpose] * 86_400);
    }
  });

  it("never verifies a token changed at random", () => {
    const token = signLink(claims, SECRET);
    const character = fc.constantFrom(...`${BASE64URL_ALPHABET}.=+/ `.split(""));
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), with: character }),
      fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), with: character }),
      fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), with: character }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        let mutated = token;
        for (const change of mutations) {
          const at = change.at % (mutated.length + 1);
          if (change.kind === "replace") mutated = mutated.slice(0, at) + change.with + mutated.slice(at + 1);
          if (change.kind === "insert") mutated = mutated.slice(0, at) + change.with + mutated.slice(at);
          if (change.kind === "delete") mutated = mutated.slice(0, at) + mutated.slice(at + 1);
        }
        fc.pre(mutated !== token);
        expect(verifyLink(mutated, SECRET, NOW, expected).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
