// The one place that reads process.env. Parsed and validated once, at start-up; a bad
// environment fails with one error that names every missing or malformed variable.
import { z } from "zod";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((value) => value === "1" || value === "true");

const optionalUrl = z
  .string()
  .optional()
  .transform((value) => (value === "" ? undefined : value))
  .pipe(z.string().url().optional());

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  SHOPIFY_API_KEY: z.string({ required_error: "is missing" }).min(1, "is empty"),
  SHOPIFY_API_SECRET: z.string({ required_error: "is missing" }).min(1, "is empty"),
  SHOPIFY_APP_URL: z
    .string({ required_error: "is missing" })
    .url("must be a URL such as https://care.example.com"),
  SCOPES: z
    .string()
    .default("write_orders,write_customers,read_fulfillments,read_products,write_order_edits,write_discounts,write_returns,write_merchant_managed_fulfillment_orders,write_app_proxy")
    .transform((value) => value.split(",").map((scope) => scope.trim()).filter(Boolean))
    .refine((scopes) => scopes.every((scope) => /^(read|write|unauthenticated_read|unauthenticated_write)_[a-z_]+$/.test(scope)), "must be a comma-separated list of Shopify access scopes such as read_orders"),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  DATABASE_URL: z
    .string()
    .default("file:./prisma/dev.sqlite")
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), "must start with file: (SQLite) or postgres:// (PostgreSQL)"),
  SENTRY_DSN: optionalUrl,
  SENTRY_ENVIRONMENT: z.string().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  DEMO_MODE: flag,
  DEMO_SHOP: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "must be a myshopify.com domain")
    .default("aftercare-demo.myshopify.com"),
  SHOPIFY_ADMIN_API_ORIGIN: optionalUrl,
  JOBS_IN_PROCESS: z.enum(["0", "1"]).default("1"),
  ORDER_WEBHOOKS_INLINE: flag,
});

export type AppConfig = {
  nodeEnv: "development" | "test" | "production";
  apiKey: string;
  apiSecret: string;
  appUrl: string;
  scopes: string[];
  shopCustomDomain?: string;
  databaseUrl: string;
  database: "sqlite" | "postgres";
  sentry: { dsn?: string; environment: string };
  logLevel: "debug" | "info" | "warn" | "error";
  /** Demo mode: OAuth bypassed for one demo shop. Only ever on a loopback URL. */
  demo: { enabled: boolean; shop: string };
  /** Where Admin API calls go instead of https://{shop} (the local stand-in). */
  adminApiOrigin?: string;
  /** Run the job workers inside the web process (default); 0 for web-only instances. */
  jobsInProcess: boolean;
  /**
   * Benchmark comparison only: handle order webhooks inside the request, as the usual
   * template does, instead of record-and-queue. Refused unless the app URL is loopback.
   */
  orderWebhooksInline: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}\nSee .env.example for every variable.`);
    this.name = "ConfigError";
  }
}

export function isLoopbackUrl(url: string): boolean {
  return LOOPBACK_HOSTS.has(new URL(url).hostname);
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}${describeValue(String(issue.path[0]), env[String(issue.path[0])])}`),
    );
  }
  const value = parsed.data;
  const problems: string[] = [];
  const loopback = isLoopbackUrl(value.SHOPIFY_APP_URL);
  if (value.DEMO_MODE && !loopback) {
    problems.push(`DEMO_MODE bypasses Shopify OAuth and is refused unless SHOPIFY_APP_URL is a loopback address (got ${value.SHOPIFY_APP_URL})`);
  }
  if (value.SHOPIFY_ADMIN_API_ORIGIN && !loopback) {
    problems.push("SHOPIFY_ADMIN_API_ORIGIN redirects Admin API calls to a stand-in and is refused unless SHOPIFY_APP_URL is a loopback address");
  }
  if (value.SHOPIFY_ADMIN_API_ORIGIN && !isLoopbackUrl(value.SHOPIFY_ADMIN_API_ORIGIN)) {
    problems.push("SHOPIFY_ADMIN_API_ORIGIN must be a loopback address (the local Admin API stand-in)");
  }
  if (value.ORDER_WEBHOOKS_INLINE && !loopback) {
    problems.push("ORDER_WEBHOOKS_INLINE is a benchmark comparison and is refused unless SHOPIFY_APP_URL is a loopback address");
  }
  if (value.DEMO_MODE && !value.SHOPIFY_ADMIN_API_ORIGIN) {
    problems.push("DEMO_MODE needs SHOPIFY_ADMIN_API_ORIGIN (the demo shop lives in the local Admin API stand-in)");
  }
  if (value.NODE_ENV === "production" && !loopback && !value.SHOPIFY_APP_URL.startsWith("https://")) {
    problems.push("SHOPIFY_APP_URL must use https in production");
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    nodeEnv: value.NODE_ENV,
    apiKey: value.SHOPIFY_API_KEY,
    apiSecret: value.SHOPIFY_API_SECRET,
    appUrl: value.SHOPIFY_APP_URL,
    scopes: value.SCOPES,
    shopCustomDomain: value.SHOP_CUSTOM_DOMAIN,
    databaseUrl: value.DATABASE_URL,
    database: value.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgres",
    sentry: { dsn: value.SENTRY_DSN, environment: value.SENTRY_ENVIRONMENT ?? value.NODE_ENV },
    logLevel: value.LOG_LEVEL,
    demo: { enabled: value.DEMO_MODE, shop: value.DEMO_SHOP },
    adminApiOrigin: value.SHOPIFY_ADMIN_API_ORIGIN,
    jobsInProcess: value.JOBS_IN_PROCESS === "1",
    orderWebhooksInline: value.ORDER_WEBHOOKS_INLINE,
  };
}

// Values are echoed only for variables that hold no secret.
const ECHOED = new Set(["NODE_ENV", "SHOPIFY_APP_URL", "SCOPES", "LOG_LEVEL", "DEMO_MODE", "DEMO_SHOP", "SHOPIFY_ADMIN_API_ORIGIN", "JOBS_IN_PROCESS", "ORDER_WEBHOOKS_INLINE"]);

function describeValue(name: string, value: string | undefined): string {
  if (!ECHOED.has(name) || value === undefined || value === "") return "";
  return ` (got "${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`;
}

let current: AppConfig | undefined;

export function getConfig(): AppConfig {
  current ??= parseConfig(process.env);
  return current;
}
