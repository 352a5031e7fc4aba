// /app/gifts: the Gifts & loyalty page — the shop's gift rules, its loyalty tiers, and the gifts
// given (per month, and the latest ones).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Layout, Page } from "@shopify/polaris";
import prisma from "~/db.server";
import { authenticateAdmin } from "~/shopify.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { loadGiftsPage, saveLoyalty, setRuleActive, type GiftsActionResult } from "./gifts-page.server";
import { SAVE_LOYALTY_INTENT, TOGGLE_RULE_INTENT } from "./intents";
import { GiftHistory } from "./gift-history";
import { LoyaltyCard } from "./loyalty-card";
import { RulesCard } from "./rules-card";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  return loadGiftsPage(prisma, session.shop, new Date());
};

export const action = async ({ request }: ActionFunctionArgs): Promise<GiftsActionResult> => {
  const { admin, session } = await authenticateAdmin(request);
  const form = Object.fromEntries([...(await request.formData())].map(([key, value]) => [key, String(value)]));
  if (form.intent === TOGGLE_RULE_INTENT) {
    const result = await setRuleActive(prisma, session.shop, form.ruleId ?? "", form.active === "on");
    if (!result) throw new Response("Gift rule not found", { status: 404, statusText: "Not Found" });
    return result;
  }
  if (form.intent === SAVE_LOYALTY_INTENT) return saveLoyalty(prisma, admin, getJobQueue(), session.shop, form, new Date());
  throw new Response("Unknown action", { status: 400 });
};

export const meta: MetaFunction = () => [{ title: "Gifts & loyalty" }];

export default function GiftsPage() {
  const page = useLoaderData<typeof loader>();
  return (
    <Page
      title="Gifts & loyalty"
      subtitle="Thank customers with a small gift, and reward the ones who come back."
      primaryAction={{ content: "New rule", url: "/app/gifts/rules/new" }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <RulesCard rules={page.rules} thisMonth={page.thisMonth} />
            {/* Drawn afresh from what was saved; what is typed stays until then. */}
            <LoyaltyCard key={JSON.stringify([page.loyalty.enabled, page.loyalty.periodDays, page.loyalty.tiers])} loyalty={page.loyalty} currency={page.currency} />
            <GiftHistory months={page.months} grants={page.grants} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
