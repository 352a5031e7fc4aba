// Outbox rows for the Messages pages' tests, with realistic defaults.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/db.server";

export const SHOP_A = "maison-lumen.myshopify.com";
export const SHOP_B = "atelier-nord.myshopify.com";

type MessageOverrides = Partial<Omit<Prisma.OutboxMessageUncheckedCreateInput, "shop">>;

let sequence = 0;

export async function createOutboxMessage(db: Db, shop: string, overrides: MessageOverrides = {}) {
  sequence += 1;
  const type = overrides.type ?? "dispatch_note";
  const orderId = overrides.orderId === undefined ? "5100000001042" : overrides.orderId;
  return db.outboxMessage.create({
    data: {
      shop,
      orderId,
      type,
      reason: `r${sequence}`,
      dedupeKey: `${type}:${orderId ?? "none"}:r${sequence}`,
      locale: "fr",
      toAddress: "marie@example.com",
      subject: "Votre commande #1042 est en route",
      html: "<!doctype html><html><body><p>Bonjour Marie,</p></body></html>",
      text: "Bonjour Marie,\n",
      status: "queued",
      createdAt: new Date(Date.UTC(2026, 10, 18, 9, 0) + sequence * 60_000),
      ...overrides,
    },
  });
}
