// Returns, end to end: a shopper's request (or the merchant's, or one made in Shopify's admin)
// becomes a ReturnCase that mirrors a Shopify Return, and every step — approve, decline, label,
// received, refund, exchange, store credit, cancel — goes through the state machine
// (return-state.ts): an illegal jump is refused with its sentence, a repeat changes nothing.
//
// How a step is taken (applyEvent):
//   1. transition() says whether it may happen and what must follow (its effects);
//   2. one database transaction moves the case (only from the state it was read in, so two
//      clicks at once move it once), writes the order's timeline ("return_<status>", dedupe key
//      return:<number>:<status>) and queues a job carrying the effects, due a little later;
//   3. the effects are carried out at once (Shopify, the label, the goodwill code, the email).
// Every effect checks what is already done before doing it (the Shopify return's status, the
// case's stored ids and documents, the code already issued, the message's dedupe key), so the
// queued job — which runs anyway, and retries if step 3 failed — repeats nothing. The creation
// of a Shopify return and the purchase of a carrier label are claimed in the database first, so
// two tasks never make two of either.
//
// Services take the database, the Admin API client and the queue as parameters; `deps` lets
// tests point EasyPost at its stand-in.
import { createHash, randomUUID } from "node:crypto";
import type { Prisma, ReturnCase } from "@prisma/client";
import type { Db } from "~/db.server";
import { markDashboardDays, markOrderDays } from "~/dashboard/dashboard-days.server";
import { isUniqueViolation } from "~/db-errors";
import { PermanentJobError } from "~/jobs/queue";
import type { JobQueue } from "~/jobs/queue.server";
import { issueDiscountCode } from "~/loyalty/issue-code.server";
import { formatAddress } from "~/messages/format";
import { isShopperLocale, type ShopperLocale } from "~/messages/locales";
import { requestMessage } from "~/messages/request-message.server";
import { log } from "~/observability/log.server";
import type { AdminClient } from "~/shopify.server";
import { buyCarrierLabel, checkUploadedLabel, downloadCarrierLabel, ensureAppPdf, labelAttachments, storeReturnDocument, type LabelDeps, type LabelInput } from "./return-labels.server";
import { checkReturnRequest, decideReturn, isReturnReason, isShopFault, returnableLines, type Returnability, type ReturnDecision, type ReturnPolicy, type ReturnReason } from "./return-policy";
import { effectiveReturnAddress, getReturnSettings } from "./return-settings.server";
import { RETURN_STATUSES, STATUS_WORDS, transition, type ReturnEffect, type ReturnEvent, type ReturnState, type ReturnStatus } from "./return-state";
import {
  addShopifyReverseDelivery,
  approveShopifyReturn,
  cancelShopifyReturn,
  closeShopifyReturn,
  createShopifyReturn,
  declineShopifyReturn,
  fulfillmentLinesFor,
  processShopifyReturn,
  readReturnOrder,
  readShopifyReturn,
  requestShopifyReturn,
  shopifyDeliveryOf,
  type ReturnOrder,
} from "./shopify-returns.server";

export const RETURN_EFFECTS_JOB = "returns.effects";

/** The queued copy of a step's effects runs this long after the step (by then they are normally done). */
const SAFETY_DELAY_MS = 2 * 60_000;
/** A claim (Shopify return being created, label being bought) older than this was abandoned. */
const CLAIM_STALE_MS = 10 * 60_000;
/** The shopper has at least this long after approval to send the parcel. */
const SEND_BACK_DAYS = 14;
const DAY_MS = 86_400_000;
const GOODWILL_VALID_DAYS = 90;
const PENDING = "pending:";
const BUYING = "easypost:buying:";

type Admin = Pick<AdminClient, "graphql">;
type Queue = Pick<JobQueue, "enqueue">;
export type ReturnDeps = LabelDeps;

/** Who did it, as the timeline's source says. */
export type Actor = "shopper" | "merchant" | "webhook";
type Origin = "app" | "shopify" | "carrier";
type RequestedBy = "automatic" | "merchant";

export type ReturnLine = {
  lineItemId: string;
  fulfillmentLineItemId: string;
  title: string;
  quantity: number;
  unitPrice: string | null;
  currency: string | null;
};

/** The policy's decision when the return was requested, and when the return window closes. */
export type StoredDecision = Omit<ReturnDecision, "explanation"> & { explanation: string; windowClosesAt: string | null };

export type ReturnCaseView = Omit<ReturnCase, "status" | "reached" | "reason" | "lines" | "decision" | "labelPaidBy" | "source"> & {
  status: ReturnStatus;
  reached: ReturnStatus[];
  reason: ReturnReason;
  lines: ReturnLine[];
  decision: StoredDecision;
  labelPaidBy: "shop" | "customer";
  source: "shopper" | "merchant" | "shopify";
};

export type ActionResult = { ok: true; case: ReturnCaseView; warning?: string } | { ok: false; error: string };

type Ctx = {
  db: Db;
  admin: Admin;
  queue: Queue | null;
  shop: string;
  now: Date;
  deps: ReturnDeps;
  /** Orders read during this call (address, customer, lines), so one step reads each once. */
  orders?: Map<string, Promise<ReturnOrder | null>>;
};

/** The order as read once in this call; `fresh` reads it again (what can still be returned changes with each return). */
function orderFor(ctx: Ctx, orderId: string, options: { fresh?: boolean; inFlight?: ReadonlyMap<string, number> } = {}): Promise<ReturnOrder | null> {
  ctx.orders ??= new Map();
  const cached = ctx.orders.get(orderId);
  if (cached && !options.fresh) return cached;
  const read = readReturnOrder(ctx.admin, orderId, options.inFlight);
  ctx.orders.set(orderId, read);
  read.catch(() => ctx.orders?.delete(orderId));
  return read;
}

/** An effect the jobs carry out; "request_shopify_return" opens a shopper's request in Shopify. */
export type RunnableEffect = Exclude<ReturnEffect, { kind: "record_timeline" }> | { kind: "request_shopify_return" };
export type EffectsJobPayload = { returnId: string; effects: RunnableEffect[]; origin: Origin; requestedBy: RequestedBy; actor: Actor };

class ConcurrentChange extends Error {}

// ---------------------------------------------------------------------------------------------
// Reading cases

export function viewOf(row: ReturnCase): ReturnCaseView {
  return {
    ...row,
    status: row.status as ReturnStatus,
    reached: row.reached.split(",").filter(Boolean) as ReturnStatus[],
    reason: isReturnReason(row.reason) ? row.reason : "other",
    lines: parseJson<ReturnLine[]>(row.lines, []),
    decision: parseJson<StoredDecision>(row.decision, { approval: "manual", labelPaidBy: "customer", goodwill: { kind: "none", percent: null }, shopFault: false, code: "review_shopper_postage", explanation: "", windowClosesAt: null }),
    labelPaidBy: row.labelPaidBy === "shop" ? "shop" : "customer",
    source: row.source === "merchant" || row.source === "shopify" ? row.source : "shopper",
    shopifyReturnId: realShopifyId(row.shopifyReturnId),
    labelProvider: row.labelProvider?.startsWith(BUYING) ? "easypost" : row.labelProvider,
  };
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function realShopifyId(id: string | null): string | null {
  return id && !id.startsWith(PENDING) ? id : null;
}

function stateOf(row: ReturnCase): ReturnState {
  const reached = row.reached.split(",").filter(Boolean) as ReturnStatus[];
  return { status: row.status as ReturnStatus, reached: reached.length > 0 ? reached : [row.status as ReturnStatus] };
}

async function loadRow(db: Db, shop: string, id: string): Promise<ReturnCase | null> {
  return db.returnCase.findFirst({ where: { id, shop } });
}

export async function findReturnByShopifyId(db: Db, shop: string, shopifyReturnId: string): Promise<ReturnCase | null> {
  return db.returnCase.findFirst({ where: { shop, shopifyReturnId } });
}

// ---------------------------------------------------------------------------------------------
// Creating a return

export type NewReturn = {
  /** Shopify's numeric order id. */
  orderId: string;
  lines: { lineItemId: string; quantity: number }[];
  reason: ReturnReason;
  comment?: string | null;
  locale?: ShopperLocale;
  /** The same key twice (a double submit, a retry) gives the first request back. */
  submissionKey?: string;
  photo?: { filename: string; contentType: string; data: Uint8Array } | null;
};

export type RequestResult =
  | { ok: true; case: ReturnCaseView; outcome: "created" | "existing"; warning?: string }
  | { ok: false; error: string; code: "not_found" | "not_returnable" | "already_submitted"; problems?: { lineItemId: string | null; message: string }[] };

const COMMENT_MAX = 1000;

/**
 * A shopper's request from the storefront: checked against what the order can still return
 * (read from Shopify now), recorded, opened in Shopify (returnRequest), and when the policy
 * approves it by itself, approved at once — with its label, goodwill code and instructions.
 */
export async function requestReturn(db: Db, admin: Admin, queue: Queue, shop: string, input: NewReturn, now: Date, deps: ReturnDeps = {}): Promise<RequestResult> {
  const ctx: Ctx = { db, admin, queue, shop, now, deps };
  const claimKey = input.submissionKey ? submissionClaim(input) : null;
  if (claimKey) {
    const claimed = await claimSubmission(db, shop, claimKey, now);
    if (!claimed) {
      const existing = await findSameRequest(db, shop, input);
      return existing ? { ok: true, case: viewOf(existing), outcome: "existing" } : { ok: false, error: "This return request was already sent.", code: "already_submitted" };
    }
  }
  const created = await openReturn(ctx, input, "shopper");
  if (!created.ok) {
    if (claimKey) await db.shopperLinkUse.deleteMany({ where: { shop, tokenId: claimKey } });
    return created;
  }
  let row = created.row;
  let warning = created.warning;
  if (created.decision.approval === "automatic") {
    const approved = await applyEvent(ctx, row, { type: "approve", labelPaidBy: created.decision.labelPaidBy, goodwill: created.decision.goodwill }, { origin: "app", actor: "shopper", requestedBy: "automatic" });
    if (approved.ok) warning ??= approved.warning;
    row = (await loadRow(db, shop, row.id)) ?? row;
  }
  return { ok: true, case: viewOf(row), outcome: "created", ...(warning ? { warning } : {}) };
}

/** A return the merchant starts from the admin: approved at once, opened in Shopify as an open return. Final-sale items and a closed window do not stop a merchant. */
export async function createMerchantReturn(
  db: Db,
  admin: Admin,
  queue: Queue,
  shop: string,
  input: { orderId: string; lines: { lineItemId: string; quantity: number }[]; reason: string },
  now: Date,
  deps: ReturnDeps = {},
): Promise<ActionResult> {
  if (!isReturnReason(input.reason)) return { ok: false, error: "Choose the reason for the return." };
  const ctx: Ctx = { db, admin, queue, shop, now, deps };
  const created = await openReturn(ctx, { orderId: input.orderId, lines: input.lines, reason: input.reason }, "merchant");
  if (!created.ok) return { ok: false, error: created.problems?.length ? created.problems.map((problem) => problem.message).join(" ") : created.error };
  const approved = await applyEvent(ctx, created.row, { type: "approve", labelPaidBy: created.decision.labelPaidBy, goodwill: created.decision.goodwill }, { origin: "app", actor: "merchant", requestedBy: "merchant" });
  return approved;
}

type Opened = { ok: true; row: ReturnCase; decision: ReturnDecision; warning?: string } | Extract<RequestResult, { ok: false }>;

async function openReturn(ctx: Ctx, input: NewReturn, source: "shopper" | "merchant"): Promise<Opened> {
  const { db, shop, now } = ctx;
  const inFlight = await unsentUnits(db, shop, input.orderId);
  const order = await orderFor(ctx, input.orderId, { fresh: true, inFlight });
  if (!order || order.cancelled) return { ok: false, error: "This order can't be found, or it was cancelled.", code: "not_found" };
  const { policy } = await getReturnSettings(db, shop);
  const rules = source === "merchant" ? { ...policy, windowDays: 36_500, excludedProductTags: [] } : policy;
  const returnability = returnableLines(order.returnable, rules, now);
  const request = { reason: input.reason, lines: input.lines };
  const checked = checkReturnRequest(request, returnability);
  if (!checked.ok) return { ok: false, error: "Some of these items can't be returned as asked.", code: "not_returnable", problems: checked.problems };

  const decision = decideReturn(request, policy);
  const windowClosesAt = returnableLines(order.returnable, policy, now).windowClosesAt;
  const lines: ReturnLine[] = input.lines.map((line) => {
    const orderLine = order.lines.find((candidate) => candidate.lineItemId === line.lineItemId);
    const returnable = returnability.returnable.find((candidate) => candidate.lineItemId === line.lineItemId);
    return {
      lineItemId: line.lineItemId,
      fulfillmentLineItemId: returnable?.fulfillmentLineItemId ?? orderLine?.fulfillmentLineItems[0]?.id ?? "",
      title: orderLine?.title ?? returnable?.title ?? "",
      quantity: line.quantity,
      unitPrice: orderLine?.unitPrice ?? null,
      currency: orderLine?.currency ?? null,
    };
  });
  const comment = cleanComment(input.comment);
  const locale = input.locale ?? (isShopperLocale(order.customerLocale?.slice(0, 2)) ? (order.customerLocale?.slice(0, 2) as ShopperLocale) : "en");
  const stored: StoredDecision = { ...decision, windowClosesAt: windowClosesAt?.toISOString() ?? null };

  const row = await createCase(ctx, order, {
    reason: input.reason,
    comment,
    lines,
    decision: stored,
    labelPaidBy: decision.labelPaidBy,
    source,
    locale,
  });
  if (input.photo) await storeReturnDocument(db, shop, row.id, { kind: "photo", ...input.photo });

  // The shopper's request is opened in Shopify now; a merchant's return is created there on approval.
  let warning: string | undefined;
  if (source === "shopper") {
    try {
      await carryOut(ctx, row.id, [{ kind: "request_shopify_return" }], { origin: "app", requestedBy: "automatic", actor: "shopper" });
    } catch (error) {
      warning = describe(error);
      log.warn("return request not yet opened in Shopify; the queued job will try again", { shop, returnId: row.id, error: warning });
    }
  }
  return { ok: true, row: (await loadRow(db, shop, row.id)) ?? row, decision, ...(warning ? { warning } : {}) };
}

function cleanComment(comment: string | null | undefined): string | null {
  // Line breaks are kept; other control characters go.
  // eslint-disable-next-line no-control-regex
  const clean = (comment ?? "").replace(/\r\n?/g, "\n").replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, "").trim();
  return clean === "" ? null : [...clean].slice(0, COMMENT_MAX).join("");
}

async function createCase(
  ctx: Ctx,
  order: ReturnOrder,
  data: { reason: ReturnReason; comment: string | null; lines: ReturnLine[]; decision: StoredDecision; labelPaidBy: "shop" | "customer"; source: "shopper" | "merchant" | "shopify"; locale: ShopperLocale; status?: ReturnStatus; shopifyReturnId?: string | null },
): Promise<ReturnCase> {
  const { db, shop, now, queue } = ctx;
  const base = `R${order.name.replace(/\D/g, "") || order.orderId}`;
  const existing = await db.returnCase.count({ where: { shop, orderId: order.orderId } });
  const actor: Actor = data.source === "shopify" ? "webhook" : data.source;
  for (let n = existing + 1; n <= existing + 20; n += 1) {
    const returnNumber = `${base}-${n}`;
    try {
      const created = await db.$transaction(async (tx) => {
        const row = await tx.returnCase.create({
          data: {
            shop,
            orderId: order.orderId,
            returnNumber,
            status: "requested",
            reached: "requested",
            reason: data.reason,
            comment: data.comment,
            lines: JSON.stringify(data.lines),
            decision: JSON.stringify(data.decision),
            labelPaidBy: data.labelPaidBy,
            source: data.source,
            locale: data.locale,
            shopifyReturnId: data.shopifyReturnId ?? null,
            requestedAt: now,
          },
        });
        await recordTimeline(tx, shop, row, "requested", now, actor, { reason: data.reason, items: String(data.lines.reduce((sum, line) => sum + line.quantity, 0)), by: data.source });
        if (queue && data.source === "shopper") {
          const payload: EffectsJobPayload = { returnId: row.id, effects: [{ kind: "request_shopify_return" }], origin: "app", requestedBy: "automatic", actor };
          await queue.enqueue(RETURN_EFFECTS_JOB, shop, payload, { tx, runAt: new Date(now.getTime() + SAFETY_DELAY_MS), singletonKey: `${RETURN_EFFECTS_JOB}:${row.id}:requested` });
        }
        return row;
      });
      // The dashboard counts returned orders on the order's day.
      await markOrderDays(db, shop, [created.orderId], now, { neighbours: false });
      return created;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another delivery about the same Shopify return made its case a moment ago; otherwise the number was taken.
      const taken = data.shopifyReturnId ? await findReturnByShopifyId(db, shop, data.shopifyReturnId) : null;
      if (taken) return taken;
    }
  }
  throw new Error(`No free return number for order ${order.name}.`);
}

/** Units of the order's lines in the app's returns that Shopify does not know of yet. */
async function unsentUnits(db: Db, shop: string, orderId: string): Promise<Map<string, number>> {
  const rows = await db.returnCase.findMany({ where: { shop, orderId, OR: [{ shopifyReturnId: null }, { shopifyReturnId: { startsWith: PENDING } }], status: { notIn: ["declined", "cancelled"] } }, select: { lines: true } });
  const units = new Map<string, number>();
  for (const row of rows) for (const line of parseJson<ReturnLine[]>(row.lines, [])) units.set(line.lineItemId, (units.get(line.lineItemId) ?? 0) + line.quantity);
  return units;
}

function requestFingerprint(input: Pick<NewReturn, "orderId" | "reason" | "lines">): string {
  const lines = [...input.lines].sort((a, b) => a.lineItemId.localeCompare(b.lineItemId)).map((line) => `${line.lineItemId}x${line.quantity}`);
  return `${input.orderId}|${input.reason}|${lines.join(",")}`;
}

function submissionClaim(input: NewReturn): string {
  return `return-submit:${createHash("sha256").update(`${input.submissionKey}|${requestFingerprint(input)}`).digest("hex").slice(0, 40)}`;
}

async function claimSubmission(db: Db, shop: string, tokenId: string, now: Date): Promise<boolean> {
  try {
    await db.shopperLinkUse.create({ data: { shop, tokenId, purpose: "return", usedAt: now } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

async function findSameRequest(db: Db, shop: string, input: NewReturn): Promise<ReturnCase | null> {
  const wanted = requestFingerprint(input);
  const rows = await db.returnCase.findMany({ where: { shop, orderId: input.orderId, reason: input.reason }, orderBy: { requestedAt: "desc" }, take: 20 });
  return rows.find((row) => requestFingerprint({ orderId: row.orderId, reason: input.reason, lines: parseJson<ReturnLine[]>(row.lines, []) }) === wanted) ?? null;
}

/** What the order can still return now (read from Shopify), under the shop's policy; null when Shopify has no such order. */
export async function orderReturnability(db: Db, admin: Admin, shop: string, orderId: string, now: Date): Promise<{ order: ReturnOrder; returnability: Returnability; policy: ReturnPolicy } | null> {
  const order = await readReturnOrder(admin, orderId, await unsentUnits(db, shop, orderId));
  if (!order) return null;
  const { policy } = await getReturnSettings(db, shop);
  return { order, returnability: returnableLines(order.returnable, policy, now), policy };
}

// ---------------------------------------------------------------------------------------------
// The merchant's actions

export async function approveReturn(db: Db, admin: Admin, queue: Queue, shop: string, id: string, input: { message?: string }, now: Date, deps: ReturnDeps = {}): Promise<ActionResult> {
  const row = await loadRow(db, shop, id);
  if (!row) return notFound();
  const view = viewOf(row);
  const note = input.message?.trim().slice(0, 500);
  return applyEvent({ db, admin, queue, shop, now, deps }, row, { type: "approve", labelPaidBy: view.labelPaidBy, goodwill: view.decision.goodwill }, { origin: "app", actor: "merchant", requestedBy: "merchant", detail: note ? { note } : undefined });
}

export async function declineReturn(db: Db, admin: Admin, queue: Queue, shop: string, id: string, input: { reason: string }, now: Date, deps: ReturnDeps = {}): Promise<ActionResult> {
  const row = await loadRow(db, shop, id);
  if (!row) return notFound();
  const reason = input.reason.trim().slice(0, 500);
  return applyEvent({ db, admin, queue, shop, now, deps }, row, { type: "decline", reason }, { origin: "app", actor: "merchant", requestedBy: "merchant", data: { declineReason: reason } });
}

export type LabelChoice =
  | { provider: "printable" }
  | { provider: "easypost" }
  | { provider: "upload"; filename: string; contentType: string; data: Uint8Array; trackingNumber: string; carrier?: string; trackingUrl?: string };

/**
 * Gives an approved return its label. Printable: the app's PDF goes to the shopper (no postage,
 * no tracking, so the return stays "approved"). EasyPost: a prepaid label is bought (once). Upload:
 * the merchant's file with its tracking number. The last two move the return to "label sent",
 * tell Shopify the tracking, and email the label.
 */
export async function attachLabel(db: Db, admin: Admin, queue: Queue, shop: string, id: string, choice: LabelChoice, now: Date, deps: ReturnDeps = {}): Promise<ActionResult> {
  const ctx: Ctx = { db, admin, queue, shop, now, deps };
  const row = await loadRow(db, shop, id);
  if (!row) return notFound();
  const status = row.status as ReturnStatus;
  if (status === "requested") return { ok: false, error: "Approve the return before giving it a label." };
  if (status !== "approved" && status !== "label_sent") return { ok: false, error: `This return is ${STATUS_WORDS[status]}: it no longer needs a label.` };
  const meta = { origin: "app", actor: "merchant", requestedBy: "merchant" } as const;

  try {
    if (choice.provider === "printable") {
      await db.returnCase.updateMany({ where: { shop, id, labelProvider: null }, data: { labelProvider: "printable" } });
      const fresh = (await loadRow(db, shop, id)) ?? row;
      await sendInstructions(ctx, fresh, meta, null);
      return { ok: true, case: viewOf((await loadRow(db, shop, id)) ?? fresh) };
    }
    if (choice.provider === "easypost") {
      if (row.trackingNumber) return { ok: false, error: `This return already has a label (tracking ${row.trackingNumber}).` };
      return await buyAndAttach(ctx, row, meta);
    }
    const trackingNumber = choice.trackingNumber.trim();
    if (!trackingNumber) return { ok: false, error: "Enter the label's tracking number." };
    const trackingUrl = choice.trackingUrl?.trim() || null;
    if (trackingUrl && !/^https:\/\/\S+$/.test(trackingUrl)) return { ok: false, error: "The tracking link must be an https:// address." };
    const file = { filename: choice.filename.trim() || "label.pdf", contentType: choice.contentType, data: choice.data };
    const checked = checkUploadedLabel(file);
    if (!checked.ok) return { ok: false, error: checked.error };
    await storeReturnDocument(db, shop, id, { kind: "label", filename: file.filename, contentType: checked.contentType, data: file.data });
    return await applyEvent(
      ctx,
      row,
      { type: "attach_label", carrier: choice.carrier?.trim() || "", trackingNumber, labelUrl: `upload:${file.filename}` },
      { ...meta, data: { labelProvider: "upload", trackingNumber, trackingUrl, carrier: choice.carrier?.trim() || null } },
    );
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}

export async function markReceived(db: Db, admin: Admin, shop: string, id: string, now: Date, deps: ReturnDeps = {}): Promise<ActionResult> {
  const row = await loadRow(db, shop, id);
  if (!row) return notFound();
  return applyEvent({ db, admin, queue: null, shop, now, deps }, row, { type: "mark_received" }, { origin: "app", actor: "merchant", requestedBy: "merchant" });
}

const RESOLUTION_EVENTS = { refund: "refund", exchange: "exchange", store_credit: "issue_store_credit" } as const;

/** Settles a received return: a refund to the payment, an exchange (sent by hand), or store credit. Shopify processes the items and emails the shopper. */
export async function completeReturn(db: Db, admin: Admin, queue: Queue, shop: string, id: string, input: { resolution: "refund" | "exchange" | "store_credit" }, now: Date, deps: ReturnDeps = {}): Promise<ActionResult> {
  const row = await loadRow(db, shop, id);
  if (!row) return notFound();
  const type = RESOLUTION_EVENTS[input.resolution];
  if (!type) return { ok: false, error: "Choose a refund, an exchange or store credit." };
  return applyEvent({ db, admin, queue, shop, now, deps }, row, { type }, { origin: "app", actor: "merchant", requestedBy: "merchant" });
}

export async function cancelReturn(db: Db, admin: Admin, queue: Queue, shop: string, id: string, input: { reason?: string; by?: "customer" | "merchant" }, now: Date, deps: ReturnDeps = {}): Promise<ActionResult> {
  const row = await loadRow(db, shop, id);
  if (!row) return notFound();
  const reason = input.reason?.trim().slice(0, 500);
  return applyEvent({ db, admin, queue, shop, now, deps }, row, { type: "cancel", by: input.by ?? "merchant", ...(reason ? { reason } : {}) }, { origin: "app", actor: "merchant", requestedBy: "merchant" });
}

function notFound(): ActionResult {
  return { ok: false, error: "This return doesn't exist in this shop." };
}

// ---------------------------------------------------------------------------------------------
// Taking a step

type StepMeta = {
  origin: Origin;
  actor: Actor;
  requestedBy: RequestedBy;
  /** Columns set with the step (tracking, decline reason). */
  data?: Prisma.ReturnCaseUpdateManyMutationInput;
  /** Extra words on the timeline entry. */
  detail?: Record<string, string>;
};

/** Moves the case by one event (see the header). Exported for the webhook handling. */
export async function applyEvent(ctx: Ctx, start: ReturnCase, event: ReturnEvent, meta: StepMeta): Promise<ActionResult> {
  let row = start;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const result = transition(stateOf(row), event, { at: ctx.now, origin: meta.origin });
    if (!result.ok) return { ok: false, error: result.error.message };
    if (result.effects.length === 0) return { ok: true, case: viewOf(row) };
    const runnable = result.effects.filter((effect): effect is Exclude<ReturnEffect, { kind: "record_timeline" }> => effect.kind !== "record_timeline");
    const next = result.state;
    try {
      await ctx.db.$transaction(async (tx) => {
        const { count } = await tx.returnCase.updateMany({
          where: { id: row.id, shop: ctx.shop, status: row.status, reached: row.reached },
          data: { status: next.status, reached: next.reached.join(","), ...datesFor(next.status, ctx.now), ...meta.data },
        });
        if (count !== 1) throw new ConcurrentChange();
        for (const effect of result.effects) {
          if (effect.kind !== "record_timeline") continue;
          const detail = { ...(effect.entry.detail ?? {}), ...(meta.detail ?? {}), ...(event.type === "attach_label" && /^https?:/.test(event.labelUrl) ? { labelUrl: event.labelUrl } : {}) };
          await recordTimeline(tx, ctx.shop, row, effect.entry.status, effect.entry.occurredAt, meta.actor, detail, effect.entry.dedupeKey);
        }
        if (ctx.queue && runnable.length > 0) {
          const payload: EffectsJobPayload = { returnId: row.id, effects: runnable, origin: meta.origin, requestedBy: meta.requestedBy, actor: meta.actor };
          await ctx.queue.enqueue(RETURN_EFFECTS_JOB, ctx.shop, payload, { tx, runAt: new Date(ctx.now.getTime() + SAFETY_DELAY_MS), singletonKey: `${RETURN_EFFECTS_JOB}:${row.id}:${next.status}` });
        }
      });
    } catch (error) {
      if (!(error instanceof ConcurrentChange)) throw error;
      const reloaded = await loadRow(ctx.db, ctx.shop, row.id);
      if (!reloaded) return notFound();
      row = reloaded;
      continue;
    }
    if (next.status === "cancelled" || row.status === "cancelled") {
      // A cancelled case leaves the dashboard's returns: the order's day and the request's day change.
      await markOrderDays(ctx.db, ctx.shop, [row.orderId], ctx.now, { neighbours: false });
      await markDashboardDays(ctx.db, ctx.shop, [row.requestedAt], ctx.now);
    }
    let warning: string | undefined;
    try {
      await carryOut(ctx, row.id, runnable, meta);
    } catch (error) {
      warning = describe(error);
      log.warn("return step recorded; what follows it failed and its queued job will try again", { shop: ctx.shop, returnId: row.id, status: next.status, error: warning });
    }
    const fresh = await loadRow(ctx.db, ctx.shop, row.id);
    return { ok: true, case: viewOf(fresh ?? row), ...(warning ? { warning } : {}) };
  }
  return { ok: false, error: "This return was changed by someone else at the same moment. Reload the page and try again." };
}

function datesFor(status: ReturnStatus, now: Date): Prisma.ReturnCaseUpdateManyMutationInput {
  switch (status) {
    case "approved":
      return { decidedAt: now };
    case "declined":
      return { decidedAt: now, closedAt: now };
    case "received":
      return { receivedAt: now };
    case "refunded":
    case "exchanged":
    case "store_credited":
    case "cancelled":
      return { closedAt: now };
    default:
      return {};
  }
}

type TimelineWriter = Pick<Prisma.TransactionClient, "timelineEvent">;

/** The order's timeline entry for a return's step, once per return and status. */
async function recordTimeline(db: TimelineWriter, shop: string, row: Pick<ReturnCase, "orderId" | "returnNumber">, status: ReturnStatus | "reopened", occurredAt: Date, actor: Actor, detail: Record<string, string>, effectKey = `return:${status}`): Promise<void> {
  const dedupeKey = effectKey.replace(/^return:/, `return:${row.returnNumber}:`);
  const entries = Object.entries({ returnNumber: row.returnNumber, ...detail })
    .filter(([, value]) => value !== undefined && value !== "")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  await db.timelineEvent.upsert({
    where: { shop_orderId_dedupeKey: { shop, orderId: row.orderId, dedupeKey } },
    create: { shop, orderId: row.orderId, kind: `return_${status}`, occurredAt, source: actor, detail: JSON.stringify(Object.fromEntries(entries)), dedupeKey, recordedAt: occurredAt },
    update: {},
  });
}

/** A return reopened in Shopify: noted on the timeline (the app's return stays where it is). */
export async function recordReopened(db: Db, shop: string, row: ReturnCase, at: Date, eventKey: string): Promise<void> {
  await recordTimeline(db, shop, row, "reopened", at, "webhook", {}, `return:reopened:${eventKey}`);
}

// ---------------------------------------------------------------------------------------------
// Carrying out effects

const EFFECT_ORDER: Record<RunnableEffect["kind"], number> = {
  request_shopify_return: 1,
  create_shopify_return: 2,
  notify_customer: 3,
  cancel_shopify_return: 4,
  void_return_label: 5,
  issue_goodwill_code: 6,
  buy_return_label: 7,
  add_shopify_reverse_delivery: 8,
  send_return_instructions: 9,
  refund_payment: 10,
  create_exchange: 10,
  issue_store_credit: 10,
  close_shopify_return: 11,
};

type CarryMeta = Pick<StepMeta, "origin" | "requestedBy" | "actor">;

/** Carries out a step's effects in a safe order; each checks first what is already done. */
export async function carryOut(ctx: Ctx, returnId: string, effects: readonly RunnableEffect[], meta: CarryMeta): Promise<void> {
  const sorted = [...effects].sort((a, b) => EFFECT_ORDER[a.kind] - EFFECT_ORDER[b.kind]);
  const labelUrl = effects.find((effect): effect is Extract<RunnableEffect, { kind: "add_shopify_reverse_delivery" }> => effect.kind === "add_shopify_reverse_delivery")?.labelUrl ?? null;
  for (const effect of sorted) {
    const row = await loadRow(ctx.db, ctx.shop, returnId);
    if (!row) return;
    await runEffect(ctx, row, effect, meta, labelUrl);
  }
}

/** The queued job's work: the same effects, read back from the payload. */
export async function carryOutQueued(db: Db, admin: Admin, queue: Queue, shop: string, payload: EffectsJobPayload, now: Date, deps: ReturnDeps = {}): Promise<void> {
  await carryOut({ db, admin, queue, shop, now, deps }, payload.returnId, payload.effects, { origin: payload.origin, requestedBy: payload.requestedBy, actor: payload.actor });
}

async function runEffect(ctx: Ctx, row: ReturnCase, effect: RunnableEffect, meta: CarryMeta, labelUrl: string | null): Promise<void> {
  const { db, admin, shop } = ctx;
  const fromShopify = meta.origin === "shopify";
  switch (effect.kind) {
    case "request_shopify_return": {
      if (realShopifyId(row.shopifyReturnId) || row.status !== "requested") return;
      await withShopifyClaim(ctx, row, async () => {
        const order = await requireOrder(ctx, row.orderId);
        const lines = fulfillmentLinesFor(order, viewOf(row).lines);
        if (!lines) throw new PermanentJobError(`Return ${row.returnNumber}: Shopify no longer has these items available for a return.`);
        return requestShopifyReturn(admin, { orderGid: order.orderGid, lines, reason: viewOf(row).reason, comment: row.comment });
      });
      return;
    }
    case "create_shopify_return": {
      if (fromShopify) return;
      const id = realShopifyId(row.shopifyReturnId);
      if (id) {
        const details = await readShopifyReturn(admin, id);
        if (!details) throw new PermanentJobError(`Return ${row.returnNumber} no longer exists in Shopify.`);
        if (details.status === "REQUESTED") await approveShopifyReturn(admin, id);
        else if (details.status === "DECLINED" || details.status === "CANCELED") throw new PermanentJobError(`Return ${row.returnNumber} is ${details.status.toLowerCase()} in Shopify, so it cannot be approved there.`);
        return;
      }
      await withShopifyClaim(ctx, row, async () => {
        const order = await requireOrder(ctx, row.orderId);
        const lines = fulfillmentLinesFor(order, viewOf(row).lines);
        if (!lines) throw new PermanentJobError(`Return ${row.returnNumber}: Shopify no longer has these items available for a return.`);
        return createShopifyReturn(admin, { orderGid: order.orderGid, lines, reason: viewOf(row).reason, comment: row.comment, requestedAt: row.requestedAt });
      });
      return;
    }
    case "notify_customer": {
      // Shopify emails the shopper when it declines, cancels or refunds a return; the app has no
      // message of its own for "received".
      if (fromShopify || (effect.about !== "declined" && effect.about !== "cancelled")) return;
      const id = realShopifyId(row.shopifyReturnId);
      const details = id ? await readShopifyReturn(admin, id) : null;
      if (!id || details?.status !== "REQUESTED") return;
      if (effect.about === "declined") await declineShopifyReturn(admin, id, effect.reason ?? row.declineReason ?? "");
      else await cancelShopifyReturn(admin, id);
      return;
    }
    case "cancel_shopify_return": {
      if (fromShopify) return;
      const id = realShopifyId(row.shopifyReturnId);
      const details = id ? await readShopifyReturn(admin, id) : null;
      if (id && (details?.status === "OPEN" || details?.status === "REQUESTED")) await cancelShopifyReturn(admin, id);
      return;
    }
    case "void_return_label":
      log.warn("a return with an unused carrier label was cancelled: ask the carrier for the postage back", { shop, returnId: row.id, trackingNumber: row.trackingNumber });
      return;
    case "issue_goodwill_code": {
      if (row.goodwillCode) return;
      if (effect.goodwill !== "discount_code" || !effect.percent) {
        log.info("free-shipping goodwill is not issued automatically", { shop, returnId: row.id });
        return;
      }
      const order = await requireOrder(ctx, row.orderId);
      const issued = await issueDiscountCode(db, admin, shop, { source: "goodwill", customerId: order.customerGid, orderId: row.orderId, percent: effect.percent, validDays: GOODWILL_VALID_DAYS, prefix: "SORRY" }, ctx.now);
      await db.returnCase.updateMany({ where: { shop, id: row.id }, data: { goodwillCode: issued.code } });
      return;
    }
    case "buy_return_label": {
      const provider = row.labelProvider?.startsWith(BUYING) ? "easypost" : (row.labelProvider ?? (await getReturnSettings(db, shop)).labelProvider);
      if (provider === "printable") {
        await db.returnCase.updateMany({ where: { shop, id: row.id, labelProvider: null }, data: { labelProvider: "printable" } });
        await sendInstructions(ctx, (await loadRow(db, shop, row.id)) ?? row, meta, null);
        return;
      }
      if (provider === "upload") {
        // The merchant makes the label in their carrier's site and uploads it (attachLabel).
        await db.returnCase.updateMany({ where: { shop, id: row.id, labelProvider: null }, data: { labelProvider: "upload" } });
        return;
      }
      if (row.trackingNumber || row.reached.split(",").includes("label_sent")) return;
      const bought = await buyAndAttach(ctx, row, meta);
      if (!bought.ok) throw new PermanentJobError(bought.error);
      return;
    }
    case "add_shopify_reverse_delivery": {
      if (fromShopify || row.reverseDeliveryId) return;
      const id = realShopifyId(row.shopifyReturnId);
      if (!id) throw new Error(`Return ${row.returnNumber} is not in Shopify yet: its tracking is given to Shopify once it is.`);
      const details = await readShopifyReturn(admin, id);
      if (!details || details.status !== "OPEN") return;
      const existing = shopifyDeliveryOf(details);
      const deliveryId =
        existing?.id ??
        (await addShopifyReverseDelivery(admin, details, {
          trackingNumber: effect.trackingNumber || null,
          trackingUrl: row.trackingUrl,
          // Only a provider's public label address; an uploaded file has none.
          labelUrl: /^https?:\/\//.test(effect.labelUrl) ? effect.labelUrl : null,
        }));
      if (deliveryId) await db.returnCase.updateMany({ where: { shop, id: row.id }, data: { reverseDeliveryId: deliveryId } });
      return;
    }
    case "send_return_instructions":
      await sendInstructions(ctx, row, meta, labelUrl);
      return;
    case "refund_payment":
    case "create_exchange":
    case "issue_store_credit": {
      if (fromShopify) return;
      const id = realShopifyId(row.shopifyReturnId);
      if (!id) throw new PermanentJobError(`Return ${row.returnNumber} is not in Shopify, so nothing can be refunded there.`);
      const details = await readShopifyReturn(admin, id);
      if (!details || details.status === "CLOSED") return;
      if (details.status !== "OPEN") throw new PermanentJobError(`Return ${row.returnNumber} is ${details.status.toLowerCase()} in Shopify, so it cannot be processed there.`);
      const outcome = await processShopifyReturn(admin, details, effect.kind === "refund_payment" ? "refund" : effect.kind === "create_exchange" ? "exchange" : "store_credit");
      if (outcome.refunded) await db.returnCase.updateMany({ where: { shop, id: row.id }, data: { refundAmount: outcome.refunded } });
      if (outcome.note) log.warn(outcome.note, { shop, returnId: row.id });
      return;
    }
    case "close_shopify_return": {
      if (fromShopify) return;
      const id = realShopifyId(row.shopifyReturnId);
      const details = id ? await readShopifyReturn(admin, id) : null;
      if (id && details?.status === "OPEN") await closeShopifyReturn(admin, id);
      return;
    }
  }
}

async function requireOrder(ctx: Ctx, orderId: string): Promise<ReturnOrder> {
  const order = await orderFor(ctx, orderId);
  if (!order) throw new PermanentJobError(`Order ${orderId} was not found in Shopify.`);
  return order;
}

/** Creates the Shopify return under a claim on the case, so two tasks never create two. */
async function withShopifyClaim(ctx: Ctx, row: ReturnCase, create: () => Promise<{ id: string }>): Promise<void> {
  const { db, shop, now } = ctx;
  const current = row.shopifyReturnId;
  if (current && !isStaleClaim(current, PENDING, now)) throw new Error(`Return ${row.returnNumber} is being opened in Shopify by another task; trying again shortly.`);
  const marker = `${PENDING}${now.toISOString()}:${randomUUID()}`;
  const { count } = await db.returnCase.updateMany({ where: { shop, id: row.id, shopifyReturnId: current }, data: { shopifyReturnId: marker } });
  if (count !== 1) throw new Error(`Return ${row.returnNumber} is being opened in Shopify by another task; trying again shortly.`);
  try {
    const created = await create();
    await db.returnCase.updateMany({ where: { shop, id: row.id, shopifyReturnId: marker }, data: { shopifyReturnId: created.id } });
  } catch (error) {
    await db.returnCase.updateMany({ where: { shop, id: row.id, shopifyReturnId: marker }, data: { shopifyReturnId: null } });
    throw error;
  }
}

function isStaleClaim(value: string, prefix: string, now: Date): boolean {
  if (!value.startsWith(prefix)) return false;
  const at = Date.parse(value.slice(prefix.length, prefix.length + 24));
  return Number.isNaN(at) || now.getTime() - at > CLAIM_STALE_MS;
}

/** Buys an EasyPost label once (under a claim: buying is not idempotent) and moves the case to "label sent". */
async function buyAndAttach(ctx: Ctx, row: ReturnCase, meta: CarryMeta): Promise<ActionResult> {
  const { db, shop, now } = ctx;
  const current = row.labelProvider;
  if (current?.startsWith(BUYING) && !isStaleClaim(current, BUYING, now)) return { ok: false, error: "A label is being bought for this return right now." };
  const marker = `${BUYING}${now.toISOString()}`;
  const { count } = await db.returnCase.updateMany({ where: { shop, id: row.id, trackingNumber: null, labelProvider: current }, data: { labelProvider: marker } });
  if (count !== 1) return { ok: false, error: "A label is being bought for this return right now." };
  let label;
  try {
    const order = await requireOrder(ctx, row.orderId);
    label = await buyCarrierLabel(db, shop, labelInputOf(row, order), ctx.deps);
  } catch (error) {
    await db.returnCase.updateMany({ where: { shop, id: row.id, labelProvider: marker }, data: { labelProvider: current } });
    throw error;
  }
  const fresh = (await loadRow(db, shop, row.id)) ?? row;
  return applyEvent(
    ctx,
    fresh,
    { type: "attach_label", carrier: label.carrier, trackingNumber: label.trackingNumber, labelUrl: label.labelUrl },
    { origin: meta.origin === "shopify" ? "app" : meta.origin, actor: meta.actor, requestedBy: meta.requestedBy, data: { labelProvider: "easypost", trackingNumber: label.trackingNumber, carrier: label.carrier } },
  );
}

function labelInputOf(row: ReturnCase, order: ReturnOrder | null): LabelInput {
  return {
    returnId: row.id,
    returnNumber: row.returnNumber,
    locale: isShopperLocale(row.locale) ? row.locale : "en",
    items: viewOf(row).lines.map((line) => ({ title: line.title, quantity: line.quantity })),
    customerAddress: order?.shippingAddress ?? null,
  };
}

/**
 * The return_instructions message: the return number, the deadline to send the parcel, the return
 * address, the goodwill code, and the label as attachments (a carrier's or uploaded label with the
 * app's packing slip, or the app's printable PDF). Once per return and kind of label.
 */
async function sendInstructions(ctx: Ctx, row: ReturnCase, meta: CarryMeta, labelUrl: string | null): Promise<void> {
  const { db, shop, queue, now } = ctx;
  if (!queue) throw new Error("sending the return instructions needs the job queue");
  const provider = row.labelProvider ?? "printable";
  const carrierLabel = provider === "upload" || provider.startsWith("easypost");
  if (provider.startsWith("easypost") && labelUrl) await downloadCarrierLabel(db, shop, row.id, row.returnNumber, labelUrl, ctx.deps);
  const order = await orderFor(ctx, row.orderId);
  const input = labelInputOf(row, order);
  await ensureAppPdf(db, shop, input, carrierLabel ? "packing_slip" : "label");
  const attachments = await labelAttachments(db, shop, row.id);

  const view = viewOf(row);
  const windowClosesAt = view.decision.windowClosesAt ? Date.parse(view.decision.windowClosesAt) : 0;
  const deadline = new Date(Math.max(windowClosesAt || 0, now.getTime() + SEND_BACK_DAYS * DAY_MS));
  const address = await effectiveReturnAddress(db, shop);
  const addressLines = address ? formatAddress(address, input.locale).map((line) => line.slice(0, 200)).slice(0, 8) : [];
  await requestMessage(queue, shop, {
    type: "return_instructions",
    orderId: row.orderId,
    reason: `return:${row.returnNumber}:${carrierLabel ? "label" : "instructions"}`,
    facts: {
      returnNumber: row.returnNumber,
      returnDeadline: deadline.toISOString(),
      ...(addressLines.length > 0 ? { returnAddressLines: addressLines } : {}),
      ...(row.goodwillCode ? { discountCode: row.goodwillCode } : {}),
    },
    attachments,
    requestedBy: meta.requestedBy,
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------
// Lists, details, documents, insights

export type ReturnListRow = {
  id: string;
  returnNumber: string;
  orderId: string;
  orderName: string | null;
  status: ReturnStatus;
  reason: ReturnReason;
  shopFault: boolean;
  source: string;
  requestedAt: Date;
  ageDays: number;
  items: number;
  value: { amount: string; currency: string } | null;
};

const LIST_LIMIT = 50;

export async function listReturns(db: Db, shop: string, options: { status?: ReturnStatus | ReturnStatus[]; cursor?: string | null; limit?: number; now?: Date } = {}): Promise<{ rows: ReturnListRow[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(options.limit ?? LIST_LIMIT, 1), 200);
  const statuses = options.status === undefined ? undefined : Array.isArray(options.status) ? options.status : [options.status];
  const after = decodeCursor(options.cursor);
  const rows = await db.returnCase.findMany({
    where: {
      shop,
      ...(statuses ? { status: { in: statuses } } : {}),
      ...(after ? { OR: [{ requestedAt: { lt: after.requestedAt } }, { requestedAt: after.requestedAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const orders = await db.orderCare.findMany({ where: { shop, orderId: { in: [...new Set(page.map((row) => row.orderId))] } }, select: { orderId: true, name: true } });
  const names = new Map(orders.map((order) => [order.orderId, order.name]));
  const now = options.now ?? new Date();
  const last = page.at(-1);
  return {
    rows: page.map((row) => {
      const view = viewOf(row);
      return {
        id: row.id,
        returnNumber: row.returnNumber,
        orderId: row.orderId,
        orderName: names.get(row.orderId) ?? null,
        status: view.status,
        reason: view.reason,
        shopFault: isShopFault(view.reason),
        source: row.source,
        requestedAt: row.requestedAt,
        ageDays: Math.max(0, Math.floor((now.getTime() - row.requestedAt.getTime()) / DAY_MS)),
        items: view.lines.reduce((sum, line) => sum + line.quantity, 0),
        value: valueOf(view.lines),
      };
    }),
    nextCursor: rows.length > limit && last ? Buffer.from(`${last.requestedAt.toISOString()}|${last.id}`).toString("base64url") : null,
  };
}

function decodeCursor(cursor: string | null | undefined): { requestedAt: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const requestedAt = new Date(at ?? "");
  return id && !Number.isNaN(requestedAt.getTime()) ? { requestedAt, id } : null;
}

function valueOf(lines: readonly ReturnLine[]): { amount: string; currency: string } | null {
  const priced = lines.filter((line) => line.unitPrice !== null && line.currency !== null);
  if (priced.length === 0) return null;
  const cents = priced.reduce((sum, line) => sum + Math.round(Number(line.unitPrice) * 100) * line.quantity, 0);
  return { amount: (cents / 100).toFixed(2), currency: priced[0]?.currency ?? "" };
}

export type ReturnDetail = {
  case: ReturnCaseView;
  orderName: string | null;
  documents: { id: string; kind: string; filename: string; contentType: string; size: number; createdAt: Date }[];
  timeline: { kind: string; occurredAt: Date; source: string; detail: Record<string, string> }[];
};

export async function getReturn(db: Db, shop: string, id: string): Promise<ReturnDetail | null> {
  const row = await loadRow(db, shop, id);
  if (!row) return null;
  const [order, documents, events] = await Promise.all([
    db.orderCare.findUnique({ where: { shop_orderId: { shop, orderId: row.orderId } }, select: { name: true } }),
    db.returnDocument.findMany({ where: { shop, returnId: id }, select: { id: true, kind: true, filename: true, contentType: true, data: true, createdAt: true }, orderBy: { createdAt: "asc" } }),
    db.timelineEvent.findMany({ where: { shop, orderId: row.orderId, dedupeKey: { startsWith: `return:${row.returnNumber}:` } }, orderBy: [{ occurredAt: "asc" }, { recordedAt: "asc" }] }),
  ]);
  return {
    case: viewOf(row),
    orderName: order?.name ?? null,
    documents: documents.map((document) => ({ id: document.id, kind: document.kind, filename: document.filename, contentType: document.contentType, size: document.data.byteLength, createdAt: document.createdAt })),
    // Steps taken in one go share their time: the return's own order breaks the tie.
    timeline: events
      .map((event) => ({ kind: event.kind, occurredAt: event.occurredAt, source: event.source, detail: parseJson<Record<string, string>>(event.detail ?? "{}", {}) }))
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || statusRank(a.kind) - statusRank(b.kind)),
  };
}

function statusRank(kind: string): number {
  const index = (RETURN_STATUSES as readonly string[]).indexOf(kind.replace(/^return_/, ""));
  return index === -1 ? RETURN_STATUSES.length : index;
}

/** A document's bytes for download, only from the shop's own return. */
export async function returnDocument(db: Db, shop: string, id: string, documentId: string): Promise<{ filename: string; contentType: string; data: Uint8Array } | null> {
  const document = await db.returnDocument.findFirst({ where: { shop, returnId: id, id: documentId } });
  return document ? { filename: document.filename, contentType: document.contentType, data: new Uint8Array(document.data) } : null;
}

export type ReturnInsights = {
  byReason: { reason: ReturnReason; count: number; shopFault: boolean }[];
  byProduct: { title: string; count: number }[];
  shopFaultShare: number;
  medianHoursToRefund: number | null;
  total: number;
};

/** Why things come back, which products, how much is the shop's fault, and how fast refunds go (requested → refunded). */
export async function returnInsights(db: Db, shop: string, options: { since: Date }): Promise<ReturnInsights> {
  const rows = await db.returnCase.findMany({ where: { shop, requestedAt: { gte: options.since } }, select: { reason: true, lines: true, status: true, requestedAt: true, closedAt: true } });
  const reasons = new Map<ReturnReason, number>();
  const products = new Map<string, number>();
  const hours: number[] = [];
  for (const row of rows) {
    const reason = isReturnReason(row.reason) ? row.reason : "other";
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    for (const line of parseJson<ReturnLine[]>(row.lines, [])) products.set(line.title, (products.get(line.title) ?? 0) + line.quantity);
    if (row.status === "refunded" && row.closedAt) hours.push((row.closedAt.getTime() - row.requestedAt.getTime()) / 3_600_000);
  }
  const shopFault = rows.filter((row) => isReturnReason(row.reason) && isShopFault(row.reason)).length;
  return {
    byReason: [...reasons].map(([reason, count]) => ({ reason, count, shopFault: isShopFault(reason) })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    byProduct: [...products].map(([title, count]) => ({ title, count })).sort((a, b) => b.count - a.count || a.title.localeCompare(b.title)).slice(0, 20),
    shopFaultShare: rows.length === 0 ? 0 : shopFault / rows.length,
    medianHoursToRefund: median(hours),
    total: rows.length,
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return Math.round(value * 10) / 10;
}

// ---------------------------------------------------------------------------------------------
// Returns made in Shopify (webhooks)

/** A case for a return the merchant made in Shopify's admin (source "shopify"), from its details. */
export async function createCaseFromShopify(
  ctx: Ctx,
  details: { id: string; order: { legacyResourceId: string }; lines: { lineItemId: string; fulfillmentLineItemId: string; title: string; quantity: number; reason: ReturnReason; note: string | null }[] },
): Promise<ReturnCase | null> {
  const order = await orderFor(ctx, details.order.legacyResourceId, { fresh: true });
  if (!order) return null;
  const reason = details.lines[0]?.reason ?? "other";
  const { policy } = await getReturnSettings(ctx.db, ctx.shop);
  const decision = decideReturn({ reason, lines: details.lines.map((line) => ({ lineItemId: line.lineItemId, quantity: line.quantity })) }, policy);
  const lines: ReturnLine[] = details.lines.map((line) => {
    const orderLine = order.lines.find((candidate) => candidate.lineItemId === line.lineItemId);
    return { lineItemId: line.lineItemId, fulfillmentLineItemId: line.fulfillmentLineItemId, title: line.title, quantity: line.quantity, unitPrice: orderLine?.unitPrice ?? null, currency: orderLine?.currency ?? null };
  });
  const locale = isShopperLocale(order.customerLocale?.slice(0, 2)) ? (order.customerLocale?.slice(0, 2) as ShopperLocale) : "en";
  return createCase(ctx, order, {
    reason,
    comment: details.lines.map((line) => line.note).find((note) => note) ?? null,
    lines,
    decision: { ...decision, windowClosesAt: returnableLines(order.returnable, policy, ctx.now).windowClosesAt?.toISOString() ?? null },
    labelPaidBy: decision.labelPaidBy,
    source: "shopify",
    locale,
    shopifyReturnId: details.id,
  });
}

export type { Ctx as ReturnContext };
