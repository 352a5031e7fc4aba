// Opens the demo admin in a real browser: the page must render on the server, hydrate,
// and navigate on the client without a full reload.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoStack, type DemoStack } from "../../scripts/demo-stack.ts";
import { chromiumAvailable, launchBrowser } from "./browser";

const required = process.env.REQUIRE_BROWSER === "1";
const runnable = chromiumAvailable() || required;
const screenshots = path.resolve(import.meta.dirname, "../../tmp/screenshots");

describe.skipIf(!runnable)("the demo admin in Chromium", () => {
  let stack: DemoStack;
  let browser: BrowserContext;

  beforeAll(async () => {
    stack = await startDemoStack({
      port: 0,
      databaseFile: path.resolve(import.meta.dirname, "../../tmp/e2e/demo.sqlite"),
      // The demo state file belongs to a developer's running demo, if any.
      stateFile: false,
      build: false,
      now: new Date("2026-11-20T10:00:00Z"),
    });
    browser = await launchBrowser();
    mkdirSync(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("renders the dashboard from the stand-in's data, hydrates, and navigates client-side", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });

    const response = await page.goto(stack.adminUrl, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.locator("h1").first().textContent()).toBe("Needs attention");
    expect(await page.getByText("Maison Lumen").count()).toBeGreaterThan(0);
    expect(await page.getByText(String(stack.orderCount), { exact: true }).count()).toBe(1);
    await page.screenshot({ path: path.join(screenshots, "dashboard.png"), fullPage: true });

    // Hydrated: a Remix <Link> navigates without reloading the document.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await page.getByRole("link", { name: "Settings" }).click();
    await page.waitForURL("**/app/settings");
    await expect.poll(() => page.locator("h1").first().textContent()).toBe("Settings");
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await page.getByText("No privacy requests").count()).toBe(1);
    await page.screenshot({ path: path.join(screenshots, "settings.png"), fullPage: true });

    expect(problems).toEqual([]);
  });
});
