// The order's $app:aftercare.watch metafield as the block reads it. The app writes it
// (app/watch/flag-mirror.ts, watchMetafieldValue); this file only reads it, and is deployed
// separately, so it accepts the version it knows and nothing else. Pure.

/** The shape version this block understands (WATCH_METAFIELD_VERSION in the app). */
export const KNOWN_VERSION = 1;

export const FLAG_KINDS = [
  "unconfirmed",
  "dispatch_due_soon",
  "late_dispatch",
  "late_delivery",
  "stalled_in_transit",
  "delivery_failed",
  "no_tracking",
] as const;

export type FlagKind = (typeof FLAG_KINDS)[number];
export type FlagStatus = "open" | "handled" | "snoozed";

export type WatchFlag = { kind: FlagKind; reason: string; dueAt: Date; since: Date; status: FlagStatus };
export type Watch = { flags: WatchFlag[]; confirmedAt: Date | null; evaluatedAt: Date };

/** Badge tones, as the app's own pages show them (app/watch/flag-labels.ts FLAG_TONES). */
export const FLAG_TONES: Record<FlagKind, "critical" | "warning" | "caution"> = {
  unconfirmed: "caution",
  dispatch_due_soon: "warning",
  late_dispatch: "critical",
  late_delivery: "critical",
  stalled_in_transit: "warning",
  delivery_failed: "critical",
  no_tracking: "warning",
};

/** The block's one Admin API read: the order's watch metafield (direct API access). */
export const ORDER_WATCH_BLOCK_QUERY = `#graphql
  query OrderWatchBlock($id: ID!) {
    order(id: $id) {
      id
      watch: metafield(namespace: "$app:aftercare", key: "watch") {
        jsonValue
      }
    }
  }
`;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function dateOf(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The metafield's value (its jsonValue, or the JSON text) as the block shows it; null when there
 * is none or it is not a value this version of the block understands. Flags of a kind this
 * block does not know are left out rather than shown wrongly.
 */
export function parseWatch(value: unknown): Watch | null {
  const json = typeof value === "string" ? safeParse(value) : value;
  if (!isRecord(json) || json.v !== KNOWN_VERSION || !Array.isArray(json.flags)) return null;
  const evaluatedAt = dateOf(json.evaluatedAt);
  if (!evaluatedAt) return null;
  const flags: WatchFlag[] = [];
  for (const entry of json.flags) {
    if (!isRecord(entry) || !FLAG_KINDS.includes(entry.kind as FlagKind)) continue;
    const dueAt = dateOf(entry.dueAt);
    const since = dateOf(entry.since);
    if (!dueAt || !since) continue;
    const status: FlagStatus = entry.status === "handled" || entry.status === "snoozed" ? entry.status : "open";
    flags.push({ kind: entry.kind as FlagKind, reason: typeof entry.reason === "string" ? entry.reason : "", dueAt, since, status });
  }
  flags.sort((a, b) => FLAG_KINDS.indexOf(a.kind) - FLAG_KINDS.indexOf(b.kind));
  return { flags, confirmedAt: dateOf(json.confirmedAt), evaluatedAt };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The app's page of the order (app/routes/app.orders.$orderId), from its GID; null if it is not an order's. */
export function appOrderHref(orderGid: string): string | null {
  const match = /^gid:\/\/shopify\/Order\/(\d+)$/.exec(orderGid);
  return match ? `app:app/orders/${match[1]}` : null;
}
