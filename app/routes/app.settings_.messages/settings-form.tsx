// What the message settings forms share: a form posting its own intent through its own fetcher
// (so each shows its own result and errors), and the result shown above its fields.
import { useEffect, type ReactNode } from "react";
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, InlineStack } from "@shopify/polaris";
import { showToast } from "../app.messages.$messageId/resend-button";

export type SettingsResult = {
  intent: string;
  ok: boolean;
  message: string;
  errors?: Record<string, string>;
  warning?: string;
};

/**
 * One form's fetcher. Keyed by the intent, so its answer survives the form being drawn afresh
 * with the saved values.
 */
export function useSettingsForm(intent: string) {
  const fetcher = useFetcher<SettingsResult>({ key: `message-settings-${intent}` });
  const result = fetcher.state === "idle" && fetcher.data?.intent === intent ? fetcher.data : undefined;
  const submittingIntent = fetcher.state !== "idle" ? fetcher.formData?.get("intent") : null;
  useEffect(() => {
    if (result?.ok && !result.warning) showToast(result.message);
  }, [result]);
  return { fetcher, result, errors: result?.errors ?? {}, submittingIntent };
}

export function SettingsForm({
  intent,
  form,
  result,
  children,
  submitLabel = "Save",
  submitting,
  extraActions,
}: {
  intent: string;
  form: ReturnType<typeof useSettingsForm>["fetcher"]["Form"];
  result: SettingsResult | undefined;
  children: ReactNode;
  submitLabel?: string;
  submitting: boolean;
  extraActions?: ReactNode;
}) {
  const Form = form;
  return (
    // The server's checks speak the merchant's language; the browser's own are turned off.
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <BlockStack gap="400">
        <ResultBanner result={result} />
        {children}
        <InlineStack gap="200" align="end">
          {extraActions}
          <Button variant="primary" submit loading={submitting}>
            {submitLabel}
          </Button>
        </InlineStack>
      </BlockStack>
    </Form>
  );
}

export function ResultBanner({ result }: { result: SettingsResult | undefined }) {
  if (!result) return null;
  if (!result.ok) {
    return (
      <Banner tone="critical">
        <p>{result.message}</p>
      </Banner>
    );
  }
  if (result.warning) {
    return (
      <Banner tone="warning" title={result.message}>
        <p>{result.warning}</p>
      </Banner>
    );
  }
  return (
    <Banner tone="success">
      <p>{result.message}</p>
    </Banner>
  );
}
