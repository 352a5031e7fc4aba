// Returns in the merchant's words: statuses as badges, reasons, the policy's decision, what
// the merchant can do next, and the timeline. Pure (no I/O, time is a parameter) and safe in
// the browser. The shopper's wording lives elsewhere (return-copy.ts); this is the admin's.
import { humanize, type StatusBadge } from "~/orders/order-labels";
import { isReturnReason, isShopFault, type GoodwillKind, type ReturnReason } from "./return-policy";
import { RETURN_STATUSES, allowedEvents, type ReturnStatus } from "./return-state";

const STATUS_BADGES: Record<ReturnStatus, StatusBadge> = {
  requested: { label: "Needs approval", tone: "attention", progress: "incomplete" },
  approved: { label: "Approved", tone: "info", progress: "partiallyComplete" },
  declined: { label: "Declined", progress: "complete" },
  label_sent: { label: "Label sent", tone: "info", progress: "partiallyComplete" },
  in_transit: { label: "On its way back", tone: "info", progress: "partiallyComplete" },
  received: { label: "Received", tone: "warning", progress: "partiallyComplete" },
  refunded: { label: "Refunded", tone: "success", progress: "complete" },
  exchanged: { label: "Exchanged", tone: "success", progress: "complete" },
  store_credited: { label: "Store credit given", tone: "success", progress: "complete" },
  cancelled: { label: "Cancelled", progress: "complete" },
};

export function isReturnStatus(value: string): value is ReturnStatus {
  return (RETURN_STATUSES as readonly string[]).includes(value);
}

/** A status as a badge; one the app does not know (a newer version wrote it) is shown as it is. */
export function returnStatusBadge(status: string): StatusBadge {
  return isReturnStatus(status) ? STATUS_BADGES[status] : { label: humanize(status) };
}

export const SHOP_FAULT_BADGE: StatusBadge = { label: "Shop’s fault", tone: "critical" };

export const REASON_NAMES: Record<ReturnReason, string> = {
  wrong_item: "Wrong item sent",
  damaged_in_transit: "Damaged in transit",
  defective: "Defective",
  not_as_described: "Not as described",
  size_or_fit: "Size or fit",
  changed_mind: "Changed their mind",
  other: "Other reason",
};

export function reasonName(reason: string): string {
  return isReturnReason(reason) ? REASON_NAMES[reason] : humanize(reason);
}

// ---------------------------------------------------------------------------------------------
// Queue filters: the status tabs of the Returns page, each a group of statuses.

export const RETURN_QUEUE_VIEWS = [
  { id: "all", label: "All", statuses: [] },
  { id: "requested", label: "Needs approval", statuses: ["requested"] },
  { id: "approved", label: "Approved", statuses: ["approved", "label_sent"] },
  { id: "in_transit", label: "On its way back", statuses: ["in_transit"] },
  { id: "received", label: "To settle", statuses: ["received"] },
  { id: "closed", label: "Closed", statuses: ["refunded", "exchanged", "store_credited", "declined", "cancelled"] },
] as const satisfies readonly { id: string; label: string; statuses: readonly ReturnStatus[] }[];

export type ReturnQueueView = (typeof RETURN_QUEUE_VIEWS)[number]["id"];

export function queueViewOf(value: string | null | undefined): (typeof RETURN_QUEUE_VIEWS)[number] | null {
  return RETURN_QUEUE_VIEWS.find((view) => view.id === value) ?? null;
}

// ---------------------------------------------------------------------------------------------
// The policy's decision, as it was taken when the shopper asked

export const GOODWILL_NAMES: Record<GoodwillKind, string> = {
  none: "No goodwill",
  discount_code: "Discount code",
  free_shipping: "Free shipping code",
  replacement: "Replacement offered",
};

export type DecisionSummary = {
  approval: string;
  postage: string;
  goodwill: string;
  shopFault: boolean;
  /** The explanation the shopper read before sending the request, when it was stored. */
  explanation: string | null;
};

/**
 * The decision stored with the return (return-policy.ts ReturnDecision and its explanation) in
 * the merchant's words. What cannot be read says so rather than guessing; who pays the postage
 * is the case's own column, which a later change of policy does not touch.
 */
export function decisionSummary(stored: unknown, labelPaidBy: string, reason: string): DecisionSummary {
  const decision = typeof stored === "object" && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : null;
  const approval = decision?.approval === "automatic" ? "Approved automatically by your policy" : decision?.approval === "manual" ? "Decided by your team" : "Not recorded";
  const paidBy = labelPaidBy === "shop" || labelPaidBy === "customer" ? labelPaidBy : decision?.labelPaidBy;
  const postage = paidBy === "shop" ? "You pay: prepaid return label" : paidBy === "customer" ? "The shopper pays the postage" : "Not recorded";
  const shopFault = typeof decision?.shopFault === "boolean" ? decision.shopFault : isReturnReason(reason) && isShopFault(reason);
  const explanation = typeof decision?.explanation === "string" && decision.explanation.trim() !== "" ? decision.explanation : null;
  return { approval, postage, goodwill: goodwillText(decision?.goodwill), shopFault, explanation };
}

function goodwillText(value: unknown): string {
  if (typeof value !== "object" || value === null) return GOODWILL_NAMES.none;
  const { kind, percent } = value as { kind?: unknown; percent?: unknown };
  if (kind === "discount_code") return typeof percent === "number" && percent > 0 ? `${percent}% discount code` : GOODWILL_NAMES.discount_code;
  if (kind === "free_shipping" || kind === "replacement" || kind === "none") return GOODWILL_NAMES[kind];
  return GOODWILL_NAMES.none;
}

// ---------------------------------------------------------------------------------------------
// What the merchant can do next, from the state machine

export const RETURN_ACTIONS = ["approve", "decline", "label", "receive", "refund", "exchange", "store_credit", "cancel"] as const;
export type ReturnAction = (typeof RETURN_ACTIONS)[number];

export function isReturnAction(value: unknown): value is ReturnAction {
  return typeof value === "string" && (RETURN_ACTIONS as readonly string[]).includes(value);
}

/**
 * The buttons a return in this status shows, in the order they are offered. A label can be
 * attached once the return is approved (and only until a label was sent: a second label is a
 * carrier's business, not a button); "on its way" is the carrier's news, never a button.
 */
export function returnActions(status: string): ReturnAction[] {
  if (!isReturnStatus(status)) return [];
  const events = allowedEvents(status);
  const actions: ReturnAction[] = [];
  if (events.includes("approve")) actions.push("approve");
  if (events.includes("decline")) actions.push("decline");
  if (events.includes("attach_label")) actions.push("label");
  if (events.includes("mark_received")) actions.push("receive");
  if (events.includes("refund")) actions.push("refund");
  if (events.includes("exchange")) actions.push("exchange");
  if (events.includes("issue_store_credit")) actions.push("store_credit");
  if (events.includes("cancel")) actions.push("cancel");
  return actions;
}

export const RESOLUTION_NAMES = { refund: "Refund", exchange: "Exchange", store_credit: "Store credit" } as const;

export const LABEL_PROVIDER_NAMES = {
  printable: "Printable label (PDF made by Aftercare)",
  upload: "A label file you upload",
  easypost: "EasyPost (bought from the carrier)",
} as const;

export type LabelProvider = keyof typeof LABEL_PROVIDER_NAMES;

export const DOCUMENT_NAMES: Record<string, string> = { label: "Return label", packing_slip: "Packing slip", photo: "Shopper’s photo" };

export function documentName(kind: string): string {
  return DOCUMENT_NAMES[kind] ?? humanize(kind);
}

const SOURCE_NAMES: Record<string, string> = {
  shopper: "Asked for by the shopper on your store",
  merchant: "Opened by your team",
  shopify: "Opened in Shopify",
};

export function returnSourceName(source: string): string {
  return SOURCE_NAMES[source] ?? humanize(source);
}

// ---------------------------------------------------------------------------------------------
// Timeline: the order's timeline events of a return (kind "return_<status>")

const TIMELINE_NAMES: Record<ReturnStatus, string> = {
  requested: "Return requested",
  approved: "Return approved",
  declined: "Return declined",
  label_sent: "Return label sent",
  in_transit: "Parcel on its way back",
  received: "Parcel received",
  refunded: "Refunded",
  exchanged: "Exchanged",
  store_credited: "Store credit given",
  cancelled: "Return cancelled",
};

export function returnTimelineName(kind: string): string {
  const status = kind.startsWith("return_") ? kind.slice("return_".length) : kind;
  if (status === "reopened") return "Reopened in Shopify";
  return isReturnStatus(status) ? TIMELINE_NAMES[status] : humanize(kind);
}

const ACTOR_NAMES: Record<string, string> = { shopper: "by the shopper", merchant: "by your team", webhook: "in the Shopify admin" };

/** Who took a step, as the timeline's source says. */
export function returnActorName(source: string): string {
  return ACTOR_NAMES[source] ?? humanize(source).toLowerCase();
}

const DETAIL_NAMES: Record<string, string> = {
  reason: "Reason",
  carrier: "Carrier",
  trackingNumber: "Tracking number",
  labelPaidBy: "Postage",
  goodwill: "Goodwill",
  by: "By",
  origin: "Done in",
  note: "Note",
};

/** The facts a timeline entry carries, in words ("Tracking number: 1Z…"); unknown keys are left out. */
export function returnTimelineFacts(values: Record<string, unknown>): string[] {
  const facts: string[] = [];
  for (const [key, name] of Object.entries(DETAIL_NAMES)) {
    const value = values[key];
    if (typeof value !== "string" || value.trim() === "") continue;
    facts.push(`${name}: ${detailValue(key, value)}`);
  }
  return facts;
}

function detailValue(key: string, value: string): string {
  if (key === "labelPaidBy") return value === "shop" ? "prepaid by you" : "paid by the shopper";
  if (key === "origin") return value === "shopify" ? "the Shopify admin" : value === "carrier" ? "the carrier’s tracking" : value;
  if (key === "by") return value === "customer" ? "the shopper" : value === "merchant" ? "your team" : value;
  if (key === "goodwill") {
    const [kind, percent] = value.split(":");
    if (kind === "discount_code" && percent) return `${percent}% discount code`;
    return kind && kind in GOODWILL_NAMES ? GOODWILL_NAMES[kind as GoodwillKind] : value;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Times

const HOUR_MS = 3_600_000;

/** How long a return has waited: "35 min", "5 h", "3 days". */
export function returnAge(requestedAt: Date, now: Date): string {
  const hours = (now.getTime() - requestedAt.getTime()) / HOUR_MS;
  if (hours < 1) return `${Math.max(0, Math.floor(hours * 60))} min`;
  if (hours < 48) return `${Math.floor(hours)} h`;
  return `${Math.floor(hours / 24)} days`;
}

/** A median time to refund: "18 hours", "2.5 days"; "No refunds yet" without one. */
export function hoursText(hours: number | null): string {
  if (hours === null || !Number.isFinite(hours)) return "No refunds yet";
  if (hours < 1) return "Under an hour";
  if (hours < 48) return `${Math.round(hours)} ${Math.round(hours) === 1 ? "hour" : "hours"}`;
  const days = Math.round((hours / 24) * 10) / 10;
  return `${days.toLocaleString("en")} days`;
}

/** A share from 0 to 1 as "25%". */
export function percentText(share: number): string {
  if (!Number.isFinite(share)) return "0%";
  return `${Math.round(Math.min(1, Math.max(0, share)) * 100)}%`;
}
