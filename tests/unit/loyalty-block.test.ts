// The loyalty status theme block (extensions/aftercare-theme/blocks/loyalty-status.liquid),
// rendered for a guest and for signed-in customers from the very JSON the app writes to the
// customer metafield, in several languages. theme-check, the translation files and "no
// JavaScript" are covered for every block by tests/unit/theme-extension.test.ts.
//
// Shopify's Liquid is not available offline, so the block is rendered by the small evaluator at
// the end of this file. It knows only what the block uses (assign, if/elsif/else, comparisons,
// and/or, the filters t, escape and plus) and throws on anything else, so a change to the block
// that it cannot follow fails here instead of passing unchecked. Its semantics follow Shopify
// Liquid: nil compared with a number is false, `blank` matches nil, "" and false, and `t` picks
// the plural form of `count` by the language's CLDR rules.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOYALTY_METAFIELD, loyaltyMetafieldValue, loyaltyStanding, type LoyaltyMetafieldValue, type LoyaltyOrder } from "~/loyalty/loyalty-tiers";

const EXTENSION = path.resolve(import.meta.dirname, "../../extensions/aftercare-theme");
const BLOCK = readFileSync(path.join(EXTENSION, "blocks", "loyalty-status.liquid"), "utf8");

type Locale = "en" | "fr" | "uk" | "el" | "pl" | "de" | "es";
const storefrontStrings = (locale: Locale) =>
  JSON.parse(readFileSync(path.join(EXTENSION, "locales", `${locale === "en" ? "en.default" : locale}.json`), "utf8")) as Record<string, unknown>;

type Render = {
  locale?: Locale;
  /** The customer metafield's parsed value; undefined for a signed-in customer without it. */
  loyalty?: unknown;
  guest?: boolean;
  settings?: { heading?: string; show_guest_hint?: boolean };
  designMode?: boolean;
};

function render({ locale = "en", loyalty, guest = false, settings = {}, designMode = false }: Render): string {
  const customer = guest
    ? null
    : { id: 7001, metafields: { [LOYALTY_METAFIELD.namespace]: loyalty === undefined ? {} : { [LOYALTY_METAFIELD.key]: { value: loyalty } } } };
  return renderLiquid(BLOCK, {
    locale,
    strings: storefrontStrings(locale),
    variables: {
      customer,
      block: { settings: { heading: "", show_guest_hint: true, ...settings } },
      request: { design_mode: designMode },
      routes: { account_login_url: "/account/login" },
    },
  });
}

/** What a shopper reads: tags dropped, entities decoded, white space collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

const returning: LoyaltyMetafieldValue = {
  version: 1,
  tier: "Returning customer",
  percent: 5,
  paidOrders: 2,
  nextTier: "Loyal customer",
  nextPercent: 10,
  ordersToNext: 3,
};

describe("the loyalty status block for guests", () => {
  it("shows only a sign-in link to the account login", () => {
    const html = render({ guest: true });
    expect(textOf(html)).toBe("Sign in to see your loyalty rewards");
    expect(html).toMatch(/<a href="\/account\/login">/);
  });

  it("shows guests nothing when the merchant turns the hint off, and the theme editor a note", () => {
    expect(render({ guest: true, settings: { show_guest_hint: false } }).trim()).toBe("");
    expect(textOf(render({ guest: true, settings: { show_guest_hint: false }, designMode: true }))).toBe(
      "Signed-in customers see their loyalty tier here. Only the theme editor shows this note.",
    );
  });

  it("never reads a customer metafield without a customer", () => {
    expect(render({ guest: true, loyalty: returning })).not.toContain("Returning customer");
  });
});

describe("the loyalty status block for signed-in customers", () => {
  it("shows the tier, its discount, the orders left to the next tier and a progress bar", () => {
    const html = render({ loyalty: returning });
    expect(textOf(html)).toBe(
      "Your loyalty rewards Your tier: Returning customer 5% off every order 3 more orders to reach Loyal customer (10% off)",
    );
    expect(html).toMatch(/<progress[^>]*value="2"[^>]*max="5"[^>]*aria-label="Progress to your next tier"/);
  });

  it("says when there is no tier yet, with one order to go (singular)", () => {
    const value = { ...returning, tier: null, percent: 0, paidOrders: 1, nextTier: "Returning customer", nextPercent: 5, ordersToNext: 1 };
    expect(textOf(render({ loyalty: value }))).toBe(
      "Your loyalty rewards You haven’t reached a loyalty tier yet. 1 more order to reach Returning customer (5% off)",
    );
  });

  it("thanks customers at the top tier, without a progress bar", () => {
    const value = { ...returning, tier: "Loyal customer", percent: 10, paidOrders: 6, nextTier: null, nextPercent: null, ordersToNext: null };
    const html = render({ loyalty: value });
    expect(textOf(html)).toBe(
      "Your loyalty rewards Your tier: Loyal customer 10% off every order You’ve reached our highest tier. Thank you for your loyalty!",
    );
    expect(html).not.toContain("<progress");
  });

  it("names the next tier without an order count when only spend is missing", () => {
    const value = { ...returning, nextTier: "Gold", nextPercent: 15, ordersToNext: 0 };
    const html = render({ loyalty: value });
    expect(textOf(html)).toContain("Your next tier: Gold (15% off)");
    expect(html).not.toContain("<progress");
  });

  it.each([
    ["no metafield yet", undefined],
    ["a value of a version it does not know", { ...returning, version: 2 }],
  ])("shows a short note for %s", (_, loyalty) => {
    expect(textOf(render({ loyalty }))).toBe("Your loyalty rewards Your loyalty rewards will appear here after your first order.");
  });

  it("escapes the merchant's tier names and heading", () => {
    const value = { ...returning, tier: `<img src=x onerror="alert(1)">`, nextTier: "Gold & <b>Silver</b>" };
    const html = render({ loyalty: value, settings: { heading: "Rewards <script>" } });
    expect(html).not.toMatch(/<img|<b>|<script/);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("Gold &amp; &lt;b&gt;Silver&lt;/b&gt;");
    expect(textOf(html)).toMatch(/^Rewards <script> Your tier:/);
  });

  it("reads what the app writes: the metafield value from loyaltyMetafieldValue, through JSON", () => {
    const now = new Date("2026-11-20T10:00:00Z");
    const order = (day: number): LoyaltyOrder => ({ orderId: `o${day}`, paidAt: new Date(Date.UTC(2026, 10, day)), cancelledAt: null, refundedFully: false, total: "40.00" });
    const standing = loyaltyStanding({ orders: [order(2), order(9), order(16)] }, [{ name: "Returning customer", minPaidOrders: 2, percent: 5 }, { name: "Loyal customer", minPaidOrders: 5, percent: 10 }], { days: null }, now);
    const written = JSON.parse(JSON.stringify(loyaltyMetafieldValue(standing, now))) as unknown;
    expect(textOf(render({ loyalty: written }))).toBe(
      "Your loyalty rewards Your tier: Returning customer 5% off every order 2 more orders to reach Loyal customer (10% off)",
    );
  });
});

describe("the loyalty status block in other languages", () => {
  it.each([
    ["fr", "Vos avantages fidélité Votre niveau : Returning customer 5 % de remise sur chaque commande Encore 3 commandes pour atteindre le niveau Loyal customer (10 % de remise)"],
    ["de", "Ihre Treuevorteile Ihre Stufe: Returning customer 5 % Rabatt auf jede Bestellung Noch 3 Bestellungen bis zur Stufe Loyal customer (10 % Rabatt)"],
    ["es", "Tus ventajas de fidelidad Tu nivel: Returning customer 5 % de descuento en cada pedido 3 pedidos más para llegar al nivel Loyal customer (10 % de descuento)"],
    ["el", "Οι ανταμοιβές επιβράβευσής σας Το επίπεδό σας: Returning customer Έκπτωση 5% σε κάθε παραγγελία Ακόμη 3 παραγγελίες για το επίπεδο Loyal customer (έκπτωση 10%)"],
  ] as const)("reads naturally in %s", (locale, expected) => {
    expect(textOf(render({ locale, loyalty: returning }))).toBe(expected);
  });

  it.each([
    ["uk", 1, "Ще 1 замовлення до рівня"],
    ["uk", 3, "Ще 3 замовлення до рівня"],
    ["uk", 5, "Ще 5 замовлень до рівня"],
    ["uk", 21, "Ще 21 замовлення до рівня"],
    ["pl", 1, "Jeszcze 1 zamówienie do poziomu"],
    ["pl", 2, "Jeszcze 2 zamówienia do poziomu"],
    ["pl", 5, "Jeszcze 5 zamówień do poziomu"],
    ["pl", 22, "Jeszcze 22 zamówienia do poziomu"],
    ["fr", 1, "Encore 1 commande pour atteindre le niveau"],
    ["en", 1, "1 more order to reach"],
  ] as const)("uses the %s plural form for %i order(s)", (locale, ordersToNext, expected) => {
    expect(textOf(render({ locale, loyalty: { ...returning, ordersToNext } }))).toContain(`${expected} Loyal customer`);
  });
});

describe("the loyalty status block's source", () => {
  it("reads the app-owned customer metafield by the exact namespace and key the app writes", () => {
    expect(BLOCK).toContain(`customer.metafields['${LOYALTY_METAFIELD.namespace}'].${LOYALTY_METAFIELD.key}.value`);
    const code = BLOCK.replace(/{%-?\s*comment\s*-?%}[\s\S]*?{%-?\s*endcomment\s*-?%}/g, "");
    const fields = [...new Set([...code.matchAll(/(?<![.\w])loyalty\.(\w+)/g)].map((match) => match[1]))].sort();
    const written = Object.keys(returning).sort();
    expect(fields.filter((field) => !written.includes(field ?? ""))).toEqual([]);
  });

  it("makes no network call and loads no script", () => {
    expect(BLOCK).not.toMatch(/<script|fetch\(|XMLHttpRequest|{%-?\s*javascript|"javascript"\s*:|asset_url/);
  });

  it("escapes every merchant-written value it prints", () => {
    const printed = [...BLOCK.matchAll(/{{-?\s*((?:loyalty\.(?:tier|nextTier)|block\.settings\.\w+)[^}]*)}}/g)].map((match) => match[1] ?? "");
    expect(printed.length).toBeGreaterThan(0);
    for (const output of printed) expect(output).toMatch(/\|\s*escape\b/);
    expect(BLOCK).toMatch(/assign heading = block\.settings\.heading \| escape/);
  });
});

// ---------------------------------------------------------------------------------------------
// A Liquid evaluator for the subset the block uses (see the top of the file).

type Scope = Record<string, unknown>;
type LiquidContext = { locale: string; strings: Record<string, unknown>; variables: Scope };
type Node =
  | { kind: "text"; text: string }
  | { kind: "output"; expression: string }
  | { kind: "assign"; name: string; expression: string }
  | { kind: "if"; branches: { condition: string | null; body: Node[] }[] };

type Token = { kind: "text"; text: string } | { kind: "tag"; markup: string } | { kind: "output"; markup: string };

function renderLiquid(source: string, context: LiquidContext): string {
  const scope: Scope = { ...context.variables };
  const nodes = parse(tokenize(source));
  return evaluate(nodes, scope, context);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /{%(-?)\s*([\s\S]*?)\s*(-?)%}|{{(-?)\s*([\s\S]*?)\s*(-?)}}/g;
  let last = 0;
  let trimNext = false;
  const pushText = (text: string, trimEnd: boolean) => {
    let value = trimNext ? text.replace(/^\s+/, "") : text;
    if (trimEnd) value = value.replace(/\s+$/, "");
    if (value) tokens.push({ kind: "text", text: value });
  };
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(source))) {
    const isTag = match[2] !== undefined;
    pushText(source.slice(last, match.index), (isTag ? match[1] : match[4]) === "-");
    last = pattern.lastIndex;
    trimNext = (isTag ? match[3] : match[6]) === "-";
    const markup = (isTag ? match[2] : match[5]) ?? "";
    if (!isTag) {
      tokens.push({ kind: "output", markup });
      continue;
    }
    const name = markup.split(/\s+/)[0];
    if (name === "comment" || name === "schema") {
      const end = new RegExp(`{%-?\\s*end${name}\\s*-?%}`, "g");
      end.lastIndex = last;
      const closing = end.exec(source);
      if (!closing) throw new Error(`unclosed ${name}`);
      last = end.lastIndex;
      pattern.lastIndex = last;
      trimNext = closing[0].endsWith("-%}");
    } else if (name === "liquid") {
      for (const line of markup.slice("liquid".length).split("\n")) if (line.trim()) tokens.push({ kind: "tag", markup: line.trim() });
    } else {
      tokens.push({ kind: "tag", markup });
    }
  }
  pushText(source.slice(last), false);
  return tokens;
}

function parse(tokens: Token[]): Node[] {
  let position = 0;
  const block = (closers: string[]): { nodes: Node[]; closer: string } => {
    const nodes: Node[] = [];
    while (position < tokens.length) {
      const token = tokens[position++] as Token;
      if (token.kind === "text") nodes.push({ kind: "text", text: token.text });
      else if (token.kind === "output") nodes.push({ kind: "output", expression: token.markup });
      else {
        const [name = "", ...rest] = token.markup.split(/\s+/);
        const markup = rest.join(" ");
        if (closers.includes(name)) return { nodes, closer: token.markup };
        if (name === "assign") {
          const assignment = /^(\w+)\s*=\s*([\s\S]+)$/.exec(markup);
          if (!assignment) throw new Error(`bad assign: ${markup}`);
          nodes.push({ kind: "assign", name: assignment[1] ?? "", expression: assignment[2] ?? "" });
        } else if (name === "if") {
          const branches: { condition: string | null; body: Node[] }[] = [];
          let condition: string | null = markup;
          for (;;) {
            const { nodes: body, closer } = block(["elsif", "else", "endif"]);
            branches.push({ condition, body });
            const [closerName = "", ...closerRest] = closer.split(/\s+/);
            if (closerName === "endif") break;
            condition = closerName === "else" ? null : closerRest.join(" ");
          }
          nodes.push({ kind: "if", branches });
        } else {
          throw new Error(`the test's Liquid evaluator does not know the tag "${name}"`);
        }
      }
    }
    if (closers.length > 0) throw new Error(`missing ${closers.join("/")}`);
    return { nodes, closer: "" };
  };
  return block([]).nodes;
}

function evaluate(nodes: Node[], scope: Scope, context: LiquidContext): string {
  let out = "";
  for (const node of nodes) {
    if (node.kind === "text") out += node.text;
    else if (node.kind === "output") out += display(expression(node.expression, scope, context));
    else if (node.kind === "assign") scope[node.name] = expression(node.expression, scope, context);
    else {
      const branch = node.branches.find((candidate) => candidate.condition === null || truthy(condition(candidate.condition, scope, context)));
      if (branch) out += evaluate(branch.body, scope, context);
    }
  }
  return out;
}

function display(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

const truthy = (value: unknown) => value !== null && value !== undefined && value !== false;
const BLANK = Symbol("blank");

function condition(markup: string, scope: Scope, context: LiquidContext): unknown {
  const or = markup.split(/\s+or\s+/);
  if (or.length > 1) return or.some((part) => truthy(condition(part, scope, context)));
  const and = markup.split(/\s+and\s+/);
  if (and.length > 1) return and.every((part) => truthy(condition(part, scope, context)));
  const comparison = /^(.+?)\s*(==|!=|>=|<=|>|<)\s*(.+)$/.exec(markup);
  if (!comparison) return operand(markup, scope);
  const [, left = "", operator, right = ""] = comparison;
  const a = operand(left, scope);
  const b = operand(right, scope);
  const isBlank = (value: unknown) => value === null || value === undefined || value === "" || value === false || (Array.isArray(value) && value.length === 0);
  if (operator === "==" || operator === "!=") {
    const equal = b === BLANK ? isBlank(a) : a === BLANK ? isBlank(b) : (a ?? null) === (b ?? null);
    return operator === "==" ? equal : !equal;
  }
  if (typeof a !== "number" || typeof b !== "number") {
    if (a === null || a === undefined || b === null || b === undefined) return false; // Liquid: nil is not comparable
    throw new Error(`cannot compare ${String(a)} ${operator} ${String(b)}`);
  }
  return operator === ">" ? a > b : operator === "<" ? a < b : operator === ">=" ? a >= b : a <= b;
}

function operand(markup: string, scope: Scope): unknown {
  const text = markup.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^'[^']*'$|^"[^"]*"$/.test(text)) return text.slice(1, -1);
  if (text === "true") return true;
  if (text === "false") return false;
  if (text === "nil" || text === "null") return null;
  if (text === "blank" || text === "empty") return BLANK;
  if (!/^[\w-]+(\.[\w-]+|\['[^']*'\])*$/.test(text)) throw new Error(`the test's Liquid evaluator cannot read "${text}"`);
  let value: unknown = scope;
  for (const part of text.matchAll(/([\w-]+)|\['([^']*)'\]/g)) {
    const key = part[1] ?? part[2] ?? "";
    if (value === null || value === undefined) return null;
    if (key === "size" && (Array.isArray(value) || typeof value === "string")) value = value.length;
    else value = typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value ?? null;
}

function expression(markup: string, scope: Scope, context: LiquidContext): unknown {
  const [head = "", ...filters] = splitOutside(markup, "|");
  let value = operand(head, scope);
  for (const filter of filters) {
    const [name = "", argumentText = ""] = splitFirst(filter.trim(), ":");
    const positional: unknown[] = [];
    const named: Record<string, unknown> = {};
    for (const argument of argumentText ? splitOutside(argumentText, ",") : []) {
      const pair = /^\s*(\w+)\s*:\s*(.+)$/.exec(argument);
      if (pair) named[pair[1] ?? ""] = operand(pair[2] ?? "", scope);
      else positional.push(operand(argument, scope));
    }
    value = applyFilter(name.trim(), value, positional, named, context);
  }
  return value;
}

function applyFilter(name: string, value: unknown, positional: unknown[], named: Record<string, unknown>, context: LiquidContext): unknown {
  switch (name) {
    case "escape":
      return display(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
    case "plus":
      return Number(value) + Number(positional[0]);
    case "t": {
      let entry: unknown = context.strings;
      for (const key of display(value).split(".")) entry = (entry as Record<string, unknown> | undefined)?.[key];
      if (entry && typeof entry === "object" && typeof named.count === "number") {
        const forms = entry as Record<string, string>;
        entry = forms[new Intl.PluralRules(context.locale).select(named.count)] ?? forms.other;
      }
      if (typeof entry !== "string") throw new Error(`translation missing: ${context.locale}.${display(value)}`);
      return entry.replace(/{{\s*(\w+)\s*}}/g, (_, key: string) => {
        if (!(key in named)) throw new Error(`${display(value)} needs {{ ${key} }}`);
        return display(named[key]);
      });
    }
    default:
      throw new Error(`the test's Liquid evaluator does not know the filter "${name}"`);
  }
}

function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (const character of text) {
    if (quote) {
      if (character === quote) quote = null;
    } else if (character === "'" || character === '"') quote = character;
    else if (character === separator) {
      parts.push(current);
      current = "";
      continue;
    }
    current += character;
  }
  parts.push(current);
  return parts;
}

function splitFirst(text: string, separator: string): [string, string] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, ""] : [text.slice(0, index), text.slice(index + 1)];
}
