// The message as the shopper gets it: the HTML part in a sandboxed frame (no scripts, no
// navigation, no access to the admin), and the plain-text part on its own tab.
import { useState } from "react";
import { BlockStack, Box, Card, Tabs, Text } from "@shopify/polaris";

const TABS = [
  { id: "html", content: "Email" },
  { id: "text", content: "Plain text" },
];

export function MessagePreview({ subject, html, text, preheader }: { subject: string; html: string; text: string; preheader?: string }) {
  const [selected, setSelected] = useState(0);
  return (
    <Card padding="0">
      <Box padding="400" borderBlockEndWidth="025" borderColor="border">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd" breakWord>
            {subject || "(no subject)"}
          </Text>
          {preheader && (
            <Text as="p" tone="subdued" breakWord>
              {preheader}
            </Text>
          )}
        </BlockStack>
      </Box>
      <Tabs tabs={TABS} selected={selected} onSelect={setSelected}>
        <Box padding="0">
          {selected === 0 ? (
            <iframe title="The email as the shopper sees it" srcDoc={html} sandbox="" style={{ display: "block", width: "100%", height: "640px", border: 0 }} />
          ) : (
            <Box padding="400">
              <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-word", fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", fontSize: "13px" }}>{text}</pre>
            </Box>
          )}
        </Box>
      </Tabs>
    </Card>
  );
}
