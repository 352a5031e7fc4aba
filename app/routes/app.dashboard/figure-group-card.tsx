import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { changeTone, formatChange, formatFigure } from "~/dashboard/figure-format";
import type { FigureGroup, OrderSet } from "~/dashboard/indicators";

const TONES = { good: "success", bad: "critical", neutral: "subdued" } as const;

/** The list of the orders behind a figure, for the period the dashboard shows. */
function ordersUrl(set: OrderSet, periodQuery: string): string {
  const params = new URLSearchParams(periodQuery);
  params.set("orders", set);
  return `/app/dashboard/orders?${params.toString()}`;
}

/** One section of figures: each value in text, the previous period's, the change, and a link to its orders. */
export function FigureGroupCard({ group, locale, currency, periodQuery }: { group: FigureGroup; locale: string; currency: string; periodQuery: string }) {
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
                      <Button variant="plain" url={ordersUrl(figure.orders, periodQuery)} accessibilityLabel={`Orders behind “${figure.label}”`}>
                        Orders
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
