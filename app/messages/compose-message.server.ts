// Turns a message request into an outbox row: reads the order from Shopify (the app keeps no
// names or addresses), chooses the language, applies the merchant's switches, consent,
// unsubscribes and quiet hours, renders the text and stores it once per dedupe key. The row is
// then delivered by its own job (deliver-outbox.server.ts), never inside a web request.
import type { Db } from "~/db.server";
import { isUniqueViolation } from "~/db-errors";
import { PermanentJobError } from "~/jobs/queue";
import type { AdminClient } from "~/shopify.server";
import { adminQuery } from "~/shopify/admin-graphql.server";
import { ORDER_FOR_MESSAGE_QUERY } from "~/shopify/graphql/order-for-message";
import type { OrderForMessageQuery } from "~/types/admin.generated";
import { MESSAGE_DEFINITIONS, type MessageType } from "./catalog";
import { decideSend } from "./consent";
import { COPY, type MessageCopy } from "./copy";
import { messageDedupeKey } from "./dedupe";
import { formatAddress, formatDate, formatMoney, formatPercent, type PostalAddress } from "./format";
import { chooseLocale, type ShopperLocale } from "./locales";
import { MessageRequestSchema, type MessageRequest, type ParsedMessageRequest } from "./message-request";
import { effectiveMessageSettings } from "./message-settings";
import { nextAllowedSendTime, timeZoneForAddress } from "./quiet-hours";
import { renderMessage } from "./render";
import { contactAddressOf, getShopSettings, importShopDetails, type ShopSettings } from "./shop-settings.server";
import { suppressionHash } from "./shopper-answers.server";
import { shopperLinkUrl } from "./shopper-links.server";

export type ComposeOutcome =
  | { status: "queued"; messageId: string; sendAfter: Date }
  | { status: "suppressed"; messageId: string; reason: string }
  | { status: "duplicate"; messageId: string }
  | { status: "disabled" };

export type ComposeDeps = {
  admin: Pick<AdminClient, "graphql">;
  /** Queues the delivery job of a stored message, not before `runAt`. */
  enqueueDelivery(messageId: string, runAt: Date): Promise<unknown>;
};

type Order = NonNullable<OrderForMessageQuery["order"]>;

export async function composeMessage(db: Db, shop: string, input: MessageRequest, now: Date, deps: ComposeDeps): Promise<ComposeOutcome> {
  const request = MessageRequestSchema.parse(input);
  const dedupeKey = messageDedupeKey({ type: request.type, orderId: request.orderId, reason: request.reason });
  const existing = await db.outboxMessage.findUnique({ where: { shop_dedupeKey: { shop, dedupeKey } }, select: { id: true } });
  if (existing) return { status: "duplicate", messageId: existing.id };

  let settings = await getShopSettings(db, shop);
  if (!settings.importedAt) settings = await importShopDetails(db, deps.admin, shop, now);
  const typeSettings = effectiveMessageSettings(settings.messageTypes)[request.type];
  if (!typeSettings.enabled && request.requestedBy === "automatic") return { status: "disabled" };

  const data = await adminQuery<OrderForMessageQuery>(deps.admin, ORDER_FOR_MESSAGE_QUERY, { id: `gid://shopify/Order/${request.orderId}` });
  const order = data.order;
  if (!order) throw new PermanentJobError(`Order ${request.orderId} was not found in Shopify: no ${request.type} message composed`);

  const email = (order.email ?? order.customer?.defaultEmailAddress?.emailAddress ?? "").trim() || null;
  const locale = chooseLocale(order.customerLocale, settings.primaryLocale);
  const category = MESSAGE_DEFINITIONS[request.type].category;
  const suppressed = email
    ? (await db.messageSuppression.findUnique({ where: { shop_emailHash: { shop, emailHash: suppressionHash(email) } }, select: { shop: true } })) !== null
    : false;
  const consent = decideSend({ category, enabled: true, marketingState: order.customer?.defaultEmailAddress?.marketingState ?? null, suppressed, email });
  // No review request to a shopper who told us something went wrong: the problem comes first.
  const unhappy = request.type === "review_request" && consent.send && (await reportedProblem(db, shop, request.orderId));
  const decision = unhappy ? { send: false as const, explanation: "The shopper reported a problem with this order: no review request." } : consent;

  const copy = await templateFor(db, shop, request.type, locale);
  const links = linksFor(shop, request, order, locale, email, now, settings.reviewUrl);
  const rendered = renderMessage({
    type: request.type,
    locale,
    copy,
    labels: COPY[locale].labels,
    values: placeholderValues(request, order, settings, locale, links),
    links: { action: links.action, secondaryAction: links.secondaryAction, unsubscribe: category === "marketing" ? links.unsubscribe : undefined },
    shop: shopFooter(settings, locale),
    marketing: category === "marketing",
  });
  const headers =
    category === "marketing" && links.unsubscribe
      ? { "List-Unsubscribe": `<${links.unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
      : {};

  const shipping = order.shippingAddress;
  const quietZone = timeZoneForAddress(shipping?.countryCodeV2 ?? null, shipping?.provinceCode ?? null);
  const sendAfter = nextAllowedSendTime(now, quietZone, { startMinute: settings.quietHoursStart, endMinute: settings.quietHoursEnd });

  try {
    const row = await db.outboxMessage.create({
      data: {
        shop,
        orderId: request.orderId,
        type: request.type,
        reason: request.reason,
        dedupeKey,
        marketing: category === "marketing",
        locale,
        toAddress: email ?? "",
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        headers: JSON.stringify(headers),
        attachments: request.attachments.length > 0 ? JSON.stringify(request.attachments) : null,
        status: decision.send ? "queued" : "suppressed",
        statusReason: decision.send ? (sendAfter > now ? "Waiting for the end of quiet hours in the shopper's time zone." : null) : decision.explanation,
        sendAfter,
      },
      select: { id: true },
    });
    if (!decision.send) return { status: "suppressed", messageId: row.id, reason: decision.explanation };
    await deps.enqueueDelivery(row.id, sendAfter);
    return { status: "queued", messageId: row.id, sendAfter };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { shop_dedupeKey: { shop, dedupeKey } }, select: { id: true } });
    return { status: "duplicate", messageId: row.id };
  }
}

async function reportedProblem(db: Db, shop: string, orderId: string): Promise<boolean> {
  const answers = await db.timelineEvent.findMany({ where: { shop, orderId, kind: { in: ["checked_in", "problem_reported"] } }, select: { kind: true, detail: true } });
  return answers.some((row) => row.kind === "problem_reported" || (row.detail ?? "").includes('"problem"'));
}

/** The merchant's wording for this type and language, or the built-in one. */
export async function templateFor(db: Db, shop: string, type: MessageType, locale: ShopperLocale): Promise<MessageCopy> {
  const row = await db.messageTemplate.findUnique({ where: { shop_type_locale: { shop, type, locale } } });
  if (!row) return COPY[locale].messages[type];
  return {
    subject: row.subject,
    preheader: row.preheader,
    body: row.body,
    ...(row.action ? { action: row.action } : {}),
    ...(row.secondaryAction ? { secondaryAction: row.secondaryAction } : {}),
  };
}

type Links = { action?: string; secondaryAction?: string; unsubscribe?: string; values: Record<string, string> };

function linksFor(shop: string, request: ParsedMessageRequest, order: Order, locale: ShopperLocale, email: string | null, now: Date, reviewUrl: string | null): Links {
  const claims = { orderId: request.orderId, locale };
  const unsubscribe = email ? shopperLinkUrl(shop, "unsubscribe", { orderId: request.orderId, email, locale }, now) : undefined;
  switch (request.type) {
    case "order_confirmation": {
      const confirmUrl = shopperLinkUrl(shop, "confirm", claims, now);
      return { action: confirmUrl, unsubscribe, values: { confirmUrl } };
    }
    case "dispatch_note": {
      const trackingUrl = parcelFor(order, request.reason)?.trackingInfo[0]?.url ?? undefined;
      return { action: trackingUrl, unsubscribe, values: trackingUrl ? { trackingUrl } : {} };
    }
    case "delivery_check_in": {
      const base = shopperLinkUrl(shop, "check_in", claims, now);
      const arrivedWellUrl = `${base}&answer=arrived_well`;
      const problemUrl = `${base}&answer=problem`;
      return { action: arrivedWellUrl, secondaryAction: problemUrl, unsubscribe, values: { arrivedWellUrl, problemUrl } };
    }
    case "review_request":
      return reviewUrl ? { action: reviewUrl, unsubscribe, values: { reviewUrl } } : { unsubscribe, values: {} };
    default:
      return { unsubscribe, values: {} };
  }
}

/** The parcel a dispatch note is about: the one named by the reason, else the newest with tracking. */
function parcelFor(order: Order, fulfillmentId: string) {
  const parcels = order.fulfillments ?? [];
  return (
    parcels.find((parcel) => parcel.id === `gid://shopify/Fulfillment/${fulfillmentId}` || parcel.id === fulfillmentId) ??
    [...parcels].reverse().find((parcel) => parcel.trackingInfo[0]?.number)
  );
}

function placeholderValues(request: ParsedMessageRequest, order: Order, settings: ShopSettings, locale: ShopperLocale, links: Links): Record<string, string> {
  const { facts } = request;
  const zone = settings.timezone;
  const date = (iso: string | null | undefined) => (iso ? formatDate(new Date(iso), locale, zone) : undefined);
  const money = order.totalPriceSet.shopMoney;
  const shipping = order.shippingAddress;
  const parcel = request.type === "dispatch_note" ? parcelFor(order, request.reason) : undefined;
  const values: Record<string, string | undefined> = {
    shopName: settings.shopName,
    customerName: order.customer?.firstName ?? shipping?.firstName ?? undefined,
    orderName: order.name,
    orderDate: date(order.createdAt as string),
    orderTotal: formatMoney(String(money.amount), money.currencyCode, locale),
    shippingAddress: shipping ? formatAddress(toPostalAddress(shipping), locale).join(", ") : undefined,
    itemsSummary: order.lineItems.nodes.map((line) => `${line.quantity} × ${line.name}`).join(", ") || undefined,
    trackingNumber: parcel?.trackingInfo[0]?.number ?? undefined,
    carrier: parcel?.trackingInfo[0]?.company ?? undefined,
    expectedDelivery: date(facts.expectedDelivery ?? (parcel?.estimatedDeliveryAt as string | null | undefined)),
    delayReason: facts.delayReason,
    giftDescription: facts.giftDescription,
    discountCode: facts.discountCode,
    returnNumber: facts.returnNumber,
    returnAddress: facts.returnAddressLines?.join(", "),
    returnDeadline: date(facts.returnDeadline),
    tierName: facts.tierName,
    discountPercent: facts.discountPercent === undefined ? undefined : formatPercent(facts.discountPercent, locale),
    discountExpires: date(facts.discountExpires),
    thankYouNote: facts.thankYouNote,
    ...links.values,
  };
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
}

function toPostalAddress(address: NonNullable<Order["shippingAddress"]>): PostalAddress {
  return {
    name: [address.firstName, address.lastName].filter(Boolean).join(" ") || null,
    company: address.company,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    zip: address.zip,
    province: address.province,
    provinceCode: address.provinceCode,
    country: address.country,
    countryCode: address.countryCodeV2,
  };
}

function shopFooter(settings: ShopSettings, locale: ShopperLocale) {
  const address = contactAddressOf(settings);
  return {
    name: settings.shopName,
    phone: settings.contactPhone,
    email: settings.contactEmail,
    addressLines: address ? formatAddress({ ...address }, locale) : [],
    responseTimeHours: settings.responseTimeHours,
  };
}
