// Opens the demo admin in a real browser: the page must render on the server, hydrate,
// and navigate on the client without a full reload.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoStack, type DemoStack } from "../../scripts/demo-stack.ts";
import { chromiumAvailable, launchBrowser } from "./browser";

const required = process.env.REQUIRE_BROWSER === "1";
const runnable = chromiumAvailable() || required;
const screenshots = path.resolve(import.meta.dirname, "../../tmp/screenshots");
const DATABASE_FILE = path.resolve(import.meta.dirname, "../../tmp/e2e/demo.sqlite");

describe.skipIf(!runnable)("the demo admin in Chromium", () => {
  let stack: DemoStack;
  let browser: BrowserContext;

  beforeAll(async () => {
    // A fresh database each run: the stack signs with a new secret every time.
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${DATABASE_FILE}${suffix}`, { force: true });
    stack = await startDemoStack({
      port: 0,
      databaseFile: DATABASE_FILE,
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
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    await page.waitForURL("**/app/settings");
    await expect.poll(() => page.locator("h1").first().textContent()).toBe("Settings");
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await page.getByText("No privacy requests").count()).toBe(1);
    await page.screenshot({ path: path.join(screenshots, "settings.png"), fullPage: true });

    expect(problems).toEqual([]);
  });

  it("a new user's care flow: late orders in Needs attention, a French dispatch note in the outbox, the check-in answered through the proxy path", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));

    // The first sync and the watch's evaluation of the shop run in the background: the front page fills within seconds.
    await expect
      .poll(async () => {
        await page.goto(stack.adminUrl, { waitUntil: "networkidle" });
        return page.getByText("Late dispatch").count();
      }, { timeout: 60_000, interval: 2_000 })
      .toBeGreaterThan(0);
    await page.screenshot({ path: path.join(screenshots, "needs-attention.png"), fullPage: true });

    // A French shopper's order with a tracked parcel.
    const orders = stack.store.requireShop(stack.shop).orders as unknown as {
      id: string; name: string; createdAt: string; customerLocale: string; cancelledAt: string | null;
      fulfillments: { trackingInfo: { number: string }[]; deliveredAt: string | null }[];
    }[];
    // The newest one: the first sync reads the last 60 days.
    const french = [...orders].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).find((order) => order.customerLocale.startsWith("fr") && !order.cancelledAt && order.fulfillments.some((parcel) => parcel.trackingInfo.length > 0 && parcel.deliveredAt));
    if (!french) throw new Error("the demo shop has no delivered French order with tracking");
    const tracking = french.fulfillments.find((parcel) => parcel.trackingInfo.length > 0)?.trackingInfo[0]?.number ?? "";

    const orderUrl = `${stack.appUrl}/app/orders/${french.id.split("/").pop()}`;
    const send = async (type: string) => {
      await page.goto(orderUrl, { waitUntil: "networkidle" });
      await page.getByLabel("Send a message").selectOption(type);
      await page.getByRole("button", { name: "Send", exact: true }).click();
      await page.waitForLoadState("networkidle");
    };
    await send("dispatch_note");
    // Composed by a job: it appears on the order page in a moment, in French.
    await expect.poll(async () => {
      await page.goto(orderUrl, { waitUntil: "networkidle" });
      return page.getByRole("link", { name: "Dispatch note" }).count();
    }, { timeout: 30_000, interval: 1_000 }).toBe(1);
    await page.getByRole("link", { name: "Dispatch note" }).click();
    await page.waitForURL("**/app/messages/**");
    const preview = page.frameLocator("iframe").first();
    await expect.poll(() => preview.locator("html").getAttribute("lang")).toBe("fr");
    const email = (await preview.locator("body").textContent()) ?? "";
    expect(email).toContain(tracking);
    expect(email).toContain("+33 4 78 00 14 14");
    expect(email).toContain("Lyon");
    await page.screenshot({ path: path.join(screenshots, "dispatch-note.png"), fullPage: true });

    // Sending it again changes nothing.
    await send("dispatch_note");
    await expect.poll(() => page.getByText("already exists").count()).toBe(1);

    // The delivery check-in: its link opens the shopper page on the (imitated) proxy path.
    await send("delivery_check_in");
    await expect.poll(async () => {
      await page.goto(orderUrl, { waitUntil: "networkidle" });
      return page.getByRole("link", { name: "Delivery check-in" }).count();
    }, { timeout: 30_000, interval: 1_000 }).toBe(1);
    await page.getByRole("link", { name: "Delivery check-in" }).click();
    await page.waitForURL("**/app/messages/**");
    const link = await page.frameLocator("iframe").first().locator('a[href*="/apps/aftercare/check-in"]').first().getAttribute("href");
    expect(link).toMatch(/\/apps\/aftercare\/check-in\?t=/);
    const shopper = await browser.newPage();
    // The demo's links name the app's origin; the browser reaches it the way the admin page was reached.
    const shopperUrl = new URL(link ?? "");
    await shopper.goto(new URL(`${shopperUrl.pathname}${shopperUrl.search}`, stack.adminUrl).toString(), { waitUntil: "networkidle" });
    expect(await shopper.locator("html").getAttribute("lang")).toBe("fr");
    await shopper.locator("form button").first().click();
    await shopper.waitForLoadState("networkidle");
    await shopper.screenshot({ path: path.join(screenshots, "check-in.png"), fullPage: true });
    await page.goto(orderUrl, { waitUntil: "networkidle" });
    expect(await page.getByText(/arrived well|bien arrivée|all good/i).count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 180_000);

  it("the dashboard: every indicator against the previous period, charts drawn, and a figure that opens its orders", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });

    // The first sync has run by now (the test before waited for it).
    await page.goto(`${stack.appUrl}/app/dashboard?period=30`, { waitUntil: "networkidle" });
    await expect.poll(() => page.locator("h1").first().textContent()).toBe("Dashboard");
    for (const label of ["Orders placed", "Dispatched on time", "Median time to dispatch", "Median time to confirm", "Confirmed in time", "Median delivery time, domestic", "Late orders open now", "Unconfirmed orders open now", "Return rate", "Returns for the shop’s fault", "Repeat customers", "Orders per customer", "Check-ins: arrived well", "Review requests sent", "Delivered to the mail server", "Gifts given", "Discount codes redeemed"]) {
      expect(await page.locator("[data-figure]").filter({ hasText: label }).count(), label).toBeGreaterThan(0);
    }
    const placed = page.locator('[data-figure="orders"]');
    expect(Number((await placed.locator(".Polaris-Text--headingLg").first().textContent())?.replace(/\D/g, ""))).toBeGreaterThan(0);
    expect(await placed.textContent()).toContain("before:");
    // The charts draw in the browser (SVG), each with its data as a table for screen readers.
    await expect.poll(() => page.locator("svg[role], figure svg, [class*='Chart'] svg").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.locator("table caption").count()).toBe(3);
    await page.screenshot({ path: path.join(screenshots, "dashboard-figures.png"), fullPage: true });

    // A figure opens the orders behind it, and an order opens from there.
    await placed.getByRole("link", { name: /Orders behind/ }).click();
    await page.waitForURL("**/app/dashboard/orders?**");
    await expect.poll(() => page.locator("h1").first().textContent()).toContain("Orders behind");
    const rows = page.locator(".Polaris-IndexTable__TableRow");
    expect(await rows.count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(screenshots, "dashboard-orders.png"), fullPage: true });
    await rows.first().getByRole("link").first().click();
    await page.waitForURL(/\/app\/orders\/\d+/);
    expect(problems).toEqual([]);
  }, 120_000);
});
