// The return's steps, newest first, each with when it happened and what it carried (tracking
// number, reason), from the order's timeline.
import { BlockStack, Box, Card, Text } from "@shopify/polaris";

export type ReturnTimelineEntry = { id: string; label: string; source: string; occurredAt: string; time: string; facts: string[] };

export function ReturnTimeline({ entries }: { entries: ReturnTimelineEntry[] }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Status timeline
        </Text>
        {entries.length === 0 ? (
          <Text as="p" tone="subdued">
            Nothing recorded yet.
          </Text>
        ) : (
          <BlockStack as="ol" gap="300">
            {entries.map((entry) => (
              <Box as="li" key={entry.id} paddingInlineStart="300" borderInlineStartWidth="050" borderColor="border">
                <BlockStack gap="050">
                  <Text as="p" fontWeight="medium">
                    {entry.label}
                  </Text>
                  {entry.facts.map((fact) => (
                    <Text as="p" key={fact} breakWord>
                      {fact}
                    </Text>
                  ))}
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
