// The orders of one page, newest first, with links to the pages before and after.
import { useLocation, useSearchParams } from "@remix-run/react";
import { EmptyState, IndexTable, InlineStack, Link, Text } from "@shopify/polaris";
import { StatusBadge } from "~/admin/status-badge";
import { CASH_ON_DELIVERY_BADGE } from "~/orders/order-labels";
import { withCursor } from "~/orders/order-filters";
import type { OrderListPageView } from "~/orders/order-list.server";

type Props = { page: Pick<OrderListPageView, "rows" | "range" | "previousCursor" | "nextCursor">; loading: boolean; clearUrl: string };

const HEADINGS: [{ title: string }, ...{ title: string; alignment?: "start" | "center" | "end" }[]] = [
  { title: "Order" },
  { title: "Placed" },
  { title: "Customer" },
  { title: "Payment" },
  { title: "Fulfillment" },
  { title: "Shipment" },
  { title: "Total", alignment: "end" },
  { title: "Country" },
];

export function OrdersTable({ page, loading, clearUrl }: Props) {
  const [searchParams] = useSearchParams();
  const { pathname } = useLocation();
  const pageUrl = (direction: "after" | "before", cursor: string | null) =>
    cursor ? `${pathname}?${withCursor(searchParams, direction, cursor).toString()}` : undefined;

  return (
    <IndexTable
      resourceName={{ singular: "order", plural: "orders" }}
      itemCount={page.rows.length}
      selectable={false}
      loading={loading}
      headings={HEADINGS}
      emptyState={
        <EmptyState heading="No orders match" image="/empty-state.svg" action={{ content: "Clear search and filters", url: clearUrl }}>
          <p>Try another order number or customer id, or fewer filters.</p>
        </EmptyState>
      }
      pagination={{
        hasPrevious: page.previousCursor !== null,
        hasNext: page.nextCursor !== null,
        previousURL: pageUrl("before", page.previousCursor),
        nextURL: pageUrl("after", page.nextCursor),
        label: page.range ?? undefined,
      }}
    >
      {page.rows.map((row, index) => (
        <IndexTable.Row id={row.orderId} key={row.orderId} position={index}>
          <IndexTable.Cell>
            <InlineStack gap="200" blockAlign="center" wrap={false}>
              <Link url={row.href} dataPrimaryLink monochrome removeUnderline>
                <Text as="span" variant="bodyMd" fontWeight="semibold">
                  {row.name}
                </Text>
              </Link>
              {row.cancelled && <StatusBadge status={row.cancelled} />}
              {row.cashOnDelivery && <StatusBadge status={CASH_ON_DELIVERY_BADGE} />}
            </InlineStack>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <time dateTime={row.placed.iso} title={row.placed.absolute}>
              {row.placed.relative}
            </time>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" tone={row.customer === "Guest" ? "subdued" : undefined}>
              {row.customer}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <StatusBadge status={row.payment} />
          </IndexTable.Cell>
          <IndexTable.Cell>
            <StatusBadge status={row.fulfillment} />
          </IndexTable.Cell>
          <IndexTable.Cell>
            {row.shipment ? <StatusBadge status={row.shipment} /> : <Text as="span" tone="subdued">—</Text>}
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" alignment="end" numeric>
              {row.total}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            {row.country ? <span title={row.country.code}>{row.country.name}</span> : <Text as="span" tone="subdued">—</Text>}
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
