import { createHash } from "node:crypto";
import { isEnumType, isObjectType } from "graphql";
import { gidFor, numericIdOf } from "./gid.ts";
import { loadAdminSchema } from "./schema.ts";
import type { AdminStore, MetafieldRecord, NodeRecord, ShopState } from "./store.ts";

/**
 * Metafields live on their owner record as `metafields: MetafieldRecord[]`;
 * `metafield(namespace:, key:)` and the `metafields(...)` connection read from
 * that array. An omitted namespace means the app-reserved one, which the
 * stand-in spells APP_NAMESPACE.
 */
export const APP_NAMESPACE = "$app";

type Fields = Record<string, unknown>;

export type MetafieldWrite = {
  namespace?: string | null;
  key: string;
  type?: string | null;
  value: string;
  compareDigest?: string | null;
};

export type MetafieldProblem = { field: string; message: string; code: string };

export function storedMetafields(owner: Fields): MetafieldRecord[] {
  return Array.isArray(owner.metafields) ? (owner.metafields as MetafieldRecord[]) : [];
}

/** `metafield(key: "ns.key")` is accepted like `metafield(namespace: "ns", key: "key")`. */
export function readMetafield(owner: Fields, args: Fields): MetafieldRecord | null {
  const { namespace, key } = splitKey(args.namespace, String(args.key ?? ""));
  return storedMetafields(owner).find((m) => m.namespace === namespace && m.key === key) ?? null;
}

export function filterMetafields(items: readonly unknown[], args: Fields): unknown[] {
  const keys = Array.isArray(args.keys) ? new Set(args.keys.map(String)) : null;
  return items.filter((item) => {
    const metafield = item as Fields;
    if (typeof args.namespace === "string" && metafield.namespace !== args.namespace) return false;
    return !keys || keys.has(`${String(metafield.namespace)}.${String(metafield.key)}`);
  });
}

export function ownerSupportsMetafields(owner: NodeRecord): boolean {
  const type = loadAdminSchema().getType(owner.__typename);
  return isObjectType(type) && type.getInterfaces().some((iface) => iface.name === "HasMetafields");
}

/** Problems with one write, checked before anything is stored (metafieldsSet is all-or-nothing). */
export function metafieldWriteProblems(owner: NodeRecord, write: MetafieldWrite): MetafieldProblem[] {
  const problems: MetafieldProblem[] = [];
  const namespace = write.namespace ?? APP_NAMESPACE;
  const existing = readMetafield(owner, { namespace, key: write.key });
  if (write.key.length < 2) problems.push({ field: "key", code: "TOO_SHORT", message: "Key is too short (minimum is 2 characters)" });
  if (write.key.length > 64) problems.push({ field: "key", code: "TOO_LONG", message: "Key is too long (maximum is 64 characters)" });
  if (namespace !== APP_NAMESPACE && namespace.length < 3) {
    problems.push({ field: "namespace", code: "TOO_SHORT", message: "Namespace is too short (minimum is 3 characters)" });
  }
  const type = write.type ?? existing?.type;
  if (!type) problems.push({ field: "type", code: "BLANK", message: "Type can't be blank" });
  else if (existing && write.type && write.type !== existing.type) {
    problems.push({ field: "type", code: "INVALID_TYPE", message: `Type must be ${existing.type}, the type of the existing metafield` });
  } else if (jsonValueFor(type, write.value) === INVALID) {
    problems.push({ field: "value", code: "INVALID_VALUE", message: `Value is invalid for type ${type}` });
  }
  if (write.compareDigest != null && existing && existing.compareDigest !== write.compareDigest) {
    problems.push({
      field: "compareDigest",
      code: "STALE_OBJECT",
      message: "The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.",
    });
  }
  return problems;
}

/** Creates or updates the owner's metafield; call only after metafieldWriteProblems came back empty. */
export function writeMetafield(
  store: AdminStore,
  shop: ShopState,
  owner: NodeRecord,
  write: MetafieldWrite,
  nowIso: string,
): MetafieldRecord {
  const namespace = write.namespace ?? APP_NAMESPACE;
  const existing = readMetafield(owner, { namespace, key: write.key });
  const type = write.type ?? existing?.type ?? "single_line_text_field";
  const fields = {
    namespace,
    key: write.key,
    type,
    value: write.value,
    jsonValue: jsonValueFor(type, write.value),
    compareDigest: digestOf(namespace, write.key, type, write.value),
    updatedAt: nowIso,
  };
  if (existing) return Object.assign(existing, fields);
  const id = gidFor("Metafield", store.nextNumericId());
  const created = store.upsertNode(shop.domain, {
    id,
    __typename: "Metafield",
    ...fields,
    createdAt: nowIso,
    legacyResourceId: String(numericIdOf(id)),
    ownerType: ownerTypeOf(owner.__typename),
    owner: owner.id,
    definition: null,
    reference: null,
    sizeInBytes: Buffer.byteLength(write.value),
  }) as MetafieldRecord;
  owner.metafields = [...storedMetafields(owner), created];
  return created;
}

function splitKey(namespace: unknown, key: string): { namespace: string; key: string } {
  if (typeof namespace === "string") return { namespace, key };
  const dot = key.lastIndexOf(".");
  return dot > 0 ? { namespace: key.slice(0, dot), key: key.slice(dot + 1) } : { namespace: APP_NAMESPACE, key };
}

const INVALID: unique symbol = Symbol("invalid");
const JSON_TYPES = /^(json|list\.|money|rating|dimension|volume|weight|link)/;

function jsonValueFor(type: string, value: string): unknown {
  if (type === "number_integer") return /^-?\d+$/.test(value) ? Number(value) : INVALID;
  if (type === "number_decimal") return /^-?\d+(\.\d+)?$/.test(value) ? value : INVALID;
  if (type === "boolean") return value === "true" ? true : value === "false" ? false : INVALID;
  if (!JSON_TYPES.test(type)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return INVALID;
  }
}

function digestOf(...parts: string[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

/** `ProductVariant` → `PRODUCTVARIANT`, `CompanyLocation` → `COMPANY_LOCATION`: whichever the enum has. */
function ownerTypeOf(typename: string): string | undefined {
  const ownerEnum = loadAdminSchema().getType("MetafieldOwnerType");
  if (!isEnumType(ownerEnum)) return undefined;
  const joined = typename.toUpperCase();
  const snake = typename.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
  return [joined, snake].find((candidate) => ownerEnum.getValue(candidate));
}
