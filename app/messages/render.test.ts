import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allowedPlaceholders, isMarketing, MESSAGE_TYPES, type MessageType } from "~/messages/catalog";
import { COPY } from "~/messages/copy";
import type { MessageCopy } from "~/messages/copy/types";
import { SHOPPER_LOCALES, type ShopperLocale } from "~/messages/locales";
import { fillPlaceholders, renderMessage, type RenderInput } from "~/messages/render";
import { checkMessageCopy } from "~/messages/template-check";

const labels = COPY.en.labels;
const shop: RenderInput["shop"] = {
  name: "Maison Lumière",
  phone: "+33 1 23 45 67 89",
  email: "hello@maison.example",
  addressLines: ["12 rue du Mail", "75002 Paris", "France"],
  responseTimeHours: 24,
};

function input(copy: Partial<MessageCopy>, overrides: Partial<RenderInput> = {}): RenderInput {
  return {
    type: "dispatch_note",
    locale: "en",
    copy: { subject: "Subject", preheader: "Preview", body: "Body", ...copy },
    labels,
    values: {},
    links: {},
    shop,
    marketing: false,
    ...overrides,
  };
}

/** What the HTML part says, tags removed and entities read back. */
function visibleText(html: string): string {
  const body = html.slice(html.indexOf("<body"));
  return body
    .replace(/<[^>]+>/g, " ")
    .replace(/&#847;|&zwnj;|&nbsp;/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("fillPlaceholders", () => {
  it("fills names, with or without spaces inside the braces", () => {
    expect(fillPlaceholders("Hi {{name}}, order {{ orderName }} / {{orderName  }}", { name: "Ann", orderName: "#1001" })).toBe("Hi Ann, order #1001 / #1001");
  });

  it("empties a placeholder without a value and never reads a value as a template", () => {
    expect(fillPlaceholders("[{{missing}}] [{{empty}}]", { empty: undefined })).toBe("[] []");
    expect(fillPlaceholders("{{a}}", { a: "{{b}}", b: "no" })).toBe("{{b}}");
    expect(fillPlaceholders("{{constructor}}{{toString}}", {})).toBe("");
  });

  it("leaves other braces alone", () => {
    expect(fillPlaceholders("{single} {{ two words }} {{}}", { single: "x" })).toBe("{single} {{ two words }} {{}}");
  });

  it("fills every placeholder that has a value (any text)", () => {
    const name = fc.constantFrom("shopName", "orderName", "customerName", "x1", "trackingUrl");
    const literal = fc.string().map((text) => text.replace(/[{}]/g, ""));
    const token = fc.oneof(
      literal.map((text) => ({ template: text, name: null as string | null })),
      fc.tuple(name, fc.constantFrom("", " ", "  ")).map(([placeholder, space]) => ({ template: `{{${space}${placeholder}${space}}}`, name: placeholder as string | null })),
    );
    const values = fc.dictionary(name, fc.string().map((text) => text.replace(/[{}]/g, "")));
    fc.assert(
      fc.property(fc.array(token), values, (tokens, given) => {
        const expected = tokens.map((piece) => (piece.name === null ? piece.template : (given[piece.name] ?? ""))).join("");
        const filled = fillPlaceholders(tokens.map((piece) => piece.template).join(""), given);
        expect(filled).toBe(expected);
        expect(filled).not.toContain("{{");
      }),
    );
  });
});

describe("renderMessage", () => {
  it("drops a paragraph whose placeholder has no value, and only that paragraph", () => {
    const rendered = renderMessage(
      input(
        { body: "Hello {{customerName}},\n\nCarrier: {{carrier}}\n\nTracking: {{trackingNumber}}\nThanks!\n\n  \n\nBye" },
        { values: { customerName: "Ann", carrier: "  " } },
      ),
    );
    expect(rendered.text).toContain("Hello Ann,\n\nBye");
    expect(rendered.text).not.toContain("Carrier");
    expect(rendered.text).not.toContain("Thanks!");
    expect(visibleText(rendered.html)).toContain("Hello Ann,");
    expect(visibleText(rendered.html)).not.toContain("Tracking");
  });

  it("keeps line breaks inside a paragraph", () => {
    const rendered = renderMessage(input({ body: "Line one\nLine two" }));
    expect(rendered.html).toContain("Line one<br>\nLine two");
    expect(rendered.text).toContain("Line one\nLine two");
  });

  it("drops only the missing part of the subject and preview", () => {
    const rendered = renderMessage(
      input({ subject: "Your order {{orderName}} is on its way", preheader: "Tracking number: {{trackingNumber}}" }),
    );
    expect(rendered.subject).toBe("Your order is on its way");
    expect(rendered.preheader).toBe("Tracking number");
    expect(renderMessage(input({ subject: "Your order ({{orderName}}) – {{carrier}}" })).subject).toBe("Your order");
    expect(renderMessage(input({ subject: "Order {{orderName}}" }, { values: { orderName: "#1001" } })).subject).toBe("Order #1001");
  });

  it("uses the shop's name when no shopName value is given", () => {
    expect(renderMessage(input({ subject: "News from {{shopName}}" })).subject).toBe("News from Maison Lumière");
  });

  it("escapes merchants' text and every value", () => {
    const rendered = renderMessage(
      input(
        { subject: "<b>{{orderName}}</b>", preheader: "<i>pre</i>", body: "<script>alert(1)</script> {{customerName}}\n\n<a href=\"https://evil.example\">x</a>", action: "<u>Track</u>" },
        { values: { orderName: "<img src=x onerror=alert(1)>", customerName: "Ann & \"Bob\" <script>" }, links: { action: "https://track.example/?a=1&b=2" } },
      ),
    );
    expect(rendered.html).not.toMatch(/<script|<img|<b>|<i>|<u>/i);
    // The merchant's tag is shown as text; only its address becomes a link.
    expect(rendered.html).toContain('&lt;a href=&quot;<a href="https://evil.example" target="_blank"');
    expect(rendered.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Ann &amp; &quot;Bob&quot; &lt;script&gt;");
    expect(rendered.html).toContain("<title>&lt;b&gt;&lt;img src=x onerror=alert(1)&gt;&lt;/b&gt;</title>");
    expect(rendered.html).toContain('href="https://track.example/?a=1&amp;b=2"');
    expect(rendered.subject).toBe("<b><img src=x onerror=alert(1)></b>");
    expect(rendered.text).toContain("Ann & \"Bob\" <script>");
  });

  it("links http(s) addresses in values and text, and nothing else", () => {
    const rendered = renderMessage(
      input({ body: "Track: {{trackingUrl}}.\n\nOr: {{carrier}}\n\nSee https://shop.example/help, thanks" }, { values: { trackingUrl: "https://t.example/1?x=1&y=2", carrier: "javascript:alert(1)" } }),
    );
    expect(rendered.html).toContain('<a href="https://t.example/1?x=1&amp;y=2" target="_blank"');
    expect(rendered.html).toContain(">https://t.example/1?x=1&amp;y=2</a>.");
    expect(rendered.html).toContain('<a href="https://shop.example/help" target="_blank"');
    expect(rendered.html).not.toMatch(/href="javascript:/i);
    expect(rendered.html).toContain("Or: javascript:alert(1)");
  });

  it("never lets markup from values or texts through (any text)", () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.constantFrom("<script>alert(1)</script>", "<SCRIPT src=//x>", "\"><script>", "<img onerror=x>", "javascript:alert(1)", "https://x.example/\"><script>"),
    );
    const text = fc.array(hostile, { maxLength: 4 }).map((parts) => parts.join(" "));
    fc.assert(
      fc.property(text, text, text, text, (subject, body, customerName, url) => {
        const rendered = renderMessage(
          input({ subject, body: `${body}\n\n{{customerName}} {{trackingUrl}}`, action: body }, { values: { customerName, trackingUrl: url }, links: { action: url, unsubscribe: url }, marketing: true }),
        );
        expect(rendered.html).not.toMatch(/<script|<img|<svg/i);
        expect(rendered.html).not.toMatch(/href="(?!https?:|tel:|mailto:)/i);
        for (const [, attribute] of rendered.html.matchAll(/href="([^"]*)"/g)) expect(attribute).not.toMatch(/[<>]/);
      }),
    );
  });

  it("draws buttons for http(s) links with a label, and writes them as 'Label: URL' in text", () => {
    const copy = { body: "Your parcel left.\n\nIf the button does not work: {{trackingUrl}}", action: "Track my parcel", secondaryAction: "Problem?" };
    const url = "https://track.example/1";
    const rendered = renderMessage(input(copy, { values: { trackingUrl: url }, links: { action: url, secondaryAction: "https://x.example/problem" } }));
    expect(rendered.html.match(/<table role="presentation" border="0" cellspacing="0" cellpadding="0" style="margin:0 0 12px/g)).toHaveLength(2);
    expect(rendered.html).toMatch(/<td align="center" bgcolor="#1f2937"[^>]*>\n<a href="https:\/\/track.example\/1" target="_blank" style="display:inline-block;[^"]*">Track my parcel<\/a>/);
    // The button goes before the line that repeats its address.
    expect(rendered.text).toContain("Your parcel left.\n\nTrack my parcel: https://track.example/1\nProblem?: https://x.example/problem\n\nIf the button does not work");
    expect(rendered.html.indexOf("Track my parcel</a>")).toBeLessThan(rendered.html.indexOf("If the button does not work"));

    const withoutLinks = renderMessage(input(copy, { values: { trackingUrl: url }, links: { action: "javascript:alert(1)" } }));
    expect(withoutLinks.html).not.toContain("Track my parcel");
    expect(withoutLinks.text).not.toContain("Track my parcel");
    const withoutLabel = renderMessage(input({ body: "Body" }, { links: { action: url } }));
    expect(withoutLabel.text).not.toContain(url);
  });

  it("puts the buttons after the text when no paragraph repeats the address", () => {
    const rendered = renderMessage(input({ body: "One\n\nTwo", action: "Go" }, { links: { action: "https://go.example" } }));
    expect(rendered.text).toMatch(/^One\n\nTwo\n\nGo: https:\/\/go.example\n\n/);
  });

  it("is a full HTML document in the shopper's language, 600 pixels wide at most", () => {
    const rendered = renderMessage(input({ preheader: "A quick check" }, { locale: "uk" }));
    expect(rendered.html).toMatch(/^<!doctype html>\n<html lang="uk" dir="ltr"/);
    expect(rendered.html).toContain('<meta charset="utf-8">');
    expect(rendered.html).toContain("max-width:600px");
    expect(rendered.html).toMatch(/<div style="display:none;[^"]*">A quick check/);
    expect(rendered.html.trimEnd().endsWith("</html>")).toBe(true);
    expect(rendered.html.match(/<table/g)?.length).toBe(rendered.html.match(/<\/table>/g)?.length);
  });

  it("shows the order, its date and total under the text, and other details the text does not mention", () => {
    const values = { orderName: "#1001", orderDate: "28 November 2026", orderTotal: "€42.00", carrier: "La Poste", trackingNumber: "6A123" };
    const rendered = renderMessage(input({ body: "Tracking number {{trackingNumber}}" }, { values }));
    expect(rendered.text).toContain("Order: #1001\nOrder date: 28 November 2026\nTotal: €42.00\nCarrier: La Poste\n\n");
    expect(rendered.text).not.toContain("Tracking number: 6A123");
    expect(visibleText(rendered.html)).toContain("Order #1001 Order date 28 November 2026 Total €42.00 Carrier La Poste");
    // A detail the message type does not have is not shown.
    expect(renderMessage(input({ body: "Hi" }, { type: "order_confirmation", values: { carrier: "La Poste" } })).text).not.toContain("La Poste");
  });

  it("ends with the shop's contact details and why the shopper gets the email", () => {
    const rendered = renderMessage(input({ body: "Hi" }));
    expect(rendered.html).toContain('<a href="tel:+33123456789"');
    expect(rendered.html).toContain('<a href="mailto:hello@maison.example"');
    expect(visibleText(rendered.html)).toContain(
      "Questions? We’re happy to help Maison Lumière Phone: +33 1 23 45 67 89 Email: hello@maison.example 12 rue du Mail 75002 Paris France We usually reply within 24 hours. You’re receiving this email because you ordered from Maison Lumière.",
    );
    expect(rendered.text).toContain(
      "-- \nQuestions? We’re happy to help\nMaison Lumière\nPhone: +33 1 23 45 67 89\nEmail: hello@maison.example\n12 rue du Mail\n75002 Paris\nFrance\nWe usually reply within 24 hours.\n\nYou’re receiving this email because you ordered from Maison Lumière.\n",
    );
  });

  it("leaves out contact details the shop does not have", () => {
    const rendered = renderMessage(input({ body: "Hi" }, { shop: { name: "Maison Lumière", responseTimeHours: null } }));
    expect(rendered.text).toBe("Hi\n\n-- \nMaison Lumière\n\nYou’re receiving this email because you ordered from Maison Lumière.\n");
    expect(rendered.html).not.toMatch(/tel:|mailto:|reply within/);
  });

  it("adds the unsubscribe link to promotional messages only", () => {
    const links = { unsubscribe: "https://shop.example/apps/care/u?t=abc" };
    const promotional = renderMessage(input({ body: "Hi" }, { type: "review_request", marketing: true, links }));
    expect(promotional.html).toContain('<a href="https://shop.example/apps/care/u?t=abc" style="color:#6b7280;text-decoration:underline;">Unsubscribe</a>');
    expect(promotional.text).toContain("Unsubscribe: https://shop.example/apps/care/u?t=abc");
    const transactional = renderMessage(input({ body: "Hi" }, { marketing: false, links }));
    expect(transactional.html).not.toContain("Unsubscribe");
    expect(transactional.text).not.toContain(links.unsubscribe);
  });
});

/** A value per placeholder, different from every word in the texts; addresses for the links. */
function sampleValues(type: MessageType): Record<string, string> {
  return Object.fromEntries(
    allowedPlaceholders(type).map((name) => [name, name.endsWith("Url") ? `https://shop.example/${name}?token=t0k3n&lang=x` : `Sample-${name}-42`]),
  );
}

function sampleLinks(type: MessageType, values: Record<string, string>): RenderInput["links"] {
  const action = values.confirmUrl ?? values.trackingUrl ?? values.arrivedWellUrl ?? values.reviewUrl;
  return { action, secondaryAction: values.problemUrl, unsubscribe: `https://shop.example/unsubscribe?type=${type}&t=1` };
}

const escaped = (value: string) => value.replace(/&/g, "&amp;");

describe("every built-in message in every language", () => {
  const cases = SHOPPER_LOCALES.flatMap((locale) => MESSAGE_TYPES.map((type) => [locale, type] as [ShopperLocale, MessageType]));

  it.each(cases)("%s %s passes the template check", (locale, type) => {
    expect(checkMessageCopy(type, COPY[locale].messages[type])).toEqual([]);
  });

  it.each(cases)("%s %s renders every value and nothing unfilled", (locale, type) => {
    const values = sampleValues(type);
    const links = sampleLinks(type, values);
    const copy = COPY[locale].messages[type];
    const rendered = renderMessage({
      type,
      locale,
      copy,
      labels: COPY[locale].labels,
      values,
      links,
      shop: { ...shop, name: values.shopName ?? "" },
      marketing: isMarketing(type),
    });
    for (const part of [rendered.subject, rendered.preheader, rendered.html, rendered.text]) {
      expect(part).not.toContain("{{");
      expect(part).not.toContain("}}");
    }
    expect(rendered.subject).not.toBe("");
    expect(rendered.preheader).not.toBe("");
    for (const [name, value] of Object.entries(values)) {
      expect(rendered.html, `${name} in html`).toContain(escaped(value));
      expect(rendered.text, `${name} in text`).toContain(value);
    }
    expect(rendered.html).toContain(`<html lang="${locale}" dir="ltr"`);
    if (copy.action && links.action) expect(rendered.text).toContain(`${copy.action}: ${links.action}`);
    if (copy.secondaryAction && links.secondaryAction) expect(rendered.text).toContain(`${copy.secondaryAction}: ${links.secondaryAction}`);
    const unsubscribe = links.unsubscribe ?? "";
    if (isMarketing(type)) {
      expect(rendered.html).toContain(`href="${escaped(unsubscribe)}"`);
      expect(rendered.text).toContain(`${COPY[locale].labels.unsubscribe}: ${unsubscribe}`);
    } else {
      expect(rendered.html).not.toContain(escaped(unsubscribe));
      expect(rendered.text).not.toContain(unsubscribe);
    }
  });

  it.each(SHOPPER_LOCALES)("%s labels fill their own placeholders", (locale) => {
    const { responseTime, whyReceived } = COPY[locale].labels;
    expect(responseTime).toMatch(/\{\{\s*hours\s*\}\}/);
    expect(fillPlaceholders(whyReceived, { shopName: "Shop" })).not.toContain("{{");
  });
});
