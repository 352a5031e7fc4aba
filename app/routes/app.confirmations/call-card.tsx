// One order in the call queue: who to call and how to reach them, what they ordered and where
// it goes, what to say, and how the call went.
import { Badge, BlockStack, Box, Card, Divider, InlineGrid, InlineStack, Link, List, Text } from "@shopify/polaris";
import type { CallRow } from "~/watch/call-queue.server";
import { CallOutcomeForm } from "./call-outcome-form";

export function CallCard({ row, retryDefault, timeZone }: { row: CallRow; retryDefault: string; timeZone: string }) {
  const contact = row.contact;
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <InlineStack gap="200" blockAlign="center">
            <Link url={row.href} removeUnderline>
              <Text as="h2" variant="headingMd">
                {row.orderName}
              </Text>
            </Link>
            {row.retry ? <Badge tone="warning">Call again</Badge> : <Badge tone="attention">Not confirmed</Badge>}
          </InlineStack>
          <Text as="span" variant="headingMd" numeric>
            {row.total}
          </Text>
        </InlineStack>
        <Text as="p" tone="subdued" variant="bodySm">
          Placed <time dateTime={row.placed.iso} title={row.placed.absolute}>{row.placed.relative}</time> · {row.retry ? "call again since" : "to confirm since"}{" "}
          <time dateTime={row.due.iso} title={row.due.relative}>{row.due.absolute}</time>
        </Text>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
          <BlockStack gap="200">
            {contact ? (
              <>
                <Text as="p" fontWeight="semibold">
                  {contact.name ?? "No name on the order"}
                </Text>
                {contact.phone ? (
                  <Link url={`tel:${contact.phone.replace(/[^\d+]/g, "")}`}>{contact.phone}</Link>
                ) : (
                  <Text as="p" tone="critical">No phone number on the order</Text>
                )}
                {contact.email && <Link url={`mailto:${contact.email}`}>{contact.email}</Link>}
                <Text as="p" tone={contact.address ? undefined : "subdued"}>
                  {contact.address ?? "Nothing shipped to an address"}
                </Text>
                {contact.items.length > 0 && (
                  <List>
                    {contact.items.map((item, index) => (
                      <List.Item key={`${item.name}-${index}`}>
                        {item.quantity} × {item.name}
                      </List.Item>
                    ))}
                  </List>
                )}
              </>
            ) : (
              <Text as="p" tone="subdued">
                The customer’s details could not be read from Shopify: open the order there to call them.
              </Text>
            )}
          </BlockStack>
          <Box background="bg-surface-secondary" padding="300" borderRadius="200">
            <BlockStack gap="100">
              <Text as="h3" variant="headingSm">
                What to say
              </Text>
              {row.script.map((line) => (
                <Text as="p" key={line}>
                  {line}
                </Text>
              ))}
            </BlockStack>
          </Box>
        </InlineGrid>
        <Divider />
        <CallOutcomeForm orderId={row.orderId} orderName={row.orderName} retryDefault={retryDefault} timeZone={timeZone} />
      </BlockStack>
    </Card>
  );
}
