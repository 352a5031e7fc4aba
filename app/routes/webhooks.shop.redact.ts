import type { ActionFunctionArgs } from "@remix-run/node";
import { handleComplianceWebhook } from "../compliance/webhook.server";

export const action = ({ request }: ActionFunctionArgs) => handleComplianceWebhook(request);
