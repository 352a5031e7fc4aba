import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { changeTone, formatChange, formatFigure } from "~/dashboard/figure-format";
import type { FigureGroup } from "~/dashboard/indicators";

const TONES = { good: "success", bad: "critical", neutral: "subdued" } as const;

/** One section of figures: each value in text, the previous period's, the change, and its orders. */
export function FigureGroupCard({ group, locale, currency, onExportOrders }: { group: FigureGroup; locale: string; currency: string; onExportOrders: (set: string) => void }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {group.title}
        </Text>
        <BlockStack gap="300" as="ul">
          {group.figures.map((figure) => (
            <li key={figure.id} style={{ listStyle: "none" }} data-figure={figure.id}>
              <BlockStack gap="050">
                <Text as="span" tone="subdued">
                  {figure.label}
                </Text>
                <InlineStack gap="200" blockAlign="baseline">
                  <Text as="span" variant="headingLg">
                    {formatFigure(figure, figure.value, locale, currency)}
                  </Text>
                  {!figure.id.endsWith("_open") && (
                    <Text as="span" tone={TONES[changeTone(figure)]}>
                      {formatChange(figure, locale)} <span className="Polaris-Text--visuallyHidden">compared with the previous period,</span> (before: {formatFigure(figure, figure.previous, locale, currency)})
                    </Text>
                  )}
                </InlineStack>
                {(figure.basis !== null || figure.orders !== null) && (
                  <InlineStack gap="200" blockAlign="center">
                    {figure.basis !== null && (
                      <Text as="span" variant="bodySm" tone="subdued">
                        Of {figure.basis}
                      </Text>
                    )}
                    {figure.orders !== null && (
                      <Button variant="plain" onClick={() => onExportOrders(figure.orders ?? "")} accessibilityLabel={`Download the orders behind “${figure.label}” (CSV)`}>
                        Orders (CSV)
                      </Button>
                    )}
                  </InlineStack>
                )}
              </BlockStack>
            </li>
          ))}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
