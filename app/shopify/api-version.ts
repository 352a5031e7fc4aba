// The one Admin API version, used by the app, the TOML, codegen and the stand-in.
// scripts and tests check that shopify.app.toml and .graphqlrc.ts say the same.
export const ADMIN_API_VERSION = "2026-10";
