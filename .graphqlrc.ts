// GraphQL codegen for the Admin API operations in app/. The schema is read from the local
// file app/types/admin-2026-10.schema.json (unpacked from the committed .gz by
// scripts/setup.mjs), so codegen never fetches from Shopify.
import { ApiType, shopifyApiProject } from "@shopify/api-codegen-preset";

export default {
  schema: "https://shopify.dev/admin-graphql-direct-proxy/2026-10",
  documents: ["./app/**/*.{js,ts,jsx,tsx}"],
  projects: {
    default: shopifyApiProject({
      apiType: ApiType.Admin,
      apiVersion: "2026-10",
      documents: ["./app/**/*.{js,ts,jsx,tsx}", "!./app/types/**"],
      outputDir: "./app/types",
    }),
  },
};
