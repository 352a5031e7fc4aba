// The merchant's words for each flag (admin pages, alerts, tags). Pure.
import type { FlagKind } from "./watch-rules";

export const FLAG_LABELS: Record<FlagKind, string> = {
  unconfirmed: "Not confirmed",
  dispatch_due_soon: "Dispatch due soon",
  late_dispatch: "Late dispatch",
  late_delivery: "Late delivery",
  stalled_in_transit: "Stalled in transit",
  delivery_failed: "Delivery failed",
  no_tracking: "No tracking number",
};

/** Badge tone per flag: late and failed are critical, the rest need attention. */
export const FLAG_TONES: Record<FlagKind, "critical" | "warning" | "attention"> = {
  unconfirmed: "attention",
  dispatch_due_soon: "warning",
  late_dispatch: "critical",
  late_delivery: "critical",
  stalled_in_transit: "warning",
  delivery_failed: "critical",
  no_tracking: "warning",
};

/** The order tag mirroring a flag in Shopify, e.g. "aftercare:late-dispatch". */
export function flagTag(prefix: string, kind: FlagKind): string {
  return `${prefix}${kind.replaceAll("_", "-")}`;
}
