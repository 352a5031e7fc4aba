// The order topics the app subscribes to (shopify.app.toml) and the job that applies them.
export const ORDER_TOPICS = [
  "orders/create",
  "orders/updated",
  "orders/paid",
  "orders/cancelled",
  "orders/fulfilled",
  "orders/partially_fulfilled",
  "orders/edited",
  "fulfillments/create",
  "fulfillments/update",
  "refunds/create",
] as const;

export type OrderTopic = (typeof ORDER_TOPICS)[number];

export const APPLY_DELIVERY_JOB = "orders.apply-delivery";
