// Which messages go out on their own, how long after what starts them, and where to edit
// their texts in each language.
import { useState } from "react";
import { Badge, BlockStack, Box, Card, Checkbox, InlineStack, Layout, Link, Select, Text, TextField } from "@shopify/polaris";
import { SettingsForm, useSettingsForm } from "./settings-form";

export const MESSAGES_INTENT = "messages";

type Unit = "minutes" | "hours" | "days";
type MessageRow = {
  type: string;
  name: string;
  trigger: string;
  marketing: boolean;
  enabled: boolean;
  delay: { amount: string; unit: Unit };
  texts: { locale: string; name: string; url: string; customized: boolean }[];
};

const UNITS: { value: Unit; label: string }[] = [
  { value: "minutes", label: "minutes" },
  { value: "hours", label: "hours" },
  { value: "days", label: "days" },
];

export function MessageTypesSection({ messages }: { messages: MessageRow[] }) {
  const { fetcher, result, errors, submittingIntent } = useSettingsForm(MESSAGES_INTENT);
  const [rows, setRows] = useState(() => Object.fromEntries(messages.map((row) => [row.type, { enabled: row.enabled, amount: row.delay.amount, unit: row.delay.unit }])));
  const change = (type: string, patch: Partial<{ enabled: boolean; amount: string; unit: Unit }>) =>
    setRows((current) => ({ ...current, [type]: { ...current[type]!, ...patch } }));

  return (
    <Layout.AnnotatedSection
      id="messages"
      title="Messages"
      description="The messages Aftercare sends your shoppers on its own, in their language. Promotional ones only go to shoppers who agreed to marketing email, with an unsubscribe link."
    >
      <Card>
        <SettingsForm intent={MESSAGES_INTENT} form={fetcher.Form} result={result} submitting={submittingIntent === MESSAGES_INTENT}>
          <BlockStack gap="400">
            {messages.map((message, index) => {
              const row = rows[message.type]!;
              return (
                <Box key={message.type} paddingBlockStart={index === 0 ? "0" : "400"} borderBlockStartWidth={index === 0 ? "0" : "025"} borderColor="border">
                  <BlockStack gap="200">
                    <InlineStack gap="200" blockAlign="center">
                      <Checkbox
                        label={<Text as="span" fontWeight="semibold">{message.name}</Text>}
                        name={`${message.type}.enabled`}
                        value="on"
                        checked={row.enabled}
                        onChange={(checked) => change(message.type, { enabled: checked })}
                        error={errors[`${message.type}.enabled`]}
                      />
                      {message.marketing && <Badge tone="attention">Promotional</Badge>}
                    </InlineStack>
                    <Text as="p" tone="subdued">
                      {message.trigger}
                    </Text>
                    <InlineStack gap="200" blockAlign="end">
                      <div style={{ width: "8rem" }}>
                        <TextField
                          label="Send after"
                          type="number"
                          min={0}
                          name={`${message.type}.delayAmount`}
                          value={row.amount}
                          onChange={(value) => change(message.type, { amount: value })}
                          autoComplete="off"
                          disabled={!row.enabled}
                          error={Boolean(errors[`${message.type}.delayMinutes`])}
                        />
                      </div>
                      <Select
                        label="Unit"
                        labelHidden
                        name={`${message.type}.delayUnit`}
                        options={UNITS}
                        value={row.unit}
                        onChange={(value) => change(message.type, { unit: value as Unit })}
                        disabled={!row.enabled}
                      />
                      {!row.enabled && (
                        // A disabled field is not sent with the form: keep the delay anyway.
                        <>
                          <input type="hidden" name={`${message.type}.delayAmount`} value={row.amount} />
                          <input type="hidden" name={`${message.type}.delayUnit`} value={row.unit} />
                        </>
                      )}
                    </InlineStack>
                    {errors[`${message.type}.delayMinutes`] && (
                      <Text as="p" tone="critical">
                        {errors[`${message.type}.delayMinutes`]}
                      </Text>
                    )}
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="span" variant="bodySm" tone="subdued">
                        Edit the text:
                      </Text>
                      {message.texts.map((text) => (
                        <Link key={text.locale} url={text.url} removeUnderline>
                          {text.customized ? `${text.name} (edited)` : text.name}
                        </Link>
                      ))}
                    </InlineStack>
                  </BlockStack>
                </Box>
              );
            })}
          </BlockStack>
        </SettingsForm>
      </Card>
    </Layout.AnnotatedSection>
  );
}
