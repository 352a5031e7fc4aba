import { defineConfig } from "vitest/config";

// The browser test: the demo stack (stand-in, SQLite, production build) driven by
// Debian's Chromium through playwright-core. Run after `npm run build`.
process.env.TZ = "UTC";

export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
