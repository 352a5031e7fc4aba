import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
} from "graphql";
import { isGid, numericIdOf } from "./gid.ts";
import { readMetafield } from "./metafields.ts";
import { connectionNodeType, isConnectionType } from "./schema.ts";
import type { NodeRecord, ShopState } from "./store.ts";

type Fields = Record<string, unknown>;

/**
 * Values for fields a record leaves out but the store can work out, so demo
 * data needn't repeat itself or form cycles:
 *  - `metafield(namespace:, key:)` from the record's `metafields` array;
 *  - `legacyResourceId` from the GID;
 *  - a back reference to the record's container (`Fulfillment.order`,
 *    `ProductVariant.product`, `Refund.order`);
 *  - a connection of records that point at this one (`Customer.orders` from
 *    `Order.customer`, `Order.returns` from `Return.order`);
 *  - `last...` fields (`Customer.lastOrder`): the most recent of those records.
 * Anything else stays undefined (null, or a missing-field error if non-null).
 */
export function deriveField(record: Fields, args: Fields, shop: ShopState, info: GraphQLResolveInfo): unknown {
  if (info.fieldName === "metafield") return readMetafield(record, args);
  if (typeof record.id !== "string") return undefined;
  if (info.fieldName === "legacyResourceId") {
    const id = numericIdOf(record.id);
    return Number.isNaN(id) ? undefined : String(id);
  }
  const type = getNamedType(info.returnType);
  if (isConnectionType(type)) {
    const nodeType = connectionNodeType(type);
    return isObjectType(nodeType) ? recordsPointingAt(shop, nodeType, record) : undefined;
  }
  if (!isObjectType(type) || isListType(getNullableType(info.returnType))) return undefined;
  const container = containerOfType(shop, record.id, type);
  if (container) return container;
  return info.fieldName.startsWith("last") ? mostRecent(recordsPointingAt(shop, type, record) ?? []) : undefined;
}

function containerOfType(shop: ShopState, id: string, type: GraphQLObjectType): NodeRecord | undefined {
  for (const container of shop.containers.get(id) ?? []) {
    if (container.__typename === type.name) return container;
  }
  return undefined;
}

/** Records of `type` whose single-valued field of the record's own type refers to it. */
function recordsPointingAt(shop: ShopState, type: GraphQLObjectType, record: Fields): NodeRecord[] | undefined {
  const referencing = Object.values(type.getFields())
    .filter((field) => !isListType(getNullableType(field.type)) && getNamedType(field.type).name === record.__typename)
    .map((field) => field.name);
  if (referencing.length === 0) return undefined;
  return (shop.byType.get(type.name) ?? []).filter((candidate) =>
    referencing.some((name) => idOf(candidate[name]) === record.id),
  );
}

function idOf(value: unknown): string | undefined {
  if (isGid(value)) return value;
  if (typeof value === "object" && value !== null && "id" in value && typeof value.id === "string") return value.id;
  return undefined;
}

function mostRecent(records: readonly NodeRecord[]): NodeRecord | null {
  const timeOf = (record: NodeRecord) => String(record.processedAt ?? record.createdAt ?? "");
  return records.reduce<NodeRecord | null>((latest, record) => (!latest || timeOf(record) > timeOf(latest) ? record : latest), null);
}
