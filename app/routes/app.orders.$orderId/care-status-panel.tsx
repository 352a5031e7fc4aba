// "Care status" on the order page: the order's open (and snoozed) flags with their reason, due
// time and what can be done — mark handled, snooze, send the delay apology — and whether the
// order is confirmed, with the call outcome buttons while it is not.
import { useCallback, useState } from "react";
import { Badge, BlockStack, Box, Button, Card, Divider, InlineStack, Text } from "@shopify/polaris";
import type { FlagRow, OrderCareStatusView } from "~/watch/needs-attention.server";
import { CallOutcomeForm } from "../app.confirmations/call-outcome-form";
import { FlagActionModal, type FlagActionIntent } from "../app.confirmations/flag-action-modal";

export function CareStatusPanel({ care, orderId, orderName }: { care: OrderCareStatusView; orderId: string; orderName: string }) {
  const [dialog, setDialog] = useState<{ intent: FlagActionIntent; flagId: string } | null>(null);
  const close = useCallback(() => setDialog(null), []);
  const { confirmation } = care;
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Care status
        </Text>
        {care.flags.length === 0 ? (
          <Text as="p" tone="subdued">
            No open flags: nothing is late or waiting on you.
          </Text>
        ) : (
          <BlockStack gap="300">
            {care.flags.map((flag) => (
              <FlagEntry key={flag.id} flag={flag} onAction={(intent) => setDialog({ intent, flagId: flag.id })} />
            ))}
          </BlockStack>
        )}
        <Divider />
        <BlockStack gap="200">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h3" variant="headingSm">
              Confirmation
            </Text>
            <Badge tone={confirmation.confirmed ? "success" : undefined}>{confirmation.confirmed ? "Confirmed" : "Not confirmed"}</Badge>
          </InlineStack>
          {confirmation.confirmed && <Text as="p">{confirmation.text}</Text>}
          {confirmation.retry && (
            <Text as="p" tone="subdued">
              {confirmation.retry}
            </Text>
          )}
          {care.canRecordCall && (
            <BlockStack gap="200">
              <Text as="p" tone="subdued">
                After calling the customer, record how it went:
              </Text>
              <CallOutcomeForm orderId={orderId} orderName={orderName} retryDefault={care.retryDefault} timeZone={care.timeZone} />
            </BlockStack>
          )}
        </BlockStack>
      </BlockStack>
      <FlagActionModal
        intent={dialog?.intent ?? null}
        flagIds={dialog ? [dialog.flagId] : []}
        defaults={care.defaults}
        timeZone={care.timeZone}
        onClose={close}
      />
    </Card>
  );
}

function FlagEntry({ flag, onAction }: { flag: FlagRow; onAction(intent: FlagActionIntent): void }) {
  return (
    <Box paddingInlineStart="300" borderInlineStartWidth="050" borderColor={flag.tone === "critical" ? "border-critical" : "border-caution"}>
      <BlockStack gap="150">
        <InlineStack gap="200" blockAlign="center">
          <Badge tone={flag.status === "open" ? flag.tone : undefined}>{flag.label}</Badge>
          {flag.statusNote && (
            <Text as="span" tone="subdued" variant="bodySm">
              {flag.statusNote}
            </Text>
          )}
        </InlineStack>
        <Text as="p">{flag.reason}</Text>
        <Text as="p" tone="subdued" variant="bodySm">
          Due <time dateTime={flag.due.iso}>{flag.due.absolute}</time> ({flag.due.relative}) · flagged since{" "}
          <time dateTime={flag.since.iso}>{flag.since.absolute}</time>
        </Text>
        <InlineStack gap="200">
          <Button size="slim" onClick={() => onAction("mark-handled")}>
            Mark handled
          </Button>
          <Button size="slim" onClick={() => onAction("snooze")}>
            Snooze…
          </Button>
          {flag.canApologise && (
            <Button size="slim" onClick={() => onAction("send-apology")}>
              Send delay apology…
            </Button>
          )}
        </InlineStack>
      </BlockStack>
    </Box>
  );
}
