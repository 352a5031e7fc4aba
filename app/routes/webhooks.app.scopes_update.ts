import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { recordScopes } from "../shops/install.server";
import { accepted, handleWebhook } from "../webhooks/respond.server";

const ScopesUpdatePayload = z.object({ current: z.array(z.string()) });

export const action = ({ request }: ActionFunctionArgs) =>
  handleWebhook(request, async () => {
    const { shop, payload } = await authenticate.webhook(request);
    const { current } = ScopesUpdatePayload.parse(payload);
    await recordScopes(prisma, shop, current.join(","));
    return accepted();
  });
