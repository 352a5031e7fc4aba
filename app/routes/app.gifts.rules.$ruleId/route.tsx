// /app/gifts/rules/new and /app/gifts/rules/<id>: a gift rule's form, with a preview of the
// recent orders it would have given its gift to.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { Card, EmptyState, Page } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import prisma from "~/db.server";
import { authenticateAdmin } from "~/shopify.server";
import { handleRuleAction, loadRulePage, type RuleActionResult } from "./rule-page.server";
import { RuleForm } from "./rule-form";

const notFound = () => new Response("Gift rule not found", { status: 404, statusText: "Not Found" });

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const page = await loadRulePage(prisma, session.shop, params.ruleId ?? "");
  if (!page) throw notFound();
  return page;
};

export const action = async ({ request, params }: ActionFunctionArgs): Promise<RuleActionResult> => {
  const { session } = await authenticateAdmin(request);
  const form = Object.fromEntries([...(await request.formData())].map(([key, value]) => [key, String(value)]));
  const result = await handleRuleAction(prisma, session.shop, params.ruleId ?? "", form, new Date());
  if (result === "unknown") throw new Response("Unknown action", { status: 400 });
  if (result === null) throw notFound();
  return result;
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? (data.isNew ? "New gift rule" : data.name) : "Gift rule not found" }];

export default function GiftRulePage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // Another rule (or a new one) starts the form afresh; a refused save keeps what was typed.
  return <RuleForm key={page.ruleId} page={page} result={result} />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Page backAction={{ content: "Gifts & loyalty", url: "/app/gifts" }} title="Gift rule not found">
        <Card>
          <EmptyState heading="There is no such gift rule" image="/empty-state.svg" action={{ content: "Gifts & loyalty", url: "/app/gifts" }}>
            <p>It may have been deleted. Your rules are listed on the Gifts & loyalty page.</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }
  return boundary.error(error);
}
