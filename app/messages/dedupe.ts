// What makes a message the same message twice: its dedupe key (the outbox stores each key once
// per shop), and the normalised email address behind unsubscribe hashes. Pure; the hashing
// itself is server code.
import type { MessageType } from "~/messages/catalog";

/** "1234" from "1234" or "gid://shopify/Order/1234"; other ids trimmed as they are. */
function orderKey(orderId: string): string {
  const id = orderId.trim();
  const gid = /^gid:\/\/shopify\/Order\/(\d+)(?:\?.*)?$/i.exec(id);
  return gid?.[1] ?? id;
}

/** Trimmed, lower-cased, inner whitespace as single spaces: "Parcel 12 " and "parcel  12" are one reason. */
function normalizedReason(reason: string | undefined): string {
  return (reason ?? "").trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * `order:<id>:<type>` or `order:<id>:<type>:<reason>`, the same for a numeric id and its gid.
 * A message about no order is keyed `shop:<type>:<reason>`: the reason must then make it distinct
 * (a customer and a tier, say).
 */
export function messageDedupeKey(input: { type: MessageType; orderId: string | null; reason?: string }): string {
  const reason = normalizedReason(input.reason);
  const subject = input.orderId?.trim() ? `order:${orderKey(input.orderId)}` : "shop";
  return reason ? `${subject}:${input.type}:${reason}` : `${subject}:${input.type}`;
}

/** Trimmed and lower-cased: how addresses are compared. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
