// The gifts given: per month with what they cost, and the latest ones with their order and status.
import { Link } from "@remix-run/react";
import { BlockStack, Box, Card, DataTable, EmptyState, IndexTable, Text } from "@shopify/polaris";
import { StatusBadge } from "~/admin/status-badge";
import type { GiftsPage } from "./gifts-page.server";

export function GiftHistory({ months, grants }: { months: GiftsPage["months"]; grants: GiftsPage["grants"] }) {
  return (
    <>
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Gifts per month
          </Text>
          <DataTable
            columnContentTypes={["text", "numeric", "numeric"]}
            headings={["Month", "Gifts given", "Cost"]}
            rows={[...months].reverse().map((month) => [month.label, month.given, month.cost])}
          />
        </BlockStack>
      </Card>
      <Card padding="0">
        <Box padding="400">
          <Text as="h2" variant="headingMd">
            Recent gifts
          </Text>
        </Box>
        {grants.length === 0 ? (
          <EmptyState heading="No gifts given yet" image="/empty-state.svg">
            <p>Gifts appear here as your rules give them, with their order and whether they were given.</p>
          </EmptyState>
        ) : (
          <IndexTable
            resourceName={{ singular: "gift", plural: "gifts" }}
            itemCount={grants.length}
            selectable={false}
            headings={[{ title: "Order" }, { title: "Rule" }, { title: "Gift" }, { title: "Status" }, { title: "Cost", alignment: "end" }, { title: "When" }]}
          >
            {grants.map((grant, index) => (
              <IndexTable.Row id={grant.id} key={grant.id} position={index}>
                <IndexTable.Cell>
                  <Link to={grant.order.href}>{grant.order.name}</Link>
                </IndexTable.Cell>
                <IndexTable.Cell>{grant.ruleName}</IndexTable.Cell>
                <IndexTable.Cell>
                  <BlockStack>
                    <Text as="span">{grant.kind}</Text>
                    {grant.detail && (
                      <Text as="span" variant="bodySm" tone="subdued" breakWord>
                        {grant.detail}
                      </Text>
                    )}
                  </BlockStack>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <BlockStack gap="100">
                    <StatusBadge status={grant.status} />
                    {grant.error && (
                      <Text as="span" variant="bodySm" tone="critical" breakWord>
                        {grant.error}
                      </Text>
                    )}
                  </BlockStack>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>
                    {grant.cost}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>{grant.when}</IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
      </Card>
    </>
  );
}
