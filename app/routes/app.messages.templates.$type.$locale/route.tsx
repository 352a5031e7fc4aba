import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { Card, EmptyState, Page } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import prisma from "~/db.server";
import { authenticateAdmin } from "~/shopify.server";
import { isMessageType, type MessageType } from "~/messages/catalog";
import { isShopperLocale, type ShopperLocale } from "~/messages/locales";
import { copyFromForm, loadTemplateEditor, resetTemplate, saveTemplate, type CopyFieldErrors } from "~/messages/templates.server";
import { RESET_INTENT, SAVE_INTENT, TemplateEditor } from "./template-editor";

export type TemplateActionResult =
  | { intent: typeof SAVE_INTENT; ok: true; message: string }
  | { intent: typeof SAVE_INTENT; ok: false; errors: CopyFieldErrors }
  | { intent: typeof RESET_INTENT; ok: true; message: string };

function messageAndLanguage(params: LoaderFunctionArgs["params"]): { type: MessageType; locale: ShopperLocale } {
  const { type, locale } = params;
  if (!isMessageType(type) || !isShopperLocale(locale)) throw new Response("No such message or language", { status: 404, statusText: "Not Found" });
  return { type, locale };
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const { type, locale } = messageAndLanguage(params);
  return loadTemplateEditor(prisma, session.shop, type, locale);
};

export const action = async ({ request, params }: ActionFunctionArgs): Promise<TemplateActionResult> => {
  const { session } = await authenticateAdmin(request);
  const { type, locale } = messageAndLanguage(params);
  const form = Object.fromEntries([...(await request.formData())].map(([key, value]) => [key, String(value)]));
  if (form.intent === RESET_INTENT) {
    const removed = await resetTemplate(prisma, session.shop, type, locale);
    return { intent: RESET_INTENT, ok: true, message: removed ? "Back to the built-in text." : "This message already uses the built-in text." };
  }
  if (form.intent !== SAVE_INTENT) throw new Response("Unknown action", { status: 400 });
  const result = await saveTemplate(prisma, session.shop, type, locale, copyFromForm(type, form));
  return result.ok ? { intent: SAVE_INTENT, ok: true, message: "Text saved: the next messages use it." } : { intent: SAVE_INTENT, ok: false, errors: result.errors };
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.typeName} · ${data.localeName}` : "Message text" }];

export default function TemplatePage() {
  const editor = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // A new text from the server (saved, reset, another language) starts the form afresh; a
  // refused save keeps what was typed.
  return <TemplateEditor key={`${editor.type}/${editor.locale}/${editor.updatedAt ?? "built-in"}`} editor={editor} result={result} />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Page backAction={{ content: "Message settings", url: "/app/settings/messages" }} title="Message not found">
        <Card>
          <EmptyState heading="There is no such message or language" image="/empty-state.svg" action={{ content: "Message settings", url: "/app/settings/messages" }}>
            <p>Choose a message to edit from the message settings.</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }
  return boundary.error(error);
}
