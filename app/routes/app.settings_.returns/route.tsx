// /app/settings/returns (the "_" keeps it out of the Settings page's layout: it is a page of
// its own, reached from Settings).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Page } from "@shopify/polaris";
import prisma from "~/db.server";
import { getConfig } from "~/config.server";
import { authenticateAdmin } from "~/shopify.server";
import { handleReturnSettingsForm, loadReturnSettingsPage } from "./return-settings-page.server";
import { ReturnSettingsForm } from "./return-settings-form";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticateAdmin(request);
  return loadReturnSettingsPage(prisma, admin, session.shop, new Date());
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const form = Object.fromEntries([...(await request.formData())].map(([key, value]) => [key, typeof value === "string" ? value : ""]));
  return handleReturnSettingsForm(prisma, session.shop, form, getConfig().apiSecret);
};

export const meta: MetaFunction = () => [{ title: "Return settings" }];

export default function ReturnSettingsPage() {
  const page = useLoaderData<typeof loader>();
  return (
    <Page backAction={{ content: "Settings", url: "/app/settings" }} title="Returns" secondaryActions={[{ content: "View returns", url: "/app/returns" }]}>
      <ReturnSettingsForm page={page} />
    </Page>
  );
}
