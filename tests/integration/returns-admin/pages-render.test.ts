// The returns pages render on the server from their loaders' data (as Remix would, in Polaris's
// AppProvider): the queue empty and full (insights, tabs, rows), a return waiting for approval
// and one approved (the label choices), and the return settings. Remix's hooks are stood in
// for: this checks the components, not the router.
import type { ComponentType } from "react";
import type * as RemixReact from "@remix-run/react";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { asLoaded, renderAdminPage, routeArgs } from "../../support/admin-pages";

vi.hoisted(() => {
  process.env.DEMO_MODE = "1";
  process.env.DEMO_SHOP = "maison-lumen.myshopify.com";
  // Unreachable: the settings page opens without the shop's details from Shopify.
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
    useNavigate: () => () => undefined,
    useNavigation: () => ({ state: "idle", location: undefined }),
    useSearchParams: () => [new URLSearchParams(), () => undefined],
    useLocation: () => ({ pathname: "/app/returns", search: "" }),
  };
});

const { default: prisma } = await import("~/db.server");
const { resetDatabase, seedShop } = await import("../../support/factories");
const { stopJobRuntime } = await import("~/jobs/runtime.server");
const { DEFAULT_RETURN_POLICY, decideReturn } = await import("~/returns/return-policy");
const queuePage = await import("~/routes/app.returns._index/route");
const returnPage = await import("~/routes/app.returns.$returnId/route");
const settingsPage = await import("~/routes/app.settings_.returns/route");

const SHOP = "maison-lumen.myshopify.com";
const args = routeArgs;

/** The page as the server renders it, from its loader's data as it reaches the browser (JSON). */
function render(page: ComponentType, data: unknown): string {
  remix.data = asLoaded(data);
  return renderAdminPage(page);
}

async function createCase(status: string, reason: "damaged_in_transit" | "size_or_fit", number: number) {
  const lines = [{ lineItemId: "gid://shopify/LineItem/1", fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", title: "Linen shirt <M>", quantity: 2, unitPrice: "59.00", currency: "EUR" }];
  const decision = decideReturn({ reason, lines: [{ lineItemId: "gid://shopify/LineItem/1", quantity: 2 }] }, DEFAULT_RETURN_POLICY);
  return prisma.returnCase.create({
    data: {
      shop: SHOP,
      orderId: String(5_100_000_000_000 + number),
      returnNumber: `R${number}-1`,
      status,
      reached: status === "requested" ? "requested" : `requested,${status}`,
      reason,
      comment: "Le col est <abîmé>.",
      lines: JSON.stringify(lines),
      decision: JSON.stringify({ ...decision, windowClosesAt: null }),
      labelPaidBy: decision.labelPaidBy,
      source: "shopper",
      requestedAt: new Date(Date.now() - 3 * 3_600_000),
    },
  });
}

afterAll(async () => {
  await stopJobRuntime();
});

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP);
});

describe("the returns pages render", () => {
  it("the queue: empty, then with its insights, tabs and rows", async () => {
    const empty = render(queuePage.default, await queuePage.loader(args("/app/returns")));
    expect(empty).toContain("No return requests yet");
    expect(empty).toContain(`${SHOP}/apps/aftercare/returns`);

    const row = await createCase("requested", "damaged_in_transit", 1042);
    const html = render(queuePage.default, await queuePage.loader(args("/app/returns")));
    expect(html).toContain("Returns insights");
    expect(html).toContain("Last 90 days");
    expect(html).toContain("Needs approval");
    expect(html).toContain("R1042-1");
    expect(html).toContain(`href="/app/returns/${row.id}"`);
    expect(html).toContain('href="/app/orders/5100000001042"');
    expect(html).toContain("Shop’s fault");
    expect(html).toContain("€118.00");
    expect(html).toContain("Linen shirt &lt;M&gt;");
    expect(html).not.toContain("No return requests yet");
  });

  it("a return waiting for approval: approve and decline, the decision, the comment escaped", async () => {
    const row = await createCase("requested", "damaged_in_transit", 1042);
    const html = render(returnPage.default, await returnPage.loader(args(`/app/returns/${row.id}`, { returnId: row.id })));
    expect(html).toContain("Return R1042-1");
    expect(html).toContain("Approve return");
    expect(html).toContain("Decline return");
    expect(html).toContain("Cancel return");
    expect(html).toContain("Approved automatically by your policy");
    expect(html).toContain("10% discount code");
    expect(html).toContain("Le col est &lt;abîmé&gt;.");
    expect(html).not.toContain("Mark received");
  });

  it("an approved return: the label choices and mark received", async () => {
    const row = await createCase("approved", "size_or_fit", 1043);
    const html = render(returnPage.default, await returnPage.loader(args(`/app/returns/${row.id}`, { returnId: row.id })));
    expect(html).toContain("Printable label (PDF made by Aftercare)");
    expect(html).toContain("A label file you upload");
    expect(html).not.toContain("EasyPost");
    expect(html).toContain("Mark received");
    expect(html).not.toContain("Approve return");
  });

  it("the return settings, with every reason and the label choices", async () => {
    const html = render(settingsPage.default, await settingsPage.loader(args("/app/settings/returns")));
    expect(html).toContain("Policy by reason");
    for (const name of ["Wrong item sent", "Damaged in transit", "Defective", "Not as described", "Size or fit", "Changed their mind", "Other reason"]) expect(html).toContain(name);
    expect(html).toContain('name="windowDays"');
    expect(html).toContain('name="wrong_item.shopPays"');
    expect(html).toContain('name="returnAddress.address1"');
    expect(html).toContain('name="labelProvider"');
    expect(html).toContain('name="packingNotes"');
    // No EasyPost chosen: no key field at all.
    expect(html).not.toContain('name="easypostApiKey"');
  });
});
