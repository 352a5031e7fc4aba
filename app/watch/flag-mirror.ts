// What an order's flags look like in Shopify: order tags (the shop's prefix + the kind, e.g.
// "aftercare:late-dispatch"), the app-owned order metafield $app:aftercare.watch (JSON, read by
// extensions/order-watch-block), and the Shopify Flow triggers sent when flags come and go
// (extensions/flow-order-flagged, flow-flag-cleared, flow-order-confirmed). Pure: no I/O.
import { FLAG_LABELS, flagTag } from "./flag-labels";
import { FLAG_KINDS, type FlagKind } from "./watch-rules";

export const DEFAULT_TAG_PREFIX = "aftercare:";

/** The app-owned order metafield the admin block reads as `$app:aftercare.watch`. */
export const WATCH_METAFIELD = { namespace: "$app:aftercare", key: "watch", type: "json" } as const;

/** Bumped when the metafield's shape changes in a way readers must know about. */
export const WATCH_METAFIELD_VERSION = 1;

/** The Flow triggers' handles: the `handle` of each extension's shopify.extension.toml. */
export const FLOW_TRIGGER_HANDLES = {
  orderFlagged: "flow-order-flagged",
  flagCleared: "flow-flag-cleared",
  orderConfirmed: "flow-order-confirmed",
} as const;

export type FlowTriggerHandle = (typeof FLOW_TRIGGER_HANDLES)[keyof typeof FLOW_TRIGGER_HANDLES];

/** The flag tags an order with these open kinds carries, in FLAG_KINDS order. */
export function desiredFlagTags(prefix: string, openKinds: readonly string[]): string[] {
  const open = new Set(openKinds);
  return FLAG_KINDS.filter((kind) => open.has(kind)).map((kind) => flagTag(prefix, kind));
}

/** Every tag a flag of this prefix could be (to recognise the app's tags among the merchant's). */
export function allFlagTags(prefix: string): string[] {
  return FLAG_KINDS.map((kind) => flagTag(prefix, kind));
}

/**
 * What to add and remove so the order's mirrored tags become `desired`. Shopify compares tags
 * without case, and so does this; each list keeps the first spelling and has no duplicates.
 */
export function tagDiff(currentMirrored: readonly string[], desired: readonly string[]): { add: string[]; remove: string[] } {
  const key = (tag: string) => tag.trim().toLowerCase();
  const current = new Set(currentMirrored.map(key));
  const wanted = new Set(desired.map(key));
  return {
    add: unique(desired.filter((tag) => !current.has(key(tag))), key),
    remove: unique(currentMirrored.filter((tag) => !wanted.has(key(tag))), key),
  };
}

function unique(tags: string[], key: (tag: string) => string): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const k = key(tag);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A flag as the metafield holds it (dates as ISO 8601 strings). */
export type WatchMetafieldFlag = {
  kind: string;
  reason: string;
  dueAt: string;
  since: string;
  /** open | handled | snoozed */
  status: string;
};

/**
 * The metafield's JSON value. Its field names are read by extensions/order-watch-block, which
 * is deployed separately from the app: rename one and bump WATCH_METAFIELD_VERSION.
 */
export type WatchMetafieldValue = {
  v: number;
  flags: WatchMetafieldFlag[];
  confirmedAt: string | null;
  evaluatedAt: string;
};

export type WatchMetafieldInput = {
  flags: readonly { kind: string; reason: string; dueAt: Date; since: Date; status: string }[];
  confirmedAt: Date | null;
  evaluatedAt: Date;
};

const kindOrder = (kind: string) => {
  const index = FLAG_KINDS.indexOf(kind as FlagKind);
  return index === -1 ? FLAG_KINDS.length : index;
};

export function watchMetafieldValue(input: WatchMetafieldInput): WatchMetafieldValue {
  const flags = [...input.flags]
    .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.kind.localeCompare(b.kind))
    .map((flag) => ({
      kind: flag.kind,
      reason: flag.reason,
      dueAt: flag.dueAt.toISOString(),
      since: flag.since.toISOString(),
      status: flag.status,
    }));
  return { v: WATCH_METAFIELD_VERSION, flags, confirmedAt: input.confirmedAt?.toISOString() ?? null, evaluatedAt: input.evaluatedAt.toISOString() };
}

/**
 * What the metafield says, apart from when it was evaluated: two values with the same content
 * need no write. Anything that is not a value of this shape has no content (null).
 */
export function watchMetafieldContent(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  const candidate = value as Partial<WatchMetafieldValue>;
  if (candidate.v !== WATCH_METAFIELD_VERSION || !Array.isArray(candidate.flags)) return null;
  const flags = candidate.flags.map((flag) => [flag.kind, flag.reason, flag.dueAt, flag.since, flag.status]);
  return JSON.stringify([candidate.v, flags, candidate.confirmedAt ?? null]);
}

/** Whether writing `next` would change what the metafield says (`current`: its parsed value, or null). */
export function watchMetafieldChanged(current: unknown, next: WatchMetafieldValue): boolean {
  const before = watchMetafieldContent(current);
  // No metafield yet and nothing to say: no need to create one.
  if (before === null) return next.flags.length > 0 || next.confirmedAt !== null;
  return before !== watchMetafieldContent(next);
}

// --- Flow ---------------------------------------------------------------------------------------

/** A flag change as the notify job carries it (app/jobs/watch-jobs.server.ts). */
export type FlowChange = {
  orderId: string;
  raised: readonly { kind: string; reason: string; dueAt: string | Date }[];
  cleared: readonly string[];
  confirmed: boolean;
};

/**
 * A value sent to Flow, keyed as the trigger's fields are: `order_id` for its order_reference
 * field, the field's `key` for the others.
 */
export type FlowPayload = Record<string, string | number | boolean>;

export type FlowTriggerCall = { handle: FlowTriggerHandle; payload: FlowPayload };

const labelOf = (kind: string) => FLAG_LABELS[kind as FlagKind] ?? kind;

/** The numeric id Flow's order_reference expects, from `gid://shopify/Order/123`. */
export function orderReferenceId(orderGid: string): number {
  const match = /^gid:\/\/shopify\/Order\/(\d+)$/.exec(orderGid);
  if (!match) throw new Error(`Not an order GID: ${orderGid}`);
  return Number(match[1]);
}

/**
 * One trigger call per raised flag, per cleared flag, and one when the order was confirmed —
 * a workflow can then act on each flag on its own ("late dispatch" → email the warehouse).
 */
export function flowPayloads(change: FlowChange, orderGid: string): FlowTriggerCall[] {
  const order_id = orderReferenceId(orderGid);
  const calls: FlowTriggerCall[] = [];
  for (const flag of change.raised) {
    calls.push({
      handle: FLOW_TRIGGER_HANDLES.orderFlagged,
      payload: {
        order_id,
        "Flag kind": flag.kind,
        "Flag label": labelOf(flag.kind),
        Reason: flag.reason,
        "Due at": typeof flag.dueAt === "string" ? new Date(flag.dueAt).toISOString() : flag.dueAt.toISOString(),
      },
    });
  }
  for (const kind of change.cleared) {
    calls.push({ handle: FLOW_TRIGGER_HANDLES.flagCleared, payload: { order_id, "Flag kind": kind, "Flag label": labelOf(kind) } });
  }
  if (change.confirmed) calls.push({ handle: FLOW_TRIGGER_HANDLES.orderConfirmed, payload: { order_id } });
  return calls;
}
