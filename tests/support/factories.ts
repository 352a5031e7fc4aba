// Rows for tests, with realistic defaults and overrides.
import type { Db } from "~/db.server";

export async function seedShop(db: Db, shop: string, options: { accessToken?: string; scope?: string } = {}) {
  const scope = options.scope ?? "write_orders,write_customers,read_fulfillments,read_products,write_order_edits,write_discounts,write_returns,write_merchant_managed_fulfillment_orders,write_app_proxy";
  await db.shop.upsert({ where: { shop }, create: { shop, scope }, update: { status: "active", uninstalledAt: null } });
  await db.session.upsert({
    where: { id: `offline_${shop}` },
    create: {
      id: `offline_${shop}`,
      shop,
      state: "installed",
      isOnline: false,
      scope,
      accessToken: options.accessToken ?? `shpat_${shop.split(".")[0]}`,
      expires: new Date(Date.now() + 3600_000),
      refreshToken: `shprt_${shop.split(".")[0]}`,
      refreshTokenExpires: new Date(Date.now() + 30 * 86400_000),
    },
    update: {},
  });
}

/** Empties every table, for tests in one file that must not see each other's rows. */
export async function resetDatabase(db: Db): Promise<void> {
  const { Prisma } = await import("@prisma/client");
  for (const model of Prisma.dmmf.datamodel.models) {
    const table = model.name.charAt(0).toLowerCase() + model.name.slice(1);
    await (db as unknown as Record<string, { deleteMany(): Promise<unknown> }>)[table]?.deleteMany();
  }
}
