// The last 90 days of returns at a glance: why things come back (a simple bar per reason, the
// shop's own mistakes marked), which products come back most, how much is the shop's fault,
// and how long a refund takes once a return is asked for.
import { Badge, BlockStack, Box, Card, InlineGrid, InlineStack, Text } from "@shopify/polaris";

export type InsightsView = {
  periodLabel: string;
  total: number;
  byReason: { reason: string; name: string; count: number; shopFault: boolean; share: number }[];
  byProduct: { title: string; count: number }[];
  shopFaultShare: string;
  medianToRefund: string;
};

export function ReturnInsightsCard({ insights }: { insights: InsightsView }) {
  if (insights.total === 0) return null;
  const widest = Math.max(1, ...insights.byReason.map((row) => row.count));
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="baseline">
          <Text as="h2" variant="headingMd">
            Returns insights
          </Text>
          <Text as="span" tone="subdued">
            {insights.periodLabel}
          </Text>
        </InlineStack>
        <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
          <Figure label="Returns" value={insights.total.toLocaleString("en")} />
          <Figure label="Your shop’s fault" value={insights.shopFaultShare} />
          <Figure label="Median time to refund" value={insights.medianToRefund} />
        </InlineGrid>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              By reason
            </Text>
            <BlockStack as="ul" gap="200">
              {insights.byReason.map((row) => (
                <Box as="li" key={row.reason}>
                  <BlockStack gap="100">
                    <InlineStack align="space-between" gap="200">
                      <InlineStack gap="100" blockAlign="center">
                        <Text as="span">{row.name}</Text>
                        {row.shopFault && (
                          <Badge tone="critical" size="small">
                            Shop’s fault
                          </Badge>
                        )}
                      </InlineStack>
                      <Text as="span" numeric>
                        {row.count.toLocaleString("en")}
                      </Text>
                    </InlineStack>
                    <div aria-hidden style={{ height: 8, borderRadius: 4, background: "var(--p-color-bg-fill-secondary)" }}>
                      <div
                        style={{
                          height: 8,
                          borderRadius: 4,
                          width: `${Math.max(2, Math.round((row.count / widest) * 100))}%`,
                          background: row.shopFault ? "var(--p-color-bg-fill-critical)" : "var(--p-color-bg-fill-info)",
                        }}
                      />
                    </div>
                  </BlockStack>
                </Box>
              ))}
            </BlockStack>
          </BlockStack>
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              Most returned products
            </Text>
            {insights.byProduct.length === 0 ? (
              <Text as="p" tone="subdued">
                No products yet.
              </Text>
            ) : (
              <BlockStack as="ol" gap="200">
                {insights.byProduct.map((row) => (
                  <Box as="li" key={row.title}>
                    <InlineStack align="space-between" gap="200" wrap={false}>
                      <Text as="span" breakWord>
                        {row.title}
                      </Text>
                      <Text as="span" numeric>
                        {row.count.toLocaleString("en")}
                      </Text>
                    </InlineStack>
                  </Box>
                ))}
              </BlockStack>
            )}
          </BlockStack>
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="bodySm" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingLg">
        {value}
      </Text>
    </BlockStack>
  );
}
