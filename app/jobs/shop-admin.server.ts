// The Admin API client a job uses for a shop: its offline session — unless the shop has
// uninstalled the app, which ends the job for good (ShopUninstalledError is permanent).
import prisma from "../db.server";
import { unauthenticated } from "../shopify.server";
import { ShopUninstalledError } from "./queue";

export async function shopAdmin(shop: string) {
  const row = await prisma.shop.findUnique({ where: { shop }, select: { status: true } });
  if (row?.status === "uninstalled") throw new ShopUninstalledError(shop);
  const { admin } = await unauthenticated.admin(shop);
  return admin;
}
