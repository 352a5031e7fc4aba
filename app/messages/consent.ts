// Whether a message may go to a shopper: the merchant's switch, an address to send to, and for
// promotional messages the shopper's consent and unsubscribes. Transactional messages (about an
// order the shopper placed) need no marketing consent. Pure: the caller reads the facts.
import type { MessageCategory } from "~/messages/catalog";

export type SendDecision =
  | { send: true }
  | { send: false; reason: "consent" | "unsubscribed" | "disabled" | "no_email"; explanation: string };

export type SendFacts = {
  category: MessageCategory;
  /** The merchant's switch for this message type. */
  enabled: boolean;
  /** Shopify's CustomerEmailMarketingState: SUBSCRIBED, NOT_SUBSCRIBED, PENDING, UNSUBSCRIBED, REDACTED, INVALID; null when unknown. */
  marketingState: string | null;
  /** The address unsubscribed through one of our links (MessageSuppression). */
  suppressed: boolean;
  email: string | null;
};

/** Why a promotional message is not sent, per consent state; anything not listed reads as no consent. */
const NO_CONSENT: Record<string, { reason: "consent" | "unsubscribed"; explanation: string }> = {
  UNSUBSCRIBED: { reason: "unsubscribed", explanation: "The customer unsubscribed from marketing emails in Shopify." },
  PENDING: { reason: "consent", explanation: "The customer has not yet confirmed their marketing subscription (pending double opt-in)." },
  NOT_SUBSCRIBED: { reason: "consent", explanation: "The customer has not agreed to receive marketing emails." },
  REDACTED: { reason: "consent", explanation: "The customer's data was erased, so there is no marketing consent." },
  INVALID: { reason: "consent", explanation: "Shopify marks the customer's email address as invalid for marketing." },
};

/**
 * Transactional: sent when the type is on and there is an address. Marketing: also needs
 * Shopify's consent state SUBSCRIBED and no unsubscribe through our own links.
 */
export function decideSend(input: SendFacts): SendDecision {
  if (!input.enabled) return { send: false, reason: "disabled", explanation: "This message is turned off in Settings." };
  if (!input.email?.trim()) return { send: false, reason: "no_email", explanation: "The order has no email address." };
  if (input.category === "transactional") return { send: true };
  if (input.suppressed) return { send: false, reason: "unsubscribed", explanation: "The shopper unsubscribed from promotional emails from this shop." };
  const state = input.marketingState?.trim().toUpperCase() ?? "";
  if (state === "SUBSCRIBED") return { send: true };
  const known = NO_CONSENT[state];
  if (known) return { send: false, ...known };
  return { send: false, reason: "consent", explanation: "The customer's marketing consent is unknown, so promotional emails are not sent." };
}
