// https://{shop}/apps/aftercare/returns (through the app proxy): the shopper finds their order
// (number and email), chooses what to return and why, sees what the policy will do, and sends
// the request; a link from an email (?t=…) opens the items directly. The flow and the pages
// are in app/returns/return-lookup.server.ts.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getConfig } from "~/config.server";
import prisma from "~/db.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { answerShopperRequest } from "~/messages/shopper-links.server";
import { answerReturnsPage } from "~/returns/return-lookup.server";
import { authenticate } from "~/shopify.server";

async function answer(request: Request): Promise<Response> {
  const { admin } = await authenticate.public.appProxy(request);
  const shop = new URL(request.url).searchParams.get("shop") ?? "";
  // Without the shop's offline session (the app was uninstalled) nothing can be looked up.
  if (!admin || !shop) throw new Error(`no Admin API access for ${shop || "an unknown shop"} on the returns page`);
  return answerReturnsPage(request, { db: prisma, admin, queue: getJobQueue(), shop, now: new Date(), secret: getConfig().apiSecret });
}

export const loader = ({ request }: LoaderFunctionArgs) => answerShopperRequest(request, () => answer(request));

export const action = ({ request }: ActionFunctionArgs) => answerShopperRequest(request, () => answer(request));
