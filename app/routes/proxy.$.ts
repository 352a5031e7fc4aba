import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "../shopify.server";

// Storefront requests through the app proxy (/apps/aftercare/* on the shop's domain).
// The library verifies Shopify's signature first: an unsigned request gets 400.
// The storefront features (order lookup, return requests, loyalty status) build on this.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.public.appProxy(request);
  return new Response(JSON.stringify({ shop: session?.shop ?? null, ok: true }), {
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
};
