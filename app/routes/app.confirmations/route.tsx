// /app/confirmations: the confirmation call queue — orders to confirm by phone, the longest
// waiting first, with the customer's details from Shopify, a call script and the outcome buttons.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, EmptyState, InlineStack, Layout, Page, Pagination, Text } from "@shopify/polaris";
import prisma from "~/db.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { authenticateAdmin } from "~/shopify.server";
import { CALL_OUTCOME_INTENT, loadCallQueue, recordCallOutcome } from "~/watch/call-queue.server";
import { CallCard } from "./call-card";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticateAdmin(request);
  return loadCallQueue(prisma, admin, session.shop, new URL(request.url).searchParams, new Date());
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const form = await request.formData();
  if (form.get("intent") !== CALL_OUTCOME_INTENT) throw new Response("Unknown action", { status: 400 });
  const result = await recordCallOutcome(prisma, getJobQueue(), session.shop, String(form.get("orderId") ?? ""), form, new Date());
  if (!result) throw new Response("Order not found", { status: 404, statusText: "Not Found" });
  return result;
};

export const meta: MetaFunction = () => [{ title: "Confirmation calls" }];

export default function ConfirmationsPage() {
  const queue = useLoaderData<typeof loader>();
  const later = queue.later.count > 0 && queue.later.next ? (
    <Text as="p" tone="subdued">
      {queue.later.count === 1 ? "1 more order" : `${queue.later.count} more orders`} to call back later, the first{" "}
      <time dateTime={queue.later.next.iso} title={queue.later.next.absolute}>
        {queue.later.next.relative}
      </time>
      .
    </Text>
  ) : null;

  return (
    <Page
      title="Confirmation calls"
      subtitle={queue.total === 0 ? undefined : queue.total === 1 ? "1 order to call" : `${queue.total} orders to call`}
      secondaryActions={[{ content: "Confirmation rules", url: "/app/settings/watch" }]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {queue.contactProblem && (
              <Banner tone="warning" title="Customer details unavailable">
                <p>{queue.contactProblem}</p>
              </Banner>
            )}
            {queue.rows.length === 0 ? (
              <Card>
                <EmptyState heading="No calls to make" image="/empty-state.svg" action={{ content: "Set which orders to confirm", url: "/app/settings/watch" }}>
                  <p>
                    Orders that need confirming before dispatch — cash on delivery by default — appear here once they have waited longer than your
                    confirmation window, and again at the time you chose when a customer did not answer.
                  </p>
                  {later}
                </EmptyState>
              </Card>
            ) : (
              <>
                {later}
                {queue.rows.map((row) => (
                  <CallCard key={row.orderId} row={row} retryDefault={queue.retryDefault} timeZone={queue.timeZone} />
                ))}
                {(queue.page.previousUrl || queue.page.nextUrl) && (
                  <InlineStack align="center">
                    <Pagination
                      hasPrevious={queue.page.previousUrl !== null}
                      previousURL={queue.page.previousUrl ?? undefined}
                      hasNext={queue.page.nextUrl !== null}
                      nextURL={queue.page.nextUrl ?? undefined}
                      label={queue.page.label ?? undefined}
                    />
                  </InlineStack>
                )}
              </>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
