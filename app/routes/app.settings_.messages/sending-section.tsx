// Sending: the shop's own mail server (SMTP) and who the messages come from. The stored
// password never comes back to the browser: the form only knows that one is stored. "Send test
// email" tries the settings as typed, before or after saving them.
import { useEffect, useState } from "react";
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, Divider, FormLayout, InlineStack, Layout, Select, Text, TextField } from "@shopify/polaris";
import { ResultBanner, SettingsForm, useSettingsForm, type SettingsResult } from "./settings-form";

export const SMTP_INTENT = "smtp";
export const TEST_SMTP_INTENT = "test-smtp";

type SendingValues = {
  smtpHost: string;
  smtpPort: string;
  smtpSecurity: string;
  smtpUser: string;
  passwordStored: boolean;
  senderName: string;
  senderEmail: string;
  replyTo: string;
  outboxOnly: boolean;
  testRecipient: string;
};

const SECURITY_CHOICES = [
  { value: "starttls", label: "STARTTLS (usually port 587)" },
  { value: "tls", label: "TLS (usually port 465)" },
  { value: "none", label: "None: not encrypted" },
];

type Fields = Omit<SendingValues, "passwordStored" | "outboxOnly" | "testRecipient"> & { smtpPassword: string; keepPassword: boolean };

export function SendingSection({ values }: { values: SendingValues }) {
  const { fetcher, result, errors, submittingIntent } = useSettingsForm(SMTP_INTENT);
  const test = useFetcher<SettingsResult>({ key: `message-settings-${TEST_SMTP_INTENT}` });
  const testResult = test.state === "idle" ? test.data : undefined;
  const [form, setForm] = useState<Fields>({
    smtpHost: values.smtpHost,
    smtpPort: values.smtpPort,
    smtpSecurity: values.smtpSecurity,
    smtpUser: values.smtpUser,
    smtpPassword: "",
    keepPassword: values.passwordStored,
    senderName: values.senderName,
    senderEmail: values.senderEmail,
    replyTo: values.replyTo,
  });
  const [to, setTo] = useState(values.testRecipient);
  // A saved password is stored: the field is emptied, never shown again.
  useEffect(() => {
    if (result?.ok) setForm((current) => ({ ...current, smtpPassword: "", keepPassword: values.passwordStored }));
  }, [result, values.passwordStored]);

  const allErrors = { ...(testResult && !testResult.ok ? testResult.errors : {}), ...errors };
  const field = (name: Exclude<keyof Fields, "keepPassword" | "smtpSecurity">) => ({
    name,
    value: form[name],
    onChange: (value: string) => setForm((current) => ({ ...current, [name]: value })),
    error: allErrors[name],
  });

  const sendTest = () =>
    test.submit(
      {
        intent: TEST_SMTP_INTENT,
        to,
        smtpHost: form.smtpHost,
        smtpPort: form.smtpPort,
        smtpSecurity: form.smtpSecurity,
        smtpUser: form.smtpUser,
        smtpPassword: form.smtpPassword,
        keepPassword: form.keepPassword ? "on" : "",
        senderName: form.senderName,
        senderEmail: form.senderEmail,
        replyTo: form.replyTo,
      },
      { method: "post" },
    );

  return (
    <Layout.AnnotatedSection
      id="sending"
      title="Sending"
      description="Messages are sent through your own mail server, from your own address. Without one, Aftercare keeps every message in the outbox, ready to send once it is set up."
    >
      <Card>
        <SettingsForm intent={SMTP_INTENT} form={fetcher.Form} result={result} submitting={submittingIntent === SMTP_INTENT}>
          <BlockStack gap="400">
            {values.outboxOnly && (
              <Banner tone="info">
                <p>No mail server yet: messages are kept in the outbox.</p>
              </Banner>
            )}
            <FormLayout>
              <FormLayout.Group>
                <TextField label="Mail server (SMTP)" placeholder="smtp.example.com" autoComplete="off" {...field("smtpHost")} />
                <TextField label="Port" type="number" placeholder="587" autoComplete="off" {...field("smtpPort")} />
              </FormLayout.Group>
              <Select
                label="Security"
                name="smtpSecurity"
                options={SECURITY_CHOICES}
                value={form.smtpSecurity}
                onChange={(value) => setForm((current) => ({ ...current, smtpSecurity: value }))}
                error={allErrors.smtpSecurity}
              />
              <FormLayout.Group>
                <TextField label="User name" autoComplete="off" {...field("smtpUser")} />
                <BlockStack gap="100">
                  <TextField
                    label="Password"
                    type="password"
                    autoComplete="new-password"
                    placeholder={values.passwordStored && form.keepPassword ? "Stored" : ""}
                    helpText={values.passwordStored ? "A password is stored. It is kept sealed and never shown." : "Stored sealed; it is never shown again."}
                    {...field("smtpPassword")}
                  />
                  {values.passwordStored && (
                    <Checkbox
                      label="Keep the stored password"
                      helpText="Untick and leave the field empty to remove it."
                      name="keepPassword"
                      value="on"
                      checked={form.keepPassword}
                      onChange={(checked) => setForm((current) => ({ ...current, keepPassword: checked }))}
                    />
                  )}
                </BlockStack>
              </FormLayout.Group>
              <FormLayout.Group>
                <TextField label="Sender name" placeholder="Your shop" autoComplete="off" {...field("senderName")} />
                <TextField label="Sender address" type="email" placeholder="hello@your-shop.com" autoComplete="off" {...field("senderEmail")} />
              </FormLayout.Group>
              <TextField label="Reply-to address" type="email" helpText="Where shoppers’ replies go, when not to the sender address." autoComplete="off" {...field("replyTo")} />
            </FormLayout>
            <Divider />
            <BlockStack gap="200">
              <Text as="h3" variant="headingSm">
                Send a test email
              </Text>
              <ResultBanner result={testResult} />
              <InlineStack gap="200" blockAlign="end" wrap={false}>
                <div style={{ flexGrow: 1 }}>
                  <TextField
                    label="Send the test to"
                    type="email"
                    name="to"
                    value={to}
                    onChange={setTo}
                    autoComplete="email"
                    helpText="Leave empty to only connect and log in."
                    error={testResult && !testResult.ok ? testResult.errors?.to : undefined}
                  />
                </div>
                <Button onClick={sendTest} loading={test.state !== "idle"}>
                  Send test email
                </Button>
              </InlineStack>
            </BlockStack>
          </BlockStack>
        </SettingsForm>
      </Card>
    </Layout.AnnotatedSection>
  );
}
