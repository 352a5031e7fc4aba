// An order's care timeline, newest first, each entry with when it happened and where the app learned it.
import { BlockStack, Box, Card, Text } from "@shopify/polaris";
import type { TimelineEntry } from "~/orders/order-timeline";

export function CareTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Care timeline</Text>
        {entries.length === 0 ? (
          <Text as="p" tone="subdued">Nothing recorded yet. Events appear here as Shopify reports them.</Text>
        ) : (
          <BlockStack as="ol" gap="300">
            {entries.map((entry) => (
              <Box as="li" key={entry.id} paddingInlineStart="300" borderInlineStartWidth="050" borderColor="border">
                <BlockStack gap="050">
                  <Text as="p" fontWeight="medium">{entry.label}</Text>
                  <Text as="p" tone="subdued" variant="bodySm">
                    <time dateTime={entry.occurredAt}>{entry.time}</time> · {entry.source}
                  </Text>
                </BlockStack>
              </Box>
            ))}
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}
