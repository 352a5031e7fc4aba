import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { recordUninstall } from "../shops/install.server";
import { accepted, handleWebhook } from "../webhooks/respond.server";
import { shopActivity } from "../webhooks/order-intake.server";

export const action = ({ request }: ActionFunctionArgs) =>
  handleWebhook(request, async () => {
    const { shop } = await authenticate.webhook(request);
    await recordUninstall(prisma, shop, new Date());
    shopActivity.forget(shop);
    return accepted();
  });
