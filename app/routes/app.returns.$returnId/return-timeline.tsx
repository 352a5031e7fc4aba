// The return's steps, newest first, each with when it happened and what it carried (tracking
// number, reason), from the order's timeline.
import { TimelineCard } from "~/admin/timeline-card";

export type ReturnTimelineEntry = { id: string; label: string; source: string; occurredAt: string; time: string; facts: string[] };

export function ReturnTimeline({ entries }: { entries: ReturnTimelineEntry[] }) {
  return <TimelineCard title="Status timeline" empty="Nothing recorded yet." entries={entries} />;
}
