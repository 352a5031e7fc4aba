// The returns' jobs: a step's effects (queued with the step, carried out again if they failed
// when it was taken — each effect repeats nothing already done), and the returns webhooks
// (a delivery recorded by the route, followed here from Shopify's current state).
import { z } from "zod";
import prisma from "../db.server";
import { unauthenticated } from "../shopify.server";
import { carryOutQueued, RETURN_EFFECTS_JOB, type EffectsJobPayload } from "../returns/return-service.server";
import { applyReturnWebhook, RETURN_WEBHOOK_JOB } from "../returns/return-webhooks.server";
import { ShopUninstalledError, type JobHandlers } from "./queue";
import type { JobQueue } from "./queue.server";
import type { ScheduledJob } from "./schedule.server";

export { RETURN_EFFECTS_JOB, RETURN_WEBHOOK_JOB };

const EffectsJob = z.object({
  returnId: z.string().min(1),
  effects: z.array(z.object({ kind: z.string() }).passthrough()),
  origin: z.enum(["app", "shopify", "carrier"]),
  requestedBy: z.enum(["automatic", "merchant"]),
  actor: z.enum(["shopper", "merchant", "webhook"]),
});
const WebhookJob = z.object({ deliveryId: z.string().min(1) });

async function adminFor(shop: string) {
  const row = await prisma.shop.findUnique({ where: { shop }, select: { status: true } });
  if (row?.status === "uninstalled") throw new ShopUninstalledError(shop);
  const { admin } = await unauthenticated.admin(shop);
  return admin;
}

export function returnJobHandlers(queue: JobQueue): JobHandlers {
  return {
    async [RETURN_EFFECTS_JOB](payload, { shop }) {
      const job = EffectsJob.parse(payload) as EffectsJobPayload;
      await carryOutQueued(prisma, await adminFor(shop), queue, shop, job, new Date());
    },

    async [RETURN_WEBHOOK_JOB](payload, { shop }) {
      const { deliveryId } = WebhookJob.parse(payload);
      await applyReturnWebhook(prisma, await adminFor(shop), queue, shop, deliveryId, new Date());
    },
  };
}

/** Nothing runs on a schedule: returns move by shoppers, merchants and Shopify's webhooks. */
export const returnSchedules: ScheduledJob[] = [];
