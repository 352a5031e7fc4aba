// Adding a free product to an order through Shopify's order editing: begin an edit session, add
// the variant as a new line, take 100% off that line, commit (telling the customer or not).
//
// Resumable: each step's result is handed to `save` (the caller keeps it with the grant), so a
// retried job continues the stored session instead of starting over. Before the first step the
// number of order lines holding the variant is stored; finding more of them later means the
// commit went through (even if the job died before recording it), so the product is never added
// twice. Nothing is added to an order that is cancelled or that anybody has started fulfilling.
import type { AdminClient } from "~/shopify.server";
import { adminQuery, type UserError } from "~/shopify/admin-graphql.server";
import { GIFT_ORDER_EDIT_ADD_DISCOUNT_MUTATION } from "~/shopify/graphql/gift-order-edit-add-discount";
import { GIFT_ORDER_EDIT_ADD_VARIANT_MUTATION } from "~/shopify/graphql/gift-order-edit-add-variant";
import { GIFT_ORDER_EDIT_BEGIN_MUTATION } from "~/shopify/graphql/gift-order-edit-begin";
import { GIFT_ORDER_EDIT_COMMIT_MUTATION } from "~/shopify/graphql/gift-order-edit-commit";
import { GIFT_ORDER_EDIT_STATE_QUERY } from "~/shopify/graphql/gift-order-edit-state";
import type {
  GiftOrderEditAddDiscountMutation,
  GiftOrderEditAddVariantMutation,
  GiftOrderEditBeginMutation,
  GiftOrderEditCommitMutation,
  GiftOrderEditStateQuery,
} from "~/types/admin.generated";

type Admin = Pick<AdminClient, "graphql">;

/** What is kept between attempts. */
export type GiftEditState = {
  /** Lines of the order holding the variant before the edit. */
  linesBefore: number;
  sessionId?: string;
  lineItemId?: string;
  /** The added line's product and variant title, for the shopper's message. */
  title?: string;
  discounted?: boolean;
};

export type GiftEditInput = {
  orderGid: string;
  variantId: string;
  notifyCustomer: boolean;
  /** Shown on the order as the line discount's description. */
  description: string;
  staffNote: string;
};

export type GiftEditOutcome =
  /** The line is on the order, added now or by an earlier attempt (`alreadyCommitted`). */
  | { ok: true; alreadyCommitted: boolean; title: string | null }
  /** Shopify (or the order's state) refused: retrying will not help. */
  | { ok: false; reason: string };

/** Order states in which nothing has left or started leaving the warehouse. */
const EDITABLE_FULFILLMENT = new Set(["UNFULFILLED", "OPEN", "ON_HOLD", "SCHEDULED"]);

const FULFILLMENT_WORDS: Record<string, string> = {
  FULFILLED: "fulfilled",
  PARTIALLY_FULFILLED: "partly fulfilled",
  IN_PROGRESS: "being fulfilled",
  PENDING_FULFILLMENT: "being fulfilled",
  REQUEST_DECLINED: "refused by the fulfillment service",
  RESTOCKED: "restocked",
  FULFILLMENT_NOT_REQUIRED: "not to be shipped",
};

class EditRefused extends Error {}

export async function addFreeVariant(
  admin: Admin,
  input: GiftEditInput,
  stored: GiftEditState | null,
  save: (state: GiftEditState) => Promise<void>,
): Promise<GiftEditOutcome> {
  const { order } = await adminQuery<GiftOrderEditStateQuery>(admin, GIFT_ORDER_EDIT_STATE_QUERY, { id: input.orderGid });
  if (!order) return { ok: false, reason: "The order no longer exists in Shopify." };
  const lines = order.lineItems.nodes.filter((line) => line.variant?.id === input.variantId).length;
  if (stored && lines > stored.linesBefore) return { ok: true, alreadyCommitted: true, title: stored.title ?? null };
  if (order.cancelledAt) return { ok: false, reason: "The order is cancelled: nothing can be added to it." };
  if (!EDITABLE_FULFILLMENT.has(order.displayFulfillmentStatus)) {
    const words = FULFILLMENT_WORDS[order.displayFulfillmentStatus] ?? order.displayFulfillmentStatus.toLowerCase();
    return { ok: false, reason: `A product can only be added before anything is shipped, and this order is ${words}.` };
  }

  let state: GiftEditState = stored ?? { linesBefore: lines };
  if (!stored) await save(state);
  const update = async (changes: Partial<GiftEditState>) => {
    state = { ...state, ...changes };
    await save(state);
  };

  // A stored session may have expired or been committed elsewhere: once, start a fresh one.
  for (let fresh = !state.sessionId; ; fresh = true) {
    try {
      if (fresh) {
        const begun = await adminQuery<GiftOrderEditBeginMutation>(admin, GIFT_ORDER_EDIT_BEGIN_MUTATION, { id: input.orderGid });
        refuseOn(begun.orderEditBegin?.userErrors);
        const sessionId = begun.orderEditBegin?.orderEditSession?.id ?? begun.orderEditBegin?.calculatedOrder?.id;
        if (!sessionId) throw new EditRefused("Shopify did not open an order edit.");
        await update({ sessionId, lineItemId: undefined, title: undefined, discounted: false });
      }
      const sessionId = state.sessionId as string;
      if (!state.lineItemId) {
        const added = await adminQuery<GiftOrderEditAddVariantMutation>(admin, GIFT_ORDER_EDIT_ADD_VARIANT_MUTATION, { id: sessionId, variantId: input.variantId, quantity: 1 });
        refuseOn(added.orderEditAddVariant?.userErrors);
        const line = added.orderEditAddVariant?.calculatedLineItem;
        if (!line) throw new EditRefused("Shopify did not add the product to the order edit.");
        await update({ lineItemId: line.id, title: [line.title, line.variantTitle === "Default Title" ? null : line.variantTitle].filter(Boolean).join(" – ") || undefined });
      }
      if (!state.discounted) {
        const discounted = await adminQuery<GiftOrderEditAddDiscountMutation>(admin, GIFT_ORDER_EDIT_ADD_DISCOUNT_MUTATION, {
          id: sessionId,
          lineItemId: state.lineItemId,
          discount: { percentValue: 100, description: input.description.slice(0, 255) },
        });
        refuseOn(discounted.orderEditAddLineItemDiscount?.userErrors);
        await update({ discounted: true });
      }
      const committed = await adminQuery<GiftOrderEditCommitMutation>(admin, GIFT_ORDER_EDIT_COMMIT_MUTATION, {
        id: sessionId,
        notifyCustomer: input.notifyCustomer,
        staffNote: input.staffNote.slice(0, 255),
      });
      refuseOn(committed.orderEditCommit?.userErrors);
      return { ok: true, alreadyCommitted: false, title: state.title ?? null };
    } catch (error) {
      if (!(error instanceof EditRefused)) throw error;
      if (!fresh) continue;
      return { ok: false, reason: error.message };
    }
  }
}

function refuseOn(userErrors: readonly UserError[] | null | undefined): void {
  if (userErrors && userErrors.length > 0) throw new EditRefused(`Shopify refused the order edit: ${userErrors.map((error) => error.message).join("; ")}`);
}
