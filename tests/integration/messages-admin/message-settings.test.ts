// The message settings page, as Remix calls it, for the demo shop on the Admin API stand-in
// (its details are read from there on first visit, and the storefront contact card written
// there): each form saves what passes and answers field errors for what does not, and the SMTP
// password is stored sealed and never handed back to the browser.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startDemoStandIn } from "../../support/stand-in-admin";
import { startSmtpTestServer, type SmtpTestServer } from "../../support/smtp-test-server";

vi.hoisted(() => {
  process.env.DEMO_MODE = "1";
});

// The stand-in first: the app reads where the Admin API is, and which shop is the demo's, when it loads.
const h = await startDemoStandIn({ now: new Date() });
// The shop's languages (read with its details): French first.
h.store.requireShop(h.shop).queryRoot.shopLocales = [
  { __typename: "ShopLocale", locale: "fr", primary: true, published: true, name: "French" },
  { __typename: "ShopLocale", locale: "en", primary: false, published: true, name: "English" },
];
process.env.DEMO_SHOP = h.shop;
process.env.SHOPIFY_ADMIN_API_ORIGIN = h.standIn.origin;

const { default: prisma } = await import("~/db.server");
const { loader, action } = await import("~/routes/app.settings_.messages/route");
const { resetDatabase, seedShop } = await import("../../support/factories");
const { TEST_APP_URL, TEST_API_SECRET } = await import("../../support/test-env");
const { openSecret } = await import("~/messages/secret-box.server");
const { closeMailTransports } = await import("~/messages/mailer.server");
const { stopJobRuntime } = await import("~/jobs/runtime.server");

const SHOP = h.shop;
const OTHER_SHOP = "atelier-nord.myshopify.com";
const PAGE = "/app/settings/messages";

const load = () => loader({ request: new Request(new URL(PAGE, TEST_APP_URL)), params: {}, context: {} });
const post = (fields: Record<string, string>) =>
  action({ request: new Request(new URL(PAGE, TEST_APP_URL), { method: "POST", body: new URLSearchParams(fields) }), params: {}, context: {} });

const contact = {
  intent: "contact",
  shopName: "Maison Lumen",
  contactEmail: "Care@Maison-Lumen.example",
  contactPhone: "+33 4 78 00 14 14",
  company: "",
  address1: "14 rue Mercière",
  address2: "",
  city: "Lyon",
  zip: "69002",
  province: "",
  countryCode: "fr",
  responseTimeHours: "12",
};

const smtp = (server: SmtpTestServer, overrides: Record<string, string> = {}) => ({
  intent: "smtp",
  smtpHost: server.host,
  smtpPort: String(server.port),
  smtpSecurity: "none",
  smtpUser: "care-smtp",
  smtpPassword: "correct horse battery staple",
  senderName: "Maison Lumen",
  senderEmail: "care@maison-lumen.example",
  replyTo: "",
  ...overrides,
});

let server: SmtpTestServer;

beforeAll(async () => {
  server = await startSmtpTestServer({ credentials: { user: "care-smtp", password: "correct horse battery staple" } });
});

afterAll(async () => {
  closeMailTransports();
  await server.close();
  await stopJobRuntime();
  await h.close();
});

beforeEach(async () => {
  server.received.length = 0;
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP, { accessToken: "shpat_demo_stand_in" });
  await seedShop(prisma, OTHER_SHOP);
});

describe("the message settings page", () => {
  it("reads the shop's details from Shopify on the first visit, then keeps them", async () => {
    const page = await load();
    expect(page.importProblem).toBeNull();
    expect(page.contact).toMatchObject({ shopName: "Maison Lumen", contactEmail: "hello@maison-lumen.example", address1: "14 rue Mercière", city: "Lyon", countryCode: "FR" });
    expect(page.sending).toMatchObject({ outboxOnly: true, passwordStored: false, senderName: "Maison Lumen" });
    expect(page.notifications).toMatchObject({ quietHoursStart: "21:00", quietHoursEnd: "08:00", digestHour: "8" });
    expect(page.messages.map((row) => row.type)).toContain("review_request");
    expect(page.messages.find((row) => row.type === "delivery_check_in")).toMatchObject({ enabled: true, delay: { amount: "1", unit: "days" } });

    const lookups = () => h.store.requests.filter((request) => request.kind === "graphql").length;
    const before = lookups();
    await load();
    expect(lookups()).toBe(before);
  });

  it("still opens when Shopify cannot be reached, and says the details were not read", async () => {
    const token = "shpat_demo_stand_in";
    const grant = h.store.accessTokens.get(token)!;
    h.store.accessTokens.delete(token);
    try {
      const page = await load();
      expect(page.importProblem).toContain("could not be read from Shopify");
      expect(page.contact.contactEmail).toBe("");
    } finally {
      h.store.accessTokens.set(token, grant);
    }
    expect((await load()).importProblem).toBeNull();
  });

  it("saves the contact details and publishes the storefront contact card", async () => {
    await load();
    expect(await post(contact)).toMatchObject({ intent: "contact", ok: true });
    expect(await prisma.shopSettings.findUniqueOrThrow({ where: { shop: SHOP } })).toMatchObject({
      contactEmail: "care@maison-lumen.example",
      responseTimeHours: 12,
    });
    expect(h.store.requests.filter((request) => request.operationName === "ContactCardPublish")).toHaveLength(1);
    expect((await load()).contact).toMatchObject({ contactEmail: "care@maison-lumen.example", countryCode: "FR", responseTimeHours: "12" });
  });

  it("keeps the contact details when the storefront card cannot be written, and says so", async () => {
    await load();
    // The app's access is revoked: every Admin API call answers 401.
    const token = "shpat_demo_stand_in";
    const grant = h.store.accessTokens.get(token)!;
    h.store.accessTokens.delete(token);
    try {
      const outcome = await post(contact);
      expect(outcome).toMatchObject({ intent: "contact", ok: true, warning: expect.stringContaining("contact card") });
      expect((await prisma.shopSettings.findUniqueOrThrow({ where: { shop: SHOP } })).contactEmail).toBe("care@maison-lumen.example");
    } finally {
      h.store.accessTokens.set(token, grant);
    }
  });

  it("refuses a bad email address with the field's error and saves nothing", async () => {
    await load();
    const outcome = await post({ ...contact, contactEmail: "care at maison-lumen" });
    expect(outcome).toMatchObject({ intent: "contact", ok: false, errors: { contactEmail: expect.stringContaining("not an email address") } });
    expect(Object.keys(outcome.errors ?? {})).toEqual(["contactEmail"]);
    expect((await prisma.shopSettings.findUniqueOrThrow({ where: { shop: SHOP } })).contactEmail).toBe("hello@maison-lumen.example");
  });

  it("saves which messages go out and when, with the delay in hours or days", async () => {
    await load();
    const fields: Record<string, string> = { intent: "messages" };
    for (const row of (await load()).messages) {
      if (row.enabled && row.type !== "review_request") fields[`${row.type}.enabled`] = "on";
      fields[`${row.type}.delayAmount`] = row.delay.amount;
      fields[`${row.type}.delayUnit`] = row.delay.unit;
    }
    fields["delivery_check_in.delayAmount"] = "36";
    fields["delivery_check_in.delayUnit"] = "hours";
    expect(await post(fields)).toMatchObject({ intent: "messages", ok: true });

    const page = await load();
    expect(page.messages.find((row) => row.type === "review_request")?.enabled).toBe(false);
    expect(page.messages.find((row) => row.type === "delivery_check_in")).toMatchObject({ enabled: true, delay: { amount: "36", unit: "hours" } });

    const refused = await post({ ...fields, "dispatch_note.delayAmount": "soon" });
    expect(refused).toMatchObject({ ok: false, errors: { "dispatch_note.delayMinutes": expect.any(String) } });
  });

  it("stores the SMTP password sealed and never hands it back", async () => {
    await load();
    expect(await post(smtp(server))).toMatchObject({ intent: "smtp", ok: true });

    const row = await prisma.shopSettings.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(row.smtpPassword).not.toContain("correct horse");
    expect(openSecret(row.smtpPassword ?? "", TEST_API_SECRET)).toBe("correct horse battery staple");

    const page = await load();
    const json = JSON.stringify(page);
    expect(json).not.toContain("correct horse");
    expect(json).not.toContain(row.smtpPassword);
    expect(page.sending).toMatchObject({ passwordStored: true, outboxOnly: false, smtpHost: server.host });

    // Saving again with "keep" and an empty field keeps it; unticked and empty removes it.
    await post(smtp(server, { smtpPassword: "", keepPassword: "on", senderName: "Lumen" }));
    expect((await prisma.shopSettings.findUniqueOrThrow({ where: { shop: SHOP } })).smtpPassword).toBe(row.smtpPassword);
    await post(smtp(server, { smtpPassword: "" }));
    expect((await prisma.shopSettings.findUniqueOrThrow({ where: { shop: SHOP } })).smtpPassword).toBeNull();
  });

  it("sends a test email with the settings as typed, using the stored password", async () => {
    await load();
    await post(smtp(server));
    const outcome = await post({ ...smtp(server, { smtpPassword: "", keepPassword: "on" }), intent: "test-smtp", to: "owner@maison-lumen.example" });
    expect(outcome).toMatchObject({ intent: "test-smtp", ok: true });
    expect(server.received.map((mail) => [mail.user, mail.to])).toEqual([["care-smtp", ["owner@maison-lumen.example"]]]);

    const wrong = await post({ ...smtp(server, { smtpPassword: "wrong" }), intent: "test-smtp", to: "" });
    expect(wrong).toMatchObject({ intent: "test-smtp", ok: false, message: expect.any(String) });
    expect(await post({ ...smtp(server), intent: "test-smtp", to: "not-an-address" })).toMatchObject({ ok: false, errors: { to: expect.any(String) } });
  });

  it("saves quiet hours and notifications, and refuses a bad time", async () => {
    await load();
    const fields = { intent: "notifications", quietHoursStart: "22:30", quietHoursEnd: "07:00", digestRecipients: "Owner@maison-lumen.example, team@maison-lumen.example", alertRecipients: "", digestHour: "9", reviewUrl: "https://maison-lumen.example/avis" };
    expect(await post(fields)).toMatchObject({ intent: "notifications", ok: true });
    expect((await load()).notifications).toEqual({
      quietHoursStart: "22:30",
      quietHoursEnd: "07:00",
      digestRecipients: "owner@maison-lumen.example, team@maison-lumen.example",
      alertRecipients: "",
      digestHour: "9",
      reviewUrl: "https://maison-lumen.example/avis",
    });
    expect(await post({ ...fields, quietHoursStart: "25:00" })).toMatchObject({ ok: false, errors: { quietHoursStart: expect.any(String) } });
  });

  it("answers 400 to an unknown form", async () => {
    const outcome = await post({ intent: "delete-everything" }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect((outcome as Response).status).toBe(400);
  });
});
