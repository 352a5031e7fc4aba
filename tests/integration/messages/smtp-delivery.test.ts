// Delivery of outbox messages through a real SMTP server (tests/support/smtp-test-server.ts),
// on a real database: what the server receives, what the row says afterwards, what the job
// queue is told (retry or give up), and that a message is never sent twice.
import type { Prisma } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { isPermanentError, PermanentJobError } from "~/jobs/queue";
import {
  DeliveryRetryError,
  deliverOutboxMessage,
  NO_MAIL_SERVER_REASON,
  resendOutboxMessage,
  SENDING_LEASE_MS,
  suppressionHash,
  UNSUBSCRIBED_REASON,
  type DeliveryDeps,
} from "~/messages/deliver-outbox.server";
import {
  cachedSmtpTransport,
  closeMailTransports,
  MailSetupError,
  mailTransportFor,
  smtpSettingsFromShop,
  TEST_MAIL_SUBJECT,
  testSmtpConnection,
  type SmtpSettings,
} from "~/messages/mailer.server";
import { openSecret, sealSecret, SecretBoxError } from "~/messages/secret-box.server";
import { resetDatabase, seedShop } from "../../support/factories";
import { startSmtpTestServer, type SmtpTestServer } from "../../support/smtp-test-server";
import { TEST_API_SECRET } from "../../support/test-env";

const SHOP = "care-mail.myshopify.com";
const OTHER_SHOP = "care-mail-two.myshopify.com";
const NOW = new Date("2026-11-28T10:00:00.000Z");
const SHOPPER = "shopper@mail.example";
const USER = "care-smtp";
const PASSWORD = "correct horse battery staple";

let server: SmtpTestServer;
let dedupe = 0;

beforeAll(async () => {
  server = await startSmtpTestServer({ credentials: { user: USER, password: PASSWORD } });
});

afterAll(async () => {
  closeMailTransports();
  await server.close();
});

beforeEach(async () => {
  closeMailTransports();
  server.received.length = 0;
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP);
  await seedShop(prisma, OTHER_SHOP);
});

function smtpSettings(overrides: Partial<SmtpSettings> = {}): SmtpSettings {
  return {
    host: server.host,
    port: server.port,
    security: "none",
    user: USER,
    password: PASSWORD,
    senderName: "Linen & Loom",
    senderEmail: "care@linen.example",
    replyTo: "help@linen.example",
    ...overrides,
  };
}

function viaServer(settings: SmtpSettings = smtpSettings()): DeliveryDeps {
  return { transportFor: async (shop) => cachedSmtpTransport(shop, settings) };
}

const outboxOnly: DeliveryDeps = { transportFor: async () => null };

function queueMessage(overrides: Partial<Prisma.OutboxMessageUncheckedCreateInput> = {}) {
  dedupe += 1;
  return prisma.outboxMessage.create({
    data: {
      shop: SHOP,
      orderId: "1001",
      type: "dispatch_note",
      dedupeKey: `order:1001:dispatch_note:${dedupe}`,
      locale: "en",
      toAddress: SHOPPER,
      subject: "Your order #1001 is on its way",
      html: "<p>Your parcel left <strong>today</strong>.</p>",
      text: "Your parcel left today.",
      sendAfter: NOW,
      createdAt: NOW,
      ...overrides,
    },
  });
}

const row = (id: string) => prisma.outboxMessage.findUniqueOrThrow({ where: { id } });

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error("expected the promise to reject");
}

describe("delivering a queued message", () => {
  it("hands it to the server with both parts, its headers and attachment, and records it as sent", async () => {
    const pdf = Buffer.from("%PDF-1.7\n% a return label\n\u00ff\u00fe binary bytes");
    const message = await queueMessage({
      type: "review_request",
      marketing: true,
      subject: "How was your order? — Linen & Loom",
      html: "<p>Tell us what you think.</p><p><a href=\"https://care.example/u/tok\">Unsubscribe</a></p>",
      text: "Tell us what you think.\nUnsubscribe: https://care.example/u/tok",
      headers: JSON.stringify({ "List-Unsubscribe": "<https://care.example/u/tok>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }),
      attachments: JSON.stringify([{ filename: "return-label.pdf", contentType: "application/pdf", contentBase64: pdf.toString("base64") }]),
    });

    const result = await deliverOutboxMessage(prisma, SHOP, message.id, NOW, viaServer());

    expect(result).toMatchObject({ status: "sent", delivered: true });
    const [mail] = await server.waitForMails(1);
    expect(server.received).toHaveLength(1);
    expect(mail?.user).toBe(USER);
    expect(mail?.to).toEqual([SHOPPER]);
    expect(mail?.from).toBe("care@linen.example");
    expect(mail?.headers.from).toBe('"Linen & Loom" <care@linen.example>');
    expect(mail?.headers["reply-to"]).toBe("help@linen.example");
    expect(mail?.subject).toBe("How was your order? — Linen & Loom");
    expect(mail?.text).toContain("Tell us what you think.\nUnsubscribe: https://care.example/u/tok");
    expect(mail?.html).toContain('<a href="https://care.example/u/tok">Unsubscribe</a>');
    expect(mail?.headers["list-unsubscribe"]).toBe("<https://care.example/u/tok>");
    expect(mail?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail?.attachments).toEqual([{ filename: "return-label.pdf", contentType: "application/pdf", content: pdf }]);

    const after = await row(message.id);
    expect(after).toMatchObject({ status: "sent", statusReason: null, attempts: 1, sentAt: NOW, lastAttemptAt: NOW });
    expect(after.providerMessageId).toBe(result.providerMessageId);
    expect(after.providerMessageId).toBe(mail?.headers["message-id"]);
  });

  it("sends a message without headers or attachments as plain text and HTML only", async () => {
    const message = await queueMessage();
    await deliverOutboxMessage(prisma, SHOP, message.id, NOW, viaServer());
    const [mail] = await server.waitForMails(1);
    expect(mail?.attachments).toEqual([]);
    expect(mail?.headers["list-unsubscribe"]).toBeUndefined();
    expect(mail?.text).toBe("Your parcel left today.");
    expect(mail?.html).toBe("<p>Your parcel left <strong>today</strong>.</p>");
  });

  it("does not send a sent message again", async () => {
    const message = await queueMessage();
    await deliverOutboxMessage(prisma, SHOP, message.id, NOW, viaServer());
    await server.waitForMails(1);

    const again = await deliverOutboxMessage(prisma, SHOP, message.id, new Date(NOW.getTime() + 60_000), viaServer());

    expect(again).toMatchObject({ status: "sent", delivered: false });
    expect(server.received).toHaveLength(1);
    expect((await row(message.id)).attempts).toBe(1);
  });

  it("skips a message that is not due yet", async () => {
    const later = new Date(NOW.getTime() + 3_600_000);
    const message = await queueMessage({ sendAfter: later });

    const result = await deliverOutboxMessage(prisma, SHOP, message.id, NOW, viaServer());

    expect(result).toMatchObject({ status: "skipped", delivered: false, sendAfter: later });
    expect(server.received).toHaveLength(0);
    expect((await row(message.id)).status).toBe("queued");
  });

  it("finds nothing for another shop's message", async () => {
    const message = await queueMessage();
    expect(await deliverOutboxMessage(prisma, OTHER_SHOP, message.id, NOW, viaServer())).toEqual({ status: "not_found", delivered: false });
    expect((await row(message.id)).status).toBe("queued");
    expect(server.received).toHaveLength(0);
  });

  it("suppresses a promotional message to a shopper who unsubscribed, and still sends transactional ones", async () => {
    await prisma.messageSuppression.create({ data: { shop: SHOP, emailHash: suppressionHash(` ${SHOPPER.toUpperCase()} `) } });
    const promotional = await queueMessage({ type: "review_request", marketing: true });
    const transactional = await queueMessage();

    expect(await deliverOutboxMessage(prisma, SHOP, promotional.id, NOW, viaServer())).toMatchObject({ status: "suppressed", reason: UNSUBSCRIBED_REASON });
    expect(await deliverOutboxMessage(prisma, SHOP, transactional.id, NOW, viaServer())).toMatchObject({ status: "sent" });

    await server.waitForMails(1);
    expect(server.received).toHaveLength(1);
    expect(await row(promotional.id)).toMatchObject({ status: "suppressed", statusReason: UNSUBSCRIBED_REASON, attempts: 0 });
  });
});

describe("outbox-only mode", () => {
  it("holds the message when the shop has no mail server", async () => {
    const message = await queueMessage();

    const result = await deliverOutboxMessage(prisma, SHOP, message.id, NOW, outboxOnly);

    expect(result).toEqual({ status: "held", delivered: false, reason: NO_MAIL_SERVER_REASON });
    expect(await row(message.id)).toMatchObject({ status: "held", statusReason: "No mail server is set up: the message is kept in the outbox.", attempts: 0, sentAt: null });
    expect(server.received).toHaveLength(0);
  });

  it("reads the shop's settings: no host means outbox only; a host, a sender and a sealed password mean mail", async () => {
    await prisma.shopSettings.create({ data: { shop: SHOP, senderEmail: "care@linen.example" } });
    const deps: DeliveryDeps = { transportFor: (shop) => mailTransportFor(prisma, shop, TEST_API_SECRET) };
    const first = await queueMessage();
    expect(await deliverOutboxMessage(prisma, SHOP, first.id, NOW, deps)).toMatchObject({ status: "held" });

    await prisma.shopSettings.update({
      where: { shop: SHOP },
      data: { smtpHost: server.host, smtpPort: server.port, smtpSecurity: "none", smtpUser: USER, smtpPassword: sealSecret(PASSWORD, TEST_API_SECRET), senderName: "Linen & Loom" },
    });
    const second = await queueMessage();
    expect(await deliverOutboxMessage(prisma, SHOP, second.id, NOW, deps)).toMatchObject({ status: "sent", delivered: true });
    const [mail] = await server.waitForMails(1);
    expect(mail?.user).toBe(USER);
    expect(mail?.headers.from).toBe('"Linen & Loom" <care@linen.example>');
  });

  it("holds the message, with the reason, when the saved password was sealed with another secret", async () => {
    await prisma.shopSettings.create({
      data: { shop: SHOP, senderEmail: "care@linen.example", smtpHost: server.host, smtpPort: server.port, smtpSecurity: "none", smtpUser: USER, smtpPassword: sealSecret(PASSWORD, "an-older-app-secret") },
    });
    const message = await queueMessage();

    const result = await deliverOutboxMessage(prisma, SHOP, message.id, NOW, { transportFor: (shop) => mailTransportFor(prisma, shop, TEST_API_SECRET) });

    expect(result).toMatchObject({ status: "held", reason: "The saved mail server password can no longer be read: enter it again in Settings." });
    expect(server.received).toHaveLength(0);
  });
});

describe("failures", () => {
  it("records a temporary refusal, lets the queue retry, and sends once on the retry", async () => {
    const message = await queueMessage();
    server.refuseNext("rcpt", 451);

    const error = await rejectionOf(deliverOutboxMessage(prisma, SHOP, message.id, NOW, viaServer()));

    expect(error).toBeInstanceOf(DeliveryRetryError);
    expect(isPermanentError(error)).toBe(false);
    expect(error.message).toMatch(/try again later \(451 Try again later\)/);
    const afterFirst = await row(message.id);
    expect(afterFirst).toMatchObject({ status: "queued", attempts: 1, lastAttemptAt: NOW, sentAt: null });
    expect(afterFirst.statusReason).toBe(error.message);
    expect(server.received).toHaveLength(0);

    const retryAt = new Date(NOW.getTime() + 30_000);
    const second = await deliverOutboxMessage(prisma, SHOP, message.id, retryAt, viaServer());

    expect(second).toMatchObject({ status: "sent", delivered: true });
    await server.waitForMails(1);
    expect(server.received).toHaveLength(1);
    expect(await row(message.id)).toMatchObject({ status: "sent", attempts: 2, statusReason: null, sentAt: retryAt });
  });

  it("marks a message refused for good as failed and stops the job", async () => {
    const message = await queueMessage();
    server.refuseNext("rcpt", 550);

    const error = await rejectionOf(deliverOutboxMessage(prisma, SHOP, message.id, NOW, viaServer()));

    expect(error).toBeInstanceOf(PermanentJobError);
    expect(isPermanentError(error)).toBe(true);
    expect(error.message).toMatch(/mailbox is unavailable or does not exist \(550 Mailbox unavailable\)/);
    expect(await row(message.id)).toMatchObject({ status: "failed", statusReason: error.message, attempts: 1 });
    expect(server.received).toHaveLength(0);

    // The failed row is not tried again by a stray job.
    expect(await deliverOutboxMessage(prisma, SHOP, message.id, NOW, viaServer())).toMatchObject({ status: "failed", delivered: false });
  });

  it("treats a refusal of the message itself (554 at DATA) as permanent", async () => {
    const message = await queueMessage();
    server.refuseNext("data", 554, 1, "Rejected as spam");
    const error = await rejectionOf(deliverOutboxMessage(prisma, SHOP, message.id, NOW, viaServer()));
    expect(error).toBeInstanceOf(PermanentJobError);
    expect(error.message).toContain("554 Rejected as spam");
  });

  it("gives up on a temporary refusal at the job's last attempt", async () => {
    const message = await queueMessage({ attempts: 7 });
    server.refuseNext("rcpt", 451);

    const error = await rejectionOf(deliverOutboxMessage(prisma, SHOP, message.id, NOW, { ...viaServer(), lastAttempt: true }));

    expect(isPermanentError(error)).toBe(true);
    expect(error.message).toMatch(/^Gave up after 8 attempts\. The mail server asked to try again later/);
    expect(await row(message.id)).toMatchObject({ status: "failed", attempts: 8 });
  });

  it("fails permanently, in words, when the SMTP password is wrong", async () => {
    const message = await queueMessage();

    const error = await rejectionOf(deliverOutboxMessage(prisma, SHOP, message.id, NOW, viaServer(smtpSettings({ password: "wrong" }))));

    expect(isPermanentError(error)).toBe(true);
    expect(error.message).toMatch(/^The mail server refused the user name or password \(535 Authentication credentials invalid\)\. Check them in Settings\.$/);
    expect(await row(message.id)).toMatchObject({ status: "failed", attempts: 1 });
    expect(server.received).toHaveLength(0);
  });

  it("lets the queue retry when the server cannot be reached", async () => {
    const message = await queueMessage();
    const error = await rejectionOf(deliverOutboxMessage(prisma, SHOP, message.id, NOW, viaServer(smtpSettings({ port: await closedPort() }))));
    expect(isPermanentError(error)).toBe(false);
    expect(error.message).toMatch(/refused the connection/);
    expect(await row(message.id)).toMatchObject({ status: "queued", attempts: 1 });
  });
});

describe("one send per message", () => {
  it("sends once when two workers deliver the same message at the same time", async () => {
    const message = await queueMessage();
    // Both workers have read the row as queued before either goes on to claim it.
    let arrived = 0;
    let release: () => void = () => {};
    const bothArrived = new Promise<void>((resolve) => (release = resolve));
    const transport = cachedSmtpTransport(SHOP, smtpSettings());
    const deps: DeliveryDeps = {
      async transportFor() {
        arrived += 1;
        if (arrived === 2) release();
        await bothArrived;
        return transport;
      },
    };

    const outcomes = await Promise.allSettled([
      deliverOutboxMessage(prisma, SHOP, message.id, NOW, deps),
      deliverOutboxMessage(prisma, SHOP, message.id, NOW, deps),
    ]);

    expect(arrived).toBe(2);
    const sent = outcomes.filter((outcome) => outcome.status === "fulfilled" && outcome.value.delivered);
    expect(sent).toHaveLength(1);
    // The other worker is told to look again later (it then finds the message sent).
    const other = outcomes.find((outcome) => !(outcome.status === "fulfilled" && outcome.value.delivered));
    expect(other?.status).toBe("rejected");
    if (other?.status === "rejected") {
      expect(other.reason).toBeInstanceOf(DeliveryRetryError);
      expect(isPermanentError(other.reason)).toBe(false);
    }
    await server.waitForMails(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.received).toHaveLength(1);
    expect(await row(message.id)).toMatchObject({ status: "sent", attempts: 1 });
    expect(await deliverOutboxMessage(prisma, SHOP, message.id, NOW, deps)).toMatchObject({ status: "sent", delivered: false });
  });

  it("leaves a message another worker is sending alone, and takes it over once the lease is old", async () => {
    const claimedAt = new Date(NOW.getTime() - 60_000);
    const message = await queueMessage({ status: "sending", lastAttemptAt: claimedAt });

    const error = await rejectionOf(deliverOutboxMessage(prisma, SHOP, message.id, NOW, viaServer()));
    expect(error).toBeInstanceOf(DeliveryRetryError);
    expect(server.received).toHaveLength(0);
    expect(await row(message.id)).toMatchObject({ status: "sending", lastAttemptAt: claimedAt });

    const afterLease = new Date(claimedAt.getTime() + SENDING_LEASE_MS + 1);
    expect(await deliverOutboxMessage(prisma, SHOP, message.id, afterLease, viaServer())).toMatchObject({ status: "sent", delivered: true });
    await server.waitForMails(1);
    expect(await row(message.id)).toMatchObject({ status: "sent", sentAt: afterLease });
  });
});

describe("resending", () => {
  it("puts a failed message back in the queue, due now, keeping its attempts; delivery then sends it", async () => {
    const message = await queueMessage();
    server.refuseNext("rcpt", 550);
    await rejectionOf(deliverOutboxMessage(prisma, SHOP, message.id, NOW, viaServer()));

    const later = new Date(NOW.getTime() + 3_600_000);
    expect(await resendOutboxMessage(prisma, SHOP, message.id, later)).toEqual({ ok: true, message: "The message will be sent." });
    expect(await row(message.id)).toMatchObject({ status: "queued", sendAfter: later, attempts: 1, statusReason: null });

    expect(await deliverOutboxMessage(prisma, SHOP, message.id, later, viaServer())).toMatchObject({ status: "sent", delivered: true });
    await server.waitForMails(1);
    expect(await row(message.id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("sends a held message once the shop has a mail server and the merchant resends it", async () => {
    const message = await queueMessage();
    await deliverOutboxMessage(prisma, SHOP, message.id, NOW, outboxOnly);
    expect(await resendOutboxMessage(prisma, SHOP, message.id, NOW)).toMatchObject({ ok: true });
    expect(await deliverOutboxMessage(prisma, SHOP, message.id, NOW, viaServer())).toMatchObject({ status: "sent" });
    await server.waitForMails(1);
  });

  it("sends a sent message again when asked to", async () => {
    const message = await queueMessage();
    await deliverOutboxMessage(prisma, SHOP, message.id, NOW, viaServer());
    expect(await resendOutboxMessage(prisma, SHOP, message.id, NOW)).toEqual({ ok: true, message: "The message will be sent again." });
    await deliverOutboxMessage(prisma, SHOP, message.id, NOW, viaServer());
    await server.waitForMails(2);
    expect(server.received).toHaveLength(2);
  });

  it("refuses what cannot be resent: another shop's message, one being sent, a suppressed one", async () => {
    const message = await queueMessage({ status: "failed" });
    expect(await resendOutboxMessage(prisma, OTHER_SHOP, message.id, NOW)).toEqual({ ok: false, message: "This message is not in the outbox." });
    expect((await row(message.id)).status).toBe("failed");

    const sending = await queueMessage({ status: "sending", lastAttemptAt: NOW });
    expect(await resendOutboxMessage(prisma, SHOP, sending.id, NOW)).toEqual({ ok: false, message: "This message is being sent right now." });

    const suppressed = await queueMessage({ status: "suppressed", marketing: true });
    expect((await resendOutboxMessage(prisma, SHOP, suppressed.id, NOW)).ok).toBe(false);
    expect((await row(suppressed.id)).status).toBe("suppressed");
  });
});

describe("the Settings page's test", () => {
  it("says ok for working settings, and sends the test mail when asked", async () => {
    expect(await testSmtpConnection(smtpSettings())).toEqual({ ok: true });
    expect(server.received).toHaveLength(0);

    expect(await testSmtpConnection(smtpSettings(), "owner@linen.example")).toEqual({ ok: true });
    const [mail] = await server.waitForMails(1);
    expect(mail?.to).toEqual(["owner@linen.example"]);
    expect(mail?.subject).toBe(TEST_MAIL_SUBJECT);
    expect(mail?.text).toContain(`${server.host}:${server.port}`);
  });

  it("says what is wrong, in words", async () => {
    expect(await testSmtpConnection(smtpSettings({ password: "wrong" }), "owner@linen.example")).toEqual({
      ok: false,
      message: "The mail server refused the user name or password (535 Authentication credentials invalid). Check them in Settings.",
    });
    const refused = await testSmtpConnection(smtpSettings({ port: await closedPort() }));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/refused the connection/);
    // STARTTLS required, but this server does not offer it.
    const noTls = await testSmtpConnection(smtpSettings({ security: "starttls" }));
    expect(!noTls.ok && noTls.message).toMatch(/may not offer STARTTLS/);
    expect(server.received).toHaveLength(0);
  });
});

describe("STARTTLS", () => {
  let tlsServer: SmtpTestServer;
  beforeAll(async () => {
    tlsServer = await startSmtpTestServer({ starttls: true, credentials: { user: USER, password: PASSWORD } });
  });
  afterAll(async () => {
    closeMailTransports();
    await tlsServer.close();
  });

  const tlsSettings = () => smtpSettings({ host: tlsServer.host, port: tlsServer.port, security: "starttls" });

  it("refuses a server certificate it cannot verify", async () => {
    const result = await testSmtpConnection(tlsSettings());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/certificate could not be trusted/);
  });

  it("sends over the upgraded connection when told not to verify the test certificate", async () => {
    expect(await testSmtpConnection(tlsSettings(), "owner@linen.example", { rejectUnauthorized: false })).toEqual({ ok: true });
    const message = await queueMessage();
    const deps: DeliveryDeps = { transportFor: async (shop) => cachedSmtpTransport(shop, tlsSettings(), { rejectUnauthorized: false }) };
    expect(await deliverOutboxMessage(prisma, SHOP, message.id, NOW, deps)).toMatchObject({ status: "sent" });
    const mails = await tlsServer.waitForMails(2);
    expect(mails.map((mail) => mail.user)).toEqual([USER, USER]);
  });
});

describe("sealed secrets", () => {
  it("opens what it sealed, and seals the same password differently each time", () => {
    const first = sealSecret(PASSWORD, TEST_API_SECRET);
    const second = sealSecret(PASSWORD, TEST_API_SECRET);
    expect(first).toMatch(/^v1:/);
    expect(first).not.toBe(second);
    expect(first).not.toContain(PASSWORD);
    expect(openSecret(first, TEST_API_SECRET)).toBe(PASSWORD);
    expect(openSecret(sealSecret("", TEST_API_SECRET), TEST_API_SECRET)).toBe("");
  });

  it("refuses a changed value, another key, and something that was never sealed", () => {
    const sealed = sealSecret(PASSWORD, TEST_API_SECRET);
    const [version, iv, tag, ciphertext = ""] = sealed.split(":");
    const flipped = `${ciphertext.slice(0, -2)}${ciphertext.endsWith("AA") ? "BA" : "AA"}`;
    expect(() => openSecret([version, iv, tag, flipped].join(":"), TEST_API_SECRET)).toThrow(/changed, or sealed with another key/);
    expect(() => openSecret(sealed, "another-secret")).toThrow(SecretBoxError);
    expect(() => openSecret(PASSWORD, TEST_API_SECRET)).toThrow(/Not a sealed secret/);
    expect(() => openSecret(`v1:${iv}:${tag}`, TEST_API_SECRET)).toThrow(SecretBoxError);
  });

  it("gives the shop's settings with the password opened, and null without a host or sender", () => {
    const base = { smtpHost: " smtp.linen.example ", smtpPort: null, smtpSecurity: "tls", smtpUser: USER, smtpPassword: sealSecret(PASSWORD, TEST_API_SECRET), senderName: null, senderEmail: "care@linen.example", replyTo: "" };
    expect(smtpSettingsFromShop(base, TEST_API_SECRET)).toEqual({ host: "smtp.linen.example", port: 465, security: "tls", user: USER, password: PASSWORD, senderName: null, senderEmail: "care@linen.example", replyTo: null });
    expect(smtpSettingsFromShop({ ...base, smtpSecurity: "starttls", smtpPort: 2525 }, TEST_API_SECRET)).toMatchObject({ port: 2525, security: "starttls" });
    expect(smtpSettingsFromShop({ ...base, smtpHost: "  " }, TEST_API_SECRET)).toBeNull();
    expect(smtpSettingsFromShop({ ...base, senderEmail: null }, TEST_API_SECRET)).toBeNull();
    expect(() => smtpSettingsFromShop(base, "another-secret")).toThrow(MailSetupError);
  });
});

/** A port on 127.0.0.1 nothing listens on. */
async function closedPort(): Promise<number> {
  const { createServer } = await import("node:net");
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}
