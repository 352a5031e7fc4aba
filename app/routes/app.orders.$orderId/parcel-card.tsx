// One fulfillment of an order: the carrier, the tracking number (a link when the carrier gave
// one), where the parcel is, and the dates that matter.
import { BlockStack, Card, DescriptionList, InlineStack, Link, Text } from "@shopify/polaris";
import { StatusBadge } from "~/admin/status-badge";
import type { ParcelView } from "~/orders/order-detail.server";

export function ParcelCard({ parcel }: { parcel: ParcelView }) {
  const tracking = parcel.trackingNumber ? (
    parcel.trackingUrl ? (
      <Link url={parcel.trackingUrl} target="_blank">
        {parcel.trackingNumber}
      </Link>
    ) : (
      parcel.trackingNumber
    )
  ) : parcel.trackingUrl ? (
    <Link url={parcel.trackingUrl} target="_blank">
      Track the parcel
    </Link>
  ) : (
    "No tracking number"
  );
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <Text as="h2" variant="headingMd">{parcel.title}</Text>
          <StatusBadge status={parcel.status} />
        </InlineStack>
        <DescriptionList items={[{ term: "Tracking", description: tracking }, ...parcel.facts.map((fact) => ({ term: fact.label, description: fact.value }))]} />
      </BlockStack>
    </Card>
  );
}
