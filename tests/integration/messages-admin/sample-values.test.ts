// The live preview's sample values: one for every placeholder of every message in every
// language, so the preview shows the whole message, never a gap or braces.
import { describe, expect, it } from "vitest";
import { MESSAGE_TYPES, allowedPlaceholders } from "~/messages/catalog";
import { COPY } from "~/messages/copy";
import { SHOPPER_LOCALES } from "~/messages/locales";
import { renderMessage } from "~/messages/render";
import { sampleLinks, sampleValues } from "~/messages/sample-values";

describe("sampleValues", () => {
  it.each(SHOPPER_LOCALES)("has a value for every placeholder of every message in %s", (locale) => {
    for (const type of MESSAGE_TYPES) {
      const values = sampleValues(type, locale);
      expect(Object.keys(values).sort()).toEqual([...allowedPlaceholders(type)].sort());
      for (const [name, value] of Object.entries(values)) expect(value.trim(), `${type}.${name}`).not.toBe("");
    }
  });

  it.each(SHOPPER_LOCALES)("renders every built-in message in %s with all its paragraphs and no braces", (locale) => {
    for (const type of MESSAGE_TYPES) {
      const copy = COPY[locale].messages[type];
      const rendered = renderMessage({
        type,
        locale,
        copy,
        labels: COPY[locale].labels,
        values: sampleValues(type, locale),
        links: sampleLinks(type),
        shop: { name: "Maison Lumen" },
        marketing: false,
      });
      expect(rendered.text).not.toContain("{{");
      const paragraphs = copy.body.split(/\n\s*\n/).length;
      expect(rendered.html.match(/<p style="margin:0 0 16px;/g)?.length, `${type} in ${locale}`).toBe(paragraphs);
    }
  });

  it("formats values for the language", () => {
    expect(sampleValues("order_confirmation", "fr").orderTotal).toBe(new Intl.NumberFormat("fr", { style: "currency", currency: "EUR" }).format(86.4));
    expect(sampleValues("order_confirmation", "de").orderDate).toBe("18. November 2026");
  });
});
