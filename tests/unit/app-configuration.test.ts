// shopify.app.toml, the code and codegen agree: one API version, the same scopes, and a
// route for every webhook subscription.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import { parseConfig } from "~/config.server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const toml = readFileSync(path.join(ROOT, "shopify.app.toml"), "utf8");

function subscriptions(): { topics: string[]; uri: string; compliance: boolean }[] {
  return toml
    .split("[[webhooks.subscriptions]]")
    .slice(1)
    .map((block) => {
      const list = /(compliance_topics|topics)\s*=\s*\[([^\]]*)\]/.exec(block);
      const uri = /uri\s*=\s*"([^"]+)"/.exec(block)?.[1] ?? "";
      return {
        topics: (list?.[2] ?? "").split(",").map((topic) => topic.trim().replace(/"/g, "")).filter(Boolean),
        uri,
        compliance: list?.[1] === "compliance_topics",
      };
    });
}

describe("shopify.app.toml", () => {
  it("uses the one API version the code uses", () => {
    expect(/\[webhooks\]\s*\napi_version = "([^"]+)"/.exec(toml)?.[1]).toBe(ADMIN_API_VERSION);
    expect(readFileSync(path.join(ROOT, ".graphqlrc.ts"), "utf8")).toContain(`apiVersion: "${ADMIN_API_VERSION}"`);
  });

  it("asks for exactly the scopes the app is configured with", () => {
    const scopes = /scopes = "([^"]*)"/.exec(toml)?.[1]?.split(",");
    const config = parseConfig({ SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s", SHOPIFY_APP_URL: "https://a.example" });
    expect(scopes).toEqual(config.scopes);
    for (const scope of scopes ?? []) expect(toml, `no reason written for ${scope}`).toMatch(new RegExp(`#\\s+${scope}\\s+\\S`));
  });

  it("subscribes to the three compliance topics", () => {
    const compliance = subscriptions().filter((subscription) => subscription.compliance).flatMap((subscription) => subscription.topics);
    expect(compliance.sort()).toEqual(["customers/data_request", "customers/redact", "shop/redact"]);
  });

  it("sends each topic to a route whose URL mirrors it and that has an action", () => {
    for (const { topics, uri } of subscriptions()) {
      expect(topics).toHaveLength(1);
      expect(uri).toBe(`/webhooks/${topics[0]}`);
      const file = path.join(ROOT, "app/routes", `${uri.slice(1).replaceAll("/", ".")}.ts`);
      expect(existsSync(file), `${file} is missing`).toBe(true);
      expect(readFileSync(file, "utf8")).toMatch(/export const action/);
    }
  });
});
