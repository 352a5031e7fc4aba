// Secrets the app must keep but never show again (a shop's SMTP password), sealed with a key
// derived from the app's own secret (SHOPIFY_API_SECRET, read by the caller through
// config.server.ts). AES-256-GCM with a random IV: the same password sealed twice looks
// different, and a changed or foreign value is refused rather than decrypted to garbage.
// Format: "v1:" + base64url(iv) + ":" + base64url(tag) + ":" + base64url(ciphertext).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Fixed context for the key derivation: another use of the app secret gets another key.
const KDF_SALT = "aftercare/secret-box";
const KDF_INFO = "v1 aes-256-gcm";

/** Raised when a sealed value cannot be opened: changed, truncated, or sealed with another key. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

const keys = new Map<string, Buffer>();

function keyFor(secret: string): Buffer {
  if (secret === "") throw new SecretBoxError("No secret to seal with: the app's secret is empty.");
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, KDF_SALT, KDF_INFO, 32));
    keys.set(secret, key);
  }
  return key;
}

export function sealSecret(plain: string, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFor(secret), iv);
  cipher.setAAD(Buffer.from(VERSION));
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(":");
}

export function openSecret(sealed: string, secret: string): string {
  const parts = sealed.split(":");
  if (parts.length !== 4 || parts[0] !== VERSION) {
    throw new SecretBoxError(`Not a sealed secret (expected the ${VERSION}: format).`);
  }
  const [, ivText = "", tagText = "", cipherText = ""] = parts;
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError("The sealed secret is damaged.");
  const decipher = createDecipheriv("aes-256-gcm", keyFor(secret), iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(VERSION));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(cipherText, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("The sealed secret could not be opened: it was changed, or sealed with another key.");
  }
}
