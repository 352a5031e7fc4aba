// The Dashboard page and its export, called as Remix calls them for the demo shop (demo mode:
// the stored offline session stands in for OAuth), and the page rendered on the server from
// its loader's data: figures in text at first paint, "—" for an empty shop, the charts' data
// as tables, and the navigation entry.
import { createElement, type ComponentType } from "react";
import type * as RemixReact from "@remix-run/react";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { asLoaded, renderAdminPage, routeArgs } from "../../support/admin-pages";

vi.hoisted(() => {
  process.env.DEMO_MODE = "1";
  process.env.DEMO_SHOP = "maison-lumen.myshopify.com";
  process.env.SHOPIFY_ADMIN_API_ORIGIN = "http://127.0.0.1:9";
});

const remix = vi.hoisted(() => ({ data: null as unknown }));

vi.mock("@remix-run/react", async (original) => {
  const actual = await original<typeof RemixReact>();
  return {
    ...actual,
    useLoaderData: () => remix.data,
    useNavigation: () => ({ state: "idle", location: undefined }),
    Form: (props: { children: unknown }) => createElement("form", null, props.children as never),
  };
});

const { default: prisma } = await import("~/db.server");
const { resetDatabase, seedShop } = await import("../../support/factories");
const { stopJobRuntime } = await import("~/jobs/runtime.server");
const { ADMIN_SECTIONS } = await import("~/admin/sections");
const page = await import("~/routes/app.dashboard/route");
const exportRoute = await import("~/routes/app.dashboard.export");
const { createOrder } = await import("../orders-admin/order-rows");
const { getJobQueue } = await import("~/jobs/runtime.server");
const { DASHBOARD_DAYS_JOB } = await import("~/jobs/dashboard-jobs.server");
const { refreshDashboardDays } = await import("~/dashboard/dashboard-days.server");

const SHOP = "maison-lumen.myshopify.com";
const args = routeArgs;

function render(component: ComponentType, data: unknown): string {
  remix.data = asLoaded(data);
  return renderAdminPage(component);
}

afterAll(async () => {
  await stopJobRuntime();
});

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP);
});

describe("the Dashboard page", () => {
  it("comes right after Needs attention in the navigation", () => {
    expect(ADMIN_SECTIONS.slice(0, 2).map((section) => section.path)).toEqual(["/app", "/app/dashboard"]);
  });

  it("shows an empty shop's figures as dashes, never as a division by zero", async () => {
    const data = await page.loader(args("/app/dashboard?period=7"));
    expect(data.hasOrders).toBe(false);
    const html = render(page.default, data);
    expect(html).toContain("No orders yet");
    expect(html).toContain("Dispatched on time");
    expect(html).toContain("—");
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  it("renders the figures in the admin's locale, and each chart's data as a table", async () => {
    const today = new Date();
    await createOrder(prisma, SHOP, 1, { placedAt: new Date(today.getTime() - 3_600_000), customerId: "C1" });
    await createOrder(prisma, SHOP, 2, { placedAt: new Date(today.getTime() - 2 * 3_600_000), customerId: "C1" });
    await createOrder(prisma, SHOP, 3, { placedAt: new Date(today.getTime() - 3 * 3_600_000), customerId: "C2" });
    const data = await page.loader(args("/app/dashboard?period=30&locale=fr"));
    expect(data.locale).toBe("fr");
    const html = render(page.default, data);
    expect(html).toContain("1,50"); // orders per customer, in French
    expect(html).toContain("<caption>Orders per day, this period and the previous one</caption>");
    expect(html).toContain("<caption>Orders by time to dispatch</caption>");
    expect(html).toContain("<caption>Returns by reason</caption>");
    expect(html).toContain("3 orders in this period, 0 in the previous one.");
    // The charts themselves draw in the browser only: the server sends a placeholder for each.
    expect(html.match(/Polaris-SkeletonBodyText__SkeletonBodyTextContainer/g)).toHaveLength(3);
  });

  it("queues the keeping of the past days it had to compute, and not once they are kept", async () => {
    const enqueue = vi.spyOn(getJobQueue(), "enqueue");
    const refreshes = () => enqueue.mock.calls.filter(([name, shop]) => name === DASHBOARD_DAYS_JOB && shop === SHOP);
    try {
      await createOrder(prisma, SHOP, 1, { placedAt: new Date(Date.now() - 3 * 86_400_000) });
      await page.loader(args("/app/dashboard?period=7"));
      expect(refreshes()).toHaveLength(1);
      expect(refreshes()[0]?.[2]).toMatchObject({ from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

      await refreshDashboardDays(prisma, SHOP, { now: new Date() });
      await page.loader(args("/app/dashboard?period=7"));
      expect(refreshes()).toHaveLength(1);
    } finally {
      enqueue.mockRestore();
    }
  });

  it("says which part of a link was not understood", async () => {
    const data = await page.loader(args("/app/dashboard?period=forever"));
    expect(data.period.choice).toBe("30");
    expect(render(page.default, data)).toContain("Ignored the period “forever”");
  });
});

describe("the export", () => {
  it("downloads the figures as CSV", async () => {
    const response = await exportRoute.loader(args("/app/dashboard/export?period=7"));
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="aftercare-dashboard-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/);
    const body = await response.text();
    expect(body.split("\r\n")[0]).toMatch(/^Section,Figure,Value,This period/);
    expect(body).toContain("Orders,Orders placed,0,0,0,—,");
  });

  it("downloads the orders behind a figure, and answers 404 for an unknown list", async () => {
    await createOrder(prisma, SHOP, 1, { placedAt: new Date(Date.now() - 3_600_000) });
    const response = await exportRoute.loader(args("/app/dashboard/export?period=7&orders=placed"));
    expect(await response.text()).toContain("#1,5100000000001,");
    const unknown = await exportRoute.loader(args("/app/dashboard/export?orders=nope")).catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(Response);
    expect((unknown as Response).status).toBe(404);
  });
});
