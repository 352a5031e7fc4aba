// The return's files (label, packing slip, the shopper's photo), each downloadable. Downloads
// go through fetch (downloadFile), which App Bridge signs with a session token inside the admin;
// a plain link would reach the app without credentials.
import { useState } from "react";
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { downloadFile } from "~/admin/download";

export type DocumentView = { id: string; kind: string; name: string; filename: string; contentType: string; href: string };

export function DownloadButton({ document: file, children }: { document: DocumentView; children: string }) {
  const [state, setState] = useState<"idle" | "loading" | "failed">("idle");
  const download = () => {
    setState("loading");
    downloadFile(file.href, file.filename).then(
      () => setState("idle"),
      () => setState("failed"),
    );
  };
  return (
    <InlineStack gap="200" blockAlign="center">
      <Button variant="plain" onClick={download} loading={state === "loading"} accessibilityLabel={`Download ${file.name}: ${file.filename}`}>
        {children}
      </Button>
      {state === "failed" && (
        <Text as="span" tone="critical">
          Could not download it. Try again.
        </Text>
      )}
    </InlineStack>
  );
}

export function ReturnDocumentsCard({ documents }: { documents: DocumentView[] }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Documents
        </Text>
        {documents.length === 0 ? (
          <Text as="p" tone="subdued">
            No files yet. The label and packing slip appear here once the return has a label.
          </Text>
        ) : (
          documents.map((file) => (
            <InlineStack key={file.id} align="space-between" blockAlign="center" gap="200" wrap={false}>
              <BlockStack gap="050">
                <Text as="span" fontWeight="medium">
                  {file.name}
                </Text>
                <Text as="span" variant="bodySm" tone="subdued" breakWord>
                  {file.filename}
                </Text>
              </BlockStack>
              <DownloadButton document={file}>Download</DownloadButton>
            </InlineStack>
          ))
        )}
      </BlockStack>
    </Card>
  );
}
