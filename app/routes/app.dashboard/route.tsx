import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, ButtonGroup, Card, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
import vizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { useState } from "react";
import { LinkNotices } from "~/admin/link-notices";
import { downloadFile } from "~/admin/download";
import { loadDashboard } from "~/dashboard/dashboard.server";
import { requestLocale } from "~/dashboard/figure-format";
import prisma from "~/db.server";
import { queueDashboardDays } from "~/jobs/dashboard-jobs.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { log } from "~/observability/log.server";
import { authenticateAdmin } from "~/shopify.server";
import { ChartsSection } from "./charts-section";
import { FigureGroupCard } from "./figure-group-card";

export const links = () => [{ rel: "stylesheet", href: vizStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const params = new URL(request.url).searchParams;
  const dashboard = await loadDashboard(prisma, session.shop, params, {
    now: new Date(),
    // Past days computed on the spot are kept in the background, for the next visit.
    onUntrustedDays: (days, from) =>
      queueDashboardDays(getJobQueue(), session.shop, from).catch((error: unknown) => log.warn("the dashboard's days could not be queued for keeping", { shop: session.shop, days, error: String(error) })),
  });
  return { ...dashboard, locale: requestLocale(request) };
};

export const meta: MetaFunction = () => [{ title: "Dashboard" }];

const CHOICES = [
  { id: "7", label: "Last 7 days" },
  { id: "30", label: "Last 30 days" },
  { id: "90", label: "Last 90 days" },
] as const;

export default function DashboardPage() {
  const page = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [from, setFrom] = useState(page.period.current.from);
  const [to, setTo] = useState(page.period.current.to);
  const [exportError, setExportError] = useState<string | null>(null);
  const { current, previous } = page.period;
  const download = (query: string, filename: string) => {
    setExportError(null);
    downloadFile(`/app/dashboard/export?${query}`, filename).catch(() => setExportError("The export could not be downloaded. Try again in a moment."));
  };

  return (
    <Page
      title="Dashboard"
      subtitle={`${current.from} to ${current.to}, compared with ${previous.from} to ${previous.to} (${page.timeZone})`}
      secondaryActions={[{ content: "Export CSV", onAction: () => download(`${page.periodQuery}&locale=${page.locale}`, `aftercare-dashboard-${current.from}-${current.to}.csv`) }]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <LinkNotices notices={page.period.notices} />
            {exportError && (
              <Banner tone="critical" onDismiss={() => setExportError(null)}>
                {exportError}
              </Banner>
            )}
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingSm">
                  Period
                </Text>
                <InlineStack gap="400" blockAlign="end" wrap>
                  <ButtonGroup variant="segmented">
                    {CHOICES.map((choice) => (
                      <Button key={choice.id} url={`/app/dashboard?period=${choice.id}`} pressed={page.period.choice === choice.id}>
                        {choice.label}
                      </Button>
                    ))}
                  </ButtonGroup>
                  <Form method="get" action="/app/dashboard">
                    <input type="hidden" name="period" value="custom" />
                    <InlineStack gap="200" blockAlign="end">
                      <TextField label="From" type="date" name="from" value={from} onChange={setFrom} autoComplete="off" />
                      <TextField label="To" type="date" name="to" value={to} onChange={setTo} autoComplete="off" />
                      <Button submit pressed={page.period.choice === "custom"} loading={navigation.state === "loading"}>
                        Show
                      </Button>
                    </InlineStack>
                  </Form>
                </InlineStack>
              </BlockStack>
            </Card>
            {!page.hasOrders && (
              <Banner tone="info" title="No orders yet">
                The figures fill in as orders arrive. Until then they show “—”: there is nothing to measure.
              </Banner>
            )}
          </BlockStack>
        </Layout.Section>
        {page.groups.map((group) => (
          <Layout.Section key={group.id} variant="oneThird">
            <FigureGroupCard group={group} locale={page.locale} currency={page.currency} periodQuery={page.periodQuery} />
          </Layout.Section>
        ))}
        <Layout.Section>
          <ChartsSection charts={page.charts} locale={page.locale} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
