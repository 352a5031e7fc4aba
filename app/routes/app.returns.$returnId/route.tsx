import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { Badge, BlockStack, Card, EmptyState, InlineStack, Layout, Link, Page, Text } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import prisma from "~/db.server";
import { authenticateAdmin } from "~/shopify.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { Fact } from "~/admin/fact";
import { StatusBadge } from "~/admin/status-badge";
import { SHOP_FAULT_BADGE } from "~/returns/return-labels";
import { loadReturnPage } from "./return-page.server";
import { handleReturnAction, readActionForm, shopHasReturn } from "./return-actions.server";
import { ReturnActionsCard } from "./return-actions-card";
import { DownloadButton, ReturnDocumentsCard } from "./return-documents-card";
import { ReturnTimeline } from "./return-timeline";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const page = await loadReturnPage(prisma, session.shop, params.returnId ?? "", new Date());
  if (!page) throw new Response("Return not found", { status: 404, statusText: "Not Found" });
  return page;
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { admin, session } = await authenticateAdmin(request);
  const id = params.returnId ?? "";
  if (!(await shopHasReturn(prisma, session.shop, id))) throw new Response("Return not found", { status: 404, statusText: "Not Found" });
  const read = await readActionForm(request);
  if (!read.ok) return { intent: "label" as const, ok: false as const, message: read.message, errors: { file: read.message } };
  return handleReturnAction({ db: prisma, admin, queue: getJobQueue() }, session.shop, id, read.form, new Date());
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Return ${data.returnNumber}` : "Return not found" }];

export default function ReturnPage() {
  const page = useLoaderData<typeof loader>();
  return (
    <Page
      backAction={{ content: "Returns", url: "/app/returns" }}
      title={`Return ${page.returnNumber}`}
      titleMetadata={<StatusBadge status={page.status} />}
      subtitle={`${page.order.name} · requested ${page.requested.relative}`}
      secondaryActions={[{ content: `Open order ${page.order.name}`, url: page.order.href }]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <ReturnActionsCard
              actions={page.actions}
              labelProviders={page.labelProviders}
              defaultProvider={page.defaultProvider}
              labelPaidBy={page.labelPaidBy}
            />
            <Card>
              <BlockStack gap="300">
                <InlineStack align="space-between" blockAlign="center">
                  <Text as="h2" variant="headingMd">
                    Items
                  </Text>
                  {page.value && (
                    <Text as="span" fontWeight="semibold" numeric>
                      {page.value}
                    </Text>
                  )}
                </InlineStack>
                <BlockStack as="ul" gap="200">
                  {page.lines.map((line) => (
                    <InlineStack as="li" key={line.key} align="space-between" gap="200" wrap={false}>
                      <Text as="span" breakWord>
                        {line.title}
                      </Text>
                      <Text as="span" tone="subdued" numeric>
                        {line.price ? `${line.quantity} × ${line.price}` : `× ${line.quantity}`}
                      </Text>
                    </InlineStack>
                  ))}
                </BlockStack>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  The shopper’s request
                </Text>
                <Fact label="Reason">
                  <InlineStack gap="200" blockAlign="center">
                    <Text as="span">{page.reason}</Text>
                    {page.shopFault && <StatusBadge status={SHOP_FAULT_BADGE} />}
                  </InlineStack>
                </Fact>
                <Fact label="Comment">{page.comment ?? <Text as="span" tone="subdued">No comment</Text>}</Fact>
                {page.photo && (
                  <Fact label="Photo">
                    <DownloadButton document={page.photo}>{`Download the photo (${page.photo.filename})`}</DownloadButton>
                  </Fact>
                )}
                <Fact label="Requested">
                  <Text as="p">
                    <time dateTime={page.requested.iso}>{page.requested.absolute}</time> · {page.source}
                  </Text>
                </Fact>
              </BlockStack>
            </Card>
            <ReturnTimeline entries={page.timeline} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <InlineStack align="space-between" blockAlign="center">
                  <Text as="h2" variant="headingMd">
                    Policy decision
                  </Text>
                  {page.decision.shopFault && <Badge tone="critical">Shop’s fault</Badge>}
                </InlineStack>
                <Fact label="Approval">{page.decision.approval}</Fact>
                <Fact label="Postage">{page.decision.postage}</Fact>
                <Fact label="Goodwill">{page.decision.goodwill}</Fact>
                {page.decision.explanation && <Fact label="What the shopper was told">{page.decision.explanation}</Fact>}
              </BlockStack>
            </Card>
            {page.facts.length > 0 && (
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    Label and settlement
                  </Text>
                  {page.facts.map((fact) => (
                    <Fact key={fact.label} label={fact.label}>
                      {fact.url ? (
                        <Link url={fact.url} target="_blank">
                          {fact.value}
                        </Link>
                      ) : (
                        fact.value
                      )}
                    </Fact>
                  ))}
                </BlockStack>
              </Card>
            )}
            <ReturnDocumentsCard documents={page.documents} />
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
      <Page backAction={{ content: "Returns", url: "/app/returns" }} title="Return not found">
        <Card>
          <EmptyState heading="This return is not in Aftercare" image="/empty-state.svg" action={{ content: "Back to returns", url: "/app/returns" }}>
            <p>Check the link: it may be for another store, or mistyped.</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }
  return boundary.error(error);
}
