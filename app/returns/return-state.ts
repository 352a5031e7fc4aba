// The life of one return, as a state machine: what may happen next, and what the app must do
// when it does (the effects, carried out by the server module and the jobs). Pure: no I/O,
// time comes in the context.
//
//   requested   → approved (approve) | declined (decline)
//   approved    → label_sent (attach_label) | in_transit (mark_in_transit) | received (mark_received)
//   label_sent  → in_transit (mark_in_transit) | received (mark_received)
//   in_transit  → received (mark_received)
//   received    → refunded (refund) | exchanged (exchange) | store_credited (issue_store_credit)
//   any status that is not final → cancelled (cancel)
//
// Differences from the first sketch, and why:
// - approved → in_transit directly: a shopper who pays the postage ships with their own
//   carrier and may give us a tracking number; there is no label of ours in between.
// - the final statuses (declined, refunded, exchanged, store_credited, cancelled) accept
//   nothing: a new problem with the same item is a new return.
//
// Retries and late news never act twice. The state remembers every status it has been in
// (`reached`); an event whose target status was reached already, or which the return has
// been past on the main line (a carrier's "in transit" scan arriving after the parcel was
// received), is answered `ok` with no effects and no change — and keeps being answered so,
// whatever happens later. Anything else that does not fit
// the diagram is refused with a sentence saying why. A refused event is not "applied": if it
// is sent again once the return has moved on, it may fit then (that is the point of refusing
// it rather than swallowing it).
import type { Goodwill } from "./return-policy";

export const RETURN_STATUSES = ["requested", "approved", "declined", "label_sent", "in_transit", "received", "refunded", "exchanged", "store_credited", "cancelled"] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const FINAL_STATUSES: ReadonlySet<ReturnStatus> = new Set(["declined", "refunded", "exchanged", "store_credited", "cancelled"]);

export function isFinal(status: ReturnStatus): boolean {
  return FINAL_STATUSES.has(status);
}

export type ReturnState = {
  status: ReturnStatus;
  /** Every status the return has been in, oldest first; the last one is `status`. */
  reached: ReturnStatus[];
};

export const NEW_RETURN: ReturnState = { status: "requested", reached: ["requested"] };

export type ReturnEvent =
  | { type: "approve"; labelPaidBy: "shop" | "customer"; goodwill: Goodwill }
  | { type: "decline"; reason: string }
  | { type: "attach_label"; carrier: string; trackingNumber: string; labelUrl: string }
  | { type: "mark_in_transit"; carrier?: string; trackingNumber?: string }
  | { type: "mark_received" }
  | { type: "refund" }
  | { type: "exchange" }
  | { type: "issue_store_credit" }
  | { type: "cancel"; by: "customer" | "merchant"; reason?: string };

export type ReturnEventType = ReturnEvent["type"];

export type TransitionContext = {
  /** When it happened: the time of the timeline entry. */
  at: Date;
  /**
   * Where the news came from. "shopify": the merchant did it in the Shopify admin (a webhook
   * told us), so the app must not do it in Shopify again. Defaults to "app".
   */
  origin?: "app" | "shopify" | "carrier";
};

export type TimelineDetail = Record<string, string>;

export type ReturnEffect =
  | { kind: "record_timeline"; entry: { status: ReturnStatus; occurredAt: Date; dedupeKey: string; detail: TimelineDetail | null } }
  /** Open the return in Shopify (returnCreate) so the admin and the refund flow know of it. */
  | { kind: "create_shopify_return" }
  /** Buy a prepaid label from the carrier; its result comes back as an `attach_label` event. */
  | { kind: "buy_return_label" }
  | { kind: "send_return_instructions"; withLabel: boolean }
  | { kind: "issue_goodwill_code"; goodwill: "discount_code" | "free_shipping"; percent: number | null }
  /** Give Shopify the return's tracking (a reverse delivery), so the admin shows it. */
  | { kind: "add_shopify_reverse_delivery"; carrier: string; trackingNumber: string; labelUrl: string }
  | { kind: "refund_payment" }
  | { kind: "create_exchange" }
  | { kind: "issue_store_credit" }
  | { kind: "close_shopify_return" }
  | { kind: "cancel_shopify_return" }
  /** A label was bought and never used: ask the carrier for the postage back. */
  | { kind: "void_return_label" }
  | { kind: "notify_customer"; about: "declined" | "received" | "refunded" | "exchanged" | "store_credited" | "cancelled"; reason?: string };

export type TransitionError = { code: "already_final" | "not_allowed" | "invalid_event"; message: string };

export type TransitionResult = { ok: true; state: ReturnState; effects: ReturnEffect[] } | { ok: false; error: TransitionError };

const TARGET: Record<ReturnEventType, ReturnStatus> = {
  approve: "approved",
  decline: "declined",
  attach_label: "label_sent",
  mark_in_transit: "in_transit",
  mark_received: "received",
  refund: "refunded",
  exchange: "exchanged",
  issue_store_credit: "store_credited",
  cancel: "cancelled",
};

/** The events each status accepts. `cancel` is added for every status that is not final. */
const NEXT: Record<ReturnStatus, readonly ReturnEventType[]> = {
  requested: ["approve", "decline"],
  approved: ["attach_label", "mark_in_transit", "mark_received"],
  label_sent: ["mark_in_transit", "mark_received"],
  in_transit: ["mark_received"],
  received: ["refund", "exchange", "issue_store_credit"],
  declined: [],
  refunded: [],
  exchanged: [],
  store_credited: [],
  cancelled: [],
};

export function allowedEvents(status: ReturnStatus): ReturnEventType[] {
  return isFinal(status) ? [] : [...NEXT[status], "cancel"];
}

/** The main line a return moves along; declined and cancelled are off it. */
const PROGRESS: Partial<Record<ReturnStatus, number>> = { requested: 0, approved: 1, label_sent: 2, in_transit: 3, received: 4, refunded: 5, exchanged: 5, store_credited: 5 };

export function transition(state: ReturnState, event: ReturnEvent, context: TransitionContext): TransitionResult {
  const target = TARGET[event.type];
  if (state.reached.includes(target) || isPassed(state.reached, target)) return { ok: true, state, effects: [] };
  if (!allowedEvents(state.status).includes(event.type)) return { ok: false, error: refusal(state.status, event.type) };
  const invalid = invalidEvent(event);
  if (invalid) return { ok: false, error: { code: "invalid_event", message: invalid } };

  const next: ReturnState = { status: target, reached: [...state.reached, target] };
  return { ok: true, state: next, effects: [timelineEffect(target, event, context), ...effectsOf(state, event, context)] };
}

/** Applies events in order, stopping at the first refusal. For replays and tests. */
export function applyAll(state: ReturnState, events: readonly ReturnEvent[], context: TransitionContext): TransitionResult {
  let current = state;
  const effects: ReturnEffect[] = [];
  for (const event of events) {
    const result = transition(current, event, context);
    if (!result.ok) return result;
    current = result.state;
    effects.push(...result.effects);
  }
  return { ok: true, state: current, effects };
}

/**
 * Whether the return has been further along the main line than `target`. Counted over every
 * status reached, not only the current one, so that an answer once given stays true: a late
 * scan accepted as stale while the return was received is still stale once it is cancelled.
 */
function isPassed(reached: readonly ReturnStatus[], target: ReturnStatus): boolean {
  const then = PROGRESS[target];
  return then !== undefined && reached.some((status) => (PROGRESS[status] ?? -1) > then);
}

function effectsOf(state: ReturnState, event: ReturnEvent, context: TransitionContext): ReturnEffect[] {
  const inShopify = context.origin === "shopify";
  switch (event.type) {
    case "approve": {
      const effects: ReturnEffect[] = [];
      if (!inShopify) effects.push({ kind: "create_shopify_return" });
      effects.push(event.labelPaidBy === "shop" ? { kind: "buy_return_label" } : { kind: "send_return_instructions", withLabel: false });
      if (event.goodwill.kind === "discount_code" || event.goodwill.kind === "free_shipping") {
        effects.push({ kind: "issue_goodwill_code", goodwill: event.goodwill.kind, percent: event.goodwill.percent });
      }
      return effects;
    }
    case "decline":
      return [{ kind: "notify_customer", about: "declined", reason: event.reason }];
    case "attach_label":
      return [
        { kind: "add_shopify_reverse_delivery", carrier: event.carrier, trackingNumber: event.trackingNumber, labelUrl: event.labelUrl },
        { kind: "send_return_instructions", withLabel: true },
      ];
    case "mark_in_transit":
      return [];
    case "mark_received":
      return [{ kind: "notify_customer", about: "received" }];
    case "refund":
      return [...(inShopify ? [] : [{ kind: "refund_payment" } as const, { kind: "close_shopify_return" } as const]), { kind: "notify_customer", about: "refunded" }];
    case "exchange":
      return [...(inShopify ? [] : [{ kind: "create_exchange" } as const, { kind: "close_shopify_return" } as const]), { kind: "notify_customer", about: "exchanged" }];
    case "issue_store_credit":
      return [...(inShopify ? [] : [{ kind: "issue_store_credit" } as const, { kind: "close_shopify_return" } as const]), { kind: "notify_customer", about: "store_credited" }];
    case "cancel": {
      const effects: ReturnEffect[] = [];
      const labelUnused = state.reached.includes("label_sent") && !state.reached.includes("in_transit") && !state.reached.includes("received");
      if (labelUnused) effects.push({ kind: "void_return_label" });
      if (state.reached.includes("approved") && !inShopify) effects.push({ kind: "cancel_shopify_return" });
      effects.push({ kind: "notify_customer", about: "cancelled", ...(event.reason ? { reason: event.reason } : {}) });
      return effects;
    }
  }
}

function timelineEffect(status: ReturnStatus, event: ReturnEvent, context: TransitionContext): ReturnEffect {
  return { kind: "record_timeline", entry: { status, occurredAt: context.at, dedupeKey: `return:${status}`, detail: timelineDetail(event, context) } };
}

function timelineDetail(event: ReturnEvent, context: TransitionContext): TimelineDetail | null {
  const detail: TimelineDetail = {};
  if (context.origin && context.origin !== "app") detail.origin = context.origin;
  switch (event.type) {
    case "approve":
      detail.labelPaidBy = event.labelPaidBy;
      if (event.goodwill.kind !== "none") detail.goodwill = event.goodwill.percent ? `${event.goodwill.kind}:${event.goodwill.percent}` : event.goodwill.kind;
      break;
    case "decline":
      detail.reason = event.reason;
      break;
    case "attach_label":
      detail.carrier = event.carrier;
      detail.trackingNumber = event.trackingNumber;
      break;
    case "mark_in_transit":
      if (event.carrier) detail.carrier = event.carrier;
      if (event.trackingNumber) detail.trackingNumber = event.trackingNumber;
      break;
    case "cancel":
      detail.by = event.by;
      if (event.reason) detail.reason = event.reason;
      break;
    default:
      break;
  }
  return Object.keys(detail).length > 0 ? detail : null;
}

function invalidEvent(event: ReturnEvent): string | null {
  if (event.type === "decline" && event.reason.trim() === "") return "Say why the return is declined: the shopper will read it.";
  if (event.type === "attach_label" && (event.trackingNumber.trim() === "" || event.labelUrl.trim() === "")) return "A return label needs its tracking number and its address (URL).";
  if (event.type === "approve" && event.goodwill.kind === "discount_code" && !event.goodwill.percent) return "A goodwill discount code needs its percentage.";
  return null;
}

/** A status as words that follow "is" ("This return is on its way back"), for error messages here and in the service. */
export const STATUS_WORDS: Record<ReturnStatus, string> = {
  requested: "waiting for approval",
  approved: "approved",
  declined: "declined",
  label_sent: "approved, with its label sent",
  in_transit: "on its way back",
  received: "received",
  refunded: "refunded",
  exchanged: "exchanged",
  store_credited: "settled with store credit",
  cancelled: "cancelled",
};

const EVENT_WORDS: Record<ReturnEventType, string> = {
  approve: "approved",
  decline: "declined",
  attach_label: "given a return label",
  mark_in_transit: "marked as on its way",
  mark_received: "marked as received",
  refund: "refunded",
  exchange: "exchanged",
  issue_store_credit: "settled with store credit",
  cancel: "cancelled",
};

function refusal(status: ReturnStatus, event: ReturnEventType): TransitionError {
  if (isFinal(status)) return { code: "already_final", message: `This return is already ${STATUS_WORDS[status]}, so it cannot be ${EVENT_WORDS[event]}.` };
  const options = allowedEvents(status).map((allowed) => EVENT_WORDS[allowed]);
  return { code: "not_allowed", message: `A return that is ${STATUS_WORDS[status]} cannot be ${EVENT_WORDS[event]}; it can be ${joinOr(options)}.` };
}

function joinOr(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}
