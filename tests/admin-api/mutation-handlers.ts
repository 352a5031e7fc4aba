import { existsSync, readdirSync, readFileSync } from "node:fs";
import { getNamedType, isListType, isNonNullType, isObjectType } from "graphql";
import {
  metafieldWriteProblems,
  ownerSupportsMetafields,
  storedMetafields,
  writeMetafield,
  type MetafieldWrite,
} from "./metafields.ts";
import { registerMutation, type MutationContext } from "./mutation-registry.ts";
import { loadAdminSchema } from "./schema.ts";
import type { AdminStore, NodeRecord } from "./store.ts";

type Fields = Record<string, unknown>;
type UserError = { field: string[] | null; message: string };
type MetafieldsSetUserError = UserError & { code: string; elementIndex: number | null };

export const MAX_METAFIELDS_PER_SET = 25;

/** Tags are case-insensitively unique; an input tag may hold several comma-separated tags. */
export function normalizeTags(tags: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags.flatMap((value) => String(value).split(","))) {
    const trimmed = tag.trim();
    if (trimmed && !seen.has(trimmed.toLowerCase())) {
      seen.add(trimmed.toLowerCase());
      result.push(trimmed);
    }
  }
  return result;
}

function isoNow(ctx: MutationContext): string {
  return new Date(ctx.now()).toISOString();
}

function hasTagsField(record: NodeRecord): boolean {
  const type = loadAdminSchema().getType(record.__typename);
  const tagsType = isObjectType(type) ? type.getFields().tags?.type : undefined;
  return Boolean(tagsType && isNonNullType(tagsType) && isListType(tagsType.ofType) && getNamedType(tagsType).name === "String");
}

function touch(record: NodeRecord, ctx: MutationContext): void {
  const type = loadAdminSchema().getType(record.__typename);
  if (isObjectType(type) && type.getFields().updatedAt) record.updatedAt = isoNow(ctx);
}

function taggableNode(args: Fields, ctx: MutationContext): { node: NodeRecord } | { error: UserError } {
  const node = ctx.shop.nodes.get(String(args.id));
  if (!node) return { error: { field: ["id"], message: "Resource not found" } };
  if (!hasTagsField(node)) return { error: { field: ["id"], message: `${node.__typename} does not support tags` } };
  return { node };
}

function tagsAdd(args: Fields, ctx: MutationContext): Fields {
  const found = taggableNode(args, ctx);
  if ("error" in found) return { node: null, userErrors: [found.error] };
  const current = Array.isArray(found.node.tags) ? found.node.tags : [];
  found.node.tags = normalizeTags([...current, ...(args.tags as unknown[])]);
  touch(found.node, ctx);
  return { node: found.node, userErrors: [] };
}

function tagsRemove(args: Fields, ctx: MutationContext): Fields {
  const found = taggableNode(args, ctx);
  if ("error" in found) return { node: null, userErrors: [found.error] };
  const removed = new Set(normalizeTags(args.tags as unknown[]).map((tag) => tag.toLowerCase()));
  const current = Array.isArray(found.node.tags) ? found.node.tags.map(String) : [];
  found.node.tags = current.filter((tag) => !removed.has(tag.toLowerCase()));
  touch(found.node, ctx);
  return { node: found.node, userErrors: [] };
}

function metafieldsSet(args: Fields, ctx: MutationContext): Fields {
  const inputs = args.metafields as Array<MetafieldWrite & { ownerId: string }>;
  if (inputs.length > MAX_METAFIELDS_PER_SET) {
    const message = `Exceeded the maximum metafields input limit of ${MAX_METAFIELDS_PER_SET}.`;
    return { metafields: [], userErrors: [{ field: ["metafields"], message, code: "LESS_THAN_OR_EQUAL_TO", elementIndex: null }] };
  }
  const userErrors: MetafieldsSetUserError[] = [];
  const owners = inputs.map((input, index) => {
    const owner = ctx.shop.nodes.get(input.ownerId);
    const field = ["metafields", String(index), "ownerId"];
    if (!owner) userErrors.push({ field, message: "Owner does not exist.", code: "INVALID", elementIndex: index });
    else if (!ownerSupportsMetafields(owner)) {
      userErrors.push({ field, message: `${owner.__typename} does not support metafields.`, code: "INVALID", elementIndex: index });
    } else {
      for (const problem of metafieldWriteProblems(owner, input)) {
        userErrors.push({ field: ["metafields", String(index), problem.field], message: problem.message, code: problem.code, elementIndex: index });
      }
    }
    return owner;
  });
  if (userErrors.length > 0) return { metafields: [], userErrors };
  const nowIso = isoNow(ctx);
  const metafields = inputs.map((input, index) => writeMetafield(ctx.store, ctx.shop, owners[index] as NodeRecord, input, nowIso));
  return { metafields, userErrors: [] };
}

const ORDER_SCALAR_INPUTS = ["email", "note", "phone", "poNumber"] as const;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function orderUpdate(args: Fields, ctx: MutationContext): Fields {
  const input = args.input as Fields;
  const order = ctx.shop.nodes.get(String(input.id));
  if (!order || order.__typename !== "Order") {
    return { order: null, userErrors: [{ field: ["id"], message: "Order does not exist" }] };
  }
  const metafieldInputs = (input.metafields as Fields[] | null | undefined) ?? [];
  const writes = metafieldInputs.map((metafield) => metafieldWriteFromInput(order, metafield));
  const userErrors = orderInputProblems(order, input, writes);
  if (userErrors.length > 0) return { order, userErrors };
  for (const name of ORDER_SCALAR_INPUTS) if (name in input) order[name] = input[name];
  if (Array.isArray(input.tags)) order.tags = normalizeTags(input.tags);
  if (Array.isArray(input.customAttributes)) {
    order.customAttributes = (input.customAttributes as Fields[]).map(({ key, value }) => ({ key, value }));
  }
  if (input.shippingAddress) order.shippingAddress = mailingAddress(input.shippingAddress as Fields, order.shippingAddress);
  const nowIso = isoNow(ctx);
  for (const write of writes) writeMetafield(ctx.store, ctx.shop, order, write, nowIso);
  touch(order, ctx);
  return { order, userErrors: [] };
}

function orderInputProblems(order: NodeRecord, input: Fields, writes: MetafieldWrite[]): UserError[] {
  const problems: UserError[] = [];
  if (typeof input.email === "string" && !EMAIL_PATTERN.test(input.email)) {
    problems.push({ field: ["email"], message: "Email is invalid" });
  }
  writes.forEach((write, index) => {
    for (const problem of metafieldWriteProblems(order, write)) {
      problems.push({ field: ["metafields", String(index), problem.field], message: problem.message });
    }
  });
  return problems;
}

/** A MetafieldInput with an `id` updates that metafield; otherwise namespace + key pick it. */
function metafieldWriteFromInput(owner: NodeRecord, input: Fields): MetafieldWrite {
  const existing = storedMetafields(owner).find((metafield) => metafield.id === input.id);
  return {
    namespace: (input.namespace as string | null | undefined) ?? existing?.namespace ?? null,
    key: (input.key as string | null | undefined) ?? existing?.key ?? "",
    type: (input.type as string | null | undefined) ?? null,
    value: (input.value as string | null | undefined) ?? existing?.value ?? "",
  };
}

const ADDRESS_FIELDS = ["address1", "address2", "city", "company", "firstName", "lastName", "phone", "province", "provinceCode", "zip", "country"];

function mailingAddress(input: Fields, previous: unknown): Fields {
  const address: Fields = { ...(typeof previous === "object" && previous !== null ? previous : {}) };
  for (const name of ADDRESS_FIELDS) if (name in input) address[name] = input[name];
  if ("countryCode" in input) address.countryCodeV2 = input.countryCode;
  address.name = [address.firstName, address.lastName].filter(Boolean).join(" ") || null;
  address.coordinatesValidated ??= false;
  address.formatted = (args: Fields) => formatAddress(address, args);
  return address;
}

function formatAddress(address: Fields, args: Fields): string[] {
  const lines = [
    args.withName === true ? address.name : null,
    args.withCompany === false ? null : address.company,
    address.address1,
    address.address2,
    [address.city, address.provinceCode ?? address.province, address.zip].filter(Boolean).join(" "),
    address.country ?? address.countryCodeV2,
  ];
  return lines.filter((line): line is string => typeof line === "string" && line.length > 0);
}

// ---------------------------------------------------------------------------
// flowTriggerReceive: the app's Flow triggers are its extensions of type "flow_trigger"
// (extensions/*/shopify.extension.toml). A call names one by handle and must carry exactly the
// fields it declares: a reference field as `<resource>_id` (a numeric id of a record the shop
// has), any other field under its `key` with a value of its type. Calls are recorded per store
// (flowTriggerCalls) so tests can read what Flow was sent.

export type FlowTriggerField = { type: string; key: string | null; description: string | null };
export type FlowTriggerDefinition = { handle: string; name: string; fields: FlowTriggerField[]; file: string };
export type FlowTriggerCallRecord = {
  shop: string;
  at: number;
  handle: string;
  payload: unknown;
  /** Empty when the trigger was accepted. */
  userErrors: UserError[];
};

/** Flow refuses payloads over 50 KB. */
export const MAX_FLOW_PAYLOAD_BYTES = 50_000;

const EXTENSIONS_DIR = new URL("../../extensions/", import.meta.url);
const flowCalls = new WeakMap<AdminStore, FlowTriggerCallRecord[]>();

/** Every flowTriggerReceive the store answered (accepted or not), oldest first. */
export function flowTriggerCalls(store: AdminStore, shopDomain?: string): FlowTriggerCallRecord[] {
  return (flowCalls.get(store) ?? []).filter((call) => shopDomain === undefined || call.shop === shopDomain);
}

type TomlValue = string | number | boolean | TomlValue[] | TomlTable;
export type TomlTable = { [key: string]: TomlValue };

/**
 * Reads the part of TOML the extension files use: comments, `[table]` and `[[array.of.tables]]`
 * headers, and `key = value` lines whose value is a one-line string, number, boolean or array
 * of those. Anything else (multi-line strings, inline tables, dotted keys) is an error.
 */
export function parseTomlSubset(text: string): TomlTable {
  const root: TomlTable = {};
  let current = root;
  text.split(/\r?\n/).forEach((raw, index) => {
    const fail = (why: string): never => {
      throw new Error(`TOML line ${index + 1}: ${why}: ${raw.trim()}`);
    };
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const header = /^(\[\[?)\s*([A-Za-z0-9_.-]+)\s*(\]\]?)\s*(#.*)?$/.exec(line);
    if (header) {
      const [, open, dotted = "", close] = header;
      if (open?.length !== close?.length) fail("unbalanced table header");
      const path = dotted.split(".");
      const last = path.pop() as string;
      const parent = tableAt(root, path, fail);
      if (open === "[[") {
        const list = parent[last] ?? (parent[last] = []);
        if (!Array.isArray(list)) fail(`${dotted} is not an array of tables`);
        const table: TomlTable = {};
        (list as TomlValue[]).push(table);
        current = table;
      } else {
        current = tableAt(parent, [last], fail);
      }
      return;
    }
    const reader = { text: line, at: 0 };
    const key = readTomlKey(reader, fail);
    skipSpaces(reader);
    if (reader.text[reader.at] !== "=") fail("expected '='");
    reader.at += 1;
    const value = readTomlValue(reader, fail);
    skipSpaces(reader);
    if (reader.at < reader.text.length && reader.text[reader.at] !== "#") fail("unexpected text after the value");
    if (key in current) fail(`duplicate key ${key}`);
    current[key] = value;
  });
  return root;
}

function tableAt(root: TomlTable, path: string[], fail: (why: string) => never): TomlTable {
  let table = root;
  for (const name of path) {
    const next = table[name] ?? (table[name] = {});
    const resolved = Array.isArray(next) ? next[next.length - 1] : next;
    if (typeof resolved !== "object" || resolved === null || Array.isArray(resolved)) return fail(`${name} is not a table`);
    table = resolved;
  }
  return table;
}

type TomlReader = { text: string; at: number };

function skipSpaces(reader: TomlReader): void {
  while (reader.text[reader.at] === " " || reader.text[reader.at] === "\t") reader.at += 1;
}

function readTomlKey(reader: TomlReader, fail: (why: string) => never): string {
  skipSpaces(reader);
  if (reader.text[reader.at] === '"' || reader.text[reader.at] === "'") return readTomlString(reader, fail);
  const bare = /^[A-Za-z0-9_-]+/.exec(reader.text.slice(reader.at));
  if (!bare) return fail("expected a key");
  reader.at += bare[0].length;
  return bare[0];
}

function readTomlString(reader: TomlReader, fail: (why: string) => never): string {
  const quote = reader.text[reader.at];
  if (reader.text.startsWith(quote === '"' ? '"""' : "'''", reader.at)) fail("multi-line strings are not supported");
  reader.at += 1;
  let value = "";
  while (reader.at < reader.text.length) {
    const char = reader.text[reader.at] as string;
    reader.at += 1;
    if (char === quote) return value;
    if (char === "\\" && quote === '"') {
      const escape = reader.text[reader.at] ?? "";
      reader.at += 1;
      const simple: Record<string, string> = { '"': '"', "\\": "\\", n: "\n", t: "\t", r: "\r", b: "\b", f: "\f" };
      if (escape in simple) value += simple[escape];
      else if (escape === "u" && /^[0-9A-Fa-f]{4}$/.test(reader.text.slice(reader.at, reader.at + 4))) {
        value += String.fromCharCode(parseInt(reader.text.slice(reader.at, reader.at + 4), 16));
        reader.at += 4;
      } else fail(`unsupported escape \\${escape}`);
    } else value += char;
  }
  return fail("unterminated string");
}

function readTomlValue(reader: TomlReader, fail: (why: string) => never): TomlValue {
  skipSpaces(reader);
  const rest = reader.text.slice(reader.at);
  if (rest.startsWith('"') || rest.startsWith("'")) return readTomlString(reader, fail);
  if (rest.startsWith("[")) {
    reader.at += 1;
    const items: TomlValue[] = [];
    for (;;) {
      skipSpaces(reader);
      if (reader.text[reader.at] === "]") {
        reader.at += 1;
        return items;
      }
      items.push(readTomlValue(reader, fail));
      skipSpaces(reader);
      if (reader.text[reader.at] === ",") reader.at += 1;
      else if (reader.text[reader.at] !== "]") fail("expected ',' or ']' in an array");
    }
  }
  const scalar = /^(true|false|[+-]?\d[\d_]*(\.\d+)?([eE][+-]?\d+)?)(?=\s|,|\]|#|$)/.exec(rest);
  if (!scalar) return fail("unsupported value");
  reader.at += scalar[0].length;
  if (scalar[0] === "true" || scalar[0] === "false") return scalar[0] === "true";
  return Number(scalar[0].replaceAll("_", ""));
}

/** The flow_trigger extensions under extensions/, read once per process. */
let flowTriggerCache: FlowTriggerDefinition[] | undefined;

export function flowTriggerDefinitions(): FlowTriggerDefinition[] {
  if (flowTriggerCache) return flowTriggerCache;
  const definitions: FlowTriggerDefinition[] = [];
  const directories = existsSync(EXTENSIONS_DIR) ? readdirSync(EXTENSIONS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()) : [];
  for (const directory of directories) {
    const file = new URL(`${directory.name}/shopify.extension.toml`, EXTENSIONS_DIR);
    if (!existsSync(file)) continue;
    const toml = parseTomlSubset(readFileSync(file, "utf8"));
    const extensions = Array.isArray(toml.extensions) ? (toml.extensions as TomlTable[]) : [];
    for (const extension of extensions.filter((candidate) => candidate.type === "flow_trigger")) {
      const settings = (toml.settings ?? {}) as TomlTable;
      const fields = (Array.isArray(settings.fields) ? (settings.fields as TomlTable[]) : []).map((field) => ({
        type: String(field.type),
        key: typeof field.key === "string" ? field.key : null,
        description: typeof field.description === "string" ? field.description : null,
      }));
      definitions.push({ handle: String(extension.handle), name: String(extension.name), fields, file: `extensions/${directory.name}/shopify.extension.toml` });
    }
  }
  flowTriggerCache = definitions;
  return definitions;
}

const REFERENCE_TYPES: Record<string, { payloadKey: string; typename: string }> = {
  customer_reference: { payloadKey: "customer_id", typename: "Customer" },
  order_reference: { payloadKey: "order_id", typename: "Order" },
  product_reference: { payloadKey: "product_id", typename: "Product" },
};

/** The payload key a declared field is sent under. */
export function flowPayloadKey(field: FlowTriggerField): string {
  return REFERENCE_TYPES[field.type]?.payloadKey ?? field.key ?? "";
}

/** Problems with one declared field's value: wrong type, or a reference to nothing. */
function flowFieldProblem(field: FlowTriggerField, value: unknown, ctx: MutationContext): string | null {
  const reference = REFERENCE_TYPES[field.type];
  if (reference) {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) return `must be the numeric id of a ${reference.typename}`;
    return ctx.shop.nodes.has(`gid://shopify/${reference.typename}/${value}`) ? null : `${reference.typename} ${value} does not exist`;
  }
  switch (field.type) {
    case "single_line_text_field":
      return typeof value === "string" && !/[\r\n]/.test(value) ? null : "must be a single line of text";
    case "number_decimal":
      return typeof value === "number" && Number.isFinite(value) ? null : "must be a number";
    case "boolean":
      return typeof value === "boolean" ? null : "must be true or false";
    case "email":
      return typeof value === "string" && EMAIL_PATTERN.test(value) ? null : "must be an email address";
    case "url":
      return typeof value === "string" && /^https?:\/\/\S+$/.test(value) ? null : "must be a URL";
    default:
      return field.type.startsWith("schema.") && typeof value === "object" && value !== null ? null : `has a type (${field.type}) the stand-in does not check`;
  }
}

function flowTriggerReceive(args: Fields, ctx: MutationContext): Fields {
  const handle = typeof args.handle === "string" ? args.handle : "";
  const payload = args.payload;
  const userErrors: UserError[] = [];
  const definition = flowTriggerDefinitions().find((candidate) => candidate.handle === handle);
  if (!handle) userErrors.push({ field: ["handle"], message: "A trigger handle is required" });
  else if (!definition) userErrors.push({ field: ["handle"], message: `No trigger with handle '${handle}' exists for this app` });
  else if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    userErrors.push({ field: ["payload"], message: "The payload must be a JSON object" });
  } else if (Buffer.byteLength(JSON.stringify(payload)) > MAX_FLOW_PAYLOAD_BYTES) {
    userErrors.push({ field: ["payload"], message: `The payload is larger than ${MAX_FLOW_PAYLOAD_BYTES} bytes` });
  } else {
    const values = payload as Fields;
    const declared = new Set(definition.fields.map(flowPayloadKey));
    for (const field of definition.fields) {
      const key = flowPayloadKey(field);
      if (!(key in values)) userErrors.push({ field: ["payload", key], message: `Missing required field '${key}'` });
      else {
        const problem = flowFieldProblem(field, values[key], ctx);
        if (problem) userErrors.push({ field: ["payload", key], message: `'${key}' ${problem}` });
      }
    }
    for (const key of Object.keys(values)) {
      if (!declared.has(key)) userErrors.push({ field: ["payload", key], message: `'${key}' is not a field of trigger '${handle}'` });
    }
  }
  const calls = flowCalls.get(ctx.store) ?? [];
  flowCalls.set(ctx.store, calls);
  calls.push({ shop: ctx.shop.domain, at: ctx.now(), handle, payload, userErrors });
  return { userErrors };
}

// ---------------------------------------------------------------------------
// Fulfillment holds. A FulfillmentOrder record keeps its holds in `fulfillmentHolds`; holds the
// stand-in creates are the requesting app's (heldByRequestingApp). ON_HOLD while any remain.

/** Each app may keep this many holds on one fulfillment order. */
export const MAX_HOLDS_PER_APP = 10;
const HOLDABLE_FULFILLMENT_STATUSES = new Set(["OPEN", "ON_HOLD", "SCHEDULED"]);

type HoldUserError = UserError & { code: string };

function fulfillmentOrderHold(args: Fields, ctx: MutationContext): Fields {
  const fulfillmentOrder = ctx.shop.nodes.get(String(args.id));
  const input = args.fulfillmentHold as Fields;
  const fail = (error: HoldUserError) => ({ fulfillmentHold: null, fulfillmentOrder: fulfillmentOrder ?? null, remainingFulfillmentOrder: null, userErrors: [error] });
  if (!fulfillmentOrder || fulfillmentOrder.__typename !== "FulfillmentOrder") {
    return fail({ field: ["id"], message: "Fulfillment order does not exist.", code: "FULFILLMENT_ORDER_NOT_FOUND" });
  }
  if (!HOLDABLE_FULFILLMENT_STATUSES.has(String(fulfillmentOrder.status))) {
    return fail({ field: ["id"], message: `The fulfillment order cannot be held: its status is ${String(fulfillmentOrder.status)}.`, code: "TAKEN" });
  }
  const holds = Array.isArray(fulfillmentOrder.fulfillmentHolds) ? (fulfillmentOrder.fulfillmentHolds as Fields[]) : [];
  const handle = typeof input.handle === "string" ? input.handle : "";
  const ours = holds.filter((hold) => hold.heldByRequestingApp === true);
  if (handle.length > 64) return fail({ field: ["fulfillmentHold", "handle"], message: "Handle is too long (maximum is 64 characters)", code: "TAKEN" });
  if (ours.some((hold) => (hold.handle ?? "") === handle)) {
    return fail({ field: ["fulfillmentHold", "handle"], message: "The handle provided for the fulfillment hold is already in use by this app for another hold on this fulfillment order.", code: "DUPLICATE_FULFILLMENT_HOLD_HANDLE" });
  }
  if (ours.length >= MAX_HOLDS_PER_APP) {
    return fail({ field: ["id"], message: "The maximum number of fulfillment holds for this fulfillment order has been reached for this app.", code: "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED" });
  }
  const reason = String(input.reason);
  const hold = ctx.store.upsertNode(ctx.shop.domain, {
    id: `gid://shopify/FulfillmentHold/${ctx.store.nextNumericId()}`,
    __typename: "FulfillmentHold",
    handle,
    reason,
    reasonNotes: (input.reasonNotes as string | null | undefined) ?? null,
    displayReason: reason === "OTHER" ? "Other" : reason.toLowerCase().replaceAll("_", " "),
    heldByRequestingApp: true,
    heldByApp: null,
  });
  fulfillmentOrder.fulfillmentHolds = [...holds, hold];
  fulfillmentOrder.status = "ON_HOLD";
  touch(fulfillmentOrder, ctx);
  return { fulfillmentHold: hold, fulfillmentOrder, remainingFulfillmentOrder: null, userErrors: [] };
}

function fulfillmentOrderReleaseHold(args: Fields, ctx: MutationContext): Fields {
  const fulfillmentOrder = ctx.shop.nodes.get(String(args.id));
  if (!fulfillmentOrder || fulfillmentOrder.__typename !== "FulfillmentOrder") {
    return { fulfillmentOrder: null, userErrors: [{ field: ["id"], message: "Fulfillment order does not exist.", code: "FULFILLMENT_ORDER_NOT_FOUND" }] };
  }
  const holds = Array.isArray(fulfillmentOrder.fulfillmentHolds) ? (fulfillmentOrder.fulfillmentHolds as Fields[]) : [];
  const holdIds = Array.isArray(args.holdIds) ? new Set(args.holdIds.map(String)) : null;
  const released = holds.filter((hold) => holdIds === null || holdIds.has(String(hold.id)));
  if (released.some((hold) => hold.heldByRequestingApp !== true)) {
    return { fulfillmentOrder, userErrors: [{ field: ["holdIds"], message: "The app cannot release holds placed by another app.", code: "INVALID_ACCESS" }] };
  }
  const remaining = holds.filter((hold) => !released.includes(hold));
  fulfillmentOrder.fulfillmentHolds = remaining;
  if (fulfillmentOrder.status === "ON_HOLD" && remaining.length === 0) fulfillmentOrder.status = "OPEN";
  touch(fulfillmentOrder, ctx);
  return { fulfillmentOrder, userErrors: [] };
}

export function registerBuiltInMutations(): void {
  registerMutation("tagsAdd", tagsAdd);
  registerMutation("tagsRemove", tagsRemove);
  registerMutation("orderUpdate", orderUpdate);
  registerMutation("metafieldsSet", metafieldsSet);
  registerMutation("flowTriggerReceive", flowTriggerReceive);
  registerMutation("fulfillmentOrderHold", fulfillmentOrderHold);
  registerMutation("fulfillmentOrderReleaseHold", fulfillmentOrderReleaseHold);
}

registerBuiltInMutations();
