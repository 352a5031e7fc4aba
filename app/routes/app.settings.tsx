import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, EmptyState, IndexTable, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import prisma from "../db.server";
import { authenticateAdmin } from "../shopify.server";
import { listDataRequests } from "../compliance/compliance-request.server";
import { downloadFile } from "../admin/download";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const requests = await listDataRequests(prisma, session.shop);
  return {
    requests: requests.map((row) => ({
      id: row.id,
      topic: row.topic,
      customerId: row.customerId,
      status: row.status,
      receivedAt: row.receivedAt.toISOString(),
      hasReport: row.report !== null,
    })),
  };
};

export default function Settings() {
  const { requests } = useLoaderData<typeof loader>();
  return (
    <Page title="Settings">
      <Layout>
        <Layout.AnnotatedSection
          title="Messages and contact details"
          description="Your contact details, which messages go to your shoppers and when, their texts in each language, and the mail server they are sent through."
        >
          <Card>
            <BlockStack gap="200">
              <Text as="p">Without a mail server, messages are composed and kept in the outbox, ready to send.</Text>
              <InlineStack>
                <Button url="/app/settings/messages">Set up messages</Button>
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title="Returns"
          description="Your return policy by reason (who pays the postage, what is approved on its own, goodwill), the return window, where parcels go back to, and how labels are made."
        >
          <Card>
            <BlockStack gap="200">
              <Text as="p">Shoppers ask for a return on your store; requests arrive in Returns.</Text>
              <InlineStack>
                <Button url="/app/settings/returns">Set up returns</Button>
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title="Privacy requests"
          description="When a customer asks for their data, Shopify tells the app and Aftercare prepares a report for you to send them. Erasure requests are carried out automatically."
        >
          <Card padding="0">
            {requests.length === 0 ? (
              <EmptyState heading="No privacy requests" image="/empty-state.svg">
                <p>Customer data requests and erasures from Shopify will be listed here.</p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: "request", plural: "requests" }}
                itemCount={requests.length}
                selectable={false}
                headings={[{ title: "Received" }, { title: "Request" }, { title: "Customer" }, { title: "Status" }, { title: "Report" }]}
              >
                {requests.map((row, index) => (
                  <IndexTable.Row id={row.id} key={row.id} position={index}>
                    <IndexTable.Cell>{new Date(row.receivedAt).toLocaleString()}</IndexTable.Cell>
                    <IndexTable.Cell>{row.topic === "customers/data_request" ? "Data request" : "Erasure"}</IndexTable.Cell>
                    <IndexTable.Cell>{row.customerId}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <Badge tone={row.status === "completed" ? "success" : "attention"}>{row.status === "completed" ? "Done" : "In progress"}</Badge>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      {row.hasReport ? (
                        <Button variant="plain" onClick={() => downloadFile(`/app/privacy-requests/${row.id}`, `customer-${row.customerId}-data.json`)}>
                          Download
                        </Button>
                      ) : (
                        <Text as="span" tone="subdued">—</Text>
                      )}
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title="Background jobs"
          description="Webhook deliveries, the order sync and reconciliation run in the background and are retried when they fail."
        >
          <Card>
            <BlockStack gap="200">
              <Text as="p">Jobs that could not finish are listed with their error and a retry button.</Text>
              <InlineStack>
                <Button url="/app/jobs">View background jobs</Button>
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title="Order watch"
          description="Your business hours, which orders to confirm by phone, how soon orders are dispatched and delivered, and how flags show in Shopify."
        >
          <Card>
            <BlockStack gap="200">
              <Text as="p">These decide when an order is flagged late or unconfirmed on Needs attention.</Text>
              <InlineStack>
                <Button url="/app/settings/watch">Set the dispatch promise and business hours</Button>
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
