// How mail leaves: a shop's own SMTP server, through nodemailer. A shop without a server (no
// host or no sender address) is in outbox-only mode: messages are composed and kept, not sent.
// Transports are pooled per shop and reused while the shop's settings stay the same; the
// Settings page's "Send test email" uses a fresh, unpooled connection so that what it reports
// is about the settings being tried.
import { createHash } from "node:crypto";
import nodemailer from "nodemailer";
import type { SMTPPoolOptions } from "nodemailer";
import type { ShopSettings } from "@prisma/client";
import type { Db } from "~/db.server";
import { openSecret } from "./secret-box.server";
import { classifySmtpError } from "./smtp-errors";

export type SmtpSecurity = "tls" | "starttls" | "none";

export type SmtpSettings = {
  host: string;
  port: number;
  /** tls: TLS from the first byte (usually 465); starttls: upgrade required (587); none: plain. */
  security: SmtpSecurity;
  user?: string | null;
  password?: string | null;
  senderName?: string | null;
  senderEmail: string;
  replyTo?: string | null;
};

export type OutgoingMail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string; contentBase64: string }[];
};

export type MailTransport = {
  /** Rejects with nodemailer's error (read it with classifySmtpError). */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  /** Connects, says hello, logs in: rejects when the settings do not work. */
  verify(): Promise<void>;
  close(): void;
};

export type SmtpTransportOptions = {
  /** Reuse connections (the outbox); off for one-off checks. Default true. */
  pool?: boolean;
  /**
   * Check the server's TLS certificate. Always true in the app; tests turn it off to talk
   * STARTTLS to a local server with a self-signed certificate.
   */
  rejectUnauthorized?: boolean;
};

/** The shop's mail settings exist but cannot be used as saved (e.g. the password cannot be read). */
export class MailSetupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MailSetupError";
  }
}

export const DEFAULT_PORTS: Record<SmtpSecurity, number> = { tls: 465, starttls: 587, none: 25 };

const CONNECTION_TIMEOUT_MS = 10_000;
const GREETING_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 30_000;
const DNS_TIMEOUT_MS = 10_000;
/** Pooled connections left idle this long are closed. */
const POOL_IDLE_MS = 60_000;
const POOL_MAX_CONNECTIONS = 2;
/** Shops whose transports are kept; the least recently used is closed beyond this. */
const MAX_CACHED_TRANSPORTS = 50;

function isSecurity(value: string): value is SmtpSecurity {
  return value === "tls" || value === "starttls" || value === "none";
}

type ShopMailFields = Pick<ShopSettings, "smtpHost" | "smtpPort" | "smtpSecurity" | "smtpUser" | "smtpPassword" | "senderName" | "senderEmail" | "replyTo">;

/**
 * The shop's SMTP settings, with the password opened; null in outbox-only mode (no host or no
 * sender address). Throws MailSetupError when the saved password cannot be opened with the
 * app's secret (it changed since the password was saved).
 */
export function smtpSettingsFromShop(row: ShopMailFields, appSecret: string): SmtpSettings | null {
  const host = row.smtpHost?.trim();
  const senderEmail = row.senderEmail?.trim();
  if (!host || !senderEmail) return null;
  const security = isSecurity(row.smtpSecurity) ? row.smtpSecurity : "starttls";
  let password: string | null = null;
  if (row.smtpPassword) {
    try {
      password = openSecret(row.smtpPassword, appSecret);
    } catch (error) {
      throw new MailSetupError("The saved mail server password can no longer be read: enter it again in Settings.", { cause: error });
    }
  }
  return {
    host,
    port: row.smtpPort ?? DEFAULT_PORTS[security],
    security,
    user: row.smtpUser?.trim() || null,
    password,
    senderName: row.senderName?.trim() || null,
    senderEmail,
    replyTo: row.replyTo?.trim() || null,
  };
}

function nodemailerOptions(settings: SmtpSettings, options: SmtpTransportOptions): SMTPPoolOptions {
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.security === "tls",
    requireTLS: settings.security === "starttls",
    // "none" is a choice to talk plain SMTP: no opportunistic upgrade either.
    ignoreTLS: settings.security === "none",
    auth: settings.user ? { user: settings.user, pass: settings.password ?? "" } : undefined,
    tls: { rejectUnauthorized: options.rejectUnauthorized ?? true },
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    dnsTimeout: DNS_TIMEOUT_MS,
    // Messages are built from text and base64 in the outbox, never from files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  };
}

export function createSmtpTransport(settings: SmtpSettings, options: SmtpTransportOptions = {}): MailTransport {
  const base = nodemailerOptions(settings, options);
  const transporter = options.pool === false
    ? nodemailer.createTransport(base)
    : nodemailer.createTransport({ ...base, pool: true, maxConnections: POOL_MAX_CONNECTIONS, idleTimeout: POOL_IDLE_MS });
  const from = settings.senderName ? { name: settings.senderName, address: settings.senderEmail } : settings.senderEmail;

  return {
    async send(mail) {
      const info = await transporter.sendMail({
        from,
        replyTo: settings.replyTo ?? undefined,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        attachments: mail.attachments?.map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: attachment.contentBase64,
          encoding: "base64",
        })),
      });
      return { messageId: info.messageId };
    },
    async verify() {
      await transporter.verify();
    },
    close() {
      transporter.close();
    },
  };
}

// Per-process transports: one per shop, replaced when the shop's settings change.
const transports = new Map<string, { fingerprint: string; transport: MailTransport }>();

function fingerprintOf(settings: SmtpSettings, options: SmtpTransportOptions): string {
  return createHash("sha256").update(JSON.stringify([settings, options])).digest("hex");
}

/** The shop's pooled transport for these settings, created on first use. */
export function cachedSmtpTransport(shop: string, settings: SmtpSettings, options: SmtpTransportOptions = {}): MailTransport {
  const fingerprint = fingerprintOf(settings, { ...options, pool: true });
  const cached = transports.get(shop);
  transports.delete(shop);
  if (cached && cached.fingerprint === fingerprint) {
    transports.set(shop, cached);
    return cached.transport;
  }
  // Settings changed: the old pool finishes what it is sending, then closes.
  cached?.transport.close();
  const transport = createSmtpTransport(settings, { ...options, pool: true });
  transports.set(shop, { fingerprint, transport });
  for (const [oldest, entry] of transports) {
    if (transports.size <= MAX_CACHED_TRANSPORTS) break;
    entry.transport.close();
    transports.delete(oldest);
  }
  return transport;
}

/**
 * What the outbox's delivery asks for: the shop's transport, or null in outbox-only mode.
 * Throws MailSetupError when the saved settings cannot be used.
 */
export async function mailTransportFor(db: Db, shop: string, appSecret: string, options: SmtpTransportOptions = {}): Promise<MailTransport | null> {
  const row = await db.shopSettings.findUnique({ where: { shop } });
  const settings = row ? smtpSettingsFromShop(row, appSecret) : null;
  return settings ? cachedSmtpTransport(shop, settings, options) : null;
}

/** Closes every cached transport (shutdown, tests). */
export function closeMailTransports(): void {
  for (const { transport } of transports.values()) transport.close();
  transports.clear();
}

export type SmtpTestResult = { ok: true } | { ok: false; message: string };

export const TEST_MAIL_SUBJECT = "Test email from Aftercare";

/**
 * The Settings page's "Send test email": connects and logs in with these settings and, when
 * `to` is given, sends a short message there. The answer is in the merchant's words.
 */
export async function testSmtpConnection(settings: SmtpSettings, to?: string, options: SmtpTransportOptions = {}): Promise<SmtpTestResult> {
  const transport = createSmtpTransport(settings, { ...options, pool: false });
  try {
    await transport.verify();
    if (to) {
      const text = [
        "This is a test email from Aftercare.",
        "",
        `It was sent through ${settings.host}:${settings.port} with the settings you entered. If you can read it, messages to your shoppers can be sent the same way.`,
      ].join("\n");
      const html = `<p>This is a test email from Aftercare.</p><p>It was sent through ${escapeHtml(`${settings.host}:${settings.port}`)} with the settings you entered. If you can read it, messages to your shoppers can be sent the same way.</p>`;
      await transport.send({ to, subject: TEST_MAIL_SUBJECT, text, html });
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, message: classifySmtpError(error).message };
  } finally {
    transport.close();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
