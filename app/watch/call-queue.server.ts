// The confirmation call queue (/app/confirmations): orders waiting for a call — an open
// "Not confirmed" flag, or a "no answer, call again at" time that has come — the longest
// waiting first. Who to call and what they ordered are read from Shopify for the page's
// orders only, at view time (the app keeps no names, phones or addresses). A call's outcome is
// recorded on the order (recordConfirmation) and the order looked at again by a job.
import type { Db } from "~/db.server";
import type { JobQueue } from "~/jobs/queue.server";
import { queueOrderChanged, queueOrderConfirmed } from "~/jobs/watch-jobs.server";
import { supportedLanguage } from "~/messages/locales";
import { getShopSettings } from "~/messages/shop-settings.server";
import { formatMoney, usableTimeZone } from "~/orders/order-format";
import type { AdminClient } from "~/shopify.server";
import { adminQuery } from "~/shopify/admin-graphql.server";
import { ORDERS_FOR_CALLS_QUERY } from "~/shopify/graphql/orders-for-calls";
import type { OrdersForCallsQuery } from "~/types/admin.generated";
import { log } from "~/observability/log.server";
import { callScript, describeItems } from "./call-script";
import { callRetryDefault, fromLocalInput, timeView, toLocalInput, type TimeView } from "./needs-attention.server";
import { recordConfirmation, type CallOutcome } from "./order-watch.server";
import { getWatchSettings } from "./watch-settings.server";

export const CALL_QUEUE_PAGE_SIZE = 25;
export const CALL_OUTCOME_INTENT = "call-outcome";
export const CALL_OUTCOMES: readonly CallOutcome[] = ["confirmed", "address_corrected", "no_answer", "customer_cancels"];

export type CallContact = {
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  items: { name: string; quantity: number }[];
};

export type CallRow = {
  orderId: string;
  orderName: string;
  href: string;
  placed: TimeView;
  total: string;
  /** Since when the call is due: the flag's due time, or the "call again" time. */
  due: TimeView;
  /** An earlier call went unanswered. */
  retry: boolean;
  /** null when Shopify could not be asked, or no longer has the order. */
  contact: CallContact | null;
  script: string[];
};

export type CallQueueView = {
  timeZone: string;
  rows: CallRow[];
  total: number;
  /** Orders waiting for their "call again" time, and the first such time. */
  later: { count: number; next: TimeView | null };
  page: { number: number; label: string | null; previousUrl: string | null; nextUrl: string | null };
  /** Shopify could not be asked for the customers' details. */
  contactProblem: string | null;
  /** "No answer — try again at", pre-filled: two business hours from now. */
  retryDefault: string;
};

type Candidate = { orderId: string; due: Date; retry: boolean };

/** The orders to call now (oldest due first) and those waiting for their retry time. */
async function callCandidates(db: Db, shop: string, now: Date): Promise<{ due: Candidate[]; later: Candidate[] }> {
  const [flags, retries] = await Promise.all([
    db.orderFlag.findMany({ where: { shop, status: "open", kind: "unconfirmed" }, select: { orderId: true, dueAt: true } }),
    db.orderCare.findMany({ where: { shop, confirmedAt: null, cancelledAt: null, closedAt: null, callRetryAt: { not: null } }, select: { orderId: true, callRetryAt: true } }),
  ]);
  const retryAt = new Map(retries.map((row) => [row.orderId, row.callRetryAt as Date]));
  const flagged = new Map(flags.map((row) => [row.orderId, row.dueAt]));
  // A flagged order that is confirmed or cancelled meanwhile waits for the next evaluation to clear its flag: not called.
  const settled = new Set(
    (
      await db.orderCare.findMany({
        where: { shop, orderId: { in: [...flagged.keys()].filter((orderId) => !retryAt.has(orderId)) }, OR: [{ confirmedAt: { not: null } }, { cancelledAt: { not: null } }] },
        select: { orderId: true },
      })
    ).map((row) => row.orderId),
  );
  const all: Candidate[] = [];
  for (const [orderId, dueAt] of flagged) if (!settled.has(orderId) && !retryAt.has(orderId)) all.push({ orderId, due: dueAt, retry: false });
  for (const [orderId, at] of retryAt) all.push({ orderId, due: at, retry: true });
  const byDue = (a: Candidate, b: Candidate) => a.due.getTime() - b.due.getTime() || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0);
  return { due: all.filter((row) => row.due <= now).sort(byDue), later: all.filter((row) => row.due > now).sort(byDue) };
}

export async function loadCallQueue(db: Db, admin: Pick<AdminClient, "graphql">, shop: string, params: URLSearchParams, now: Date): Promise<CallQueueView> {
  const pageNumber = Math.max(1, Math.min(10_000, Math.trunc(Number(params.get("page") ?? "1")) || 1));
  const [settings, watch, candidates] = await Promise.all([getShopSettings(db, shop), getWatchSettings(db, shop), callCandidates(db, shop, now)]);
  const timeZone = usableTimeZone(settings.timezone);
  const first = (pageNumber - 1) * CALL_QUEUE_PAGE_SIZE;
  const pageRows = candidates.due.slice(first, first + CALL_QUEUE_PAGE_SIZE);
  const orders = pageRows.length
    ? await db.orderCare.findMany({
        where: { shop, orderId: { in: pageRows.map((row) => row.orderId) } },
        select: { orderId: true, orderGid: true, name: true, placedAt: true, totalPrice: true, currency: true },
      })
    : [];
  const orderById = new Map(orders.map((order) => [order.orderId, order]));
  const { contacts, problem } = await readContacts(admin, orders.map((order) => order.orderGid));
  const language = supportedLanguage(settings.primaryLocale) ?? "en";
  const shopName = settings.shopName.trim() || shop.replace(/\.myshopify\.com$/, "");
  const pageUrl = (page: number) => (page > 1 ? `/app/confirmations?page=${page}` : "/app/confirmations");

  const rows: CallRow[] = pageRows.flatMap((candidate) => {
    const order = orderById.get(candidate.orderId);
    if (!order) return [];
    const contact = contacts.get(order.orderGid) ?? null;
    const total = formatMoney(order.totalPrice, order.currency);
    return [
      {
        orderId: order.orderId,
        orderName: order.name,
        href: `/app/orders/${order.orderId}`,
        placed: timeView(order.placedAt, now, timeZone),
        total,
        due: timeView(candidate.due, now, timeZone),
        retry: candidate.retry,
        contact,
        script: callScript(language, {
          shopName,
          firstName: contact?.name?.split(" ")[0] ?? null,
          orderName: order.name,
          items: contact ? describeItems(contact.items) : "…",
          total: localMoney(order.totalPrice, order.currency, language) ?? total,
          address: contact?.address ?? null,
        }).lines,
      },
    ];
  });
  return {
    timeZone,
    rows,
    total: candidates.due.length,
    later: { count: candidates.later.length, next: candidates.later[0] ? timeView(candidates.later[0].due, now, timeZone) : null },
    page: {
      number: pageNumber,
      label: rows.length ? `${first + 1}–${first + pageRows.length} of ${candidates.due.length}` : null,
      previousUrl: pageNumber > 1 ? pageUrl(pageNumber - 1) : null,
      nextUrl: first + pageRows.length < candidates.due.length ? pageUrl(pageNumber + 1) : null,
    },
    contactProblem: problem,
    retryDefault: callRetryDefault(watch.rules.calendar, now, timeZone),
  };
}

function localMoney(amount: string, currency: string, locale: string): string | null {
  const value = Number(amount);
  if (!Number.isFinite(value)) return null;
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(value);
  } catch {
    return null;
  }
}

type OrderNode = NonNullable<OrdersForCallsQuery["nodes"][number]>;

/** The page's customers from Shopify, by order gid. A failure leaves the queue usable without them. */
async function readContacts(admin: Pick<AdminClient, "graphql">, gids: string[]): Promise<{ contacts: Map<string, CallContact>; problem: string | null }> {
  const contacts = new Map<string, CallContact>();
  if (gids.length === 0) return { contacts, problem: null };
  let data: OrdersForCallsQuery;
  try {
    data = await adminQuery<OrdersForCallsQuery>(admin, ORDERS_FOR_CALLS_QUERY, { ids: gids });
  } catch (error) {
    // Shopify's own answers (re-authentication) go back to the browser as they are.
    if (error instanceof Response) throw error;
    log.warn("call queue: customers not read from Shopify", { error: error instanceof Error ? error.message : String(error) });
    return { contacts, problem: "The customers’ phone numbers, emails and order lines could not be read from Shopify just now. Reload the page in a moment." };
  }
  for (const node of data.nodes) {
    if (!node || !("id" in node) || typeof node.id !== "string") continue;
    contacts.set(node.id, contactOf(node));
  }
  return { contacts, problem: null };
}

function contactOf(order: OrderNode): CallContact {
  const address = order.shippingAddress;
  const customer = order.customer;
  const fullName = (first?: string | null, last?: string | null) => [first, last].map((part) => part?.trim()).filter(Boolean).join(" ") || null;
  const where = address
    ? [address.address1, address.address2, [address.zip, address.city].map((part) => part?.trim()).filter(Boolean).join(" "), address.province, address.country]
        .map((part) => part?.trim())
        .filter(Boolean)
        .join(", ") || null
    : null;
  return {
    name: fullName(customer?.firstName, customer?.lastName) ?? fullName(address?.firstName, address?.lastName),
    phone: order.phone?.trim() || address?.phone?.trim() || customer?.defaultPhoneNumber?.phoneNumber?.trim() || null,
    email: order.email?.trim() || customer?.defaultEmailAddress?.emailAddress?.trim() || null,
    address: where,
    items: order.lineItems.nodes.map((line) => ({ name: line.name, quantity: line.quantity })),
  };
}

// --- outcomes -----------------------------------------------------------------------------------

export type CallOutcomeResult = { intent: typeof CALL_OUTCOME_INTENT; orderId: string; ok: boolean; message: string; errors?: Record<string, string> };

const isOutcome = (value: unknown): value is CallOutcome => typeof value === "string" && (CALL_OUTCOMES as readonly string[]).includes(value);

/**
 * Records a call's outcome for one of the shop's orders, then has the order looked at again
 * (confirmed: at once, with Flow told). Null when the shop has no such order.
 */
export async function recordCallOutcome(
  db: Db,
  queue: Pick<JobQueue, "enqueue">,
  shop: string,
  orderId: string,
  form: { get(name: string): unknown },
  now: Date,
): Promise<CallOutcomeResult | null> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.trim() : "";
  };
  if (!/^\d{1,20}$/.test(orderId)) return null;
  const order = await db.orderCare.findUnique({ where: { shop_orderId: { shop, orderId } }, select: { name: true } });
  if (!order) return null;
  const answer = (ok: boolean, message: string, errors?: Record<string, string>): CallOutcomeResult => ({ intent: CALL_OUTCOME_INTENT, orderId, ok, message, ...(errors ? { errors } : {}) });

  const outcome = text("outcome");
  if (!isOutcome(outcome)) return answer(false, "Choose how the call went.");
  let note = text("note").slice(0, 1000) || null;
  const timeZone = usableTimeZone((await getShopSettings(db, shop)).timezone);
  let retryAt: Date | null = null;
  if (outcome === "address_corrected") {
    // The new address is the outcome's note (on the timeline), with anything else said after it.
    const address = text("address").replace(/\s*\n\s*/g, ", ").slice(0, 500);
    if (!address) return answer(false, "Write the corrected address.", { address: "Write the new address the customer gave, to correct it in Shopify." });
    note = note ? `${address} — ${note}` : address;
  }
  if (outcome === "no_answer") {
    retryAt = fromLocalInput(text("retryAt"), timeZone);
    if (!retryAt || retryAt <= now) return answer(false, "Choose when to call again.", { retryAt: "Choose a date and time in the future." });
  }

  const result = await recordConfirmation(db, shop, orderId, { outcome, via: "phone", note, retryAt }, now);
  if (!result.ok) return answer(false, result.error);
  if (outcome === "confirmed" || outcome === "address_corrected") await queueOrderConfirmed(queue, shop, orderId);
  else await queueOrderChanged(queue, shop, orderId);

  switch (outcome) {
    case "confirmed":
      return answer(true, `${order.name} confirmed.`);
    case "address_corrected":
      return answer(true, `${order.name} confirmed. Correct the address in Shopify before dispatch.`);
    case "no_answer":
      return answer(true, `${order.name}: no answer. It comes back to the queue ${retryAt ? `at ${toLocalInput(retryAt, timeZone).replace("T", " ")}` : "later"}.`);
    case "customer_cancels":
      return answer(true, `${order.name}: cancellation noted. Cancel the order in Shopify to refund the customer.`);
  }
}
