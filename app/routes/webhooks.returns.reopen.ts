import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveReturnWebhook } from "~/returns/return-webhooks.server";

export const action = ({ request }: ActionFunctionArgs) => receiveReturnWebhook(request, "returns/reopen");
