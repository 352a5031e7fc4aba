import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { BlockStack, Card, EmptyState, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import prisma from "~/db.server";
import { authenticateAdmin } from "~/shopify.server";
import { loadOrderDetailPage } from "~/orders/order-detail.server";
import { ADMIN_TIME_ZONE } from "~/orders/order-format";
import { StatusBadge } from "~/admin/status-badge";
import { CareTimeline } from "./care-timeline";
import { ParcelCard } from "./parcel-card";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const order = await loadOrderDetailPage(prisma, session.shop, params.orderId ?? "", { timeZone: ADMIN_TIME_ZONE });
  if (!order) throw new Response("Order not found", { status: 404, statusText: "Not Found" });
  return order;
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Order ${data.name}` : "Order not found" }];

export default function OrderPage() {
  const order = useLoaderData<typeof loader>();
  return (
    <Page
      backAction={{ content: "Orders", url: "/app/orders" }}
      title={order.name}
      titleMetadata={
        <InlineStack gap="100">
          {order.badges.map((badge) => (
            <StatusBadge key={badge.label} status={badge} />
          ))}
        </InlineStack>
      }
      subtitle={`Placed ${order.placed} · ${order.total}`}
      secondaryActions={[{ content: "Open in Shopify", url: order.adminUrl, target: "_top" }]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <CareTimeline entries={order.timeline} />
            {order.parcels.length === 0 ? (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">Parcels</Text>
                  <Text as="p" tone="subdued">Nothing has been dispatched yet.</Text>
                </BlockStack>
              </Card>
            ) : (
              order.parcels.map((parcel) => <ParcelCard key={parcel.id} parcel={parcel} />)
            )}
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">Summary</Text>
                <Text as="p" variant="headingLg">{order.total}</Text>
                {order.facts.map((fact) => (
                  <BlockStack key={fact.label} gap="050">
                    <Text as="h3" variant="bodySm" tone="subdued">{fact.label}</Text>
                    <Text as="p">{fact.value}</Text>
                  </BlockStack>
                ))}
              </BlockStack>
            </Card>
            {order.refunds.length > 0 && (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">Refunds</Text>
                  {order.refunds.map((refund) => (
                    <InlineStack key={refund.id} align="space-between" gap="200">
                      <Text as="span" fontWeight="medium">{refund.amount}</Text>
                      <Text as="span" tone="subdued">{refund.date}</Text>
                    </InlineStack>
                  ))}
                </BlockStack>
              </Card>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Page backAction={{ content: "Orders", url: "/app/orders" }} title="Order not found">
        <Card>
          <EmptyState heading="This order is not in Aftercare" image="/empty-state.svg" action={{ content: "Back to orders", url: "/app/orders" }}>
            <p>
              Check the link: it may be for another store, or mistyped. Aftercare has this store’s orders from the last 60 days
              before its first sync and every order placed since; a new order appears within a minute of being placed.
            </p>
          </EmptyState>
        </Card>
      </Page>
    );
  }
  // Shopify's authentication answers (re-auth, bounce pages) and real errors: as everywhere else.
  return boundary.error(error);
}
