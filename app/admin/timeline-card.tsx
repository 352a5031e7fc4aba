// A timeline as a card (an order's care timeline, a return's steps): newest first, each entry
// with its label, any facts it carried (tracking number, reason), when it happened and where
// the app learned it.
import { BlockStack, Box, Card, Text } from "@shopify/polaris";

export type TimelineCardEntry = { id: string; label: string; occurredAt: string; time: string; source: string; facts?: readonly string[] };

export function TimelineCard({ title, empty, entries }: { title: string; empty: string; entries: readonly TimelineCardEntry[] }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {entries.length === 0 ? (
          <Text as="p" tone="subdued">
            {empty}
          </Text>
        ) : (
          <BlockStack as="ol" gap="300">
            {entries.map((entry) => (
              <Box as="li" key={entry.id} paddingInlineStart="300" borderInlineStartWidth="050" borderColor="border">
                <BlockStack gap="050">
                  <Text as="p" fontWeight="medium">
                    {entry.label}
                  </Text>
                  {entry.facts?.map((fact) => (
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
