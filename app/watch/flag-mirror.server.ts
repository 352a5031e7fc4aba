// Mirrors an order's flags to Shopify and tells Flow about flag changes. The mirror reads the
// order's tags and its $app:aftercare.watch metafield as Shopify has them (one cheap query),
// and writes only what differs: at most one tagsAdd, one tagsRemove and one metafieldsSet, none
// at all when nothing changed. Only tags the app owns are removed: the ones it last wrote
// (OrderCare.mirroredTags) and any flag tag of the shop's current prefix.
import type { Db } from "~/db.server";
import type { AdminClient } from "~/shopify.server";
import { AdminApiError, adminQuery, assertNoUserErrors, type UserError } from "~/shopify/admin-graphql.server";
import { FLOW_TRIGGER_RECEIVE_MUTATION } from "~/shopify/graphql/flow-trigger-receive";
import { ORDER_FLAG_TAGS_ADD_MUTATION } from "~/shopify/graphql/order-flag-tags-add";
import { ORDER_FLAG_TAGS_REMOVE_MUTATION } from "~/shopify/graphql/order-flag-tags-remove";
import { ORDER_WATCH_METAFIELD_SET_MUTATION } from "~/shopify/graphql/order-watch-metafield-set";
import { ORDER_WATCH_MIRROR_STATE_QUERY } from "~/shopify/graphql/order-watch-mirror-state";
import type {
  FlowTriggerReceiveMutation,
  OrderFlagTagsAddMutation,
  OrderFlagTagsRemoveMutation,
  OrderWatchMetafieldSetMutation,
  OrderWatchMirrorStateQuery,
} from "~/types/admin.generated";
import {
  allFlagTags,
  DEFAULT_TAG_PREFIX,
  desiredFlagTags,
  flowPayloads,
  tagDiff,
  WATCH_METAFIELD,
  watchMetafieldChanged,
  watchMetafieldValue,
  type FlowChange,
} from "./flag-mirror";

export type AdminGraphql = Pick<AdminClient, "graphql">;

/** Flags in these states are on the order (handled and snoozed ones are still there, only out of the list). */
const PRESENT_STATUSES = ["open", "handled", "snoozed"];

/** The order is gone from Shopify (deleted, or never there): retrying cannot help. */
function orderMissing(operation: string, orderGid: string): AdminApiError {
  return new AdminApiError(`${operation}: order ${orderGid} was not found`, operation, ["NOT_FOUND"], 404);
}

const NOT_FOUND_MESSAGE = /not (be )?found|does not exist|doesn't exist/i;

/** userErrors, with "the order does not exist" turned into a permanent (404) error. */
function checkUserErrors(operation: string, orderGid: string, userErrors: UserError[] | null | undefined): void {
  if (userErrors?.some((error) => NOT_FOUND_MESSAGE.test(error.message))) throw orderMissing(operation, orderGid);
  assertNoUserErrors(operation, userErrors);
}

/**
 * Brings the order's flag tags and watch metafield in Shopify in line with its flags.
 * `wrote: false` when Shopify already showed them (nothing was written) or the order is not in
 * the app. A missing order is a permanent AdminApiError (404); other userErrors are retryable.
 */
export async function mirrorOrderFlags(db: Db, admin: AdminGraphql, shop: string, orderId: string, now: Date): Promise<{ wrote: boolean }> {
  const [care, settings, flags] = await Promise.all([
    db.orderCare.findUnique({
      where: { shop_orderId: { shop, orderId } },
      select: { orderGid: true, mirroredTags: true, confirmedAt: true, watchEvaluatedAt: true },
    }),
    db.watchSettings.findUnique({ where: { shop }, select: { tagPrefix: true } }),
    db.orderFlag.findMany({
      where: { shop, orderId, status: { in: PRESENT_STATUSES } },
      select: { kind: true, reason: true, dueAt: true, since: true, status: true },
    }),
  ]);
  if (!care) return { wrote: false };
  const prefix = settings?.tagPrefix || DEFAULT_TAG_PREFIX;
  const desired = desiredFlagTags(prefix, flags.map((flag) => flag.kind));
  const value = watchMetafieldValue({ flags, confirmedAt: care.confirmedAt, evaluatedAt: care.watchEvaluatedAt ?? now });

  const state = await adminQuery<OrderWatchMirrorStateQuery>(admin, ORDER_WATCH_MIRROR_STATE_QUERY, {
    id: care.orderGid,
    namespace: WATCH_METAFIELD.namespace,
    key: WATCH_METAFIELD.key,
  });
  if (!state.order) throw orderMissing("OrderWatchMirrorState", care.orderGid);

  // The app's tags on the order now: what it wrote last, and any flag tag of the current prefix.
  const ours = new Set([...splitTags(care.mirroredTags), ...allFlagTags(prefix)].map((tag) => tag.toLowerCase()));
  const present = state.order.tags.filter((tag) => ours.has(tag.toLowerCase()));
  const { add, remove } = tagDiff(present, desired);
  const writeMetafield = watchMetafieldChanged(state.order.watch?.jsonValue ?? null, value);

  if (add.length > 0) {
    const result = await adminQuery<OrderFlagTagsAddMutation>(admin, ORDER_FLAG_TAGS_ADD_MUTATION, { id: care.orderGid, tags: add });
    checkUserErrors("OrderFlagTagsAdd", care.orderGid, result.tagsAdd?.userErrors);
  }
  if (remove.length > 0) {
    const result = await adminQuery<OrderFlagTagsRemoveMutation>(admin, ORDER_FLAG_TAGS_REMOVE_MUTATION, { id: care.orderGid, tags: remove });
    checkUserErrors("OrderFlagTagsRemove", care.orderGid, result.tagsRemove?.userErrors);
  }
  if (writeMetafield) {
    const { namespace, key, type } = WATCH_METAFIELD;
    const result = await adminQuery<OrderWatchMetafieldSetMutation>(admin, ORDER_WATCH_METAFIELD_SET_MUTATION, {
      metafields: [{ ownerId: care.orderGid, namespace, key, type, value: JSON.stringify(value) }],
    });
    checkUserErrors("OrderWatchMetafieldSet", care.orderGid, result.metafieldsSet?.userErrors);
  }

  const mirroredTags = desired.join(",");
  if (mirroredTags !== care.mirroredTags) {
    await db.orderCare.update({ where: { shop_orderId: { shop, orderId } }, data: { mirroredTags } });
  }
  return { wrote: add.length > 0 || remove.length > 0 || writeMetafield };
}

function splitTags(tags: string): string[] {
  return tags.split(",").map((tag) => tag.trim()).filter(Boolean);
}

/** Every trigger call was tried; some were refused. Shopify will refuse them again: not retried. */
export class FlowTriggerError extends AdminApiError {
  constructor(message: string) {
    super(message, "FlowTriggerReceive", ["USER_ERROR"]);
    this.name = "FlowTriggerError";
  }

  override get permanent(): boolean {
    return true;
  }
}

/**
 * Sends the change to Flow: one flowTriggerReceive per raised flag, per cleared flag, and one
 * for a confirmation. All calls are made even when one is refused (so one bad payload does not
 * hold back the others); refusals are then thrown together as a permanent FlowTriggerError,
 * since a retry would send the accepted ones twice and the refused ones would fail again.
 * Transport errors (network, throttling) are thrown at once and retried by the job.
 */
export async function sendFlowTriggers(admin: AdminGraphql, shop: string, change: FlowChange): Promise<{ sent: number }> {
  const calls = flowPayloads(change, `gid://shopify/Order/${change.orderId}`);
  const refused: string[] = [];
  for (const call of calls) {
    const result = await adminQuery<FlowTriggerReceiveMutation>(admin, FLOW_TRIGGER_RECEIVE_MUTATION, { handle: call.handle, payload: call.payload });
    const userErrors = result.flowTriggerReceive?.userErrors ?? [];
    if (userErrors.length > 0) refused.push(`${call.handle}: ${userErrors.map((error) => error.message).join("; ")}`);
  }
  if (refused.length > 0) throw new FlowTriggerError(`FlowTriggerReceive for ${shop}, order ${change.orderId}: ${refused.join(" | ")}`);
  return { sent: calls.length };
}
