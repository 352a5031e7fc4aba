// Mail to the shop's staff: alerts as things happen (a late order, a failed message) and one
// daily digest. Both go through the outbox like shopper messages (audience "staff", never
// promotional), so they are kept, retried and visible the same way; the caller enqueues the
// delivery of the ids returned. The dedupe key makes each alert and each day's digest exist
// once per address, whoever asks twice. Features add to the digest by registering a section.
import type { Db } from "~/db.server";
import { isUniqueViolation } from "~/db-errors";
import { log } from "~/observability/log.server";
import { reportError } from "~/observability/sentry.server";

export const STAFF_ALERT_TYPE = "staff_alert";
export const STAFF_DIGEST_TYPE = "staff_digest";
const DIGEST_PERIOD_MS = 24 * 3_600_000;

export type MerchantAlert = {
  /** What makes the alert one of a kind, e.g. "late:1234:late_dispatch". */
  key: string;
  subject: string;
  lines: string[];
  link?: { label: string; url: string };
};

export type DigestSection = { title: string; lines: string[] };

export type DigestSectionBuilder = (db: Db, shop: string, since: Date, now: Date) => Promise<DigestSection | null>;

/** Addresses from a comma-separated setting: trimmed, lower-cased, each once, the malformed left out. */
export function parseRecipients(setting: string): string[] {
  const addresses = setting
    .split(/[,;\s]+/)
    .map((address) => address.trim().toLowerCase())
    .filter((address) => /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/.test(address));
  return [...new Set(addresses)];
}

/** The calendar date (YYYY-MM-DD) at `now` in an IANA time zone; UTC when the zone is unknown. */
export function localDate(now: Date, timeZone: string): string {
  const { year, month, day } = localParts(now, timeZone);
  return `${year}-${month}-${day}`;
}

/**
 * Whether the day's digest should go out: the shop's local time has reached digestHour and no
 * digest went out on this local date. (queueDailyDigest's dedupe key makes a second one a
 * no-op anyway, so a scheduler may ask every hour with lastDigestLocalDate null.)
 */
export function digestDue(now: Date, timeZone: string, digestHour: number, lastDigestLocalDate: string | null): boolean {
  const parts = localParts(now, timeZone);
  const today = `${parts.year}-${parts.month}-${parts.day}`;
  return Number(parts.hour) >= digestHour && lastDigestLocalDate !== today;
}

function localParts(now: Date, timeZone: string): Record<"year" | "month" | "day" | "hour", string> {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" });
  } catch {
    format = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" });
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((part) => [part.type, part.value]));
  return { year: parts.year ?? "", month: parts.month ?? "", day: parts.day ?? "", hour: parts.hour ?? "0" };
}

/**
 * One alert mail per address in ShopSettings.alertRecipients. Returns the ids created; an
 * alert already queued for an address (same key) is not created again.
 */
export async function queueMerchantAlert(db: Db, shop: string, input: MerchantAlert, now: Date): Promise<string[]> {
  const settings = await db.shopSettings.findUnique({ where: { shop }, select: { alertRecipients: true, shopName: true } });
  const recipients = parseRecipients(settings?.alertRecipients ?? "");
  if (recipients.length === 0) return [];
  const body = renderStaffMail({ heading: input.subject, blocks: [{ lines: input.lines }], link: input.link, shopName: settings?.shopName || shop });
  return createForEach(db, shop, recipients, now, (address) => ({
    type: STAFF_ALERT_TYPE,
    reason: input.key,
    dedupeKey: `alert:${input.key}:${address}`,
    subject: input.subject,
    ...body,
  }));
}

const digestSections = new Map<string, DigestSectionBuilder>();

/**
 * Adds a section to every shop's daily digest (a feature's module calls this once when it is
 * loaded). A second registration under the same name replaces the first. Returns a function
 * that removes it.
 */
export function registerDigestSection(name: string, build: DigestSectionBuilder): () => void {
  digestSections.set(name, build);
  return () => {
    if (digestSections.get(name) === build) digestSections.delete(name);
  };
}

/**
 * The daily digest to each address in ShopSettings.digestRecipients: the registered sections
 * for the last 24 hours, then the shopper messages sent, held and failed. Once per local date
 * (the shop's time zone) and address. Returns the ids created.
 */
export async function queueDailyDigest(db: Db, shop: string, now: Date): Promise<string[]> {
  const settings = await db.shopSettings.findUnique({ where: { shop }, select: { digestRecipients: true, shopName: true, timezone: true } });
  const recipients = parseRecipients(settings?.digestRecipients ?? "");
  if (!settings || recipients.length === 0) return [];
  const date = localDate(now, settings.timezone);
  const dedupeKeys = recipients.map((address) => `digest:${date}:${address}`);
  const existing = await db.outboxMessage.count({ where: { shop, dedupeKey: { in: dedupeKeys } } });
  if (existing === recipients.length) return [];

  const since = new Date(now.getTime() - DIGEST_PERIOD_MS);
  const sections: DigestSection[] = [];
  for (const [name, build] of digestSections) {
    try {
      const section = await build(db, shop, since, now);
      if (section && section.lines.length > 0) sections.push(section);
    } catch (error) {
      log.error("digest section failed", { shop, section: name, error: error instanceof Error ? error.message : String(error) });
      reportError(error, { source: "digest", shop, section: name });
      sections.push({ title: name, lines: ["This part could not be put together today."] });
    }
  }
  sections.push(await messagesSection(db, shop, since, now));

  const shopName = settings.shopName || shop;
  const subject = `Daily summary for ${shopName}: ${date}`;
  const body = renderStaffMail({ heading: subject, blocks: sections.map((section) => ({ title: section.title, lines: section.lines })), shopName });
  return createForEach(db, shop, recipients, now, (address) => ({
    type: STAFF_DIGEST_TYPE,
    reason: date,
    dedupeKey: `digest:${date}:${address}`,
    subject,
    ...body,
  }));
}

/** The built-in section: what happened to shopper messages in the period. */
async function messagesSection(db: Db, shop: string, since: Date, now: Date): Promise<DigestSection> {
  const shopper = { shop, audience: "shopper" };
  const [sent, held, failed] = await Promise.all([
    db.outboxMessage.count({ where: { ...shopper, status: "sent", sentAt: { gte: since, lt: now } } }),
    db.outboxMessage.count({ where: { ...shopper, status: "held", lastAttemptAt: { gte: since, lt: now } } }),
    db.outboxMessage.count({ where: { ...shopper, status: "failed", lastAttemptAt: { gte: since, lt: now } } }),
  ]);
  const lines = [`Sent: ${sent}`, `Kept in the outbox (no mail server): ${held}`, `Failed: ${failed}`];
  if (held > 0) lines.push("Set up a mail server in Settings, then resend the kept messages from the outbox.");
  if (failed > 0) lines.push("The outbox says why each failed message could not be sent.");
  return { title: "Messages", lines };
}

type StaffMailBody = { html: string; text: string };

async function createForEach(
  db: Db,
  shop: string,
  recipients: string[],
  now: Date,
  build: (address: string) => { type: string; reason: string; dedupeKey: string; subject: string } & StaffMailBody,
): Promise<string[]> {
  const ids: string[] = [];
  for (const address of recipients) {
    const mail = build(address);
    try {
      const row = await db.outboxMessage.create({
        data: { shop, ...mail, audience: "staff", marketing: false, locale: "en", toAddress: address, sendAfter: now, createdAt: now },
        select: { id: true },
      });
      ids.push(row.id);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return ids;
}

function renderStaffMail(input: { heading: string; blocks: { title?: string; lines: string[] }[]; link?: { label: string; url: string }; shopName: string }): StaffMailBody {
  if (input.link && !/^https?:\/\//i.test(input.link.url)) throw new Error(`A staff mail link must be an http(s) URL (got ${input.link.url}).`);
  const footer = `Sent by Aftercare for ${input.shopName}. You receive this because your address is in Aftercare's notification settings.`;

  const text = [
    input.heading,
    "",
    ...input.blocks.flatMap((block) => [...(block.title ? [block.title, "-".repeat(block.title.length)] : []), ...block.lines, ""]),
    ...(input.link ? [`${input.link.label}: ${input.link.url}`, ""] : []),
    "--",
    footer,
  ].join("\n");

  const paragraph = "margin:0 0 8px;font-size:14px;line-height:20px;color:#303030";
  const html = [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>',
    '<body style="margin:0;padding:24px;background:#f6f6f7;font-family:-apple-system,BlinkMacSystemFont,\'Segoe UI\',Roboto,Helvetica,Arial,sans-serif">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">',
    `<h1 style="margin:0 0 16px;font-size:18px;line-height:24px;color:#202223">${escapeHtml(input.heading)}</h1>`,
    ...input.blocks.map((block) =>
      [
        block.title ? `<h2 style="margin:16px 0 8px;font-size:15px;line-height:20px;color:#202223">${escapeHtml(block.title)}</h2>` : "",
        ...block.lines.map((line) => `<p style="${paragraph}">${escapeHtml(line)}</p>`),
      ].join(""),
    ),
    input.link
      ? `<p style="margin:16px 0 0"><a href="${escapeHtml(input.link.url)}" style="display:inline-block;padding:8px 16px;background:#303030;color:#ffffff;border-radius:6px;text-decoration:none;font-size:14px">${escapeHtml(input.link.label)}</a></p>`
      : "",
    "</div>",
    `<p style="max-width:560px;margin:16px auto 0;font-size:12px;line-height:16px;color:#6d7175">${escapeHtml(footer)}</p>`,
    "</body></html>",
  ].join("\n");

  return { html, text };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
