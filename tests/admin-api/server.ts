import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readBulkFile, setBulkResultOrigin } from "./bulk-operations.ts";
import { CostLimiter, type PlanLimit } from "./cost.ts";
import { handleGraphqlRequest } from "./graphql-request.ts";
import { findValidGrant, handleTokenRequest, type AppCredentials } from "./oauth-token.ts";
import { ADMIN_API_VERSION, loadAdminSchema } from "./schema.ts";
import type { AdminStore, ShopPlan, ShopState } from "./store.ts";

/**
 * The stand-in over HTTP. The shop domain is the first path segment, because
 * the app rewrites `https://{shop}/...` to `{origin}/{shop}/...`.
 */
export type StandInOptions = {
  store: AdminStore;
  port?: number;
  host?: string;
  /** Clock for rate limiting, token expiry and mutation timestamps (epoch ms). */
  now?: () => number;
  /** Apps allowed to use the token endpoint. */
  apps?: readonly AppCredentials[];
  /** Replaces a plan's leaky bucket (a tiny one makes throttling happen in tests). */
  planLimits?: Partial<Record<ShopPlan, PlanLimit>>;
};

export type StandIn = {
  origin: string;
  limiter: CostLimiter;
  close(): Promise<void>;
};

export const MAX_BODY_BYTES = 1024 * 1024;
const INVALID_TOKEN_MESSAGE = "[API] Invalid API key or access token (unrecognized login or wrong password)";
const GRAPHQL_PATH = /^\/admin\/api\/([^/]+)\/graphql\.json$/;
/** Where BulkOperation.url points (Shopify's are signed storage URLs: no token needed). */
const BULK_FILE_PATH = /^\/bulk\/(\d+)\.jsonl$/;

/** `text` is sent as is (with its own Content-Type header); otherwise `body` as JSON. */
type Reply = { status: number; body: unknown; text?: string; headers?: Record<string, string> };
type Routed = { shop: ShopState; rest: string };

export async function startAdminApiStandIn(options: StandInOptions): Promise<StandIn> {
  loadAdminSchema();
  const now = options.now ?? Date.now;
  const limiter = new CostLimiter({ now, ...(options.planLimits ? { limits: options.planLimits } : {}) });
  const context: ServerContext = { store: options.store, apps: options.apps ?? [], now, limiter };
  const server = createServer((req, res) => {
    route(context, req)
      .then((reply) => send(res, reply))
      .catch((error: unknown) => send(res, { status: 500, body: { errors: `Internal error in the Admin API stand-in: ${String(error)}` } }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const origin = `http://${host}:${address.port}`;
  setBulkResultOrigin(options.store, origin);
  return {
    origin,
    limiter,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

type ServerContext = {
  store: AdminStore;
  apps: readonly AppCredentials[];
  now: () => number;
  limiter: CostLimiter;
};

async function route(context: ServerContext, req: IncomingMessage): Promise<Reply> {
  const path = new URL(req.url ?? "/", "http://stand-in").pathname;
  const bulkFile = BULK_FILE_PATH.exec(path);
  if (bulkFile && req.method === "GET") return drained(req, bulkFileReply(context.store, Number(bulkFile[1])));
  const [, shopDomain = "", ...segments] = path.split("/");
  const shop = context.store.getShop(decodeURIComponent(shopDomain));
  const rest = `/${segments.join("/")}`;
  if (!shop) return drained(req, notFound(context, shopDomain));
  if (req.method !== "POST") return drained(req, { status: 405, body: { errors: "Method Not Allowed" }, headers: { Allow: "POST" } });
  if (GRAPHQL_PATH.test(rest)) return graphqlRoute(context, req, { shop, rest });
  if (rest === "/admin/oauth/access_token") return tokenRoute(context, req, shop);
  return drained(req, notFound(context, shop.domain));
}

async function graphqlRoute(context: ServerContext, req: IncomingMessage, { shop, rest }: Routed): Promise<Reply> {
  const version = GRAPHQL_PATH.exec(rest)?.[1];
  if (version !== ADMIN_API_VERSION) {
    const message = `Not Found: API version ${String(version)} is not served here; the Admin API stand-in only serves ${ADMIN_API_VERSION}`;
    return drained(req, logged(context, shop.domain, { status: 404, body: { errors: message } }));
  }
  const token = headerValue(req, "x-shopify-access-token");
  const grant = token ? findValidGrant(context.store, shop.domain, token, context.now()) : null;
  if (!grant) return drained(req, logged(context, shop.domain, { status: 401, body: { errors: INVALID_TOKEN_MESSAGE } }));
  const body = await readBody(req);
  if (body.kind === "too-large") return logged(context, shop.domain, payloadTooLarge());
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text);
  } catch {
    return logged(context, shop.domain, { status: 400, body: { errors: "Bad Request: the request body is not valid JSON" } });
  }
  const response = await handleGraphqlRequest({ store: context.store, limiter: context.limiter, shop, appKey: grant.appKey, body: parsed, now: context.now });
  return { ...response, headers: { "X-Shopify-API-Version": ADMIN_API_VERSION } };
}

async function tokenRoute(context: ServerContext, req: IncomingMessage, shop: ShopState): Promise<Reply> {
  const body = await readBody(req);
  if (body.kind === "too-large") return payloadTooLarge();
  const params = formOrJson(body.text, headerValue(req, "content-type") ?? "");
  if (!params) return { status: 400, body: { error: "invalid_request", error_description: "Body must be JSON or form encoded" } };
  const reply = handleTokenRequest({ store: context.store, apps: context.apps, shop, params, now: context.now });
  context.store.requests.push({
    kind: "token",
    at: context.now(),
    shop: shop.domain,
    status: reply.status,
    operationName: null,
    ...(params.grant_type ? { grantType: params.grant_type } : {}),
  });
  return reply;
}

function bulkFileReply(store: AdminStore, numericId: number): Reply {
  const file = readBulkFile(store, numericId);
  if (file.status !== 200) return { status: file.status, body: null, text: file.message, headers: { "Content-Type": "text/plain; charset=utf-8" } };
  return { status: 200, body: null, text: file.jsonl, headers: { "Content-Type": "application/jsonl" } };
}

function formOrJson(text: string, contentType: string): Record<string, string> | null {
  if (contentType.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
  } catch {
    return null;
  }
}

function notFound(context: ServerContext, shopDomain: string): Reply {
  return logged(context, decodeURIComponent(shopDomain), { status: 404, body: { errors: "Not Found" } });
}

function payloadTooLarge(): Reply {
  return { status: 413, body: { errors: "Payload Too Large" }, headers: { Connection: "close" } };
}

function logged(context: ServerContext, shop: string, reply: Reply): Reply {
  context.store.requests.push({ kind: "graphql", at: context.now(), shop, status: reply.status, operationName: null });
  return reply;
}

type Body = { kind: "ok"; text: string } | { kind: "too-large" };

/** Reads up to MAX_BODY_BYTES; past that keeps draining (so the client sees the 413) without buffering. */
function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? { kind: "too-large" } : { kind: "ok", text: Buffer.concat(chunks).toString("utf8") }));
    req.on("error", reject);
  });
}

async function drained(req: IncomingMessage, reply: Reply): Promise<Reply> {
  await readBody(req);
  return reply;
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, reply: Reply): void {
  const payload = reply.text ?? JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...(reply.text === undefined ? { "Content-Type": "application/json; charset=utf-8" } : {}),
    "Content-Length": Buffer.byteLength(payload),
    ...reply.headers,
  });
  res.end(payload);
}
