import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.server";

const valid = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://care.example.com",
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("applies the embedded defaults: SQLite, the TOML's scopes, no Sentry, no demo", () => {
    const config = parseConfig(valid);
    expect(config.database).toBe("sqlite");
    expect(config.databaseUrl).toBe("file:./prisma/dev.sqlite");
    expect(config.scopes).toEqual(["write_orders", "write_customers", "read_fulfillments", "read_products", "write_order_edits", "write_discounts", "write_returns", "write_merchant_managed_fulfillment_orders", "write_app_proxy"]);
    expect(config.sentry.dsn).toBeUndefined();
    expect(config.demo.enabled).toBe(false);
  });

  it("recognises PostgreSQL URLs", () => {
    expect(parseConfig({ ...valid, DATABASE_URL: "postgresql://u:p@db:5432/care" }).database).toBe("postgres");
    expect(parseConfig({ ...valid, DATABASE_URL: "postgres://db/care" }).database).toBe("postgres");
  });

  it("names every missing or malformed variable in one error", () => {
    const problems = problemsOf({ SHOPIFY_APP_URL: "not a url", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
    expect(problems).toHaveLength(5);
    expect(problems.join("\n")).toMatch(/SHOPIFY_API_KEY is missing/);
    expect(problems.join("\n")).toMatch(/SHOPIFY_API_SECRET is missing/);
    expect(problems.join("\n")).toMatch(/SHOPIFY_APP_URL must be a URL.*\(got "not a url"\)/);
    expect(problems.join("\n")).toMatch(/DATABASE_URL must start with file: \(SQLite\) or postgres:\/\//);
    expect(problems.join("\n")).toMatch(/LOG_LEVEL/);
  });

  it("never echoes a secret's value", () => {
    const problems = problemsOf({ ...valid, SENTRY_DSN: "s3cr3t-not-a-url" });
    expect(problems.join("\n")).toMatch(/SENTRY_DSN/);
    expect(problems.join("\n")).not.toMatch(/s3cr3t/);
  });

  it("rejects scopes that are not Shopify scopes", () => {
    expect(problemsOf({ ...valid, SCOPES: "read_orders,everything" }).join()).toMatch(/SCOPES/);
  });

  it("requires https for a production app URL", () => {
    expect(problemsOf({ ...valid, NODE_ENV: "production", SHOPIFY_APP_URL: "http://care.example.com" }).join()).toMatch(/https/);
  });
});

describe("demo mode", () => {
  const demo = { ...valid, DEMO_MODE: "1", SHOPIFY_ADMIN_API_ORIGIN: "http://127.0.0.1:4010" };

  it("starts on a loopback app URL with the stand-in configured", () => {
    const config = parseConfig({ ...demo, SHOPIFY_APP_URL: "http://localhost:3000", NODE_ENV: "production" });
    expect(config.demo).toEqual({ enabled: true, shop: "aftercare-demo.myshopify.com" });
    expect(config.adminApiOrigin).toBe("http://127.0.0.1:4010");
  });

  it("refuses to start in production, where the app URL is public", () => {
    const problems = problemsOf({ ...demo, NODE_ENV: "production", SHOPIFY_APP_URL: "https://care.example.com" });
    expect(problems.join("\n")).toMatch(/DEMO_MODE bypasses Shopify OAuth and is refused/);
    expect(problems.join("\n")).toMatch(/SHOPIFY_ADMIN_API_ORIGIN redirects Admin API calls/);
  });

  it("refuses a stand-in that is not on this machine", () => {
    const problems = problemsOf({ ...demo, SHOPIFY_APP_URL: "http://localhost:3000", SHOPIFY_ADMIN_API_ORIGIN: "http://10.0.0.5:4010" });
    expect(problems.join()).toMatch(/must be a loopback address/);
  });

  it("needs the stand-in, where the demo shop lives", () => {
    expect(problemsOf({ ...valid, DEMO_MODE: "1", SHOPIFY_APP_URL: "http://localhost:3000" }).join()).toMatch(/DEMO_MODE needs SHOPIFY_ADMIN_API_ORIGIN/);
  });
});
