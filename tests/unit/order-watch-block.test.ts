// The order-details admin block (extensions/order-watch-block): what it shows for the watch
// metafield the app writes (rendered to a string with Preact, in English and French), its
// locale files, its TOML and query, and the size of the bundle the Shopify CLI would build.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { WATCH_METAFIELD, watchMetafieldValue } from "~/watch/flag-mirror";
import { FLAG_KINDS as APP_FLAG_KINDS } from "~/watch/watch-rules";
import { parseTomlSubset } from "../admin-api/mutation-handlers";
import { validateOperation } from "../admin-api/schema";
import { WatchSummary, type BlockI18n } from "../../extensions/order-watch-block/src/watch-summary";
import { FLAG_KINDS, ORDER_WATCH_BLOCK_QUERY, appOrderHref, parseWatch } from "../../extensions/order-watch-block/src/watch-value";

const EXTENSION = path.resolve(import.meta.dirname, "../../extensions/order-watch-block");
const LOCALES = path.join(EXTENSION, "locales");
const ORDER_GID = "gid://shopify/Order/5550001234";
/** Shopify refuses UI extensions whose compressed script is over 64 KB. */
const SHOPIFY_LIMIT_BYTES = 64 * 1024;

type Json = string | { [key: string]: Json };
const PLURAL_CATEGORIES = ["zero", "one", "two", "few", "many", "other"];
const isPlural = (value: Json): value is Record<string, string> =>
  typeof value === "object" && Object.keys(value).length > 0 && Object.keys(value).every((key) => PLURAL_CATEGORIES.includes(key));

function readLocale(file: string): Json {
  return JSON.parse(readFileSync(path.join(LOCALES, file), "utf8")) as Json;
}

/** Translations by dotted key (a plural entry is one translation). */
function flatten(value: Json, prefix = "", found = new Map<string, Json>()): Map<string, Json> {
  if (typeof value === "string" || isPlural(value)) found.set(prefix, value);
  else for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, found);
  return found;
}

/** Like shopify.i18n.translate: dotted keys, {{name}} replacements, plural forms chosen by `count`. */
function translator(locale: string): BlockI18n["translate"] {
  const file = locale === "en" ? "en.default.json" : `${locale}.json`;
  const entries = flatten(readLocale(file));
  const rules = new Intl.PluralRules(locale);
  return (key, options = {}) => {
    const entry = entries.get(key);
    if (entry === undefined) throw new Error(`missing translation ${key} (${locale})`);
    const form = typeof entry === "string" ? entry : (entry[rules.select(Number(options.count))] ?? entry.other);
    if (typeof form !== "string") throw new Error(`${key} (${locale}) is not a translation`);
    return form.replace(/{{\s*(\w+)\s*}}/g, (_match, name: string) => String(options[name] ?? `{{${name}}}`));
  };
}

const i18n = (locale: string): BlockI18n => ({
  translate: translator(locale),
  formatDate: (date) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date),
});

/** The text a merchant reads, one line per element. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, "\n")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n")
    .replaceAll("&amp;", "&");
}

const at = (iso: string) => new Date(iso);
const metafield = watchMetafieldValue({
  flags: [
    { kind: "late_dispatch", reason: "Not dispatched 1 business day after it was placed", dueAt: at("2026-11-19T16:00:00Z"), since: at("2026-11-19T16:00:00Z"), status: "open" },
    { kind: "no_tracking", reason: "Dispatched without a tracking number", dueAt: at("2026-11-20T09:00:00Z"), since: at("2026-11-20T09:00:00Z"), status: "snoozed" },
  ],
  confirmedAt: at("2026-11-18T12:30:00Z"),
  evaluatedAt: at("2026-11-20T10:00:00Z"),
});
/** As the block receives it from the API: parsed JSON. */
const jsonValue = JSON.parse(JSON.stringify(metafield)) as unknown;

const renderBlock = (value: unknown, locale = "en", failed = false) =>
  renderToString(h(WatchSummary, { watch: parseWatch(value), orderGid: ORDER_GID, i18n: i18n(locale), failed }));

describe("the block's rendering", () => {
  it("shows each flag's label, status, reason and due time, the confirmation and a link to the order in the app", () => {
    const html = renderBlock(jsonValue);
    expect(text(html)).toBe(
      [
        "Confirmed by the customer on Nov 18, 2026, 12:30 PM",
        "Late dispatch",
        "Not dispatched 1 business day after it was placed",
        "Due Nov 19, 2026, 4:00 PM",
        "No tracking number",
        "Snoozed",
        "Dispatched without a tracking number",
        "Due Nov 20, 2026, 9:00 AM",
        "Checked Nov 20, 2026, 10:00 AM",
        "Open in Aftercare",
      ].join("\n"),
    );
    expect(html).toContain('href="app:app/orders/5550001234"');
    expect(html).toMatch(/<s-admin-block[^>]*heading="Order watch"/);
    expect(html).toMatch(/<s-badge tone="critical">Late dispatch<\/s-badge>/);
    expect(html).toMatch(/<s-badge tone="neutral">No tracking number<\/s-badge>/);
  });

  it("says the order waits for confirmation while it is unconfirmed", () => {
    const value = watchMetafieldValue({
      flags: [{ kind: "unconfirmed", reason: "Not confirmed 2 business hours after it was placed", dueAt: at("2026-11-20T09:00:00Z"), since: at("2026-11-20T09:00:00Z"), status: "open" }],
      confirmedAt: null,
      evaluatedAt: at("2026-11-20T10:00:00Z"),
    });
    const shown = text(renderBlock(value));
    expect(shown.split("\n").slice(0, 2)).toEqual(["Waiting for the customer to confirm", "Not confirmed"]);
    expect(shown).not.toContain("Confirmed by");
  });

  it("speaks the admin's language (French), with the reason as the app wrote it", () => {
    const shown = text(renderBlock(jsonValue, "fr"));
    expect(shown).toContain("Expédition en retard");
    expect(shown).toContain("Mise en veille");
    expect(shown).toContain("Confirmée par le client le 18 nov. 2026");
    expect(shown).toContain("Not dispatched 1 business day after it was placed");
    expect(shown).toContain("Ouvrir dans Aftercare");
  });

  it("says so when the order has no flags, was never checked, or could not be read", () => {
    expect(text(renderBlock(watchMetafieldValue({ flags: [], confirmedAt: null, evaluatedAt: at("2026-11-20T10:00:00Z") })))).toContain("Nothing needs attention on this order.");
    expect(text(renderBlock(null))).toBe(["Aftercare has not checked this order yet.", "Open in Aftercare"].join("\n"));
    expect(text(renderBlock(null, "de", true))).toContain("Die Bestellüberwachung konnte nicht geladen werden.");
  });

  it("counts the open flags in the collapsed summary", () => {
    // (the string renderer writes the property as a lower-case attribute)
    expect(renderBlock(jsonValue)).toMatch(/collapsedSummary="1 open flag"/i);
    expect(renderBlock(watchMetafieldValue({ flags: [], confirmedAt: null, evaluatedAt: at("2026-11-20T10:00:00Z") }), "pl")).toMatch(/collapsedSummary="Nic do obserwowania"/i);
  });
});

describe("reading the metafield", () => {
  it("reads what the app writes, as parsed JSON or as text", () => {
    const watch = parseWatch(jsonValue);
    expect(watch).toEqual(parseWatch(JSON.stringify(metafield)));
    expect(watch?.flags.map((flag) => [flag.kind, flag.status, flag.dueAt.toISOString()])).toEqual([
      ["late_dispatch", "open", "2026-11-19T16:00:00.000Z"],
      ["no_tracking", "snoozed", "2026-11-20T09:00:00.000Z"],
    ]);
    expect(watch?.confirmedAt).toEqual(at("2026-11-18T12:30:00Z"));
  });

  it("knows every kind of flag the app raises, and shows none it does not know", () => {
    expect([...FLAG_KINDS]).toEqual([...APP_FLAG_KINDS]);
    const value = { ...metafield, flags: [...metafield.flags, { kind: "gremlins", reason: "?", dueAt: metafield.evaluatedAt, since: metafield.evaluatedAt, status: "open" }] };
    expect(parseWatch(value)?.flags.map((flag) => flag.kind)).toEqual(["late_dispatch", "no_tracking"]);
  });

  it("ignores values of another version or shape", () => {
    expect(parseWatch({ ...metafield, v: 2 })).toBeNull();
    expect(parseWatch("{not json")).toBeNull();
    expect(parseWatch({ v: 1, flags: "none", evaluatedAt: metafield.evaluatedAt })).toBeNull();
  });

  it("links only order GIDs to the app", () => {
    expect(appOrderHref(ORDER_GID)).toBe("app:app/orders/5550001234");
    expect(appOrderHref("gid://shopify/Customer/1")).toBeNull();
  });

  it("asks the Admin API for the metafield the app writes, with a query valid in 2026-10", () => {
    expect(validateOperation(ORDER_WATCH_BLOCK_QUERY.replace("#graphql", "")).map((error) => error.message)).toEqual([]);
    expect(ORDER_WATCH_BLOCK_QUERY).toContain(`metafield(namespace: "${WATCH_METAFIELD.namespace}", key: "${WATCH_METAFIELD.key}")`);
  });
});

describe("the block's locales", () => {
  const english = flatten(readLocale("en.default.json"));
  const files = readdirSync(LOCALES).filter((file) => file.endsWith(".json"));
  const sources = ["watch-summary.tsx", "OrderWatchBlock.tsx"].map((file) => readFileSync(path.join(EXTENSION, "src", file), "utf8")).join("\n");

  it("come in the app's seven languages", () => {
    expect(files.sort()).toEqual(["de.json", "el.json", "en.default.json", "es.json", "fr.json", "pl.json", "uk.json"]);
  });

  it("have every key the code uses", () => {
    const used = [...sources.matchAll(/translate\(\s*(["`])([\w.]+)\1/g)].map((match) => match[2] ?? "");
    const dynamic = [...FLAG_KINDS.map((kind) => `flags.${kind}`), "status.handled", "status.snoozed"];
    expect(used.length).toBeGreaterThan(5);
    for (const key of [...used, ...dynamic, "name"]) expect(english.has(key), `en.default.json lacks ${key}`).toBe(true);
  });

  it.each(files.filter((file) => file !== "en.default.json"))("%s has the same keys and placeholders as English, and the plural forms its language needs", (file) => {
    const locale = file.replace(".json", "");
    const entries = flatten(readLocale(file));
    expect([...entries.keys()].sort()).toEqual([...english.keys()].sort());
    const placeholders = (value: Json | undefined) => [...new Set(JSON.stringify(value).match(/{{\s*\w+\s*}}/g) ?? [])].sort();
    for (const [key, value] of english) {
      expect(placeholders(entries.get(key)), `${file} ${key}`).toEqual(placeholders(value));
      if (isPlural(value)) {
        const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
        expect(Object.keys(entries.get(key) as object).sort(), `${file} ${key}`).toEqual(expect.arrayContaining(needed));
      }
    }
  });
});

describe("the extension's configuration and bundle", () => {
  it("targets the order details block on API 2026-10 with a module that exists", () => {
    const toml = parseTomlSubset(readFileSync(path.join(EXTENSION, "shopify.extension.toml"), "utf8"));
    expect(toml.api_version).toBe("2026-10");
    const [extension] = toml.extensions as Record<string, unknown>[];
    expect(extension).toMatchObject({ type: "ui_extension", handle: "order-watch-block", name: "t:name" });
    const targeting = extension?.targeting as { target: string; module: string }[];
    expect(targeting).toEqual([{ target: "admin.order-details.block.render", module: "./src/OrderWatchBlock.tsx" }]);
    expect(readFileSync(path.join(EXTENSION, targeting[0]?.module ?? ""), "utf8")).toContain("export default");
  });

  it("bundles (Preact included) far under Shopify's 64 KB limit", async () => {
    const result = await build({
      entryPoints: [path.join(EXTENSION, "src/OrderWatchBlock.tsx")],
      absWorkingDir: path.resolve(EXTENSION, "../.."),
      bundle: true,
      minify: true,
      write: false,
      format: "esm",
      target: "es2020",
      platform: "browser",
      jsx: "automatic",
      jsxImportSource: "preact",
      define: { "process.env.NODE_ENV": '"production"' },
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    const gzipped = gzipSync(code).length;
    console.log(`order-watch-block bundle: ${code.length} bytes minified, ${gzipped} bytes gzipped (limit ${SHOPIFY_LIMIT_BYTES})`);
    expect(code.length).toBeGreaterThan(1000);
    expect(code.length).toBeLessThan(SHOPIFY_LIMIT_BYTES / 2);
    expect(gzipped).toBeLessThan(SHOPIFY_LIMIT_BYTES / 4);
    const bundle = new TextDecoder().decode(code);
    expect(bundle).toContain('namespace: "$app:aftercare"');
    // Preact and the signals are in the bundle, not left as imports.
    expect(bundle).not.toMatch(/\bimport\b|from"/);
  });
});
