// How a confirmation call went, for one order: confirmed; confirmed with a corrected address;
// no answer (and when to call again); the customer cancels — with a note. Shared by the call
// queue and the order page's "Care status" panel; the action of the page that shows it records
// the outcome (app/watch/call-queue.server.ts recordCallOutcome).
import { useEffect, useRef, useState } from "react";
import { useFetcher } from "@remix-run/react";
import { BlockStack, Button, InlineStack, Text, TextField } from "@shopify/polaris";
import type { CallOutcomeResult } from "~/watch/call-queue.server";
import { showToast } from "../app.messages.$messageId/resend-button";

export const CALL_OUTCOME_INTENT = "call-outcome";

type Outcome = "confirmed" | "address_corrected" | "no_answer" | "customer_cancels";

export function CallOutcomeForm({ orderId, orderName, retryDefault, timeZone }: { orderId: string; orderName: string; retryDefault: string; timeZone: string }) {
  const fetcher = useFetcher<CallOutcomeResult>({ key: `call-outcome-${orderId}` });
  const [step, setStep] = useState<"choose" | "address" | "retry">("choose");
  const [note, setNote] = useState("");
  const [address, setAddress] = useState("");
  const [retryAt, setRetryAt] = useState(retryDefault);
  const waiting = useRef(false);
  const answer = fetcher.state === "idle" && fetcher.data?.orderId === orderId ? fetcher.data : undefined;
  const errors = answer && !answer.ok ? (answer.errors ?? {}) : {};
  const sending = fetcher.state !== "idle" ? String(fetcher.formData?.get("outcome") ?? "") : null;

  useEffect(() => {
    if (!answer || !waiting.current) return;
    waiting.current = false;
    showToast(answer.message, !answer.ok);
  }, [answer]);

  const submit = (outcome: Outcome) => {
    waiting.current = true;
    fetcher.submit({ intent: CALL_OUTCOME_INTENT, orderId, outcome, note, address, retryAt }, { method: "post" });
  };

  return (
    <BlockStack gap="300">
      <TextField label="Note (optional)" value={note} onChange={setNote} multiline={2} maxLength={1000} autoComplete="off" error={errors.note} />
      {step === "address" && (
        <TextField
          label="New address"
          helpText="As the customer gave it. Correct it on the order in Shopify too: the app does not change the order."
          value={address}
          onChange={setAddress}
          multiline={3}
          maxLength={500}
          autoComplete="off"
          error={errors.address}
        />
      )}
      {step === "retry" && (
        <TextField
          label="Call again at"
          type="datetime-local"
          helpText={`In your shop’s time zone (${timeZone}). The order leaves the queue until then.`}
          value={retryAt}
          onChange={setRetryAt}
          autoComplete="off"
          error={errors.retryAt}
        />
      )}
      {step === "choose" ? (
        <InlineStack gap="200" wrap>
          <Button variant="primary" onClick={() => submit("confirmed")} loading={sending === "confirmed"} accessibilityLabel={`${orderName}: confirmed`}>
            Confirmed
          </Button>
          <Button onClick={() => setStep("address")}>Address corrected</Button>
          <Button onClick={() => setStep("retry")}>No answer</Button>
          <Button tone="critical" onClick={() => submit("customer_cancels")} loading={sending === "customer_cancels"} accessibilityLabel={`${orderName}: the customer cancels`}>
            Customer cancels
          </Button>
        </InlineStack>
      ) : (
        <InlineStack gap="200">
          <Button variant="primary" onClick={() => submit(step === "address" ? "address_corrected" : "no_answer")} loading={sending !== null}>
            {step === "address" ? "Confirm with the new address" : "Call again later"}
          </Button>
          <Button variant="plain" onClick={() => setStep("choose")}>
            Back
          </Button>
        </InlineStack>
      )}
      {answer && !answer.ok && (
        <Text as="p" tone="critical">
          {answer.message}
        </Text>
      )}
    </BlockStack>
  );
}
