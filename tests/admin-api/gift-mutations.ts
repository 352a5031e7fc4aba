// Gifts and loyalty on the Admin API stand-in: order editing (orderEditBegin, orderEditAddVariant,
// orderEditAddLineItemDiscount, orderEditCommit), the automatic app discount that runs the tier
// discount Function (discountAutomaticAppCreate, …Activate, …Deactivate) and the app's Shopify
// Functions (`shopifyFunctions`, read from the function extensions under extensions/).
//
// Order editing as Shopify does it: a session stages changes that only a commit applies; a
// session is committed once; a line discount needs a staged line; only unfulfilled items can be
// edited, so a commit that adds items to an order that is already fulfilled or cancelled is
// refused. A committed edit adds real LineItem records to the order and moves its totals, so
// later queries (and the reconciliation) see the gift line.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { formatCents, parseAmountToCents } from "./demo-money.ts";
import { gidFor, isGid } from "./gid.ts";
import { registerMutation, type MutationContext } from "./mutation-registry.ts";
import { DEFAULT_APP_KEY, type AdminStore, type NodeRecord, type ShopState } from "./store.ts";

type Fields = Record<string, unknown>;
type UserError = { field: string[] | null; message: string };
type DiscountUserError = UserError & { code: string | null; extraInfo: string | null };
type Money = { amount: string; currencyCode: string };
type MoneyBag = { shopMoney: Money; presentmentMoney: Money };

// ---------------------------------------------------------------------------------------------
// Order editing

type StagedLine = {
  id: string;
  variant: NodeRecord;
  quantity: number;
  /** Cents off one unit, in the shop currency, once a discount is staged. */
  discount: { description: string; percent: number | null; fixedCents: number | null; id: string } | null;
};

type EditSession = {
  id: string;
  calculatedOrderId: string;
  orderId: string;
  staged: StagedLine[];
  committed: boolean;
};

/** What a commit was asked to do, for tests to read (notify the customer, the staff note). */
export type OrderEditCommitRecord = { shop: string; at: number; orderId: string; sessionId: string; notifyCustomer: boolean; staffNote: string | null; addedLineItemIds: string[] };

const sessions = new WeakMap<AdminStore, Map<string, EditSession>>();
const commits = new WeakMap<AdminStore, OrderEditCommitRecord[]>();

/** Every committed order edit of the store, oldest first. */
export function orderEditCommits(store: AdminStore, shopDomain?: string): OrderEditCommitRecord[] {
  return (commits.get(store) ?? []).filter((commit) => shopDomain === undefined || commit.shop === shopDomain);
}

function sessionsOf(store: AdminStore): Map<string, EditSession> {
  let map = sessions.get(store);
  if (!map) sessions.set(store, (map = new Map()));
  return map;
}

/** A session by its own id or by its calculated order's id (both are accepted, as in 2026-10). */
function findSession(ctx: MutationContext, id: unknown): EditSession | undefined {
  const session = sessionsOf(ctx.store).get(String(id));
  return session && ctx.shop.nodes.get(session.orderId) ? session : undefined;
}

const NO_SESSION: UserError = { field: ["id"], message: "The order edit session does not exist." };
const SESSION_COMMITTED: UserError = { field: ["id"], message: "The order edit session has already been committed." };

function sessionFields(session: EditSession): Fields {
  return {
    orderEditSession: { __typename: "OrderEditSession", id: session.id },
    calculatedOrder: { __typename: "CalculatedOrder", id: session.calculatedOrderId, committed: session.committed },
  };
}

function orderEditBegin(args: Fields, ctx: MutationContext): Fields {
  const order = ctx.shop.nodes.get(String(args.id));
  if (!order || order.__typename !== "Order") return { orderEditSession: null, calculatedOrder: null, userErrors: [{ field: ["id"], message: "The order does not exist." }] };
  if (order.cancelledAt) return { orderEditSession: null, calculatedOrder: null, userErrors: [{ field: ["id"], message: "A canceled order can't be edited." }] };
  const number = ctx.store.nextNumericId();
  const session: EditSession = {
    id: gidFor("OrderEditSession", number),
    calculatedOrderId: gidFor("CalculatedOrder", number),
    orderId: order.id,
    staged: [],
    committed: false,
  };
  sessionsOf(ctx.store).set(session.id, session).set(session.calculatedOrderId, session);
  return { ...sessionFields(session), userErrors: [] };
}

function orderEditAddVariant(args: Fields, ctx: MutationContext): Fields {
  const failed = (error: UserError) => ({ calculatedLineItem: null, calculatedOrder: null, orderEditSession: null, userErrors: [error] });
  const session = findSession(ctx, args.id);
  if (!session) return failed(NO_SESSION);
  if (session.committed) return failed(SESSION_COMMITTED);
  const quantity = Number(args.quantity);
  if (!Number.isInteger(quantity) || quantity < 1) return failed({ field: ["quantity"], message: "Quantity must be greater than or equal to 1." });
  const variant = ctx.shop.nodes.get(String(args.variantId));
  if (!variant || variant.__typename !== "ProductVariant") return failed({ field: ["variantId"], message: "The variant does not exist." });
  if (args.allowDuplicates !== true) {
    const order = ctx.shop.nodes.get(session.orderId) as NodeRecord;
    const onOrder = lineItemsOf(order).some((line) => idOf(line.variant) === variant.id) || session.staged.some((line) => line.variant.id === variant.id);
    if (onOrder) return failed({ field: ["variantId"], message: "The variant is already on the order; set allowDuplicates to add it again." });
  }
  const line: StagedLine = { id: gidFor("CalculatedLineItem", ctx.store.nextNumericId()), variant, quantity, discount: null };
  session.staged.push(line);
  return { calculatedLineItem: calculatedLine(ctx, session, line), ...sessionFields(session), userErrors: [] };
}

function orderEditAddLineItemDiscount(args: Fields, ctx: MutationContext): Fields {
  const failed = (error: UserError) => ({ addedDiscountStagedChange: null, calculatedLineItem: null, calculatedOrder: null, orderEditSession: null, userErrors: [error] });
  const session = findSession(ctx, args.id);
  if (!session) return failed(NO_SESSION);
  if (session.committed) return failed(SESSION_COMMITTED);
  const line = session.staged.find((candidate) => candidate.id === args.lineItemId);
  if (!line) return failed({ field: ["lineItemId"], message: "The line item does not exist on the calculated order." });
  if (line.discount) return failed({ field: ["lineItemId"], message: "The line item already has a discount." });
  const discount = (args.discount ?? {}) as Fields;
  const percent = typeof discount.percentValue === "number" ? discount.percentValue : null;
  const fixed = discount.fixedValue as { amount?: unknown } | null | undefined;
  if ((percent === null) === (fixed == null)) return failed({ field: ["discount"], message: "Give the discount either a percent value or a fixed value." });
  if (percent !== null && !(percent > 0 && percent <= 100)) return failed({ field: ["discount", "percentValue"], message: "The percent value must be greater than 0 and at most 100." });
  const unitCents = parseAmountToCents(String(line.variant.price ?? "0"));
  const fixedCents = fixed ? parseAmountToCents(String(fixed.amount ?? "")) : null;
  if (fixedCents !== null && !(Number.isFinite(fixedCents) && fixedCents > 0 && fixedCents <= unitCents * line.quantity)) {
    return failed({ field: ["discount", "fixedValue"], message: "The fixed value must be more than 0 and at most the line's price." });
  }
  const description = typeof discount.description === "string" ? discount.description.trim() : "";
  line.discount = { description, percent, fixedCents, id: gidFor("OrderStagedChangeAddLineItemDiscount", ctx.store.nextNumericId()) };
  const value = percent !== null ? { __typename: "PricingPercentageValue", percentage: percent } : { __typename: "MoneyV2", amount: formatCents(fixedCents ?? 0), currencyCode: currencyOf(ctx) };
  return {
    addedDiscountStagedChange: { __typename: "OrderStagedChangeAddLineItemDiscount", id: line.discount.id, description, value },
    calculatedLineItem: calculatedLine(ctx, session, line),
    ...sessionFields(session),
    userErrors: [],
  };
}

function orderEditCommit(args: Fields, ctx: MutationContext): Fields {
  const failed = (error: UserError) => ({ order: null, successMessages: null, userErrors: [error] });
  const session = findSession(ctx, args.id);
  if (!session) return failed(NO_SESSION);
  if (session.committed) return failed(SESSION_COMMITTED);
  const order = ctx.shop.nodes.get(session.orderId) as NodeRecord;
  if (order.cancelledAt) return failed({ field: ["id"], message: "A canceled order can't be edited." });
  if (session.staged.length > 0 && order.displayFulfillmentStatus === "FULFILLED") {
    return failed({ field: ["id"], message: "Items can't be added to an order that is already fulfilled." });
  }
  const added = session.staged.map((line) => committedLine(ctx, order, line));
  if (added.length > 0) {
    order.lineItems = [...lineItemsOf(order), ...added];
    moveTotals(order, added);
    order.updatedAt = new Date(ctx.now()).toISOString();
    ctx.store.upsertNode(ctx.shop.domain, order);
  }
  session.committed = true;
  const staffNote = typeof args.staffNote === "string" ? args.staffNote : null;
  const list = commits.get(ctx.store) ?? [];
  commits.set(ctx.store, list);
  list.push({ shop: ctx.shop.domain, at: ctx.now(), orderId: order.id, sessionId: session.id, notifyCustomer: args.notifyCustomer === true, staffNote, addedLineItemIds: added.map((line) => line.id) });
  return { order, successMessages: ["Order updated"], userErrors: [] };
}

function lineItemsOf(order: NodeRecord): NodeRecord[] {
  return Array.isArray(order.lineItems) ? (order.lineItems as NodeRecord[]) : [];
}

function idOf(value: unknown): string | undefined {
  if (isGid(value)) return value;
  return typeof value === "object" && value !== null && "id" in value && typeof value.id === "string" ? value.id : undefined;
}

function currencyOf(ctx: MutationContext): string {
  return typeof ctx.shop.shop.currencyCode === "string" ? ctx.shop.shop.currencyCode : "EUR";
}

function productOf(shop: ShopState, variant: NodeRecord): NodeRecord | undefined {
  for (const container of shop.containers.get(variant.id) ?? []) if (container.__typename === "Product") return container;
  return undefined;
}

/** Cents of one unit after the staged discount, and the discount on the whole line. */
function linePrice(line: StagedLine): { unitCents: number; discountedUnitCents: number; totalCents: number; discountCents: number } {
  const unitCents = parseAmountToCents(String(line.variant.price ?? "0"));
  const totalCents = unitCents * line.quantity;
  let discountCents = 0;
  if (line.discount?.percent != null) discountCents = Math.round((totalCents * line.discount.percent) / 100);
  else if (line.discount?.fixedCents != null) discountCents = Math.min(totalCents, line.discount.fixedCents);
  return { unitCents, discountedUnitCents: Math.round((totalCents - discountCents) / line.quantity), totalCents, discountCents };
}

/** The order's presentment amount for a shop amount, at the rate the order was placed with. */
function presentmentRate(order: NodeRecord): { currency: string; rate: number } {
  const total = order.totalPriceSet as MoneyBag | undefined;
  if (!total) return { currency: "EUR", rate: 1 };
  const shopCents = parseAmountToCents(total.shopMoney.amount);
  const presentmentCents = parseAmountToCents(total.presentmentMoney.amount);
  return { currency: total.presentmentMoney.currencyCode, rate: shopCents > 0 ? presentmentCents / shopCents : 1 };
}

function bag(cents: number, order: NodeRecord, shopCurrency: string): MoneyBag {
  const { currency, rate } = presentmentRate(order);
  return {
    shopMoney: { amount: formatCents(cents), currencyCode: shopCurrency },
    presentmentMoney: { amount: formatCents(Math.round(cents * rate)), currencyCode: currency },
  };
}

function calculatedLine(ctx: MutationContext, session: EditSession, line: StagedLine): Fields {
  const order = ctx.shop.nodes.get(session.orderId) as NodeRecord;
  const price = linePrice(line);
  const currency = currencyOf(ctx);
  return {
    __typename: "CalculatedLineItem",
    id: line.id,
    quantity: line.quantity,
    editableQuantity: line.quantity,
    editableQuantityBeforeChanges: 0,
    hasStagedLineItemDiscount: line.discount !== null,
    restockable: false,
    restocking: false,
    title: String(productOf(ctx.shop, line.variant)?.title ?? line.variant.title ?? ""),
    variantTitle: String(line.variant.title ?? ""),
    sku: (line.variant.sku as string | undefined) ?? null,
    variant: line.variant,
    originalUnitPriceSet: bag(price.unitCents, order, currency),
    discountedUnitPriceSet: bag(price.discountedUnitCents, order, currency),
    editableSubtotalSet: bag(price.totalCents - price.discountCents, order, currency),
    uneditableSubtotalSet: bag(0, order, currency),
  };
}

function committedLine(ctx: MutationContext, order: NodeRecord, line: StagedLine): NodeRecord {
  const price = linePrice(line);
  const currency = currencyOf(ctx);
  const product = productOf(ctx.shop, line.variant);
  const productTitle = String(product?.title ?? line.variant.title ?? "");
  const defaultVariant = product?.hasOnlyDefaultVariant === true;
  return {
    __typename: "LineItem",
    id: gidFor("LineItem", ctx.store.nextNumericId()),
    name: defaultVariant ? productTitle : `${productTitle} - ${String(line.variant.title ?? "")}`,
    title: productTitle,
    variantTitle: defaultVariant ? null : ((line.variant.title as string | undefined) ?? null),
    sku: (line.variant.sku as string | undefined) ?? "",
    vendor: (product?.vendor as string | undefined) ?? "",
    quantity: line.quantity,
    currentQuantity: line.quantity,
    unfulfilledQuantity: line.quantity,
    requiresShipping: true,
    isGiftCard: false,
    taxable: true,
    originalUnitPriceSet: bag(price.unitCents, order, currency),
    discountedUnitPriceSet: bag(price.discountedUnitCents, order, currency),
    originalTotalSet: bag(price.totalCents, order, currency),
    discountedTotalSet: bag(price.totalCents - price.discountCents, order, currency),
    totalDiscountSet: bag(price.discountCents, order, currency),
    discountAllocations: line.discount
      ? [
          {
            __typename: "DiscountAllocation",
            allocatedAmountSet: bag(price.discountCents, order, currency),
            discountApplication: {
              __typename: "ManualDiscountApplication",
              title: line.discount.description || "Discount",
              description: line.discount.description || null,
              allocationMethod: "EACH",
              targetSelection: "EXPLICIT",
              targetType: "LINE_ITEM",
              index: 0,
              value: line.discount.percent !== null ? { __typename: "PricingPercentageValue", percentage: line.discount.percent } : { __typename: "MoneyV2", amount: formatCents(line.discount.fixedCents ?? 0), currencyCode: currency },
            },
          },
        ]
      : [],
    ...(product ? { product } : {}),
    variant: line.variant,
  };
}

function addToBag(value: unknown, cents: number, order: NodeRecord, currency: string): MoneyBag {
  const current = value as MoneyBag | undefined;
  const shopCents = (current ? parseAmountToCents(current.shopMoney.amount) : 0) + cents;
  return bag(shopCents, order, current?.shopMoney.currencyCode ?? currency);
}

/** A committed edit moves the order's quantities and money: discounts, subtotal, total, outstanding. */
function moveTotals(order: NodeRecord, added: readonly NodeRecord[]): void {
  const currency = (order.totalPriceSet as MoneyBag | undefined)?.shopMoney.currencyCode ?? "EUR";
  const cents = (line: NodeRecord, field: string) => parseAmountToCents((line[field] as MoneyBag).shopMoney.amount);
  const quantity = added.reduce((sum, line) => sum + Number(line.quantity), 0);
  const charged = added.reduce((sum, line) => sum + cents(line, "discountedTotalSet"), 0);
  const discounted = added.reduce((sum, line) => sum + cents(line, "totalDiscountSet"), 0);
  if (typeof order.subtotalLineItemsQuantity === "number") order.subtotalLineItemsQuantity += quantity;
  order.subtotalPriceSet = addToBag(order.subtotalPriceSet, charged, order, currency);
  order.totalDiscountsSet = addToBag(order.totalDiscountsSet, discounted, order, currency);
  order.totalPriceSet = addToBag(order.totalPriceSet, charged, order, currency);
  if (charged > 0) {
    order.totalOutstandingSet = addToBag(order.totalOutstandingSet, charged, order, currency);
    if (order.displayFinancialStatus === "PAID") order.displayFinancialStatus = "PARTIALLY_PAID";
  }
  if (order.displayFulfillmentStatus === "FULFILLED") order.displayFulfillmentStatus = "PARTIALLY_FULFILLED";
  if (order.closed === true) {
    order.closed = false;
    order.closedAt = null;
  }
}

// ---------------------------------------------------------------------------------------------
// The app's Shopify Functions and the automatic app discount that runs one

export type AppFunctionRecord = {
  __typename: "ShopifyFunction";
  id: string;
  handle: string;
  title: string;
  description: string | null;
  apiType: string;
  apiVersion: string;
  appKey: string;
  inputQuery: string | null;
  useCreationUi: boolean;
  /** The Function API target, e.g. cart.lines.discounts.generate.run. */
  targets: string[];
};

const EXTENSIONS_DIR = new URL("../../extensions/", import.meta.url);

/** The API type Shopify reports for a function extension, from its targets. */
function apiTypeOf(targets: readonly string[]): string {
  if (targets.some((target) => target.startsWith("cart.lines.discounts.") || target.startsWith("cart.delivery-options.discounts."))) return "discount";
  if (targets.some((target) => target.startsWith("cart.validations."))) return "cart_checkout_validation";
  if (targets.some((target) => target.startsWith("cart.transform."))) return "cart_transform";
  return "function";
}

const tomlString = (text: string, key: string): string | null => new RegExp(`^\\s*${key}\\s*=\\s*"([^"]*)"`, "m").exec(text)?.[1] ?? null;

/**
 * The function extensions under extensions/ (`type = "function"` in shopify.extension.toml), as
 * Shopify lists them for the app: a stable id per handle (Shopify's are UUIDs), the API type
 * from the targets, the input query from its file.
 */
export function appFunctions(): AppFunctionRecord[] {
  if (!existsSync(EXTENSIONS_DIR)) return [];
  const functions: AppFunctionRecord[] = [];
  for (const entry of readdirSync(EXTENSIONS_DIR, { withFileTypes: true })) {
    const file = new URL(`${entry.name}/shopify.extension.toml`, EXTENSIONS_DIR);
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const toml = readFileSync(file, "utf8");
    const handle = tomlString(toml, "handle");
    if (tomlString(toml, "type") !== "function" || !handle) continue;
    const targets = [...toml.matchAll(/^\s*target\s*=\s*"([^"]+)"/gm)].map((match) => match[1] as string);
    const inputFile = tomlString(toml, "input_query");
    const inputPath = inputFile ? new URL(`${entry.name}/${inputFile}`, EXTENSIONS_DIR) : null;
    const hex = createHash("sha256").update(`${DEFAULT_APP_KEY}:${handle}`).digest("hex");
    functions.push({
      __typename: "ShopifyFunction",
      id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`,
      handle,
      title: tomlString(toml, "name") ?? handle,
      description: tomlString(toml, "description"),
      apiType: apiTypeOf(targets),
      apiVersion: tomlString(toml, "api_version") ?? "2026-10",
      appKey: DEFAULT_APP_KEY,
      inputQuery: inputPath && existsSync(inputPath) ? readFileSync(inputPath, "utf8") : null,
      useCreationUi: false,
      targets,
    });
  }
  return functions;
}

/**
 * Serves `shopifyFunctions` for one shop of the store: the app's function extensions, filtered
 * by `apiType` and `useCreationUi` as Shopify filters them. Call once per shop (the demo does it
 * when it starts).
 */
export function installAppFunctions(store: AdminStore, shopDomain: string): void {
  const shop = store.requireShop(shopDomain);
  shop.queryRoot.shopifyFunctions = (args: Fields) =>
    appFunctions().filter(
      (fn) => (typeof args.apiType !== "string" || fn.apiType === args.apiType) && (typeof args.useCreationUi !== "boolean" || fn.useCreationUi === args.useCreationUi),
    );
}

const DISCOUNT_CLASSES = new Set(["ORDER", "PRODUCT", "SHIPPING"]);

function discountError(field: string[] | null, code: string, message: string): DiscountUserError {
  return { field, code, message, extraInfo: null };
}

function discountAutomaticAppCreate(args: Fields, ctx: MutationContext): Fields {
  const input = (args.automaticAppDiscount ?? {}) as Fields;
  const field = (name: string) => ["automaticAppDiscount", name];
  const errors: DiscountUserError[] = [];
  const handle = typeof input.functionHandle === "string" ? input.functionHandle : null;
  const functionId = typeof input.functionId === "string" ? input.functionId : null;
  let fn: AppFunctionRecord | undefined;
  if (handle && functionId) errors.push(discountError(field("functionHandle"), "MULTIPLE_FUNCTION_IDENTIFIERS", "Only one of function ID or function handle is allowed."));
  else if (!handle && !functionId) errors.push(discountError(field("functionHandle"), "MISSING_FUNCTION_IDENTIFIER", "Either function ID or function handle must be provided."));
  else {
    fn = appFunctions().find((candidate) => (handle ? candidate.handle === handle : candidate.id === functionId));
    if (!fn) errors.push(discountError(field(handle ? "functionHandle" : "functionId"), "INVALID", "Function not found."));
    else if (fn.apiType !== "discount") errors.push(discountError(field(handle ? "functionHandle" : "functionId"), "INVALID", "The function does not provide discounts."));
  }
  const title = typeof input.title === "string" ? input.title.trim() : "";
  if (!title) errors.push(discountError(field("title"), "BLANK", "Title can't be blank"));
  else if (title.length > 255) errors.push(discountError(field("title"), "TOO_LONG", "Title is too long (maximum is 255 characters)"));
  const classes = Array.isArray(input.discountClasses) ? input.discountClasses.map(String) : [];
  if (classes.length === 0) errors.push(discountError(field("discountClasses"), "BLANK", "Discount classes can't be blank"));
  else if (classes.some((value) => !DISCOUNT_CLASSES.has(value))) errors.push(discountError(field("discountClasses"), "INVALID", "Discount classes are invalid"));
  const startsAt = typeof input.startsAt === "string" ? input.startsAt : new Date(ctx.now()).toISOString();
  const endsAt = typeof input.endsAt === "string" ? input.endsAt : null;
  if (endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) errors.push(discountError(field("endsAt"), "END_DATE_BEFORE_START_DATE", "Ends at needs to be after starts_at"));
  if (input.appliesOnOneTimePurchase === false && input.appliesOnSubscription === false) {
    errors.push(discountError(field("appliesOnOneTimePurchase"), "APPLIES_ON_NOTHING", "The discount must apply on one-time purchases or subscriptions."));
  }
  if (errors.length > 0 || !fn) return { automaticAppDiscount: null, userErrors: errors };

  const nowIso = new Date(ctx.now()).toISOString();
  const id = gidFor("DiscountAutomaticNode", ctx.store.nextNumericId());
  const combines = (input.combinesWith ?? {}) as Fields;
  const discount: Fields = {
    __typename: "DiscountAutomaticApp",
    discountId: id,
    title,
    status: Date.parse(startsAt) > ctx.now() ? "SCHEDULED" : "ACTIVE",
    startsAt,
    endsAt,
    createdAt: nowIso,
    updatedAt: nowIso,
    discountClasses: classes,
    discountClass: classes[0],
    combinesWith: {
      __typename: "DiscountCombinesWith",
      orderDiscounts: combines.orderDiscounts === true,
      productDiscounts: combines.productDiscounts === true,
      shippingDiscounts: combines.shippingDiscounts === true,
    },
    appliesOnOneTimePurchase: input.appliesOnOneTimePurchase !== false,
    appliesOnSubscription: input.appliesOnSubscription !== false,
    recurringCycleLimit: typeof input.recurringCycleLimit === "number" ? input.recurringCycleLimit : 1,
    asyncUsageCount: 0,
    tags: Array.isArray(input.tags) ? input.tags.map(String) : [],
    context: { __typename: "DiscountBuyerSelectionAll", all: "ALL" },
    errorHistory: null,
    appDiscountType: { __typename: "AppDiscountType", functionId: fn.id, appKey: fn.appKey, title: fn.title, description: fn.description, discountClasses: classes, targetType: "LINE_ITEM" },
  };
  ctx.store.upsertNode(ctx.shop.domain, { id, __typename: "DiscountAutomaticNode", automaticDiscount: discount, metafields: [] });
  return { automaticAppDiscount: discount, userErrors: [] };
}

function automaticNode(ctx: MutationContext, id: unknown): NodeRecord | undefined {
  const node = ctx.shop.nodes.get(String(id));
  return node?.__typename === "DiscountAutomaticNode" ? node : undefined;
}

function discountAutomaticActivate(args: Fields, ctx: MutationContext): Fields {
  const node = automaticNode(ctx, args.id);
  if (!node) return { automaticDiscountNode: null, userErrors: [discountError(["id"], "INVALID", "Discount does not exist")] };
  const discount = node.automaticDiscount as Fields;
  const nowIso = new Date(ctx.now()).toISOString();
  Object.assign(discount, { status: "ACTIVE", endsAt: null, updatedAt: nowIso, ...(Date.parse(String(discount.startsAt)) > ctx.now() ? { startsAt: nowIso } : {}) });
  return { automaticDiscountNode: node, userErrors: [] };
}

function discountAutomaticDeactivate(args: Fields, ctx: MutationContext): Fields {
  const node = automaticNode(ctx, args.id);
  if (!node) return { automaticDiscountNode: null, userErrors: [discountError(["id"], "INVALID", "Discount does not exist")] };
  const discount = node.automaticDiscount as Fields;
  const nowIso = new Date(ctx.now()).toISOString();
  Object.assign(discount, { status: "EXPIRED", endsAt: nowIso, updatedAt: nowIso });
  return { automaticDiscountNode: node, userErrors: [] };
}

export function registerGiftMutations(): void {
  registerMutation("orderEditBegin", orderEditBegin);
  registerMutation("orderEditAddVariant", orderEditAddVariant);
  registerMutation("orderEditAddLineItemDiscount", orderEditAddLineItemDiscount);
  registerMutation("orderEditCommit", orderEditCommit);
  registerMutation("discountAutomaticAppCreate", discountAutomaticAppCreate);
  registerMutation("discountAutomaticActivate", discountAutomaticActivate);
  registerMutation("discountAutomaticDeactivate", discountAutomaticDeactivate);
}

registerGiftMutations();
