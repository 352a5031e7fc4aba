// The shopper pages behind the links in messages, called as Remix calls the proxy routes,
// with requests signed as Shopify's app proxy signs them, on a real database: answers land
// on the order's timeline once, in the link's language, and bad links or bad signatures
// are refused without touching anything.
import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { COPY } from "~/messages/copy";
import { consumeLinkOnce, shopperLinkUrl } from "~/messages/shopper-links.server";
import { escapeHtml } from "~/messages/shopper-page";
import type { LinkPurpose } from "~/messages/signed-link";
import type { ShopperLocale } from "~/messages/locales";
import * as checkInRoute from "~/routes/proxy.check-in";
import * as confirmRoute from "~/routes/proxy.confirm";
import * as problemRoute from "~/routes/proxy.problem";
import * as unsubscribeRoute from "~/routes/proxy.unsubscribe";
import { expectConsoleErrors } from "../../support/console-guard";
import { testDatabaseKind } from "../../support/databases";
import { resetDatabase, seedShop } from "../../support/factories";
import { appProxyRequest } from "../../support/signed-requests";

const SHOP_A = "maison-lumen.myshopify.com";
const SHOP_B = "atelier-nord.myshopify.com";
const ORDER = "5100000001042";
const DAY = 86_400_000;

const PATHS: Record<Exclude<LinkPurpose, "return">, string> = {
  confirm: "/proxy/confirm",
  check_in: "/proxy/check-in",
  problem: "/proxy/problem",
  unsubscribe: "/proxy/unsubscribe",
};

async function createOrder(shop: string, orderId: string, name: string) {
  const placedAt = new Date("2026-11-01T09:00:00Z");
  await prisma.orderCare.create({
    data: { shop, orderId, orderGid: `gid://shopify/Order/${orderId}`, name, number: Number(name.slice(1)), placedAt, totalPrice: "42.00", currency: "EUR", shopifyUpdatedAt: placedAt, lastSource: "webhook" },
  });
}

/** The query of a link the app would put in a message (t, locale and maybe answer). */
function linkQuery(
  shop: string,
  purpose: LinkPurpose,
  claims: { orderId: string | null; email?: string; locale: ShopperLocale },
  options: { madeAt?: Date; answer?: "arrived_well" | "problem" } = {},
): Record<string, string> {
  const url = new URL(shopperLinkUrl(shop, purpose, claims, options.madeAt ?? new Date(), undefined, options.answer ? { answer: options.answer } : {}));
  return Object.fromEntries(url.searchParams);
}

/** A storefront POST forwarded by the app proxy: Shopify's signed query, the form as the body. */
function proxyPost(path: string, shop: string, query: Record<string, string>, form: Record<string, string>): Request {
  const signed = appProxyRequest(path, shop, query);
  return new Request(signed.url, { method: "POST", body: new URLSearchParams(form), headers: signed.headers });
}

const args = (request: Request) => ({ request, params: {}, context: {} });

async function page(response: Response) {
  return { status: response.status, html: await response.text(), headers: response.headers };
}

const timeline = (shop: string) =>
  prisma.timelineEvent.findMany({ where: { shop }, orderBy: { recordedAt: "asc" }, select: { orderId: true, kind: true, source: true, detail: true } });

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP_A);
  await seedShop(prisma, SHOP_B);
  await prisma.shopSettings.create({ data: { shop: SHOP_A, shopName: "Maison Lumen" } });
  await createOrder(SHOP_A, ORDER, "#1042");
});

describe("the app proxy signature", () => {
  it("is required: a request signed with another secret, or not signed, is refused with 400 and records nothing", async () => {
    const query = linkQuery(SHOP_A, "confirm", { orderId: ORDER, locale: "en" });
    const forged = appProxyRequest(PATHS.confirm, SHOP_A, query, "not-the-app-secret");
    const refused = await confirmRoute.loader(args(forged)).catch((thrown: unknown) => thrown);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(400);

    const unsigned = new URL(forged.url);
    unsigned.searchParams.delete("signature");
    const post = new Request(unsigned, { method: "POST", body: new URLSearchParams({ ...query, action: "confirm" }) });
    const refusedPost = await confirmRoute.action(args(post)).catch((thrown: unknown) => thrown);
    expect((refusedPost as Response).status).toBe(400);

    // The signature covers the link's own parameters too: another order's token pasted in is refused.
    const tampered = new URL(appProxyRequest(PATHS.confirm, SHOP_A, query).url);
    tampered.searchParams.set("t", linkQuery(SHOP_A, "confirm", { orderId: "5100000009999", locale: "en" }).t ?? "");
    expect(((await confirmRoute.loader(args(new Request(tampered))).catch((thrown: unknown) => thrown)) as Response).status).toBe(400);

    expect(await timeline(SHOP_A)).toEqual([]);
    expect(await prisma.shopperLinkUse.count()).toBe(0);
  });
});

describe("the confirm page", () => {
  it("shows the order and its forms, in the link's language, with headers for a private page", async () => {
    const query = linkQuery(SHOP_A, "confirm", { orderId: ORDER, locale: "de" });
    const { status, html, headers } = await page(await confirmRoute.loader(args(appProxyRequest(PATHS.confirm, SHOP_A, query))));
    expect(status).toBe(200);
    expect(headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(headers.get("Cache-Control")).toBe("no-store");
    expect(headers.get("X-Robots-Tag")).toBe("noindex");
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("Maison Lumen");
    expect(html).toContain(escapeHtml(COPY.de.pages.confirm.intro.replace("{{orderName}}", "#1042")));
    expect(html).toContain(escapeHtml(COPY.de.pages.confirm.confirmButton));
    expect(html).toContain('<form method="post" action="/apps/aftercare/confirm">');
    expect(html).toContain(`name="t" value="${query.t}"`);
  });

  it("posts its forms to the proxy path Shopify reports, when the merchant changed it, and only to a proxy path", async () => {
    const query = linkQuery(SHOP_A, "confirm", { orderId: ORDER, locale: "en" });
    const moved = await page(await confirmRoute.loader(args(appProxyRequest(PATHS.confirm, SHOP_A, { ...query, path_prefix: "/a/care" }))));
    expect(moved.html).toContain('<form method="post" action="/a/care/confirm">');
    const odd = await page(await confirmRoute.loader(args(appProxyRequest(PATHS.confirm, SHOP_A, { ...query, path_prefix: "//evil.example/x" }))));
    expect(odd.html).toContain('<form method="post" action="/apps/aftercare/confirm">');
    expect(odd.html).not.toContain("evil.example");
  });

  it("records the confirmation once; the link's second use says it was used", async () => {
    const query = linkQuery(SHOP_A, "confirm", { orderId: ORDER, locale: "en" });
    const first = await page(await confirmRoute.action(args(proxyPost(PATHS.confirm, SHOP_A, {}, { ...query, action: "confirm" }))));
    expect(first.status).toBe(200);
    expect(first.html).toContain(escapeHtml(COPY.en.pages.confirm.confirmed));

    const second = await page(await confirmRoute.action(args(proxyPost(PATHS.confirm, SHOP_A, {}, { ...query, action: "confirm" }))));
    expect(second.status).toBe(200);
    expect(second.html).toContain(escapeHtml(COPY.en.pages.errors.used));
    expect(second.html).not.toContain(escapeHtml(COPY.en.pages.confirm.confirmed));

    // Another link for the same order (a resent email) confirms, but the order is confirmed once.
    const other = linkQuery(SHOP_A, "confirm", { orderId: ORDER, locale: "en" });
    const third = await page(await confirmRoute.action(args(proxyPost(PATHS.confirm, SHOP_A, {}, { ...other, action: "confirm" }))));
    expect(third.html).toContain(escapeHtml(COPY.en.pages.confirm.confirmed));

    expect(await timeline(SHOP_A)).toEqual([{ orderId: ORDER, kind: "confirmed", source: "shopper", detail: null }]);
    expect(await prisma.shopperLinkUse.count({ where: { shop: SHOP_A, purpose: "confirm" } })).toBe(2);
    // The order watch sees the order confirmed by the shopper, and looks at it again.
    expect(await prisma.orderCare.findUniqueOrThrow({ where: { shop_orderId: { shop: SHOP_A, orderId: ORDER } } })).toMatchObject({ confirmedVia: "shopper_link" });
    expect((await prisma.orderCare.findUniqueOrThrow({ where: { shop_orderId: { shop: SHOP_A, orderId: ORDER } } })).confirmedAt).toBeInstanceOf(Date);
  });

  it("keeps a correction that fails its checks on the page, and records a complete one for the merchant", async () => {
    const query = linkQuery(SHOP_A, "confirm", { orderId: ORDER, locale: "es" });
    const incomplete = { ...query, action: "correct", address1: "Calle Mayor 5", city: "", zip: "28013", country: "España" };
    const refused = await page(await confirmRoute.action(args(proxyPost(PATHS.confirm, SHOP_A, {}, incomplete))));
    expect(refused.status).toBe(400);
    expect(refused.html).toContain(escapeHtml(COPY.es.pages.errors.generic));
    expect(refused.html).toContain('value="Calle Mayor 5"');
    expect(refused.html).toContain('value="España"');
    expect(await timeline(SHOP_A)).toEqual([]);

    const complete = { ...incomplete, city: "Madrid", note: "Portal B" };
    const saved = await page(await confirmRoute.action(args(proxyPost(PATHS.confirm, SHOP_A, {}, complete))));
    expect(saved.status).toBe(200);
    expect(saved.html).toContain(escapeHtml(COPY.es.pages.confirm.corrected));
    await confirmRoute.action(args(proxyPost(PATHS.confirm, SHOP_A, {}, complete)));

    const events = await timeline(SHOP_A);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "address_correction_requested", source: "shopper" });
    expect(JSON.parse(events[0]?.detail ?? "{}")).toEqual({ address1: "Calle Mayor 5", city: "Madrid", zip: "28013", country: "España", note: "Portal B" });
  });

  it("refuses expired and tampered links with a friendly page in the link's language", async () => {
    const expired = linkQuery(SHOP_A, "confirm", { orderId: ORDER, locale: "fr" }, { madeAt: new Date(Date.now() - 15 * DAY) });
    const gone = await page(await confirmRoute.loader(args(appProxyRequest(PATHS.confirm, SHOP_A, expired))));
    expect(gone.status).toBe(410);
    expect(gone.html).toContain('<html lang="fr">');
    expect(gone.html).toContain(escapeHtml(COPY.fr.pages.errors.expired));

    const token = linkQuery(SHOP_A, "confirm", { orderId: ORDER, locale: "pl" });
    const t = token.t ?? "";
    const flipped = t.slice(0, 10) + (t[10] === "A" ? "B" : "A") + t.slice(11);
    const tampered = await page(await confirmRoute.action(args(proxyPost(PATHS.confirm, SHOP_A, {}, { ...token, t: flipped, action: "confirm" }))));
    expect(tampered.status).toBe(400);
    expect(tampered.html).toContain('<html lang="pl">');
    expect(tampered.html).toContain(escapeHtml(COPY.pl.pages.errors.invalid));
    expect(tampered.html).not.toMatch(/at .*\.ts:\d+/);

    const missing = await page(await confirmRoute.loader(args(appProxyRequest(PATHS.confirm, SHOP_A, { locale: "xx" }))));
    expect(missing.status).toBe(400);
    expect(missing.html).toContain('<html lang="en">');

    const wrongPage = linkQuery(SHOP_A, "problem", { orderId: ORDER, locale: "en" });
    expect((await confirmRoute.loader(args(appProxyRequest(PATHS.confirm, SHOP_A, wrongPage)))).status).toBe(400);

    expect(await timeline(SHOP_A)).toEqual([]);
    expect(await prisma.shopperLinkUse.count()).toBe(0);
  });

  it("answers 404 for a link to an order the shop does not have", async () => {
    const query = linkQuery(SHOP_A, "confirm", { orderId: "5100000009999", locale: "en" });
    const { status, html } = await page(await confirmRoute.action(args(proxyPost(PATHS.confirm, SHOP_A, {}, { ...query, action: "confirm" }))));
    expect(status).toBe(404);
    expect(html).toContain(escapeHtml(COPY.en.pages.errors.invalid));
    expect(await prisma.timelineEvent.count()).toBe(0);
  });

  it("answers a failure on the app's side with a friendly 500 page, never a stack trace", async () => {
    expectConsoleErrors();
    // Prisma's model delegates are proxies that vi.spyOn cannot restore: replaced by hand.
    const delegate = prisma.timelineEvent as unknown as Record<string, unknown>;
    const create = delegate.create;
    delegate.create = () => Promise.reject(new Error("database unavailable"));
    const query = linkQuery(SHOP_A, "confirm", { orderId: ORDER, locale: "uk" });
    let response: Response;
    try {
      response = await confirmRoute.action(args(proxyPost(PATHS.confirm, SHOP_A, { locale: "uk" }, { ...query, action: "confirm" })));
    } finally {
      delegate.create = create;
    }
    const { status, html } = await page(response);
    expect(status).toBe(500);
    expect(html).toContain(escapeHtml(COPY.uk.pages.errors.generic));
    expect(html).not.toContain("database unavailable");
  });
});

describe("another shop's link", () => {
  it("is refused through this shop's proxy, and neither shop's order is touched", async () => {
    await createOrder(SHOP_B, ORDER, "#1042");
    const tokenOfA = linkQuery(SHOP_A, "confirm", { orderId: ORDER, locale: "en" });
    const confirm = await page(await confirmRoute.action(args(proxyPost(PATHS.confirm, SHOP_B, {}, { ...tokenOfA, action: "confirm" }))));
    expect(confirm.status).toBe(400);
    expect(confirm.html).toContain(escapeHtml(COPY.en.pages.errors.invalid));

    const checkInOfA = linkQuery(SHOP_A, "check_in", { orderId: ORDER, locale: "en" }, { answer: "problem" });
    expect((await checkInRoute.loader(args(appProxyRequest(PATHS.check_in, SHOP_B, checkInOfA)))).status).toBe(400);
    expect((await checkInRoute.action(args(proxyPost(PATHS.check_in, SHOP_B, {}, checkInOfA)))).status).toBe(400);
    const unsubscribeOfA = linkQuery(SHOP_A, "unsubscribe", { orderId: null, email: "ana@example.com", locale: "en" });
    expect((await unsubscribeRoute.action(args(proxyPost(PATHS.unsubscribe, SHOP_B, unsubscribeOfA, {})))).status).toBe(400);

    expect(await prisma.timelineEvent.count()).toBe(0);
    expect(await prisma.shopperLinkUse.count()).toBe(0);
    expect(await prisma.messageSuppression.count()).toBe(0);
  });
});

describe("the check-in", () => {
  /** The shopper's tap on the page's answer button: a POST with the link's token. */
  const answer = (shop: string, query: Record<string, string>) => checkInRoute.action(args(proxyPost(PATHS.check_in, shop, {}, query)));

  it("opening the email's link asks (a mail scanner's visit records nothing); the tap records the first answer, in the link's language", async () => {
    const good = linkQuery(SHOP_A, "check_in", { orderId: ORDER, locale: "fr" }, { answer: "arrived_well" });
    const asked = await page(await checkInRoute.loader(args(appProxyRequest(PATHS.check_in, SHOP_A, good))));
    expect(asked.status).toBe(200);
    expect(asked.html).toContain('<html lang="fr">');
    expect(asked.html).toContain('<form method="post" action="/apps/aftercare/check-in">');
    // The answer chosen in the email is the first button.
    expect(asked.html.indexOf(escapeHtml(COPY.fr.pages.checkIn.arrivedWell))).toBeLessThan(asked.html.indexOf(escapeHtml(COPY.fr.pages.checkIn.problem)));
    expect(await timeline(SHOP_A)).toEqual([]);

    const thanks = await page(await answer(SHOP_A, good));
    expect(thanks.status).toBe(200);
    expect(thanks.html).toContain(escapeHtml(COPY.fr.pages.checkIn.thanksGood));
    // "All good": the review request is asked for at once (the embedded queue's Job table shows it).
    if (testDatabaseKind() === "sqlite") {
      const jobs = await prisma.job.findMany({ where: { shop: SHOP_A, name: "messages.compose" }, select: { payload: true } });
      expect(jobs.map((job) => JSON.parse(job.payload) as { type: string; orderId: string })).toEqual([expect.objectContaining({ type: "review_request", orderId: ORDER })]);
    }

    const refused = await page(await answer(SHOP_A, { ...good, answer: "problem" }));
    expect(refused.status).toBe(200);
    expect(refused.html).toContain(escapeHtml(COPY.fr.pages.errors.used));
    // The shopper who now has a problem can still report it.
    expect(refused.html).toContain('href="/apps/aftercare/problem?t=');

    const again = await page(await answer(SHOP_A, good));
    expect(again.html).toContain(escapeHtml(COPY.fr.pages.errors.used));

    expect(await timeline(SHOP_A)).toEqual([{ orderId: ORDER, kind: "checked_in", source: "shopper", detail: JSON.stringify({ answer: "arrived_well" }) }]);
  });

  it("asks the question when the link has no answer, and a post without an answer records nothing", async () => {
    const query = linkQuery(SHOP_A, "check_in", { orderId: ORDER, locale: "el" });
    const { html } = await page(await checkInRoute.loader(args(appProxyRequest(PATHS.check_in, SHOP_A, query))));
    expect(html).toContain(escapeHtml(COPY.el.pages.checkIn.question.replace("{{orderName}}", "#1042")));
    expect(html).toContain(escapeHtml(COPY.el.pages.checkIn.arrivedWell));
    await answer(SHOP_A, query);
    expect(await timeline(SHOP_A)).toEqual([]);
  });

  it("leads a problem answer on to the problem report, which lands on the timeline", async () => {
    const query = linkQuery(SHOP_A, "check_in", { orderId: ORDER, locale: "en" }, { answer: "problem" });
    const thanks = await page(await answer(SHOP_A, query));
    expect(thanks.html).toContain(escapeHtml(COPY.en.pages.checkIn.thanksProblem));
    expect(thanks.html).toContain('href="/apps/aftercare/returns?t=');
    const href = /href="(\/apps\/aftercare\/problem\?[^"]+)"/.exec(thanks.html)?.[1]?.replaceAll("&amp;", "&") ?? "";
    const problemLink = Object.fromEntries(new URL(href, `https://${SHOP_A}`).searchParams);
    expect(problemLink.t).toBeTruthy();

    const form = await page(await problemRoute.loader(args(appProxyRequest(PATHS.problem, SHOP_A, problemLink))));
    expect(form.html).toContain(escapeHtml(COPY.en.pages.problem.describe));
    expect(form.html).toContain('<form method="post" action="/apps/aftercare/problem">');

    const empty = await page(await problemRoute.action(args(proxyPost(PATHS.problem, SHOP_A, {}, { ...problemLink, text: "   " }))));
    expect(empty.status).toBe(400);
    const text = "The lamp arrived with a cracked shade.\nThe box was fine.";
    const sent = await page(await problemRoute.action(args(proxyPost(PATHS.problem, SHOP_A, {}, { ...problemLink, text }))));
    expect(sent.status).toBe(200);
    expect(sent.html).toContain(escapeHtml(COPY.en.pages.problem.thanks));

    const events = await timeline(SHOP_A);
    expect(events.map((event) => event.kind)).toEqual(["checked_in", "problem_reported"]);
    expect(JSON.parse(events[1]?.detail ?? "{}")).toEqual({ text });
  });
});

describe("unsubscribing", () => {
  const hash = (email: string) => createHash("sha256").update(email).digest("hex");

  it("shows a button, and suppresses the address at once when it is pressed", async () => {
    const query = linkQuery(SHOP_A, "unsubscribe", { orderId: ORDER, email: " Ana.Lopez@Example.com ", locale: "es" });
    const ask = await page(await unsubscribeRoute.loader(args(appProxyRequest(PATHS.unsubscribe, SHOP_A, query))));
    expect(ask.html).toContain('<form method="post" action="/apps/aftercare/unsubscribe">');
    expect(await prisma.messageSuppression.count()).toBe(0);

    const done = await page(await unsubscribeRoute.action(args(proxyPost(PATHS.unsubscribe, SHOP_A, {}, query))));
    expect(done.status).toBe(200);
    expect(done.html).toContain(escapeHtml(COPY.es.pages.unsubscribe.done.replace("{{email}}", "Ana.Lopez@Example.com").replace("{{shopName}}", "Maison Lumen")));
    expect(await prisma.messageSuppression.findMany({ select: { shop: true, emailHash: true } })).toEqual([{ shop: SHOP_A, emailHash: hash("ana.lopez@example.com") }]);

    // Twice is fine.
    expect((await unsubscribeRoute.action(args(proxyPost(PATHS.unsubscribe, SHOP_A, {}, query)))).status).toBe(200);
  });

  it("works as an RFC 8058 one-click POST (token in the query) even when the order is gone", async () => {
    const query = linkQuery(SHOP_A, "unsubscribe", { orderId: "5100000009999", email: "ben@example.com", locale: "en" });
    const response = await unsubscribeRoute.action(args(proxyPost(PATHS.unsubscribe, SHOP_A, query, { "List-Unsubscribe": "One-Click" })));
    expect(response.status).toBe(200);
    expect(await prisma.messageSuppression.findMany({ select: { shop: true, emailHash: true } })).toEqual([{ shop: SHOP_A, emailHash: hash("ben@example.com") }]);
  });
});

describe("consumeLinkOnce", () => {
  it("says yes once per shop and token id", async () => {
    const now = new Date();
    expect(await consumeLinkOnce(prisma, SHOP_A, "id-1", "confirm", now)).toBe(true);
    expect(await consumeLinkOnce(prisma, SHOP_A, "id-1", "confirm", now)).toBe(false);
    expect(await consumeLinkOnce(prisma, SHOP_B, "id-1", "confirm", now)).toBe(true);
  });
});
