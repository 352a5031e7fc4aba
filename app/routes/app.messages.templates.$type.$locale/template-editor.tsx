// The template editor: the merchant's wording of one message in one language, with a live
// preview rendered in the browser by the same code that renders the real emails, filled with
// sample values. Saving is checked on the server; its field errors show under each field.
import { useEffect, useMemo, useState } from "react";
import { Form, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Layout, Page, Tabs, Text, TextField } from "@shopify/polaris";
import type { MessageCopy } from "~/messages/copy/types";
import { renderMessage } from "~/messages/render";
import type { TemplateEditorView } from "~/messages/templates.server";
import { MessagePreview } from "../app.messages.$messageId/message-preview";
import { showToast } from "../app.messages.$messageId/resend-button";

export const SAVE_INTENT = "save";
export const RESET_INTENT = "reset";

type Result = { intent: string; ok: true; message: string } | { intent: string; ok: false; errors: Partial<Record<keyof MessageCopy, string>> };

type Props = { editor: TemplateEditorView; result: Result | undefined };

const FIELD_HELP: Record<keyof MessageCopy, string> = {
  subject: "The email's subject line.",
  preheader: "The short line mail apps show after the subject.",
  body: "Paragraphs are separated by a blank line. A paragraph whose placeholder has no value for an order is left out.",
  action: "The label of the main button.",
  secondaryAction: "The label of the second button.",
};

export function TemplateEditor({ editor, result }: Props) {
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const [copy, setCopy] = useState<MessageCopy>(editor.copy);
  const errors = result && !result.ok ? result.errors : {};
  const changed = JSON.stringify(copy) !== JSON.stringify(editor.copy);

  useEffect(() => {
    if (result?.ok) showToast(result.message);
  }, [result]);

  const preview = useMemo(
    () =>
      renderMessage({
        type: editor.type,
        locale: editor.locale,
        copy,
        labels: editor.preview.labels,
        values: editor.preview.values,
        links: editor.preview.links,
        shop: editor.preview.shop,
        marketing: editor.marketing,
      }),
    [copy, editor],
  );

  const field = (name: keyof MessageCopy) => ({
    name,
    value: copy[name] ?? "",
    onChange: (value: string) => setCopy((current) => ({ ...current, [name]: value })),
    error: errors[name],
    helpText: FIELD_HELP[name],
    autoComplete: "off",
  });

  const selectedLocale = editor.locales.findIndex((entry) => entry.locale === editor.locale);

  return (
    <Page
      backAction={{ content: "Message settings", url: "/app/settings/messages" }}
      title={editor.typeName}
      titleMetadata={
        <InlineStack gap="100">
          {editor.marketing && <Badge tone="attention">Promotional</Badge>}
          {editor.customized ? <Badge tone="info">Your text</Badge> : <Badge>Built-in text</Badge>}
        </InlineStack>
      }
      subtitle={editor.trigger}
    >
      <BlockStack gap="400">
        <Card padding="0">
          <Tabs
            tabs={editor.locales.map((entry) => ({
              id: `locale-${entry.locale}`,
              content: entry.customized ? `${entry.name} · edited` : entry.name,
              url: entry.url,
              accessibilityLabel: `${entry.name}${entry.customized ? " (your text)" : ""}`,
            }))}
            selected={selectedLocale}
          />
        </Card>
        {result?.ok && (
          <Banner tone="success">
            <p>{result.message}</p>
          </Banner>
        )}
        {result && !result.ok && (
          <Banner tone="critical" title="The text was not saved">
            <p>Correct what is marked below: your text is kept as you typed it.</p>
          </Banner>
        )}
        <Layout>
          <Layout.Section variant="oneHalf">
            <BlockStack gap="400">
              <Card>
                <Form method="post">
                  <input type="hidden" name="intent" value={SAVE_INTENT} />
                  <BlockStack gap="400">
                    <Text as="h2" variant="headingMd">
                      Text in {editor.localeName}
                    </Text>
                    <TextField label="Subject" {...field("subject")} />
                    <TextField label="Preview text" {...field("preheader")} />
                    <TextField label="Message" multiline={12} {...field("body")} />
                    {editor.buttons.action && <TextField label="Button" {...field("action")} />}
                    {editor.buttons.secondaryAction && <TextField label="Second button" {...field("secondaryAction")} />}
                    <BlockStack gap="100">
                      <Text as="p" variant="bodySm" tone="subdued">
                        Placeholders this message can use (each is replaced by the order's own value):
                      </Text>
                      <InlineStack gap="100">
                        {editor.placeholders.map((name) => (
                          <Badge key={name}>{`{{${name}}}`}</Badge>
                        ))}
                      </InlineStack>
                    </BlockStack>
                    <InlineStack gap="200" align="end">
                      <Button disabled={!changed} onClick={() => setCopy(editor.copy)}>
                        Discard changes
                      </Button>
                      <Button variant="primary" submit loading={submitting === SAVE_INTENT}>
                        Save
                      </Button>
                    </InlineStack>
                  </BlockStack>
                </Form>
              </Card>
              {editor.customized && <ResetCard localeName={editor.localeName} resetting={submitting === RESET_INTENT} />}
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneHalf">
            <BlockStack gap="200">
              <MessagePreview subject={preview.subject} preheader={preview.preheader} html={preview.html} text={preview.text} />
              <Text as="p" variant="bodySm" tone="subdued">
                Preview with a sample order. Buttons and links in the preview do not open.
              </Text>
            </BlockStack>
          </Layout.Section>
        </Layout>
      </BlockStack>
    </Page>
  );
}

/** Back to the built-in text, after a second click: the merchant's text is removed. */
function ResetCard({ localeName, resetting }: { localeName: string; resetting: boolean }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Built-in text
        </Text>
        <Text as="p" tone="subdued">
          Go back to Aftercare’s own wording of this message in {localeName}. Your text is removed.
        </Text>
        {confirming ? (
          <Form method="post">
            <input type="hidden" name="intent" value={RESET_INTENT} />
            <InlineStack gap="200">
              <Button variant="primary" tone="critical" submit loading={resetting}>
                Remove my text
              </Button>
              <Button onClick={() => setConfirming(false)}>Keep it</Button>
            </InlineStack>
          </Form>
        ) : (
          <InlineStack>
            <Button tone="critical" onClick={() => setConfirming(true)}>
              Reset to the built-in text
            </Button>
          </InlineStack>
        )}
      </BlockStack>
    </Card>
  );
}
