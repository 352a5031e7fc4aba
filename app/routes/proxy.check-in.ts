// https://{shop}/apps/aftercare/check-in?t=…&answer=arrived_well|problem (through the app
// proxy): the two buttons of the delivery check-in email. Opening one shows the question with
// the chosen answer first; one tap (a POST) records it — link scanners in mail systems open
// links but never post forms. One answer per order: the first wins. A problem answer leads
// on to the problem report and the returns page, with links of their own.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "~/db.server";
import { getJobQueue } from "~/jobs/runtime.server";
import { requestMessage } from "~/messages/request-message.server";
import { recordCheckIn } from "~/messages/shopper-answers.server";
import { answerShopperRequest, consumeLinkOnce, isCheckInAnswer, openShopperLink, relatedShopperPath } from "~/messages/shopper-links.server";
import { checkInPage, linkProblemResponse } from "~/messages/shopper-page";
import { authenticate } from "~/shopify.server";

export const loader = ({ request }: LoaderFunctionArgs) =>
  answerShopperRequest(request, async () => {
    await authenticate.public.appProxy(request);
    const opened = await openShopperLink(prisma, request, "check_in", new Date());
    if (!opened.ok) return opened.response;
    const chosen = opened.link.query.get("answer");
    return checkInPage(opened.link, { kind: "ask", ...(isCheckInAnswer(chosen) ? { chosen } : {}) });
  });

export const action = ({ request }: ActionFunctionArgs) =>
  answerShopperRequest(request, async () => {
    await authenticate.public.appProxy(request);
    const now = new Date();
    const opened = await openShopperLink(prisma, request, "check_in", now);
    if (!opened.ok) return opened.response;
    const { link } = opened;
    const answer = link.form.get("answer");
    if (!isCheckInAnswer(answer)) return checkInPage(link, { kind: "ask" });

    const next = answer === "problem" ? { problemPath: relatedShopperPath(link, "problem", now), returnPath: relatedShopperPath(link, "return", now) } : {};
    // Each of the link's two answers can be used once; the order keeps the first answer given.
    if (!(await consumeLinkOnce(prisma, link.shop, `${link.claims.id}:${answer}`, "check_in", now))) return checkInPage(link, { kind: "already_used", ...next });
    const result = await recordCheckIn(prisma, link.shop, link.claims.orderId ?? "", answer, now);
    if (result.status === "not_found") return linkProblemResponse("not_found", link);
    // "All good": the review request goes now rather than after its delay (once: its dedupe key).
    if (answer === "arrived_well" && result.status !== "different_answer") {
      await requestMessage(getJobQueue(), link.shop, { type: "review_request", orderId: link.claims.orderId ?? "" });
    }
    if (result.status === "different_answer") return checkInPage(link, { kind: "already_used", ...next });
    return checkInPage(link, { kind: "thanks", answer, ...next });
  });
