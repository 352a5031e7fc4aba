// Mail to the shop's staff, on a real database: alerts per recipient, the daily digest with
// the registered sections and the built-in Messages section, each once.
import type { Prisma } from "@prisma/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import {
  digestDue,
  localDate,
  parseRecipients,
  queueDailyDigest,
  queueMerchantAlert,
  registerDigestSection,
  STAFF_ALERT_TYPE,
  STAFF_DIGEST_TYPE,
} from "~/messages/merchant-notifications.server";
import { expectConsoleErrors } from "../../support/console-guard";
import { resetDatabase, seedShop } from "../../support/factories";

const SHOP = "care-staff.myshopify.com";
const OTHER_SHOP = "care-staff-two.myshopify.com";
// 07:30 in Auckland on 29 November (UTC+13).
const NOW = new Date("2026-11-28T18:30:00.000Z");
const HOUR = 3_600_000;

const unregister: (() => void)[] = [];

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP);
  await seedShop(prisma, OTHER_SHOP);
});

afterEach(() => {
  for (const remove of unregister.splice(0)) remove();
});

function settings(shop: string, data: Partial<Prisma.ShopSettingsUncheckedCreateInput>) {
  return prisma.shopSettings.create({ data: { shop, shopName: "Linen & Loom", timezone: "Pacific/Auckland", ...data } });
}

let dedupe = 0;
function shopperMessage(shop: string, data: Partial<Prisma.OutboxMessageUncheckedCreateInput>) {
  dedupe += 1;
  return prisma.outboxMessage.create({
    data: { shop, type: "dispatch_note", dedupeKey: `m${dedupe}`, locale: "en", toAddress: "shopper@mail.example", subject: "s", html: "h", text: "t", createdAt: NOW, ...data },
  });
}

const staffMail = (shop: string) =>
  prisma.outboxMessage.findMany({ where: { shop, type: { in: [STAFF_ALERT_TYPE, STAFF_DIGEST_TYPE] } }, orderBy: { toAddress: "asc" } });

describe("alerts", () => {
  const alert = {
    key: "late:1234:late_dispatch",
    subject: "Order #1234 has not left yet",
    lines: ["It was due to leave on 26 November.", "The shopper has not been told <yet>."],
    link: { label: "Open the order", url: "https://admin.shopify.com/store/care-staff/apps/aftercare/app/orders/1234" },
  };

  it("queues one staff mail per alert recipient, with the text in both parts", async () => {
    await settings(SHOP, { alertRecipients: "ops@linen.example, Owner@Linen.example ;not-an-address, ops@linen.example" });

    const ids = await queueMerchantAlert(prisma, SHOP, alert, NOW);

    expect(ids).toHaveLength(2);
    const rows = await staffMail(SHOP);
    expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort());
    expect(rows.map((row) => [row.toAddress, row.dedupeKey])).toEqual([
      ["ops@linen.example", "alert:late:1234:late_dispatch:ops@linen.example"],
      ["owner@linen.example", "alert:late:1234:late_dispatch:owner@linen.example"],
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({ type: STAFF_ALERT_TYPE, audience: "staff", marketing: false, status: "queued", locale: "en", subject: alert.subject, sendAfter: NOW, createdAt: NOW, orderId: null });
      expect(row.text).toContain("It was due to leave on 26 November.\nThe shopper has not been told <yet>.");
      expect(row.text).toContain(`Open the order: ${alert.link.url}`);
      expect(row.html).toContain("The shopper has not been told &#60;yet&#62;.");
      expect(row.html).toContain(`<a href="${alert.link.url}"`);
      expect(row.html).not.toContain("<yet>");
    }
  });

  it("queues the same alert once: asking again creates nothing and does not fail", async () => {
    await settings(SHOP, { alertRecipients: "ops@linen.example" });
    expect(await queueMerchantAlert(prisma, SHOP, alert, NOW)).toHaveLength(1);

    expect(await queueMerchantAlert(prisma, SHOP, alert, new Date(NOW.getTime() + HOUR))).toEqual([]);
    expect(await staffMail(SHOP)).toHaveLength(1);

    // A recipient added since gets it; another alert key is another alert.
    await prisma.shopSettings.update({ where: { shop: SHOP }, data: { alertRecipients: "ops@linen.example, owner@linen.example" } });
    expect(await queueMerchantAlert(prisma, SHOP, alert, NOW)).toHaveLength(1);
    expect(await queueMerchantAlert(prisma, SHOP, { ...alert, key: "late:1235:late_dispatch" }, NOW)).toHaveLength(2);
    expect(await staffMail(SHOP)).toHaveLength(4);
  });

  it("queues nothing without recipients or settings, and only for the shop asked about", async () => {
    await settings(SHOP, { alertRecipients: "" });
    await settings(OTHER_SHOP, { alertRecipients: "ops@other.example" });
    expect(await queueMerchantAlert(prisma, SHOP, alert, NOW)).toEqual([]);
    expect(await queueMerchantAlert(prisma, "no-settings.myshopify.com", alert, NOW)).toEqual([]);
    expect(await staffMail(SHOP)).toEqual([]);
    expect(await staffMail(OTHER_SHOP)).toEqual([]);
  });

  it("refuses a link that is not http(s)", async () => {
    await settings(SHOP, { alertRecipients: "ops@linen.example" });
    await expect(queueMerchantAlert(prisma, SHOP, { ...alert, link: { label: "x", url: "javascript:alert(1)" } }, NOW)).rejects.toThrow(/http\(s\) URL/);
    expect(await staffMail(SHOP)).toEqual([]);
  });
});

describe("the daily digest", () => {
  it("goes to each digest recipient with the registered sections and the shopper messages of the last 24 hours", async () => {
    await settings(SHOP, { digestRecipients: "owner@linen.example, ops@linen.example", alertRecipients: "alerts-only@linen.example" });
    const inPeriod = new Date(NOW.getTime() - 2 * HOUR);
    const before = new Date(NOW.getTime() - 30 * HOUR);
    await shopperMessage(SHOP, { status: "sent", sentAt: inPeriod });
    await shopperMessage(SHOP, { status: "sent", sentAt: inPeriod });
    await shopperMessage(SHOP, { status: "sent", sentAt: before });
    await shopperMessage(SHOP, { status: "held", lastAttemptAt: inPeriod });
    await shopperMessage(SHOP, { status: "failed", lastAttemptAt: inPeriod, statusReason: "550" });
    await shopperMessage(SHOP, { status: "queued" });
    await shopperMessage(SHOP, { status: "sent", sentAt: inPeriod, audience: "staff" });
    await shopperMessage(OTHER_SHOP, { status: "sent", sentAt: inPeriod });

    const calls: { shop: string; since: Date; now: Date }[] = [];
    unregister.push(
      registerDigestSection("late-orders", async (_db, shop, since, now) => {
        calls.push({ shop, since, now });
        return { title: "Late orders", lines: ["#1234 has not left yet (due 26 November)"] };
      }),
      registerDigestSection("nothing-today", async () => null),
    );

    const ids = await queueDailyDigest(prisma, SHOP, NOW);

    expect(ids).toHaveLength(2);
    expect(calls).toEqual([{ shop: SHOP, since: new Date(NOW.getTime() - 24 * HOUR), now: NOW }]);
    const rows = await staffMail(SHOP);
    expect(rows.map((row) => [row.toAddress, row.dedupeKey])).toEqual([
      ["ops@linen.example", "digest:2026-11-29:ops@linen.example"],
      ["owner@linen.example", "digest:2026-11-29:owner@linen.example"],
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({ type: STAFF_DIGEST_TYPE, audience: "staff", marketing: false, status: "queued", subject: "Daily summary for Linen & Loom: 2026-11-29" });
      expect(row.text).toContain("Late orders\n-----------\n#1234 has not left yet (due 26 November)");
      expect(row.text).toContain("Messages\n--------\nSent: 2\nKept in the outbox (no mail server): 1\nFailed: 1");
      expect(row.text.indexOf("Late orders")).toBeLessThan(row.text.indexOf("Messages"));
      expect(row.html).toContain("Late orders");
      expect(row.html).toContain("Sent: 2");
    }
  });

  it("has the Messages section even when no feature has anything to say", async () => {
    await settings(SHOP, { digestRecipients: "owner@linen.example" });
    expect(await queueDailyDigest(prisma, SHOP, NOW)).toHaveLength(1);
    const [row] = await staffMail(SHOP);
    expect(row?.text).toContain("Messages\n--------\nSent: 0\nKept in the outbox (no mail server): 0\nFailed: 0");
  });

  it("goes out once per local day and address", async () => {
    await settings(SHOP, { digestRecipients: "owner@linen.example" });
    let built = 0;
    unregister.push(registerDigestSection("counter", async () => {
      built += 1;
      return null;
    }));
    expect(await queueDailyDigest(prisma, SHOP, NOW)).toHaveLength(1);
    // Later the same Auckland day: nothing, and the sections are not even built.
    expect(await queueDailyDigest(prisma, SHOP, new Date(NOW.getTime() + 10 * HOUR))).toEqual([]);
    expect(built).toBe(1);
    // The next Auckland day (05:30 UTC on the 29th is 18:30 on the 29th there; 11:30 UTC is 00:30 on the 30th).
    expect(await queueDailyDigest(prisma, SHOP, new Date(NOW.getTime() + 17 * HOUR))).toHaveLength(1);
    expect((await staffMail(SHOP)).map((row) => row.dedupeKey)).toEqual(["digest:2026-11-29:owner@linen.example", "digest:2026-11-30:owner@linen.example"]);
  });

  it("queues nothing when the shop has no digest recipients", async () => {
    let built = 0;
    unregister.push(registerDigestSection("counter", async () => {
      built += 1;
      return null;
    }));
    await settings(SHOP, { digestRecipients: " , ", alertRecipients: "ops@linen.example" });
    expect(await queueDailyDigest(prisma, SHOP, NOW)).toEqual([]);
    expect(await queueDailyDigest(prisma, "no-settings.myshopify.com", NOW)).toEqual([]);
    expect(await prisma.outboxMessage.count()).toBe(0);
    expect(built).toBe(0);
  });

  it("still goes out when a section fails, saying that part is missing", async () => {
    expectConsoleErrors();
    await settings(SHOP, { digestRecipients: "owner@linen.example" });
    unregister.push(registerDigestSection("Returns", async () => {
      throw new Error("returns table missing");
    }));
    expect(await queueDailyDigest(prisma, SHOP, NOW)).toHaveLength(1);
    const [row] = await staffMail(SHOP);
    expect(row?.text).toContain("Returns\n-------\nThis part could not be put together today.");
    expect(row?.text).toContain("Messages");
  });

  it("stops using a section once it is removed", async () => {
    await settings(SHOP, { digestRecipients: "owner@linen.example" });
    const remove = registerDigestSection("gifts", async () => ({ title: "Gifts", lines: ["3 gifts given"] }));
    remove();
    await queueDailyDigest(prisma, SHOP, NOW);
    const [row] = await staffMail(SHOP);
    expect(row?.text).not.toContain("Gifts");
  });
});

describe("when the digest is due", () => {
  it("reads the date and hour in the shop's time zone", () => {
    expect(localDate(NOW, "Pacific/Auckland")).toBe("2026-11-29");
    expect(localDate(NOW, "America/Los_Angeles")).toBe("2026-11-28");
    expect(localDate(NOW, "Not/A_Zone")).toBe("2026-11-28");
    // 07:30 in Auckland.
    expect(digestDue(NOW, "Pacific/Auckland", 8, null)).toBe(false);
    expect(digestDue(new Date(NOW.getTime() + HOUR), "Pacific/Auckland", 8, null)).toBe(true);
    expect(digestDue(new Date(NOW.getTime() + HOUR), "Pacific/Auckland", 8, "2026-11-29")).toBe(false);
    expect(digestDue(new Date(NOW.getTime() + HOUR), "Pacific/Auckland", 8, "2026-11-28")).toBe(true);
    // Midnight is hour 0, not 24.
    expect(digestDue(new Date("2026-11-28T00:00:00Z"), "UTC", 0, null)).toBe(true);
    expect(digestDue(new Date("2026-11-28T23:59:00Z"), "UTC", 23, null)).toBe(true);
  });

  it("reads recipients from a comma-separated setting", () => {
    expect(parseRecipients("")).toEqual([]);
    expect(parseRecipients(" A@x.example,b@x.example;\n a@x.example, nope, @x.example ")).toEqual(["a@x.example", "b@x.example"]);
  });
});
