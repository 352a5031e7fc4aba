// The dialogs of the flag actions — mark handled (with a note), snooze until…, send the delay
// apology (new expected date, a gift, a discount code) — for one flag or many. Shared by "Needs
// attention" (bulk actions on the selected rows) and the order page's "Care status" panel; the
// action of the page that shows them does the work (app/watch/needs-attention.server.ts).
import { useEffect, useRef, useState } from "react";
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, List, Modal, Text, TextField } from "@shopify/polaris";
import type { FlagActionIntent, FlagActionResult } from "~/watch/needs-attention.server";
import { showToast } from "../app.messages.$messageId/resend-button";

export type { FlagActionIntent };

type Props = {
  /** The dialog shown; null: none. */
  intent: FlagActionIntent | null;
  /** "orderId:kind" of the flags acted on. */
  flagIds: string[];
  defaults: { snoozeUntil: string; expectedDelivery: string };
  timeZone: string;
  onClose(): void;
  /** After the action succeeded (the list is reloaded by Remix). */
  onDone?(): void;
};

const TITLES: Record<FlagActionIntent, (count: number) => string> = {
  "mark-handled": (count) => (count === 1 ? "Mark the flag handled" : `Mark ${count} flags handled`),
  snooze: (count) => (count === 1 ? "Snooze the flag" : `Snooze ${count} flags`),
  "send-apology": (count) => (count === 1 ? "Send a delay apology" : `Send delay apologies for ${count} flags`),
};

const BUTTONS: Record<FlagActionIntent, string> = { "mark-handled": "Mark handled", snooze: "Snooze", "send-apology": "Send apology" };

export function FlagActionModal({ intent, flagIds, defaults, timeZone, onClose, onDone }: Props) {
  const fetcher = useFetcher<FlagActionResult>();
  const [fields, setFields] = useState({ note: "", until: defaults.snoozeUntil, expectedDelivery: defaults.expectedDelivery, giftDescription: "", discountCode: "" });
  const [result, setResult] = useState<FlagActionResult | null>(null);
  const waiting = useRef(false);

  // A dialog opened afresh starts from the defaults.
  useEffect(() => {
    if (intent === null) return;
    setFields({ note: "", until: defaults.snoozeUntil, expectedDelivery: defaults.expectedDelivery, giftDescription: "", discountCode: "" });
    setResult(null);
  }, [intent, defaults.snoozeUntil, defaults.expectedDelivery]);

  useEffect(() => {
    if (fetcher.state !== "idle" || !waiting.current || !fetcher.data) return;
    waiting.current = false;
    const answer = fetcher.data;
    setResult(answer);
    showToast(answer.message, !answer.ok);
    // Handled and snoozed: done. An apology's outcome per order stays on screen until closed.
    if (answer.ok && answer.intent !== "send-apology") {
      onDone?.();
      onClose();
    }
  }, [fetcher.state, fetcher.data, onClose, onDone]);

  if (intent === null) return null;
  const set = (name: keyof typeof fields) => (value: string) => setFields((current) => ({ ...current, [name]: value }));
  const errors = result?.errors ?? {};
  const finished = intent === "send-apology" && result?.ok === true;
  const submitting = fetcher.state !== "idle";

  const submit = () => {
    const form = new FormData();
    form.set("intent", intent);
    for (const id of flagIds) form.append("flag", id);
    if (intent === "mark-handled") form.set("note", fields.note);
    if (intent === "snooze") form.set("until", fields.until);
    if (intent === "send-apology") {
      form.set("expectedDelivery", fields.expectedDelivery);
      form.set("giftDescription", fields.giftDescription);
      form.set("discountCode", fields.discountCode);
    }
    waiting.current = true;
    fetcher.submit(form, { method: "post" });
  };

  const close = () => {
    if (finished) onDone?.();
    onClose();
  };

  return (
    <Modal
      open
      title={TITLES[intent](flagIds.length)}
      onClose={close}
      primaryAction={finished ? { content: "Done", onAction: close } : { content: BUTTONS[intent], onAction: submit, loading: submitting, disabled: flagIds.length === 0 }}
      secondaryActions={finished ? [] : [{ content: "Cancel", onAction: close }]}
    >
      <Modal.Section>
        <BlockStack gap="400">
          {result && <ResultSummary result={result} />}
          {intent === "mark-handled" && (
            <TextField
              label="Note (optional)"
              helpText="What was done, for the order’s timeline: “Called the carrier”, “Refunded shipping”…"
              value={fields.note}
              onChange={set("note")}
              multiline={3}
              maxLength={1000}
              autoComplete="off"
            />
          )}
          {intent === "snooze" && (
            <TextField
              label="Snooze until"
              type="datetime-local"
              helpText={`In your shop’s time zone (${timeZone}). The flag comes back then if the order still has it.`}
              value={fields.until}
              onChange={set("until")}
              error={errors.until}
              autoComplete="off"
            />
          )}
          {intent === "send-apology" && !finished && (
            <>
              <Text as="p">
                One email per order, in the customer’s language, apologising for the delay and giving the new date. Sent once per order and flag:
                asking again sends nothing. Only late and failed deliveries get one.
              </Text>
              <TextField
                label="New expected delivery"
                type="date"
                value={fields.expectedDelivery}
                onChange={set("expectedDelivery")}
                error={errors.expectedDelivery}
                autoComplete="off"
              />
              <TextField
                label="Gift (optional)"
                helpText="Told to the customer as it is written, e.g. “a free candle in your parcel”."
                value={fields.giftDescription}
                onChange={set("giftDescription")}
                maxLength={300}
                autoComplete="off"
              />
              <TextField
                label="Discount code (optional)"
                helpText="An existing code from Shopify Discounts, e.g. SORRY10."
                value={fields.discountCode}
                onChange={set("discountCode")}
                error={errors.discountCode}
                maxLength={64}
                autoComplete="off"
              />
            </>
          )}
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}

function ResultSummary({ result }: { result: FlagActionResult }) {
  const refused = result.summary?.refused ?? [];
  const tone = !result.ok ? "critical" : refused.length > 0 ? "warning" : "success";
  return (
    <Banner tone={tone} title={result.message}>
      {refused.length > 0 && (
        <List>
          {refused.map((entry) => (
            <List.Item key={entry.id}>
              {entry.orderName}: {entry.reason}
            </List.Item>
          ))}
        </List>
      )}
    </Banner>
  );
}
