// https://{shop}/apps/aftercare/unsubscribe?t=… (through the app proxy): stops promotional
// email to the link's address, at once. The page's button posts here; so do mail clients
// that offer one-click unsubscribe (RFC 8058: a POST of `List-Unsubscribe=One-Click` to the
// List-Unsubscribe address, token in the query). Either way the answer is the same.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "~/db.server";
import { suppressEmail } from "~/messages/shopper-answers.server";
import { answerShopperRequest, openShopperLink } from "~/messages/shopper-links.server";
import { linkProblemResponse, unsubscribePage } from "~/messages/shopper-page";
import { authenticate } from "~/shopify.server";

export const loader = ({ request }: LoaderFunctionArgs) =>
  answerShopperRequest(request, async () => {
    await authenticate.public.appProxy(request);
    const opened = await openShopperLink(prisma, request, "unsubscribe", new Date());
    if (!opened.ok) return opened.response;
    return opened.link.claims.email ? unsubscribePage(opened.link, { kind: "ask" }) : linkProblemResponse("malformed", opened.link);
  });

export const action = ({ request }: ActionFunctionArgs) =>
  answerShopperRequest(request, async () => {
    await authenticate.public.appProxy(request);
    const now = new Date();
    const opened = await openShopperLink(prisma, request, "unsubscribe", now);
    if (!opened.ok) return opened.response;
    const { link } = opened;
    const email = link.claims.email ?? "";
    const result = await suppressEmail(prisma, link.shop, email, now);
    return result.status === "invalid" ? linkProblemResponse("malformed", link) : unsubscribePage(link, { kind: "done", email });
  });
