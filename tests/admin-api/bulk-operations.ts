// Bulk query operations, as Shopify runs them.
//
// `bulkOperationRunQuery` checks the inner query like Shopify does (valid against the
// schema, one query, no variables, at least one and at most five connections, nested at
// most two deep, a nested connection's parent selecting `id`), then runs it at once over
// the store, every connection unpaginated (a snapshot of the data at creation), and keeps
// the JSONL result: one line per node of the top-level connection, each nested
// connection's nodes on lines of their own with `__parentId`, lists inline. Children always
// follow their parent, which satisfies `groupObjects` either way.
//
// The BulkOperation record's status follows the stand-in's clock: CREATED at the instant it
// was created, RUNNING for `durationMs` (objectCount growing), then COMPLETED with `url`
// pointing at `GET {origin}/bulk/{id}.jsonl` on the stand-in's server, EXPIRED seven days
// later. `failBulkOperation` makes one FAILED or CANCELED, for tests.

import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
} from "graphql";
import { executeOperation } from "./execute.ts";
import { gidFor } from "./gid.ts";
import { registerMutation, type MutationContext } from "./mutation-registry.ts";
import { connectionNodeType, isConnectionType, loadAdminSchema, parseAndValidate } from "./schema.ts";
import type { AdminStore, NodeRecord, ShopState } from "./store.ts";

export const MAX_BULK_CONNECTIONS = 5;
export const MAX_BULK_CONNECTION_DEPTH = 2;
/** Bulk query operations an app may have under way per shop (API 2026-01 and later). */
export const MAX_CONCURRENT_BULK_QUERIES = 5;
/** How long `url` keeps working after completion. */
export const BULK_RESULT_LIFETIME_MS = 7 * 24 * 3600_000;

export type BulkOperationStatus = "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED" | "EXPIRED";
export type BulkOperationErrorCode = "ACCESS_DENIED" | "INTERNAL_SERVER_ERROR" | "TIMEOUT";
export type BulkUserError = { field: string[] | null; message: string; code: "INVALID" | "LIMIT_REACHED" };

type Fields = Record<string, unknown>;

/** What the stand-in keeps about one bulk operation. */
export type BulkOperationState = {
  id: string;
  numericId: number;
  shop: string;
  query: string;
  createdAt: number;
  durationMs: number;
  jsonl: string;
  objectCount: number;
  rootObjectCount: number;
  /** Execution errors: the operation FAILED with INTERNAL_SERVER_ERROR. */
  errors: readonly GraphQLError[];
  outcome: { status: "FAILED" | "CANCELED"; errorCode: BulkOperationErrorCode | null; at: number } | null;
  now: () => number;
  registry: Registry;
};

type Registry = { origin: string | null; durationMs: number; operations: Map<number, BulkOperationState> };

const registries = new WeakMap<AdminStore, Registry>();

function registryOf(store: AdminStore): Registry {
  let registry = registries.get(store);
  if (!registry) {
    registry = { origin: null, durationMs: 0, operations: new Map() };
    registries.set(store, registry);
  }
  return registry;
}

/** How long new bulk operations of this store stay RUNNING (0 by default: done once the clock moves). */
export function configureBulkOperations(store: AdminStore, options: { durationMs: number }): void {
  registryOf(store).durationMs = options.durationMs;
}

/** Called by the HTTP server: the origin that result URLs point at. */
export function setBulkResultOrigin(store: AdminStore, origin: string): void {
  registryOf(store).origin = origin;
}

export function getBulkOperation(store: AdminStore, id: string): BulkOperationState | undefined {
  const numericId = Number(/\/BulkOperation\/(\d+)$/.exec(id)?.[1]);
  return registryOf(store).operations.get(numericId);
}

/** Ends a CREATED or RUNNING operation as FAILED (with an error code) or CANCELED, now. */
export function failBulkOperation(
  store: AdminStore,
  id: string,
  outcome: { status: "FAILED"; errorCode: BulkOperationErrorCode } | { status: "CANCELED" },
): void {
  const state = getBulkOperation(store, id);
  if (!state) throw new Error(`No bulk operation ${id} in the stand-in`);
  const status = statusAt(state, state.now());
  if (status !== "CREATED" && status !== "RUNNING") throw new Error(`Bulk operation ${id} is already ${status}`);
  state.outcome = { status: outcome.status, errorCode: outcome.status === "FAILED" ? outcome.errorCode : null, at: state.now() };
}

export type BulkFile = { status: 200; jsonl: string } | { status: 403 | 404; message: string };

/** The result file behind `BulkOperation.url`, as the server answers `GET /bulk/{numericId}.jsonl`. */
export function readBulkFile(store: AdminStore, numericId: number): BulkFile {
  const state = registryOf(store).operations.get(numericId);
  if (!state) return { status: 404, message: "No such bulk operation result" };
  const status = statusAt(state, state.now());
  if (status === "EXPIRED") return { status: 403, message: "Request has expired" };
  if (status !== "COMPLETED") return { status: 404, message: `The bulk operation is ${status}; it has no result file` };
  return { status: 200, jsonl: state.jsonl };
}

// ---------------------------------------------------------------------------
// Status over time

function completedAt(state: BulkOperationState): number {
  return state.createdAt + state.durationMs;
}

function statusAt(state: BulkOperationState, now: number): BulkOperationStatus {
  if (state.outcome && now >= state.outcome.at) return state.outcome.status;
  if (now <= state.createdAt) return "CREATED";
  if (now < completedAt(state)) return "RUNNING";
  return now >= completedAt(state) + BULK_RESULT_LIFETIME_MS ? "EXPIRED" : "COMPLETED";
}

/** The share of the work done at `now`, 0..1 (RUNNING grows linearly; a failure freezes it). */
function progressAt(state: BulkOperationState, now: number): number {
  const until = state.outcome ? Math.min(now, state.outcome.at) : now;
  if (until <= state.createdAt) return 0;
  if (state.durationMs <= 0 || until >= completedAt(state)) return 1;
  return (until - state.createdAt) / state.durationMs;
}

/** Without an HTTP server (runOperation), the url names a host that cannot resolve; readBulkFile reads the file. */
const UNSERVED_ORIGIN = "http://admin-api-stand-in.invalid";

function resultUrl(state: BulkOperationState): string {
  return `${state.registry.origin ?? UNSERVED_ORIGIN}/bulk/${state.numericId}.jsonl`;
}

/** The record's changing fields are getters over the state, so every reader sees the clock's status. */
function defineLiveFields(record: NodeRecord, state: BulkOperationState): void {
  const at = () => state.now();
  const live: Record<string, () => unknown> = {
    status: () => statusAt(state, at()),
    errorCode: () => (statusAt(state, at()) === "FAILED" ? state.outcome?.errorCode ?? null : null),
    objectCount: () => String(Math.floor(state.objectCount * progressAt(state, at()))),
    rootObjectCount: () => String(Math.floor(state.rootObjectCount * progressAt(state, at()))),
    fileSize: () => (statusAt(state, at()) === "COMPLETED" && state.objectCount > 0 ? String(Buffer.byteLength(state.jsonl)) : null),
    url: () => (statusAt(state, at()) === "COMPLETED" && state.objectCount > 0 ? resultUrl(state) : null),
    partialDataUrl: () => null,
    completedAt: () => {
      const status = statusAt(state, at());
      if (status === "COMPLETED" || status === "EXPIRED") return new Date(completedAt(state)).toISOString();
      return state.outcome && status === state.outcome.status ? new Date(state.outcome.at).toISOString() : null;
    },
  };
  for (const [name, get] of Object.entries(live)) Object.defineProperty(record, name, { get, enumerable: true, configurable: true });
}

// ---------------------------------------------------------------------------
// The mutation

async function bulkOperationRunQuery(args: Fields, ctx: MutationContext): Promise<Fields> {
  const source = String(args.query);
  const checked = checkBulkQuery(source);
  if (!checked.ok) return { bulkOperation: null, userErrors: [checked.error] };
  const registry = registryOf(ctx.store);
  const now = ctx.now();
  const underway = [...registry.operations.values()].filter(
    (op) => op.shop === ctx.shop.domain && ["CREATED", "RUNNING"].includes(statusAt(op, now)),
  );
  if (underway.length >= MAX_CONCURRENT_BULK_QUERIES) {
    const message = `A maximum of ${MAX_CONCURRENT_BULK_QUERIES} bulk query operations can run at the same time per shop.`;
    return { bulkOperation: null, userErrors: [{ field: null, message, code: "LIMIT_REACHED" }] };
  }
  const result = await executeOperation({ store: ctx.store, shopDomain: ctx.shop.domain, document: checked.document, now: ctx.now, unpaginated: true });
  const lines = result.errors ? { lines: [], rootCount: 0 } : flattenToLines(checked.document, checked.operation, result.data ?? {});
  const numericId = ctx.store.nextNumericId();
  const state: BulkOperationState = {
    id: gidFor("BulkOperation", numericId),
    numericId,
    shop: ctx.shop.domain,
    query: source,
    createdAt: now,
    durationMs: registry.durationMs,
    jsonl: lines.lines.map((line) => `${JSON.stringify(line)}\n`).join(""),
    objectCount: lines.lines.length,
    rootObjectCount: lines.rootCount,
    errors: result.errors ?? [],
    outcome: result.errors ? { status: "FAILED", errorCode: "INTERNAL_SERVER_ERROR", at: now + 1 } : null,
    now: ctx.now,
    registry,
  };
  registry.operations.set(numericId, state);
  const record = ctx.store.upsertNode(ctx.shop.domain, {
    id: state.id,
    __typename: "BulkOperation",
    type: "QUERY",
    query: source,
    createdAt: new Date(now).toISOString(),
  });
  defineLiveFields(record, state);
  serveCurrentBulkOperation(ctx.store, ctx.shop);
  return { bulkOperation: record, userErrors: [] };
}

/** `currentBulkOperation(type:)`: the app's most recent one of that type (only QUERY exists here). */
function serveCurrentBulkOperation(store: AdminStore, shop: ShopState): void {
  shop.queryRoot.currentBulkOperation = (args: Fields) => {
    if ((args.type ?? "QUERY") !== "QUERY") return null;
    const latest = [...registryOf(store).operations.values()].filter((op) => op.shop === shop.domain).at(-1);
    return latest ? (shop.nodes.get(latest.id) ?? null) : null;
  };
}

registerMutation("bulkOperationRunQuery", bulkOperationRunQuery);

// ---------------------------------------------------------------------------
// Checking the inner query

export type CheckedBulkQuery =
  | { ok: true; document: DocumentNode; operation: OperationDefinitionNode }
  | { ok: false; error: BulkUserError };

const invalid = (message: string): CheckedBulkQuery => ({ ok: false, error: { field: ["query"], message, code: "INVALID" } });

export function checkBulkQuery(source: string): CheckedBulkQuery {
  const parsed = parseAndValidate(source);
  if (!parsed.ok) return invalid(`Invalid bulk query: ${parsed.errors.map((error) => error.message).join("; ")}`);
  const operations = parsed.document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const [operation] = operations;
  if (!operation || operations.length > 1 || operation.operation !== "query") {
    return invalid("Bulk queries must contain exactly one query operation.");
  }
  if (operation.variableDefinitions?.length) return invalid("Bulk queries cannot use variables: write the values into the query.");
  const roots = collectFields(loadAdminSchema(), loadAdminSchema().getQueryType() as GraphQLNamedType, operation.selectionSet.selections, fragmentsOf(parsed.document));
  const [root, ...others] = [...roots.values()];
  if (!root || others.length > 0) return invalid("Bulk queries must select a single top-level field.");
  if (root.field.name === "node" || root.field.name === "nodes") return invalid("Bulk queries cannot use the top-level node or nodes fields.");
  const connections = connectionsIn(parsed.document, operation);
  if (connections.length === 0) return invalid("Bulk queries must contain at least one connection.");
  if (connections.length > MAX_BULK_CONNECTIONS) return invalid(`Bulk queries cannot contain more than ${MAX_BULK_CONNECTIONS} connections.`);
  const tooDeep = connections.find((connection) => connection.depth > MAX_BULK_CONNECTION_DEPTH);
  if (tooDeep) {
    return invalid(`Bulk queries cannot contain connections nested more than ${MAX_BULK_CONNECTION_DEPTH} levels deep (${tooDeep.path}).`);
  }
  const orphan = connections.find((connection) => !connection.parentSelectsId);
  if (orphan) return invalid(`The parent 'node' of the nested connection ${orphan.path} must select the 'id' field.`);
  if (!isConnectionType(getNamedType(root.field.type))) {
    return invalid(`The Admin API stand-in only runs bulk queries whose top-level field is a connection (this one is ${root.field.name}).`);
  }
  return { ok: true, document: parsed.document, operation };
}

type ConnectionUse = { path: string; depth: number; parentSelectsId: boolean };
type CollectedField = { field: GraphQLField<unknown, unknown>; selections: SelectionNode[] };

function connectionsIn(document: DocumentNode, operation: OperationDefinitionNode): ConnectionUse[] {
  const schema = loadAdminSchema();
  const fragments = fragmentsOf(document);
  const found: ConnectionUse[] = [];
  const walk = (type: GraphQLNamedType, selections: readonly SelectionNode[], depth: number, path: string, nodeSelectsId: boolean): void => {
    for (const [key, { field, selections: inner }] of collectFields(schema, type, selections, fragments)) {
      const fieldType = getNamedType(field.type);
      const here = path ? `${path}.${key}` : key;
      if (isConnectionType(fieldType)) {
        found.push({ path: here, depth: depth + 1, parentSelectsId: depth === 0 || nodeSelectsId });
        const nodeSelections = nodeSelectionsOf(schema, fieldType, inner, fragments);
        const selectsId = collectFields(schema, connectionNodeType(fieldType), nodeSelections, fragments).has("id");
        walk(connectionNodeType(fieldType), nodeSelections, depth + 1, here, selectsId);
      } else if (isCompositeType(fieldType)) {
        walk(fieldType, inner, depth, here, nodeSelectsId);
      }
    }
  };
  walk(schema.getQueryType() as GraphQLNamedType, operation.selectionSet.selections, 0, "", true);
  return found;
}

/** The selections made on a connection's nodes, through `edges { node }` and `nodes`. */
function nodeSelectionsOf(
  schema: GraphQLSchema,
  connection: GraphQLNamedType,
  selections: readonly SelectionNode[],
  fragments: Map<string, FragmentDefinitionNode>,
): SelectionNode[] {
  const result: SelectionNode[] = [];
  for (const { field, selections: inner } of collectFields(schema, connection, selections, fragments).values()) {
    if (field.name === "nodes") result.push(...inner);
    if (field.name === "edges") {
      const edgeType = getNamedType(field.type);
      for (const edgeField of collectFields(schema, edgeType, inner, fragments).values()) {
        if (edgeField.field.name === "node") result.push(...edgeField.selections);
      }
    }
  }
  return result;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/**
 * Fields by response key. On an abstract type every fragment counts (the data only holds
 * the keys of the type it turned out to be), and a field is looked up on the first
 * possible type that has it.
 */
function collectFields(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  selections: readonly SelectionNode[],
  fragments: Map<string, FragmentDefinitionNode>,
  into = new Map<string, CollectedField>(),
): Map<string, CollectedField> {
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) {
      const field = fieldOn(schema, type, selection.name.value);
      if (!field) continue;
      const key = selection.alias?.value ?? selection.name.value;
      const previous = into.get(key);
      into.set(key, { field, selections: [...(previous?.selections ?? []), ...(selection.selectionSet?.selections ?? [])] });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectFields(schema, type, selection.selectionSet.selections, fragments, into);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) collectFields(schema, type, fragment.selectionSet.selections, fragments, into);
    }
  }
  return into;
}

function fieldOn(schema: GraphQLSchema, type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(type) || isInterfaceType(type)) {
    const field = type.getFields()[name];
    if (field) return field;
  }
  if (!isAbstractType(type)) return undefined;
  for (const possible of schema.getPossibleTypes(type)) {
    const field = possible.getFields()[name];
    if (field) return field;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// The JSONL result

type Lines = { lines: Fields[]; rootCount: number };

/** One line per node: the top-level connection's, then nested connections' with `__parentId`, parents first. */
function flattenToLines(document: DocumentNode, operation: OperationDefinitionNode, data: Fields): Lines {
  const schema = loadAdminSchema();
  const fragments = fragmentsOf(document);
  const lines: Fields[] = [];
  let rootCount = 0;

  // Copies an object without its connections, which are emitted (after the line holding
  // this object) with the enclosing node's id as their parent.
  const copyFields = (value: Fields, type: GraphQLNamedType, selections: readonly SelectionNode[], parentId: string | null, deferred: Array<() => void>): Fields => {
    const fields = collectFields(schema, type, selections, fragments);
    const copy: Fields = {};
    for (const [key, item] of Object.entries(value)) {
      const planned = fields.get(key);
      const fieldType = planned ? getNamedType(planned.field.type) : undefined;
      if (planned && fieldType && isConnectionType(fieldType)) {
        deferred.push(() => emitConnection(item, fieldType, planned.selections, parentId));
      } else if (planned && fieldType && isCompositeType(fieldType)) {
        copy[key] = copyValue(item, fieldType, planned.selections, parentId, deferred);
      } else {
        copy[key] = item;
      }
    }
    return copy;
  };

  const copyValue = (value: unknown, type: GraphQLNamedType, selections: readonly SelectionNode[], parentId: string | null, deferred: Array<() => void>): unknown => {
    if (Array.isArray(value)) return value.map((item) => copyValue(item, type, selections, parentId, deferred));
    return isFields(value) ? copyFields(value, type, selections, parentId, deferred) : value;
  };

  const emitConnection = (value: unknown, connection: GraphQLObjectType, selections: readonly SelectionNode[], parentId: string | null): void => {
    if (!isFields(value)) return;
    const nodeType = connectionNodeType(connection);
    const nodeSelections = nodeSelectionsOf(schema, connection, selections, fragments);
    for (const node of nodesOf(value)) {
      if (!isFields(node)) continue;
      const deferred: Array<() => void> = [];
      const line = copyFields(node, nodeType, nodeSelections, typeof node.id === "string" ? node.id : null, deferred);
      if (parentId === null) rootCount += 1;
      else line.__parentId = parentId;
      lines.push(line);
      for (const emit of deferred) emit();
    }
  };

  const rootType = schema.getQueryType() as GraphQLNamedType;
  for (const [key, { field, selections }] of collectFields(schema, rootType, operation.selectionSet.selections, fragments)) {
    const fieldType = getNamedType(field.type);
    if (isConnectionType(fieldType)) emitConnection(data[key], fieldType, selections, null);
  }
  return { lines, rootCount };
}

function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function nodesOf(connection: Fields): unknown[] {
  if (Array.isArray(connection.nodes)) return connection.nodes;
  if (Array.isArray(connection.edges)) return connection.edges.map((edge) => (isFields(edge) ? edge.node : null));
  return [];
}
