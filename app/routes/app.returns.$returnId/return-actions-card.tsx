// What the merchant can do with the return now, by its status: approve (with an optional note)
// or decline (saying why), give it a label (printable, EasyPost, or a file of
// their own with its tracking number), mark the parcel received, then settle it (refund,
// exchange, store credit); cancel while it is open. One fetcher for the card: an answer that is
// not "done" is shown in a banner above the forms, which keep what was typed.
import { useEffect, useState } from "react";
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, Card, ChoiceList, Divider, DropZone, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { RESOLUTION_NAMES, type ReturnAction } from "~/returns/return-labels";
import { showToast } from "../app.messages.$messageId/resend-button";
import { LABEL_FILE_TYPES, labelFileProblem } from "./label-upload";
import type { ReturnActionResult } from "./return-actions.server";

type Props = {
  actions: ReturnAction[];
  labelProviders: { value: string; label: string }[];
  defaultProvider: string;
  labelPaidBy: "shop" | "customer" | string;
};

export function ReturnActionsCard({ actions, labelProviders, defaultProvider, labelPaidBy }: Props) {
  const fetcher = useFetcher<ReturnActionResult>();
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  const busy = fetcher.state !== "idle" ? String(fetcher.formData?.get("intent") ?? "") : null;
  const errors = result && !result.ok ? (result.errors ?? {}) : {};

  const [message, setMessage] = useState("");
  const [declineReason, setDeclineReason] = useState("");
  const [provider, setProvider] = useState(defaultProvider);
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [tracking, setTracking] = useState({ trackingNumber: "", carrier: "", trackingUrl: "" });
  const [cancelReason, setCancelReason] = useState("");

  useEffect(() => {
    if (result?.ok && !result.warning) showToast(result.message);
  }, [result]);

  const submit = (intent: ReturnAction, fields: Record<string, string> = {}) => fetcher.submit({ intent, ...fields }, { method: "post" });
  const submitLabel = () => {
    if (provider !== "upload") return submit("label", { provider });
    const form = new FormData();
    form.set("intent", "label");
    form.set("provider", "upload");
    if (file) form.set("file", file);
    for (const [key, value] of Object.entries(tracking)) form.set(key, value);
    fetcher.submit(form, { method: "post", encType: "multipart/form-data" });
  };
  const chooseFile = (accepted: File[], rejected: File[]) => {
    const chosen = accepted[0] ?? null;
    setFile(chosen);
    setFileProblem(chosen ? labelFileProblem(chosen) : rejected.length > 0 ? "Upload the label as a PDF or an image (PNG, JPEG, GIF or WebP)." : null);
  };

  const has = (action: ReturnAction) => actions.includes(action);
  const settle = (["refund", "exchange", "store_credit"] as const).filter(has);
  const sections: JSX.Element[] = [];

  if (has("approve") || has("decline")) {
    sections.push(
      <BlockStack key="decide" gap="400">
        {has("approve") && (
          <BlockStack gap="200">
            <TextField
              label="Note (optional)"
              multiline={3}
              maxLength={500}
              value={message}
              onChange={setMessage}
              autoComplete="off"
              helpText={`Kept on this return’s timeline. The shopper gets the return instructions${labelPaidBy === "shop" ? " with a prepaid label" : " and pays the postage"}.`}
              error={errors.message}
            />
            <InlineStack>
              <Button variant="primary" loading={busy === "approve"} disabled={busy !== null} onClick={() => submit("approve", { message })}>
                Approve return
              </Button>
            </InlineStack>
          </BlockStack>
        )}
        {has("decline") && (
          <BlockStack gap="200">
            <TextField
              label="Why it is declined"
              multiline={2}
              maxLength={500}
              value={declineReason}
              onChange={setDeclineReason}
              autoComplete="off"
              helpText="Shopify sends this to the shopper with the decision."
              error={result?.intent === "decline" ? errors.reason : undefined}
            />
            <InlineStack>
              <Button tone="critical" loading={busy === "decline"} disabled={busy !== null} onClick={() => submit("decline", { reason: declineReason })}>
                Decline return
              </Button>
            </InlineStack>
          </BlockStack>
        )}
      </BlockStack>,
    );
  }

  if (has("label")) {
    sections.push(
      <BlockStack key="label" gap="300">
        <ChoiceList title="Return label" choices={labelProviders} selected={[provider]} onChange={(selected) => setProvider(selected[0] ?? defaultProvider)} error={errors.provider} />
        {provider === "upload" && (
          <FormLayout>
            <DropZone
              label="Label file"
              accept={LABEL_FILE_TYPES.join(",")}
              type="file"
              allowMultiple={false}
              error={Boolean(fileProblem ?? errors.file)}
              onDrop={(_files, accepted, rejected) => chooseFile(accepted, rejected)}
            >
              {file ? (
                <Box padding="300">
                  <InlineStack gap="200" blockAlign="center">
                    <Text as="span" fontWeight="medium" breakWord>
                      {file.name}
                    </Text>
                    <Text as="span" tone="subdued">
                      {(file.size / (1024 * 1024)).toFixed(1)} MB
                    </Text>
                  </InlineStack>
                </Box>
              ) : (
                <DropZone.FileUpload actionHint="A PDF or an image, at most 10 MB" />
              )}
            </DropZone>
            {(fileProblem ?? errors.file) && (
              <Text as="p" tone="critical">
                {fileProblem ?? errors.file}
              </Text>
            )}
            <FormLayout.Group>
              <TextField label="Tracking number" value={tracking.trackingNumber} onChange={(value) => setTracking((current) => ({ ...current, trackingNumber: value }))} autoComplete="off" error={errors.trackingNumber} />
              <TextField label="Carrier (optional)" value={tracking.carrier} onChange={(value) => setTracking((current) => ({ ...current, carrier: value }))} autoComplete="off" error={errors.carrier} />
            </FormLayout.Group>
            <TextField
              label="Tracking page (optional)"
              type="url"
              placeholder="https://"
              value={tracking.trackingUrl}
              onChange={(value) => setTracking((current) => ({ ...current, trackingUrl: value }))}
              autoComplete="off"
              error={errors.trackingUrl}
            />
          </FormLayout>
        )}
        <InlineStack>
          <Button variant="primary" loading={busy === "label"} disabled={busy !== null || (provider === "upload" && (file === null || fileProblem !== null))} onClick={submitLabel}>
            {provider === "upload" ? "Attach label and send it" : "Create label and send it"}
          </Button>
        </InlineStack>
      </BlockStack>,
    );
  }

  if (has("receive")) {
    sections.push(
      <BlockStack key="receive" gap="200">
        <Text as="p">When the parcel is back and checked, mark it received. Then refund it, exchange it or give store credit.</Text>
        <InlineStack>
          <Button loading={busy === "receive"} disabled={busy !== null} onClick={() => submit("receive")}>
            Mark received
          </Button>
        </InlineStack>
      </BlockStack>,
    );
  }

  if (settle.length > 0) {
    sections.push(
      <BlockStack key="settle" gap="200">
        <Text as="p">The parcel is back. Settle the return:</Text>
        <InlineStack gap="200">
          {settle.map((action, index) => (
            <Button key={action} variant={index === 0 ? "primary" : undefined} loading={busy === action} disabled={busy !== null} onClick={() => submit(action)}>
              {RESOLUTION_NAMES[action]}
            </Button>
          ))}
        </InlineStack>
      </BlockStack>,
    );
  }

  if (has("cancel")) {
    sections.push(
      <BlockStack key="cancel" gap="200">
        <TextField
          label="Reason for cancelling (optional)"
          value={cancelReason}
          onChange={setCancelReason}
          maxLength={500}
          autoComplete="off"
          helpText="Cancelling closes the return here and in Shopify, which tells the shopper. A carrier label already bought is not refunded on its own: ask the carrier."
          error={result?.intent === "cancel" ? errors.reason : undefined}
        />
        <InlineStack>
          <Button tone="critical" variant="secondary" loading={busy === "cancel"} disabled={busy !== null} onClick={() => submit("cancel", { reason: cancelReason })}>
            Cancel return
          </Button>
        </InlineStack>
      </BlockStack>,
    );
  }

  if (sections.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Next step
        </Text>
        {result && !result.ok && (
          <Banner tone="critical" title="That did not work">
            <p>{result.message}</p>
          </Banner>
        )}
        {result?.ok && result.warning && (
          <Banner tone="warning" title={result.message}>
            <p>Part of what follows did not work yet and will be tried again in a few minutes: {result.warning}</p>
          </Banner>
        )}
        {sections.flatMap((section, index) => (index === 0 ? [section] : [<Divider key={`divider-${index}`} />, section]))}
      </BlockStack>
    </Card>
  );
}
