import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { BlockStack, Card, EmptyState, InlineStack, Layout, Link, Page, Text } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import prisma from "~/db.server";
import { authenticateAdmin } from "~/shopify.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { resendOutboxMessage } from "~/messages/deliver-outbox.server";
import { loadOutboxMessagePage } from "~/messages/outbox-list.server";
import { enqueueDelivery } from "~/messages/request-message.server";
import { Fact } from "~/admin/fact";
import { StatusBadge } from "~/admin/status-badge";
import { MessagePreview } from "./message-preview";
import { RESEND_INTENT, ResendButton } from "./resend-button";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const message = await loadOutboxMessagePage(prisma, session.shop, params.messageId ?? "");
  if (!message) throw new Response("Message not found", { status: 404, statusText: "Not Found" });
  return message;
};

/** Resend: back in the queue, due now, and its delivery job queued. */
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const form = await request.formData();
  if (form.get("intent") !== RESEND_INTENT) throw new Response("Unknown action", { status: 400 });
  const id = params.messageId ?? "";
  const outcome = await resendOutboxMessage(prisma, session.shop, id, new Date());
  if (outcome.ok) await enqueueDelivery(getJobQueue(), session.shop, id);
  return outcome;
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.subject : "Message not found" }];

export default function MessagePage() {
  const message = useLoaderData<typeof loader>();
  return (
    <Page
      backAction={{ content: "Messages", url: "/app/messages" }}
      title={message.typeName}
      titleMetadata={<StatusBadge status={message.status} />}
      subtitle={`${message.language} · created ${message.created}`}
      primaryAction={message.canResend ? <ResendButton status={message.status.label} /> : undefined}
      secondaryActions={message.templateUrl ? [{ content: "Edit this message's text", url: message.templateUrl }] : []}
    >
      <Layout>
        <Layout.Section>
          <MessagePreview subject={message.subject} html={message.html} text={message.text} />
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">Delivery</Text>
                <Fact label="Status">
                  <BlockStack gap="100">
                    <InlineStack>
                      <StatusBadge status={message.status} />
                    </InlineStack>
                    {message.statusReason && <Text as="p">{message.statusReason}</Text>}
                  </BlockStack>
                </Fact>
                <Fact label="To">{message.to || <Text as="span" tone="subdued">No email address</Text>}</Fact>
                {message.order && (
                  <Fact label="Order">
                    <Link url={message.order.href}>{message.order.name}</Link>
                  </Fact>
                )}
                <Fact label="Kind">{message.marketing ? "Promotional (sent with consent, with an unsubscribe link)" : "About the order"}</Fact>
                <Fact label="Attempts">{String(message.attempts)}</Fact>
                {message.lastAttemptAt && <Fact label="Last attempt">{message.lastAttemptAt}</Fact>}
                {message.sendAfter && <Fact label="Not before">{message.sendAfter}</Fact>}
                {message.sentAt && <Fact label="Sent">{message.sentAt}</Fact>}
              </BlockStack>
            </Card>
            {message.attachments.length > 0 && (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">Attachments</Text>
                  {message.attachments.map((attachment) => (
                    <InlineStack key={attachment.filename} align="space-between" gap="200">
                      <Text as="span" fontWeight="medium" breakWord>{attachment.filename}</Text>
                      <Text as="span" tone="subdued">
                        {attachment.contentType} · {attachment.size}
                      </Text>
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
      <Page backAction={{ content: "Messages", url: "/app/messages" }} title="Message not found">
        <Card>
          <EmptyState heading="This message is not in the outbox" image="/empty-state.svg" action={{ content: "Back to messages", url: "/app/messages" }}>
            <p>Check the link: it may be for another store, or mistyped. Messages are also erased when a customer asks for their data to be removed.</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }
  return boundary.error(error);
}
