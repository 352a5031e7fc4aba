// The app's discount codes that orders used: when an order carries one of the codes the app issued
// (OrderCare.discountCodes, filled from the order's discount codes), the code is marked redeemed by
// that order. Codes are compared without regard to case, as Shopify does at checkout. The first
// order to carry a code keeps it: later events of the same order change nothing.
import type { Db } from "~/db.server";

export type Redemption = { code: string; issuedCodeId: string; orderId: string; redeemedAt: Date };

export async function recordRedemptions(db: Db, shop: string, orderId: string, codes: readonly string[], placedAt: Date): Promise<Redemption[]> {
  const wanted = new Set(codes.map((code) => code.trim().toUpperCase()).filter(Boolean));
  if (wanted.size === 0) return [];
  // The app's codes are upper-case; an order may carry them as the shopper typed them.
  const candidates = [...new Set(codes.map((code) => code.trim()).filter(Boolean).flatMap((code) => [code, code.toUpperCase()]))];
  const issued = await db.issuedDiscountCode.findMany({ where: { shop, code: { in: candidates } }, select: { id: true, code: true, redeemedAt: true, redeemedOrderId: true } });
  const redemptions: Redemption[] = [];
  for (const row of issued) {
    if (!wanted.has(row.code.toUpperCase())) continue;
    if (row.redeemedOrderId === orderId && row.redeemedAt) {
      redemptions.push({ code: row.code, issuedCodeId: row.id, orderId, redeemedAt: row.redeemedAt });
      continue;
    }
    const { count } = await db.issuedDiscountCode.updateMany({ where: { id: row.id, shop, redeemedAt: null }, data: { redeemedAt: placedAt, redeemedOrderId: orderId } });
    if (count === 1) redemptions.push({ code: row.code, issuedCodeId: row.id, orderId, redeemedAt: placedAt });
  }
  return redemptions;
}
