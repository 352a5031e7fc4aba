// One labelled fact on a detail page (a return's reason, a message's status): the label small
// and subdued above the value. Plain text wraps anywhere (long emails, ids); anything else is
// drawn as given.
import type { ReactNode } from "react";
import { BlockStack, Text } from "@shopify/polaris";

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <BlockStack gap="050">
      <Text as="h3" variant="bodySm" tone="subdued">
        {label}
      </Text>
      {typeof children === "string" ? (
        <Text as="p" breakWord>
          {children}
        </Text>
      ) : (
        children
      )}
    </BlockStack>
  );
}
