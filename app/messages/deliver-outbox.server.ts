// Delivery of one outbox message: the job handler's work, and the admin's Resend button.
//
// A row moves queued -> sending -> sent | queued (temporary failure, the job retries) | failed
// (permanent failure). "sending" is a lease: the worker that moves a row there is the only one
// that talks to the mail server about it, so two workers (a duplicated job, a retry racing a
// slow first attempt) never send it twice. A lease older than SENDING_LEASE_MS belongs to a
// worker that died and may be taken over. Without a mail server (outbox-only mode) a row is
// held: kept, and sent when the merchant resends it. A promotional message to a shopper who
// has since unsubscribed is suppressed instead of sent.
import { z } from "zod";
import { DAY_GRACE_MS, markDashboardDays } from "~/dashboard/dashboard-days.server";
import type { Db } from "~/db.server";
import { PermanentJobError } from "~/jobs/queue";
import { MailSetupError, type MailTransport, type OutgoingMail } from "./mailer.server";
import { classifySmtpError } from "./smtp-errors";
import { suppressionHash } from "./shopper-answers.server";

export { suppressionHash };

/** How long a worker may hold a row in "sending" before another may take it over. */
export const SENDING_LEASE_MS = 10 * 60_000;

export const NO_MAIL_SERVER_REASON = "No mail server is set up: the message is kept in the outbox.";
export const UNSUBSCRIBED_REASON = "The shopper unsubscribed from promotional email.";

export type DeliveryStatus = "sent" | "held" | "failed" | "suppressed" | "skipped" | "not_found";

export type DeliveryResult = {
  /** Where the message stands after this call; "skipped" when it is not due yet. */
  status: DeliveryStatus;
  /** This call handed the message to the mail server. */
  delivered: boolean;
  /** Why held, failed, suppressed or skipped, in words. */
  reason?: string;
  providerMessageId?: string;
  /** skipped: not to be sent before this (the job is scheduled for then). */
  sendAfter?: Date;
};

export type DeliveryDeps = {
  /** The shop's mail transport, or null in outbox-only mode (mailTransportFor in production). */
  transportFor(shop: string): Promise<MailTransport | null>;
  /** The job's last attempt: a temporary failure is then recorded as failed, and not retried. */
  lastAttempt?: boolean;
};

/** Thrown for a temporary failure: the job queue tries again later (isPermanentError is false). */
export class DeliveryRetryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DeliveryRetryError";
  }
}

const StoredHeaders = z.record(z.string(), z.string());
const StoredAttachments = z.array(z.object({ filename: z.string().min(1), contentType: z.string().min(1), contentBase64: z.string() }));

/** The MessageSuppression key of an address: sha256 (hex) of the trimmed, lower-cased address. */

function leaseCutoff(now: Date): Date {
  return new Date(now.getTime() - SENDING_LEASE_MS);
}

/** Rows this worker may act on now: queued and due, or left in "sending" by a worker that died. */
function claimable(shop: string, messageId: string, now: Date) {
  return {
    id: messageId,
    shop,
    sendAfter: { lte: now },
    OR: [{ status: "queued" }, { status: "sending", lastAttemptAt: { lt: leaseCutoff(now) } }, { status: "sending", lastAttemptAt: null }],
  };
}

/** Rows whose lease another worker holds make this attempt fail and retry: it will find the outcome. */
function inProgress(): DeliveryRetryError {
  return new DeliveryRetryError("Another worker is sending this message right now; it will be checked again.");
}

export async function deliverOutboxMessage(db: Db, shop: string, messageId: string, now: Date, deps: DeliveryDeps): Promise<DeliveryResult> {
  // The row as read by the attempts: what the dashboard's mark needs, without reading it again.
  const seen: Seen = { message: null };
  try {
    // A row that changed under us (another worker, a resend) is looked at again from the start.
    for (let look = 0; look < 3; look += 1) {
      const result = await tryDeliver(db, shop, messageId, now, deps, seen);
      if (result !== "changed") return result;
    }
    throw inProgress();
  } finally {
    if (seen.message) await markMessageDay(db, shop, seen.message, now);
  }
}

type Seen = { message: { createdAt: Date; audience: string } | null };

/**
 * The dashboard counts shopper messages by status on the day they were written: a status
 * that changes long after (a retry, quiet hours, a resend) marks that day stale.
 */
async function markMessageDay(db: Db, shop: string, message: { createdAt: Date; audience: string }, now: Date): Promise<void> {
  if (message.audience === "shopper" && now.getTime() - message.createdAt.getTime() >= DAY_GRACE_MS) await markDashboardDays(db, shop, [message.createdAt], now);
}

async function tryDeliver(db: Db, shop: string, messageId: string, now: Date, deps: DeliveryDeps, seen: Seen): Promise<DeliveryResult | "changed"> {
  const row = await db.outboxMessage.findFirst({ where: { id: messageId, shop } });
  seen.message = row;
  if (!row) return { status: "not_found", delivered: false };

  switch (row.status) {
    case "sent":
      return { status: "sent", delivered: false, providerMessageId: row.providerMessageId ?? undefined };
    case "held":
    case "failed":
    case "suppressed":
      return { status: row.status, delivered: false, reason: row.statusReason ?? undefined };
    case "sending":
      if (row.lastAttemptAt && row.lastAttemptAt >= leaseCutoff(now)) throw inProgress();
      break;
    case "queued":
      break;
    default:
      throw new PermanentJobError(`Outbox message ${messageId} has an unknown status "${row.status}".`);
  }
  if (row.sendAfter > now) return { status: "skipped", delivered: false, sendAfter: row.sendAfter, reason: "Not due yet." };

  if (row.audience === "shopper" && row.marketing) {
    const suppressed = await db.messageSuppression.findUnique({ where: { shop_emailHash: { shop, emailHash: suppressionHash(row.toAddress) } } });
    if (suppressed) {
      const { count } = await db.outboxMessage.updateMany({ where: claimable(shop, messageId, now), data: { status: "suppressed", statusReason: UNSUBSCRIBED_REASON } });
      return count === 1 ? { status: "suppressed", delivered: false, reason: UNSUBSCRIBED_REASON } : "changed";
    }
  }

  let transport: MailTransport | null;
  try {
    transport = await deps.transportFor(shop);
  } catch (error) {
    if (!(error instanceof MailSetupError)) throw error;
    return hold(db, shop, messageId, now, error.message);
  }
  if (!transport) return hold(db, shop, messageId, now, NO_MAIL_SERVER_REASON);

  const claim = await db.outboxMessage.updateMany({ where: claimable(shop, messageId, now), data: { status: "sending", lastAttemptAt: now } });
  if (claim.count === 0) return "changed";
  const claimed = await db.outboxMessage.findFirst({ where: { id: messageId, shop } });
  if (!claimed) return { status: "not_found", delivered: false };

  const finish = (data: { status: string; statusReason: string | null; sentAt?: Date; providerMessageId?: string }) =>
    db.outboxMessage.updateMany({
      where: { id: messageId, shop, status: "sending" },
      data: { ...data, attempts: { increment: 1 }, lastAttemptAt: now },
    });

  let mail: OutgoingMail;
  try {
    mail = outgoingMailOf(claimed);
  } catch (error) {
    const reason = `The message is stored in a form that cannot be sent (${error instanceof Error ? error.message : String(error)}).`;
    await finish({ status: "failed", statusReason: reason });
    throw new PermanentJobError(reason, { cause: error });
  }

  let providerMessageId: string;
  try {
    providerMessageId = (await transport.send(mail)).messageId;
  } catch (error) {
    const { kind, message } = classifySmtpError(error);
    if (kind === "permanent" || deps.lastAttempt) {
      const reason = kind === "permanent" ? message : `Gave up after ${claimed.attempts + 1} attempts. ${message.replace(/ It will be tried again\.$/, "")}`;
      await finish({ status: "failed", statusReason: reason });
      throw new PermanentJobError(reason, { cause: error });
    }
    await finish({ status: "queued", statusReason: message });
    throw new DeliveryRetryError(message, { cause: error });
  }

  await finish({ status: "sent", statusReason: null, sentAt: now, providerMessageId });
  return { status: "sent", delivered: true, providerMessageId };
}

async function hold(db: Db, shop: string, messageId: string, now: Date, reason: string): Promise<DeliveryResult | "changed"> {
  const { count } = await db.outboxMessage.updateMany({
    where: claimable(shop, messageId, now),
    data: { status: "held", statusReason: reason, lastAttemptAt: now },
  });
  return count === 1 ? { status: "held", delivered: false, reason } : "changed";
}

function outgoingMailOf(row: { toAddress: string; subject: string; html: string; text: string; headers: string; attachments: string | null }): OutgoingMail {
  const headers = StoredHeaders.parse(JSON.parse(row.headers || "{}"));
  const attachments = row.attachments ? StoredAttachments.parse(JSON.parse(row.attachments)) : [];
  return {
    to: row.toAddress,
    subject: row.subject,
    html: row.html,
    text: row.text,
    headers: Object.keys(headers).length > 0 ? headers : undefined,
    attachments: attachments.length > 0 ? attachments : undefined,
  };
}

export type ResendResult = { ok: boolean; message: string };

/**
 * The admin's Resend button: puts a held, failed or sent message back in the queue, due now
 * (its attempts are kept). The caller then enqueues its delivery job.
 */
export async function resendOutboxMessage(db: Db, shop: string, messageId: string, now: Date): Promise<ResendResult> {
  const row = await db.outboxMessage.findFirst({ where: { id: messageId, shop } });
  if (!row) return { ok: false, message: "This message is not in the outbox." };
  const leaseHeld = row.status === "sending" && row.lastAttemptAt !== null && row.lastAttemptAt >= leaseCutoff(now);
  if (leaseHeld) return { ok: false, message: "This message is being sent right now." };
  if (row.status === "suppressed") {
    return { ok: false, message: "The shopper unsubscribed from promotional email, so this message is not sent." };
  }
  if (!["queued", "sending", "held", "failed", "sent"].includes(row.status)) {
    return { ok: false, message: `This message cannot be resent (its status is "${row.status}").` };
  }

  // Only if nobody changed the row since it was read.
  const { count } = await db.outboxMessage.updateMany({
    where: { id: messageId, shop, status: row.status, lastAttemptAt: row.lastAttemptAt },
    data: { status: "queued", sendAfter: now, statusReason: null },
  });
  if (count === 0) return { ok: false, message: "This message changed in the meantime: look at it again." };
  await markMessageDay(db, shop, row, now);
  const message = row.status === "sent" ? "The message will be sent again." : row.status === "queued" ? "The message is waiting to be sent: it will be tried now." : "The message will be sent.";
  return { ok: true, message };
}
