import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import {
  buildClientSchema,
  getNamedType,
  GraphQLError,
  isObjectType,
  parse,
  validate,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";

export const ADMIN_API_VERSION = "2026-10";

const SCHEMA_FILE = new URL(
  `../../app/types/admin-${ADMIN_API_VERSION}.schema.json.gz`,
  import.meta.url,
);

let cachedSchema: GraphQLSchema | undefined;

/** The real Admin API schema, built once per process (building takes ~300 ms). */
export function loadAdminSchema(): GraphQLSchema {
  if (!cachedSchema) {
    const json = JSON.parse(gunzipSync(readFileSync(SCHEMA_FILE)).toString("utf8")) as {
      data: IntrospectionQuery;
    };
    cachedSchema = buildClientSchema(json.data);
  }
  return cachedSchema;
}

export type ParsedOperation =
  | { ok: true; document: DocumentNode }
  | { ok: false; errors: readonly GraphQLError[] };

/** Parses and validates against the real schema; syntax errors come back as errors, not throws. */
export function parseAndValidate(source: string): ParsedOperation {
  let document: DocumentNode;
  try {
    document = parse(source);
  } catch (error) {
    if (error instanceof GraphQLError) return { ok: false, errors: [error] };
    throw error;
  }
  const errors = validate(loadAdminSchema(), document);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, document };
}

export function validateOperation(source: string): readonly GraphQLError[] {
  const result = parseAndValidate(source);
  return result.ok ? [] : result.errors;
}

/** Relay connection types: `...Connection` objects with `edges { node }` and `pageInfo`. */
export function isConnectionType(type: GraphQLNamedType): type is GraphQLObjectType {
  if (!isObjectType(type) || !type.name.endsWith("Connection")) return false;
  const fields = type.getFields();
  return Boolean(fields.pageInfo && fields.edges);
}

export function connectionEdgeType(connection: GraphQLObjectType): GraphQLObjectType {
  const edgeType = getNamedType(connection.getFields().edges?.type);
  if (!isObjectType(edgeType)) throw new Error(`${connection.name}.edges is not an object list`);
  return edgeType;
}

/** The type of `edges.node` (possibly abstract or a scalar, as in `StringConnection`). */
export function connectionNodeType(connection: GraphQLObjectType): GraphQLNamedType {
  const nodeType = getNamedType(connectionEdgeType(connection).getFields().node?.type);
  if (!nodeType) throw new Error(`${connection.name} edges have no node field`);
  return nodeType;
}
