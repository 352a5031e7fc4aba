import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, EmptyState, IndexTable, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import prisma from "../db.server";
import { authenticateAdmin } from "../shopify.server";
import { loadBackgroundJobs, retryJobFailure, type BackgroundJobsView, type RetryOutcome } from "../jobs/background-jobs.server";
import { getJobQueue } from "../jobs/runtime.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  return loadBackgroundJobs(prisma, getJobQueue(), session.shop);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  return retryJobFailure(getJobQueue(), session.shop, await request.formData());
};

type Failure = BackgroundJobsView["failures"][number];

export default function BackgroundJobs() {
  const { failures, counts } = useLoaderData<typeof loader>();
  return (
    <Page title="Background jobs" subtitle="Work Aftercare does for your shop behind the scenes: syncing orders, sending messages, checking deliveries.">
      <Layout>
        {counts ? (
          <Layout.Section>
            <Card>
              <InlineStack gap="800">
                <Count label="Waiting" value={counts.queued} />
                <Count label="Running" value={counts.running} />
              </InlineStack>
            </Card>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card padding="0">
            {failures.length === 0 ? (
              <EmptyState heading="No failed jobs" image="/empty-state.svg">
                <p>
                  A job that fails for a moment (Shopify busy, a network hiccup) is retried on its own. One that cannot
                  succeed — the app lost access, or the order is gone — or that kept failing is listed here with the reason
                  and a button to try again.
                </p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: "failed job", plural: "failed jobs" }}
                itemCount={failures.length}
                selectable={false}
                headings={[{ title: "When" }, { title: "Job" }, { title: "Error" }, { title: "Why it stopped" }, { title: "Attempts" }, { title: "" }]}
              >
                {failures.map((failure, index) => (
                  <IndexTable.Row id={failure.id} key={failure.id} position={index}>
                    <IndexTable.Cell>{new Date(failure.failedAt).toLocaleString()}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span" fontWeight="medium">{failure.jobName}</Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <div style={{ maxWidth: "28rem", whiteSpace: "normal" }}>
                        <Text as="span" tone="subdued" breakWord>{failure.error}</Text>
                      </div>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      {failure.permanent ? <Badge tone="critical">Cannot succeed</Badge> : <Badge tone="warning">Kept failing</Badge>}
                    </IndexTable.Cell>
                    <IndexTable.Cell>{failure.attempts}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <RetryButton failure={failure} />
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm">{label}</Text>
      <Text as="p" variant="headingXl">{value}</Text>
    </BlockStack>
  );
}

function RetryButton({ failure }: { failure: Failure }) {
  const fetcher = useFetcher<RetryOutcome>();
  if (failure.retriedAt) {
    return <Text as="span" tone="subdued">Retried {new Date(failure.retriedAt).toLocaleString()}</Text>;
  }
  if (fetcher.data && !fetcher.data.retried) {
    return <Text as="span" tone="subdued">Already retried</Text>;
  }
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="failureId" value={failure.id} />
      <Button submit loading={fetcher.state !== "idle"} accessibilityLabel={`Retry ${failure.jobName}`}>
        Retry
      </Button>
    </fetcher.Form>
  );
}
