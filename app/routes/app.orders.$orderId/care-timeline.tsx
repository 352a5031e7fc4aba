// An order's care timeline, newest first, each entry with when it happened and where the app learned it.
import { TimelineCard } from "~/admin/timeline-card";
import type { TimelineEntry } from "~/orders/order-timeline";

export function CareTimeline({ entries }: { entries: TimelineEntry[] }) {
  return <TimelineCard title="Care timeline" empty="Nothing recorded yet. Events appear here as Shopify reports them." entries={entries} />;
}
