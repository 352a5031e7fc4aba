import { randomBytes } from "node:crypto";
import { sameText, verifySessionToken } from "./session-token.ts";
import type { AccessGrant, AdminStore, RefreshGrant, ShopState } from "./store.ts";

/**
 * `POST /admin/oauth/access_token`: token exchange (session token → offline or
 * online access token; non-expiring offline token → expiring one) and refresh
 * of expiring offline tokens, with Shopify's parameter names and response shapes.
 */
export type AppCredentials = { apiKey: string; apiSecret: string; scopes?: string };
export type EndpointResponse = { status: number; body: unknown };

export const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
export const OFFLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:offline-access-token";
export const ONLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:online-access-token";
export const EXPIRING_OFFLINE_TTL_SECONDS = 3600;
export const REFRESH_TOKEN_TTL_SECONDS = 90 * 24 * 3600;
export const ONLINE_TTL_SECONDS = 86_399;
export const DEFAULT_SCOPES = "read_orders,write_orders,read_customers,read_products";

export type TokenRequest = {
  store: AdminStore;
  apps: readonly AppCredentials[];
  shop: ShopState;
  params: Record<string, string>;
  now: () => number;
};

export function handleTokenRequest(request: TokenRequest): EndpointResponse {
  const { params } = request;
  const app = request.apps.find((candidate) => candidate.apiKey === params.client_id);
  if (!app || !sameText(app.apiSecret, params.client_secret ?? "")) {
    return oauthError(401, "invalid_client", "Client authentication failed: unknown client_id or wrong client_secret");
  }
  if (params.grant_type === TOKEN_EXCHANGE_GRANT) return exchangeToken(request, app);
  if (params.grant_type === "refresh_token") return refreshAccessToken(request, app);
  return oauthError(400, "unsupported_grant_type", `grant_type ${JSON.stringify(params.grant_type ?? "")} is not supported`);
}

/** The grant behind a token presented to the Admin API, if it is valid for this shop now. */
export function findValidGrant(store: AdminStore, shopDomain: string, token: string, nowMs: number): AccessGrant | null {
  const grant = store.accessTokens.get(token);
  if (!grant || grant.shopDomain !== shopDomain) return null;
  return grant.expiresAt === null || grant.expiresAt > nowMs ? grant : null;
}

function exchangeToken(request: TokenRequest, app: AppCredentials): EndpointResponse {
  const { params, shop, store } = request;
  const scope = app.scopes ?? DEFAULT_SCOPES;
  if (params.subject_token_type === OFFLINE_TOKEN_TYPE) return migrateToExpiring(request, app);
  if (params.subject_token_type !== ID_TOKEN_TYPE) {
    return oauthError(400, "invalid_request", `subject_token_type must be ${ID_TOKEN_TYPE} or ${OFFLINE_TOKEN_TYPE}`);
  }
  const verified = verifySessionToken(params.subject_token ?? "", {
    apiKey: app.apiKey,
    apiSecret: app.apiSecret,
    shop: shop.domain,
    now: request.now(),
  });
  if (!verified.ok) return oauthError(400, "invalid_subject_token", `Session token rejected: ${verified.reason}`);
  if (params.requested_token_type === OFFLINE_TOKEN_TYPE) {
    return { status: 200, body: issueOffline(request, app, scope, params.expiring === "1") };
  }
  if (params.requested_token_type === ONLINE_TOKEN_TYPE) {
    const userId = verified.claims.sub;
    const grant = issueAccess(store, request, { appKey: app.apiKey, kind: "online", scope, ttlSeconds: ONLINE_TTL_SECONDS, userId });
    return {
      status: 200,
      body: {
        access_token: grant.token,
        scope,
        expires_in: ONLINE_TTL_SECONDS,
        associated_user_scope: scope,
        associated_user: associatedUser(shop, userId),
      },
    };
  }
  return oauthError(400, "invalid_request", `requested_token_type must be ${OFFLINE_TOKEN_TYPE} or ${ONLINE_TOKEN_TYPE}`);
}

/** A non-expiring offline token is traded for an expiring one; the old token stops working. */
function migrateToExpiring(request: TokenRequest, app: AppCredentials): EndpointResponse {
  const old = findValidGrant(request.store, request.shop.domain, request.params.subject_token ?? "", request.now());
  if (!old || old.kind !== "offline" || old.expiresAt !== null || old.appKey !== app.apiKey) {
    return oauthError(400, "invalid_subject_token", "subject_token is not a non-expiring offline token of this app and shop");
  }
  request.store.accessTokens.delete(old.token);
  return { status: 200, body: issueOffline(request, app, old.scope, true) };
}

function refreshAccessToken(request: TokenRequest, app: AppCredentials): EndpointResponse {
  const { store, shop } = request;
  const presented = store.refreshTokens.get(request.params.refresh_token ?? "");
  if (!presented || presented.appKey !== app.apiKey || presented.shopDomain !== shop.domain || presented.expiresAt <= request.now()) {
    return oauthError(400, "invalid_grant", "Token has been expired or revoked.");
  }
  // The token this one replaced is retired once its replacement is in use.
  if (presented.replaces) store.refreshTokens.delete(presented.replaces);
  return { status: 200, body: issueOffline(request, app, presented.scope, true, presented) };
}

function issueOffline(
  request: TokenRequest,
  app: AppCredentials,
  scope: string,
  expiring: boolean,
  replacing?: RefreshGrant,
): Record<string, unknown> {
  const ttlSeconds = expiring ? EXPIRING_OFFLINE_TTL_SECONDS : null;
  const grant = issueAccess(request.store, request, { appKey: app.apiKey, kind: "offline", scope, ttlSeconds });
  if (!expiring) return { access_token: grant.token, scope };
  const refresh: RefreshGrant = {
    token: newToken("shprt"),
    shopDomain: request.shop.domain,
    appKey: app.apiKey,
    scope,
    // Refreshing doesn't extend the refresh token's lifetime beyond the original.
    expiresAt: replacing?.expiresAt ?? request.now() + REFRESH_TOKEN_TTL_SECONDS * 1000,
    ...(replacing ? { replaces: replacing.token } : {}),
  };
  request.store.refreshTokens.set(refresh.token, refresh);
  return {
    access_token: grant.token,
    scope,
    expires_in: EXPIRING_OFFLINE_TTL_SECONDS,
    refresh_token: refresh.token,
    refresh_token_expires_in: Math.round((refresh.expiresAt - request.now()) / 1000),
  };
}

function issueAccess(
  store: AdminStore,
  request: TokenRequest,
  options: { appKey: string; kind: AccessGrant["kind"]; scope: string; ttlSeconds: number | null; userId?: string },
): AccessGrant {
  const grant: AccessGrant = {
    token: newToken(options.kind === "online" ? "shpua" : "shpat"),
    shopDomain: request.shop.domain,
    appKey: options.appKey,
    kind: options.kind,
    scope: options.scope,
    expiresAt: options.ttlSeconds === null ? null : request.now() + options.ttlSeconds * 1000,
    ...(options.userId ? { userId: options.userId } : {}),
  };
  store.accessTokens.set(grant.token, grant);
  return grant;
}

/** Built from the shop's StaffMember record for the session token's user when there is one. */
function associatedUser(shop: ShopState, userId: string): Record<string, unknown> {
  const staff: Record<string, unknown> = shop.nodes.get(`gid://shopify/StaffMember/${userId}`) ?? {};
  return {
    id: Number(userId),
    first_name: staff.firstName ?? "Demo",
    last_name: staff.lastName ?? "Staff",
    email: staff.email ?? `staff-${userId}@${shop.domain}`,
    email_verified: true,
    account_owner: staff.isShopOwner ?? userId === "1",
    locale: staff.locale ?? "en",
    collaborator: false,
  };
}

function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString("hex")}`;
}

function oauthError(status: number, error: string, description: string): EndpointResponse {
  return { status, body: { error, error_description: description } };
}
