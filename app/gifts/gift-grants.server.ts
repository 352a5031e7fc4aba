// Giving the gifts an order earns (app/gifts/gift-rules.ts decides which): each gift is claimed
// in the database first — one GiftGrant per (shop, order, rule), its cost counted in the rule's
// budget for the month (in the shop's time zone) and one taken off the rule's stock, under a lock
// on the rule — and only then carried out in Shopify:
//   - add_product: the variant added free of charge by an order edit (./order-edit.server.ts);
//   - packer_instruction: the order tagged "aftercare-gift" and a line appended to its note,
//     recorded as to do ("applied") until the order is fulfilled ("done");
//   - discount_card: a single-customer code (app/loyalty/issue-code.server.ts) and the
//     loyalty_reward message carrying it.
// Once given, the gifts are shown on the thank-you / order status page: the order's app-owned
// metafields `gift` and `discount_card` (./gift-metafields.ts) are written in one metafieldsSet
// when their value changed (what was written is kept in each grant's detail).
// A grant that is claimed but not carried out yet stays "pending": the next attempt resumes it
// from what it stored (never giving twice); one that Shopify refuses is "failed", with the reason,
// and its stock is given back. Every gift given is written on the order's timeline.
import type { GiftGrant } from "@prisma/client";
import { z } from "zod";
import { getConfig } from "~/config.server";
import { markDashboardDays } from "~/dashboard/dashboard-days.server";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "~/db-errors";
import type { JobQueue } from "~/jobs/queue.server";
import { issueDiscountCode } from "~/loyalty/issue-code.server";
import { requestMessage } from "~/messages/request-message.server";
import { getShopSettings } from "~/messages/shop-settings.server";
import type { AdminClient } from "~/shopify.server";
import { AdminApiError, adminQuery, type UserError } from "~/shopify/admin-graphql.server";
import { GIFT_ORDER_DETAILS_QUERY } from "~/shopify/graphql/gift-order-details";
import { GIFT_ORDER_METAFIELDS_SET_MUTATION } from "~/shopify/graphql/gift-order-metafields-set";
import { GIFT_ORDER_NOTE_QUERY } from "~/shopify/graphql/gift-order-note";
import { GIFT_ORDER_NOTE_UPDATE_MUTATION } from "~/shopify/graphql/gift-order-note-update";
import { GIFT_ORDER_TAG_ADD_MUTATION } from "~/shopify/graphql/gift-order-tag-add";
import type { GiftOrderDetailsQuery, GiftOrderMetafieldsSetMutation, GiftOrderNoteQuery, GiftOrderNoteUpdateMutation, GiftOrderTagAddMutation } from "~/types/admin.generated";
import { customerOrderNumber, giftRuleFromRow, GiftSchema, type StoredGiftRule } from "./gift-rules.server";
import { ORDER_GIFT_METAFIELDS, orderGiftMetafieldsToWrite, orderGiftMetafieldValues, type GivenGift, type OrderGiftMetafieldKey } from "./gift-metafields";
import { matchGiftRules, packerInstruction, type Gift, type GiftKind, type GiftOrder, type GiftSkipCode } from "./gift-rules";
import { addFreeVariant, type GiftEditState } from "./order-edit.server";

type Admin = Pick<AdminClient, "graphql">;
type Enqueue = Pick<JobQueue, "enqueue">;

/** The order tag the packer filters by. */
export const GIFT_TAG = "aftercare-gift";
/** How long an attempt holds a pending grant before another may take it over. */
export const GRANT_LEASE_MS = 5 * 60_000;
/** The prefix of the codes printed on discount cards: THANKS-7K3M-Q9XP. */
export const DISCOUNT_CARD_PREFIX = "THANKS";

export type GrantStatus = "pending" | "applied" | "done" | "failed";

export type GiftSkip = { ruleId: string; code: GiftSkipCode | "claimed_elsewhere" | "in_progress"; why: string };

export type GiftApplication = {
  orderId: string;
  /** False when the app does not have the order (nothing was looked at). */
  orderKnown: boolean;
  /** Gifts carried out by this call (new, or resumed from an earlier attempt). */
  made: { grantId: string; ruleId: string; kind: GiftKind; detail: GrantDetailView }[];
  /** Active rules the order does not get, and why. */
  skipped: GiftSkip[];
  /** Gifts Shopify refused: recorded as failed, with the reason. */
  failed: { grantId: string; ruleId: string; kind: GiftKind; reason: string }[];
  /** The order's `$app:aftercare` metafields for the thank-you page: the keys written by this call, or why Shopify refused them. */
  orderMetafields: { written: OrderGiftMetafieldKey[]; refused: string | null };
};

/** What a grant keeps (GiftGrant.detail): the gift as the rule gave it, and what was done. */
const GrantDetailSchema = z.object({
  ruleName: z.string(),
  gift: GiftSchema,
  reasonWords: z.string().default(""),
  /** ISO time until which an attempt holds the grant. */
  leaseUntil: z.string().optional(),
  edit: z.object({ linesBefore: z.number().int(), sessionId: z.string().optional(), lineItemId: z.string().optional(), title: z.string().optional(), discounted: z.boolean().optional() }).optional(),
  title: z.string().nullish(),
  noteLine: z.string().optional(),
  packingSlipLine: z.string().optional(),
  code: z.string().optional(),
  codeId: z.string().optional(),
  expiresAt: z.string().optional(),
  /** The values of the order's metafields (./gift-metafields.ts) last written while this gift was given. */
  orderMetafields: z.object({ gift: z.string().optional(), discount_card: z.string().optional() }).optional(),
});
type GrantDetail = z.infer<typeof GrantDetailSchema>;

/** The detail without the bookkeeping, for pages and results. */
export type GrantDetailView = Omit<GrantDetail, "leaseUntil" | "edit" | "orderMetafields">;

function readDetail(text: string): GrantDetail | null {
  try {
    const parsed = GrantDetailSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function viewOf(detail: GrantDetail | null): GrantDetailView {
  if (!detail) return { ruleName: "", gift: { kind: "packer_instruction", text: "" }, reasonWords: "" };
  const { leaseUntil: _lease, edit: _edit, orderMetafields: _written, ...view } = detail;
  return view;
}

// --- months and money -------------------------------------------------------------------------

/** "2026-11": the month `at` falls in, in the shop's time zone (UTC when the zone is unknown). */
export function monthIn(at: Date, timeZone: string): string {
  const format = (zone: string) => {
    const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit" }).formatToParts(at);
    return `${parts.find((part) => part.type === "year")?.value}-${parts.find((part) => part.type === "month")?.value}`;
  };
  try {
    return format(timeZone);
  } catch {
    return format("UTC");
  }
}

/** The `count` months up to and including `month`, oldest first. */
export function monthsUpTo(month: string, count: number): string[] {
  const [year, index] = month.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, back) => {
    const total = year * 12 + (index - 1) - (count - 1 - back);
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
  });
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Exact sum of non-negative decimal strings ("0" for none); anything else counts as 0. */
export function sumAmounts(amounts: readonly string[]): string {
  const parsed = amounts.map((amount) => DECIMAL.exec(amount.trim())).filter((match): match is RegExpExecArray => match !== null);
  const scale = Math.max(0, ...parsed.map((match) => (match[2] ?? "").length));
  const units = parsed.reduce((sum, match) => sum + BigInt(`${match[1]}${(match[2] ?? "").padEnd(scale, "0")}`), 0n);
  const digits = units.toString().padStart(scale + 1, "0");
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

function exceeds(spent: string, unitCost: string, budget: string): boolean {
  const total = sumAmounts([spent, unitCost]);
  const scale = Math.max((total.split(".")[1] ?? "").length, (budget.split(".")[1] ?? "").length);
  const units = (text: string) => {
    const [whole = "0", fraction = ""] = text.split(".");
    return BigInt(`${whole}${fraction.padEnd(scale, "0")}`);
  };
  return DECIMAL.test(budget.trim()) && units(total) > units(budget.trim());
}

// --- applying ---------------------------------------------------------------------------------

type Mode = "order" | "apology";

/** Gives the order the gifts its rules earn (all but the late-order apology rules). */
export function applyGiftsForOrder(db: Db, admin: Admin, queue: Enqueue, shop: string, orderId: string, now: Date): Promise<GiftApplication> {
  return applyGifts(db, admin, queue, shop, orderId, now, "order");
}

/** Gives the order the gifts of the "late order apology" rules: the order watch's apology asks. */
export function applyApologyGift(db: Db, admin: Admin, queue: Enqueue, shop: string, orderId: string, now: Date): Promise<GiftApplication> {
  return applyGifts(db, admin, queue, shop, orderId, now, "apology");
}

const CARE_SELECT = {
  orderId: true,
  orderGid: true,
  name: true,
  number: true,
  customerId: true,
  placedAt: true,
  paidAt: true,
  cancelledAt: true,
  fulfillmentStatus: true,
  totalPrice: true,
} as const;

async function applyGifts(db: Db, admin: Admin, queue: Enqueue, shop: string, orderId: string, now: Date, mode: Mode): Promise<GiftApplication> {
  const result: GiftApplication = { orderId, orderKnown: false, made: [], skipped: [], failed: [], orderMetafields: { written: [], refused: null } };
  const care = await db.orderCare.findUnique({ where: { shop_orderId: { shop, orderId } }, select: CARE_SELECT });
  if (!care) return result;
  result.orderKnown = true;

  const ruleRows = await db.giftRule.findMany({ where: { shop, active: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const rules: StoredGiftRule[] = [];
  for (const row of ruleRows) {
    const rule = giftRuleFromRow(row);
    if (!rule) result.skipped.push({ ruleId: row.id, code: "invalid_rule", why: "The rule's trigger or gift can't be read; edit the rule." });
    else if ((rule.trigger.kind === "late_order_apology") === (mode === "apology")) rules.push(rule);
  }

  const grants = await db.giftGrant.findMany({ where: { shop, orderId }, orderBy: { createdAt: "asc" } });
  const pending = grants.filter((grant) => grant.status === "pending");
  const settings = await getShopSettings(db, shop);
  const month = monthIn(now, settings.timezone);

  const spentRows = await db.giftGrant.findMany({ where: { shop, month, status: { not: "failed" } }, select: { ruleId: true, cost: true } });
  const costThisMonth: Record<string, string> = {};
  for (const rule of rules) costThisMonth[rule.id] = sumAmounts(spentRows.filter((row) => row.ruleId === rule.id).map((row) => row.cost));

  const giftOrder = await giftOrderOf(db, admin, shop, care, rules, mode);
  const decision = matchGiftRules(giftOrder, rules, {
    costThisMonth,
    stockLeft: Object.fromEntries(rules.map((rule) => [rule.id, rule.stock])),
    alreadyGiven: new Set(grants.map((grant) => grant.ruleId)),
  });
  const pendingRules = new Set(pending.map((grant) => grant.ruleId));
  result.skipped.push(...decision.skipped.filter((skip) => !(skip.code === "already_given" && pendingRules.has(skip.ruleId))));

  const toCarryOut: GiftGrant[] = [];
  let heldElsewhere = 0;
  try {
    for (const given of decision.given) {
      const rule = rules.find((candidate) => candidate.id === given.ruleId) as StoredGiftRule;
      const claim = await claimGrant(db, shop, orderId, rule, given.reasonWords, month, now);
      if ("skip" in claim) result.skipped.push(claim.skip);
      else toCarryOut.push(claim.grant);
    }
    for (const grant of pending) {
      const taken = await takeLease(db, grant, now);
      if (taken) toCarryOut.push(taken);
      else {
        heldElsewhere += 1;
        result.skipped.push({ ruleId: grant.ruleId, code: "in_progress", why: "Another attempt is giving this gift right now." });
      }
    }
  } catch (error) {
    await Promise.all(toCarryOut.map((grant) => releaseLease(db, grant.id, shop)));
    throw error;
  }

  const context: CarryOutContext = { db, admin, queue, shop, care, now, result };
  let transient: unknown = null;
  const run = async (grants: GiftGrant[], work: (grants: GiftGrant[]) => Promise<void>) => {
    if (grants.length === 0) return;
    try {
      await work(grants);
    } catch (error) {
      await Promise.all(grants.map((grant) => releaseLease(db, grant.id, shop)));
      if (!isRefusal(error)) {
        transient ??= error;
        return;
      }
      for (const grant of grants) await failGrant(context, grant, describe(error));
    }
  };
  await run(toCarryOut.filter((grant) => grant.kind === "packer_instruction"), (grants) => givePackerInstructions(context, grants));
  for (const grant of toCarryOut.filter((candidate) => candidate.kind === "add_product")) await run([grant], ([one]) => giveProduct(context, one as GiftGrant));
  for (const grant of toCarryOut.filter((candidate) => candidate.kind === "discount_card")) await run([grant], ([one]) => giveDiscountCard(context, one as GiftGrant));
  // The gifts given so far (this call's and earlier ones') on the thank-you page.
  try {
    await showGiftsOnOrder(context);
  } catch (error) {
    if (!isRefusal(error)) transient ??= error;
    else result.orderMetafields.refused = describe(error);
  }
  // Something Shopify may answer next time (throttling, a network error): the job's retry
  // resumes the pending grants; the ones given are not given again.
  if (transient) throw transient;
  // A grant held by an attempt that may have died: come back once its lease has run out.
  if (heldElsewhere > 0) throw new Error(`${heldElsewhere} gift(s) of order ${orderId} are being given by another attempt; trying again later.`);
  return result;
}

type CareRow = { orderId: string; orderGid: string; name: string; number: number; customerId: string | null; placedAt: Date; paidAt: Date | null; cancelledAt: Date | null; fulfillmentStatus: string | null; totalPrice: string };

type CarryOutContext = { db: Db; admin: Admin; queue: Enqueue; shop: string; care: CareRow; now: Date; result: GiftApplication };

/** The order as the rules see it; Shopify is asked for tags and products only when a rule needs them. */
async function giftOrderOf(db: Db, admin: Admin, shop: string, care: CareRow, rules: readonly StoredGiftRule[], mode: Mode): Promise<GiftOrder> {
  const customerOrders = care.customerId
    ? await db.orderCare.findMany({ where: { shop, customerId: care.customerId, placedAt: { lte: care.placedAt } }, select: { orderId: true, number: true, placedAt: true, paidAt: true, cancelledAt: true } })
    : [];
  let customerTags: string[] = [];
  let productIds: string[] = [];
  if (rules.some((rule) => rule.trigger.kind === "customer_tagged" || rule.trigger.kind === "products_bought")) {
    const { order } = await adminQuery<GiftOrderDetailsQuery>(admin, GIFT_ORDER_DETAILS_QUERY, { id: care.orderGid });
    customerTags = order?.customer?.tags ?? [];
    productIds = [...new Set((order?.lineItems.nodes ?? []).map((line) => line.product?.id).filter((id): id is string => Boolean(id)))];
  }
  return {
    orderId: care.orderId,
    customerOrderNumber: customerOrderNumber(care, customerOrders),
    totalPrice: care.totalPrice,
    customerTags,
    productIds,
    fulfillmentStatus: care.fulfillmentStatus === "fulfilled" ? "fulfilled" : care.fulfillmentStatus === "partial" ? "partial" : "unfulfilled",
    cancelled: care.cancelledAt !== null,
    lateApologyRequested: mode === "apology",
  };
}

// --- claiming ---------------------------------------------------------------------------------

type Claim = { grant: GiftGrant } | { skip: GiftSkip };

/**
 * Records the grant (pending, holding the lease) after checking the rule's stock and this month's
 * budget again under a lock on the rule, so two orders at once never take the last gift or the
 * last of the budget. The unique key (shop, order, rule) makes a second claim for the order fail.
 */
async function claimGrant(db: Db, shop: string, orderId: string, rule: StoredGiftRule, reasonWords: string, month: string, now: Date): Promise<Claim> {
  const detail: GrantDetail = { ruleName: rule.name, gift: rule.gift, reasonWords, leaseUntil: new Date(now.getTime() + GRANT_LEASE_MS).toISOString() };
  try {
    return await db.$transaction(async (tx) => {
      if (getConfig().database === "postgres") await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`aftercare:gift-rule:${shop}:${rule.id}`}, 0))`;
      const current = await tx.giftRule.findFirst({ where: { id: rule.id, shop, active: true }, select: { stock: true, monthlyBudget: true, unitCost: true } });
      if (!current) return { skip: { ruleId: rule.id, code: "claimed_elsewhere", why: "The rule was turned off or deleted a moment ago." } };
      if (current.stock !== null && current.stock <= 0) return { skip: { ruleId: rule.id, code: "out_of_stock", why: "The gift is out of stock." } };
      if (current.monthlyBudget !== null) {
        const spent = await tx.giftGrant.findMany({ where: { shop, ruleId: rule.id, month, status: { not: "failed" } }, select: { cost: true } });
        const total = sumAmounts(spent.map((row) => row.cost));
        if (exceeds(total, current.unitCost, current.monthlyBudget)) {
          return { skip: { ruleId: rule.id, code: "over_budget", why: `This month's budget would be exceeded: ${total} of ${current.monthlyBudget} spent, and one gift costs ${current.unitCost}.` } };
        }
      }
      const grant = await tx.giftGrant.create({ data: { shop, orderId, ruleId: rule.id, kind: rule.gift.kind, status: "pending", cost: current.unitCost, month, detail: JSON.stringify(detail), createdAt: now } });
      if (current.stock !== null) await tx.giftRule.updateMany({ where: { id: rule.id, shop }, data: { stock: { decrement: 1 } } });
      return { grant };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return { skip: { ruleId: rule.id, code: "claimed_elsewhere", why: "Another attempt claimed this gift for the order a moment ago." } };
  }
}

/** Takes over a pending grant whose lease is free (compare-and-set on the stored detail). */
async function takeLease(db: Db, grant: GiftGrant, now: Date): Promise<GiftGrant | null> {
  const detail = readDetail(grant.detail);
  if (!detail) return null;
  if (detail.leaseUntil && Date.parse(detail.leaseUntil) > now.getTime()) return null;
  const next = JSON.stringify({ ...detail, leaseUntil: new Date(now.getTime() + GRANT_LEASE_MS).toISOString() });
  const { count } = await db.giftGrant.updateMany({ where: { id: grant.id, shop: grant.shop, status: "pending", detail: grant.detail }, data: { detail: next } });
  return count === 1 ? { ...grant, detail: next } : null;
}

async function releaseLease(db: Db, grantId: string, shop: string): Promise<void> {
  const row = await db.giftGrant.findFirst({ where: { id: grantId, shop, status: "pending" } });
  const detail = row && readDetail(row.detail);
  if (!row || !detail?.leaseUntil) return;
  const { leaseUntil: _released, ...rest } = detail;
  await db.giftGrant.updateMany({ where: { id: grantId, shop, status: "pending", detail: row.detail }, data: { detail: JSON.stringify(rest) } });
}

async function saveDetail(db: Db, grant: GiftGrant, changes: Partial<GrantDetail>): Promise<void> {
  const row = await db.giftGrant.findFirstOrThrow({ where: { id: grant.id, shop: grant.shop } });
  const detail = readDetail(row.detail);
  if (!detail) throw new Error(`gift grant ${grant.id} has an unreadable detail`);
  await db.giftGrant.updateMany({ where: { id: grant.id, shop: grant.shop, status: "pending" }, data: { detail: JSON.stringify({ ...detail, ...changes }) } });
}

// --- carrying out -----------------------------------------------------------------------------

/** Shopify said no (userErrors, the order's state): retrying the same thing will not help. */
class GiftRefused extends Error {}

function isRefusal(error: unknown): boolean {
  if (error instanceof GiftRefused || error instanceof RangeError) return true;
  // A userErrors answer to the discount code (issueDiscountCode reports them as AdminApiError
  // without an HTTP status, with the userErrors' codes).
  if (!(error instanceof AdminApiError) || error.status !== undefined) return false;
  const transient = ["THROTTLED", "NETWORK", "NO_DATA", "INTERNAL_SERVER_ERROR", "ERROR"];
  return error.codes.length > 0 && error.codes.every((code) => !transient.includes(code) && !code.startsWith("HTTP_"));
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

function refuseOn(operation: string, userErrors: readonly UserError[] | null | undefined): void {
  if (userErrors && userErrors.length > 0) throw new GiftRefused(`Shopify refused ${operation}: ${userErrors.map((error) => error.message).join("; ")}`);
}

function giftOf(grant: GiftGrant): { detail: GrantDetail; gift: Gift } {
  const detail = readDetail(grant.detail);
  if (!detail) throw new GiftRefused("The gift's stored detail can't be read.");
  return { detail, gift: detail.gift };
}

async function givePackerInstructions(ctx: CarryOutContext, grants: GiftGrant[]): Promise<void> {
  const { admin, care } = ctx;
  const texts = grants.map((grant) => {
    const { gift } = giftOf(grant);
    return gift.kind === "packer_instruction" ? gift.text : "";
  });
  const instruction = packerInstruction(care.name, texts);
  if (!instruction) throw new GiftRefused("The packer's note is empty.");
  const { order } = await adminQuery<GiftOrderNoteQuery>(admin, GIFT_ORDER_NOTE_QUERY, { id: care.orderGid });
  if (!order) throw new GiftRefused("The order no longer exists in Shopify.");
  const note = order.note ?? "";
  // Each text is written once: a retried attempt finds its items on a gift line already.
  const missing = packerInstruction(care.name, texts.filter((text) => !listedInNote(note, text)));
  if (missing) {
    const updated = await adminQuery<GiftOrderNoteUpdateMutation>(admin, GIFT_ORDER_NOTE_UPDATE_MUTATION, {
      input: { id: care.orderGid, note: note.trim() ? `${note.replace(/\s+$/, "")}\n${missing.noteLine}` : missing.noteLine },
    });
    refuseOn("the order note", updated.orderUpdate?.userErrors);
  }
  const tagged = await adminQuery<GiftOrderTagAddMutation>(admin, GIFT_ORDER_TAG_ADD_MUTATION, { id: care.orderGid, tags: [instruction.tag] });
  refuseOn("the order tag", tagged.tagsAdd?.userErrors);
  for (const grant of grants) {
    const { gift } = giftOf(grant);
    const text = gift.kind === "packer_instruction" ? gift.text : "";
    await requestMessage(ctx.queue, ctx.shop, { type: "thank_you", orderId: care.orderId, reason: `gift:${grant.ruleId}`, facts: { giftDescription: text.slice(0, 300) } });
    await markApplied(ctx, grant, { noteLine: instruction.noteLine, packingSlipLine: instruction.packingSlipLine }, { gift: text, giftKind: "packer_instruction" });
  }
}

const NOTE_LINE_START = "Aftercare gift: add ";

/** Whether a gift line of the note ("Aftercare gift: add a, b") lists the text as one of its items. */
function listedInNote(note: string, text: string): boolean {
  const item = text.replace(/\s+/g, " ").trim().toLowerCase();
  return note
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith(NOTE_LINE_START))
    .some((line) => `, ${line.slice(NOTE_LINE_START.length).toLowerCase()}, `.includes(`, ${item}, `));
}

async function giveProduct(ctx: CarryOutContext, grant: GiftGrant): Promise<void> {
  const { detail, gift } = giftOf(grant);
  if (gift.kind !== "add_product") throw new GiftRefused("The grant is not a product gift.");
  const outcome = await addFreeVariant(
    ctx.admin,
    {
      orderGid: ctx.care.orderGid,
      variantId: gift.variantId,
      notifyCustomer: gift.notify,
      description: `Thank-you gift (${detail.ruleName})`.slice(0, 100),
      staffNote: `Aftercare gift: ${detail.ruleName}`,
    },
    (detail.edit as GiftEditState | undefined) ?? null,
    (edit) => saveDetail(ctx.db, grant, { edit }),
  );
  if (!outcome.ok) throw new GiftRefused(outcome.reason);
  // Messages are asked for before the grant is marked given: asking twice is harmless (their
  // dedupe key), never asking is not.
  await requestMessage(ctx.queue, ctx.shop, {
    type: "thank_you",
    orderId: ctx.care.orderId,
    reason: `gift:${grant.ruleId}`,
    facts: outcome.title ? { giftDescription: outcome.title.slice(0, 300) } : {},
  });
  await markApplied(ctx, grant, { title: outcome.title }, { gift: outcome.title ?? "a product", giftKind: "add_product", variantId: gift.variantId });
}

async function giveDiscountCard(ctx: CarryOutContext, grant: GiftGrant): Promise<void> {
  const { gift } = giftOf(grant);
  if (gift.kind !== "discount_card") throw new GiftRefused("The grant is not a discount card.");
  // The same (source, order, customer) always gets the same code back: a retry issues none.
  const issued = await issueDiscountCode(
    ctx.db,
    ctx.admin,
    ctx.shop,
    { source: "gift", customerId: ctx.care.customerId, orderId: ctx.care.orderId, percent: gift.percent, validDays: gift.validDays, prefix: DISCOUNT_CARD_PREFIX },
    ctx.now,
  );
  await requestMessage(ctx.queue, ctx.shop, {
    type: "loyalty_reward",
    orderId: ctx.care.orderId,
    reason: `gift:${grant.ruleId}`,
    facts: { discountCode: issued.code, discountPercent: gift.percent, discountExpires: issued.expiresAt.toISOString() },
  });
  await markApplied(ctx, grant, { code: issued.code, codeId: issued.id, expiresAt: issued.expiresAt.toISOString() }, { gift: `${gift.percent}% off the next order`, giftKind: "discount_card", discountCode: issued.code });
}

/**
 * The grant is given: "applied" (for a packer's note, "to do" until the order is fulfilled), and
 * on the timeline as "gift_given" with the detail keys the order page reads: `gift` (what was
 * given, in words), `discountCode`, plus `rule` and `giftKind`.
 */
async function markApplied(ctx: CarryOutContext, grant: GiftGrant, changes: Partial<GrantDetail>, timeline: Record<string, string>): Promise<void> {
  const { db, shop, care, now } = ctx;
  const row = await db.giftGrant.findFirstOrThrow({ where: { id: grant.id, shop } });
  const { leaseUntil: _done, ...detail } = readDetail(row.detail) ?? giftOf(grant).detail;
  const next: GrantDetail = { ...detail, ...changes };
  const { count } = await db.giftGrant.updateMany({ where: { id: grant.id, shop, status: "pending" }, data: { status: "applied", appliedAt: now, detail: JSON.stringify(next), error: null } });
  if (count === 0) return;
  await recordTimeline(db, shop, care.orderId, grant.ruleId, now, { rule: next.ruleName, ...timeline });
  ctx.result.made.push({ grantId: grant.id, ruleId: grant.ruleId, kind: grant.kind as GiftKind, detail: viewOf(next) });
}

/**
 * Writes the order's `gift` and `discount_card` metafields from every gift given to it (applied
 * or done), in one metafieldsSet, the keys whose value differs from what the grants recorded as
 * written. The record is then updated compare-and-set: when another attempt wrote in between
 * (its value may have landed after ours), the records are cleared and the error thrown so the
 * retry writes the values again from what is given by then.
 */
async function showGiftsOnOrder(ctx: CarryOutContext): Promise<void> {
  const { db, admin, shop, care, now, result } = ctx;
  const rows = await db.giftGrant.findMany({ where: { shop, orderId: care.orderId, status: { in: GIVEN } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const given = rows.flatMap((row) => {
    const detail = readDetail(row.detail);
    return detail ? [{ row, detail }] : [];
  });
  if (given.length === 0) return;
  const values = orderGiftMetafieldValues(given.map(({ detail }) => givenGiftOf(detail)), now);
  const keys = orderGiftMetafieldsToWrite(values, given.map(({ detail }) => detail.orderMetafields ?? {}));
  if (keys.length === 0) return;

  const written: Partial<Record<OrderGiftMetafieldKey, string>> = Object.fromEntries(keys.map((key) => [key, values[key] as string]));
  const { metafieldsSet } = await adminQuery<GiftOrderMetafieldsSetMutation>(admin, GIFT_ORDER_METAFIELDS_SET_MUTATION, {
    metafields: keys.map((key) => ({ ownerId: care.orderGid, ...ORDER_GIFT_METAFIELDS[key], value: written[key] as string })),
  });
  refuseOn("the order's gift metafields", metafieldsSet?.userErrors);
  result.orderMetafields.written = keys;

  let conflict = false;
  for (const { row, detail } of given) {
    const next = JSON.stringify({ ...detail, orderMetafields: { ...detail.orderMetafields, ...written } });
    const { count } = await db.giftGrant.updateMany({ where: { id: row.id, shop, detail: row.detail }, data: { detail: next } });
    if (count === 0) conflict = true;
  }
  if (!conflict) return;
  for (const { row } of given) {
    const current = await db.giftGrant.findFirst({ where: { id: row.id, shop } });
    const detail = current && readDetail(current.detail);
    if (!current || !detail?.orderMetafields) continue;
    const { orderMetafields: _forgotten, ...rest } = detail;
    await db.giftGrant.updateMany({ where: { id: row.id, shop }, data: { detail: JSON.stringify(rest) } });
  }
  throw new Error(`The gift metafields of order ${care.orderId} were written by another attempt at the same time; writing them again.`);
}

function givenGiftOf(detail: GrantDetail): GivenGift {
  const { gift } = detail;
  if (gift.kind === "packer_instruction") return { kind: "packer_instruction", text: gift.text };
  if (gift.kind === "add_product") return { kind: "add_product", title: detail.title ?? detail.edit?.title, ruleName: detail.ruleName };
  return { kind: "discount_card", code: detail.code, percent: gift.percent, expiresAt: detail.expiresAt };
}

/** Shopify refused: the grant fails with the reason, its gift goes back into the rule's stock. */
async function failGrant(ctx: CarryOutContext, grant: GiftGrant, reason: string): Promise<void> {
  const { db, shop } = ctx;
  const { count } = await db.giftGrant.updateMany({ where: { id: grant.id, shop, status: "pending" }, data: { status: "failed", error: reason } });
  if (count === 1) await db.giftRule.updateMany({ where: { id: grant.ruleId, shop, stock: { not: null } }, data: { stock: { increment: 1 } } });
  // A failed gift leaves the dashboard's gifts of the day it was given.
  if (count === 1) await markDashboardDays(db, shop, [grant.createdAt], new Date());
  ctx.result.failed.push({ grantId: grant.id, ruleId: grant.ruleId, kind: grant.kind as GiftKind, reason });
}

async function recordTimeline(db: Db, shop: string, orderId: string, ruleId: string, now: Date, detail: Record<string, string>): Promise<void> {
  const dedupeKey = `gift:${ruleId}`;
  await db.timelineEvent.upsert({
    where: { shop_orderId_dedupeKey: { shop, orderId, dedupeKey } },
    create: { shop, orderId, kind: "gift_given", occurredAt: now, source: "merchant", detail: JSON.stringify(detail), dedupeKey, recordedAt: now },
    update: {},
  });
}

// --- after the order moves on -----------------------------------------------------------------

/** The order is fulfilled: the packer's notes written for it are done. Returns how many. */
export async function markPackerInstructionsDone(db: Db, shop: string, orderId: string, now: Date): Promise<number> {
  const { count } = await db.giftGrant.updateMany({ where: { shop, orderId, kind: "packer_instruction", status: "applied" }, data: { status: "done", doneAt: now } });
  return count;
}

// --- reading ----------------------------------------------------------------------------------

export type GiftSummary = {
  /** The last `months` months in the shop's time zone, oldest first: gifts given and what they cost. */
  months: { month: string; given: number; cost: string }[];
  /** Per rule over the same months (rules deleted since keep the name they had). */
  rules: { ruleId: string; name: string; given: number; cost: string }[];
};

const GIVEN: GrantStatus[] = ["applied", "done"];

export async function giftSummary(db: Db, shop: string, options: { months: number; now?: Date }): Promise<GiftSummary> {
  const count = Math.max(1, Math.min(36, Math.floor(options.months)));
  const settings = await getShopSettings(db, shop);
  const months = monthsUpTo(monthIn(options.now ?? new Date(), settings.timezone), count);
  const rows = await db.giftGrant.findMany({ where: { shop, month: { in: months }, status: { in: GIVEN } }, select: { ruleId: true, month: true, cost: true, detail: true } });
  const names = new Map((await db.giftRule.findMany({ where: { shop }, select: { id: true, name: true } })).map((rule) => [rule.id, rule.name]));
  const ruleIds = [...new Set(rows.map((row) => row.ruleId))];
  return {
    months: months.map((month) => {
      const inMonth = rows.filter((row) => row.month === month);
      return { month, given: inMonth.length, cost: sumAmounts(inMonth.map((row) => row.cost)) };
    }),
    rules: ruleIds.map((ruleId) => {
      const ofRule = rows.filter((row) => row.ruleId === ruleId);
      const name = names.get(ruleId) ?? readDetail(ofRule[0]?.detail ?? "")?.ruleName ?? "Deleted rule";
      return { ruleId, name, given: ofRule.length, cost: sumAmounts(ofRule.map((row) => row.cost)) };
    }),
  };
}

export type GrantListItem = {
  id: string;
  orderId: string;
  orderName: string | null;
  ruleId: string;
  ruleName: string;
  kind: GiftKind;
  status: GrantStatus;
  cost: string;
  month: string;
  detail: GrantDetailView;
  error: string | null;
  createdAt: Date;
  appliedAt: Date | null;
  doneAt: Date | null;
};

/** The shop's latest grants, newest first, with their order's name. */
export async function listGrants(db: Db, shop: string, options: { limit: number }): Promise<GrantListItem[]> {
  const take = Math.max(1, Math.min(500, Math.floor(options.limit)));
  const rows = await db.giftGrant.findMany({ where: { shop }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
  const orders = await db.orderCare.findMany({ where: { shop, orderId: { in: [...new Set(rows.map((row) => row.orderId))] } }, select: { orderId: true, name: true } });
  const orderNames = new Map(orders.map((order) => [order.orderId, order.name]));
  return rows.map((row) => {
    const detail = readDetail(row.detail);
    return {
      id: row.id,
      orderId: row.orderId,
      orderName: orderNames.get(row.orderId) ?? null,
      ruleId: row.ruleId,
      ruleName: detail?.ruleName ?? "",
      kind: row.kind as GiftKind,
      status: row.status as GrantStatus,
      cost: row.cost,
      month: row.month,
      detail: viewOf(detail),
      error: row.error,
      createdAt: row.createdAt,
      appliedAt: row.appliedAt,
      doneAt: row.doneAt,
    };
  });
}
