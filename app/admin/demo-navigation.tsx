// In demo mode there is no Shopify admin around the app, so it draws its own navigation
// where the admin's sidebar would be.
import { Link } from "@remix-run/react";
import { Badge, Box, InlineStack, Text } from "@shopify/polaris";
import { ADMIN_SECTIONS } from "./sections";

export function DemoNavigation({ shop, pathname }: { shop: string; pathname: string }) {
  return (
    <Box background="bg-surface" padding="300" borderBlockEndWidth="025" borderColor="border">
      <InlineStack gap="400" blockAlign="center">
        <Badge tone="attention">Demo</Badge>
        <Text as="span" variant="bodySm" tone="subdued">{shop}</Text>
        <nav aria-label="Sections">
          <InlineStack gap="300">
            {ADMIN_SECTIONS.map((section) => {
              const current = section.path === "/app" ? pathname === "/app" : pathname.startsWith(section.path);
              return (
                <Link key={section.path} to={section.path} aria-current={current ? "page" : undefined} style={{ fontWeight: current ? 650 : 450 }}>
                  {section.label}
                </Link>
              );
            })}
          </InlineStack>
        </nav>
      </InlineStack>
    </Box>
  );
}
