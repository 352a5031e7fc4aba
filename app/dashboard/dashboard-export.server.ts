// The dashboard's CSV: every figure of the period beside the previous period's, or (with
// `?orders=<set>`) the orders behind one figure.
import type { Db } from "~/db.server";
import { toCsv } from "./csv";
import { loadDashboard } from "./dashboard.server";
import { loadOrdersBehind, ordersCsvFilename, UnknownOrderSetError } from "./orders-behind.server";
import { formatChange, formatFigure } from "./figure-format";
import { isOrderSet } from "./indicators";

export type CsvFile = { filename: string; body: string };

// The export route answers 404 for an unknown list; the error lives with the lists.
export { UnknownOrderSetError };

export async function dashboardCsv(db: Db, shop: string, params: URLSearchParams, options: { now: Date; locale: string }): Promise<CsvFile> {
  const set = params.get("orders");
  if (set !== null) {
    if (!isOrderSet(set)) throw new UnknownOrderSetError(`No list of orders is called “${set.slice(0, 40)}”.`);
    const { period, orders } = await loadOrdersBehind(db, shop, set, params, options);
    const store = shop.replace(/\.myshopify\.com$/, "");
    return {
      filename: ordersCsvFilename(set, period.current),
      body: toCsv([
        ["Order", "Order ID", "Placed at (UTC)", "Detail", "Shopify admin"],
        ...orders.map((order) => [order.name, order.orderId, order.placedAt?.toISOString() ?? "", order.note, `https://admin.shopify.com/store/${store}/orders/${order.orderId}`]),
      ]),
    };
  }
  const dashboard = await loadDashboard(db, shop, params, options);
  const { current, previous } = dashboard.period;
  const rows: (string | number | null)[][] = [["Section", "Figure", "Value", `This period (${current.from} to ${current.to})`, `Previous period (${previous.from} to ${previous.to})`, "Change", "Counted from"]];
  for (const group of dashboard.groups) {
    for (const figure of group.figures) {
      rows.push([
        group.title,
        figure.label,
        figure.value,
        formatFigure(figure, figure.value, options.locale, dashboard.currency),
        formatFigure(figure, figure.previous, options.locale, dashboard.currency),
        formatChange(figure, options.locale),
        figure.basis,
      ]);
    }
  }
  return { filename: `aftercare-dashboard-${current.from}-${current.to}.csv`, body: toCsv(rows) };
}
