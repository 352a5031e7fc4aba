import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveOrderWebhook } from "../webhooks/order-intake.server";

export const action = ({ request }: ActionFunctionArgs) => receiveOrderWebhook(request, "orders/create");
