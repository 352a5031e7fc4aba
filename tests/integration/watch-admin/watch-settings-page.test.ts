// The watch settings page (/app/settings/watch) as Remix calls it, for the demo shop: the
// defaults from the shop's zone and country until saved; a form with mistakes is refused field
// by field, with what was typed handed back; a good one is saved for this shop only.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { SHOP_A, SHOP_B, createOrder } from "../orders-admin/order-rows";

vi.hoisted(() => {
  process.env.DEMO_MODE = "1";
  process.env.DEMO_SHOP = "maison-lumen.myshopify.com";
  process.env.SHOPIFY_ADMIN_API_ORIGIN = "http://127.0.0.1:9";
});

const { default: prisma } = await import("~/db.server");
const { loader, action } = await import("~/routes/app.settings_.watch/route");
const { resetDatabase, seedShop } = await import("../../support/factories");
const { TEST_APP_URL } = await import("../../support/test-env");
const { stopJobRuntime } = await import("~/jobs/runtime.server");
const { getWatchSettings } = await import("~/watch/watch-settings.server");
const { EU_COUNTRIES } = await import("~/watch/watch-rules");

const PAGE = "/app/settings/watch";
const load = () => loader({ request: new Request(new URL(PAGE, TEST_APP_URL)), params: {}, context: {} });
const post = (fields: Record<string, string>) =>
  action({ request: new Request(new URL(PAGE, TEST_APP_URL), { method: "POST", body: new URLSearchParams(fields) }), params: {}, context: {} });

/** The page's form, as the browser posts it (unticked boxes left out). */
const posted = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ""));

afterAll(async () => {
  await stopJobRuntime();
});

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP_A);
  await seedShop(prisma, SHOP_B);
  await prisma.shopSettings.create({ data: { shop: SHOP_A, timezone: "Europe/Paris", countryCode: "FR" } });
});

describe("the watch settings page", () => {
  it("shows the defaults for the shop's zone and country until saved", async () => {
    const page = await load();
    expect(page.saved).toBe(false);
    expect(page.values).toMatchObject({ timeZone: "Europe/Paris", day1: "on", day6: "", opensAt: "09:00", closesAt: "17:00", cutoffAt: "14:00", shopCountry: "FR", confirmCashOnDelivery: "on", confirmHours: "2", confirmMinutes: "0" });
    expect(page.values.regionCountries.split(", ")).toEqual(EU_COUNTRIES.filter((code) => code !== "FR"));
    expect(page.timeZones).toContain("Europe/Paris");
    expect(page.timeZones).toContain("UTC");
  });

  it("refuses bad hours with an error on the field, keeps what was typed, and saves nothing", async () => {
    const { values } = await load();
    const typed = { ...values, opensAt: "9h", closesAt: "08:00", holidays: "2026-12-25\nChristmas" };
    const result = await post(posted(typed));
    expect(result).toMatchObject({
      ok: false,
      errors: {
        opensAt: "“9h” is not a time: write it as HH:MM, for example 09:00.",
        holidays: "Line 2 (“Christmas”): write one date a line as YYYY-MM-DD, for example 2026-12-25.",
      },
      values: { opensAt: "9h", closesAt: "08:00", holidays: "2026-12-25\nChristmas", day6: "" },
    });
    expect(await prisma.watchSettings.count()).toBe(0);

    const inverted = await post(posted({ ...values, opensAt: "18:00", closesAt: "08:00" }));
    expect(inverted).toMatchObject({ ok: false, errors: { closesAt: "The closing time must be after the opening time." } });
    expect(await prisma.watchSettings.count()).toBe(0);
  });

  it("saves good settings for this shop, and has its open orders looked at again", async () => {
    const { orderId } = await createOrder(prisma, SHOP_A, 1001);
    const other = await createOrder(prisma, SHOP_B, 2001);
    const { values } = await load();
    const result = await post(
      posted({
        ...values,
        day6: "on",
        opensAt: "08:30",
        closesAt: "18:00",
        cutoffAt: "",
        holidays: "2026-12-25",
        confirmAll: "on",
        confirmHours: "1",
        confirmMinutes: "30",
        dispatchDays: "2",
        dispatchByMethod: "Express = 1",
        stalledOn: "",
        tagPrefix: "care:",
        mirrorToShopify: "",
        holdUntilConfirmed: "on",
      }),
    );
    expect(result).toMatchObject({ ok: true });

    const saved = await getWatchSettings(prisma, SHOP_A);
    expect(saved).toMatchObject({ saved: true, tagPrefix: "care:", mirrorToShopify: false, holdUntilConfirmed: true });
    expect(saved.rules.calendar).toEqual({ timeZone: "Europe/Paris", workingDays: [1, 2, 3, 4, 5, 6], opensAt: 510, closesAt: 1080, cutoffAt: 1440, holidays: ["2026-12-25"] });
    expect(saved.rules.confirmation).toEqual({ requiredFor: [{ kind: "all" }, { kind: "cash_on_delivery" }], withinBusinessMinutes: 90 });
    expect(saved.rules.dispatch).toEqual({ withinBusinessDays: 2, byShippingMethod: [{ shippingMethod: "Express", withinBusinessDays: 1 }] });
    expect(saved.rules.stalledAfterDays).toBeNull();
    expect((await getWatchSettings(prisma, SHOP_B)).saved).toBe(false);

    const due = async (shop: string, id: string) => (await prisma.orderCare.findUniqueOrThrow({ where: { shop_orderId: { shop, orderId: id } } })).watchDueAt;
    expect(await due(SHOP_A, orderId)).toEqual(new Date(0));
    expect(await due(SHOP_B, other.orderId)).toBeNull();

    // Shown again as saved.
    const page = await load();
    expect(page.saved).toBe(true);
    expect(page.values).toMatchObject({ day6: "on", opensAt: "08:30", closesAt: "18:00", cutoffAt: "", confirmHours: "1", confirmMinutes: "30", dispatchByMethod: "Express = 1", mirrorToShopify: "", stalledOn: "" });
  });
});
