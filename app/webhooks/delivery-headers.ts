// The headers that identify a webhook delivery, validated before anything is stored.
const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export type DeliveryHeaders = {
  topic: string;
  shop: string;
  webhookId: string;
  eventId: string | null;
  apiVersion: string | null;
  triggeredAt: Date | null;
};

export type HeaderCheck = { ok: true; headers: DeliveryHeaders } | { ok: false; problem: string };

export function readDeliveryHeaders(headers: Headers, expectedTopic: string): HeaderCheck {
  const topic = headers.get("x-shopify-topic");
  const shop = headers.get("x-shopify-shop-domain");
  const webhookId = headers.get("x-shopify-webhook-id");
  if (!topic) return { ok: false, problem: "X-Shopify-Topic header is missing" };
  if (topic !== expectedTopic) return { ok: false, problem: `X-Shopify-Topic is "${topic}" but this endpoint receives "${expectedTopic}"` };
  if (!shop || !SHOP_DOMAIN.test(shop)) return { ok: false, problem: "X-Shopify-Shop-Domain header is missing or not a myshopify.com domain" };
  if (!webhookId || webhookId.length > 255) return { ok: false, problem: "X-Shopify-Webhook-Id header is missing or too long" };
  const eventId = headers.get("x-shopify-event-id");
  const triggered = headers.get("x-shopify-triggered-at");
  const triggeredAt = triggered ? new Date(triggered) : null;
  return {
    ok: true,
    headers: {
      topic,
      shop,
      webhookId,
      eventId: eventId && eventId.length <= 255 ? eventId : null,
      apiVersion: headers.get("x-shopify-api-version"),
      triggeredAt: triggeredAt && !Number.isNaN(triggeredAt.getTime()) ? triggeredAt : null,
    },
  };
}
