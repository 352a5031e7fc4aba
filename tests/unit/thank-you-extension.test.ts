// The thank-you / order status UI extension (extensions/thank-you-care): its view rendered to a
// string with preact-render-to-string for each case (gift, discount card, loyalty, nothing), the
// metafield values it accepts (including exactly what the app writes), its translations in the
// seven shopper languages, its configuration, and its bundle, built as the Shopify CLI builds it,
// far under Shopify's 64 KB limit.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type * as Esbuild from "esbuild";
import ts from "typescript";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { afterEach, describe, expect, it } from "vitest";
import { LOYALTY_METAFIELD, loyaltyMetafieldValue, loyaltyStanding, parseLoyaltyMetafieldValue, type LoyaltyOrder } from "~/loyalty/loyalty-tiers";
import { SHOPPER_LOCALES, type ShopperLocale } from "~/messages/locales";
import { careValues, parseDiscountCard, parseGiftNote, parseLoyaltyProgress, type CareValues, type MetafieldEntry } from "../../extensions/thank-you-care/src/care-values";
import { CareView, DISCOUNT_CODE_ID, type CareI18n, type CarePage } from "../../extensions/thank-you-care/src/care-view";

const EXTENSION = path.resolve(import.meta.dirname, "../../extensions/thank-you-care");
const LOCALES = path.join(EXTENSION, "locales");
const NOW = new Date("2026-11-20T10:00:00Z");

type Json = string | { [key: string]: Json };
const localeFile = (locale: ShopperLocale) => path.join(LOCALES, `${locale === "en" ? "en.default" : locale}.json`);
const strings = (locale: ShopperLocale) => JSON.parse(readFileSync(localeFile(locale), "utf8")) as Json;

/**
 * The extension API's i18n as Shopify documents it: `{{name}}` placeholders, and the plural form
 * of `count` chosen by the language's CLDR rules. A missing key throws, so a typo fails here.
 */
function i18nFor(locale: ShopperLocale): CareI18n {
  const table = strings(locale);
  return {
    translate(key, options = {}) {
      let entry: Json | undefined = table;
      for (const part of key.split(".")) entry = typeof entry === "object" ? entry[part] : undefined;
      if (entry !== undefined && typeof entry === "object" && typeof options.count === "number") {
        entry = entry[new Intl.PluralRules(locale).select(options.count)] ?? entry.other;
      }
      if (typeof entry !== "string") throw new Error(`translation missing: ${locale}.${key}`);
      return entry.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => {
        if (!(name in options)) throw new Error(`${locale}.${key} needs {{${name}}}`);
        return String(options[name]);
      });
    },
    formatDate: (date) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date),
  };
}

const view = (values: Partial<CareValues>, { locale = "en", page = "order_status" }: { locale?: ShopperLocale; page?: CarePage } = {}) =>
  renderToString(h(CareView, { values: { gift: null, discountCard: null, loyalty: null, ...values }, i18n: i18nFor(locale), page }));

/** What the buyer reads: headings given as attributes, then the text, white space collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<s-section heading="([^"]*)"[^>]*>/g, " $1 ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ")
    .trim();

const gift = { description: "A branded pen and our autumn catalogue" };
const card = { code: "THANKS-7K3M-Q9XP", percent: 10, expiresAt: new Date("2026-12-31T23:00:00Z") };
const returning = { tier: "Returning customer", percent: 5, paidOrders: 2, nextTier: "Loyal customer", nextPercent: 10, ordersToNext: 3 };

describe("the view", () => {
  it("renders nothing when there is nothing to show", () => {
    expect(view({})).toBe("");
    expect(view({}, { page: "thank_you" })).toBe("");
  });

  it("shows the gift alone", () => {
    const html = view({ gift });
    expect(textOf(html)).toBe("With our thanks A gift comes with your order A branded pen and our autumn catalogue");
    expect(html).toMatch(/^<s-section heading="With our thanks">/);
    expect(html).not.toContain("s-progress");
    expect(html).not.toContain("s-clipboard-item");
  });

  it("shows the tier alone, with the orders to the next tier and a progress bar", () => {
    const html = view({ loyalty: returning });
    expect(textOf(html)).toBe(
      "With our thanks Your loyalty rewards Your tier: Returning customer, with 5% off every order. 3 more orders to reach Loyal customer (10% off)",
    );
    expect(html).toMatch(/<s-progress value="2" max="5" accessibilityLabel="Progress to your next tier">/);
  });

  it("on the thank-you page, says the new order is counted once paid", () => {
    expect(textOf(view({ loyalty: returning }, { page: "thank_you" }))).toMatch(/\(10% off\) This order counts towards your tier once it’s paid\.$/);
  });

  it("words the steps to the next tier for each standing", () => {
    const noTier = { ...returning, tier: null, percent: 0, paidOrders: 1, nextTier: "Returning customer", nextPercent: 5, ordersToNext: 1 };
    expect(textOf(view({ loyalty: noTier }))).toBe(
      "With our thanks Your loyalty rewards You haven’t reached a loyalty tier yet. 1 more order to reach Returning customer (5% off)",
    );
    const top = { ...returning, tier: "Loyal customer", percent: 10, paidOrders: 7, nextTier: null, nextPercent: null, ordersToNext: null };
    const topHtml = view({ loyalty: top });
    expect(textOf(topHtml)).toBe(
      "With our thanks Your loyalty rewards Your tier: Loyal customer, with 10% off every order. You’ve reached our highest tier. Thank you for your loyalty!",
    );
    expect(topHtml).not.toContain("s-progress");
    const spendOnly = { ...returning, nextTier: "Gold", nextPercent: 15, ordersToNext: 0 };
    expect(textOf(view({ loyalty: spendOnly }))).toContain("Your next tier: Gold (15% off)");
  });

  it("shows the discount card with its code, a copy button and the last day, in the buyer's language", () => {
    const html = view({ discountCard: card });
    expect(textOf(html)).toBe(
      "With our thanks A thank-you code for your next order Enjoy 10% off your next order with this code, valid until December 31, 2026. It’s for you only and works once. THANKS-7K3M-Q9XP Copy code",
    );
    expect(html).toContain(`<s-clipboard-item id="${DISCOUNT_CODE_ID}" text="THANKS-7K3M-Q9XP">`);
    expect(html).toMatch(new RegExp(`<s-button[^>]*command="--copy"[^>]*commandFor="${DISCOUNT_CODE_ID}"`));
  });

  it("shows everything together, in French", () => {
    expect(textOf(view({ gift, discountCard: card, loyalty: returning }, { locale: "fr" }))).toBe(
      [
        "Avec nos remerciements",
        "Un cadeau accompagne votre commande A branded pen and our autumn catalogue",
        "Un code de remerciement pour votre prochaine commande Profitez de 10 % de remise sur votre prochaine commande avec ce code, valable jusqu’au 31 décembre 2026. Il vous est réservé et ne s’utilise qu’une fois. THANKS-7K3M-Q9XP Copier le code",
        "Vos avantages fidélité Votre niveau : Returning customer, avec 5 % de remise sur chaque commande. Encore 3 commandes pour atteindre le niveau Loyal customer (10 % de remise)",
      ].join(" "),
    );
  });

  it.each([
    ["uk", 1, "Ще 1 замовлення до рівня Loyal customer"],
    ["uk", 4, "Ще 4 замовлення до рівня Loyal customer"],
    ["uk", 5, "Ще 5 замовлень до рівня Loyal customer"],
    ["pl", 1, "Jeszcze 1 zamówienie do poziomu Loyal customer"],
    ["pl", 3, "Jeszcze 3 zamówienia do poziomu Loyal customer"],
    ["pl", 12, "Jeszcze 12 zamówień do poziomu Loyal customer"],
    ["de", 1, "Noch 1 Bestellung bis zur Stufe Loyal customer"],
    ["es", 2, "2 pedidos más para llegar al nivel Loyal customer"],
    ["el", 2, "Ακόμη 2 παραγγελίες για το επίπεδο Loyal customer"],
  ] as const)("uses the %s plural form for %i order(s)", (locale, ordersToNext, expected) => {
    expect(textOf(view({ loyalty: { ...returning, ordersToNext } }, { locale }))).toContain(expected);
  });

  it("prints merchant words as text, never as markup", () => {
    const html = view({ gift: { description: `<img src=x onerror="alert(1)">` }, loyalty: { ...returning, tier: "<b>VIP</b>" } });
    expect(html).not.toMatch(/<img|<b>/);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;>");
  });
});

describe("the metafield values", () => {
  const entry = (type: string, key: string, value: unknown, namespace = "$app:aftercare"): MetafieldEntry => ({
    target: { type, id: `gid://shopify/${type === "order" ? "Order" : "Customer"}/1` },
    metafield: { namespace, key, value: typeof value === "string" ? value : JSON.stringify(value) },
  });
  const written = { version: 1, ...returning };

  it("are picked by resource, app namespace and key, from the JSON text the API returns", () => {
    const values = careValues(
      [
        entry("customer", "loyalty", written),
        entry("order", "gift", gift),
        entry("order", "discount_card", { ...card, expiresAt: card.expiresAt.toISOString() }),
        entry("order", "gift", { description: "Someone else's" }, "custom"),
        entry("customer", "gift", { description: "On the wrong resource" }),
      ],
      NOW,
    );
    expect(values).toEqual({ gift, discountCard: card, loyalty: returning });
    expect(careValues([entry("order", "gift", gift, "app--123456--aftercare")], NOW).gift).toEqual(gift);
    expect(careValues([], NOW)).toEqual({ gift: null, discountCard: null, loyalty: null });
  });

  it("leave out what is malformed, of an unknown version, or expired", () => {
    expect(parseGiftNote("{not json")).toBeNull();
    expect(parseGiftNote({ description: "   " })).toBeNull();
    expect(parseGiftNote("[]")).toBeNull();
    expect(parseGiftNote({ description: "  Pen \n and  catalogue " })).toEqual({ description: "Pen and catalogue" });
    const cardJson = { code: "THANKS-7K3M-Q9XP", percent: 10, expiresAt: "2026-12-31T23:00:00Z" };
    expect(parseDiscountCard(cardJson, NOW)).toEqual(card);
    expect(parseDiscountCard(cardJson, new Date("2027-01-01T00:00:00Z"))).toBeNull();
    expect(parseDiscountCard({ ...cardJson, percent: 0 }, NOW)).toBeNull();
    expect(parseDiscountCard({ ...cardJson, percent: 120 }, NOW)).toBeNull();
    expect(parseDiscountCard({ ...cardJson, expiresAt: "soon" }, NOW)).toBeNull();
    expect(parseDiscountCard({ ...cardJson, code: "" }, NOW)).toBeNull();
    expect(parseLoyaltyProgress({ ...written, version: 2 })).toBeNull();
    expect(parseLoyaltyProgress({ ...written, paidOrders: -1 })).toBeNull();
    expect(parseLoyaltyProgress({ ...written, ordersToNext: 1.5 })).toBeNull();
    expect(parseLoyaltyProgress({ ...written, tier: null, nextTier: null })).toBeNull();
  });

  it("read exactly what the app writes to the customer metafield, as the app reads it back", () => {
    const order = (day: number): LoyaltyOrder => ({ orderId: `o${day}`, paidAt: new Date(Date.UTC(2026, 10, day)), cancelledAt: null, refundedFully: false, total: "40.00" });
    const tiers = [
      { name: "Returning customer", minPaidOrders: 2, percent: 5 },
      { name: "Loyal customer", minPaidOrders: 5, percent: 10 },
    ];
    for (const count of [1, 2, 3, 6]) {
      const orders = Array.from({ length: count }, (_, index) => order(index + 1));
      const text = JSON.stringify(loyaltyMetafieldValue(loyaltyStanding({ orders }, tiers, { days: null }, NOW), NOW));
      const app = parseLoyaltyMetafieldValue(text);
      expect(app).not.toBeNull();
      const { version: _version, updatedAt: _updatedAt, ...shown } = app ?? { version: 1 };
      expect(careValues([entry("customer", LOYALTY_METAFIELD.key, text, LOYALTY_METAFIELD.namespace)], NOW).loyalty, `${count} orders`).toEqual(shown);
    }
  });
});

describe("the entry points", () => {
  afterEach(() => {
    delete (globalThis as { shopify?: unknown }).shopify;
  });

  /** The host's `shopify` global, reduced to what the block reads. */
  function standInShopify(entries: MetafieldEntry[]) {
    const i18n = i18nFor("en");
    (globalThis as { shopify?: unknown }).shopify = {
      appMetafields: { value: entries, subscribe: () => () => {} },
      i18n: { translate: i18n.translate, formatDate: (date: Date) => i18n.formatDate(date) },
    };
  }

  it("render the metafields the host provides, on each page", async () => {
    const { ThankYouCare } = await import("../../extensions/thank-you-care/src/ThankYou");
    const { OrderStatusCare } = await import("../../extensions/thank-you-care/src/OrderStatus");
    standInShopify([
      { target: { type: "customer", id: "gid://shopify/Customer/1" }, metafield: { namespace: "$app:aftercare", key: "loyalty", value: JSON.stringify({ version: 1, ...returning }) } },
      { target: { type: "order", id: "gid://shopify/Order/1" }, metafield: { namespace: "$app:aftercare", key: "gift", value: JSON.stringify(gift) } },
    ]);
    expect(textOf(renderToString(h(OrderStatusCare, {})))).toMatch(/^With our thanks A gift comes with your order .* \(10% off\)$/);
    expect(textOf(renderToString(h(ThankYouCare, {})))).toMatch(/once it’s paid\.$/);
    standInShopify([]);
    expect(renderToString(h(ThankYouCare, {}))).toBe("");
  });
});

describe("the translations", () => {
  const PLURAL_CATEGORIES = new Set(["zero", "one", "two", "few", "many", "other"]);
  const isPlural = (value: Json): value is Record<string, string> =>
    typeof value === "object" && Object.keys(value).length > 0 && Object.keys(value).every((key) => PLURAL_CATEGORIES.has(key));
  function flatten(value: Json, prefix = "", into = new Map<string, string | Record<string, string>>()) {
    if (typeof value === "string" || isPlural(value)) into.set(prefix, value);
    else for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
    return into;
  }
  const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort();
  const usedKeys = [...readFileSync(path.join(EXTENSION, "src", "care-view.tsx"), "utf8").matchAll(/translate\("([\w.]+)"/g)].map((match) => match[1] ?? "");

  it("come in exactly the seven shopper languages, English by default", () => {
    const expected = SHOPPER_LOCALES.map((locale) => path.basename(localeFile(locale)));
    expect(readdirSync(LOCALES).sort()).toEqual(expected.sort());
    expect(usedKeys.length).toBeGreaterThan(10);
  });

  describe.each(SHOPPER_LOCALES)("%s", (locale) => {
    const own = flatten(strings(locale));
    const english = flatten(strings("en"));

    it("has every key the view uses, and the same keys and placeholders as English", () => {
      expect(usedKeys.filter((key) => !own.has(key))).toEqual([]);
      expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, value] of own) {
        const englishValue = english.get(key) ?? "";
        const expected = placeholders(typeof englishValue === "string" ? englishValue : (englishValue.other ?? ""));
        for (const text of typeof value === "string" ? [value] : Object.values(value)) {
          expect(placeholders(text), `${locale} ${key}`).toEqual(expected);
          expect(text.trim(), `${locale} ${key}`).not.toBe("");
        }
      }
    });

    it("has every plural form the language needs", () => {
      const required = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, value] of own) {
        if (typeof value !== "string") expect(Object.keys(value), `${locale} ${key}`).toEqual(expect.arrayContaining([...required]));
      }
    });
  });
});

describe("the configuration", () => {
  const toml = readFileSync(path.join(EXTENSION, "shopify.extension.toml"), "utf8");
  /** Each [[extensions.targeting]] block: its target, module and declared metafields. */
  const targets = toml
    .split(/^\s*\[\[extensions\.targeting\]\]\s*$/m)
    .slice(1)
    .map((block) => ({
      target: /target\s*=\s*"([^"]+)"/.exec(block)?.[1],
      module: /module\s*=\s*"([^"]+)"/.exec(block)?.[1],
      metafields: [...block.matchAll(/namespace\s*=\s*"([^"]+)"\s*\n\s*key\s*=\s*"([^"]+)"\s*\n\s*owner_type\s*=\s*"([^"]+)"/g)].map(
        ([, namespace, key, ownerType]) => `${ownerType} ${namespace}.${key}`,
      ),
    }));

  it("is a 2026-10 UI extension on the thank-you and order status pages, with no network access", () => {
    expect(toml).toMatch(/^api_version = "2026-10"$/m);
    expect(toml).toMatch(/^type = "ui_extension"$/m);
    expect(toml).not.toMatch(/network_access/);
    expect(targets.map((target) => [target.target, target.module])).toEqual([
      ["purchase.thank-you.block.render", "./src/ThankYou.tsx"],
      ["customer-account.order-status.block.render", "./src/OrderStatus.tsx"],
    ]);
  });

  it("declares the metafields the view reads, each on its resource", () => {
    expect(targets[0]?.metafields).toEqual(["CUSTOMER $app:aftercare.loyalty"]);
    expect(targets[1]?.metafields).toEqual(["CUSTOMER $app:aftercare.loyalty", "ORDER $app:aftercare.gift", "ORDER $app:aftercare.discount_card"]);
    expect(`${LOYALTY_METAFIELD.namespace}.${LOYALTY_METAFIELD.key}`).toBe("$app:aftercare.loyalty");
  });
});

describe("Shopify's own types for the two targets", () => {
  // The block types Shopify's components and API itself (src/elements.ts, src/host-api.ts), so
  // that the repository's one TypeScript program is not given two surfaces' global JSX types.
  // Here each target's types are loaded in a program of its own and the block's are checked
  // against them: our props must be valid props of Shopify's components, and Shopify's API must
  // provide what the block reads.
  const ROOT = path.resolve(import.meta.dirname, "../..");
  const CHECK_FILE = path.join(ROOT, "tests/unit/thank-you-extension.types-check.ts");

  function diagnosticsFor(source: string): string[] {
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.ReactJSX,
      jsxImportSource: "preact",
      allowImportingTsExtensions: true,
      lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
      types: [],
    };
    const host = ts.createCompilerHost(options);
    const { getSourceFile, fileExists, readFile } = host;
    host.fileExists = (file) => file === CHECK_FILE || fileExists.call(host, file);
    host.readFile = (file) => (file === CHECK_FILE ? source : readFile.call(host, file));
    host.getSourceFile = (file, language, ...rest) =>
      file === CHECK_FILE ? ts.createSourceFile(file, source, language, true) : getSourceFile.call(host, file, language, ...rest);
    const program = ts.createProgram([CHECK_FILE], options, host);
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file ? `${path.relative(ROOT, diagnostic.file.fileName)}: ` : "";
      return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
    });
  }

  const checkFor = (target: string, extra = "") => `
    import type { Api } from "@shopify/ui-extensions/${target}";
    import type { createElement } from "preact";
    import type * as Ours from "${EXTENSION}/src/elements.ts";
    import type { HostApi } from "${EXTENSION}/src/host-api.ts";
    import "${EXTENSION}/src/${target.startsWith("purchase.") ? "ThankYou" : "OrderStatus"}.tsx";
    type Real = createElement.JSX.IntrinsicElements;
    const real = <T,>(value: T) => value;
    export const api: HostApi = null as unknown as Api;
    export const props = [
      real<Real["s-section"]>(null as unknown as Ours.SectionProps),
      real<Real["s-stack"]>(null as unknown as Ours.StackProps),
      real<Real["s-heading"]>(null as unknown as Ours.HeadingProps),
      real<Real["s-paragraph"]>(null as unknown as Ours.ParagraphProps),
      real<Real["s-text"]>(null as unknown as Ours.TextProps),
      real<Real["s-clipboard-item"]>(null as unknown as Ours.ClipboardItemProps),
      real<Real["s-button"]>(null as unknown as Ours.ButtonProps),
      real<Real["s-progress"]>(null as unknown as Ours.ProgressProps),
    ];
    ${extra}
  `;

  it.each(["purchase.thank-you.block.render", "customer-account.order-status.block.render"])("fit the block on %s", (target) => {
    expect(diagnosticsFor(checkFor(target))).toEqual([]);
  }, 60_000);

  it("would catch a prop Shopify's component does not take", () => {
    const wrong = `export const wrong = real<Real["s-progress"]>(null as unknown as { value: "most"; max: 5 });`;
    expect(diagnosticsFor(checkFor("purchase.thank-you.block.render", wrong)).join("\n")).toMatch(/types-check\.ts: .*"most"/);
  }, 60_000);
});

describe("the bundle", () => {
  /** Shopify's limit for a UI extension's script, compressed (API 2025-10 and later). */
  const LIMIT = 64 * 1024;

  it("is built as the Shopify CLI builds it, Preact included, and stays far under 64 KB", async () => {
    // The esbuild that ships with vite; the options are the CLI's (bundle everything, automatic
    // JSX, .esnext sources as TypeScript, production NODE_ENV, es6, minified), and so is the
    // entry: one import per target handed to shopify.extend.
    const requireFromVite = createRequire(createRequire(import.meta.url).resolve("vite/package.json"));
    const esbuild = requireFromVite("esbuild") as typeof Esbuild;
    const entry = targetsEntry();
    const result = await esbuild.build({
      stdin: { contents: entry, resolveDir: EXTENSION, loader: "tsx", sourcefile: "extension-entry.tsx" },
      bundle: true,
      minify: true,
      write: false,
      metafile: true,
      jsx: "automatic",
      target: "es6",
      legalComments: "none",
      loader: { ".esnext": "ts", ".js": "jsx" },
      define: { "process.env.NODE_ENV": JSON.stringify("production") },
      resolveExtensions: [".tsx", ".ts", ".js", ".json", ".esnext", ".mjs", ".ejs"],
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    const compressed = gzipSync(code).length;
    console.log(`thank-you-care bundle: ${code.length} bytes minified, ${compressed} bytes gzip (limit ${LIMIT} compressed)`);

    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes("node_modules/preact/"))).toBe(true);
    expect(inputs.some((input) => input.includes("node_modules/@preact/signals"))).toBe(true);
    expect(inputs.some((input) => input.includes("node_modules/zod"))).toBe(false);
    const text = new TextDecoder().decode(code);
    expect(text).not.toMatch(/\bimport\s*[\w{*]|\brequire\(/);
    expect(text).toContain("purchase.thank-you.block.render");
    expect(text).toContain("customer-account.order-status.block.render");
    expect(compressed).toBeLessThan(LIMIT / 4);
    expect(code.length).toBeLessThan(LIMIT);
  });

  /** The CLI's entry for a Remote DOM extension: each target's module passed to shopify.extend. */
  function targetsEntry(): string {
    const toml = readFileSync(path.join(EXTENSION, "shopify.extension.toml"), "utf8");
    const pairs = [...toml.matchAll(/module\s*=\s*"([^"]+)"\s*\n\s*target\s*=\s*"([^"]+)"/g)];
    expect(pairs).toHaveLength(2);
    return pairs.map(([, module, target], index) => `import Target_${index} from '${module}';shopify.extend('${target}', (...args) => Target_${index}(...args));`).join("\n");
  }
});
