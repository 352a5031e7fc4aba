// Checks plain-object records against the real Admin GraphQL schema: every key
// must be a (non-deprecated) field of the record's type, every enum value
// valid, every scalar well formed, and non-null fields present. Connection
// fields are expected as plain arrays of their node type.

import { gunzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  buildClientSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";
import type { GraphQLNamedType, GraphQLObjectType, GraphQLOutputType, GraphQLSchema, IntrospectionQuery } from "graphql";

const SCHEMA_PATH = fileURLToPath(new URL("../../app/types/admin-2026-10.schema.json.gz", import.meta.url));

let cached: GraphQLSchema | null = null;

export function loadAdminSchema(): GraphQLSchema {
  if (!cached) {
    const json = JSON.parse(gunzipSync(readFileSync(SCHEMA_PATH)).toString("utf8")) as { data: IntrospectionQuery };
    cached = buildClientSchema(json.data);
  }
  return cached;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const DECIMAL_2 = /^-?\d+\.\d{2}$/;
const GID = /^gid:\/\/shopify\/[A-Za-z]+\/\d+$/;

function scalarProblem(name: string, value: unknown): string | null {
  const ok = (() => {
    switch (name) {
      case "String":
      case "HTML":
        return typeof value === "string";
      case "ID":
        return typeof value === "string" && GID.test(value);
      case "Boolean":
        return typeof value === "boolean";
      case "Int":
        return Number.isInteger(value);
      case "Float":
        return typeof value === "number" && Number.isFinite(value);
      case "DateTime":
        return typeof value === "string" && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
      case "Decimal":
      case "Money":
        return typeof value === "string" && DECIMAL_2.test(value);
      case "UnsignedInt64":
        return typeof value === "string" && /^\d+$/.test(value);
      case "URL":
        return typeof value === "string" && URL.canParse(value);
      default:
        return null;
    }
  })();
  if (ok === null) return `scalar ${name} is not handled by the checker`;
  return ok ? null : `${JSON.stringify(value)} is not a valid ${name}`;
}

function connectionNodeType(type: GraphQLNamedType): GraphQLOutputType | null {
  if (!isObjectType(type) || !type.name.endsWith("Connection")) return null;
  const nodes = type.getFields().nodes;
  if (!nodes) return null;
  const list = isNonNullType(nodes.type) ? nodes.type.ofType : nodes.type;
  return isListType(list) ? list.ofType : null;
}

export class SchemaChecker {
  readonly problems: string[] = [];
  private readonly schema: GraphQLSchema;
  private readonly seen = new Map<object, Set<string>>();

  constructor(schema: GraphQLSchema = loadAdminSchema()) {
    this.schema = schema;
  }

  /** Check a record whose `__typename` names its type. */
  checkRecord(record: Record<string, unknown>, path: string): void {
    const typename = record.__typename;
    const type = typeof typename === "string" ? this.schema.getType(typename) : undefined;
    if (!type || !isObjectType(type)) {
      this.problems.push(`${path}: __typename ${String(typename)} is not an object type of the schema`);
      return;
    }
    this.checkObject(record, type, path);
  }

  private resolveType(value: Record<string, unknown>, expected: GraphQLNamedType, path: string): GraphQLObjectType | null {
    const typename = value.__typename;
    if (typename === undefined) {
      if ("id" in value) this.problems.push(`${path}: record with an id has no __typename`);
      if (isObjectType(expected)) return expected;
      this.problems.push(`${path}: abstract ${expected.name} needs a __typename`);
      return null;
    }
    const actual = typeof typename === "string" ? this.schema.getType(typename) : undefined;
    if (!actual || !isObjectType(actual)) {
      this.problems.push(`${path}: unknown __typename ${String(typename)}`);
      return null;
    }
    const fits = isAbstractType(expected) ? this.schema.isSubType(expected, actual) : actual === expected;
    if (!fits) this.problems.push(`${path}: __typename ${actual.name} where ${expected.name} is expected`);
    return fits ? actual : null;
  }

  private checkObject(value: Record<string, unknown>, type: GraphQLObjectType, path: string): void {
    const visited = this.seen.get(value) ?? new Set<string>();
    if (visited.has(type.name)) return;
    visited.add(type.name);
    this.seen.set(value, visited);
    const fields = type.getFields();
    for (const [key, child] of Object.entries(value)) {
      if (key === "__typename") continue;
      const field = fields[key];
      if (!field) {
        this.problems.push(`${path}.${key}: ${type.name} has no field ${key}`);
        continue;
      }
      if (field.deprecationReason) this.problems.push(`${path}.${key}: ${type.name}.${key} is deprecated (${field.deprecationReason.split("\n")[0]})`);
      this.checkValue(child, field.type, `${path}.${key}`);
    }
  }

  private checkValue(value: unknown, type: GraphQLOutputType, path: string): void {
    if (isNonNullType(type)) {
      if (value === null || value === undefined) this.problems.push(`${path}: null for non-null ${String(type)}`);
      else this.checkValue(value, type.ofType, path);
      return;
    }
    if (value === null || value === undefined) return;
    if (isListType(type)) {
      if (!Array.isArray(value)) this.problems.push(`${path}: expected a list for ${String(type)}`);
      else value.forEach((item, i) => this.checkValue(item, type.ofType, `${path}[${i}]`));
      return;
    }
    const named = getNamedType(type);
    const node = connectionNodeType(named);
    if (node) {
      if (!Array.isArray(value)) this.problems.push(`${path}: connection ${named.name} must be stored as an array of nodes`);
      else value.forEach((item, i) => this.checkValue(item, node, `${path}[${i}]`));
      return;
    }
    if (isEnumType(named)) {
      const valid = named.getValues().find((v) => v.name === value);
      if (!valid) this.problems.push(`${path}: ${JSON.stringify(value)} is not a value of ${named.name}`);
      else if (valid.deprecationReason) this.problems.push(`${path}: ${named.name}.${valid.name} is deprecated`);
      return;
    }
    if (isScalarType(named)) {
      const problem = scalarProblem(named.name, value);
      if (problem) this.problems.push(`${path}: ${problem}`);
      return;
    }
    if (typeof value !== "object" || Array.isArray(value)) {
      this.problems.push(`${path}: expected an object for ${named.name}`);
      return;
    }
    const objectType = this.resolveType(value as Record<string, unknown>, named, path);
    if (objectType) this.checkObject(value as Record<string, unknown>, objectType, path);
  }
}
