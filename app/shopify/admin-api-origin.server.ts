// Sends the app's Admin API traffic (GraphQL and token exchange) to the local stand-in
// instead of https://{shop}. Only ever enabled on a loopback app URL: config.server.ts
// refuses SHOPIFY_ADMIN_API_ORIGIN otherwise.
import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

type Fetch = typeof abstractFetch;

export function rewriteShopifyUrl(url: string, origin: string): string {
  const parsed = new URL(url);
  if (!parsed.hostname.endsWith(".myshopify.com")) return url;
  const target = new URL(origin);
  return `${target.origin}/${parsed.hostname}${parsed.pathname}${parsed.search}`;
}

let installed = false;

export function routeAdminApiTo(origin: string): void {
  if (installed) return;
  installed = true;
  const original: Fetch = abstractFetch;
  const redirected: Fetch = (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    return original(rewriteShopifyUrl(url, origin), init);
  };
  setAbstractFetchFunc(redirected);
}
