// /app, the front page: "Needs attention" — the shop's open flags (late, unconfirmed, stalled…)
// counted by kind and listed most overdue first, with bulk actions on the selected rows — and a
// small card about the shop itself.
import { useCallback, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  EmptyState,
  IndexTable,
  InlineGrid,
  InlineStack,
  Layout,
  Link,
  Page,
  Text,
  useIndexResourceState,
} from "@shopify/polaris";
import prisma from "../db.server";
import { getJobQueue } from "../jobs/runtime.server";
import { authenticateAdmin } from "../shopify.server";
import { loadShopOverview } from "../shops/overview.server";
import { handleFlagAction, isFlagActionIntent, loadNeedsAttention, type NeedsAttentionView } from "../watch/needs-attention.server";
import { FlagActionModal, type FlagActionIntent } from "./app.confirmations/flag-action-modal";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticateAdmin(request);
  const [overview, attention] = await Promise.all([
    // The shop card is a nice-to-have: without Shopify's answer the flags still show.
    loadShopOverview(admin, session.shop).catch((error: unknown) => {
      if (error instanceof Response) throw error;
      return null;
    }),
    loadNeedsAttention(prisma, session.shop, new URL(request.url).searchParams, new Date()),
  ]);
  return {
    ...(overview ?? { shop: session.shop, shopName: "", currency: "", timezone: attention.timeZone, ordersLabel: "—" }),
    overviewAvailable: overview !== null,
    attention,
  };
};

/** The bulk actions (and the same actions on one flag): mark handled, snooze, send the delay apology. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const form = await request.formData();
  const intent = form.get("intent");
  if (!isFlagActionIntent(intent)) throw new Response("Unknown action", { status: 400 });
  return handleFlagAction(prisma, getJobQueue(), session.shop, intent, form, new Date());
};

export default function NeedsAttention() {
  const data = useLoaderData<typeof loader>();
  const { attention } = data;
  return (
    <Page
      title="Needs attention"
      subtitle={attention.totalOpen === 0 ? "Nothing late or unconfirmed" : attention.totalOpen === 1 ? "1 open flag" : `${attention.totalOpen} open flags`}
      primaryAction={{ content: "Confirmation calls", url: "/app/confirmations" }}
      secondaryActions={[{ content: "Watch settings", url: "/app/settings/watch" }]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <FlagCounts counts={attention.counts} />
            <FlagList attention={attention} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {data.shopName || "Your shop"}
              </Text>
              <BlockStack gap="050">
                <Text as="h3" variant="bodySm" tone="subdued">
                  Orders in Shopify
                </Text>
                <Text as="p" variant="headingLg">
                  {data.ordersLabel}
                </Text>
              </BlockStack>
              <Text as="p" tone="subdued" variant="bodySm">
                Times in {attention.timeZone}
                {data.currency ? ` · Currency: ${data.currency}` : ""}
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function FlagCounts({ counts }: { counts: NeedsAttentionView["counts"] }) {
  return (
    <InlineGrid columns={{ xs: 2, sm: 3, md: 4, lg: 7 }} gap="300">
      {counts.map((entry) => (
        <Card key={entry.kind} background={entry.selected ? "bg-surface-selected" : undefined}>
          <Link url={entry.href} monochrome removeUnderline accessibilityLabel={`${entry.label}: ${entry.count}${entry.selected ? " (shown; show all)" : " (show only these)"}`}>
            <BlockStack gap="100">
              <InlineStack>
                <Badge tone={entry.count > 0 ? entry.tone : undefined}>{entry.label}</Badge>
              </InlineStack>
              <Text as="p" variant="headingXl" tone={entry.count > 0 ? undefined : "subdued"}>
                {String(entry.count)}
              </Text>
            </BlockStack>
          </Link>
        </Card>
      ))}
    </InlineGrid>
  );
}

function FlagList({ attention }: { attention: NeedsAttentionView }) {
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/app";
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(attention.rows);
  const [dialog, setDialog] = useState<FlagActionIntent | null>(null);
  const selected = allResourcesSelected ? attention.rows.map((row) => row.id) : selectedResources;
  const canApologise = attention.rows.some((row) => selected.includes(row.id) && row.canApologise);
  const closeDialog = useCallback(() => setDialog(null), []);
  const { filters, links } = attention;

  if (attention.rows.length === 0 && !filters.filtered && attention.page.number === 1) {
    return (
      <Card>
        <EmptyState heading="Nothing needs attention" image="/empty-state.svg" action={{ content: "Review the watch settings", url: "/app/settings/watch" }}>
          <p>
            Orders appear here when they need you: not confirmed in time, dispatch due soon or late, a delivery late, stalled in transit or failed,
            or a parcel sent without a tracking number — each with the reason and when it was due, most overdue first.
          </p>
        </EmptyState>
      </Card>
    );
  }

  return (
    <Card padding="0">
      <BlockStack>
        <Box padding="300">
          <InlineStack gap="200" blockAlign="center">
            <Button url={links.toggleSnoozed} pressed={filters.includeSnoozed} size="slim">
              Show snoozed
            </Button>
            <Button url={links.toggleHandled} pressed={filters.includeHandled} size="slim">
              Show handled
            </Button>
            {filters.filtered && (
              <Button url={links.all} variant="plain">
                Clear filters
              </Button>
            )}
          </InlineStack>
        </Box>
        <IndexTable
          resourceName={{ singular: "flag", plural: "flags" }}
          itemCount={attention.rows.length}
          selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
          onSelectionChange={handleSelectionChange}
          loading={loading}
          headings={[{ title: "Order" }, { title: "Flag" }, { title: "Reason" }, { title: "Due" }, { title: "Since" }]}
          promotedBulkActions={[
            { content: "Mark handled", onAction: () => setDialog("mark-handled") },
            ...(canApologise ? [{ content: "Send delay apology", onAction: () => setDialog("send-apology") }] : []),
            { content: "Snooze until…", onAction: () => setDialog("snooze") },
          ]}
          emptyState={
            <EmptyState heading="No flags match" image="/empty-state.svg" action={{ content: "Show all open flags", url: links.all }}>
              <p>Try another kind, or include snoozed and handled flags.</p>
            </EmptyState>
          }
          pagination={{
            hasPrevious: attention.page.previousUrl !== null,
            hasNext: attention.page.nextUrl !== null,
            previousURL: attention.page.previousUrl ?? undefined,
            nextURL: attention.page.nextUrl ?? undefined,
            label: attention.page.label ?? undefined,
          }}
        >
          {attention.rows.map((row, index) => (
            <IndexTable.Row id={row.id} key={row.id} position={index} selected={selected.includes(row.id)}>
              <IndexTable.Cell>
                <Link url={row.href} dataPrimaryLink monochrome removeUnderline>
                  <Text as="span" fontWeight="semibold">
                    {row.orderName}
                  </Text>
                </Link>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <Badge tone={row.status === "open" ? row.tone : undefined}>{row.label}</Badge>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <BlockStack gap="050">
                  <Text as="span" breakWord>
                    {row.reason}
                  </Text>
                  {row.statusNote && (
                    <Text as="span" tone="subdued" variant="bodySm">
                      {row.statusNote}
                    </Text>
                  )}
                </BlockStack>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <BlockStack gap="050">
                  <time dateTime={row.due.iso}>{row.due.relative}</time>
                  <Text as="span" tone="subdued" variant="bodySm">
                    {row.due.absolute}
                  </Text>
                </BlockStack>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <time dateTime={row.since.iso} title={row.since.absolute}>
                  {row.since.relative}
                </time>
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </BlockStack>
      <FlagActionModal intent={dialog} flagIds={selected} defaults={attention.defaults} timeZone={attention.timeZone} onClose={closeDialog} onDone={clearSelection} />
    </Card>
  );
}
