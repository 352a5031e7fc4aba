// "Messages" on the order page: what the shopper was sent (or why not), and sending one by hand.
import { useState } from "react";
import { useFetcher } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Link, Select, Text } from "@shopify/polaris";
import type { OrderMessageRow } from "~/messages/order-messages.server";

const STATUS_TONES: Record<string, "success" | "critical" | "attention" | "info" | undefined> = { sent: "success", failed: "critical", held: "attention", suppressed: "info" };

export const SEND_MESSAGE_INTENT = "send-message";

export function OrderMessagesCard({ messages, types, timeZone }: { messages: OrderMessageRow[]; types: { value: string; label: string }[]; timeZone: string }) {
  const [type, setType] = useState(types[0]?.value ?? "");
  const fetcher = useFetcher<{ ok: boolean; message?: string; error?: string }>();
  const result = fetcher.data;
  const sending = fetcher.state !== "idle";
  const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" });
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Messages</Text>
        {result && "ok" in result && (result.message || result.error) && (
          <Banner tone={result.ok ? "success" : "warning"}>{result.ok ? result.message : result.error}</Banner>
        )}
        {messages.length === 0 ? (
          <Text as="p" tone="subdued">No message for this order yet.</Text>
        ) : (
          <BlockStack gap="200">
            {messages.map((message) => (
              <InlineStack key={message.id} align="space-between" blockAlign="center" gap="200">
                <Link url={`/app/messages/${message.id}`}>{message.typeName}</Link>
                <InlineStack gap="100" blockAlign="center">
                  <Badge tone={STATUS_TONES[message.status]}>{message.status}</Badge>
                  <Text as="span" tone="subdued" variant="bodySm">{message.locale.toUpperCase()} · {when(message.sentAt ?? message.createdAt)}</Text>
                </InlineStack>
              </InlineStack>
            ))}
          </BlockStack>
        )}
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value={SEND_MESSAGE_INTENT} />
          <BlockStack gap="200">
            <Select label="Send a message" name="type" options={types} value={type} onChange={setType} />
            <InlineStack>
              <Button submit loading={sending}>Send</Button>
            </InlineStack>
          </BlockStack>
        </fetcher.Form>
      </BlockStack>
    </Card>
  );
}
