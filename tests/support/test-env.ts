// The environment every test worker starts with. The secret signs webhooks and session
// tokens in tests exactly as Shopify would.
export const TEST_API_KEY = "test-api-key-aftercare";
export const TEST_API_SECRET = "test-api-secret-aftercare-0123456789";
export const TEST_APP_URL = "http://127.0.0.1:3999";
export const TEST_SHOP = "care-test.myshopify.com";

export const TEST_ENV = {
  NODE_ENV: "test" as const,
  SHOPIFY_API_KEY: TEST_API_KEY,
  SHOPIFY_API_SECRET: TEST_API_SECRET,
  SHOPIFY_APP_URL: TEST_APP_URL,
  SCOPES: "write_orders,write_customers,read_fulfillments,read_products,write_order_edits,write_discounts,write_returns,write_merchant_managed_fulfillment_orders,write_app_proxy",
  LOG_LEVEL: "error",
};
