// Holding fulfillment until the customer confirms the order (WatchSettings.holdUntilConfirmed):
// which of an order's fulfillment orders to hold and which of the app's holds to release.
// The app's hold is recognised by its handle and by being the requesting app's. Pure.

/** The handle of the app's hold: one per fulfillment order, so holding twice is harmless. */
export const CONFIRMATION_HOLD_HANDLE = "aftercare-confirmation";

export const CONFIRMATION_HOLD = {
  handle: CONFIRMATION_HOLD_HANDLE,
  reason: "OTHER",
  reasonNotes: "Waiting for the customer to confirm the order (Aftercare). Released when it is confirmed.",
  notifyMerchant: false,
} as const;

export type HoldableFulfillmentOrder = {
  id: string;
  /** FulfillmentOrderStatus */
  status: string;
  fulfillmentHolds: readonly { id: string; handle?: string | null; heldByRequestingApp: boolean }[];
};

/** Only work not yet started can be held: open ones, and ones already on hold for another reason. */
const HOLDABLE_STATUSES = new Set(["OPEN", "ON_HOLD"]);

const isOurs = (hold: HoldableFulfillmentOrder["fulfillmentHolds"][number]) => hold.heldByRequestingApp && hold.handle === CONFIRMATION_HOLD_HANDLE;

/** The fulfillment orders to hold: holdable, and not already held by the app. */
export function fulfillmentOrdersToHold(orders: readonly HoldableFulfillmentOrder[]): string[] {
  return orders.filter((order) => HOLDABLE_STATUSES.has(order.status) && !order.fulfillmentHolds.some(isOurs)).map((order) => order.id);
}

/** The app's holds to release, per fulfillment order; other holds stay. */
export function confirmationHoldsToRelease(orders: readonly HoldableFulfillmentOrder[]): { id: string; holdIds: string[] }[] {
  return orders
    .map((order) => ({ id: order.id, holdIds: order.fulfillmentHolds.filter(isOurs).map((hold) => hold.id) }))
    .filter((entry) => entry.holdIds.length > 0);
}
