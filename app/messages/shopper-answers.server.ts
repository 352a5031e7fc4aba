// What shoppers tell the shop through the pages behind their links: an order confirmed, an
// address to correct, how the delivery went, a problem, an unsubscribe. Answers land on the
// order's timeline (source "shopper") where the merchant sees them; each has a dedupe key,
// so the same answer is recorded once however often it is sent.
//
// Personal data kept here, which the privacy code (customers/redact, shop/redact, data
// requests) must cover: the detail of "address_correction_requested" (the corrected address,
// phone and note, as the shopper typed them) and of "problem_reported" (free text), and the
// dedupe keys of those two kinds (hashes of that text). Suppressions keep only a hash.
import { createHash } from "node:crypto";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "~/db-errors";
import { normalizeEmail } from "./dedupe";
import { checkAddressCorrection, type AddressCorrection, type AddressField } from "./shopper-page";
import type { CheckInAnswer } from "./signed-link";

export type { AddressCorrection, AddressField };

export type ShopperOrder = { orderId: string; name: string };

/** The shop's order a link is about, or null when the app has no such order for this shop. */
export async function findShopperOrder(db: Db, shop: string, orderId: string): Promise<ShopperOrder | null> {
  return db.orderCare.findUnique({ where: { shop_orderId: { shop, orderId } }, select: { orderId: true, name: true } });
}

export type ShopPageIdentity = { shopName: string; contactEmail: string | null };

/** How a shopper page names the shop (Settings, else the store's handle) and how to reach it. */
export async function shopPageIdentity(db: Db, shop: string): Promise<ShopPageIdentity> {
  const settings = await db.shopSettings.findUnique({ where: { shop }, select: { shopName: true, contactEmail: true } });
  return { shopName: settings?.shopName.trim() || shop.replace(/\.myshopify\.com$/, ""), contactEmail: settings?.contactEmail?.trim() || null };
}

export type AnswerResult =
  | { status: "recorded" }
  /** The same answer was recorded before: nothing written. */
  | { status: "already_recorded" }
  | { status: "not_found" };

// --- timeline rows ---------------------------------------------------------------------------

const textHash = (text: string) => createHash("sha256").update(text, "utf8").digest("hex").slice(0, 32);

/** JSON with sorted keys and no empty values, as the order timeline stores detail. */
function detailJson(detail: Record<string, string | undefined>): string | null {
  const entries = Object.entries(detail)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? null : JSON.stringify(Object.fromEntries(entries));
}

async function recordShopperEvent(
  db: Db,
  shop: string,
  orderId: string,
  event: { kind: string; dedupeKey: string; detail: string | null },
  now: Date,
): Promise<AnswerResult> {
  if (!(await findShopperOrder(db, shop, orderId))) return { status: "not_found" };
  try {
    await db.timelineEvent.create({
      data: { shop, orderId, kind: event.kind, dedupeKey: event.dedupeKey, detail: event.detail, source: "shopper", occurredAt: now, recordedAt: now },
    });
    return { status: "recorded" };
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "already_recorded" };
    throw error;
  }
}

/** The shopper confirmed the order is right: once per order, from any link. */
export function recordOrderConfirmedByShopper(db: Db, shop: string, orderId: string, now: Date, detail?: Record<string, string>): Promise<AnswerResult> {
  return recordShopperEvent(db, shop, orderId, { kind: "confirmed", dedupeKey: "shopper:confirmed", detail: detailJson(detail ?? {}) }, now);
}

// --- address correction ----------------------------------------------------------------------

/**
 * The shopper asks for the shipping address to be corrected. The app does not change the
 * order in Shopify: the correction is shown to the merchant on the timeline, which is the
 * one place it is stored. The same correction sent twice is recorded once.
 */
export async function recordAddressCorrection(
  db: Db,
  shop: string,
  orderId: string,
  correction: AddressCorrection,
  now: Date,
): Promise<AnswerResult | { status: "invalid"; fields: AddressField[] }> {
  const checked = checkAddressCorrection(correction);
  if (!checked.ok) return { status: "invalid", fields: checked.invalid };
  const detail = detailJson(checked.value);
  return recordShopperEvent(db, shop, orderId, { kind: "address_correction_requested", dedupeKey: `shopper:address_correction:${textHash(detail ?? "")}`, detail }, now);
}

// --- check-in --------------------------------------------------------------------------------

/**
 * The shopper's answer to "did it arrive well?". One answer per order: the first wins, the
 * same answer again changes nothing, and a different later answer is refused (reported as
 * `different_answer` with the answer on record).
 */
export async function recordCheckIn(
  db: Db,
  shop: string,
  orderId: string,
  answer: CheckInAnswer,
  now: Date,
): Promise<AnswerResult | { status: "different_answer"; recorded: CheckInAnswer }> {
  const result = await recordShopperEvent(db, shop, orderId, { kind: "checked_in", dedupeKey: "shopper:checked_in", detail: detailJson({ answer }) }, now);
  if (result.status !== "already_recorded") return result;
  const row = await db.timelineEvent.findUnique({ where: { shop_orderId_dedupeKey: { shop, orderId, dedupeKey: "shopper:checked_in" } }, select: { detail: true } });
  const recorded = readAnswer(row?.detail ?? null);
  return recorded === null || recorded === answer ? result : { status: "different_answer", recorded };
}

function readAnswer(detail: string | null): CheckInAnswer | null {
  try {
    const answer = (JSON.parse(detail ?? "null") as { answer?: unknown } | null)?.answer;
    return answer === "arrived_well" || answer === "problem" ? answer : null;
  } catch {
    return null;
  }
}

// --- problem report --------------------------------------------------------------------------

export const PROBLEM_TEXT_MAX = 2000;

/** The shopper describes a problem with the order. Empty or longer than 2,000 characters: invalid. */
export async function recordProblemReport(db: Db, shop: string, orderId: string, text: string, now: Date): Promise<AnswerResult | { status: "invalid" }> {
  // Line breaks are kept (the shopper's paragraphs); other control characters are dropped.
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, "").trim();
  if (clean === "" || [...clean].length > PROBLEM_TEXT_MAX) return { status: "invalid" };
  return recordShopperEvent(db, shop, orderId, { kind: "problem_reported", dedupeKey: `shopper:problem:${textHash(clean)}`, detail: detailJson({ text: clean }) }, now);
}

// --- unsubscribe -----------------------------------------------------------------------------

/** What MessageSuppression stores for an address: the sha256 (hex) of its normalised form. */
export function suppressionHash(email: string): string {
  return createHash("sha256").update(normalizeEmail(email), "utf8").digest("hex");
}

/** Stops promotional email to the address from this shop, from now on. */
export async function suppressEmail(db: Db, shop: string, email: string, now: Date): Promise<{ status: "suppressed" | "already_suppressed" | "invalid" }> {
  if (normalizeEmail(email) === "") return { status: "invalid" };
  try {
    await db.messageSuppression.create({ data: { shop, emailHash: suppressionHash(email), reason: "unsubscribed", createdAt: now } });
    return { status: "suppressed" };
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "already_suppressed" };
    throw error;
  }
}
