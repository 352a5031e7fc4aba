// Install and uninstall bookkeeping for a shop.
import type { Db } from "../db.server";

export async function recordInstall(db: Db, input: { shop: string; scope: string | null }): Promise<void> {
  await db.shop.upsert({
    where: { shop: input.shop },
    create: { shop: input.shop, scope: input.scope, status: "active" },
    update: { scope: input.scope, status: "active", uninstalledAt: null },
  });
}

/**
 * Deletes the shop's sessions and marks it uninstalled. Idempotent: a second delivery
 * finds no sessions and keeps the first uninstall time.
 */
export async function recordUninstall(db: Db, shop: string, at: Date): Promise<void> {
  await db.$transaction([
    db.session.deleteMany({ where: { shop } }),
    db.shop.upsert({
      where: { shop },
      create: { shop, status: "uninstalled", uninstalledAt: at },
      update: { status: "uninstalled" },
    }),
    db.shop.updateMany({ where: { shop, uninstalledAt: null }, data: { uninstalledAt: at } }),
  ]);
}

export async function recordScopes(db: Db, shop: string, scope: string): Promise<void> {
  await db.$transaction([
    db.session.updateMany({ where: { shop }, data: { scope } }),
    db.shop.updateMany({ where: { shop }, data: { scope } }),
  ]);
}

export async function isActive(db: Db, shop: string): Promise<boolean> {
  const row = await db.shop.findUnique({ where: { shop }, select: { status: true } });
  return row?.status === "active";
}
