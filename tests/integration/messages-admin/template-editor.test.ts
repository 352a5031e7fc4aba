// The template editor's route: the merchant's wording is checked on save (unknown placeholders
// refused, with the field's error and nothing stored), saved, reset, and shop-scoped.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { SHOP_A, SHOP_B } from "./outbox-rows";

vi.hoisted(() => {
  process.env.DEMO_MODE = "1";
  process.env.DEMO_SHOP = "maison-lumen.myshopify.com";
  process.env.SHOPIFY_ADMIN_API_ORIGIN = "http://127.0.0.1:9";
});

const { default: prisma } = await import("~/db.server");
const { loader, action } = await import("~/routes/app.messages.templates.$type.$locale/route");
const { resetDatabase, seedShop } = await import("../../support/factories");
const { TEST_APP_URL } = await import("../../support/test-env");
const { COPY } = await import("~/messages/copy");
const { templateFor } = await import("~/messages/compose-message.server");
const { listCustomizedTemplates } = await import("~/messages/templates.server");
const { stopJobRuntime } = await import("~/jobs/runtime.server");

const path = (type: string, locale: string) => `/app/messages/templates/${type}/${locale}`;
const load = (type: string, locale: string) => loader({ request: new Request(new URL(path(type, locale), TEST_APP_URL)), params: { type, locale }, context: {} });
const post = (type: string, locale: string, fields: Record<string, string>) =>
  action({
    request: new Request(new URL(path(type, locale), TEST_APP_URL), { method: "POST", body: new URLSearchParams(fields) }),
    params: { type, locale },
    context: {},
  });

const mine = {
  intent: "save",
  subject: "{{orderName}} est parti !",
  preheader: "Suivez votre colis.",
  body: "Bonjour {{customerName}},\r\n\r\nVotre colis est parti avec {{carrier}} : {{trackingNumber}}.",
  action: "Suivre mon colis",
};

afterAll(async () => {
  await stopJobRuntime();
});

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP_A);
  await seedShop(prisma, SHOP_B);
});

describe("the template editor", () => {
  it("starts from the built-in text, with what the live preview needs", async () => {
    const editor = await load("dispatch_note", "fr");
    expect(editor).toMatchObject({ type: "dispatch_note", locale: "fr", localeName: "Français", customized: false, buttons: { action: true, secondaryAction: false } });
    expect(editor.copy).toEqual(COPY.fr.messages.dispatch_note);
    expect(editor.locales.map((entry) => entry.locale)).toEqual(["en", "fr", "uk", "el", "pl", "de", "es"]);
    expect(editor.placeholders).toContain("trackingNumber");
    expect(editor.preview.values.trackingNumber).toBeTruthy();
    expect(editor.preview.labels).toEqual(COPY.fr.labels);
  });

  it("refuses an unknown placeholder with the field's error, and stores nothing", async () => {
    const outcome = await post("dispatch_note", "fr", { ...mine, body: "Votre numéro de suivi : {{trackingNo}}" });
    expect(outcome).toMatchObject({ intent: "save", ok: false });
    if (outcome.ok || outcome.intent !== "save") throw new Error("expected a refusal");
    expect(outcome.errors.body).toContain("{{trackingNo}}");
    expect(outcome.errors.subject).toBeUndefined();
    expect(await prisma.messageTemplate.count()).toBe(0);
  });

  it("saves a valid text, which messages then use, for this shop only", async () => {
    expect(await post("dispatch_note", "fr", mine)).toMatchObject({ intent: "save", ok: true });

    expect(await templateFor(prisma, SHOP_A, "dispatch_note", "fr")).toEqual({
      subject: "{{orderName}} est parti !",
      preheader: "Suivez votre colis.",
      body: "Bonjour {{customerName}},\n\nVotre colis est parti avec {{carrier}} : {{trackingNumber}}.",
      action: "Suivre mon colis",
    });
    expect(await templateFor(prisma, SHOP_B, "dispatch_note", "fr")).toEqual(COPY.fr.messages.dispatch_note);
    expect(await templateFor(prisma, SHOP_A, "dispatch_note", "de")).toEqual(COPY.de.messages.dispatch_note);

    const editor = await load("dispatch_note", "fr");
    expect(editor.customized).toBe(true);
    expect(editor.locales.find((entry) => entry.locale === "fr")?.customized).toBe(true);
    expect(await listCustomizedTemplates(prisma, SHOP_A)).toEqual([{ type: "dispatch_note", locale: "fr", updatedAt: expect.any(Date) }]);
  });

  it("resets to the built-in text by removing the merchant's", async () => {
    await post("dispatch_note", "fr", mine);
    await post("dispatch_note", "de", { ...mine, subject: "{{orderName}} ist unterwegs" });

    expect(await post("dispatch_note", "fr", { intent: "reset" })).toMatchObject({ intent: "reset", ok: true });
    expect(await prisma.messageTemplate.findMany({ select: { shop: true, type: true, locale: true } })).toEqual([{ shop: SHOP_A, type: "dispatch_note", locale: "de" }]);
    expect((await load("dispatch_note", "fr")).copy).toEqual(COPY.fr.messages.dispatch_note);
  });

  it.each([
    ["an unknown message", "newsletter", "fr"],
    ["an unknown language", "dispatch_note", "pt"],
  ])("answers 404 for %s", async (_, type, locale) => {
    for (const call of [() => load(type, locale), () => post(type, locale, mine)]) {
      const outcome = await call().then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect((outcome as Response).status).toBe(404);
    }
  });
});
