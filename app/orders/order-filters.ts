// The Orders list's state lives in its URL: search, filters and the page cursor. This reads it
// and writes it back. Links get shared, edited by hand and outlive releases, so anything that
// is not understood is dropped with a notice for the merchant, never an error.

export const FULFILLMENT_FILTERS = ["unfulfilled", "partial", "fulfilled"] as const;
export const PAYMENT_FILTERS = ["paid", "pending", "refunded", "partially_refunded", "voided"] as const;

export type FulfillmentFilter = (typeof FULFILLMENT_FILTERS)[number];
export type PaymentFilter = (typeof PAYMENT_FILTERS)[number];

/** How the filter bar names each choice. */
export const FILTER_CHOICES = {
  fulfillment: { unfulfilled: "Unfulfilled", partial: "Partially fulfilled", fulfilled: "Fulfilled" } satisfies Record<FulfillmentFilter, string>,
  payment: { paid: "Paid", pending: "Pending", refunded: "Refunded", partially_refunded: "Partially refunded", voided: "Voided" } satisfies Record<PaymentFilter, string>,
  cancelled: { yes: "Cancelled", no: "Not cancelled" },
  cashOnDelivery: { yes: "Cash on delivery", no: "Paid another way" },
} as const;

/** What a search box entry can match; the list matches any of the fields that are set. */
export type OrderSearch = {
  text: string;
  /** The order number ("1042" or "#1042"), when it fits the column. */
  number: number | null;
  /** Order names compared exactly, for a search that is not a number ("EU-1042-A"). */
  names: string[];
  customerId: string | null;
  /** Shopify's order id, as found in the admin's order URL. */
  orderId: string | null;
};

/** A position in the list, newest first: the (placedAt, orderId) of the row next to the page. */
export type PageCursor = { direction: "after" | "before"; placedAt: Date; orderId: string };

export type OrderListQuery = {
  search: OrderSearch | null;
  fulfillment: FulfillmentFilter[];
  payment: PaymentFilter[];
  /** true: cancelled orders only; false: orders that are not cancelled. */
  cancelled: boolean | null;
  cashOnDelivery: boolean | null;
  cursor: PageCursor | null;
};

export type ParsedOrderListQuery = { query: OrderListQuery; notices: string[] };

/** The URL parameters the list reads. Any other parameter (Shopify adds several) is left alone. */
export const LIST_PARAMS = {
  search: "q",
  fulfillment: "fulfillment",
  payment: "payment",
  cancelled: "cancelled",
  cashOnDelivery: "cod",
  after: "after",
  before: "before",
} as const;

const MAX_SEARCH_LENGTH = 100;
// OrderCare.number is a 32-bit integer on PostgreSQL: a longer number is no order number.
const MAX_ORDER_NUMBER = 2_147_483_647;

export function parseOrderListQuery(params: URLSearchParams): ParsedOrderListQuery {
  const notices: string[] = [];
  const search = parseOrderSearch(params.get(LIST_PARAMS.search) ?? "", notices);
  const fulfillment = parseChoices(params, LIST_PARAMS.fulfillment, FULFILLMENT_FILTERS, "fulfillment status", notices);
  const payment = parseChoices(params, LIST_PARAMS.payment, PAYMENT_FILTERS, "payment status", notices);
  const cancelled = parseYesNo(params, LIST_PARAMS.cancelled, "cancelled", notices);
  const cashOnDelivery = parseYesNo(params, LIST_PARAMS.cashOnDelivery, "cash on delivery", notices);
  const cursor = parseCursorParams(params, notices);
  return { query: { search, fulfillment, payment, cancelled, cashOnDelivery, cursor }, notices };
}

export function parseOrderSearch(raw: string, notices: string[] = []): OrderSearch | null {
  let text = raw.trim().replace(/\s+/g, " ");
  if (text === "") return null;
  if (text.length > MAX_SEARCH_LENGTH) {
    notices.push(`The search was shortened to its first ${MAX_SEARCH_LENGTH} characters.`);
    text = text.slice(0, MAX_SEARCH_LENGTH).trim();
  }
  const search: OrderSearch = { text, number: null, names: [], customerId: null, orderId: null };

  const customer = /^(?:gid:\/\/shopify\/Customer\/|customer:\s*)(\d{1,20})$/i.exec(text);
  if (customer?.[1]) return { ...search, customerId: customer[1] };

  const order = /^(?:gid:\/\/shopify\/Order\/|order:\s*)(\d{1,20})$/i.exec(text);
  if (order?.[1]) return { ...search, orderId: order[1] };

  // A number is an order number (whatever the shop's name format, "#1042" or "EU1042-A"), a
  // customer id or an order id: each of the three has an index, so the search stays cheap.
  const digits = /^#?\s*(\d{1,20})$/.exec(text)?.[1];
  if (digits) {
    const value = Number(digits);
    return { ...search, number: value <= MAX_ORDER_NUMBER ? value : null, customerId: digits, orderId: digits };
  }
  return { ...search, names: text.startsWith("#") ? [text] : [text, `#${text}`] };
}

function parseChoices<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[], what: string, notices: string[]): T[] {
  const chosen: T[] = [];
  const values = params.getAll(key).flatMap((value) => value.split(","));
  for (const value of values.map((entry) => entry.trim().toLowerCase())) {
    if (value === "") continue;
    const match = allowed.find((choice) => choice === value);
    if (!match) notices.push(`Ignored the unknown ${what} filter “${clip(value)}”.`);
    else if (!chosen.includes(match)) chosen.push(match);
  }
  return chosen;
}

function parseYesNo(params: URLSearchParams, key: string, what: string, notices: string[]): boolean | null {
  const value = params.get(key)?.trim().toLowerCase();
  if (value === undefined || value === "") return null;
  if (value === "yes") return true;
  if (value === "no") return false;
  notices.push(`Ignored the ${what} filter “${clip(value)}”: it should be “yes” or “no”.`);
  return null;
}

function parseCursorParams(params: URLSearchParams, notices: string[]): PageCursor | null {
  const after = params.get(LIST_PARAMS.after);
  const before = params.get(LIST_PARAMS.before);
  if (after === null && before === null) return null;
  const direction = after !== null ? "after" : "before";
  const cursor = decodeCursor(direction, (after ?? before) as string);
  if (!cursor) notices.push("That page link is not valid any more, so the list starts from the newest orders.");
  return cursor;
}

/** "<placedAt epoch ms>-<orderId>": short, readable, and safe in a URL without escaping. */
export function encodeCursor(placedAt: Date, orderId: string): string {
  return `${placedAt.getTime()}-${orderId}`;
}

export function decodeCursor(direction: PageCursor["direction"], value: string): PageCursor | null {
  const match = /^(\d{1,15})-(\d{1,20})$/.exec(value.trim());
  if (!match?.[1] || !match[2]) return null;
  const placedAt = new Date(Number(match[1]));
  if (Number.isNaN(placedAt.getTime())) return null;
  return { direction, placedAt, orderId: match[2] };
}

export function hasSearchOrFilters(query: OrderListQuery): boolean {
  return (
    query.search !== null ||
    query.fulfillment.length > 0 ||
    query.payment.length > 0 ||
    query.cancelled !== null ||
    query.cashOnDelivery !== null
  );
}

/**
 * The list's URL after a change of search or filters: the page cursor is dropped (the new
 * result starts at its newest order) and parameters that are not the list's are kept.
 */
export function withListChange(
  params: URLSearchParams,
  change: Partial<Record<Exclude<keyof typeof LIST_PARAMS, "after" | "before">, string | string[] | null>>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete(LIST_PARAMS.after);
  next.delete(LIST_PARAMS.before);
  for (const [name, value] of Object.entries(change)) {
    const key = LIST_PARAMS[name as keyof typeof change];
    const text = Array.isArray(value) ? value.join(",") : (value ?? "");
    if (text === "") next.delete(key);
    else next.set(key, text);
  }
  return next;
}

/** The list's URL with every search and filter removed. */
export function withoutSearchOrFilters(params: URLSearchParams): URLSearchParams {
  return withListChange(params, { search: null, fulfillment: null, payment: null, cancelled: null, cashOnDelivery: null });
}

/** The list's URL for another page of the same result. */
export function withCursor(params: URLSearchParams, direction: PageCursor["direction"], cursor: string): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete(LIST_PARAMS.after);
  next.delete(LIST_PARAMS.before);
  next.set(LIST_PARAMS[direction], cursor);
  return next;
}

function clip(value: string): string {
  return value.length > 30 ? `${value.slice(0, 30)}…` : value;
}
