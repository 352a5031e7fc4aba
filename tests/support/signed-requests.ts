// Requests signed the way Shopify signs them: webhooks (HMAC of the raw body), App Bridge
// session tokens (HS256 JWT) and app proxy calls (sorted query HMAC).
import { createHmac, randomUUID } from "node:crypto";
import { TEST_API_KEY, TEST_API_SECRET, TEST_APP_URL } from "./test-env";

export const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

export type WebhookOptions = {
  topic: string;
  shop: string;
  body: unknown;
  secret?: string;
  webhookId?: string;
  eventId?: string;
  apiVersion?: string;
  /** Send the raw body as given (for malformed JSON tests). */
  rawBody?: string;
};

export function signedWebhook(options: WebhookOptions): Request {
  const raw = options.rawBody ?? JSON.stringify(options.body);
  const hmac = createHmac("sha256", options.secret ?? TEST_API_SECRET).update(raw, "utf8").digest("base64");
  const path = `/webhooks/${options.topic}`;
  return new Request(`${TEST_APP_URL}${path}`, {
    method: "POST",
    body: raw,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": options.topic,
      "X-Shopify-Hmac-Sha256": hmac,
      "X-Shopify-Shop-Domain": options.shop,
      "X-Shopify-API-Version": options.apiVersion ?? "2026-10",
      "X-Shopify-Webhook-Id": options.webhookId ?? randomUUID(),
      "X-Shopify-Event-Id": options.eventId ?? randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(),
    },
  });
}

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString("base64url");
}

export function sessionToken(shop: string, options: { secret?: string; expiresInSeconds?: number; userId?: string } = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(
    JSON.stringify({
      iss: `https://${shop}/admin`,
      dest: `https://${shop}`,
      aud: TEST_API_KEY,
      sub: options.userId ?? "42",
      exp: now + (options.expiresInSeconds ?? 60),
      nbf: now - 5,
      iat: now - 5,
      jti: randomUUID(),
      sid: randomUUID(),
    }),
  );
  const signature = createHmac("sha256", options.secret ?? TEST_API_SECRET).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

/** A document request as App Bridge makes it inside the admin iframe. */
export function embeddedRequest(path: string, shop: string, init: { token?: string } = {}): Request {
  const url = new URL(path, TEST_APP_URL);
  url.searchParams.set("embedded", "1");
  url.searchParams.set("shop", shop);
  url.searchParams.set("host", Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`).toString("base64"));
  url.searchParams.set("id_token", init.token ?? sessionToken(shop));
  return new Request(url, { headers: { "User-Agent": BROWSER_UA } });
}

export function appProxyRequest(path: string, shop: string, extra: Record<string, string> = {}, secret = TEST_API_SECRET): Request {
  const params: Record<string, string> = {
    shop,
    logged_in_customer_id: "",
    path_prefix: "/apps/aftercare",
    timestamp: String(Math.floor(Date.now() / 1000)),
    ...extra,
  };
  const message = Object.keys(params)
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join("");
  const signature = createHmac("sha256", secret).update(message).digest("hex");
  const url = new URL(path, TEST_APP_URL);
  for (const [key, value] of Object.entries({ ...params, signature })) url.searchParams.set(key, value);
  return new Request(url, { headers: { "User-Agent": BROWSER_UA } });
}
