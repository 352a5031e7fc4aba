// The page listing the orders behind a figure (/app/dashboard/orders), called as Remix calls it
// for the demo shop (demo mode: the stored offline session stands in for OAuth) and rendered
// on the server from its loader's data; and the dashboard's links to it.
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
    useLocation: () => ({ pathname: "/app/dashboard/orders", search: "", hash: "", state: null, key: "default" }),
    Form: (props: { children: unknown }) => createElement("form", null, props.children as never),
  };
});

const { default: prisma } = await import("~/db.server");
const { resetDatabase, seedShop } = await import("../../support/factories");
const { stopJobRuntime } = await import("~/jobs/runtime.server");
const ordersPage = await import("~/routes/app.dashboard_.orders");
const dashboardPage = await import("~/routes/app.dashboard/route");
const { createOrder, orderIdFor } = await import("../orders-admin/order-rows");

const SHOP = "maison-lumen.myshopify.com";
const args = routeArgs;
const load = (query: string) => ordersPage.loader(args(`/app/dashboard/orders?${query}`));
const HOUR = 3_600_000;

function render(component: ComponentType, data: unknown): string {
  remix.data = asLoaded(data);
  return renderAdminPage(component);
}

/** `count` orders placed an hour apart, the newest an hour ago (order 1 is the newest). */
async function placeOrders(count: number) {
  const now = Date.now();
  for (let number = 1; number <= count; number += 1) await createOrder(prisma, SHOP, number, { placedAt: new Date(now - number * HOUR), customerId: `C${number}` });
}

afterAll(async () => {
  await stopJobRuntime();
});

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP);
});

describe("the orders behind a figure", () => {
  it("lists the orders, newest first, each linking to its page, with the period and the total", async () => {
    await placeOrders(3);
    await createOrder(prisma, "atelier-nord.myshopify.com", 700, { placedAt: new Date(Date.now() - HOUR) });
    const data = await load("period=7&orders=placed");
    expect(data).toMatchObject({ set: "placed", title: "Orders placed", total: 3, totalLabel: "3 orders", backUrl: "/app/dashboard?period=7", exportUrl: "/app/dashboard/export?period=7&orders=placed" });
    expect(data.rows.map((row) => [row.name, row.href])).toEqual([1, 2, 3].map((number) => [`#${number}`, `/app/orders/${orderIdFor(number)}`]));
    expect(data.page).toMatchObject({ number: 1, count: 1, label: "1–3 of 3", previousUrl: null, nextUrl: null });
    expect(data.periodLabel).toMatch(/^\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(.+\)$/);

    const html = render(ordersPage.default, data);
    expect(html).toContain("Orders behind “Orders placed”");
    expect(html).toContain(`href="/app/orders/${orderIdFor(2)}"`);
    expect(html).toContain("Download CSV");
    expect(html).toContain(": 3 orders");
    expect(html).not.toContain("#700");
  });

  it("names a return reason's list after its figure, and counts its rows in returns", async () => {
    await placeOrders(1);
    await prisma.returnCase.create({
      data: { shop: SHOP, orderId: orderIdFor(1), returnNumber: "R1", status: "requested", reason: "wrong_item", lines: "[]", decision: "{}", labelPaidBy: "shop", source: "shopper", requestedAt: new Date(Date.now() - HOUR / 2) },
    });
    const data = await load("period=30&orders=returns_wrong_item");
    expect(data).toMatchObject({ title: "Returns: wrong item", totalLabel: "1 return" });
    expect(data.rows.map((row) => row.note)).toEqual(["return R1: Wrong item (requested)"]);
    expect(render(ordersPage.default, data)).toContain("Orders behind “Returns: wrong item”");
  });

  it("pages 50 at a time, the links keeping the period and the list", async () => {
    await placeOrders(53);
    const first = await load("period=7&orders=placed");
    expect(first.rows).toHaveLength(50);
    expect(first.page).toMatchObject({ number: 1, count: 2, label: "1–50 of 53", previousUrl: null, nextUrl: "/app/dashboard/orders?period=7&orders=placed&page=2" });
    const second = await load("period=7&orders=placed&page=2");
    expect(second.rows.map((row) => row.name)).toEqual(["#51", "#52", "#53"]);
    expect(second.page).toMatchObject({ number: 2, label: "51–53 of 53", previousUrl: "/app/dashboard/orders?period=7&orders=placed", nextUrl: null });
    expect(second.notices).toEqual([]);
  });

  it("shows the last page for a page past the end, and the first for a page that is no number", async () => {
    await placeOrders(53);
    const past = await load("period=7&orders=placed&page=9");
    expect(past.page).toMatchObject({ number: 2, label: "51–53 of 53" });
    expect(past.rows).toHaveLength(3);
    expect(past.notices).toEqual(["There is no page 9 any more: showing page 2, the last."]);
    expect(render(ordersPage.default, past)).toContain("There is no page 9 any more");
    const nonsense = await load("period=7&orders=placed&page=abc");
    expect(nonsense.page.number).toBe(1);
    expect(nonsense.notices).toEqual(["Ignored the page “abc”: showing the first page."]);
  });

  it("says so when nothing stands behind the figure, even past the end", async () => {
    const data = await load("period=7&orders=cancelled&page=3");
    expect(data).toMatchObject({ total: 0, rows: [], page: { number: 1, label: null, nextUrl: null, previousUrl: null } });
    const html = render(ordersPage.default, data);
    expect(html).toContain("No orders behind this figure");
    expect(html).toContain('href="/app/dashboard?period=7"');
  });

  it("shows the period's notices", async () => {
    const data = await load("period=forever&orders=placed");
    expect(render(ordersPage.default, data)).toContain("Ignored the period “forever”");
  });

  it("answers 404 for a list that does not exist", async () => {
    for (const query of ["orders=everything", "period=7", "orders=__proto__"]) {
      const error = await load(query).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(Response);
      expect((error as Response).status).toBe(404);
      expect(await (error as Response).text()).toMatch(/^No list of orders is called/);
    }
  });
});

describe("the dashboard's links", () => {
  it("open the orders behind each figure, for the period shown", async () => {
    await placeOrders(2);
    const data = await dashboardPage.loader(args("/app/dashboard?period=custom&from=2026-01-01&to=2026-01-31"));
    const html = render(dashboardPage.default, data);
    expect(html).toContain('href="/app/dashboard/orders?period=custom&amp;from=2026-01-01&amp;to=2026-01-31&amp;orders=placed"');
    expect(html).toContain('aria-label="Orders behind “Returns: wrong item”"');
    expect(html).not.toContain("Orders (CSV)");
    // Every figure links to its list.
    const figures = data.groups.flatMap((group) => group.figures);
    expect(html.match(/aria-label="Orders behind /g)).toHaveLength(figures.length);
  });
});
