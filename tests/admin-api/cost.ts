import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLFormattedError,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionNode,
} from "graphql";
import { typenameFromGid } from "./gid.ts";
import { connectionEdgeType, connectionNodeType, isConnectionType, loadAdminSchema } from "./schema.ts";
import type { ShopPlan } from "./store.ts";

/*
 * Query cost, modelled on Shopify's published rules:
 *   scalar / enum                 0
 *   object                        1 + its selections
 *   list of objects               size × (1 + selections) when sized by a `first`
 *                                 argument or an `ids` list (`nodes(ids:)`); an unsized
 *                                 list is priced as one object
 *   interface / union             1 + the most expensive possible type's selections
 *   connection                    2 + size × per-item cost, where size is `first` or
 *                                 `last` (DEFAULT_CONNECTION_SIZE when neither is given;
 *                                 execution rejects such queries anyway) and the per-item
 *                                 cost is the dearer of the `nodes` and `edges` branches
 *                                 (`edges` itself and `pageInfo` are free)
 *   mutation root field           10 + the payload's selections (the payload object itself is free)
 *
 * The actual cost walks the returned data with the same rules: connections are
 * charged for the items they returned, and null objects cost nothing. So
 * actualQueryCost <= requestedQueryCost.
 */
export const MAX_QUERY_COST = 1000;
export const MUTATION_FIELD_COST = 10;
export const CONNECTION_BASE_COST = 2;
export const DEFAULT_CONNECTION_SIZE = 1;

export type PlanLimit = { restoreRate: number; maximumAvailable: number };

export const PLAN_LIMITS: Record<ShopPlan, PlanLimit> = {
  standard: { restoreRate: 100, maximumAvailable: 2000 },
  advanced: { restoreRate: 200, maximumAvailable: 4000 },
  plus: { restoreRate: 1000, maximumAvailable: 20000 },
  enterprise: { restoreRate: 2000, maximumAvailable: 40000 },
};

export type CostInput = {
  document: DocumentNode;
  operationName?: string | null;
  /** Coerced variable values. */
  variables?: Record<string, unknown> | null;
  schema?: GraphQLSchema;
};

export function requestedQueryCost(input: CostInput): number {
  return operationCost(input, ESTIMATE);
}

/** Cost of what `data` (the execution result's data) actually returned. */
export function actualQueryCost(input: CostInput & { data: unknown }): number {
  return input.data == null ? 0 : operationCost(input, input.data);
}

/** Stands in for the response data when estimating the requested cost. */
const ESTIMATE: unique symbol = Symbol("estimate");

type WalkContext = {
  schema: GraphQLSchema;
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
};

function operationCost(input: CostInput, data: unknown): number {
  const operation = getOperationAST(input.document, input.operationName ?? undefined);
  if (!operation) return 0;
  const schema = input.schema ?? loadAdminSchema();
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;
  const ctx: WalkContext = { schema, variables: input.variables ?? {}, fragments: fragmentsOf(input.document) };
  const selections = operation.selectionSet.selections;
  if (operation.operation !== "mutation") return selectionCost(ctx, rootType, selections, data);
  let total = 0;
  for (const [key, nodes] of collectFields(ctx, rootType, selections)) {
    const field = rootType.getFields()[firstNode(nodes).name.value];
    if (!field) continue;
    const payload = childData(data, key);
    if (payload === undefined) continue;
    total += MUTATION_FIELD_COST + compositeCost(ctx, getNamedType(field.type), subSelections(nodes), payload);
  }
  return total;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

function selectionCost(
  ctx: WalkContext,
  type: GraphQLObjectType,
  selections: readonly SelectionNode[],
  data: unknown,
): number {
  let total = 0;
  for (const [key, nodes] of collectFields(ctx, type, selections)) {
    const field = type.getFields()[firstNode(nodes).name.value];
    if (field) total += fieldCost(ctx, field, nodes, childData(data, key));
  }
  return total;
}

function fieldCost(ctx: WalkContext, field: GraphQLField<unknown, unknown>, nodes: FieldNode[], data: unknown): number {
  const type = getNamedType(field.type);
  if (isLeafType(type) || data == null) return 0;
  if (isConnectionType(type)) return connectionCost(ctx, type, field, nodes, data);
  const selections = subSelections(nodes);
  const itemCost = (item: unknown) => (item == null ? 0 : 1 + compositeCost(ctx, type, selections, item));
  if (!isListType(getNullableType(field.type))) return itemCost(data);
  const size = listSize(ctx, field, firstNode(nodes));
  if (data === ESTIMATE) return (size ?? 1) * itemCost(ESTIMATE);
  const items = Array.isArray(data) ? data : [];
  return size === null ? Math.max(0, ...items.map(itemCost)) : sum(items.map(itemCost));
}

/** Selections on an object, or the most expensive possible type of an abstract one. */
function compositeCost(
  ctx: WalkContext,
  type: GraphQLNamedType,
  selections: readonly SelectionNode[],
  data: unknown,
): number {
  if (isObjectType(type)) return selectionCost(ctx, type, selections, data);
  if (!isAbstractType(type)) return 0;
  const typename = childData(data, "__typename") ?? typenameFromGid(String(childData(data, "id") ?? ""));
  const concrete = typeof typename === "string" ? ctx.schema.getType(typename) : undefined;
  const candidates = isObjectType(concrete) ? [concrete] : ctx.schema.getPossibleTypes(type);
  return Math.max(0, ...candidates.map((candidate) => selectionCost(ctx, candidate, selections, data)));
}

function connectionCost(
  ctx: WalkContext,
  connection: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  nodes: FieldNode[],
  data: unknown,
): number {
  const itemBranches: Array<(index: number) => number> = [];
  let itemCount = data === ESTIMATE ? connectionSize(ctx, field, firstNode(nodes)) : 0;
  let otherFields = 0;
  for (const [key, fieldNodes] of collectFields(ctx, connection, subSelections(nodes))) {
    const name = firstNode(fieldNodes).name.value;
    const items = childData(data, key);
    if (name === "edges" || name === "nodes") {
      if (Array.isArray(items)) itemCount = Math.max(itemCount, items.length);
      itemBranches.push(itemBranch(ctx, connection, name, subSelections(fieldNodes), items));
    } else if (name !== "pageInfo") {
      const other = connection.getFields()[name];
      if (other) otherFields += fieldCost(ctx, other, fieldNodes, items);
    }
  }
  const perItem = (index: number) => Math.max(0, ...itemBranches.map((branch) => branch(index)));
  const itemsCost = data === ESTIMATE ? itemCount * perItem(0) : sum(range(itemCount).map(perItem));
  return CONNECTION_BASE_COST + itemsCost + otherFields;
}

function itemBranch(
  ctx: WalkContext,
  connection: GraphQLObjectType,
  branch: "edges" | "nodes",
  selections: readonly SelectionNode[],
  items: unknown,
): (index: number) => number {
  const itemData = (index: number) => (items === ESTIMATE ? ESTIMATE : Array.isArray(items) ? items[index] : undefined);
  if (branch === "edges") {
    const edgeType = connectionEdgeType(connection);
    return (index) => selectionCost(ctx, edgeType, selections, itemData(index));
  }
  const nodeType = connectionNodeType(connection);
  return (index) => {
    const item = itemData(index);
    return isLeafType(nodeType) || item == null ? 0 : 1 + compositeCost(ctx, nodeType, selections, item);
  };
}

function connectionSize(ctx: WalkContext, field: GraphQLField<unknown, unknown>, node: FieldNode): number {
  const args = argumentsOf(ctx, field, node);
  const size = args.first ?? args.last;
  return typeof size === "number" && size >= 0 ? size : DEFAULT_CONNECTION_SIZE;
}

/** A list is sized by its `first` argument or its `ids` list; other lists are priced as one item. */
function listSize(ctx: WalkContext, field: GraphQLField<unknown, unknown>, node: FieldNode): number | null {
  const args = argumentsOf(ctx, field, node);
  if (typeof args.first === "number" && args.first >= 0) return args.first;
  return Array.isArray(args.ids) ? args.ids.length : null;
}

function argumentsOf(ctx: WalkContext, field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, ctx.variables);
  } catch {
    return {};
  }
}

/** Groups fields by response key, following fragments that apply to `type` and honouring @skip/@include. */
function collectFields(
  ctx: WalkContext,
  type: GraphQLObjectType,
  selections: readonly SelectionNode[],
  into = new Map<string, FieldNode[]>(),
): Map<string, FieldNode[]> {
  for (const selection of selections) {
    if (!isIncluded(ctx, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      into.set(key, [...(into.get(key) ?? []), selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (appliesTo(ctx, selection.typeCondition?.name.value, type)) {
        collectFields(ctx, type, selection.selectionSet.selections, into);
      }
    } else {
      const fragment = ctx.fragments.get(selection.name.value);
      if (fragment && appliesTo(ctx, fragment.typeCondition.name.value, type)) {
        collectFields(ctx, type, fragment.selectionSet.selections, into);
      }
    }
  }
  return into;
}

function appliesTo(ctx: WalkContext, condition: string | undefined, type: GraphQLObjectType): boolean {
  if (!condition || condition === type.name) return true;
  const conditionType = ctx.schema.getType(condition);
  return isAbstractType(conditionType) && ctx.schema.isSubType(conditionType, type);
}

function isIncluded(ctx: WalkContext, selection: SelectionNode): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, selection, ctx.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, selection, ctx.variables)?.if !== false;
}

function subSelections(nodes: readonly FieldNode[]): SelectionNode[] {
  return nodes.flatMap((node) => node.selectionSet?.selections ?? []);
}

function childData(data: unknown, key: string): unknown {
  if (data === ESTIMATE) return ESTIMATE;
  return typeof data === "object" && data !== null ? (data as Record<string, unknown>)[key] : undefined;
}

function firstNode(nodes: readonly FieldNode[]): FieldNode {
  const node = nodes[0];
  if (!node) throw new Error("collectFields produced an empty field group");
  return node;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}

// ---------------------------------------------------------------------------
// Leaky bucket per (app, shop)

export type ThrottleStatus = { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
export type BucketKey = { appKey: string; shopDomain: string; plan: ShopPlan };
export type Admission =
  | { ok: true; status: ThrottleStatus }
  | { ok: false; status: ThrottleStatus; error: GraphQLFormattedError };

type Bucket = { available: number; updatedAt: number };

export class CostLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private readonly limits: Record<ShopPlan, PlanLimit>;

  /** `limits` replaces a plan's bucket (e.g. a tiny one, to make throttling happen in a test). */
  constructor(options: { now?: () => number; limits?: Partial<Record<ShopPlan, PlanLimit>> } = {}) {
    this.now = options.now ?? Date.now;
    this.limits = { ...PLAN_LIMITS, ...options.limits };
  }

  status(key: BucketKey): ThrottleStatus {
    return this.report(key, this.refill(key));
  }

  /**
   * Reserves the requested cost up front (so concurrent requests can't overdraw)
   * or refuses the query: over MAX_QUERY_COST, or more than currently available.
   */
  admit(key: BucketKey, requestedCost: number): Admission {
    const bucket = this.refill(key);
    if (requestedCost > MAX_QUERY_COST) {
      return { ok: false, status: this.report(key, bucket), error: maxCostExceededError(requestedCost) };
    }
    if (requestedCost > bucket.available) {
      return { ok: false, status: this.report(key, bucket), error: throttledError() };
    }
    bucket.available -= requestedCost;
    return { ok: true, status: this.report(key, bucket) };
  }

  /** Refunds the part of an admitted reservation the query didn't use. */
  settle(key: BucketKey, reservedCost: number, actualCost: number): ThrottleStatus {
    const bucket = this.refill(key);
    const { maximumAvailable } = this.limits[key.plan];
    bucket.available = Math.min(maximumAvailable, bucket.available + Math.max(0, reservedCost - actualCost));
    return this.report(key, bucket);
  }

  private refill(key: BucketKey): Bucket {
    const { restoreRate, maximumAvailable } = this.limits[key.plan];
    const id = `${key.appKey}\u0000${key.shopDomain}`;
    const now = this.now();
    const bucket = this.buckets.get(id) ?? { available: maximumAvailable, updatedAt: now };
    const elapsedSeconds = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.available = Math.min(maximumAvailable, bucket.available + elapsedSeconds * restoreRate);
    bucket.updatedAt = now;
    this.buckets.set(id, bucket);
    return bucket;
  }

  private report(key: BucketKey, bucket: Bucket): ThrottleStatus {
    const { restoreRate, maximumAvailable } = this.limits[key.plan];
    return { maximumAvailable, currentlyAvailable: Math.floor(bucket.available), restoreRate };
  }
}

const RATE_LIMIT_DOCS = "https://shopify.dev/api/usage/rate-limits";

export function maxCostExceededError(cost: number): GraphQLFormattedError {
  return {
    message:
      `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}). ` +
      "Request fewer items per connection, or use a bulk operation.",
    extensions: { code: "MAX_COST_EXCEEDED", cost, maxCost: MAX_QUERY_COST, documentation: RATE_LIMIT_DOCS },
  };
}

export function throttledError(): GraphQLFormattedError {
  return { message: "Throttled", extensions: { code: "THROTTLED", documentation: RATE_LIMIT_DOCS } };
}
