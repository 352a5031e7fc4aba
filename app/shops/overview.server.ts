// What the dashboard shows about the shop itself, read from the Admin API.
import type { AdminClient } from "../shopify.server";
import { adminQuery } from "../shopify/admin-graphql.server";
import { SHOP_OVERVIEW_QUERY } from "../shopify/graphql/shop-overview";
import type { ShopOverviewQuery } from "../types/admin.generated";

export type ShopOverview = {
  shop: string;
  shopName: string;
  currency: string;
  timezone: string;
  ordersLabel: string;
};

export async function loadShopOverview(admin: Pick<AdminClient, "graphql">, shop: string): Promise<ShopOverview> {
  const data = await adminQuery<ShopOverviewQuery>(admin, SHOP_OVERVIEW_QUERY);
  const count = data.ordersCount;
  return {
    shop,
    shopName: data.shop.name,
    currency: data.shop.currencyCode,
    timezone: data.shop.ianaTimezone,
    ordersLabel: count ? `${count.count}${count.precision === "AT_LEAST" ? "+" : ""}` : "—",
  };
}
