// The outbox's messages of one page, newest first, with links to the pages before and after.
import { useLocation, useSearchParams } from "@remix-run/react";
import { BlockStack, EmptyState, IndexTable, Link, Text, Tooltip } from "@shopify/polaris";
import { StatusBadge } from "~/admin/status-badge";
import type { OutboxListView } from "~/messages/outbox-list.server";

type Props = { page: Pick<OutboxListView, "rows" | "range" | "previousCursor" | "nextCursor">; loading: boolean; clearUrl: string };

const HEADINGS: [{ title: string }, ...{ title: string }[]] = [
  { title: "Created" },
  { title: "Message" },
  { title: "Order" },
  { title: "To" },
  { title: "Language" },
  { title: "Status" },
  { title: "Sent" },
];

export function OutboxTable({ page, loading, clearUrl }: Props) {
  const [searchParams] = useSearchParams();
  const { pathname } = useLocation();
  const pageUrl = (direction: "after" | "before", cursor: string | null) => {
    if (!cursor) return undefined;
    const next = new URLSearchParams(searchParams);
    next.delete("after");
    next.delete("before");
    next.set(direction, cursor);
    return `${pathname}?${next.toString()}`;
  };

  return (
    <IndexTable
      resourceName={{ singular: "message", plural: "messages" }}
      itemCount={page.rows.length}
      selectable={false}
      loading={loading}
      headings={HEADINGS}
      emptyState={
        <EmptyState heading="No messages match" image="/empty-state.svg" action={{ content: "Clear search and filters", url: clearUrl }}>
          <p>Try another order number, or fewer filters.</p>
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
        <IndexTable.Row id={row.id} key={row.id} position={index}>
          <IndexTable.Cell>
            <time dateTime={row.created.iso} title={row.created.absolute}>
              {row.created.relative}
            </time>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Link url={row.href} dataPrimaryLink monochrome removeUnderline>
              <Text as="span" fontWeight="semibold">
                {row.typeName}
              </Text>
            </Link>
          </IndexTable.Cell>
          <IndexTable.Cell>
            {row.order ? (
              // The row opens the message; this link opens the order instead.
              <span onClick={(event) => event.stopPropagation()}>
                <Link url={row.order.href}>{row.order.name}</Link>
              </span>
            ) : (
              <Text as="span" tone="subdued">—</Text>
            )}
          </IndexTable.Cell>
          <IndexTable.Cell>{row.to ? row.to : <Text as="span" tone="subdued">No email address</Text>}</IndexTable.Cell>
          <IndexTable.Cell>{row.language}</IndexTable.Cell>
          <IndexTable.Cell>
            {row.statusReason ? (
              <Tooltip content={row.statusReason}>
                <BlockStack gap="050">
                  <StatusBadge status={row.status} />
                  <div style={{ maxWidth: "20rem", whiteSpace: "normal" }}>
                    <Text as="span" variant="bodySm" tone="subdued" truncate>
                      {row.statusReason}
                    </Text>
                  </div>
                </BlockStack>
              </Tooltip>
            ) : (
              <StatusBadge status={row.status} />
            )}
          </IndexTable.Cell>
          <IndexTable.Cell>{row.sentAt ?? <Text as="span" tone="subdued">—</Text>}</IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
