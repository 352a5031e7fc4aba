import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { authenticateAdmin } from "../shopify.server";
import { loadShopOverview } from "../shops/overview.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticateAdmin(request);
  return loadShopOverview(admin, session.shop);
};

export default function Dashboard() {
  const overview = useLoaderData<typeof loader>();
  return (
    <Page title="Dashboard" subtitle={overview.shopName}>
      <Layout>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
            <Indicator label="Orders in Shopify" value={overview.ordersLabel} help="Orders the app can see for this shop." />
            <Indicator label="On-time dispatch" value="—" help="Appears once orders flow in: the share dispatched within your SLA." />
            <Indicator label="Repeat customers" value="—" help="Appears once orders flow in: customers who came back." />
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">Getting started</Text>
              <Text as="p">
                Aftercare follows every order from the moment it is placed until the customer has it in hand. Set your
                dispatch promise and business hours in Settings; the Orders page will then flag orders that are late or
                still unconfirmed, with the reason and what to do next.
              </Text>
              <Text as="p" tone="subdued">Shop time zone: {overview.timezone} · Currency: {overview.currency}</Text>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function Indicator({ label, value, help }: { label: string; value: string; help: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm">{label}</Text>
        <Text as="p" variant="heading2xl">{value}</Text>
        <Text as="p" tone="subdued" variant="bodySm">{help}</Text>
      </BlockStack>
    </Card>
  );
}
