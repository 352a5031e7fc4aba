// The outbox as the admin shows it: one page of the shop's messages, newest first, filtered by
// status, type and order (the URL holds the filters and the page), and one message in full.
//
// Pages are keyset pages on (createdAt, id), walked with the (shop, createdAt) index, as on
// the Orders page: a message composed while the merchant pages never shows up twice.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/db.server";
import { parseOrderSearch } from "~/orders/order-filters";
import { formatDateTime, formatRelative, usableTimeZone } from "~/orders/order-format";
import type { StatusBadge } from "~/orders/order-labels";
import { MESSAGE_TYPES, isMessageType, type MessageType } from "./catalog";
import { LOCALE_NAMES, isShopperLocale } from "./locales";
import { MESSAGE_TYPE_NAMES, messageTypeName, templateEditorUrl } from "./templates.server";

export const MESSAGES_PER_PAGE = 50;

export const OUTBOX_STATUSES = ["queued", "sending", "sent", "held", "failed", "suppressed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

const STATUS_BADGES: Record<OutboxStatus, StatusBadge> = {
  queued: { label: "Waiting to send", tone: "info", progress: "incomplete" },
  sending: { label: "Sending", tone: "attention", progress: "partiallyComplete" },
  sent: { label: "Sent", tone: "success", progress: "complete" },
  held: { label: "Held", tone: "warning", progress: "incomplete" },
  failed: { label: "Failed", tone: "critical", progress: "incomplete" },
  suppressed: { label: "Not sent", progress: "complete" },
};

export function outboxStatusBadge(status: string): StatusBadge {
  return STATUS_BADGES[status as OutboxStatus] ?? { label: status };
}

/** The URL parameters the list reads; others (Shopify adds several) are left alone. */
export const OUTBOX_PARAMS = { status: "status", type: "type", search: "q", after: "after", before: "before" } as const;

type Cursor = { direction: "after" | "before"; createdAt: Date; id: string };

export type OutboxQuery = {
  statuses: OutboxStatus[];
  types: MessageType[];
  /** The order searched for, as typed (its name, number or Shopify id). */
  search: string | null;
  cursor: Cursor | null;
};

/** The list's state from its URL; what is not understood is dropped with a notice. */
export function parseOutboxQuery(params: URLSearchParams): { query: OutboxQuery; notices: string[] } {
  const notices: string[] = [];
  const choices = <T extends string>(key: string, allowed: readonly T[], what: string): T[] => {
    const chosen: T[] = [];
    for (const value of params.getAll(key).flatMap((entry) => entry.split(",")).map((entry) => entry.trim().toLowerCase())) {
      if (value === "") continue;
      const match = allowed.find((choice) => choice === value);
      if (!match) notices.push(`Ignored the unknown ${what} filter “${clip(value)}”.`);
      else if (!chosen.includes(match)) chosen.push(match);
    }
    return chosen;
  };
  const statuses = choices(OUTBOX_PARAMS.status, OUTBOX_STATUSES, "status");
  const types = choices(OUTBOX_PARAMS.type, MESSAGE_TYPES, "message type");
  let search = (params.get(OUTBOX_PARAMS.search) ?? "").trim().replace(/\s+/g, " ");
  if (search.length > 100) {
    notices.push("The search was shortened to its first 100 characters.");
    search = search.slice(0, 100).trim();
  }
  const after = params.get(OUTBOX_PARAMS.after);
  const before = params.get(OUTBOX_PARAMS.before);
  let cursor: Cursor | null = null;
  if (after !== null || before !== null) {
    cursor = decodeCursor(after !== null ? "after" : "before", (after ?? before) as string);
    if (!cursor) notices.push("That page link is not valid any more, so the list starts from the newest messages.");
  }
  return { query: { statuses, types, search: search || null, cursor }, notices };
}

/** "<createdAt epoch ms>-<id>": cuids are letters and digits, so it is safe in a URL as it is. */
export function encodeCursor(createdAt: Date, id: string): string {
  return `${createdAt.getTime()}-${id}`;
}

function decodeCursor(direction: Cursor["direction"], value: string): Cursor | null {
  const match = /^(\d{1,15})-([A-Za-z0-9_]{1,64})$/.exec(value.trim());
  if (!match?.[1] || !match[2]) return null;
  const createdAt = new Date(Number(match[1]));
  return Number.isNaN(createdAt.getTime()) ? null : { direction, createdAt, id: match[2] };
}

export function isFiltered(query: OutboxQuery): boolean {
  return query.statuses.length > 0 || query.types.length > 0 || query.search !== null;
}

/**
 * The Shopify order ids a search names: orders of the shop found by name or number, and a
 * Shopify order id as typed (the order may be gone from Aftercare while its messages remain).
 */
async function searchedOrderIds(db: Db, shop: string, text: string): Promise<string[]> {
  const search = parseOrderSearch(text);
  if (!search) return [];
  const any: Prisma.OrderCareWhereInput[] = [];
  if (search.number !== null) any.push({ number: search.number });
  if (search.names.length > 0) any.push({ name: { in: search.names } });
  if (search.orderId !== null) any.push({ orderId: search.orderId });
  const orders = any.length > 0 ? await db.orderCare.findMany({ where: { shop, OR: any }, select: { orderId: true }, take: 100 }) : [];
  return [...new Set([...orders.map((order) => order.orderId), ...(search.orderId !== null ? [search.orderId] : [])])];
}

async function outboxWhere(db: Db, shop: string, query: OutboxQuery): Promise<Prisma.OutboxMessageWhereInput> {
  const conditions: Prisma.OutboxMessageWhereInput[] = [];
  if (query.statuses.length > 0) conditions.push({ status: { in: query.statuses } });
  if (query.types.length > 0) conditions.push({ type: { in: query.types } });
  if (query.search !== null) conditions.push({ orderId: { in: await searchedOrderIds(db, shop, query.search) } });
  return { shop, AND: conditions };
}

function beyond(cursor: Pick<Cursor, "createdAt" | "id">, side: "older" | "newer"): Prisma.OutboxMessageWhereInput {
  if (side === "older") {
    return { createdAt: { lte: cursor.createdAt }, OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }] };
  }
  return { createdAt: { gte: cursor.createdAt }, OR: [{ createdAt: { gt: cursor.createdAt } }, { id: { gt: cursor.id } }] };
}

const NEWEST_FIRST = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.OutboxMessageOrderByWithRelationInput[];
const OLDEST_FIRST = [{ createdAt: "asc" }, { id: "asc" }] satisfies Prisma.OutboxMessageOrderByWithRelationInput[];

const LIST_COLUMNS = {
  id: true,
  orderId: true,
  type: true,
  locale: true,
  toAddress: true,
  status: true,
  statusReason: true,
  sentAt: true,
  createdAt: true,
} satisfies Prisma.OutboxMessageSelect;

type ListedMessage = Prisma.OutboxMessageGetPayload<{ select: typeof LIST_COLUMNS }>;

export type OutboxPage = { messages: ListedMessage[]; total: number; offset: number; previousCursor: string | null; nextCursor: string | null };

export async function listOutboxMessages(db: Db, shop: string, query: OutboxQuery, pageSize = MESSAGES_PER_PAGE): Promise<OutboxPage> {
  const where = await outboxWhere(db, shop, query);
  const cursor = query.cursor;
  let messages: ListedMessage[] = [];
  if (cursor?.direction === "before") {
    const newer = await db.outboxMessage.findMany({ where: { AND: [where, beyond(cursor, "newer")] }, orderBy: OLDEST_FIRST, take: pageSize, select: LIST_COLUMNS });
    // Fewer than a page newer than the cursor: that is the start of the list, shown whole.
    if (newer.length === pageSize) messages = newer.reverse();
  } else if (cursor?.direction === "after") {
    messages = await db.outboxMessage.findMany({ where: { AND: [where, beyond(cursor, "older")] }, orderBy: NEWEST_FIRST, take: pageSize, select: LIST_COLUMNS });
  }
  const fromStart = messages.length === 0;
  if (fromStart) messages = await db.outboxMessage.findMany({ where, orderBy: NEWEST_FIRST, take: pageSize, select: LIST_COLUMNS });

  const first = messages[0];
  const last = messages.at(-1);
  const [total, offset] = await Promise.all([
    db.outboxMessage.count({ where }),
    first && !fromStart ? db.outboxMessage.count({ where: { AND: [where, beyond(first, "newer")] } }) : Promise.resolve(0),
  ]);
  return {
    messages,
    total,
    offset,
    previousCursor: first && offset > 0 ? encodeCursor(first.createdAt, first.id) : null,
    nextCursor: last && offset + messages.length < total ? encodeCursor(last.createdAt, last.id) : null,
  };
}

/** Order names for a page of messages, in one query. */
async function orderNames(db: Db, shop: string, orderIds: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(orderIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const orders = await db.orderCare.findMany({ where: { shop, orderId: { in: ids } }, select: { orderId: true, name: true } });
  return new Map(orders.map((order) => [order.orderId, order.name]));
}

function orderLink(orderId: string | null, names: Map<string, string>): { name: string; href: string } | null {
  if (!orderId) return null;
  return { name: names.get(orderId) ?? `Order ${orderId}`, href: `/app/orders/${orderId}` };
}

function languageName(locale: string): string {
  return isShopperLocale(locale) ? LOCALE_NAMES[locale] : locale;
}

// ---------------------------------------------------------------------------------------
// The pages as the routes hand them to the browser: every string ready to print.

type When = { iso: string; relative: string; absolute: string };

export type OutboxRow = {
  id: string;
  href: string;
  created: When;
  type: string;
  typeName: string;
  order: { name: string; href: string } | null;
  to: string;
  language: string;
  status: StatusBadge;
  statusReason: string | null;
  sentAt: string | null;
};

export type OutboxListView = {
  rows: OutboxRow[];
  total: number;
  /** "51–100 of 320", or null when nothing matches. */
  range: string | null;
  previousCursor: string | null;
  nextCursor: string | null;
  filtered: boolean;
  /** The shop has any message at all (tells "nothing yet" from "nothing matches"). */
  shopHasMessages: boolean;
  /** No mail server: messages are kept in the outbox. */
  outboxOnly: boolean;
  notices: string[];
  /** The filters applied, as the filter bar shows them. */
  filters: { statuses: OutboxStatus[]; types: MessageType[]; search: string };
  statusChoices: { value: OutboxStatus; label: string }[];
  typeChoices: { value: MessageType; label: string }[];
};

export async function loadOutboxListPage(db: Db, shop: string, params: URLSearchParams, options: { now: Date; pageSize?: number }): Promise<OutboxListView> {
  const { query, notices } = parseOutboxQuery(params);
  const filtered = isFiltered(query);
  const [page, settings] = await Promise.all([
    listOutboxMessages(db, shop, query, options.pageSize),
    db.shopSettings.findUnique({ where: { shop }, select: { smtpHost: true, senderEmail: true, timezone: true } }),
  ]);
  const [names, shopHasMessages] = await Promise.all([
    orderNames(db, shop, page.messages.map((message) => message.orderId)),
    page.total > 0 || !filtered ? Promise.resolve(page.total > 0) : db.outboxMessage.findFirst({ where: { shop }, select: { id: true } }).then((row) => row !== null),
  ]);
  const zone = usableTimeZone(settings?.timezone);
  return {
    rows: page.messages.map((message) => ({
      id: message.id,
      href: `/app/messages/${message.id}`,
      created: when(message.createdAt, options.now, zone),
      type: message.type,
      typeName: messageTypeName(message.type),
      order: orderLink(message.orderId, names),
      to: message.toAddress,
      language: languageName(message.locale),
      status: outboxStatusBadge(message.status),
      statusReason: message.statusReason,
      sentAt: message.sentAt ? formatDateTime(message.sentAt, zone) : null,
    })),
    total: page.total,
    range:
      page.messages.length > 0
        ? `${(page.offset + 1).toLocaleString("en")}–${(page.offset + page.messages.length).toLocaleString("en")} of ${page.total.toLocaleString("en")}`
        : null,
    previousCursor: page.previousCursor,
    nextCursor: page.nextCursor,
    filtered,
    shopHasMessages,
    outboxOnly: !settings?.smtpHost || !settings.senderEmail,
    notices,
    filters: { statuses: query.statuses, types: query.types, search: query.search ?? "" },
    statusChoices: OUTBOX_STATUSES.map((value) => ({ value, label: STATUS_BADGES[value].label })),
    typeChoices: MESSAGE_TYPES.map((value) => ({ value, label: MESSAGE_TYPE_NAMES[value] })),
  };
}

function when(date: Date, now: Date, zone: string): When {
  return { iso: date.toISOString(), relative: formatRelative(date, now, zone), absolute: formatDateTime(date, zone) };
}

type Attachment = { filename: string; contentType: string; size: string };

function attachmentsOf(json: string | null): Attachment[] {
  if (!json) return [];
  try {
    const value = JSON.parse(json) as unknown;
    if (!Array.isArray(value)) return [];
    return value.flatMap((entry: unknown) => {
      if (typeof entry !== "object" || entry === null) return [];
      const { filename, contentType, contentBase64 } = entry as Record<string, unknown>;
      if (typeof filename !== "string") return [];
      const bytes = typeof contentBase64 === "string" ? Math.floor((contentBase64.replace(/=+$/, "").length * 3) / 4) : 0;
      return [{ filename, contentType: typeof contentType === "string" ? contentType : "application/octet-stream", size: formatBytes(bytes) }];
    });
  } catch {
    return [];
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export type OutboxMessageView = {
  id: string;
  subject: string;
  to: string;
  type: string;
  typeName: string;
  /** The template editor for this message's type and language, when both are known. */
  templateUrl: string | null;
  language: string;
  marketing: boolean;
  order: { name: string; href: string } | null;
  status: StatusBadge;
  statusReason: string | null;
  attempts: number;
  created: string;
  sendAfter: string | null;
  lastAttemptAt: string | null;
  sentAt: string | null;
  html: string;
  text: string;
  attachments: Attachment[];
  /** A suppressed message is never sent again: the shopper said no. */
  canResend: boolean;
};

/** One of the shop's messages; null when the shop has no message with this id. */
export async function loadOutboxMessagePage(db: Db, shop: string, id: string): Promise<OutboxMessageView | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  const [message, settings] = await Promise.all([
    db.outboxMessage.findFirst({ where: { id, shop } }),
    db.shopSettings.findUnique({ where: { shop }, select: { timezone: true } }),
  ]);
  if (!message) return null;
  const zone = usableTimeZone(settings?.timezone);
  const names = await orderNames(db, shop, [message.orderId]);
  const format = (date: Date | null) => (date ? formatDateTime(date, zone) : null);
  return {
    id: message.id,
    subject: message.subject,
    to: message.toAddress,
    type: message.type,
    typeName: messageTypeName(message.type),
    templateUrl: isMessageType(message.type) && isShopperLocale(message.locale) ? templateEditorUrl(message.type, message.locale) : null,
    language: languageName(message.locale),
    marketing: message.marketing,
    order: orderLink(message.orderId, names),
    status: outboxStatusBadge(message.status),
    statusReason: message.statusReason,
    attempts: message.attempts,
    created: formatDateTime(message.createdAt, zone),
    sendAfter: message.status === "queued" && message.sendAfter > message.createdAt ? format(message.sendAfter) : null,
    lastAttemptAt: format(message.lastAttemptAt),
    sentAt: format(message.sentAt),
    html: message.html,
    text: message.text,
    attachments: attachmentsOf(message.attachments),
    canResend: message.status !== "suppressed",
  };
}

function clip(value: string): string {
  return value.length > 30 ? `${value.slice(0, 30)}…` : value;
}
