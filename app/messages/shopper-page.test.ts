// The shopper pages as HTML: complete documents in the shopper's language, every text
// escaped, nothing but relative, https and mailto links, and the address form's checks.
import { describe, expect, it } from "vitest";
import type { LocaleCopy } from "./copy/types";
import {
  checkAddressCorrection,
  confirmPage,
  escapeHtml,
  fillText,
  linkProblemResponse,
  renderShopperPage,
  type ShopperPageContext,
} from "./shopper-page";

const HOSTILE = `<script>alert("x")</script> & 'quoted'`;

// Texts written for the test: the pages are checked against what they were given.
const pages: LocaleCopy["pages"] = {
  confirm: {
    title: "Confirm",
    intro: "{{orderName}}: check it",
    confirmButton: "Confirm my order",
    correctHeading: "Wrong address?",
    correctHint: "Correct it below",
    address1: "Street",
    address2: "Flat",
    city: "City",
    zip: "Postcode",
    country: "Country",
    phone: "Phone",
    note: "Note",
    submitCorrection: "Save address",
    confirmed: "Confirmed, thanks",
    corrected: "Address saved",
  },
  checkIn: { title: "Arrived?", question: "Did {{orderName}} arrive?", arrivedWell: "Yes", problem: "No", thanksGood: "Glad", thanksProblem: "Sorry" },
  problem: { title: "Problem", intro: "Tell us", describe: "What happened", submit: "Send", thanks: "Thanks", returnLink: "Return" },
  unsubscribe: { title: "Unsubscribe", done: "{{email}} unsubscribed from {{shopName}}", transactionalNote: "Orders still mailed" },
  errors: { expired: "Expired link", used: "Used link", invalid: "Invalid link", generic: "Something went wrong" },
  contactUs: "Contact us",
};

const context: ShopperPageContext = {
  locale: "uk",
  pages,
  identity: { shopName: HOSTILE, contactEmail: "help@maison-lumen.example" },
  proxyPath: "/apps/aftercare",
  token: `tok"en<&>`,
  order: { name: HOSTILE },
};

describe("renderShopperPage", () => {
  it("is a complete, mobile-first document in the shopper's language, without scripts", () => {
    const html = renderShopperPage({ locale: "el", shopName: "Maison Lumen", title: "Επιβεβαίωση", body: [{ kind: "paragraph", text: "Γεια" }] });
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"el\">")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("<title>Επιβεβαίωση · Maison Lumen</title>");
    expect(html).toContain("<h1>Επιβεβαίωση</h1>");
    expect(html).toContain("max-width:480px");
    expect(html).toContain("font:16px");
    expect(html).toContain("min-height:48px");
    expect(html).not.toMatch(/<script/i);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
  });

  it("escapes every text and attribute it is given", () => {
    const html = renderShopperPage({
      locale: "en",
      shopName: HOSTILE,
      title: HOSTILE,
      body: [
        { kind: "paragraph", text: HOSTILE },
        { kind: "heading", text: HOSTILE },
        { kind: "notice", tone: "error", text: HOSTILE },
        {
          kind: "form",
          action: `/apps/aftercare/x"y`,
          hidden: { [`t"<`]: HOSTILE },
          fields: [
            { name: "a", label: HOSTILE, value: HOSTILE },
            { name: "b", label: HOSTILE, type: "textarea", value: `</textarea>${HOSTILE}` },
          ],
          buttons: [{ label: HOSTILE, name: "action", value: HOSTILE }],
        },
        { kind: "link", href: `/apps/aftercare/problem?t=a&locale="fr"`, text: HOSTILE },
      ],
    });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain(`"x"`);
    expect(html).not.toContain("'quoted'");
    expect(html.match(/<\/textarea>/g)).toHaveLength(1);
    expect(html.match(/&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &#39;quoted&#39;/g)?.length).toBeGreaterThanOrEqual(10);
    expect(html).toContain('action="/apps/aftercare/x&quot;y"');
    expect(html).toContain('href="/apps/aftercare/problem?t=a&amp;locale=&quot;fr&quot;"');
    expect(html).toContain('name="t&quot;&lt;"');
  });

  it.each(["javascript:alert(1)", "//evil.example/x", "/\\evil.example", "data:text/html,x", "http://shop.example/x", "mailto:a@b.example?subject=x"])(
    "refuses to link to %s",
    (href) => {
      expect(() => renderShopperPage({ locale: "en", shopName: "S", title: "T", body: [{ kind: "link", href, text: "x" }] })).toThrow(/refusing/);
    },
  );
});

describe("escapeHtml and fillText", () => {
  it("escape the five HTML characters and fill placeholders (unknown ones empty)", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(fillText("{{orderName}} at {{ shopName }}{{missing}}", { orderName: "#1", shopName: "S" })).toBe("#1 at S");
  });
});

describe("the confirm page", () => {
  it("keeps the token and language in its forms and shows the order", async () => {
    const response = confirmPage(context, { kind: "ask" });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<html lang="uk">');
    expect(html).toContain('name="t" value="tok&quot;en&lt;&amp;&gt;"');
    expect(html).toContain('name="locale" value="uk"');
    expect(html).toContain(`${escapeHtml(HOSTILE)}: check it`);
    expect(html).toContain('<form method="post" action="/apps/aftercare/confirm">');
    expect(html).toContain('href="mailto:help@maison-lumen.example"');
  });

  it("answers a correction that fails its checks with 400, the entered values and the invalid fields marked", async () => {
    const checked = checkAddressCorrection({ address1: "12 rue <Mouffetard>", city: "", zip: "75005", country: "France" });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const response = confirmPage(context, { kind: "ask", correction: { values: checked.values, invalid: checked.invalid } });
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain("Something went wrong");
    expect(html).toContain('value="12 rue &lt;Mouffetard&gt;"');
    expect(html).toMatch(/name="city" required maxlength="100" autocomplete="address-level2" aria-invalid="true"/);
    expect(html).not.toMatch(/name="address1"[^>]*aria-invalid/);
  });

  it("has no contact link when the shop's address cannot be a safe mailto: link", async () => {
    const html = await confirmPage({ ...context, identity: { shopName: "S", contactEmail: "a b@c?d" } }, { kind: "confirmed" }).text();
    expect(html).toContain("Confirmed, thanks");
    expect(html).not.toContain("mailto:");
  });
});

describe("checkAddressCorrection", () => {
  const valid = { address1: " 12  rue\tMouffetard ", city: "Paris", zip: "75005", country: "France" };

  it("tidies spaces and control characters and leaves out empty optional fields", () => {
    expect(checkAddressCorrection({ ...valid, address2: "  ", note: "ring\nthe bell" })).toEqual({
      ok: true,
      value: { address1: "12 rue Mouffetard", city: "Paris", zip: "75005", country: "France", note: "ring the bell" },
    });
  });

  it("requires the street, city, postcode and country and limits every length", () => {
    const missing = checkAddressCorrection({});
    expect(missing.ok || missing.invalid).toEqual(["address1", "city", "zip", "country"]);
    const long = checkAddressCorrection({ ...valid, zip: "1".repeat(21), note: "é".repeat(501), phone: "+33 6 12 34 56 78" });
    expect(long.ok || long.invalid).toEqual(["zip", "note"]);
    // Counted in characters: 100 emoji are 100 characters, not 200.
    expect(checkAddressCorrection({ ...valid, city: "🏙".repeat(100) }).ok).toBe(true);
    const phone = checkAddressCorrection({ ...valid, phone: "call me maybe" });
    expect(phone.ok || phone.invalid).toEqual(["phone"]);
  });
});

describe("linkProblemResponse", () => {
  it.each([
    ["expired", 410, "Expired link"],
    ["bad_signature", 400, "Invalid link"],
    ["wrong_shop", 400, "Invalid link"],
    ["not_found", 404, "Invalid link"],
  ] as const)("answers %s with %i and a friendly page", async (problem, status, text) => {
    const response = linkProblemResponse(problem, { locale: "pl", pages, identity: { shopName: "Maison Lumen", contactEmail: null } });
    expect(response.status).toBe(status);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("X-Robots-Tag")).toBe("noindex");
    const html = await response.text();
    expect(html).toContain('<html lang="pl">');
    expect(html).toContain(text);
  });
});
