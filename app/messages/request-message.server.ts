// The one way features ask for a shopper message: queue its composition. The dedupe key is the
// queue's singleton key too, so asking twice before the first is composed queues it once; the
// outbox's unique key settles everything after that.
import type { JobQueue } from "~/jobs/queue.server";
import { messageDedupeKey } from "./dedupe";
import { MessageRequestSchema, type MessageRequest } from "./message-request";

export const COMPOSE_MESSAGE_JOB = "messages.compose";
export const DELIVER_MESSAGE_JOB = "messages.deliver";
export const DAILY_DIGEST_JOB = "messages.digest";

type Enqueue = Pick<JobQueue, "enqueue">;

/** Queues the message; `runAt` delays the composition (a check-in a day after delivery). */
export function requestMessage(queue: Enqueue, shop: string, input: MessageRequest, options: { runAt?: Date } = {}): Promise<string | null> {
  const request = MessageRequestSchema.parse(input);
  const key = messageDedupeKey({ type: request.type, orderId: request.orderId, reason: request.reason });
  return queue.enqueue(COMPOSE_MESSAGE_JOB, shop, request, { singletonKey: `${COMPOSE_MESSAGE_JOB}:${key}`, ...(options.runAt ? { runAt: options.runAt } : {}) });
}

export function enqueueDelivery(queue: Enqueue, shop: string, messageId: string, runAt?: Date): Promise<string | null> {
  return queue.enqueue(DELIVER_MESSAGE_JOB, shop, { messageId }, { singletonKey: `${DELIVER_MESSAGE_JOB}:${messageId}`, ...(runAt ? { runAt } : {}) });
}
