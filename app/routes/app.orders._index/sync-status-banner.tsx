// Where the order sync with Shopify stands, above the Orders list, with "Sync orders now".
// While a sync runs (or was just asked for) the page refreshes itself to show the progress.
import { useEffect, useState } from "react";
import { useFetcher, useRevalidator } from "@remix-run/react";
import { Banner, BlockStack, Button, InlineStack, Text } from "@shopify/polaris";
import type { SyncBanner } from "~/orders/order-sync-banner";

export const SYNC_INTENT = "sync-orders";
const REFRESH_MS = 5_000;
// A requested sync that shows no sign of starting by then is no longer waited for.
const GIVE_UP_MS = 120_000;

export function SyncStatusBanner({ sync }: { sync: SyncBanner }) {
  const fetcher = useFetcher<{ syncRequested?: boolean }>();
  // Asked for, and the sync record has not changed since: the job has not started yet.
  const [stampWhenRequested, setStampWhenRequested] = useState<string | null>(null);
  const waiting = fetcher.data?.syncRequested === true && stampWhenRequested === sync.stamp;
  const following = sync.status === "running" || waiting;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setStampWhenRequested(null), GIVE_UP_MS);
    return () => clearTimeout(timer);
  }, [waiting]);

  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    if (!following) return;
    const timer = setInterval(() => {
      if (state === "idle" && document.visibilityState === "visible") revalidate();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [following, revalidate, state]);

  return (
    <Banner tone={sync.tone} title={sync.title}>
      <BlockStack gap="200">
        {sync.lines.map((line) => (
          <Text as="p" key={line}>
            {line}
          </Text>
        ))}
        {sync.canSync && (
          <fetcher.Form method="post" onSubmit={() => setStampWhenRequested(sync.stamp)}>
            <input type="hidden" name="intent" value={SYNC_INTENT} />
            <InlineStack gap="300" blockAlign="center">
              <Button submit loading={fetcher.state !== "idle" || waiting}>
                Sync orders now
              </Button>
              {waiting && (
                <Text as="span" tone="subdued">
                  Sync requested: it starts within a few seconds.
                </Text>
              )}
            </InlineStack>
          </fetcher.Form>
        )}
      </BlockStack>
    </Banner>
  );
}
