import {
  execute,
  getNamedType,
  GraphQLError,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from "graphql";
import { filterByQuery, listAll, paginate, type ConnectionArgs } from "./connection.ts";
import { deriveField } from "./derived-fields.ts";
import { isGid, typenameFromGid } from "./gid.ts";
import { filterMetafields } from "./metafields.ts";
import "./mutation-handlers.ts";
import "./gift-mutations.ts";
import "./return-mutations.ts";
// Registers bulkOperationRunQuery; that module imports executeOperation back (a cycle that
// is safe: neither module uses the other while it is being evaluated).
import "./bulk-operations.ts";
import { getMutationHandler } from "./mutation-registry.ts";
import { connectionNodeType, isConnectionType, loadAdminSchema, parseAndValidate } from "./schema.ts";
import type { AdminStore, NodeRecord, ShopState } from "./store.ts";

export type StandInContext = {
  store: AdminStore;
  shop: ShopState;
  now: () => number;
  schema: GraphQLSchema;
  /** Connections list every item, ignoring `first`/`last` (a bulk operation's reading). */
  unpaginated: boolean;
};

export type ExecuteInput = {
  store: AdminStore;
  shopDomain: string;
  document: DocumentNode;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  now?: () => number;
  unpaginated?: boolean;
};

type Fields = Record<string, unknown>;
type Args = Record<string, unknown>;

/** Executes an already-validated operation against one shop of the store. */
export async function executeOperation(input: ExecuteInput): Promise<ExecutionResult> {
  const schema = loadAdminSchema();
  const contextValue: StandInContext = {
    store: input.store,
    shop: input.store.requireShop(input.shopDomain),
    now: input.now ?? Date.now,
    schema,
    unpaginated: input.unpaginated ?? false,
  };
  return await execute({
    schema,
    document: input.document,
    variableValues: input.variables ?? undefined,
    operationName: input.operationName ?? undefined,
    rootValue: {},
    contextValue,
    fieldResolver: resolveField,
    typeResolver: resolveType,
  });
}

/** Validates and executes in one go: handy for tests and scripts that don't need HTTP or cost. */
export async function runOperation(
  store: AdminStore,
  shopDomain: string,
  source: string,
  variables?: Record<string, unknown>,
  now?: () => number,
): Promise<ExecutionResult> {
  const parsed = parseAndValidate(source);
  if (!parsed.ok) return { errors: parsed.errors };
  return executeOperation({ store, shopDomain, document: parsed.document, variables: variables ?? null, now });
}

const resolveField: GraphQLFieldResolver<unknown, StandInContext, Args> = (source, args, ctx, info) => {
  if (info.parentType === info.schema.getQueryType()) return resolveQueryRootField(args, ctx, info);
  if (info.parentType === info.schema.getMutationType()) return resolveMutationField(args, ctx, info);
  return resolveRecordField(source as Fields, args, ctx, info);
};

const resolveType: GraphQLTypeResolver<unknown, StandInContext> = (value, _ctx, info, abstractType) => {
  const record = value as Fields;
  const typename = typeof record.__typename === "string" ? record.__typename : typenameFromGid(String(record.id ?? ""));
  if (typename) return typename;
  throw new GraphQLError(
    `Admin API stand-in: a ${abstractType.name} value at ${info.parentType.name}.${info.fieldName} has no __typename, ` +
      "so its concrete type is unknown; add __typename to the record",
  );
};

// ---------------------------------------------------------------------------
// Record fields: read the property named like the field.

function resolveRecordField(record: Fields, args: Args, ctx: StandInContext, info: GraphQLResolveInfo): unknown {
  return shapeValue(record, readField(record, args, ctx, info), args, ctx, info);
}

function readField(record: Fields, args: Args, ctx: StandInContext, info: GraphQLResolveInfo): unknown {
  const raw = record[info.fieldName];
  if (typeof raw === "function") return (raw as (args: Args) => unknown)(args);
  return raw === undefined ? deriveField(record, args, ctx.shop, info) : raw;
}

function shapeValue(record: Fields, value: unknown, args: Args, ctx: StandInContext, info: GraphQLResolveInfo): unknown {
  const type = getNamedType(info.returnType);
  if (isConnectionType(type)) return connectionOf(value, args, ctx, info, type);
  if (value === undefined && isNonNullType(info.returnType)) throw missingFieldError(record, info);
  if (value == null || isLeafType(type)) return value ?? null;
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item, ctx, info));
    return typeof args.first === "number" ? items.slice(0, args.first) : items;
  }
  return canonical(value, ctx, info);
}

function connectionOf(
  value: unknown,
  args: Args,
  ctx: StandInContext,
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
): unknown {
  if (value != null && !Array.isArray(value)) return value;
  const nodeType = connectionNodeType(type);
  let items = (value ?? []).map((item) => (isLeafType(nodeType) ? item : canonical(item, ctx, info)));
  if (nodeType.name === "Metafield") items = filterMetafields(items, args);
  if (ctx.unpaginated) return listAll(items, args as ConnectionArgs, nodeType.name);
  return paginate(items, args as ConnectionArgs, nodeType.name);
}

/** GID strings and `{ id }` objects whose id is stored resolve to the stored record. */
function canonical(value: unknown, ctx: StandInContext, info: GraphQLResolveInfo): unknown {
  if (isGid(value)) {
    const node = ctx.shop.nodes.get(value);
    if (!node) throw new GraphQLError(`Admin API stand-in: ${fieldLabel(info)} references ${value}, which is not in the store`);
    return node;
  }
  if (typeof value === "object" && value !== null && "id" in value && isGid(value.id)) {
    return ctx.shop.nodes.get(value.id) ?? value;
  }
  return value;
}

function missingFieldError(record: Fields, info: GraphQLResolveInfo): GraphQLError {
  const where = typeof record.id === "string" ? ` on ${record.id}` : "";
  return new GraphQLError(
    `Admin API stand-in: non-null field ${fieldLabel(info)} (${String(info.returnType)}) is missing${where}; add it to the record`,
  );
}

function fieldLabel(info: GraphQLResolveInfo): string {
  return `${info.parentType.name}.${info.fieldName}`;
}

// ---------------------------------------------------------------------------
// Root query fields

function resolveQueryRootField(args: Args, ctx: StandInContext, info: GraphQLResolveInfo): unknown {
  const { shop } = ctx;
  const name = info.fieldName;
  if (name in shop.queryRoot) return resolveRecordField(shop.queryRoot, args, ctx, info);
  if (name === "shop") return shop.shop;
  if (name === "node") return lookupNode(ctx, args.id);
  if (name === "nodes") return (args.ids as unknown[]).map((id) => lookupNode(ctx, id));
  const type = getNamedType(info.returnType);
  if (isConnectionType(type)) return connectionOf(recordsOfType(ctx, connectionNodeType(type)), args, ctx, info, type);
  if (type.name === "Count" && name.endsWith("Count")) return countFor(name.slice(0, -"Count".length), args, ctx);
  if (typeof args.id === "string" && isCompositeType(type)) return lookupTyped(ctx, args.id, type);
  if (isNonNullType(info.returnType)) {
    throw new GraphQLError(
      `Admin API stand-in does not serve QueryRoot.${name}; set it in the shop's queryRoot (store.getShop(domain).queryRoot.${name})`,
    );
  }
  return null;
}

function lookupNode(ctx: StandInContext, id: unknown): NodeRecord | null {
  if (!isGid(id)) throw new GraphQLError(`Invalid global id '${String(id)}'`);
  return ctx.shop.nodes.get(id) ?? null;
}

/** `order(id:)` answers null for an id of another type, as Shopify does. */
function lookupTyped(ctx: StandInContext, id: string, type: GraphQLNamedType): NodeRecord | null {
  const node = lookupNode(ctx, id);
  if (!node) return null;
  if (node.__typename === type.name) return node;
  const nodeType = ctx.schema.getType(node.__typename);
  return isAbstractType(type) && isObjectType(nodeType) && ctx.schema.isSubType(type, nodeType) ? node : null;
}

function recordsOfType(ctx: StandInContext, type: GraphQLNamedType): NodeRecord[] {
  const typenames = isAbstractType(type) ? ctx.schema.getPossibleTypes(type).map((t) => t.name) : [type.name];
  return typenames.flatMap((typename) => ctx.shop.byType.get(typename) ?? []);
}

/** `ordersCount(query:, limit:)` counts what `orders(query:)` would list. */
function countFor(pluralField: string, args: Args, ctx: StandInContext): unknown {
  const listField = ctx.schema.getQueryType()?.getFields()[pluralField];
  const listType = listField && getNamedType(listField.type);
  if (!listType || !isConnectionType(listType)) return null;
  const nodeType = connectionNodeType(listType);
  const count = filterByQuery(recordsOfType(ctx, nodeType), args.query as string | null, nodeType.name).length;
  const limit = typeof args.limit === "number" ? args.limit : null;
  return limit !== null && count > limit ? { count: limit, precision: "AT_LEAST" } : { count, precision: "EXACT" };
}

// ---------------------------------------------------------------------------
// Mutations

function resolveMutationField(args: Args, ctx: StandInContext, info: GraphQLResolveInfo): unknown {
  const handler = getMutationHandler(info.fieldName);
  if (!handler) throw new GraphQLError(`Admin API stand-in has no handler for mutation "${info.fieldName}"`);
  return handler(args, { store: ctx.store, shop: ctx.shop, now: ctx.now });
}
