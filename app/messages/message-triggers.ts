// Which automatic messages an order's history calls for, and when each is due: placed → order
// confirmation, each parcel sent with a tracking number → dispatch note, first delivery →
// check-in and, later, a review request. Happenings from before the install or older than a
// few days never trigger anything (a backfill must not mail last month's shoppers). Pure.
import { MESSAGE_TYPES, type MessageType } from "~/messages/catalog";
import type { MessageTypeSettings } from "~/messages/message-settings";

export type TriggerOrder = {
  orderId: string;
  placedAt: Date;
  cancelledAt: Date | null;
  fulfillments: { fulfillmentId: string; status: string; trackingNumber: string | null; createdAt: Date; deliveredAt: Date | null }[];
};

export type TriggerWindow = {
  /** Happenings before this (the app's install) never trigger. */
  notBefore: Date;
  now: Date;
  /** Happenings older than this many minutes before `now` never trigger. */
  maxAgeMinutes: number;
};

export type DueMessage = {
  type: MessageType;
  /** What makes it distinct for the order: the fulfillment id of a dispatch note, else "". */
  reason: string;
  /** When the happening that calls for it took place. */
  triggeredAt: Date;
  /** `triggeredAt` plus the type's delay (may be in the past: send at once). */
  sendAt: Date;
};

const MINUTE = 60_000;

/** Shopify's fulfillment status for a parcel that left (stored lower-case: "success"). */
function isSuccessful(status: string): boolean {
  return status.trim().toLowerCase() === "success";
}

/**
 * The automatic messages the order calls for, sorted by `sendAt`, then catalogue order, then
 * reason. None for a cancelled order; none of a type the merchant turned off. Deduplication
 * against messages already sent is the caller's (dedupe keys).
 */
export function automaticMessages(order: TriggerOrder, settings: Record<MessageType, MessageTypeSettings>, window: TriggerWindow): DueMessage[] {
  if (order.cancelledAt) return [];
  const earliest = Math.max(window.notBefore.getTime(), window.now.getTime() - window.maxAgeMinutes * MINUTE);
  const due: DueMessage[] = [];
  const add = (type: MessageType, reason: string, triggeredAt: Date) => {
    const setting = settings[type];
    if (!setting.enabled || triggeredAt.getTime() < earliest) return;
    due.push({ type, reason, triggeredAt, sendAt: new Date(triggeredAt.getTime() + setting.delayMinutes * MINUTE) });
  };

  add("order_confirmation", "", order.placedAt);

  const sent = order.fulfillments.filter((fulfillment) => isSuccessful(fulfillment.status));
  for (const fulfillment of sent) {
    if (fulfillment.trackingNumber?.trim()) add("dispatch_note", fulfillment.fulfillmentId, fulfillment.createdAt);
  }

  const deliveries = sent.flatMap((fulfillment) => (fulfillment.deliveredAt ? [fulfillment.deliveredAt.getTime()] : []));
  if (deliveries.length > 0) {
    const firstDelivery = new Date(Math.min(...deliveries));
    add("delivery_check_in", "", firstDelivery);
    add("review_request", "", firstDelivery);
  }

  return due.sort(
    (a, b) =>
      a.sendAt.getTime() - b.sendAt.getTime() ||
      MESSAGE_TYPES.indexOf(a.type) - MESSAGE_TYPES.indexOf(b.type) ||
      (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0),
  );
}
