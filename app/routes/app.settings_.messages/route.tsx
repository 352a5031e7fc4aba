// /app/settings/messages (the "_" keeps it out of the Settings page's layout: it is a page of
// its own, reached from Settings).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Banner, Layout, Page } from "@shopify/polaris";
import prisma from "~/db.server";
import { getConfig } from "~/config.server";
import { authenticateAdmin } from "~/shopify.server";
import { handleSettingsForm, isSettingsIntent, loadMessageSettingsPage } from "./message-settings-page.server";
import { ContactSection } from "./contact-section";
import { MessageTypesSection } from "./message-types-section";
import { NotificationsSection } from "./notifications-section";
import { SendingSection } from "./sending-section";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticateAdmin(request);
  return loadMessageSettingsPage(prisma, admin, session.shop, new Date());
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticateAdmin(request);
  const form = Object.fromEntries([...(await request.formData())].map(([key, value]) => [key, String(value)]));
  if (!isSettingsIntent(form.intent)) throw new Response("Unknown action", { status: 400 });
  return handleSettingsForm(prisma, session.shop, form.intent, form, { admin, appSecret: getConfig().apiSecret, now: new Date() });
};

export const meta: MetaFunction = () => [{ title: "Messages and contact details" }];

export default function MessageSettingsPage() {
  const page = useLoaderData<typeof loader>();
  return (
    <Page
      backAction={{ content: "Settings", url: "/app/settings" }}
      title="Messages and contact details"
      secondaryActions={[{ content: "View sent messages", url: "/app/messages" }]}
    >
      <Layout>
        {page.importProblem && (
          <Layout.Section>
            <Banner tone="warning" title="Your shop’s details were not read from Shopify">
              <p>{page.importProblem}</p>
            </Banner>
          </Layout.Section>
        )}
        {/* Each form is drawn afresh from what was saved; what is typed stays until then. */}
        <ContactSection key={JSON.stringify(page.contact)} values={page.contact} />
        <MessageTypesSection key={JSON.stringify(page.messages.map((row) => [row.enabled, row.delay]))} messages={page.messages} />
        <SendingSection key={JSON.stringify(page.sending)} values={page.sending} />
        <NotificationsSection key={JSON.stringify(page.notifications)} values={page.notifications} timezone={page.timezone} />
      </Layout>
    </Page>
  );
}
