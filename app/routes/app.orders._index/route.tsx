import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { BlockStack, Card, EmptyState, Layout, Page } from "@shopify/polaris";
import { LinkNotices } from "~/admin/link-notices";
import prisma from "~/db.server";
import { authenticateAdmin } from "~/shopify.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { requestBackfill } from "~/sync/backfill.server";
import { loadOrderListPage } from "~/orders/order-list.server";
import { ADMIN_TIME_ZONE } from "~/orders/order-format";
import { withoutSearchOrFilters } from "~/orders/order-filters";
import { OrderFiltersBar } from "./order-filters-bar";
import { OrdersTable } from "./orders-table";
import { SYNC_INTENT, SyncStatusBanner } from "./sync-status-banner";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const params = new URL(request.url).searchParams;
  return loadOrderListPage(prisma, session.shop, params, { now: new Date(), timeZone: ADMIN_TIME_ZONE });
};

/** "Sync orders now": queues the backfill (at most one per shop; a running one is left alone). */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const form = await request.formData();
  if (form.get("intent") !== SYNC_INTENT) throw new Response("Unknown action", { status: 400 });
  const queue = getJobQueue();
  await requestBackfill(session.shop, (name, shop, payload, options) => queue.enqueue(name, shop, payload, options));
  return { syncRequested: true };
};

export default function OrdersPage() {
  const page = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === location.pathname;
  const clearUrl = `${location.pathname}?${withoutSearchOrFilters(searchParams).toString()}`;

  return (
    <Page title="Orders" fullWidth>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <SyncStatusBanner sync={page.sync} />
            <LinkNotices notices={page.notices} />
            {!page.shopHasOrders && !page.filtered ? (
              <Card>
                <EmptyState heading="No orders yet" image="/empty-state.svg">
                  <p>
                    The first sync brings in the last 60 days of orders from Shopify. After that, webhooks add each new order
                    as it is placed and keep every order current: payment, dispatch, delivery, refunds.
                  </p>
                </EmptyState>
              </Card>
            ) : (
              <Card padding="0">
                <OrderFiltersBar loading={loading} />
                <OrdersTable page={page} loading={loading} clearUrl={clearUrl} />
              </Card>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
