// A status from app/orders/order-labels.ts drawn as a Polaris badge.
import { Badge } from "@shopify/polaris";
import type { StatusBadge as Status } from "../orders/order-labels";

export function StatusBadge({ status }: { status: Status }) {
  return (
    <Badge tone={status.tone} progress={status.progress}>
      {status.label}
    </Badge>
  );
}
