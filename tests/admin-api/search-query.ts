import { isObjectType } from "graphql";
import { loadAdminSchema } from "./schema.ts";
import { numericIdOf } from "./gid.ts";

/**
 * The subset of Shopify's search syntax the app uses: `field:value`,
 * comparators `:>`, `:>=`, `:<`, `:<=`, quoted values, `-field:value` or
 * `NOT field:value`, space-separated terms ANDed, `OR` between groups, and
 * `field:*` for "has a value". Bare words, parentheses and fields the record's
 * type doesn't have are ignored.
 */
export type Comparator = "=" | ">" | ">=" | "<" | "<=";
export type SearchTerm = { field: string; comparator: Comparator; value: string; negated: boolean };
/** OR of AND-groups. */
export type SearchQuery = SearchTerm[][];

type Fields = Record<string, unknown>;
type TermMatcher = (record: Fields, term: SearchTerm, typename: string) => boolean;

const TERM_PATTERN = /^([a-z_]+):(>=|<=|>|<)?(.*)$/i;

export function parseSearchQuery(query: string): SearchQuery {
  const groups: SearchTerm[][] = [[]];
  let negateNext = false;
  for (const token of tokenize(query)) {
    if (token === "OR") {
      groups.push([]);
      continue;
    }
    if (token === "AND") continue;
    if (token === "NOT") {
      negateNext = true;
      continue;
    }
    const negated = negateNext || token.startsWith("-");
    negateNext = false;
    const match = TERM_PATTERN.exec(negated && token.startsWith("-") ? token.slice(1) : token);
    if (!match) continue;
    const [, field = "", comparator, rawValue = ""] = match;
    groups[groups.length - 1]?.push({
      field: field.toLowerCase(),
      comparator: (comparator ?? "=") as Comparator,
      value: unquote(rawValue),
      negated,
    });
  }
  return groups.filter((group) => group.length > 0);
}

export function matchesSearch(record: Fields, query: SearchQuery, typename: string): boolean {
  if (query.length === 0) return true;
  return query.some((group) => group.every((term) => matchesTerm(record, term, typename)));
}

function matchesTerm(record: Fields, term: SearchTerm, typename: string): boolean {
  const matcher = SPECIAL_FIELDS[term.field] ?? genericMatcher(term.field, typename);
  if (!matcher) return true;
  const result = matcher(record, term, typename);
  return term.negated ? !result : result;
}

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (const char of query) {
    if (quote) {
      current += char;
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      current += char;
      quote = char;
    } else if (/\s/.test(char)) {
      if (current) tokens.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

function unquote(value: string): string {
  const first = value[0];
  if ((first === '"' || first === "'") && value.endsWith(first) && value.length >= 2) {
    return value.slice(1, -1);
  }
  return value;
}

function camelCase(field: string): string {
  return field.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

const ORDER_STATUS: Record<string, (order: Fields) => boolean> = {
  open: (order) => order.closed !== true && !order.cancelledAt,
  closed: (order) => order.closed === true,
  cancelled: (order) => Boolean(order.cancelledAt),
  not_closed: (order) => order.closed !== true,
};

const FULFILLMENT_STATUS_ALIASES: Record<string, string> = {
  shipped: "FULFILLED",
  fulfilled: "FULFILLED",
  unshipped: "UNFULFILLED",
  unfulfilled: "UNFULFILLED",
  partial: "PARTIALLY_FULFILLED",
};

const SPECIAL_FIELDS: Record<string, TermMatcher> = {
  id: (record, term) => compareNumbers(numericIdOf(String(record.id)), Number(term.value), term.comparator),
  tag: (record, term) => hasTag(record, term.value),
  tag_not: (record, term) => !hasTag(record, term.value),
  status: (record, term, typename) => {
    if (term.value === "any") return true;
    const orderStatus = typename === "Order" ? ORDER_STATUS[term.value.toLowerCase()] : undefined;
    return orderStatus ? orderStatus(record) : sameEnum(record.status, term.value);
  },
  financial_status: (record, term) =>
    term.value === "any" || sameEnum(record.displayFinancialStatus, term.value),
  fulfillment_status: (record, term) =>
    term.value === "any" ||
    sameEnum(record.displayFulfillmentStatus, FULFILLMENT_STATUS_ALIASES[term.value.toLowerCase()] ?? term.value),
};

function genericMatcher(field: string, typename: string): TermMatcher | undefined {
  const type = loadAdminSchema().getType(typename);
  const property = camelCase(field);
  if (!isObjectType(type) || !type.getFields()[property]) return undefined;
  return (record, term) => compareValue(record[property], term, field.endsWith("_at"));
}

function compareValue(actual: unknown, term: SearchTerm, isDate: boolean): boolean {
  if (term.value === "*") return actual !== null && actual !== undefined;
  if (actual === null || actual === undefined) return false;
  if (isDate) return compareDates(String(actual), term.value, term.comparator);
  if (typeof actual === "number") return compareNumbers(actual, Number(term.value), term.comparator);
  if (Array.isArray(actual)) return actual.some((item) => stringMatches(String(item), term.value));
  return stringMatches(String(actual), term.value);
}

function stringMatches(actual: string, pattern: string): boolean {
  const a = actual.toLowerCase();
  const p = pattern.toLowerCase();
  return p.endsWith("*") ? a.startsWith(p.slice(0, -1)) : a === p;
}

function hasTag(record: Fields, tag: string): boolean {
  const tags = Array.isArray(record.tags) ? record.tags : [];
  return tags.some((candidate) => String(candidate).toLowerCase() === tag.toLowerCase());
}

function sameEnum(actual: unknown, value: string): boolean {
  return typeof actual === "string" && actual.toUpperCase() === value.toUpperCase();
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Date-only values are whole UTC days: `:2026-10-01` matches any time that day. */
function compareDates(actual: string, value: string, comparator: Comparator): boolean {
  const actualMs = Date.parse(actual);
  const startMs = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(actualMs) || Number.isNaN(startMs)) return false;
  const endMs = DATE_ONLY.test(value) ? startMs + 86_400_000 : startMs + 1;
  switch (comparator) {
    case "=": return actualMs >= startMs && actualMs < endMs;
    case ">": return actualMs >= endMs;
    case ">=": return actualMs >= startMs;
    case "<": return actualMs < startMs;
    case "<=": return actualMs < endMs;
  }
}

function compareNumbers(actual: number, expected: number, comparator: Comparator): boolean {
  if (Number.isNaN(actual) || Number.isNaN(expected)) return false;
  switch (comparator) {
    case "=": return actual === expected;
    case ">": return actual > expected;
    case ">=": return actual >= expected;
    case "<": return actual < expected;
    case "<=": return actual <= expected;
  }
}
