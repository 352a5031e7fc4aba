// The returns of one page of a status tab, newest first, with links to the pages before and
// after. A row opens the return; its order link opens the order.
import { EmptyState, IndexTable, InlineStack, Link, Text } from "@shopify/polaris";
import { StatusBadge } from "~/admin/status-badge";
import { SHOP_FAULT_BADGE } from "~/returns/return-labels";
import type { StatusBadge as Status } from "~/orders/order-labels";

export type ReturnRow = {
  id: string;
  href: string;
  returnNumber: string;
  status: Status;
  order: { name: string; href: string };
  reason: string;
  shopFault: boolean;
  age: string;
  requestedAt: string;
  requested: string;
  value: string | null;
};

type Props = { rows: ReturnRow[]; previousUrl: string | null; nextUrl: string | null; loading: boolean };

const HEADINGS: [{ title: string }, ...{ title: string; alignment?: "start" | "center" | "end" }[]] = [
  { title: "Return" },
  { title: "Status" },
  { title: "Order" },
  { title: "Reason" },
  { title: "Waiting" },
  { title: "Value", alignment: "end" },
];

export function ReturnsTable({ rows, previousUrl, nextUrl, loading }: Props) {
  return (
    <IndexTable
      resourceName={{ singular: "return", plural: "returns" }}
      itemCount={rows.length}
      selectable={false}
      loading={loading}
      headings={HEADINGS}
      emptyState={
        <EmptyState heading="No returns here" image="/empty-state.svg">
          <p>No return is in this status. Try another tab.</p>
        </EmptyState>
      }
      pagination={{ hasPrevious: previousUrl !== null, hasNext: nextUrl !== null, previousURL: previousUrl ?? undefined, nextURL: nextUrl ?? undefined }}
    >
      {rows.map((row, index) => (
        <IndexTable.Row id={row.id} key={row.id} position={index}>
          <IndexTable.Cell>
            <Link url={row.href} dataPrimaryLink monochrome removeUnderline>
              <Text as="span" fontWeight="semibold">
                {row.returnNumber}
              </Text>
            </Link>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <StatusBadge status={row.status} />
          </IndexTable.Cell>
          <IndexTable.Cell>
            {/* The row opens the return; this link opens the order instead. */}
            <span onClick={(event) => event.stopPropagation()}>
              <Link url={row.order.href}>{row.order.name}</Link>
            </span>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <InlineStack gap="100" blockAlign="center" wrap={false}>
              <Text as="span">{row.reason}</Text>
              {row.shopFault && <StatusBadge status={SHOP_FAULT_BADGE} />}
            </InlineStack>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <time dateTime={row.requestedAt} title={row.requested}>
              {row.age}
            </time>
          </IndexTable.Cell>
          <IndexTable.Cell>
            {row.value ? (
              <Text as="span" alignment="end" numeric>
                {row.value}
              </Text>
            ) : (
              <Text as="span" alignment="end" tone="subdued">
                —
              </Text>
            )}
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
