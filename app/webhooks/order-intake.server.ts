// Wires the lean intake for order topics to the app's database, secret and queue.
import prisma, { isUniqueViolation } from "../db.server";
import { getConfig } from "../config.server";
import { getJobQueue } from "../jobs/runtime.server";
import { applyDelivery } from "../orders/apply-delivery.server";
import { authenticate } from "../shopify.server";
import { createShopActivityCheck } from "../shops/shop-activity.server";
import { receiveWebhook } from "./intake.server";
import { createPgDeliveryRecorder } from "./pg-delivery-recorder.server";
import type { DbTransaction } from "../jobs/queue.server";
import { APPLY_DELIVERY_JOB, type OrderTopic } from "./order-topics";
import { accepted, handleWebhook } from "./respond.server";

export const shopActivity = createShopActivityCheck(prisma);

const enqueueDelivery = (tx: DbTransaction, delivery: { id: string; shop: string }) =>
  getJobQueue().enqueue(APPLY_DELIVERY_JOB, delivery.shop, { deliveryId: delivery.id }, { tx });

let pgRecorder: ReturnType<typeof createPgDeliveryRecorder> | undefined;

function recorder() {
  const config = getConfig();
  if (config.database !== "postgres") return undefined;
  // pg-boss only calls $queryRawUnsafe on the transaction it is given.
  pgRecorder ??= createPgDeliveryRecorder(config.databaseUrl, (tx, delivery) => enqueueDelivery(tx as unknown as DbTransaction, delivery));
  return pgRecorder.record;
}

export function receiveOrderWebhook(request: Request, topic: OrderTopic): Promise<Response> {
  if (getConfig().orderWebhooksInline) return receiveInline(request);
  return receiveWebhook(request, topic, {
    db: prisma,
    secret: getConfig().apiSecret,
    isShopActive: (shop) => shopActivity.isActive(shop),
    enqueue: enqueueDelivery,
    record: recorder(),
  });
}

/**
 * The benchmark's comparison (ORDER_WEBHOOKS_INLINE=1, loopback only): the usual template
 * style — the library authenticates (HMAC and a session lookup), and the whole work is done
 * before answering.
 */
function receiveInline(request: Request): Promise<Response> {
  return handleWebhook(request, async () => {
    const raw = await request.clone().text();
    const { shop, topic, webhookId } = await authenticate.webhook(request);
    const headerTopic = request.headers.get("x-shopify-topic") ?? topic;
    try {
      const delivery = await prisma.webhookDelivery.create({
        data: { shop, topic: headerTopic, webhookId, eventId: request.headers.get("x-shopify-event-id"), payload: raw },
        select: { id: true },
      });
      await applyDelivery(prisma, shop, delivery.id, new Date());
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    return accepted();
  });
}
