// "Needs attention", the admin's front page: the shop's open flags, most overdue first, with
// what the merchant can do about them (mark handled, snooze, send the delay apology), one flag
// or many at once. Also the flags and confirmation of one order, for its page.
//
// The list is read through the (shop, status, dueAt) index, a page at a time; the orders' names
// are read for that page only. Times are printed in the shop's time zone, and the dates the
// merchant types (snooze until, new expected delivery) are read in it.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/db.server";
import type { JobQueue } from "~/jobs/queue.server";
import { getShopSettings } from "~/messages/shop-settings.server";
import { formatDateTime, usableTimeZone } from "~/orders/order-format";
import { addBusinessMinutes, addLocalDays, localDateTime, zonedInstant, type BusinessCalendar } from "./business-calendar";
import { sendDelayApology } from "./delay-apology.server";
import { FLAG_LABELS, FLAG_TONES } from "./flag-labels";
import { countOpenFlags, markFlagHandled, snoozeFlag } from "./order-watch.server";
import { FLAG_KINDS, type FlagKind } from "./watch-rules";
import { getWatchSettings } from "./watch-settings.server";

export const ATTENTION_PAGE_SIZE = 50;
/** Flags a bulk action may name at once (a page and then some). */
export const MAX_FLAGS_PER_ACTION = 250;

/** The flags a delay apology answers: the order is late, or its delivery failed. */
export const APOLOGY_KINDS: readonly FlagKind[] = ["late_dispatch", "late_delivery", "stalled_in_transit", "delivery_failed"];

export const FLAG_ACTION_INTENTS = ["mark-handled", "snooze", "send-apology"] as const;
export type FlagActionIntent = (typeof FLAG_ACTION_INTENTS)[number];

export function isFlagActionIntent(value: unknown): value is FlagActionIntent {
  return typeof value === "string" && (FLAG_ACTION_INTENTS as readonly string[]).includes(value);
}

type FlagStatus = "open" | "snoozed" | "handled";

// --- times ---------------------------------------------------------------------------------------

export type TimeView = { iso: string; relative: string; absolute: string };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "in 3 hours", "2 days ago", "now" — either way in time. */
export function relativeTime(date: Date, now: Date): string {
  const delta = date.getTime() - now.getTime();
  const size = Math.abs(delta);
  if (size < MINUTE) return "now";
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const [amount, unit] = size < HOUR ? [delta / MINUTE, "minute" as const] : size < DAY ? [delta / HOUR, "hour" as const] : [delta / DAY, "day" as const];
  return format.format(Math.trunc(amount), unit);
}

export function timeView(date: Date, now: Date, timeZone: string): TimeView {
  return { iso: date.toISOString(), relative: relativeTime(date, now), absolute: formatDateTime(date, timeZone) };
}

/** "2026-11-18T14:30", what an <input type="datetime-local"> shows, in the zone. */
export function toLocalInput(date: Date, timeZone: string): string {
  const local = localDateTime(timeZone, date);
  return `${local.date}T${String(local.hour).padStart(2, "0")}:${String(local.minute).padStart(2, "0")}`;
}

/** The instant of a datetime-local value in the zone; null when it is not one. */
export function fromLocalInput(value: string, timeZone: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(value.trim());
  if (!match || Number(match[2]) > 23 || Number(match[3]) > 59) return null;
  try {
    return zonedInstant(timeZone, match[1] ?? "", Number(match[2]) * 60 + Number(match[3]));
  } catch {
    return null;
  }
}

/** The last minute of a local date ("YYYY-MM-DD") in the zone; null when it is no date. */
function endOfLocalDay(value: string, timeZone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return null;
  try {
    return zonedInstant(timeZone, value.trim(), 23 * 60 + 59);
  } catch {
    return null;
  }
}

/** The shop's zone as the admin prints it (Settings; UTC until known). */
export async function shopTimeZone(db: Db, shop: string): Promise<string> {
  return usableTimeZone((await getShopSettings(db, shop)).timezone);
}

/** What the flag action forms start with: snooze until tomorrow 09:00, delivery expected in 3 days. */
export function flagActionDefaults(timeZone: string, now: Date): { snoozeUntil: string; expectedDelivery: string } {
  const today = localDateTime(timeZone, now).date;
  return { snoozeUntil: `${addLocalDays(today, 1)}T09:00`, expectedDelivery: addLocalDays(today, 3) };
}

/** "No answer — try again at" starts this many business minutes ahead. */
export const RETRY_AFTER_BUSINESS_MINUTES = 120;

/** Two business hours from now (on the shop's watch calendar), as the "call again at" field shows it. */
export function callRetryDefault(calendar: BusinessCalendar, now: Date, timeZone: string): string {
  let at: Date;
  try {
    at = addBusinessMinutes(calendar, now, RETRY_AFTER_BUSINESS_MINUTES);
  } catch {
    at = new Date(now.getTime() + RETRY_AFTER_BUSINESS_MINUTES * 60_000);
  }
  return toLocalInput(at, timeZone);
}

// --- the list ------------------------------------------------------------------------------------

export type AttentionQuery = { kinds: FlagKind[]; includeSnoozed: boolean; includeHandled: boolean; page: number };

const isFlagKind = (value: string): value is FlagKind => (FLAG_KINDS as readonly string[]).includes(value);

/** `?kind=late_dispatch&kind=unconfirmed&snoozed=1&handled=1&page=2`; what is not understood is left out. */
export function parseAttentionQuery(params: URLSearchParams): AttentionQuery {
  const kinds = FLAG_KINDS.filter((kind) => params.getAll("kind").flatMap((value) => value.split(",")).includes(kind));
  const page = Number(params.get("page") ?? "1");
  return {
    kinds,
    includeSnoozed: params.get("snoozed") === "1",
    includeHandled: params.get("handled") === "1",
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export function attentionHref(query: AttentionQuery): string {
  const params = new URLSearchParams();
  for (const kind of query.kinds) params.append("kind", kind);
  if (query.includeSnoozed) params.set("snoozed", "1");
  if (query.includeHandled) params.set("handled", "1");
  if (query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `/app?${search}` : "/app";
}

export type FlagRow = {
  /** "orderId:kind", what the actions post. */
  id: string;
  orderId: string;
  orderName: string;
  href: string;
  kind: FlagKind;
  label: string;
  tone: "critical" | "warning" | "attention";
  reason: string;
  status: FlagStatus;
  /** "Snoozed until …", "Handled … — note". */
  statusNote: string | null;
  due: TimeView;
  since: TimeView;
  canApologise: boolean;
};

export type NeedsAttentionView = {
  timeZone: string;
  counts: { kind: FlagKind; label: string; tone: FlagRow["tone"]; count: number; href: string; selected: boolean }[];
  totalOpen: number;
  filters: { kinds: FlagKind[]; includeSnoozed: boolean; includeHandled: boolean; filtered: boolean };
  links: { all: string; toggleSnoozed: string; toggleHandled: string };
  rows: FlagRow[];
  page: { number: number; label: string | null; previousUrl: string | null; nextUrl: string | null };
  defaults: { snoozeUntil: string; expectedDelivery: string };
};

const FLAG_COLUMNS = {
  orderId: true,
  kind: true,
  status: true,
  reason: true,
  since: true,
  dueAt: true,
  snoozedUntil: true,
  handledAt: true,
  handledNote: true,
} satisfies Prisma.OrderFlagSelect;

type FlagRecord = Prisma.OrderFlagGetPayload<{ select: typeof FLAG_COLUMNS }>;

function flagRow(flag: FlagRecord, orderName: string, now: Date, timeZone: string): FlagRow {
  const kind = flag.kind as FlagKind;
  const status = flag.status as FlagStatus;
  const statusNote =
    status === "snoozed" && flag.snoozedUntil
      ? `Snoozed until ${formatDateTime(flag.snoozedUntil, timeZone)}`
      : status === "handled"
        ? `Handled${flag.handledAt ? ` ${formatDateTime(flag.handledAt, timeZone)}` : ""}${flag.handledNote ? ` — ${flag.handledNote}` : ""}`
        : null;
  return {
    id: `${flag.orderId}:${kind}`,
    orderId: flag.orderId,
    orderName,
    href: `/app/orders/${flag.orderId}`,
    kind,
    label: FLAG_LABELS[kind] ?? kind,
    tone: FLAG_TONES[kind] ?? "attention",
    reason: flag.reason,
    status,
    statusNote,
    due: timeView(flag.dueAt, now, timeZone),
    since: timeView(flag.since, now, timeZone),
    canApologise: APOLOGY_KINDS.includes(kind) && status !== "handled",
  };
}

/** The front page: counts of open flags by kind, and one page of the flags asked for, most overdue first. */
export async function loadNeedsAttention(db: Db, shop: string, params: URLSearchParams, now: Date): Promise<NeedsAttentionView> {
  const query = parseAttentionQuery(params);
  const statuses: FlagStatus[] = ["open", ...(query.includeSnoozed ? (["snoozed"] as const) : []), ...(query.includeHandled ? (["handled"] as const) : [])];
  const where: Prisma.OrderFlagWhereInput = { shop, status: { in: statuses }, ...(query.kinds.length > 0 ? { kind: { in: query.kinds } } : {}) };
  const [counts, total, flags, timeZone] = await Promise.all([
    countOpenFlags(db, shop),
    db.orderFlag.count({ where }),
    db.orderFlag.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { orderId: "asc" }, { kind: "asc" }],
      skip: (query.page - 1) * ATTENTION_PAGE_SIZE,
      take: ATTENTION_PAGE_SIZE,
      select: FLAG_COLUMNS,
    }),
    shopTimeZone(db, shop),
  ]);
  const names = await orderNames(db, shop, flags.map((flag) => flag.orderId));

  const first = (query.page - 1) * ATTENTION_PAGE_SIZE;
  const at = (change: Partial<AttentionQuery>) => attentionHref({ ...query, page: 1, ...change });
  return {
    timeZone,
    counts: FLAG_KINDS.map((kind) => ({
      kind,
      label: FLAG_LABELS[kind],
      tone: FLAG_TONES[kind],
      count: counts[kind],
      href: at({ kinds: query.kinds.length === 1 && query.kinds[0] === kind ? [] : [kind] }),
      selected: query.kinds.includes(kind),
    })),
    totalOpen: FLAG_KINDS.reduce((sum, kind) => sum + counts[kind], 0),
    filters: { kinds: query.kinds, includeSnoozed: query.includeSnoozed, includeHandled: query.includeHandled, filtered: query.kinds.length > 0 || query.includeSnoozed || query.includeHandled },
    links: { all: "/app", toggleSnoozed: at({ includeSnoozed: !query.includeSnoozed }), toggleHandled: at({ includeHandled: !query.includeHandled }) },
    rows: flags.map((flag) => flagRow(flag, names.get(flag.orderId) ?? `Order ${flag.orderId}`, now, timeZone)),
    page: {
      number: query.page,
      label: flags.length > 0 ? `${first + 1}–${first + flags.length} of ${total}` : null,
      previousUrl: query.page > 1 ? attentionHref({ ...query, page: query.page - 1 }) : null,
      nextUrl: first + flags.length < total ? attentionHref({ ...query, page: query.page + 1 }) : null,
    },
    defaults: flagActionDefaults(timeZone, now),
  };
}

async function orderNames(db: Db, shop: string, orderIds: readonly string[]): Promise<Map<string, string>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db.orderCare.findMany({ where: { shop, orderId: { in: [...new Set(orderIds)] } }, select: { orderId: true, name: true } });
  return new Map(rows.map((row) => [row.orderId, row.name]));
}

// --- one order -----------------------------------------------------------------------------------

export type OrderCareStatusView = {
  timeZone: string;
  flags: FlagRow[];
  confirmation: { confirmed: boolean; text: string; retry: string | null };
  /** Not confirmed and not cancelled: a call can be recorded. */
  canRecordCall: boolean;
  defaults: { snoozeUntil: string; expectedDelivery: string };
  /** "No answer — call again at", pre-filled. */
  retryDefault: string;
};

const CONFIRMED_VIA: Record<string, string> = { phone: "by phone", shopper_link: "by the customer (confirmation link)", merchant: "by the shop" };

/** The order page's "Care status": its flags (open and snoozed) and whether it is confirmed. Null: no such order in the shop. */
export async function loadOrderCareStatus(db: Db, shop: string, orderId: string, now: Date): Promise<OrderCareStatusView | null> {
  if (!/^\d{1,20}$/.test(orderId)) return null;
  const [order, flags, timeZone, watch] = await Promise.all([
    db.orderCare.findUnique({ where: { shop_orderId: { shop, orderId } }, select: { name: true, confirmedAt: true, confirmedVia: true, callRetryAt: true, cancelledAt: true } }),
    db.orderFlag.findMany({ where: { shop, orderId, status: { in: ["open", "snoozed"] } }, select: FLAG_COLUMNS }),
    shopTimeZone(db, shop),
    getWatchSettings(db, shop),
  ]);
  if (!order) return null;
  const sorted = [...flags].sort((a, b) => FLAG_KINDS.indexOf(a.kind as FlagKind) - FLAG_KINDS.indexOf(b.kind as FlagKind));
  const confirmed = order.confirmedAt !== null;
  return {
    timeZone,
    flags: sorted.map((flag) => flagRow(flag, order.name, now, timeZone)),
    confirmation: {
      confirmed,
      text: order.confirmedAt
        ? `Confirmed ${formatDateTime(order.confirmedAt, timeZone)}${order.confirmedVia && CONFIRMED_VIA[order.confirmedVia] ? ` ${CONFIRMED_VIA[order.confirmedVia]}` : ""}`
        : "Not confirmed",
      retry: !confirmed && order.callRetryAt ? `No answer last time: call again ${order.callRetryAt > now ? "after" : "since"} ${formatDateTime(order.callRetryAt, timeZone)}` : null,
    },
    canRecordCall: !confirmed && order.cancelledAt === null,
    defaults: flagActionDefaults(timeZone, now),
    retryDefault: callRetryDefault(watch.rules.calendar, now, timeZone),
  };
}

// --- actions -------------------------------------------------------------------------------------

export type FlagActionResult = {
  intent: FlagActionIntent;
  ok: boolean;
  /** What happened, in a sentence (the toast). */
  message: string;
  /** Field errors, by the form field's name. */
  errors?: Record<string, string>;
  /** Per flag: done, already done, or refused and why. */
  summary?: { done: number; already: number; refused: { id: string; orderName: string; reason: string }[] };
};

/** What a flag action form posts: its intent, `flag` ("orderId:kind") once per flag, and its fields. */
export type FlagActionForm = { get(name: string): unknown; getAll(name: string): unknown[] };

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function parseFlagIds(form: FlagActionForm): { orderId: string; kind: FlagKind }[] {
  const ids = new Set(form.getAll("flag").flatMap((value) => (typeof value === "string" ? value.split(/[\s,]+/) : [])));
  const parsed: { orderId: string; kind: FlagKind }[] = [];
  for (const id of ids) {
    const [orderId = "", kind = ""] = id.split(":");
    if (/^\d{1,20}$/.test(orderId) && isFlagKind(kind)) parsed.push({ orderId, kind });
  }
  return parsed.slice(0, MAX_FLAGS_PER_ACTION);
}

const field = (form: FlagActionForm, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

/**
 * Mark handled, snooze or send the delay apology, for the flags the form names. Each flag is
 * looked up with the shop: another shop's flag is "not found" and left alone.
 */
export async function handleFlagAction(db: Db, queue: Pick<JobQueue, "enqueue">, shop: string, intent: FlagActionIntent, form: FlagActionForm, now: Date): Promise<FlagActionResult> {
  const ids = parseFlagIds(form);
  if (ids.length === 0) return { intent, ok: false, message: "Choose at least one flag." };
  const timeZone = await shopTimeZone(db, shop);
  const stored = await db.orderFlag.findMany({
    where: { shop, OR: ids.map(({ orderId, kind }) => ({ orderId, kind })) },
    select: { orderId: true, kind: true, status: true },
  });
  const names = await orderNames(db, shop, ids.map((id) => id.orderId));
  const statusOf = new Map(stored.map((row) => [`${row.orderId}:${row.kind}`, row.status]));
  const summary: NonNullable<FlagActionResult["summary"]> = { done: 0, already: 0, refused: [] };
  const refuse = (id: { orderId: string; kind: FlagKind }, reason: string) =>
    summary.refused.push({ id: `${id.orderId}:${id.kind}`, orderName: names.get(id.orderId) ?? `Order ${id.orderId}`, reason });
  const live = ids.filter((id) => {
    const status = statusOf.get(`${id.orderId}:${id.kind}`);
    if (status === undefined) refuse(id, "No such flag in this shop.");
    else if (status === "cleared") refuse(id, `“${FLAG_LABELS[id.kind]}” is no longer raised: the order moved on.`);
    else return true;
    return false;
  });

  switch (intent) {
    case "mark-handled": {
      const note = field(form, "note").slice(0, 1000) || null;
      for (const id of live) {
        if (await markFlagHandled(db, shop, id.orderId, id.kind, note, now)) summary.done++;
        else summary.already++;
      }
      const message = `${plural(summary.done, "flag")} marked handled${summary.already ? `, ${summary.already} already were` : ""}${summary.refused.length ? `, ${summary.refused.length} not found` : ""}.`;
      return { intent, ok: summary.done + summary.already > 0, message, summary };
    }

    case "snooze": {
      const until = fromLocalInput(field(form, "until"), timeZone);
      if (!until || until <= now) return { intent, ok: false, message: "Choose when the flag comes back.", errors: { until: "Choose a date and time in the future." } };
      for (const id of live) {
        if (await snoozeFlag(db, shop, id.orderId, id.kind, until, now)) summary.done++;
        else refuse(id, "Handled already: nothing to snooze.");
      }
      const message = `${plural(summary.done, "flag")} snoozed until ${formatDateTime(until, timeZone)}${summary.refused.length ? `; ${summary.refused.length} left as they were` : ""}.`;
      return { intent, ok: summary.done > 0, message, summary };
    }

    case "send-apology":
      return sendApologies(db, queue, shop, live, form, now, timeZone, summary, refuse);
  }
}

/** The same actions from one order's page: only that order's flags; null when the shop has no such order. */
export async function handleOrderFlagAction(
  db: Db,
  queue: Pick<JobQueue, "enqueue">,
  shop: string,
  orderId: string,
  intent: FlagActionIntent,
  form: FlagActionForm,
  now: Date,
): Promise<FlagActionResult | null> {
  if (!/^\d{1,20}$/.test(orderId)) return null;
  const order = await db.orderCare.findUnique({ where: { shop_orderId: { shop, orderId } }, select: { orderId: true } });
  if (!order) return null;
  const own: FlagActionForm = {
    get: (name) => form.get(name),
    getAll: (name) => (name === "flag" ? form.getAll(name).filter((value) => typeof value === "string" && value.startsWith(`${orderId}:`)) : form.getAll(name)),
  };
  return handleFlagAction(db, queue, shop, intent, own, now);
}

async function sendApologies(
  db: Db,
  queue: Pick<JobQueue, "enqueue">,
  shop: string,
  ids: { orderId: string; kind: FlagKind }[],
  form: FlagActionForm,
  now: Date,
  timeZone: string,
  summary: NonNullable<FlagActionResult["summary"]>,
  refuse: (id: { orderId: string; kind: FlagKind }, reason: string) => void,
): Promise<FlagActionResult> {
  const intent = "send-apology";
  const expectedText = field(form, "expectedDelivery");
  const expectedDelivery = endOfLocalDay(expectedText, timeZone);
  if (!expectedDelivery || expectedDelivery <= now) {
    return { intent, ok: false, message: "Choose the new expected delivery date.", errors: { expectedDelivery: expectedText ? "The new expected delivery date must be today or later." : "Choose the new expected delivery date." } };
  }
  const giftDescription = field(form, "giftDescription").slice(0, 300) || null;
  const discountCode = field(form, "discountCode").slice(0, 64) || null;
  if (discountCode && !/^[\p{L}\p{N}_-]+$/u.test(discountCode)) {
    return { intent, ok: false, message: "Check the discount code.", errors: { discountCode: "A discount code is letters, digits, - and _, without spaces." } };
  }
  // One apology per order, whichever of its flags were chosen.
  const apologised = new Set<string>();
  for (const id of ids) {
    if (!APOLOGY_KINDS.includes(id.kind)) {
      refuse(id, `An apology is for a late or failed delivery, not for “${FLAG_LABELS[id.kind]}”.`);
      continue;
    }
    if (apologised.has(id.orderId)) {
      await markFlagHandled(db, shop, id.orderId, id.kind, "Delay apology sent", now);
      summary.already++;
      continue;
    }
    const result = await sendDelayApology(db, queue, shop, { orderId: id.orderId, flag: id.kind, expectedDelivery, giftDescription, discountCode }, now);
    if (!result.ok) {
      refuse(id, result.error);
      continue;
    }
    apologised.add(id.orderId);
    if (result.alreadySent) summary.already++;
    else summary.done++;
  }
  const parts = [`${plural(summary.done, "apology", "apologies")} sent`];
  if (summary.already > 0) parts.push(`${summary.already} already sent`);
  if (summary.refused.length > 0) parts.push(`${summary.refused.length} refused`);
  return { intent, ok: summary.done + summary.already > 0, message: `${parts.join(", ")}.`, summary };
}
