// The one Shopify entry point: authentication, the Admin API client and the API version.
import "@shopify/shopify-app-remix/adapters/node";
import { type ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { getConfig } from "./config.server";
import prisma from "./db.server";
import { routeAdminApiTo } from "./shopify/admin-api-origin.server";
import { ADMIN_API_VERSION } from "./shopify/api-version";
import { recordInstall } from "./shops/install.server";

const config = getConfig();

if (config.adminApiOrigin) routeAdminApiTo(config.adminApiOrigin);

const apiVersion = ADMIN_API_VERSION as ApiVersion;

const shopify = shopifyApp({
  apiKey: config.apiKey,
  apiSecretKey: config.apiSecret,
  apiVersion,
  scopes: config.scopes,
  appUrl: config.appUrl,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(prisma),
  distribution: AppDistribution.AppStore,
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  hooks: {
    afterAuth: async ({ session }) => {
      await recordInstall(prisma, { shop: session.shop, scope: session.scope ?? null });
      // The last 60 days of orders, once per install (a running backfill is left alone).
      const [{ getJobQueue }, { queueBackfill }] = await Promise.all([import("./jobs/runtime.server"), import("./jobs/order-jobs.server")]);
      await queueBackfill(getJobQueue(), session.shop);
    },
  },
  ...(config.shopCustomDomain ? { customShopDomains: [config.shopCustomDomain] } : {}),
});

export default shopify;
export { apiVersion };
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const sessionStorage = shopify.sessionStorage;

/**
 * Authenticates an embedded admin request. In demo mode (loopback only, see
 * config.server.ts) the demo shop's stored offline session stands in for OAuth.
 */
export async function authenticateAdmin(request: Request) {
  if (config.demo.enabled) {
    const { admin, session } = await shopify.unauthenticated.admin(config.demo.shop);
    return { admin, session, demo: true as const };
  }
  const { admin, session } = await shopify.authenticate.admin(request);
  return { admin, session, demo: false as const };
}

export type AdminContext = Awaited<ReturnType<typeof authenticateAdmin>>;
export type AdminClient = AdminContext["admin"];
