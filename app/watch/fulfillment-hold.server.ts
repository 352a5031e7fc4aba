// Holds an order's fulfillment until the customer confirms it, and releases the hold after:
// one query for the order's fulfillment orders, then one fulfillmentOrderHold (reason OTHER,
// with a note and the app's handle) per fulfillment order not yet held by the app, or one
// fulfillmentOrderReleaseHold per fulfillment order naming only the app's own hold. Both are
// idempotent: calling again changes nothing. A missing order is a permanent error (404).
import type { AdminClient } from "~/shopify.server";
import { AdminApiError, adminQuery, assertNoUserErrors } from "~/shopify/admin-graphql.server";
import { FULFILLMENT_ORDER_HOLD_MUTATION } from "~/shopify/graphql/fulfillment-order-hold";
import { FULFILLMENT_ORDER_RELEASE_HOLD_MUTATION } from "~/shopify/graphql/fulfillment-order-release-hold";
import { ORDER_FULFILLMENT_HOLDS_QUERY } from "~/shopify/graphql/order-fulfillment-holds";
import type { FulfillmentOrderHoldMutation, FulfillmentOrderReleaseHoldMutation, OrderFulfillmentHoldsQuery } from "~/types/admin.generated";
import { CONFIRMATION_HOLD, confirmationHoldsToRelease, fulfillmentOrdersToHold, type HoldableFulfillmentOrder } from "./fulfillment-hold";

type AdminGraphql = Pick<AdminClient, "graphql">;

async function fulfillmentOrdersOf(admin: AdminGraphql, orderGid: string): Promise<HoldableFulfillmentOrder[]> {
  const data = await adminQuery<OrderFulfillmentHoldsQuery>(admin, ORDER_FULFILLMENT_HOLDS_QUERY, { id: orderGid });
  if (!data.order) throw new AdminApiError(`OrderFulfillmentHolds: order ${orderGid} was not found`, "OrderFulfillmentHolds", ["NOT_FOUND"], 404);
  return data.order.fulfillmentOrders.nodes;
}

/** Puts the app's confirmation hold on each open fulfillment order of the order. */
export async function holdForConfirmation(admin: AdminGraphql, orderGid: string): Promise<{ held: number }> {
  const toHold = fulfillmentOrdersToHold(await fulfillmentOrdersOf(admin, orderGid));
  for (const id of toHold) {
    const result = await adminQuery<FulfillmentOrderHoldMutation>(admin, FULFILLMENT_ORDER_HOLD_MUTATION, { id, fulfillmentHold: CONFIRMATION_HOLD });
    // Another run got there first: the hold is there, which is what was wanted.
    const userErrors = result.fulfillmentOrderHold?.userErrors.filter((error) => error.code !== "DUPLICATE_FULFILLMENT_HOLD_HANDLE");
    assertNoUserErrors("FulfillmentOrderHold", userErrors);
  }
  return { held: toHold.length };
}

/** Releases the app's confirmation holds on the order's fulfillment orders (other holds stay). */
export async function releaseConfirmationHold(admin: AdminGraphql, orderGid: string): Promise<{ released: number }> {
  const toRelease = confirmationHoldsToRelease(await fulfillmentOrdersOf(admin, orderGid));
  for (const { id, holdIds } of toRelease) {
    const result = await adminQuery<FulfillmentOrderReleaseHoldMutation>(admin, FULFILLMENT_ORDER_RELEASE_HOLD_MUTATION, { id, holdIds });
    assertNoUserErrors("FulfillmentOrderReleaseHold", result.fulfillmentOrderReleaseHold?.userErrors);
  }
  return { released: toRelease.length };
}
