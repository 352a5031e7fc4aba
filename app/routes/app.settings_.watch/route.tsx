// /app/settings/watch: when an order is late or needs confirming — business hours, the
// confirmation rules, the dispatch and delivery promises — and how flags reach Shopify. (The
// "_" keeps it out of the Settings page's layout: a page of its own, reached from Settings.)
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Page } from "@shopify/polaris";
import prisma from "~/db.server";
import { authenticateAdmin } from "~/shopify.server";
import { loadWatchSettingsPage, saveWatchSettingsForm } from "./watch-settings-page.server";
import { WatchSettingsForm } from "./watch-settings-fields";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  return loadWatchSettingsPage(prisma, session.shop);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const entries = Object.fromEntries([...(await request.formData())].map(([key, value]) => [key, String(value)]));
  return saveWatchSettingsForm(prisma, session.shop, entries);
};

export const meta: MetaFunction = () => [{ title: "Order watch settings" }];

export default function WatchSettingsPage() {
  const page = useLoaderData<typeof loader>();
  return (
    <Page backAction={{ content: "Settings", url: "/app/settings" }} title="Order watch" subtitle="When an order is late or needs confirming, and what Shopify shows of it">
      <WatchSettingsForm values={page.values} saved={page.saved} timeZones={page.timeZones} />
    </Page>
  );
}
