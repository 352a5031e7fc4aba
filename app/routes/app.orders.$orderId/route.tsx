import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { BlockStack, Card, EmptyState, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import prisma from "~/db.server";
import { authenticateAdmin } from "~/shopify.server";
import { loadOrderDetailPage } from "~/orders/order-detail.server";
import { StatusBadge } from "~/admin/status-badge";
import { getJobQueue } from "~/jobs/runtime.server";
import { CALL_OUTCOME_INTENT, recordCallOutcome } from "~/watch/call-queue.server";
import { handleOrderFlagAction, isFlagActionIntent, loadOrderCareStatus, shopTimeZone } from "~/watch/needs-attention.server";
import { isManualMessageType, listOrderMessages, MANUAL_MESSAGE_TYPES, sendOrderMessage } from "~/messages/order-messages.server";
import { messageTypeName } from "~/messages/templates.server";
import { CareStatusPanel } from "./care-status-panel";
import { OrderMessagesCard, SEND_MESSAGE_INTENT } from "./order-messages-card";
import { CareTimeline } from "./care-timeline";
import { ParcelCard } from "./parcel-card";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const orderId = params.orderId ?? "";
  // Times in the shop's zone (UTC until Shopify has told it).
  const timeZone = await shopTimeZone(prisma, session.shop);
  const [order, care, messages] = await Promise.all([
    loadOrderDetailPage(prisma, session.shop, orderId, { timeZone }),
    loadOrderCareStatus(prisma, session.shop, orderId, new Date()),
    listOrderMessages(prisma, session.shop, orderId),
  ]);
  if (!order || !care) throw new Response("Order not found", { status: 404, statusText: "Not Found" });
  return { ...order, care, messages, messageTypes: MANUAL_MESSAGE_TYPES.map((type) => ({ value: type, label: messageTypeName(type) })), timeZone };
};

/** The Care status panel: a flag's actions (handled, snooze, apology) and a call's outcome, for this order only. */
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const orderId = params.orderId ?? "";
  const form = await request.formData();
  const intent = form.get("intent");
  const now = new Date();
  if (intent === SEND_MESSAGE_INTENT) {
    const type = form.get("type");
    if (!isManualMessageType(type)) return { ok: false, error: "Choose a message to send." };
    return sendOrderMessage(prisma, getJobQueue(), session.shop, orderId, type);
  }
  const result =
    intent === CALL_OUTCOME_INTENT
      ? await recordCallOutcome(prisma, getJobQueue(), session.shop, orderId, form, now)
      : isFlagActionIntent(intent)
        ? await handleOrderFlagAction(prisma, getJobQueue(), session.shop, orderId, intent, form, now)
        : undefined;
  if (result === undefined) throw new Response("Unknown action", { status: 400 });
  if (result === null) throw new Response("Order not found", { status: 404, statusText: "Not Found" });
  return result;
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
            <CareStatusPanel care={order.care} orderId={order.orderId} orderName={order.name} />
            <CareTimeline entries={order.timeline} />
            <OrderMessagesCard messages={order.messages} types={order.messageTypes} timeZone={order.timeZone} />
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
