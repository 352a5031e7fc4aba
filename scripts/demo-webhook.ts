// `npm run demo:webhook -- <topic> [options]`: sends a webhook to the running demo, signed
// with that run's secret and built from the same demo shop the stand-in holds.
import { createHmac, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildDemoShop, type OrderRecord } from "../tests/admin-api/demo-shop.ts";
import {
  customersDataRequestPayload,
  customersRedactPayload,
  fulfillmentWebhookPayload,
  orderWebhookPayload,
  refundWebhookPayload,
  shopRedactPayload,
} from "../tests/admin-api/webhook-payloads.ts";
import { DEMO_STATE_FILE } from "./demo-stack.ts";

const USAGE = `Usage: npm run demo:webhook -- <topic> [options]

Topics:
  orders/create  orders/updated  orders/paid  orders/cancelled  orders/fulfilled
  orders/partially_fulfilled  orders/edited  fulfillments/create  fulfillments/update
  refunds/create  customers/data_request  customers/redact  shop/redact
  app/uninstalled  app/scopes_update

Options:
  --order <#1042|latest>   the demo order to use (default: latest)
  --times <n>              deliver the same webhook n times (same webhook and event id)
  --updated-at <iso>       override the order's updated_at (to send events out of order)
  --webhook-id <id>        X-Shopify-Webhook-Id (default: random)
  --event-id <id>          X-Shopify-Event-Id (default: random)
  --bad-hmac               sign with a wrong secret (expect 401)
`;

type Json = Record<string, unknown>;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    order: { type: "string", default: "latest" },
    times: { type: "string", default: "1" },
    "updated-at": { type: "string" },
    "webhook-id": { type: "string" },
    "event-id": { type: "string" },
    "bad-hmac": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
const topic = positionals[0];
if (values.help || !topic) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
if (!existsSync(DEMO_STATE_FILE)) fail("The demo is not running: start it with `npm run demo` first.");
const state = JSON.parse(readFileSync(DEMO_STATE_FILE, "utf8")) as { appUrl: string; shop: string; apiSecret: string; now: string };
const demo = buildDemoShop({ now: new Date(state.now) });

function pickOrder(): OrderRecord {
  const orders = [...demo.orders].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const wanted = values.order === "latest" ? orders.at(-1) : orders.find((order) => order.name === values.order || order.name === `#${values.order}`);
  return wanted ?? fail(`No demo order ${values.order}; orders run from ${orders[0]?.name} to ${orders.at(-1)?.name}.`);
}

function payloadFor(name: string): Json {
  const order = pickOrder();
  const withUpdatedAt = (body: Json) => (values["updated-at"] ? { ...body, updated_at: values["updated-at"] } : body);
  switch (name) {
    case "orders/create":
    case "orders/updated":
    case "orders/paid":
    case "orders/cancelled":
    case "orders/fulfilled":
    case "orders/partially_fulfilled":
    case "orders/edited":
      return withUpdatedAt(orderWebhookPayload(order, demo.shop) as Json);
    case "fulfillments/create":
    case "fulfillments/update": {
      const fulfillment = order.fulfillments.at(-1) ?? fail(`${order.name} has no fulfillment; pick another with --order.`);
      return withUpdatedAt(fulfillmentWebhookPayload(order, fulfillment, demo.shop.ianaTimezone) as Json);
    }
    case "refunds/create": {
      const refund = order.refunds.at(-1) ?? fail(`${order.name} has no refund; pick another with --order.`);
      return refundWebhookPayload(order, refund, demo.shop.ianaTimezone) as Json;
    }
    case "customers/data_request":
    case "customers/redact": {
      const customer = order.customer ?? fail(`${order.name} has no customer; pick another with --order.`);
      const orders = demo.orders.filter((candidate) => candidate.customer?.id === customer.id);
      return (name === "customers/data_request" ? customersDataRequestPayload(demo.shop, customer, orders) : customersRedactPayload(demo.shop, customer, orders)) as Json;
    }
    case "shop/redact":
      return shopRedactPayload(demo.shop) as Json;
    case "app/uninstalled":
      return { id: 1, name: demo.shop.name, domain: state.shop, myshopify_domain: state.shop };
    case "app/scopes_update":
      return { id: 1, previous: ["read_orders"], current: ["read_orders", "read_customers", "read_fulfillments", "write_app_proxy"], updated_at: new Date().toISOString() };
    default:
      return fail(`Unknown topic ${name}.\n\n${USAGE}`);
  }
}

const body = JSON.stringify(payloadFor(topic));
const secret = values["bad-hmac"] ? "not-the-secret" : state.apiSecret;
const webhookId = values["webhook-id"] ?? randomUUID();
const eventId = values["event-id"] ?? randomUUID();
const times = Number(values.times);
if (!Number.isInteger(times) || times < 1 || times > 100) fail("--times must be a whole number from 1 to 100");

for (let attempt = 1; attempt <= times; attempt++) {
  const response = await fetch(`${state.appUrl}/webhooks/${topic}`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": topic,
      "X-Shopify-Hmac-Sha256": createHmac("sha256", secret).update(body).digest("base64"),
      "X-Shopify-Shop-Domain": state.shop,
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": webhookId,
      "X-Shopify-Event-Id": eventId,
      "X-Shopify-Triggered-At": new Date().toISOString(),
    },
  });
  const text = await response.text();
  console.log(`${topic} #${attempt} → ${response.status} ${response.statusText}${text ? ` ${text.slice(0, 200)}` : ""}`);
}
