// The theme app extension (extensions/aftercare-theme): theme-check with Shopify's
// theme-app-extension checks finds nothing in it (and does find faults in a broken copy), every
// translation it uses exists in all seven languages, the locale files agree with one another,
// and the blocks carry no JavaScript.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { themeCheckRun, type Offense } from "@shopify/theme-check-node";
import { afterAll, describe, expect, it } from "vitest";
import { CONTACT_CARD_METAFIELD, type ContactCardValue } from "~/messages/contact-card";
import { SHOPPER_LOCALES, type ShopperLocale } from "~/messages/locales";

const EXTENSION = path.resolve(import.meta.dirname, "../../extensions/aftercare-theme");
const BLOCKS = path.join(EXTENSION, "blocks");
const LOCALES = path.join(EXTENSION, "locales");
/** Shopify refuses locale files over 15 KB at deploy. */
const MAX_LOCALE_FILE_BYTES = 15 * 1024;

const quiet = () => {};
const describeOffense = (offense: Offense) =>
  `${offense.check} ${path.relative(EXTENSION, new URL(offense.uri).pathname)}:${offense.start.line + 1} ${offense.message}`;

const blockFiles = readdirSync(BLOCKS).filter((file) => file.endsWith(".liquid"));
const readBlock = (file: string) => readFileSync(path.join(BLOCKS, file), "utf8");

/** The storefront file of a language (`en.default.json` for English) or its theme-editor twin. */
function localeFile(locale: ShopperLocale, kind: "storefront" | "schema"): string {
  const base = locale === "en" ? "en.default" : locale;
  return path.join(LOCALES, kind === "schema" ? `${base}.schema.json` : `${base}.json`);
}

type Json = string | { [key: string]: Json };
/** A string, or a plural entry's forms by CLDR category. */
type Translation = string | Record<string, string>;
const PLURAL_CATEGORIES = new Set(["zero", "one", "two", "few", "many", "other"]);
const isPluralEntry = (value: Json): value is Record<string, string> =>
  typeof value === "object" && Object.keys(value).length > 0 && Object.keys(value).every((key) => PLURAL_CATEGORIES.has(key));

/** Every translation in a locale file by its dotted key; a plural entry ({ one, other, ... }) is one translation. */
function translations(file: string): Map<string, Translation> {
  const found = new Map<string, Translation>();
  const walk = (value: Json, prefix: string) => {
    if (typeof value === "string" || isPluralEntry(value)) found.set(prefix, value);
    else for (const [key, child] of Object.entries(value)) walk(child, prefix ? `${prefix}.${key}` : key);
  };
  walk(JSON.parse(readFileSync(file, "utf8")) as Json, "");
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort();

/** Storefront keys used as `'key' | t` and theme-editor keys used as "t:key" in the schema. */
function keysUsed(kind: "storefront" | "schema"): string[] {
  const pattern = kind === "storefront" ? /['"]([\w.-]+)['"]\s*\|\s*t\b/g : /"t:([\w.-]+)"/g;
  const keys = blockFiles.flatMap((file) => [...readBlock(file).matchAll(pattern)].map((match) => match[1] ?? ""));
  return [...new Set(keys)].sort();
}

const temporaryDirectories: string[] = [];
afterAll(() => {
  for (const directory of temporaryDirectories) rmSync(directory, { recursive: true, force: true });
});

/** A copy of the extension in a temporary folder, for breaking on purpose. */
function copyOfExtension(): string {
  const directory = mkdtempSync(path.join(os.tmpdir(), "aftercare-theme-"));
  temporaryDirectories.push(directory);
  cpSync(EXTENSION, directory, { recursive: true });
  return directory;
}

describe("theme-check on extensions/aftercare-theme", () => {
  it("uses the theme-app-extension checks and finds no error, warning or suggestion", async () => {
    const { offenses, config } = await themeCheckRun(EXTENSION, undefined, quiet);
    expect(config.context).toBe("app");
    expect(config.checks.map((check) => check.meta.code)).toEqual(
      expect.arrayContaining(["AppBlockValidTags", "AppBlockMissingSchema", "AssetSizeAppBlockCSS", "TranslationKeyExists", "MatchingTranslations"]),
    );
    expect(offenses.map(describeOffense)).toEqual([]);
  });

  it("finds the faults in a broken copy, so the run above could have failed", async () => {
    const broken = copyOfExtension();
    const blockPath = path.join(broken, "blocks", "contact-card.liquid");
    const block = readFileSync(blockPath, "utf8")
      .replace("'contact_card.phone' | t", "'contact_card.fax' | t")
      .replace('"stylesheet": "contact-card.css"', '"stylesheet": "missing.css"');
    writeFileSync(blockPath, `{% javascript %}console.log(1){% endjavascript %}\n${block}`);
    const french = JSON.parse(readFileSync(path.join(broken, "locales", "fr.json"), "utf8")) as { contact_card: Record<string, unknown> };
    delete french.contact_card.email;
    writeFileSync(path.join(broken, "locales", "fr.json"), JSON.stringify(french));

    const { offenses } = await themeCheckRun(broken, undefined, quiet);
    const checks = new Set(offenses.map((offense) => offense.check));
    expect([...checks].sort()).toEqual(
      expect.arrayContaining(["AppBlockValidTags", "AssetSizeAppBlockCSS", "MatchingTranslations", "TranslationKeyExists"]),
    );
    expect(offenses.some((offense) => offense.severity === 0)).toBe(true);
  });

  it("falls back to the theme checks without shopify.extension.toml (which is why the file matters)", async () => {
    const withoutToml = copyOfExtension();
    rmSync(path.join(withoutToml, "shopify.extension.toml"));
    const { config } = await themeCheckRun(withoutToml, undefined, quiet);
    expect(config.context).toBe("theme");
    expect(config.checks.map((check) => check.meta.code)).not.toContain("AppBlockValidTags");
  });
});

describe("translations", () => {
  it("are found in the blocks", () => {
    expect(keysUsed("storefront")).toContain("contact_card.response_time");
    expect(keysUsed("schema")).toContain("blocks.contact_card.name");
  });

  it("come in exactly the languages shopper texts are written in", () => {
    const expected = SHOPPER_LOCALES.flatMap((locale) => [localeFile(locale, "storefront"), localeFile(locale, "schema")].map((file) => path.basename(file)));
    expect(readdirSync(LOCALES).sort()).toEqual(expected.sort());
  });

  describe.each(SHOPPER_LOCALES)("%s", (locale) => {
    it.each(["storefront", "schema"] as const)("has every %s key the blocks use", (kind) => {
      const keys = translations(localeFile(locale, kind));
      expect(keysUsed(kind).filter((key) => !keys.has(key))).toEqual([]);
    });

    it.each(["storefront", "schema"] as const)("has the same %s keys as English, with the same placeholders", (kind) => {
      const english = translations(localeFile("en", kind));
      const own = translations(localeFile(locale, kind));
      expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, value] of own) {
        const englishValue = english.get(key) ?? "";
        const expected = placeholders(typeof englishValue === "string" ? englishValue : (englishValue.other ?? ""));
        for (const text of typeof value === "string" ? [value] : Object.values(value)) {
          expect(placeholders(text), `${locale} ${key}: ${text}`).toEqual(expected);
          expect(text.trim(), `${locale} ${key}`).not.toBe("");
        }
      }
    });

    it("has every plural form the language needs", () => {
      const required = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, value] of translations(localeFile(locale, "storefront"))) {
        if (typeof value === "string") continue;
        expect(Object.keys(value).sort(), `${locale} ${key}`).toEqual(expect.arrayContaining([...required]));
      }
    });

    it("keeps its files under Shopify's 15 KB limit", () => {
      for (const kind of ["storefront", "schema"] as const) {
        expect(statSync(localeFile(locale, kind)).size).toBeLessThan(MAX_LOCALE_FILE_BYTES);
      }
    });
  });
});

describe("the contact card block", () => {
  const block = readBlock("contact-card.liquid");

  it("has no JavaScript: no script tag, no javascript tag or schema asset, no .js asset", () => {
    for (const file of blockFiles) {
      const source = readBlock(file);
      expect(source, file).not.toMatch(/<script/i);
      expect(source, file).not.toMatch(/{%-?\s*javascript/);
      expect(source, file).not.toMatch(/"javascript"\s*:/);
    }
    expect(readdirSync(path.join(EXTENSION, "assets")).filter((file) => file.endsWith(".js"))).toEqual([]);
  });

  it("is an app block for sections", () => {
    const schema = JSON.parse(/{%\s*schema\s*%}([\s\S]*?){%\s*endschema\s*%}/.exec(block)?.[1] ?? "null") as { target?: string } | null;
    expect(schema?.target).toBe("section");
  });

  it("reads the metafield the app publishes, by the field names the app writes", () => {
    expect(block).toContain(`shop.metafields['${CONTACT_CARD_METAFIELD.namespace}'].${CONTACT_CARD_METAFIELD.key}.value`);
    const fields: (keyof ContactCardValue)[] = ["shopName", "phone", "email", "addressLines", "responseTimeHours"];
    for (const field of fields) expect(block).toContain(`contact.${field}`);
  });

  it("links the phone and email, marks the details up as an address, and escapes what it prints", () => {
    expect(block).toMatch(/href="tel:{{ phone_href \| escape }}"/);
    expect(block).toMatch(/href="mailto:{{ contact.email \| escape }}"/);
    expect(block).toMatch(/<address[\s>]/);
    const printed = [...block.matchAll(/{{-?\s*(contact\.\w+|line)\b([^}]*)}}/g)];
    expect(printed.length).toBeGreaterThan(0);
    for (const [output, , filters] of printed) expect(filters, output).toMatch(/\|\s*escape\b/);
  });

  it("shows shoppers nothing without details, and the theme editor a hint", () => {
    expect(block).toMatch(/{%-?\s*elsif request\.design_mode\s*-?%}\s*<p[^>]*>{{ 'contact_card\.editor_hint' \| t }}<\/p>\s*{%-?\s*endif/);
  });
});

describe("the return request block", () => {
  const block = readBlock("return-request.liquid");
  const schema = JSON.parse(/{%\s*schema\s*%}([\s\S]*?){%\s*endschema\s*%}/.exec(block)?.[1] ?? "null") as {
    target?: string;
    settings?: { id: string; type: string; default?: unknown }[];
  } | null;

  it("is an app block for sections with the heading, text, button label and guest settings", () => {
    expect(schema?.target).toBe("section");
    expect(schema?.settings?.map((setting) => setting.id)).toEqual(["heading", "text", "button_label", "show_to_guests"]);
    expect(schema?.settings?.find((setting) => setting.id === "show_to_guests")).toMatchObject({ type: "checkbox", default: true });
  });

  it("links to the return page the app proxy serves, in the storefront's language", async () => {
    const { APP_PROXY_PATH } = await import("~/messages/shopper-links.server");
    const { returnPageLocale } = await import("~/returns/return-lookup.server");
    const links = [...block.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((match) => match[1] ?? "");
    expect(links).toEqual([`${APP_PROXY_PATH}/returns?locale={{ language | url_encode }}`]);
    expect(block).toMatch(/assign language = request\.locale\.iso_code \| split: '-' \| first \| downcase/);
    // The page reads `locale` from the query: a language the block sends is the page's language.
    for (const locale of SHOPPER_LOCALES) {
      const url = `https://shop.example${links[0]?.replace("{{ language | url_encode }}", locale)}`;
      expect(returnPageLocale(new Request(url), new Map(), "en")).toBe(locale);
    }
  });

  it("shows the link as text, escapes the merchant's words, and hides from guests only when asked", () => {
    expect(block).toMatch(/<a class="aftercare-returns__button" href="[^"]*">\s*{{-? button_label -?}}\s*<\/a>/);
    for (const setting of ["heading", "text", "button_label"]) {
      expect(block).toContain(`assign ${setting} = block.settings.${setting} | escape`);
      expect(block).toMatch(new RegExp(`assign ${setting} = 'return_request\\.\\w+' \\| t`));
    }
    expect(block).toMatch(/assign visible = block\.settings\.show_to_guests\s+if customer\s+assign visible = true/);
    expect(block).toMatch(/{%-?\s*elsif request\.design_mode\s*-?%}\s*<p[^>]*>{{ 'return_request\.editor_hint' \| t }}<\/p>\s*{%-?\s*endif/);
  });
});
