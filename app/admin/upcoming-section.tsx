// The page of a section whose data has not arrived yet: what it will hold and where to start.
import { Card, EmptyState, Layout, Page } from "@shopify/polaris";

export function UpcomingSection({ title, heading, children }: { title: string; heading: string; children: string }) {
  return (
    <Page title={title}>
      <Layout>
        <Layout.Section>
          <Card>
            <EmptyState heading={heading} image="/empty-state.svg" action={{ content: "Open settings", url: "/app/settings" }}>
              <p>{children}</p>
            </EmptyState>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
