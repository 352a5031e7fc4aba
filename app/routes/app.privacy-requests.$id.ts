import type { LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { authenticateAdmin } from "../shopify.server";
import { findDataRequestReport } from "../compliance/compliance-request.server";

// The JSON report of one customer data request, for the merchant to pass on.
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticateAdmin(request);
  const report = await findDataRequestReport(prisma, session.shop, params.id ?? "");
  if (report === null) {
    throw new Response("No report for this request", { status: 404 });
  }
  return new Response(report, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="data-request-${params.id}.json"`,
      "Cache-Control": "no-store",
    },
  });
};
