// The message jobs: compose a requested message into the outbox, deliver an outbox row (SMTP,
// or kept in the outbox when the shop has no mail server), and send each shop's daily digest
// at its hour.
import { shopAdmin } from "./shop-admin.server";
import { z } from "zod";
import prisma from "../db.server";
import { getConfig } from "../config.server";
import { composeMessage } from "../messages/compose-message.server";
import { deliverOutboxMessage } from "../messages/deliver-outbox.server";
import { mailTransportFor, type MailTransport } from "../messages/mailer.server";
import { digestDue, queueDailyDigest } from "../messages/merchant-notifications.server";
import { COMPOSE_MESSAGE_JOB, DAILY_DIGEST_JOB, DELIVER_MESSAGE_JOB, enqueueDelivery } from "../messages/request-message.server";
import { DEFAULT_MAX_ATTEMPTS, type JobHandlers } from "./queue";
import type { JobQueue } from "./queue.server";
import type { ScheduledJob } from "./schedule.server";

export const DIGEST_CHECK_EVERY_MS = 60 * 60_000;

const DeliverJob = z.object({ messageId: z.string().min(1) });

/** The shop's SMTP transport, or null when it has none (messages are kept in the outbox). */
export function transportFor(shop: string): Promise<MailTransport | null> {
  return mailTransportFor(prisma, shop, getConfig().apiSecret);
}

export function messageJobHandlers(queue: JobQueue): JobHandlers {
  return {
    async [COMPOSE_MESSAGE_JOB](payload, { shop }) {
      const admin = await shopAdmin(shop);
      await composeMessage(prisma, shop, payload as never, new Date(), {
        admin,
        enqueueDelivery: (messageId, runAt) => enqueueDelivery(queue, shop, messageId, runAt),
      });
    },

    async [DELIVER_MESSAGE_JOB](payload, { shop, attempt }) {
      const { messageId } = DeliverJob.parse(payload);
      const result = await deliverOutboxMessage(prisma, shop, messageId, new Date(), { transportFor, lastAttempt: attempt >= DEFAULT_MAX_ATTEMPTS });
      // Not due yet (quiet hours moved it): come back then.
      if (result.status === "skipped" && result.sendAfter) await enqueueDelivery(queue, shop, messageId, result.sendAfter);
    },

    async [DAILY_DIGEST_JOB](_payload, { shop }) {
      const now = new Date();
      const settings = await prisma.shopSettings.findUnique({ where: { shop } });
      if (!settings || !digestDue(now, settings.timezone, settings.digestHour, null)) return;
      for (const messageId of await queueDailyDigest(prisma, shop, now)) await enqueueDelivery(queue, shop, messageId);
    },
  };
}

export const messageSchedules: ScheduledJob[] = [
  {
    name: DAILY_DIGEST_JOB,
    everyMs: DIGEST_CHECK_EVERY_MS,
    shops: async () =>
      (
        await prisma.shopSettings.findMany({ where: { digestRecipients: { not: "" } }, select: { shop: true } })
      ).map((row) => row.shop),
  },
];
