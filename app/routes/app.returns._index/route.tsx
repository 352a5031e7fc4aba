import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation, useNavigate, useNavigation } from "@remix-run/react";
import { BlockStack, Card, EmptyState, Layout, Page, Tabs, Text } from "@shopify/polaris";
import { LinkNotices } from "~/admin/link-notices";
import prisma from "~/db.server";
import { authenticateAdmin } from "~/shopify.server";
import { loadReturnsQueuePage } from "./returns-queue-page.server";
import { ReturnInsightsCard } from "./return-insights-card";
import { ReturnsTable } from "./returns-table";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  return loadReturnsQueuePage(prisma, session.shop, new URL(request.url).searchParams, { now: new Date() });
};

export const meta: MetaFunction = () => [{ title: "Returns" }];

export default function ReturnsPage() {
  const page = useLoaderData<typeof loader>();
  const location = useLocation();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const loading = navigation.state === "loading" && navigation.location.pathname === location.pathname;
  const selected = Math.max(0, page.views.findIndex((view) => view.id === page.view));

  return (
    <Page title="Returns" fullWidth secondaryActions={[{ content: "Return settings", url: "/app/settings/returns" }]}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <LinkNotices notices={page.notices} />
            {!page.shopHasReturns ? (
              <Card>
                <EmptyState heading="No return requests yet" image="/empty-state.svg" action={{ content: "Set up returns", url: "/app/settings/returns" }}>
                  <BlockStack gap="200">
                    <Text as="p">
                      Shoppers start a return on your store’s return page, {page.returnPageUrl.replace(/^https:\/\//, "")}: they find their order
                      with its number and their email, choose the items and the reason, and see what your policy means for them before they
                      send the request.
                    </Text>
                    <Text as="p">
                      Link to the page where shoppers look for it: add it to your footer menu (Online Store › Navigation) and to your
                      contact or returns page in the theme editor. Requests arrive here; those your policy approves on its own get their
                      label and instructions at once.
                    </Text>
                  </BlockStack>
                </EmptyState>
              </Card>
            ) : (
              <>
                <ReturnInsightsCard insights={page.insights} />
                <Card padding="0">
                  <Tabs tabs={page.views.map((view) => ({ id: `returns-${view.id}`, content: view.label }))} selected={selected} onSelect={(index) => navigate(page.views[index]?.url ?? "/app/returns")} />
                  <ReturnsTable rows={page.rows} previousUrl={page.previousUrl} nextUrl={page.nextUrl} loading={loading} />
                </Card>
              </>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
