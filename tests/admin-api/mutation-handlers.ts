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
import type { NodeRecord } from "./store.ts";

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

export function registerBuiltInMutations(): void {
  registerMutation("tagsAdd", tagsAdd);
  registerMutation("tagsRemove", tagsRemove);
  registerMutation("orderUpdate", orderUpdate);
  registerMutation("metafieldsSet", metafieldsSet);
}

registerBuiltInMutations();
