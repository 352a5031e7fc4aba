// The returns' jobs: a step's effects (queued with the step, carried out again if they failed
// when it was taken — each effect repeats nothing already done), the returns webhooks (a
// delivery recorded by the route, followed here from Shopify's current state), and an hourly
// clean-up of the storefront lookup counters once their window is long gone.
import { shopAdmin } from "./shop-admin.server";
import { z } from "zod";
import prisma from "../db.server";
import { carryOutQueued, RETURN_EFFECTS_JOB, type EffectsJobPayload } from "../returns/return-service.server";
import { applyReturnWebhook, RETURN_WEBHOOK_JOB } from "../returns/return-webhooks.server";
import type { JobHandlers } from "./queue";
import type { JobQueue } from "./queue.server";
import { ALL_SHOPS } from "./schedule";
import type { ScheduledJob } from "./schedule.server";

export { RETURN_EFFECTS_JOB, RETURN_WEBHOOK_JOB };
export const LOOKUP_CLEANUP_JOB = "returns.lookup-cleanup";
/** Lookup counters are kept a day (the rate limit needs 15 minutes). */
const LOOKUP_KEEP_MS = 86_400_000;

const EffectsJob = z.object({
  returnId: z.string().min(1),
  effects: z.array(z.object({ kind: z.string() }).passthrough()),
  origin: z.enum(["app", "shopify", "carrier"]),
  requestedBy: z.enum(["automatic", "merchant"]),
  actor: z.enum(["shopper", "merchant", "webhook"]),
});
const WebhookJob = z.object({ deliveryId: z.string().min(1) });

export function returnJobHandlers(queue: JobQueue): JobHandlers {
  return {
    async [RETURN_EFFECTS_JOB](payload, { shop }) {
      const job = EffectsJob.parse(payload) as EffectsJobPayload;
      await carryOutQueued(prisma, await shopAdmin(shop), queue, shop, job, new Date());
    },

    async [RETURN_WEBHOOK_JOB](payload, { shop }) {
      const { deliveryId } = WebhookJob.parse(payload);
      await applyReturnWebhook(prisma, await shopAdmin(shop), queue, shop, deliveryId, new Date());
    },

    async [LOOKUP_CLEANUP_JOB]() {
      await prisma.lookupAttempt.deleteMany({ where: { windowStart: { lt: new Date(Date.now() - LOOKUP_KEEP_MS) } } });
    },
  };
}

/** The clean-up is not one shop's: one run per hour across shops, recorded under this name. */
export const LOOKUP_CLEANUP_SCOPE = `${ALL_SHOPS}returns-lookups`;

export const returnSchedules: ScheduledJob[] = [{ name: LOOKUP_CLEANUP_JOB, everyMs: 60 * 60_000, shops: async () => [LOOKUP_CLEANUP_SCOPE] }];
