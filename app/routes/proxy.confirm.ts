// https://{shop}/apps/aftercare/confirm?t=… (through the app proxy): the order confirmation
// email's link. The shopper confirms the order (once per link) or sends a corrected address.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "~/db.server";
import { recordAddressCorrection, recordOrderConfirmedByShopper } from "~/messages/shopper-answers.server";
import { answerShopperRequest, consumeLinkOnce, openShopperLink } from "~/messages/shopper-links.server";
import { ADDRESS_FIELDS, checkAddressCorrection, confirmPage, linkProblemResponse } from "~/messages/shopper-page";
import { authenticate } from "~/shopify.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { queueOrderConfirmed } from "~/jobs/watch-jobs.server";
import { markOrderConfirmed } from "~/watch/order-watch.server";

export const loader = ({ request }: LoaderFunctionArgs) =>
  answerShopperRequest(request, async () => {
    await authenticate.public.appProxy(request);
    const opened = await openShopperLink(prisma, request, "confirm", new Date());
    return opened.ok ? confirmPage(opened.link, { kind: "ask" }) : opened.response;
  });

export const action = ({ request }: ActionFunctionArgs) =>
  answerShopperRequest(request, async () => {
    await authenticate.public.appProxy(request);
    const now = new Date();
    const opened = await openShopperLink(prisma, request, "confirm", now);
    if (!opened.ok) return opened.response;
    const { link } = opened;
    const orderId = link.claims.orderId ?? "";

    if (link.form.get("action") === "correct") {
      const checked = checkAddressCorrection(Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, link.form.get(field)])));
      if (!checked.ok) return confirmPage(link, { kind: "ask", correction: { values: checked.values, invalid: checked.invalid } });
      const result = await recordAddressCorrection(prisma, link.shop, orderId, checked.value, now);
      return result.status === "not_found" ? linkProblemResponse("not_found", link) : confirmPage(link, { kind: "corrected" });
    }

    if (link.form.get("action") !== "confirm") return confirmPage(link, { kind: "ask" });
    if (!(await consumeLinkOnce(prisma, link.shop, link.claims.id, "confirm", now))) return confirmPage(link, { kind: "already_used" });
    const result = await recordOrderConfirmedByShopper(prisma, link.shop, orderId, now);
    if (result.status === "not_found") return linkProblemResponse("not_found", link);
    // The order watch clears its "unconfirmed" flag, and Flow hears of the confirmation.
    if (await markOrderConfirmed(prisma, link.shop, orderId, "shopper_link", now)) await queueOrderConfirmed(getJobQueue(), link.shop, orderId);
    return confirmPage(link, { kind: "confirmed" });
  });
