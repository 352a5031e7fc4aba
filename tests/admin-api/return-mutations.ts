// Shopify Returns and discount codes on the stand-in: returnRequest, returnApproveRequest,
// returnDeclineRequest, returnCreate, returnCancel, returnClose, returnProcess,
// reverseDeliveryCreateWithShipping and discountCodeBasicCreate.
//
// Records are kept in the store so later queries see them: a Return (with its ReturnLineItems,
// and once open its ReverseFulfillmentOrder) points at its order, which is how `order.returns`
// and `return(id:)` find it; a refund made by returnProcess is added to the order's refunds;
// a code discount is a DiscountCodeNode.
//
// What is checked follows Shopify's documentation of these mutations (2026-10): fulfillment
// line items of the order only, never more units than were fulfilled and are not already in
// an open or requested return, notes within their documented lengths (300 for a customer note,
// 255 for a return reason note, 500 for a decline note), status rules (only a REQUESTED return
// can be approved or declined, only an OPEN one processed or closed, a return with processed
// items cannot be cancelled), refunds only from a successful SALE or CAPTURE of the order and
// never more than it, and discount codes unique in the shop. Refused input comes back as
// userErrors with Shopify's error codes (ReturnErrorCode, DiscountErrorCode); the messages are
// the stand-in's own wording.
import { registerMutation, type MutationContext } from "./mutation-registry.ts";
import type { NodeRecord } from "./store.ts";

type Fields = Record<string, unknown>;
type ReturnUserError = { field: string[] | null; message: string; code: string };
type Money = { amount: string; currencyCode: string };
type MoneyBag = { shopMoney: Money; presentmentMoney: Money };

const CUSTOMER_NOTE_MAX = 300;
const REASON_NOTE_MAX = 255;
const DECLINE_NOTE_MAX = 500;
const RETURN_REASONS = new Set(["COLOR", "DEFECTIVE", "NOT_AS_DESCRIBED", "OTHER", "SIZE_TOO_LARGE", "SIZE_TOO_SMALL", "STYLE", "UNKNOWN", "UNWANTED", "WRONG_ITEM"]);
const DECLINE_REASONS = new Set(["FINAL_SALE", "OTHER", "RETURN_PERIOD_ENDED"]);

function isoNow(ctx: MutationContext): string {
  return new Date(ctx.now()).toISOString();
}

function gid(ctx: MutationContext, typename: string): string {
  return `gid://shopify/${typename}/${ctx.store.nextNumericId()}`;
}

function node(ctx: MutationContext, id: unknown, typename: string): NodeRecord | null {
  const found = typeof id === "string" ? ctx.shop.nodes.get(id) : undefined;
  return found && found.__typename === typename ? found : null;
}

function idOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string") return (value as { id: string }).id;
  return null;
}

function list(value: unknown): Fields[] {
  return Array.isArray(value) ? (value as Fields[]) : [];
}

const cents = (amount: string) => Math.round(Number(amount) * 100);
const decimal = (value: number) => (value / 100).toFixed(2);

function scaledBag(bag: MoneyBag | undefined, numerator: number, denominator: number): MoneyBag {
  const scale = (money: Money | undefined): Money => ({
    amount: decimal(Math.round((cents(money?.amount ?? "0") * numerator) / Math.max(denominator, 1))),
    currencyCode: money?.currencyCode ?? "EUR",
  });
  return { shopMoney: scale(bag?.shopMoney), presentmentMoney: scale(bag?.presentmentMoney) };
}

// ---------------------------------------------------------------------------
// Returns

/** The order's fulfillment line items of successful fulfillments, by id. */
function fulfillmentLineItemsOf(order: NodeRecord): Map<string, NodeRecord> {
  const items = new Map<string, NodeRecord>();
  for (const fulfillment of list(order.fulfillments)) {
    if (fulfillment.status !== "SUCCESS") continue;
    for (const item of list(fulfillment.fulfillmentLineItems)) if (typeof item.id === "string") items.set(item.id, item as NodeRecord);
  }
  return items;
}

function returnsOf(ctx: MutationContext, orderId: string): NodeRecord[] {
  return ctx.shop.returns.filter((candidate) => idOf(candidate.order) === orderId);
}

/** Units of each fulfillment line item in returns that are requested, open or closed (declined and canceled ones free theirs). */
function unitsInReturns(ctx: MutationContext, orderId: string): Map<string, number> {
  const units = new Map<string, number>();
  for (const existing of returnsOf(ctx, orderId)) {
    if (existing.status === "DECLINED" || existing.status === "CANCELED") continue;
    for (const line of list(existing.returnLineItems)) {
      const itemId = idOf(line.fulfillmentLineItem);
      if (itemId) units.set(itemId, (units.get(itemId) ?? 0) + Number(line.quantity));
    }
  }
  return units;
}

type LineInput = { fulfillmentLineItemId: unknown; quantity: unknown; returnReason?: unknown; customerNote?: unknown; returnReasonNote?: unknown };

function checkReturnLines(ctx: MutationContext, order: NodeRecord, lines: LineInput[], root: string): { errors: ReturnUserError[]; items: NodeRecord[] } {
  const errors: ReturnUserError[] = [];
  const items: NodeRecord[] = [];
  if (lines.length === 0) errors.push({ field: [root, "returnLineItems"], message: "Return line items can't be blank.", code: "BLANK" });
  const available = fulfillmentLineItemsOf(order);
  const taken = unitsInReturns(ctx, order.id);
  const asked = new Map<string, number>();
  lines.forEach((line, index) => {
    const field = (name: string) => [root, "returnLineItems", String(index), name];
    const item = typeof line.fulfillmentLineItemId === "string" ? available.get(line.fulfillmentLineItemId) : undefined;
    const quantity = Number(line.quantity);
    if (!item) {
      errors.push({ field: field("fulfillmentLineItemId"), message: "Fulfillment line item does not exist or is not part of the order's fulfillments.", code: "NOT_FOUND" });
      return;
    }
    items.push(item);
    if (!Number.isInteger(quantity) || quantity < 1) {
      errors.push({ field: field("quantity"), message: "Quantity must be greater than 0.", code: "GREATER_THAN" });
      return;
    }
    const total = (asked.get(item.id) ?? 0) + quantity;
    asked.set(item.id, total);
    if (total + (taken.get(item.id) ?? 0) > Number(item.quantity)) {
      errors.push({ field: field("quantity"), message: "Quantity is not available for return.", code: "INVALID" });
    }
    if (line.returnReason !== undefined && line.returnReason !== null && !RETURN_REASONS.has(String(line.returnReason))) {
      errors.push({ field: field("returnReason"), message: "Return reason is not included in the list.", code: "INCLUSION" });
    }
    if (typeof line.customerNote === "string" && line.customerNote.length > CUSTOMER_NOTE_MAX) {
      errors.push({ field: field("customerNote"), message: `Customer note is too long (maximum is ${CUSTOMER_NOTE_MAX} characters).`, code: "TOO_LONG" });
    }
    if (typeof line.returnReasonNote === "string" && line.returnReasonNote.length > REASON_NOTE_MAX) {
      errors.push({ field: field("returnReasonNote"), message: `Return reason note is too long (maximum is ${REASON_NOTE_MAX} characters).`, code: "TOO_LONG" });
    }
  });
  return { errors, items };
}

function returnLineItem(ctx: MutationContext, item: NodeRecord, line: LineInput): NodeRecord {
  const quantity = Number(line.quantity);
  return {
    __typename: "ReturnLineItem",
    id: gid(ctx, "ReturnLineItem"),
    fulfillmentLineItem: item,
    quantity,
    processableQuantity: quantity,
    processedQuantity: 0,
    refundableQuantity: quantity,
    refundedQuantity: 0,
    unprocessedQuantity: quantity,
    returnReason: typeof line.returnReason === "string" ? line.returnReason : "UNKNOWN",
    returnReasonNote: typeof line.returnReasonNote === "string" ? line.returnReasonNote : "",
    returnReasonDefinition: null,
    customerNote: typeof line.customerNote === "string" ? line.customerNote : null,
    restockingFee: null,
    totalWeight: null,
    withCodeDiscountedTotalPriceSet: scaledBag(item.discountedTotalSet as MoneyBag | undefined, quantity, Number(item.quantity)),
  };
}

function reverseFulfillmentOrder(ctx: MutationContext, order: NodeRecord, lines: readonly Fields[]): NodeRecord {
  return {
    __typename: "ReverseFulfillmentOrder",
    id: gid(ctx, "ReverseFulfillmentOrder"),
    order: { id: order.id },
    status: "OPEN",
    thirdPartyConfirmation: null,
    lineItems: lines.map((line) => ({
      __typename: "ReverseFulfillmentOrderLineItem",
      id: gid(ctx, "ReverseFulfillmentOrderLineItem"),
      totalQuantity: line.quantity,
      fulfillmentLineItem: line.fulfillmentLineItem,
      dispositions: [],
    })),
    reverseDeliveries: [],
  };
}

function setOrderReturnStatus(ctx: MutationContext, order: NodeRecord): void {
  const statuses = returnsOf(ctx, order.id).map((candidate) => String(candidate.status));
  order.returnStatus = statuses.includes("OPEN")
    ? "IN_PROGRESS"
    : statuses.includes("REQUESTED")
      ? "RETURN_REQUESTED"
      : statuses.includes("CLOSED")
        ? "RETURNED"
        : "NO_RETURN";
  order.updatedAt = isoNow(ctx);
}

/**
 * The demo orders carry no payment transactions, which Shopify always lists (`Order.transactions`
 * is non-null): a paid order gets its successful sale of the order's total, the first time a
 * return needs it, so refunds have a parent.
 */
function ensureTransactions(ctx: MutationContext, order: NodeRecord): void {
  if (Array.isArray(order.transactions)) return;
  const paid = order.fullyPaid === true || ["PAID", "PARTIALLY_REFUNDED", "REFUNDED", "PARTIALLY_PAID"].includes(String(order.displayFinancialStatus));
  const total = order.totalPriceSet as MoneyBag | undefined;
  order.transactions = paid && total
    ? [{ __typename: "OrderTransaction", id: gid(ctx, "OrderTransaction"), kind: "SALE", status: "SUCCESS", amountSet: total, gateway: (order.paymentGatewayNames as string[] | undefined)?.[0] ?? "manual", createdAt: order.processedAt ?? order.createdAt, fees: [], manualPaymentGateway: false, manuallyCapturable: false, test: false }]
    : [];
}

function createReturn(ctx: MutationContext, order: NodeRecord, lines: LineInput[], items: NodeRecord[], status: "REQUESTED" | "OPEN", requestedAt: string | null): NodeRecord {
  ensureTransactions(ctx, order);
  const nowIso = isoNow(ctx);
  const returnLineItems = lines.map((line, index) => returnLineItem(ctx, items[index] as NodeRecord, line));
  const record: NodeRecord = {
    __typename: "Return",
    id: gid(ctx, "Return"),
    name: `${String(order.name)}-R${returnsOf(ctx, order.id).length + 1}`,
    status,
    order: { id: order.id },
    createdAt: requestedAt ?? nowIso,
    requestApprovedAt: status === "OPEN" ? nowIso : null,
    closedAt: null,
    decline: null,
    staffMember: null,
    totalQuantity: returnLineItems.reduce((sum, line) => sum + Number(line.quantity), 0),
    returnLineItems,
    exchangeLineItems: [],
    returnShippingFees: [],
    refunds: [],
    transactions: [],
    reverseFulfillmentOrders: status === "OPEN" ? [reverseFulfillmentOrder(ctx, order, returnLineItems)] : [],
  };
  const stored = ctx.store.upsertNode(ctx.shop.domain, record);
  setOrderReturnStatus(ctx, order);
  return stored;
}

function returnRequest(args: Fields, ctx: MutationContext): Fields {
  const input = (args.input ?? {}) as Fields;
  const order = node(ctx, input.orderId, "Order");
  if (!order) return { return: null, userErrors: [{ field: ["input", "orderId"], message: "Order does not exist.", code: "NOT_FOUND" }] };
  if (order.cancelledAt) return { return: null, userErrors: [{ field: ["input", "orderId"], message: "A canceled order can't be returned.", code: "INVALID_STATE" }] };
  const lines = list(input.returnLineItems) as LineInput[];
  const { errors, items } = checkReturnLines(ctx, order, lines, "input");
  if (errors.length > 0) return { return: null, userErrors: errors };
  return { return: createReturn(ctx, order, lines, items, "REQUESTED", null), userErrors: [] };
}

function returnCreate(args: Fields, ctx: MutationContext): Fields {
  const input = (args.returnInput ?? {}) as Fields;
  const order = node(ctx, input.orderId, "Order");
  if (!order) return { return: null, userErrors: [{ field: ["returnInput", "orderId"], message: "Order does not exist.", code: "NOT_FOUND" }] };
  const lines = list(input.returnLineItems) as LineInput[];
  const { errors, items } = checkReturnLines(ctx, order, lines, "returnInput");
  if (errors.length > 0) return { return: null, userErrors: errors };
  const requestedAt = typeof input.requestedAt === "string" ? input.requestedAt : null;
  return { return: createReturn(ctx, order, lines, items, "OPEN", requestedAt), userErrors: [] };
}

function findReturn(ctx: MutationContext, id: unknown, field: string[]): { record: NodeRecord } | { error: ReturnUserError } {
  const record = node(ctx, id, "Return");
  return record ? { record } : { error: { field, message: "Return does not exist.", code: "NOT_FOUND" } };
}

function orderOf(ctx: MutationContext, record: NodeRecord): NodeRecord | null {
  return node(ctx, idOf(record.order), "Order");
}

function wrongState(field: string[], message: string): Fields {
  return { return: null, userErrors: [{ field, message, code: "INVALID_STATE" }] };
}

function returnApproveRequest(args: Fields, ctx: MutationContext): Fields {
  const input = (args.input ?? {}) as Fields;
  const found = findReturn(ctx, input.id, ["input", "id"]);
  if ("error" in found) return { return: null, userErrors: [found.error] };
  const record = found.record;
  if (record.status !== "REQUESTED") return wrongState(["input", "id"], `Return is not approvable. Only returns with status REQUESTED can be approved; this one is ${String(record.status)}.`);
  const order = orderOf(ctx, record) as NodeRecord;
  record.status = "OPEN";
  record.requestApprovedAt = isoNow(ctx);
  record.reverseFulfillmentOrders = [reverseFulfillmentOrder(ctx, order, list(record.returnLineItems))];
  ctx.store.upsertNode(ctx.shop.domain, record);
  setOrderReturnStatus(ctx, order);
  return { return: record, userErrors: [] };
}

function returnDeclineRequest(args: Fields, ctx: MutationContext): Fields {
  const input = (args.input ?? {}) as Fields;
  const found = findReturn(ctx, input.id, ["input", "id"]);
  if ("error" in found) return { return: null, userErrors: [found.error] };
  const record = found.record;
  if (!DECLINE_REASONS.has(String(input.declineReason))) return { return: null, userErrors: [{ field: ["input", "declineReason"], message: "Decline reason is not included in the list.", code: "INCLUSION" }] };
  if (typeof input.declineNote === "string" && input.declineNote.length > DECLINE_NOTE_MAX) {
    return { return: null, userErrors: [{ field: ["input", "declineNote"], message: `Decline note is too long (maximum is ${DECLINE_NOTE_MAX} characters).`, code: "TOO_LONG" }] };
  }
  if (record.status !== "REQUESTED") return wrongState(["input", "id"], `Return is not declinable. Only returns with status REQUESTED can be declined; this one is ${String(record.status)}.`);
  record.status = "DECLINED";
  record.decline = { __typename: "ReturnDecline", reason: input.declineReason, note: typeof input.declineNote === "string" ? input.declineNote : null };
  setOrderReturnStatus(ctx, orderOf(ctx, record) as NodeRecord);
  return { return: record, userErrors: [] };
}

const processedUnits = (record: NodeRecord) => list(record.returnLineItems).reduce((sum, line) => sum + Number(line.processedQuantity ?? 0), 0);

function returnCancel(args: Fields, ctx: MutationContext): Fields {
  const found = findReturn(ctx, args.id, ["id"]);
  if ("error" in found) return { return: null, userErrors: [found.error] };
  const record = found.record;
  if (record.status !== "REQUESTED" && record.status !== "OPEN") return wrongState(["id"], `Return can't be canceled: its status is ${String(record.status)}.`);
  if (processedUnits(record) > 0) return wrongState(["id"], "Return can't be canceled: some of its items have been processed.");
  record.status = "CANCELED";
  setOrderReturnStatus(ctx, orderOf(ctx, record) as NodeRecord);
  return { return: record, userErrors: [] };
}

function returnClose(args: Fields, ctx: MutationContext): Fields {
  const found = findReturn(ctx, args.id, ["id"]);
  if ("error" in found) return { return: null, userErrors: [found.error] };
  const record = found.record;
  if (record.status !== "OPEN") return wrongState(["id"], `Return can't be closed: its status is ${String(record.status)}.`);
  record.status = "CLOSED";
  record.closedAt = isoNow(ctx);
  setOrderReturnStatus(ctx, orderOf(ctx, record) as NodeRecord);
  return { return: record, userErrors: [] };
}

type Transaction = { id?: string; kind?: string; status?: string; amountSet?: MoneyBag };

function refundOf(ctx: MutationContext, order: NodeRecord, amount: Money, note: string | null): NodeRecord {
  const nowIso = isoNow(ctx);
  const presentment = amount;
  const shop = { amount: amount.amount, currencyCode: String((order.currencyCode as string | undefined) ?? amount.currencyCode) };
  const refund: NodeRecord = {
    __typename: "Refund",
    id: gid(ctx, "Refund"),
    createdAt: nowIso,
    processedAt: nowIso,
    updatedAt: nowIso,
    note,
    totalRefundedSet: { shopMoney: shop, presentmentMoney: presentment },
    refundLineItems: [],
  };
  order.refunds = [...list(order.refunds), refund];
  const refunded = (order.totalRefundedSet as MoneyBag | undefined)?.presentmentMoney;
  const total = cents(refunded?.amount ?? "0") + cents(amount.amount);
  order.totalRefundedSet = { shopMoney: { ...shop, amount: decimal(total) }, presentmentMoney: { ...presentment, amount: decimal(total) } };
  const paid = cents(((order.totalPriceSet as MoneyBag | undefined)?.presentmentMoney.amount as string | undefined) ?? "0");
  order.displayFinancialStatus = total >= paid ? "REFUNDED" : "PARTIALLY_REFUNDED";
  ctx.store.upsertNode(ctx.shop.domain, order);
  return refund;
}

function returnProcess(args: Fields, ctx: MutationContext): Fields {
  const input = (args.input ?? {}) as Fields;
  const found = findReturn(ctx, input.returnId, ["input", "returnId"]);
  if ("error" in found) return { return: null, userErrors: [found.error] };
  const record = found.record;
  if (record.status !== "OPEN") return wrongState(["input", "returnId"], `Return can't be processed: its status is ${String(record.status)}.`);
  const order = orderOf(ctx, record) as NodeRecord;
  const lines = new Map(list(record.returnLineItems).map((line) => [String(line.id), line]));
  const errors: ReturnUserError[] = [];
  const processing = list(input.returnLineItems);
  if (processing.length === 0 && list(input.exchangeLineItems).length === 0) errors.push({ field: ["input", "returnLineItems"], message: "Return line items can't be blank.", code: "BLANK" });
  processing.forEach((line, index) => {
    const existing = lines.get(String(line.id));
    const quantity = Number(line.quantity);
    if (!existing) errors.push({ field: ["input", "returnLineItems", String(index), "id"], message: "Return line item does not exist on this return.", code: "NOT_FOUND" });
    else if (!Number.isInteger(quantity) || quantity < 1) errors.push({ field: ["input", "returnLineItems", String(index), "quantity"], message: "Quantity must be greater than 0.", code: "GREATER_THAN" });
    else if (quantity > Number(existing.processableQuantity)) errors.push({ field: ["input", "returnLineItems", String(index), "quantity"], message: "Quantity is more than can be processed.", code: "LESS_THAN_OR_EQUAL_TO" });
  });

  const refundInput = ((input.financialTransfer ?? null) as Fields | null)?.issueRefund as Fields | undefined;
  const transactions = list(order.transactions) as Transaction[];
  const moneyOut: Money[] = [];
  if (refundInput) {
    list(refundInput.orderTransactions).forEach((transaction, index) => {
      const parent = transactions.find((candidate) => candidate.id === transaction.parentId);
      const amount = transaction.transactionAmount as Money | undefined;
      const field = ["input", "financialTransfer", "issueRefund", "orderTransactions", String(index)];
      if (!parent || parent.status !== "SUCCESS" || (parent.kind !== "SALE" && parent.kind !== "CAPTURE")) {
        errors.push({ field: [...field, "parentId"], message: "Parent transaction must be a successful sale or capture of the order.", code: "INVALID" });
      } else if (!amount || !(cents(amount.amount) > 0) || cents(amount.amount) > cents(parent.amountSet?.presentmentMoney.amount ?? "0")) {
        errors.push({ field: [...field, "transactionAmount"], message: "Transaction amount must be more than 0 and at most the parent transaction's amount.", code: "INVALID" });
      } else moneyOut.push(amount);
    });
    list(refundInput.refundMethods).forEach((method, index) => {
      const credit = method.storeCreditRefund as Fields | undefined;
      const amount = credit?.amount as Money | undefined;
      if (!amount || !(cents(amount.amount) > 0)) errors.push({ field: ["input", "financialTransfer", "issueRefund", "refundMethods", String(index), "storeCreditRefund", "amount"], message: "Amount must be greater than 0.", code: "GREATER_THAN" });
      else if (!order.customer) errors.push({ field: ["input", "financialTransfer", "issueRefund", "refundMethods", String(index)], message: "Store credit needs a customer on the order.", code: "INVALID" });
      else moneyOut.push(amount);
    });
  }
  if (errors.length > 0) return { return: null, userErrors: errors };

  for (const line of processing) {
    const existing = lines.get(String(line.id)) as Fields;
    const quantity = Number(line.quantity);
    existing.processedQuantity = Number(existing.processedQuantity) + quantity;
    existing.processableQuantity = Number(existing.processableQuantity) - quantity;
    existing.unprocessedQuantity = Number(existing.unprocessedQuantity) - quantity;
  }
  if (moneyOut.length > 0) {
    const currency = moneyOut[0]?.currencyCode ?? "EUR";
    const total = moneyOut.reduce((sum, money) => sum + cents(money.amount), 0);
    record.refunds = [...list(record.refunds), refundOf(ctx, order, { amount: decimal(total), currencyCode: currency }, typeof input.note === "string" ? input.note : null)];
  }
  // Everything processed: Shopify closes the return by itself.
  if (list(record.returnLineItems).every((line) => Number(line.processableQuantity) === 0)) {
    record.status = "CLOSED";
    record.closedAt = isoNow(ctx);
  }
  setOrderReturnStatus(ctx, order);
  return { return: record, userErrors: [] };
}

function reverseDeliveryCreateWithShipping(args: Fields, ctx: MutationContext): Fields {
  const rfo = node(ctx, args.reverseFulfillmentOrderId, "ReverseFulfillmentOrder");
  if (!rfo) return { reverseDelivery: null, userErrors: [{ field: ["reverseFulfillmentOrderId"], message: "Reverse fulfillment order does not exist.", code: "NOT_FOUND" }] };
  const owner = ctx.shop.returns.find((candidate) => list(candidate.reverseFulfillmentOrders).some((order) => order.id === rfo.id));
  if (owner && owner.status !== "OPEN") return { reverseDelivery: null, userErrors: [{ field: ["reverseFulfillmentOrderId"], message: `The return is ${String(owner.status)}: deliveries can only be added to an open return.`, code: "INVALID_STATE" }] };
  const items = new Map(list(rfo.lineItems).map((item) => [String(item.id), item]));
  const errors: ReturnUserError[] = [];
  const lines = list(args.reverseDeliveryLineItems);
  if (lines.length === 0) errors.push({ field: ["reverseDeliveryLineItems"], message: "Reverse delivery line items can't be blank.", code: "BLANK" });
  lines.forEach((line, index) => {
    const item = items.get(String(line.reverseFulfillmentOrderLineItemId));
    if (!item) errors.push({ field: ["reverseDeliveryLineItems", String(index), "reverseFulfillmentOrderLineItemId"], message: "Reverse fulfillment order line item does not exist.", code: "NOT_FOUND" });
    else if (!(Number(line.quantity) >= 1) || Number(line.quantity) > Number(item.totalQuantity)) {
      errors.push({ field: ["reverseDeliveryLineItems", String(index), "quantity"], message: "Quantity must be at least 1 and at most the item's quantity.", code: "INVALID" });
    }
  });
  const tracking = (args.trackingInput ?? null) as Fields | null;
  const label = (args.labelInput ?? null) as Fields | null;
  for (const [field, value] of [["trackingInput", tracking?.url], ["labelInput", label?.fileUrl]] as const) {
    if (value !== undefined && value !== null && !/^https?:\/\/\S+$/.test(String(value))) errors.push({ field: [field, field === "labelInput" ? "fileUrl" : "url"], message: "URL is invalid.", code: "INVALID" });
  }
  if (errors.length > 0) return { reverseDelivery: null, userErrors: errors };
  const nowIso = isoNow(ctx);
  const delivery: NodeRecord = {
    __typename: "ReverseDelivery",
    id: gid(ctx, "ReverseDelivery"),
    reverseFulfillmentOrder: { id: rfo.id },
    reverseDeliveryLineItems: lines.map((line) => ({
      __typename: "ReverseDeliveryLineItem",
      id: gid(ctx, "ReverseDeliveryLineItem"),
      quantity: line.quantity,
      reverseFulfillmentOrderLineItem: { id: line.reverseFulfillmentOrderLineItemId },
      dispositions: [],
    })),
    deliverable: {
      __typename: "ReverseDeliveryShippingDeliverable",
      tracking: tracking ? { __typename: "ReverseDeliveryTrackingV2", number: tracking.number ?? null, url: tracking.url ?? null, carrierName: null } : null,
      label: label ? { __typename: "ReverseDeliveryLabelV2", publicFileUrl: label.fileUrl, createdAt: nowIso, updatedAt: nowIso } : null,
    },
  };
  const stored = ctx.store.upsertNode(ctx.shop.domain, delivery);
  rfo.reverseDeliveries = [...list(rfo.reverseDeliveries), stored];
  return { reverseDelivery: stored, userErrors: [] };
}

// ---------------------------------------------------------------------------
// Discount codes

type DiscountUserError = { field: string[] | null; message: string; code: string; extraInfo: null };

function discountCodes(ctx: MutationContext): Set<string> {
  const codes = new Set<string>();
  for (const discount of ctx.shop.discounts) {
    const codeDiscount = (discount.codeDiscount ?? {}) as Fields;
    for (const entry of list(codeDiscount.codes)) codes.add(String(entry.code).toLowerCase());
  }
  return codes;
}

function discountCodeBasicCreate(args: Fields, ctx: MutationContext): Fields {
  const input = (args.basicCodeDiscount ?? {}) as Fields;
  const errors: DiscountUserError[] = [];
  const field = (...path: string[]) => ["basicCodeDiscount", ...path];
  const error = (path: string[], message: string, code: string) => errors.push({ field: path, message, code, extraInfo: null });
  const code = typeof input.code === "string" ? input.code.trim() : "";
  if (!code) error(field("code"), "Code can't be blank", "BLANK");
  else if (code.length > 255) error(field("code"), "Code is too long (maximum is 255 characters)", "TOO_LONG");
  else if (discountCodes(ctx).has(code.toLowerCase())) error(field("code"), "Code must be unique. Please try a different code.", "TAKEN");
  if (typeof input.title !== "string" || input.title.trim() === "") error(field("title"), "Title can't be blank", "BLANK");
  const startsAt = Date.parse(String(input.startsAt ?? ""));
  const endsAt = input.endsAt === null || input.endsAt === undefined ? null : Date.parse(String(input.endsAt));
  if (Number.isNaN(startsAt)) error(field("startsAt"), "Starts at can't be blank", "BLANK");
  else if (endsAt !== null && !(endsAt > startsAt)) error(field("endsAt"), "Ends at needs to be after starts_at", "END_DATE_BEFORE_START_DATE");
  const value = (((input.customerGets ?? {}) as Fields).value ?? {}) as Fields;
  if (typeof value.percentage === "number" && !(value.percentage > 0 && value.percentage <= 1)) {
    error(field("customerGets", "value", "percentage"), "Value must be between 0.0 and 1.0", "VALUE_OUTSIDE_RANGE");
  }
  const customers = ((((input.context ?? {}) as Fields).customers ?? {}) as Fields).add;
  for (const [index, customerId] of list(customers as unknown).entries()) {
    if (!node(ctx, customerId, "Customer")) error(field("context", "customers", "add", String(index)), "Customer does not exist", "INVALID");
  }
  if (errors.length > 0) return { codeDiscountNode: null, userErrors: errors };

  const nowIso = isoNow(ctx);
  const discount: NodeRecord = {
    __typename: "DiscountCodeNode",
    id: gid(ctx, "DiscountCodeNode"),
    codeDiscount: {
      __typename: "DiscountCodeBasic",
      title: String(input.title),
      codes: [{ __typename: "DiscountRedeemCode", id: gid(ctx, "DiscountRedeemCode"), code, asyncUsageCount: 0 }],
      codesCount: { count: 1, precision: "EXACT" },
      startsAt: new Date(startsAt).toISOString(),
      endsAt: endsAt === null ? null : new Date(endsAt).toISOString(),
      status: startsAt > ctx.now() ? "SCHEDULED" : endsAt !== null && endsAt <= ctx.now() ? "EXPIRED" : "ACTIVE",
      usageLimit: input.usageLimit ?? null,
      appliesOncePerCustomer: input.appliesOncePerCustomer ?? false,
      asyncUsageCount: 0,
      createdAt: nowIso,
      updatedAt: nowIso,
      discountClasses: ["ORDER"],
      input,
    },
  };
  return { codeDiscountNode: ctx.store.upsertNode(ctx.shop.domain, discount), userErrors: [] };
}

/** The codes the shop's code discounts carry (for tests). */
export function storedDiscountCodes(shop: { discounts: NodeRecord[] }): { code: string; input: Fields }[] {
  return shop.discounts.flatMap((discount) => {
    const codeDiscount = (discount.codeDiscount ?? {}) as Fields;
    return list(codeDiscount.codes).map((entry) => ({ code: String(entry.code), input: (codeDiscount.input ?? {}) as Fields }));
  });
}

export function registerReturnMutations(): void {
  registerMutation("returnRequest", returnRequest);
  registerMutation("returnApproveRequest", returnApproveRequest);
  registerMutation("returnDeclineRequest", returnDeclineRequest);
  registerMutation("returnCreate", returnCreate);
  registerMutation("returnCancel", returnCancel);
  registerMutation("returnClose", returnClose);
  registerMutation("returnProcess", returnProcess);
  registerMutation("reverseDeliveryCreateWithShipping", reverseDeliveryCreateWithShipping);
  registerMutation("discountCodeBasicCreate", discountCodeBasicCreate);
}

registerReturnMutations();
