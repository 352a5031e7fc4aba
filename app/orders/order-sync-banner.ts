// The banner at the top of the Orders list: where the order sync with Shopify stands.
import { formatDate, formatDateTime, formatRelative } from "./order-format";
import { humanize } from "./order-labels";

/** The parts of the shop's OrderSync row the banner reads; null when the shop has none yet. */
export type OrderSyncState = {
  backfillStatus: string; // none | running | completed | failed
  ordersApplied: number;
  backfillSince: Date | null;
  backfillStartedAt: Date | null;
  backfillFinishedAt: Date | null;
  lastReconciledAt: Date | null;
  lastError: string | null;
  updatedAt: Date;
} | null;

export type SyncBanner = {
  status: "none" | "running" | "completed" | "failed" | "unknown";
  tone: "info" | "success" | "warning" | "critical";
  title: string;
  lines: string[];
  /** Whether "Sync orders now" makes sense (not while a sync runs). */
  canSync: boolean;
  /** Changes whenever the sync record does: the page tells from it that a requested sync has begun. */
  stamp: string;
};

const FIRST_SYNC = "The first sync brings in the last 60 days of orders from Shopify; after that, webhooks keep every order current.";

export function orderCount(count: number): string {
  return `${count.toLocaleString("en")} ${count === 1 ? "order" : "orders"}`;
}

export function syncBanner(state: OrderSyncState, now: Date, timeZone: string): SyncBanner {
  return { ...describeSync(state, now, timeZone), stamp: state ? state.updatedAt.toISOString() : "none" };
}

function describeSync(state: OrderSyncState, now: Date, timeZone: string): Omit<SyncBanner, "stamp"> {
  const status = state?.backfillStatus.toLowerCase() ?? "none";
  if (!state || status === "none") {
    return { status: "none", tone: "info", title: "Orders have not been synced yet", lines: [FIRST_SYNC], canSync: true };
  }
  const since = state.backfillSince ? ` placed since ${formatDate(state.backfillSince, timeZone)}` : "";
  const reconciled = state.lastReconciledAt ? `Last catch-up check with Shopify ${formatRelative(state.lastReconciledAt, now, timeZone)}.` : null;
  switch (status) {
    case "running":
      return {
        status: "running",
        tone: "info",
        title: "Syncing orders from Shopify",
        lines: [
          `${orderCount(state.ordersApplied)} so far${since ? `, bringing in orders${since}` : ""}.`,
          ...(state.backfillStartedAt ? [`Started ${formatRelative(state.backfillStartedAt, now, timeZone)} (${formatDateTime(state.backfillStartedAt, timeZone)}).`] : []),
          "Orders appear here as they arrive; you can keep working meanwhile.",
        ],
        canSync: false,
      };
    case "completed":
      return {
        status: "completed",
        tone: "success",
        title: "Orders are in sync with Shopify",
        lines: [
          `The last full sync finished${state.backfillFinishedAt ? ` on ${formatDateTime(state.backfillFinishedAt, timeZone)}` : ""} with ${orderCount(state.ordersApplied)}${since}. Webhooks keep them current.`,
          ...(reconciled ? [reconciled] : []),
        ],
        canSync: true,
      };
    case "failed":
      return {
        status: "failed",
        tone: "critical",
        title: "The order sync failed",
        lines: [
          state.lastError ? `Error: ${state.lastError}` : "No error was recorded.",
          `${orderCount(state.ordersApplied)} had been synced${state.backfillFinishedAt ? ` when it stopped on ${formatDateTime(state.backfillFinishedAt, timeZone)}` : " before it stopped"}. New orders still arrive through webhooks.`,
        ],
        canSync: true,
      };
    default:
      return { status: "unknown", tone: "warning", title: `Order sync: ${humanize(status).toLowerCase()}`, lines: [FIRST_SYNC], canSync: false };
  }
}
