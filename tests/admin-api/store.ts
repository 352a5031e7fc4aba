import { isObjectType } from "graphql";
import { isGid, typenameFromGid } from "./gid.ts";
import { loadAdminSchema } from "./schema.ts";

/**
 * Records are plain objects keyed by Admin GraphQL field names. A connection
 * field is stored as a plain array under the connection field's name; a field
 * that takes arguments may be stored as a function of those arguments. A nested
 * object may be a full record, a `{ id }` stub or a bare GID string: anything
 * whose id is in the store resolves to the stored (canonical) record.
 */
export type NodeRecord = { id: string; __typename: string; [field: string]: unknown };
export type NodeInput = { id: string; __typename?: string; [field: string]: unknown };
export type FieldFunction = (args: Record<string, unknown>) => unknown;

export type MoneyV2Record = { amount: string; currencyCode: string };
export type MoneyBagRecord = { shopMoney: MoneyV2Record; presentmentMoney: MoneyV2Record };
export type NodeRef = NodeRecord | { id: string } | string;

export type OrderRecord = NodeRecord & {
  __typename: "Order";
  name: string;
  createdAt: string;
  updatedAt?: string;
  processedAt?: string;
  email?: string | null;
  closed?: boolean;
  cancelledAt?: string | null;
  displayFinancialStatus?: string | null;
  displayFulfillmentStatus?: string;
  tags?: string[];
  totalPriceSet?: MoneyBagRecord;
  customer?: NodeRef | null;
  lineItems?: NodeRecord[];
  fulfillments?: NodeRecord[];
  fulfillmentOrders?: NodeRef[];
  returns?: NodeRef[];
  metafields?: MetafieldRecord[];
};

export type MetafieldRecord = NodeRecord & {
  __typename: "Metafield";
  namespace: string;
  key: string;
  type: string;
  value: string;
  jsonValue: unknown;
  createdAt: string;
  updatedAt: string;
};

export type ShopPlan = "standard" | "advanced" | "plus" | "enterprise";

export type AddShopInput = {
  domain: string;
  accessToken: string;
  plan: ShopPlan;
  /** The `Shop` record answered by `query { shop { ... } }`. */
  shop: Record<string, unknown>;
  /** The shop's languages (`query { shopLocales }`); English alone when not given. */
  locales?: { locale: string; primary: boolean; published: boolean }[];
};

export type ShopState = {
  readonly domain: string;
  readonly accessToken: string;
  readonly plan: ShopPlan;
  readonly shop: NodeRecord;
  readonly nodes: Map<string, NodeRecord>;
  /** Records per `__typename`, in insertion order. */
  readonly byType: Map<string, NodeRecord[]>;
  /** For each embedded record's id, the records it was found inside (for back references). */
  readonly containers: Map<string, Set<NodeRecord>>;
  /** Extra root query fields (e.g. `currentAppInstallation`) read like record fields. */
  readonly queryRoot: Record<string, unknown>;
  readonly orders: NodeRecord[];
  readonly customers: NodeRecord[];
  readonly products: NodeRecord[];
  readonly fulfillmentOrders: NodeRecord[];
  readonly returns: NodeRecord[];
  readonly discounts: NodeRecord[];
};

export type AccessGrant = {
  token: string;
  shopDomain: string;
  appKey: string;
  kind: "offline" | "online";
  scope: string;
  /** Epoch ms; null for non-expiring tokens. */
  expiresAt: number | null;
  userId?: string;
};

export type RefreshGrant = {
  token: string;
  shopDomain: string;
  appKey: string;
  scope: string;
  expiresAt: number;
  /** The refresh token this one replaced; retired once this one is used. */
  replaces?: string;
};

export type RequestLogEntry = {
  kind: "graphql" | "token";
  at: number;
  shop: string;
  status: number;
  operationName: string | null;
  operationType?: "query" | "mutation" | "subscription" | null;
  rootFields?: string[];
  query?: string;
  variables?: Record<string, unknown> | null;
  requestedQueryCost?: number | null;
  actualQueryCost?: number | null;
  errorCodes?: string[];
  grantType?: string;
};

/** App key that owns the access tokens given to `addShop`. */
export const DEFAULT_APP_KEY = "stand-in-default-app";

const DISCOUNT_TYPENAMES = ["DiscountNode", "DiscountCodeNode", "DiscountAutomaticNode"];

export class AdminStore {
  readonly shops = new Map<string, ShopState>();
  readonly requests: RequestLogEntry[] = [];
  readonly accessTokens = new Map<string, AccessGrant>();
  readonly refreshTokens = new Map<string, RefreshGrant>();
  private idCounter = 9_000_000;

  addShop(input: AddShopInput): ShopState {
    if (this.shops.has(input.domain)) throw new Error(`Shop ${input.domain} already exists`);
    const shopRecord = toNodeRecord({
      id: `gid://shopify/Shop/${this.shops.size + 1}`,
      __typename: "Shop",
      myshopifyDomain: input.domain,
      ...input.shop,
    });
    const state = createShopState(input, shopRecord);
    this.shops.set(input.domain, state);
    this.accessTokens.set(input.accessToken, {
      token: input.accessToken,
      shopDomain: input.domain,
      appKey: DEFAULT_APP_KEY,
      kind: "offline",
      scope: "",
      expiresAt: null,
    });
    indexRecord(state, shopRecord);
    return state;
  }

  getShop(domain: string): ShopState | undefined {
    return this.shops.get(domain);
  }

  requireShop(domain: string): ShopState {
    const state = this.shops.get(domain);
    if (!state) throw new Error(`Unknown shop ${domain}`);
    return state;
  }

  /** Inserts a record, or merges its fields into the stored one (keeping object identity). */
  upsertNode(shopDomain: string, input: NodeInput): NodeRecord {
    const state = this.requireShop(shopDomain);
    const record = toNodeRecord(input);
    const existing = state.nodes.get(record.id);
    if (existing) {
      Object.assign(existing, record);
      indexNested(state, existing);
      return existing;
    }
    indexRecord(state, record);
    return record;
  }

  getNode(shopDomain: string, gid: string): NodeRecord | undefined {
    return this.shops.get(shopDomain)?.nodes.get(gid);
  }

  list(shopDomain: string, typename: string): NodeRecord[] {
    return [...(this.requireShop(shopDomain).byType.get(typename) ?? [])];
  }

  removeNode(shopDomain: string, gid: string): boolean {
    const state = this.requireShop(shopDomain);
    const record = state.nodes.get(gid);
    if (!record) return false;
    state.nodes.delete(gid);
    const list = state.byType.get(record.__typename) ?? [];
    list.splice(list.indexOf(record), 1);
    return true;
  }

  /** A fresh numeric id for records the stand-in creates itself (e.g. metafields). */
  nextNumericId(): number {
    this.idCounter += 1;
    return this.idCounter;
  }
}

export function createStore(): AdminStore {
  return new AdminStore();
}

function createShopState(input: AddShopInput, shop: NodeRecord): ShopState {
  const byType = new Map<string, NodeRecord[]>();
  const listOf = (...typenames: string[]) => typenames.flatMap((name) => byType.get(name) ?? []);
  return {
    domain: input.domain,
    accessToken: input.accessToken,
    plan: input.plan,
    shop,
    nodes: new Map(),
    byType,
    containers: new Map(),
    queryRoot: {
      shopLocales: (args: { published?: boolean | null }) =>
        (input.locales ?? [{ locale: "en", primary: true, published: true }])
          .filter((locale) => !args.published || locale.published)
          .map((locale) => ({ __typename: "ShopLocale", name: locale.locale, marketWebPresences: [], ...locale })),
    },
    get orders() { return listOf("Order"); },
    get customers() { return listOf("Customer"); },
    get products() { return listOf("Product"); },
    get fulfillmentOrders() { return listOf("FulfillmentOrder"); },
    get returns() { return listOf("Return"); },
    get discounts() { return listOf(...DISCOUNT_TYPENAMES); },
  };
}

function toNodeRecord(input: NodeInput): NodeRecord {
  if (!isGid(input.id)) throw new Error(`Record id must be a Shopify GID, got ${JSON.stringify(input.id)}`);
  const typename = input.__typename ?? typenameFromGid(input.id);
  if (!typename || !isObjectType(loadAdminSchema().getType(typename))) {
    throw new Error(`Record ${input.id} has __typename ${String(typename)}, which is not an Admin API object type`);
  }
  return { ...input, id: input.id, __typename: typename };
}

function indexRecord(state: ShopState, record: NodeRecord): void {
  state.nodes.set(record.id, record);
  const list = state.byType.get(record.__typename);
  if (list) list.push(record);
  else state.byType.set(record.__typename, [record]);
  indexNested(state, record);
}

/**
 * Full records embedded in other records (an order's customer, its line items)
 * become nodes too, so `node(id:)` and root lists see them, and each embedded
 * record remembers its container so back references (`Fulfillment.order`) can
 * be derived. Already-stored records are left alone: the stored one is canonical.
 */
function indexNested(state: ShopState, container: NodeRecord): void {
  const seen = new Set<unknown>([container]);
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) return value.forEach(visit);
    const candidate = value as Record<string, unknown>;
    if (!isGid(candidate.id)) return Object.values(candidate).forEach(visit);
    addContainer(state, candidate.id, container);
    if (isEmbeddedRecord(candidate) && !state.nodes.has(candidate.id)) indexRecord(state, candidate as NodeRecord);
  };
  Object.values(container).forEach(visit);
}

function addContainer(state: ShopState, id: string, container: NodeRecord): void {
  const containers = state.containers.get(id);
  if (containers) containers.add(container);
  else state.containers.set(id, new Set([container]));
}

function isEmbeddedRecord(value: Record<string, unknown>): boolean {
  if (typeof value.__typename !== "string" || Object.keys(value).length <= 2) return false;
  return isObjectType(loadAdminSchema().getType(value.__typename));
}
