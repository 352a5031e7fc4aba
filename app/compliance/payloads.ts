// The shapes Shopify sends on the three compliance topics, validated before anything is stored.
import { z } from "zod";

const id = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String);

const customer = z.object({
  id,
  email: z.string().nullish(),
  phone: z.string().nullish(),
});

export const CustomersDataRequestPayload = z.object({
  shop_id: id,
  shop_domain: z.string(),
  customer,
  orders_requested: z.array(id).default([]),
  data_request: z.object({ id }).optional(),
});

export const CustomersRedactPayload = z.object({
  shop_id: id,
  shop_domain: z.string(),
  customer,
  orders_to_redact: z.array(id).default([]),
});

export const ShopRedactPayload = z.object({
  shop_id: id,
  shop_domain: z.string(),
});

export const COMPLIANCE_TOPICS = ["customers/data_request", "customers/redact", "shop/redact"] as const;
export type ComplianceTopic = (typeof COMPLIANCE_TOPICS)[number];

export type ComplianceCustomer = z.infer<typeof customer>;

export type ComplianceRequestInput =
  | { topic: "customers/data_request"; payload: z.infer<typeof CustomersDataRequestPayload> }
  | { topic: "customers/redact"; payload: z.infer<typeof CustomersRedactPayload> }
  | { topic: "shop/redact"; payload: z.infer<typeof ShopRedactPayload> };

export function parseCompliancePayload(topic: string, payload: unknown): ComplianceRequestInput {
  switch (topic) {
    case "customers/data_request":
      return { topic: "customers/data_request", payload: CustomersDataRequestPayload.parse(payload) };
    case "customers/redact":
      return { topic: "customers/redact", payload: CustomersRedactPayload.parse(payload) };
    case "shop/redact":
      return { topic: "shop/redact", payload: ShopRedactPayload.parse(payload) };
    default:
      throw new Error(`not a compliance topic: ${topic}`);
  }
}
