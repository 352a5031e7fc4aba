import type { LoaderFunctionArgs } from "@remix-run/node";
import prisma from "~/db.server";
import { dashboardCsv, UnknownOrderSetError } from "~/dashboard/dashboard-export.server";
import { requestLocale } from "~/dashboard/figure-format";
import { authenticateAdmin } from "~/shopify.server";

// The dashboard as CSV: its figures, or `?orders=<set>` the orders behind one of them.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const params = new URL(request.url).searchParams;
  try {
    const file = await dashboardCsv(prisma, session.shop, params, { now: new Date(), locale: requestLocale(request) });
    return new Response(file.body, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${file.filename}"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    if (error instanceof UnknownOrderSetError) throw new Response(error.message, { status: 404 });
    throw error;
  }
};
