// "Resend": puts the message back in the queue. The answer is shown as an App Bridge toast
// (inside the Shopify admin) and, when the message could not be resent, next to the button.
import { useEffect } from "react";
import { useFetcher } from "@remix-run/react";
import { BlockStack, Button, InlineStack, Text } from "@shopify/polaris";

export const RESEND_INTENT = "resend";

type ResendOutcome = { ok: boolean; message: string };

/** App Bridge's toast when the app runs inside the admin (not in demo mode, where there is no admin). */
export function showToast(message: string, isError = false): void {
  if (typeof window !== "undefined" && "shopify" in window && window.shopify?.toast) window.shopify.toast.show(message, { isError });
}

export function ResendButton({ status }: { status: string }) {
  const fetcher = useFetcher<ResendOutcome>();
  const outcome = fetcher.state === "idle" ? fetcher.data : undefined;
  useEffect(() => {
    if (outcome) showToast(outcome.message, !outcome.ok);
  }, [outcome]);
  return (
    <BlockStack gap="100" inlineAlign="end">
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value={RESEND_INTENT} />
        <Button variant="primary" submit loading={fetcher.state !== "idle"} accessibilityLabel={`Resend this message (now ${status.toLowerCase()})`}>
          Resend
        </Button>
      </fetcher.Form>
      {outcome && (
        <InlineStack>
          <Text as="span" tone={outcome.ok ? "success" : "critical"}>
            {outcome.message}
          </Text>
        </InlineStack>
      )}
    </BlockStack>
  );
}
