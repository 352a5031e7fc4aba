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
 * finds no sessions and an uninstalled shop, and writes nothing.
 */
export async function recordUninstall(db: Db, shop: string, at: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { shop } });
    const { count } = await tx.shop.updateMany({
      where: { shop, status: { not: "uninstalled" } },
      data: { status: "uninstalled", uninstalledAt: at },
    });
    if (count === 0 && !(await tx.shop.findUnique({ where: { shop }, select: { shop: true } }))) {
      await tx.shop.create({ data: { shop, status: "uninstalled", uninstalledAt: at } });
    }
  });
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
