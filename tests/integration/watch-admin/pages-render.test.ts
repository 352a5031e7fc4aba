// The watch pages render on the server from their loaders' data (as Remix would, in Polaris's
// AppProvider): Needs attention with flags and empty, the call queue, the order page with its
// Care status panel, and the watch settings form. Remix's hooks are stood in for: this checks
// the components, not the router.
import type { ComponentType } from "react";
import type * as RemixReact from "@remix-run/react";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { asLoaded, renderAdminPage, routeArgs } from "../../support/admin-pages";
import { SHOP_A, createOrder } from "../orders-admin/order-rows";
import { createFlag } from "./watch-rows";

vi.hoisted(() => {
  process.env.DEMO_MODE = "1";
  process.env.DEMO_SHOP = "maison-lumen.myshopify.com";
  process.env.SHOPIFY_ADMIN_API_ORIGIN = "http://127.0.0.1:9";
});

const remix = vi.hoisted(() => ({ data: null as unknown }));

vi.mock("@remix-run/react", async (original) => {
  const actual = await original<typeof RemixReact>();
  const idleFetcher = { state: "idle", data: undefined, formData: undefined, submit: () => undefined, load: () => undefined, Form: "form" };
  return {
    ...actual,
    useLoaderData: () => remix.data,
    useFetcher: () => idleFetcher,
    useNavigation: () => ({ state: "idle", location: undefined }),
    useSearchParams: () => [new URLSearchParams(), () => undefined],
    useLocation: () => ({ pathname: "/app", search: "" }),
  };
});

const { default: prisma } = await import("~/db.server");
const { resetDatabase, seedShop } = await import("../../support/factories");
const { stopJobRuntime } = await import("~/jobs/runtime.server");
const home = await import("~/routes/app._index");
const confirmations = await import("~/routes/app.confirmations/route");
const orderPage = await import("~/routes/app.orders.$orderId/route");
const settings = await import("~/routes/app.settings_.watch/route");

const args = routeArgs;

/** The page as the server renders it, from its loader's data as it reaches the browser (JSON). */
async function render(page: ComponentType, data: unknown): Promise<string> {
  remix.data = asLoaded(data);
  return renderAdminPage(page);
}

afterAll(async () => {
  await stopJobRuntime();
});

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP_A);
});

describe("the watch pages render", () => {
  it("Needs attention, empty and with flags", async () => {
    const empty = await render(home.default, await home.loader(args("/app")));
    expect(empty).toContain("Nothing needs attention");

    const { orderId } = await createOrder(prisma, SHOP_A, 1042);
    await createFlag(prisma, SHOP_A, orderId, "late_dispatch", { reason: "Not dispatched 1 business day after it was placed" });
    const html = await render(home.default, await home.loader(args("/app")));
    expect(html).toContain("Needs attention");
    expect(html).toContain("#1042");
    expect(html).toContain("Not dispatched 1 business day after it was placed");
    expect(html).toContain(`href="/app/orders/${orderId}"`);
    expect(html).toContain('href="/app?kind=late_dispatch"');
  });

  it("the call queue", async () => {
    const { orderId } = await createOrder(prisma, SHOP_A, 1042, { cashOnDelivery: true });
    await createFlag(prisma, SHOP_A, orderId, "unconfirmed", { dueAt: new Date("2026-01-01T10:00:00Z") });
    const html = await render(confirmations.default, await confirmations.loader(args("/app/confirmations")));
    expect(html).toContain("Confirmation calls");
    expect(html).toContain("#1042");
    expect(html).toContain("What to say");
    expect(html).toContain("Customer cancels");
  });

  it("the order page with its Care status", async () => {
    const { orderId } = await createOrder(prisma, SHOP_A, 1042, { cashOnDelivery: true });
    await createFlag(prisma, SHOP_A, orderId, "late_delivery", { reason: "Not delivered 3 days after dispatch" });
    const html = await render(orderPage.default, await orderPage.loader(args(`/app/orders/${orderId}`, { orderId })));
    expect(html).toContain("Care status");
    expect(html).toContain("Not delivered 3 days after dispatch");
    expect(html).toContain("Send delay apology");
    expect(html).toContain("Not confirmed");
  });

  it("the watch settings form", async () => {
    const html = await render(settings.default, await settings.loader(args("/app/settings/watch")));
    expect(html).toContain("Business hours");
    expect(html).toContain("Hold fulfilment until the order is confirmed");
    expect(html).toContain('value="09:00"');
  });
});
