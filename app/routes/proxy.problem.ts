// https://{shop}/apps/aftercare/problem?t=… (through the app proxy): the shopper describes
// what went wrong with an order; the report lands on the order's timeline.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "~/db.server";
import { PROBLEM_TEXT_MAX, recordProblemReport } from "~/messages/shopper-answers.server";
import { answerShopperRequest, openShopperLink, relatedShopperPath } from "~/messages/shopper-links.server";
import { linkProblemResponse, problemPage } from "~/messages/shopper-page";
import { authenticate } from "~/shopify.server";

export const loader = ({ request }: LoaderFunctionArgs) =>
  answerShopperRequest(request, async () => {
    await authenticate.public.appProxy(request);
    const opened = await openShopperLink(prisma, request, "problem", new Date());
    return opened.ok ? problemPage(opened.link, { kind: "ask" }, PROBLEM_TEXT_MAX) : opened.response;
  });

export const action = ({ request }: ActionFunctionArgs) =>
  answerShopperRequest(request, async () => {
    await authenticate.public.appProxy(request);
    const now = new Date();
    const opened = await openShopperLink(prisma, request, "problem", now);
    if (!opened.ok) return opened.response;
    const { link } = opened;
    const text = link.form.get("text") ?? "";
    const result = await recordProblemReport(prisma, link.shop, link.claims.orderId ?? "", text, now);
    if (result.status === "invalid") return problemPage(link, { kind: "ask", text, invalid: true }, PROBLEM_TEXT_MAX);
    if (result.status === "not_found") return linkProblemResponse("not_found", link);
    return problemPage(link, { kind: "sent", returnPath: relatedShopperPath(link, "return", now) }, PROBLEM_TEXT_MAX);
  });
