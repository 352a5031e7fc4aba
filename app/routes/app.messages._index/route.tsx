import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Card, EmptyState, Layout, Page } from "@shopify/polaris";
import { LinkNotices } from "~/admin/link-notices";
import prisma from "~/db.server";
import { authenticateAdmin } from "~/shopify.server";
import { loadOutboxListPage } from "~/messages/outbox-list.server";
import { OutboxFiltersBar, clearedUrl } from "./outbox-filters-bar";
import { OutboxTable } from "./outbox-table";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  return loadOutboxListPage(prisma, session.shop, new URL(request.url).searchParams, { now: new Date() });
};

export const meta: MetaFunction = () => [{ title: "Messages" }];

export default function MessagesPage() {
  const page = useLoaderData<typeof loader>();
  const location = useLocation();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === location.pathname;

  return (
    <Page
      title="Messages"
      subtitle="Every message Aftercare composes for your shoppers, in their language, whether it could be sent or not."
      secondaryActions={[{ content: "Message settings", url: "/app/settings/messages" }]}
      fullWidth
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {page.outboxOnly && (
              <Banner
                tone="warning"
                title="Messages are kept in the outbox: set up your mail server to send them"
                action={{ content: "Set up sending", url: "/app/settings/messages#sending" }}
              >
                <p>
                  Without a mail server, Aftercare composes every message and keeps it here. Once your server is set up, use Resend
                  on a message to send it.
                </p>
              </Banner>
            )}
            <LinkNotices notices={page.notices} />
            {!page.shopHasMessages && !page.filtered ? (
              <Card>
                <EmptyState
                  heading="No messages yet"
                  image="/empty-state.svg"
                  action={{ content: "Message settings", url: "/app/settings/messages" }}
                >
                  <p>
                    Order confirmations, dispatch notes, delay apologies and delivery check-ins appear here as Aftercare composes
                    them, each with a preview and a resend button. Without a mail server they are kept here, so nothing is lost
                    while you set one up.
                  </p>
                </EmptyState>
              </Card>
            ) : (
              <Card padding="0">
                <OutboxFiltersBar filters={page.filters} statusChoices={page.statusChoices} typeChoices={page.typeChoices} loading={loading} />
                <OutboxTable page={page} loading={loading} clearUrl={clearedUrl(location.pathname, location.search)} />
              </Card>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
