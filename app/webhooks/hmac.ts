// Shopify signs each webhook with base64(HMAC-SHA256(app secret, raw body)).
import { createHmac, timingSafeEqual } from "node:crypto";

export function webhookSignature(rawBody: Uint8Array | string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("base64");
}

/** Constant-time check of the X-Shopify-Hmac-Sha256 header against the raw body. */
export function isValidWebhookSignature(rawBody: Uint8Array, header: string | null, secret: string): boolean {
  if (!header) return false;
  const expected = Buffer.from(webhookSignature(rawBody, secret), "base64");
  const given = Buffer.from(header, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
