import { GraphQLError } from "graphql";
import { numericIdOf } from "./gid.ts";
import { matchesSearch, parseSearchQuery } from "./search-query.ts";

export const MAX_PAGE_SIZE = 250;

export type ConnectionArgs = {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
  sortKey?: string | null;
  query?: string | null;
  [arg: string]: unknown;
};

export type Edge = { cursor: string; node: unknown };
export type PageInfo = {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
};
export type Connection = { edges: Edge[]; nodes: unknown[]; pageInfo: PageInfo };

type Fields = Record<string, unknown>;
type CursorPayload = { id?: string; i: number };

/**
 * Relay pagination over a stored array: filter by `query`, order by `sortKey`
 * (records without the key's field fall back to id order), `reverse`, then
 * window by `after`/`before` and `first`/`last`. `searchType` is the node type
 * used to interpret search fields.
 */
export function paginate(items: readonly unknown[], args: ConnectionArgs, searchType: string): Connection {
  const size = requirePageSize(args);
  const ordered = orderItems(filterByQuery(items, args.query, searchType), args);
  let start = args.after ? positionOf(ordered, args.after) + 1 : 0;
  let end = args.before ? positionOf(ordered, args.before) : ordered.length;
  if (args.first != null) end = Math.min(end, start + size.first);
  if (args.last != null) start = Math.max(start, end - size.last);
  const window = ordered.slice(start, Math.max(start, end));
  const edges = window.map((node, offset) => ({ cursor: encodeCursor(node, start + offset), node }));
  return {
    edges,
    nodes: window,
    pageInfo: {
      hasPreviousPage: start > 0,
      hasNextPage: start + window.length < ordered.length,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/**
 * Every item, filtered and ordered like `paginate` but not windowed: what a bulk
 * operation reads, where `first`/`last` are not needed (and are ignored).
 */
export function listAll(items: readonly unknown[], args: ConnectionArgs, searchType: string): Connection {
  const ordered = orderItems(filterByQuery(items, args.query, searchType), args);
  const edges = ordered.map((node, index) => ({ cursor: encodeCursor(node, index), node }));
  return {
    edges,
    nodes: ordered,
    pageInfo: {
      hasPreviousPage: false,
      hasNextPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

function requirePageSize(args: ConnectionArgs): { first: number; last: number } {
  if (args.first == null && args.last == null) {
    throw new GraphQLError("you must provide one of first or last");
  }
  for (const name of ["first", "last"] as const) {
    const value = args[name];
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw new GraphQLError(`${name} must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`);
    }
  }
  return { first: args.first ?? MAX_PAGE_SIZE, last: args.last ?? MAX_PAGE_SIZE };
}

export function filterByQuery(items: readonly unknown[], query: string | null | undefined, searchType: string): unknown[] {
  if (!query) return [...items];
  const parsed = parseSearchQuery(query);
  return items.filter((item) => !isFields(item) || matchesSearch(item, parsed, searchTypeOf(item, searchType)));
}

function searchTypeOf(item: Fields, fallback: string): string {
  return typeof item.__typename === "string" ? item.__typename : fallback;
}

function orderItems(items: unknown[], args: ConnectionArgs): unknown[] {
  const sorted = args.sortKey ? [...items].sort(comparatorFor(args.sortKey, items)) : items;
  return args.reverse ? sorted.reverse() : sorted;
}

function comparatorFor(sortKey: string, items: readonly unknown[]): (a: unknown, b: unknown) => number {
  const field = sortKey.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  const useField = sortKey !== "ID" && items.some((item) => isFields(item) && item[field] != null);
  return (a, b) => (useField ? compareValues(fieldOf(a, field), fieldOf(b, field)) : 0) || compareIds(a, b);
}

function fieldOf(item: unknown, field: string): unknown {
  return isFields(item) ? item[field] : undefined;
}

function compareIds(a: unknown, b: unknown): number {
  const idA = String(fieldOf(a, "id") ?? "");
  const idB = String(fieldOf(b, "id") ?? "");
  const numeric = compareValues(numericIdOf(idA), numericIdOf(idB));
  return numeric || (idA < idB ? -1 : idA > idB ? 1 : 0);
}

/** Missing values sort first; numbers numerically; everything else as strings (ISO dates sort correctly). */
function compareValues(a: unknown, b: unknown): number {
  const missingA = a == null || Number.isNaN(a);
  const missingB = b == null || Number.isNaN(b);
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? -1 : 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  const textA = String(a);
  const textB = String(b);
  return textA < textB ? -1 : textA > textB ? 1 : 0;
}

function encodeCursor(node: unknown, index: number): string {
  const id = fieldOf(node, "id");
  const payload: CursorPayload = typeof id === "string" ? { id, i: index } : { i: index };
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

function positionOf(ordered: readonly unknown[], cursor: string): number {
  const payload = decodeCursor(cursor);
  if (payload.id !== undefined) {
    const index = ordered.findIndex((item) => fieldOf(item, "id") === payload.id);
    if (index >= 0) return index;
  }
  return Math.min(payload.i, ordered.length);
}

function decodeCursor(cursor: string): CursorPayload {
  try {
    const payload: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (isFields(payload) && typeof payload.i === "number") {
      return { i: payload.i, ...(typeof payload.id === "string" ? { id: payload.id } : {}) };
    }
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError(`Invalid cursor: ${cursor}`);
}

function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
