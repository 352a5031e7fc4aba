// The messages the app sends shoppers: what each is for, whether it is promotional (consent
// needed, unsubscribe link) and which placeholders its texts may use. Later features trigger
// them by type (app/messages/request-message.server.ts). Pure: no I/O.

export const MESSAGE_TYPES = [
  "order_confirmation",
  "dispatch_note",
  "delay_apology",
  "delivery_check_in",
  "review_request",
  "return_instructions",
  "loyalty_reward",
  "loyalty_tier",
  "thank_you",
] as const;

export type MessageType = (typeof MESSAGE_TYPES)[number];

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === "string" && (MESSAGE_TYPES as readonly string[]).includes(value);
}

/**
 * Placeholders a text may use, written `{{name}}` in templates. Every message may use the
 * common ones; each type adds its own. Values are formatted for the shopper's locale before
 * they are put in (dates, money, addresses).
 */
export const COMMON_PLACEHOLDERS = ["shopName", "customerName", "orderName", "orderDate", "orderTotal"] as const;

export const TYPE_PLACEHOLDERS = {
  order_confirmation: ["confirmUrl", "shippingAddress", "itemsSummary"],
  dispatch_note: ["trackingNumber", "trackingUrl", "carrier", "expectedDelivery"],
  delay_apology: ["expectedDelivery", "delayReason", "giftDescription", "discountCode"],
  delivery_check_in: ["arrivedWellUrl", "problemUrl"],
  review_request: ["reviewUrl", "discountCode"],
  return_instructions: ["returnNumber", "returnAddress", "returnDeadline", "discountCode"],
  loyalty_reward: ["tierName", "discountPercent", "discountCode", "discountExpires"],
  // No code: the tier discount applies itself at checkout (extensions/loyalty-discount).
  loyalty_tier: ["tierName", "discountPercent"],
  thank_you: ["thankYouNote", "giftDescription"],
} as const satisfies Record<MessageType, readonly string[]>;

export type Placeholder = (typeof COMMON_PLACEHOLDERS)[number] | (typeof TYPE_PLACEHOLDERS)[MessageType][number];

export function allowedPlaceholders(type: MessageType): readonly string[] {
  return [...COMMON_PLACEHOLDERS, ...TYPE_PLACEHOLDERS[type]];
}

/**
 * transactional: about an order the shopper placed, always sent.
 * marketing: carries promotion (review requests, promo codes): only with consent, with an
 * unsubscribe link and a List-Unsubscribe header.
 */
export type MessageCategory = "transactional" | "marketing";

export type MessageTypeDefinition = {
  type: MessageType;
  category: MessageCategory;
  /** Sent automatically when its trigger happens, unless the merchant turns it off. */
  enabledByDefault: boolean;
  /** Minutes after the trigger; the merchant can change it. */
  defaultDelayMinutes: number;
  /** What starts it, in the merchant's words (shown in Settings). */
  trigger: string;
};

export const MESSAGE_DEFINITIONS: Record<MessageType, MessageTypeDefinition> = {
  order_confirmation: { type: "order_confirmation", category: "transactional", enabledByDefault: true, defaultDelayMinutes: 0, trigger: "An order is placed: the shopper confirms it or corrects the address." },
  dispatch_note: { type: "dispatch_note", category: "transactional", enabledByDefault: true, defaultDelayMinutes: 0, trigger: "A parcel leaves with a tracking number." },
  delay_apology: { type: "delay_apology", category: "transactional", enabledByDefault: true, defaultDelayMinutes: 0, trigger: "An order is late and you send the apology (from Needs attention or the order page)." },
  delivery_check_in: { type: "delivery_check_in", category: "transactional", enabledByDefault: true, defaultDelayMinutes: 24 * 60, trigger: "After delivery: did it arrive well?" },
  review_request: { type: "review_request", category: "marketing", enabledByDefault: true, defaultDelayMinutes: 7 * 24 * 60, trigger: "Some days after delivery, when the shopper said all was well or did not answer." },
  return_instructions: { type: "return_instructions", category: "transactional", enabledByDefault: true, defaultDelayMinutes: 0, trigger: "A return is approved: the label and how to send the parcel back." },
  loyalty_reward: { type: "loyalty_reward", category: "marketing", enabledByDefault: true, defaultDelayMinutes: 0, trigger: "A customer is given a discount card (a gift rule or a goodwill code)." },
  loyalty_tier: { type: "loyalty_tier", category: "marketing", enabledByDefault: true, defaultDelayMinutes: 0, trigger: "A customer reaches a higher loyalty tier: they learn their new discount, which applies at checkout without a code." },
  thank_you: { type: "thank_you", category: "transactional", enabledByDefault: false, defaultDelayMinutes: 0, trigger: "A thank-you gift or note is given with an order." },
};

export function isMarketing(type: MessageType): boolean {
  return MESSAGE_DEFINITIONS[type].category === "marketing";
}
