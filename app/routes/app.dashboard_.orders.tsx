import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Card, EmptyState, IndexTable, Layout, Link, Page, Text } from "@shopify/polaris";
import { useState } from "react";
import { LinkNotices } from "~/admin/link-notices";
import { downloadFile } from "~/admin/download";
import { loadOrdersBehindPage, UnknownOrderSetError } from "~/dashboard/orders-behind.server";
import prisma from "~/db.server";
import { authenticateAdmin } from "~/shopify.server";

// /app/dashboard/orders?orders=<set>&period=…: the orders behind one figure of the dashboard,
// a page at a time, with the same list as CSV.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const params = new URL(request.url).searchParams;
  try {
    return await loadOrdersBehindPage(prisma, session.shop, params, { now: new Date() });
  } catch (error) {
    if (error instanceof UnknownOrderSetError) throw new Response(error.message, { status: 404, statusText: "Not Found" });
    throw error;
  }
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Orders behind “${data.title}”` : "Orders behind a figure" }];

const HEADINGS: [{ title: string }, ...{ title: string }[]] = [{ title: "Order" }, { title: "Placed" }, { title: "Detail" }];

export default function OrdersBehindPage() {
  const page = useLoaderData<typeof loader>();
  const location = useLocation();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === location.pathname;
  const [exportError, setExportError] = useState<string | null>(null);
  const download = () => {
    setExportError(null);
    downloadFile(page.exportUrl, page.exportFilename).catch(() => setExportError("The CSV could not be downloaded. Try again in a moment."));
  };

  return (
    <Page
      title={`Orders behind “${page.title}”`}
      subtitle={`${page.periodLabel}: ${page.totalLabel}`}
      backAction={{ content: "Dashboard", url: page.backUrl }}
      secondaryActions={[{ content: "Download CSV", onAction: download }]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <LinkNotices notices={page.notices} />
            {exportError && (
              <Banner tone="critical" onDismiss={() => setExportError(null)}>
                {exportError}
              </Banner>
            )}
            <Text as="p" tone="subdued">
              {page.description}
            </Text>
            <Card padding="0">
              <IndexTable
                resourceName={{ singular: "order", plural: "orders" }}
                itemCount={page.rows.length}
                selectable={false}
                loading={loading}
                headings={HEADINGS}
                emptyState={
                  <EmptyState heading="No orders behind this figure" image="/empty-state.svg" action={{ content: "Back to the dashboard", url: page.backUrl }}>
                    <p>{page.periodBound ? "Nothing in this period counts towards this figure. Another period may hold some." : "Nothing is open now."}</p>
                  </EmptyState>
                }
                pagination={{
                  hasPrevious: page.page.previousUrl !== null,
                  hasNext: page.page.nextUrl !== null,
                  previousURL: page.page.previousUrl ?? undefined,
                  nextURL: page.page.nextUrl ?? undefined,
                  label: page.page.label ?? undefined,
                }}
              >
                {page.rows.map((row, index) => (
                  <IndexTable.Row id={row.key} key={row.key} position={index}>
                    <IndexTable.Cell>
                      {row.href ? (
                        <Link url={row.href} dataPrimaryLink monochrome removeUnderline>
                          <Text as="span" variant="bodyMd" fontWeight="semibold">
                            {row.name}
                          </Text>
                        </Link>
                      ) : (
                        <Text as="span" tone="subdued">
                          {row.name}
                        </Text>
                      )}
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      {row.placed ? <time dateTime={row.placed.iso}>{row.placed.text}</time> : <Text as="span" tone="subdued">Not stored</Text>}
                    </IndexTable.Cell>
                    <IndexTable.Cell>{row.note}</IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
