// Lint: TypeScript-aware rules, React hooks, and the server/client boundary — code that
// ships to the browser (components, admin UI) may not import *.server modules.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  {
    ignores: ["build/**", "node_modules/**", ".tools/**", "tmp/**", "app/types/**", "extensions/*/dist/**", "coverage/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["error", "warn"] }],
    },
  },
  {
    // Browser-bound code: never import server modules (secrets, database, Admin API).
    files: ["app/admin/**/*.{ts,tsx}", "app/components/**/*.{ts,tsx}", "app/**/*.client.{ts,tsx}", "extensions/**/*.{js,ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/*.server", "**/*.server.*", "~/db.server", "@prisma/*"], message: "Browser code must not import server modules." }] }],
    },
  },
  {
    // Pure domain logic (files without .server): no database, no Admin API, no process.env.
    files: ["app/**/*.ts"],
    ignores: ["app/**/*.server.ts", "app/routes/**", "app/**/*.test.ts", "app/entry.server.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/*.server", "**/*.server.*", "@prisma/*", "pg", "better-sqlite3"], message: "Pure modules do no I/O: move this to a .server.ts module." }] }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/config.server.ts", "app/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through app/config.server.ts." }],
    },
  },
  {
    files: ["scripts/**", "tests/**", "*.config.{js,ts}", "prisma.config.ts", "**/*.test.{ts,tsx}"],
    rules: { "no-console": "off" },
  },
);
