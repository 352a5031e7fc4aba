// What the staff are told at once when an order is flagged (instant alerts), and the "Needs
// attention" part of their daily digest. Both go through the outbox like every message.
import type { Db } from "~/db.server";
import type { DigestSection, MerchantAlert } from "~/messages/merchant-notifications.server";
import { FLAG_LABELS } from "./flag-labels";
import { FLAG_KINDS, type FlagKind } from "./watch-rules";

/** Kinds worth an instant alert; "due soon" waits for the digest. */
export const ALERT_KINDS: ReadonlySet<FlagKind> = new Set(["unconfirmed", "late_dispatch", "late_delivery", "stalled_in_transit", "delivery_failed", "no_tracking"]);

/** The admin page of an order, in the Shopify admin (the app's own page opens inside it). */
export function orderAdminUrl(shop: string, orderId: string): string {
  return `https://admin.shopify.com/store/${shop.replace(/\.myshopify\.com$/, "")}/orders/${orderId}`;
}

export async function flagAlert(db: Db, shop: string, orderId: string, flag: { kind: string; reason: string; dueAt: string }): Promise<MerchantAlert | null> {
  if (!ALERT_KINDS.has(flag.kind as FlagKind)) return null;
  const order = await db.orderCare.findUnique({ where: { shop_orderId: { shop, orderId } }, select: { name: true } });
  if (!order) return null;
  const label = FLAG_LABELS[flag.kind as FlagKind];
  return {
    key: `flag:${orderId}:${flag.kind}:${flag.dueAt}`,
    subject: `${order.name}: ${label.toLowerCase()}`,
    lines: [flag.reason, "Open the order to call the customer, send an apology or mark it handled."],
    link: { label: `Open ${order.name}`, url: orderAdminUrl(shop, orderId) },
  };
}

/** Open flags by kind, and the oldest few, for the daily digest. */
export async function needsAttentionDigest(db: Db, shop: string): Promise<DigestSection | null> {
  const rows = await db.orderFlag.groupBy({ by: ["kind"], where: { shop, status: "open" }, _count: { _all: true } });
  if (rows.length === 0) return { title: "Needs attention", lines: ["No late or unconfirmed orders. Well done."] };
  const counts = new Map(rows.map((row) => [row.kind, row._count._all]));
  const lines = FLAG_KINDS.filter((kind) => counts.has(kind)).map((kind) => `${FLAG_LABELS[kind]}: ${counts.get(kind)}`);
  const oldest = await db.orderFlag.findMany({ where: { shop, status: "open" }, orderBy: { dueAt: "asc" }, take: 5, select: { orderId: true, kind: true, reason: true } });
  const names = new Map(
    (await db.orderCare.findMany({ where: { shop, orderId: { in: oldest.map((row) => row.orderId) } }, select: { orderId: true, name: true } })).map((row) => [row.orderId, row.name]),
  );
  for (const row of oldest) lines.push(`${names.get(row.orderId) ?? row.orderId} — ${row.reason}`);
  return { title: "Needs attention", lines };
}
