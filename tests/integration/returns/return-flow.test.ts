// Returns end to end on the demo shop ("Maison Lumen", Admin API stand-in), on SQLite and
// PostgreSQL: a shop-fault request is approved at once (a Shopify return, a goodwill code, the
// return instructions with the label PDF whose barcode reads as the return number), retries
// repeat nothing, a shopper-choice request waits for the merchant, a decline, receive and
// refund, illegal jumps refused, and a returns/approve webhook from Shopify moves the case.
import { inflateSync } from "node:zlib";
import { PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFNumber, type PDFRef } from "pdf-lib";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startDemoStandIn } from "../../support/stand-in-admin";

const NOW = new Date("2026-11-20T10:00:00Z");
const h = await startDemoStandIn({ now: NOW });
process.env.SHOPIFY_ADMIN_API_ORIGIN = h.standIn.origin;

const { default: prisma } = await import("~/db.server");
const { adminQuery } = await import("~/shopify/admin-graphql.server");
const { RETURN_DETAILS_QUERY } = await import("~/shopify/graphql/return-details");
const { RETURN_APPROVE_REQUEST_MUTATION } = await import("~/shopify/graphql/return-approve-request");
const { RETURN_CREATE_MUTATION } = await import("~/shopify/graphql/return-create");
const { importShopDetails } = await import("~/messages/shop-settings.server");
const { COMPOSE_MESSAGE_JOB } = await import("~/messages/request-message.server");
const service = await import("~/returns/return-service.server");
const { applyReturnWebhook, RETURN_WEBHOOK_JOB } = await import("~/returns/return-webhooks.server");
const { action: approveWebhook } = await import("~/routes/webhooks.returns.approve");
const { action: requestWebhook } = await import("~/routes/webhooks.returns.request");
const { getJobQueue, stopJobRuntime } = await import("~/jobs/runtime.server");
const { returnJobHandlers } = await import("~/jobs/return-jobs.server");
const { storedDiscountCodes } = await import("../../admin-api/return-mutations");
const { decodeCode128FromRaster, rasterFromRgb } = await import("../../support/code128-decode");
const { resetDatabase, seedShop } = await import("../../support/factories");
const { signedWebhook } = await import("../../support/signed-requests");
const { saveReturnSettings, getReturnSettings } = await import("~/returns/return-settings.server");
const { issueDiscountCode } = await import("~/loyalty/issue-code.server");
const { createEasyPostLabelProvider } = await import("~/returns/easypost.server");
const { startEasyPostStandIn } = await import("../../support/easypost-stand-in");
const { TEST_API_SECRET } = await import("../../support/test-env");

import type { ReturnDetailsQuery } from "~/types/admin.generated";
import type { OrderRecord as DemoOrder } from "../../admin-api/demo-types";

const SHOP = h.shop;
const DAY = 86_400_000;

type Queued = { name: string; shop: string; payload: Record<string, unknown>; runAt?: Date };

/** A queue that records what is enqueued, one queued job per singleton key as both backends do. */
function recordingQueue() {
  const jobs: Queued[] = [];
  const keys = new Set<string>();
  return {
    jobs,
    async enqueue(name: string, shop: string, payload: unknown, options?: { singletonKey?: string; runAt?: Date }) {
      const key = options?.singletonKey ? `${shop}|${name}|${options.singletonKey}` : null;
      if (key && keys.has(key)) return null;
      if (key) keys.add(key);
      jobs.push({ name, shop, payload: payload as Record<string, unknown>, runAt: options?.runAt });
      return `job-${jobs.length}`;
    },
  };
}

let queue: ReturnType<typeof recordingQueue>;

const easypost = await startEasyPostStandIn({ apiKey: "EZTK_maison_lumen" });

afterAll(async () => {
  await stopJobRuntime();
  await easypost.close();
  await h.close();
});

beforeEach(async () => {
  // Time passes between tests, so the stand-in's leaky bucket refills.
  h.clock.now += 60_000;
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP, { accessToken: "shpat_demo_stand_in" });
  await importShopDetails(prisma, h.admin, SHOP, NOW);
  queue = recordingQueue();
});

const numericId = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);
const mutations = (name: string) => h.store.requests.filter((request) => request.operationName === name).length;
const composeJobs = () => queue.jobs.filter((job) => job.name === COMPOSE_MESSAGE_JOB);

/** Orders delivered in the last three weeks, fully shipped, with a customer: returnable for any reason. */
const returnableOrders: DemoOrder[] = h.demo.orders.filter(
  (order) =>
    !order.cancelledAt &&
    order.customer &&
    order.lineItems.every((line) => line.unfulfilledQuantity === 0 && line.currentQuantity === line.quantity) &&
    order.fulfillments.some((parcel) => parcel.deliveredAt && NOW.getTime() - Date.parse(parcel.deliveredAt) < 21 * DAY),
);

let used = 0;
/** A fresh returnable order each time, and its first line (returnable now, says the app). */
async function nextOrder(): Promise<{ order: DemoOrder; orderId: string; lineItemId: string; title: string; unitPrice: string }> {
  while (used < returnableOrders.length) {
    const order = returnableOrders[used] as DemoOrder;
    used += 1;
    const found = await service.orderReturnability(prisma, h.admin, SHOP, numericId(order.id), NOW);
    const line = found?.returnability.returnable[0];
    if (!line) continue;
    const demoLine = order.lineItems.find((candidate) => candidate.id === line.lineItemId);
    return { order, orderId: numericId(order.id), lineItemId: line.lineItemId, title: line.title, unitPrice: demoLine?.discountedUnitPriceSet.presentmentMoney.amount ?? "" };
  }
  throw new Error("the demo shop has no more returnable orders");
}

async function shopifyReturn(id: string): Promise<NonNullable<ReturnDetailsQuery["return"]>> {
  const data = await adminQuery<ReturnDetailsQuery>(h.admin, RETURN_DETAILS_QUERY, { id });
  if (!data.return) throw new Error(`no return ${id} in the stand-in`);
  return data.return;
}

const returnsOfOrder = (orderGid: string) => h.store.requireShop(SHOP).returns.filter((record) => (record.order as { id?: string } | undefined)?.id === orderGid);

/** The images drawn on a PDF page, decoded from the PDF's own pixels. */
function barcodeTextsOn(pdf: PDFDocument): string[] {
  const page = pdf.getPage(0);
  const context = page.doc.context;
  const xObjects = page.node.Resources()?.lookup(PDFName.of("XObject"), PDFDict);
  const bytes = (stream: PDFRawStream) => (stream.dict.get(PDFName.of("Filter")) === PDFName.of("FlateDecode") ? inflateSync(stream.contents) : stream.contents);
  return (xObjects?.entries() ?? []).flatMap(([, ref]) => {
    const stream = context.lookup(ref as PDFRef);
    if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of("Subtype")) !== PDFName.of("Image")) return [];
    const width = (stream.dict.get(PDFName.of("Width")) as PDFNumber).asNumber();
    const height = (stream.dict.get(PDFName.of("Height")) as PDFNumber).asNumber();
    const smaskRef = stream.dict.get(PDFName.of("SMask"));
    const smask = smaskRef ? context.lookup(smaskRef as PDFRef) : undefined;
    return [decodeCode128FromRaster(rasterFromRgb(width, height, bytes(stream), smask instanceof PDFRawStream ? bytes(smask) : undefined)).text];
  });
}

describe("a shop-fault return (wrong item) on a delivered order", () => {
  it("is approved at once: a Shopify return, a goodwill code, and the instructions with the label PDF", async () => {
    const { order, orderId, lineItemId, title } = await nextOrder();
    const result = await service.requestReturn(prisma, h.admin, queue, SHOP, { orderId, lines: [{ lineItemId, quantity: 1 }], reason: "wrong_item", comment: "I got the blue one", locale: "en", submissionKey: "link-1" }, NOW);
    if (!result.ok) throw new Error(result.error);
    expect(result.warning).toBeUndefined();
    const created = result.case;
    expect(created).toMatchObject({ status: "approved", reached: ["requested", "approved"], reason: "wrong_item", labelPaidBy: "shop", source: "shopper", labelProvider: "printable" });
    expect(created.returnNumber).toBe(`R${order.name.replace("#", "")}-1`);
    expect(created.decision).toMatchObject({ approval: "automatic", code: "approved_prepaid_label", goodwill: { kind: "discount_code", percent: 10 } });

    // The return exists in Shopify, opened as the shopper's request and approved.
    expect(created.shopifyReturnId).toMatch(/^gid:\/\/shopify\/Return\/\d+$/);
    const inShopify = await shopifyReturn(created.shopifyReturnId as string);
    expect(inShopify.status).toBe("OPEN");
    expect(inShopify.order.id).toBe(order.id);
    expect(inShopify.returnLineItems.nodes).toEqual([expect.objectContaining({ quantity: 1, returnReason: "WRONG_ITEM", customerNote: "I got the blue one", fulfillmentLineItem: expect.objectContaining({ lineItem: expect.objectContaining({ id: lineItemId }) }) })]);
    expect(mutations("ReturnRequest")).toBe(1);
    expect(mutations("ReturnApproveRequest")).toBe(1);

    // One goodwill code, for this customer only, in Shopify and in the app.
    const code = created.goodwillCode as string;
    expect(code).toMatch(/^SORRY-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const discounts = storedDiscountCodes(h.store.requireShop(SHOP)).filter((discount) => discount.code === code);
    expect(discounts).toHaveLength(1);
    expect(discounts[0]?.input).toMatchObject({ context: { customers: { add: [order.customer.id] } }, customerGets: { value: { percentage: 0.1 } }, usageLimit: 1 });
    expect(await prisma.issuedDiscountCode.findMany({ where: { shop: SHOP }, select: { code: true, source: true, orderId: true, percent: true, customerId: true } })).toEqual([
      { code, source: "goodwill", orderId, percent: 10, customerId: numericId(order.customer.id) },
    ]);

    // The instructions are queued for composing, with the PDF whose barcode is the return number.
    const [compose] = composeJobs();
    expect(composeJobs()).toHaveLength(1);
    expect(compose?.payload).toMatchObject({
      type: "return_instructions",
      orderId,
      reason: `return:${created.returnNumber}:instructions`,
      facts: { returnNumber: created.returnNumber, discountCode: code, returnAddressLines: expect.arrayContaining(["14 rue Mercière"]) },
    });
    const deadline = Date.parse(String((compose?.payload.facts as Record<string, unknown>).returnDeadline));
    expect(deadline).toBeGreaterThanOrEqual(NOW.getTime() + 14 * DAY);
    const attachments = compose?.payload.attachments as { filename: string; contentType: string; contentBase64: string }[];
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ filename: `return-${created.returnNumber}.pdf`, contentType: "application/pdf" });
    const pdf = await PDFDocument.load(Buffer.from(attachments[0]?.contentBase64 ?? "", "base64"));
    expect(barcodeTextsOn(pdf)).toEqual([created.returnNumber]);
    expect(pdf.getTitle()).toBe(`Return label ${created.returnNumber}`);
    expect(await prisma.returnDocument.findMany({ where: { shop: SHOP, returnId: created.id }, select: { kind: true, contentType: true } })).toEqual([{ kind: "label", contentType: "application/pdf" }]);

    // The order's timeline has both steps, from the shopper.
    const detail = await service.getReturn(prisma, SHOP, created.id);
    expect(detail?.timeline.map((entry) => [entry.kind, entry.source])).toEqual([
      ["return_requested", "shopper"],
      ["return_approved", "shopper"],
    ]);
    expect(await prisma.timelineEvent.findMany({ where: { shop: SHOP, orderId }, orderBy: { dedupeKey: "asc" }, select: { dedupeKey: true } })).toEqual([
      { dedupeKey: `return:${created.returnNumber}:approved` },
      { dedupeKey: `return:${created.returnNumber}:requested` },
    ]);
    expect(detail?.documents).toEqual([expect.objectContaining({ kind: "label", contentType: "application/pdf", filename: `return-${created.returnNumber}.pdf` })]);
    expect(title).not.toBe("");
  });

  it("repeats nothing when the request, the approval or the queued effects run again", async () => {
    const { order, orderId, lineItemId } = await nextOrder();
    const discountsBefore = storedDiscountCodes(h.store.requireShop(SHOP)).length;
    const input = { orderId, lines: [{ lineItemId, quantity: 1 }], reason: "damaged_in_transit" as const, locale: "fr" as const, submissionKey: "link-2" };
    const first = await service.requestReturn(prisma, h.admin, queue, SHOP, input, NOW);
    if (!first.ok) throw new Error(first.error);
    const again = await service.requestReturn(prisma, h.admin, queue, SHOP, input, new Date(NOW.getTime() + 5_000));
    expect(again).toMatchObject({ ok: true, outcome: "existing", case: { id: first.case.id } });

    const approvedAgain = await service.approveReturn(prisma, h.admin, queue, SHOP, first.case.id, {}, new Date(NOW.getTime() + 10_000));
    expect(approvedAgain).toMatchObject({ ok: true, case: { status: "approved" } });

    // The safety copies of each step's effects, as the job would run them later.
    const effectJobs = queue.jobs.filter((job) => job.name === service.RETURN_EFFECTS_JOB);
    expect(effectJobs.map((job) => (job.payload.effects as { kind: string }[]).map((effect) => effect.kind))).toEqual([["request_shopify_return"], ["create_shopify_return", "buy_return_label", "issue_goodwill_code"]]);
    for (const job of effectJobs) expect(job.runAt?.getTime()).toBeGreaterThan(NOW.getTime());
    const before = h.store.requests.filter((request) => request.operationType === "mutation").length;
    for (const job of effectJobs) await service.carryOutQueued(prisma, h.admin, queue, SHOP, job.payload as unknown as Parameters<typeof service.carryOutQueued>[4], new Date(NOW.getTime() + 120_000));
    expect(h.store.requests.filter((request) => request.operationType === "mutation").length).toBe(before);

    expect(returnsOfOrder(order.id)).toHaveLength(1);
    expect(await prisma.returnCase.count({ where: { shop: SHOP, orderId } })).toBe(1);
    expect(await prisma.issuedDiscountCode.count({ where: { shop: SHOP } })).toBe(1);
    expect(storedDiscountCodes(h.store.requireShop(SHOP))).toHaveLength(discountsBefore + 1);
    expect(composeJobs()).toHaveLength(1);
    expect(composeJobs()[0]?.payload.facts).toMatchObject({ returnNumber: first.case.returnNumber });
    expect(await prisma.timelineEvent.count({ where: { shop: SHOP, orderId } })).toBe(2);
  });
});

describe("a shopper-choice return (changed mind)", () => {
  it("waits for the merchant, then is approved with instructions and the printable label (the shopper pays the postage)", async () => {
    const { orderId, lineItemId } = await nextOrder();
    const result = await service.requestReturn(prisma, h.admin, queue, SHOP, { orderId, lines: [{ lineItemId, quantity: 1 }], reason: "changed_mind", locale: "de" }, NOW);
    if (!result.ok) throw new Error(result.error);
    expect(result.case).toMatchObject({ status: "requested", labelPaidBy: "customer", goodwillCode: null, decision: { approval: "manual", code: "review_shopper_postage" } });
    expect((await shopifyReturn(result.case.shopifyReturnId as string)).status).toBe("REQUESTED");
    expect(composeJobs()).toEqual([]);

    const approved = await service.approveReturn(prisma, h.admin, queue, SHOP, result.case.id, { message: "Thanks for letting us know" }, new Date(NOW.getTime() + 3_600_000));
    expect(approved).toMatchObject({ ok: true, case: { status: "approved", decidedAt: new Date(NOW.getTime() + 3_600_000) } });
    expect((await shopifyReturn(result.case.shopifyReturnId as string)).status).toBe("OPEN");
    const [compose] = composeJobs();
    expect(compose?.payload).toMatchObject({ type: "return_instructions", requestedBy: "merchant", facts: { returnNumber: result.case.returnNumber } });
    expect((compose?.payload.facts as Record<string, unknown>).discountCode).toBeUndefined();
    expect((compose?.payload.attachments as unknown[]).length).toBe(1);
    expect(await prisma.issuedDiscountCode.count({ where: { shop: SHOP } })).toBe(0);
    const approvedEntry = await prisma.timelineEvent.findFirstOrThrow({ where: { shop: SHOP, orderId, kind: "return_approved" } });
    expect(approvedEntry.source).toBe("merchant");
    expect(JSON.parse(approvedEntry.detail ?? "{}")).toMatchObject({ labelPaidBy: "customer", note: "Thanks for letting us know", returnNumber: result.case.returnNumber });
  });

  it("is declined with the merchant's reason, in the app and in Shopify", async () => {
    const { orderId, lineItemId } = await nextOrder();
    const result = await service.requestReturn(prisma, h.admin, queue, SHOP, { orderId, lines: [{ lineItemId, quantity: 1 }], reason: "changed_mind" }, NOW);
    if (!result.ok) throw new Error(result.error);
    expect(await service.declineReturn(prisma, h.admin, queue, SHOP, result.case.id, { reason: "  " }, NOW)).toEqual({ ok: false, error: "Say why the return is declined: the shopper will read it." });

    const declined = await service.declineReturn(prisma, h.admin, queue, SHOP, result.case.id, { reason: "Opened stationery can't be returned." }, NOW);
    expect(declined).toMatchObject({ ok: true, case: { status: "declined", declineReason: "Opened stationery can't be returned." } });
    const inShopify = await shopifyReturn(result.case.shopifyReturnId as string);
    expect(inShopify).toMatchObject({ status: "DECLINED", decline: { reason: "OTHER", note: "Opened stationery can't be returned." } });

    // Final: nothing moves it any more, and the refusal says why.
    expect(await service.approveReturn(prisma, h.admin, queue, SHOP, result.case.id, {}, NOW)).toEqual({ ok: false, error: "This return is already declined, so it cannot be approved." });
  });
});

describe("receiving and refunding", () => {
  it("refuses a refund before the parcel is back, then refunds the payment once received", async () => {
    const { order, orderId, lineItemId, unitPrice } = await nextOrder();
    expect(order.displayFinancialStatus).toBe("PAID");

    const result = await service.requestReturn(prisma, h.admin, queue, SHOP, { orderId, lines: [{ lineItemId, quantity: 1 }], reason: "defective" }, NOW);
    if (!result.ok) throw new Error(result.error);
    const id = result.case.id;

    const early = await service.completeReturn(prisma, h.admin, queue, SHOP, id, { resolution: "refund" }, NOW);
    expect(early).toEqual({ ok: false, error: "A return that is approved cannot be refunded; it can be given a return label, marked as on its way, marked as received or cancelled." });

    const received = await service.markReceived(prisma, h.admin, SHOP, id, new Date(NOW.getTime() + 5 * DAY));
    expect(received).toMatchObject({ ok: true, case: { status: "received", receivedAt: new Date(NOW.getTime() + 5 * DAY) } });
    expect(await service.markReceived(prisma, h.admin, SHOP, id, new Date(NOW.getTime() + 6 * DAY))).toMatchObject({ ok: true, case: { receivedAt: new Date(NOW.getTime() + 5 * DAY) } });

    const refunded = await service.completeReturn(prisma, h.admin, queue, SHOP, id, { resolution: "refund" }, new Date(NOW.getTime() + 6 * DAY));
    expect(refunded).toMatchObject({ ok: true, case: { status: "refunded", refundAmount: unitPrice, closedAt: new Date(NOW.getTime() + 6 * DAY) } });
    const inShopify = await shopifyReturn(result.case.shopifyReturnId as string);
    expect(inShopify.status).toBe("CLOSED");
    expect(inShopify.refunds.nodes).toHaveLength(1);
    expect(inShopify.returnLineItems.nodes[0]).toMatchObject({ processedQuantity: 1, processableQuantity: 0 });

    // A refunded return is final.
    expect(await service.cancelReturn(prisma, h.admin, queue, SHOP, id, {}, NOW)).toEqual({ ok: false, error: "This return is already refunded, so it cannot be cancelled." });
    const kinds = (await prisma.timelineEvent.findMany({ where: { shop: SHOP, orderId }, orderBy: { occurredAt: "asc" }, select: { kind: true } })).map((event) => event.kind);
    expect(kinds).toEqual(["return_requested", "return_approved", "return_received", "return_refunded"]);

    const insights = await service.returnInsights(prisma, SHOP, { since: new Date(NOW.getTime() - DAY) });
    expect(insights).toMatchObject({ total: 1, shopFaultShare: 1, medianHoursToRefund: 144, byReason: [{ reason: "defective", count: 1, shopFault: true }] });
  });

  it("answers for another shop's return as not found", async () => {
    expect(await service.markReceived(prisma, h.admin, "atelier-nord.myshopify.com", "not-a-return", NOW)).toEqual({ ok: false, error: "This return doesn't exist in this shop." });
  });
});

describe("returns changed in Shopify", () => {
  it("moves the case when the merchant approves the request in Shopify (returns/approve), once however often it is delivered", async () => {
    const { orderId, lineItemId } = await nextOrder();
    const result = await service.requestReturn(prisma, h.admin, queue, SHOP, { orderId, lines: [{ lineItemId, quantity: 1 }], reason: "size_or_fit" }, NOW);
    if (!result.ok) throw new Error(result.error);
    const returnGid = result.case.shopifyReturnId as string;
    // The merchant approves it in Shopify's admin.
    await adminQuery(h.admin, RETURN_APPROVE_REQUEST_MUTATION, { input: { id: returnGid } });
    const approvalsBefore = mutations("ReturnApproveRequest");

    const recorded: Queued[] = [];
    vi.spyOn(getJobQueue(), "enqueue").mockImplementation(async (name, shop, payload) => {
      recorded.push({ name, shop, payload: payload as Record<string, unknown> });
      return `job-${recorded.length}`;
    });
    const body = { id: Number(numericId(returnGid)), admin_graphql_api_id: returnGid, status: "open", order: { id: Number(orderId), admin_graphql_api_id: `gid://shopify/Order/${orderId}` } };
    const delivery = () => signedWebhook({ topic: "returns/approve", shop: SHOP, body, webhookId: "wh-approve-1" });
    const response = await approveWebhook({ request: delivery(), params: {}, context: {} });
    expect(response.status).toBe(200);
    expect((await approveWebhook({ request: delivery(), params: {}, context: {} })).status).toBe(200);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ name: RETURN_WEBHOOK_JOB, shop: SHOP });
    expect(await prisma.webhookDelivery.count({ where: { shop: SHOP, topic: "returns/approve" } })).toBe(1);

    // The job, as the queue runs it (with the shop's own Admin API client).
    const deliveryId = String(recorded[0]?.payload.deliveryId);
    const handlers = returnJobHandlers(queue as unknown as Parameters<typeof returnJobHandlers>[0]);
    await handlers[RETURN_WEBHOOK_JOB]?.(recorded[0]?.payload, { shop: SHOP, jobId: "job-1", attempt: 1 });
    expect(await applyReturnWebhook(prisma, h.admin, queue, SHOP, deliveryId, NOW)).toBe("applied");
    const moved = await prisma.returnCase.findFirstOrThrow({ where: { shop: SHOP, id: result.case.id } });
    expect(moved).toMatchObject({ status: "approved", reached: "requested,approved" });
    // Approved in Shopify already: the app does not approve it there again, but sends its instructions.
    expect(mutations("ReturnApproveRequest")).toBe(approvalsBefore);
    expect(composeJobs()).toHaveLength(1);
    const entry = await prisma.timelineEvent.findFirstOrThrow({ where: { shop: SHOP, orderId, kind: "return_approved" } });
    expect(entry.source).toBe("webhook");
    expect(JSON.parse(entry.detail ?? "{}")).toMatchObject({ origin: "shopify" });
    expect(await prisma.webhookDelivery.findFirstOrThrow({ where: { id: deliveryId } })).toMatchObject({ status: "applied", payload: null });
  });

  it("makes a case of a return the merchant opened in Shopify's admin (returns/request)", async () => {
    const { order, orderId } = await nextOrder();
    const parcel = order.fulfillments.find((candidate) => candidate.fulfillmentLineItems.length > 0);
    const item = parcel?.fulfillmentLineItems[0];
    if (!item) throw new Error("no fulfillment line item");
    const created = await adminQuery<{ returnCreate: { return: { id: string } | null } }>(h.admin, RETURN_CREATE_MUTATION, {
      input: { orderId: order.id, returnLineItems: [{ fulfillmentLineItemId: item.id, quantity: 1, returnReason: "SIZE_TOO_SMALL", returnReasonNote: "Too tight" }] },
    });
    const returnGid = created.returnCreate.return?.id as string;

    vi.spyOn(getJobQueue(), "enqueue").mockImplementation(async () => "job-1");
    const response = await requestWebhook({ request: signedWebhook({ topic: "returns/request", shop: SHOP, body: { id: Number(numericId(returnGid)), admin_graphql_api_id: returnGid } }), params: {}, context: {} });
    expect(response.status).toBe(200);
    const deliveryRow = await prisma.webhookDelivery.findFirstOrThrow({ where: { shop: SHOP, topic: "returns/request" } });
    expect(await applyReturnWebhook(prisma, h.admin, queue, SHOP, deliveryRow.id, NOW)).toBe("applied");

    const cases = await prisma.returnCase.findMany({ where: { shop: SHOP, orderId } });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ source: "shopify", shopifyReturnId: returnGid, reason: "size_or_fit", comment: "Too tight", status: "approved" });
    expect(returnsOfOrder(order.id)).toHaveLength(1);
  });
});

describe("labels", () => {
  /** EasyPost's stand-in for buying; its label file served by a fetch of our own (the stand-in serves no files). */
  const labelPdf = new TextEncoder().encode("%PDF-1.4\n% EasyPost label\n");
  const easypostDeps = {
    labelProvider: (apiKey: string) => createEasyPostLabelProvider({ apiKey, baseUrl: easypost.baseUrl, timeoutMs: 5_000 }),
    appSecret: TEST_API_SECRET,
    fetch: (async (url: string | URL | Request) =>
      String(url).includes("/files/postage_label/") ? new Response(labelPdf, { headers: { "Content-Type": "application/pdf" } }) : new Response("not found", { status: 404 })) as typeof fetch,
  };

  async function settings(entries: Record<string, string>) {
    const saved = await saveReturnSettings(prisma, SHOP, { windowDays: "30", excludedProductTags: "final-sale", "wrong_item.shopPays": "on", "wrong_item.autoApprove": "on", "wrong_item.goodwill": "none", ...entries }, TEST_API_SECRET);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  }

  it("buys a prepaid EasyPost label once, gives Shopify its tracking and label, and emails it", async () => {
    await settings({ labelProvider: "easypost", easypostApiKey: "EZTK_maison_lumen", "returnAddress.name": "Maison Lumen Retours", "returnAddress.address1": "14 rue Mercière", "returnAddress.city": "Lyon", "returnAddress.zip": "69002", "returnAddress.countryCode": "fr" });
    const stored = await prisma.returnSettings.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(stored.easypostApiKey).toMatch(/^v1:/);
    expect(stored.easypostApiKey).not.toContain("EZTK_maison_lumen");
    expect(await getReturnSettings(prisma, SHOP)).toMatchObject({ labelProvider: "easypost", hasEasypostKey: true, returnAddress: { city: "Lyon", countryCode: "FR" } });

    const { orderId, lineItemId } = await nextOrder();
    const result = await service.requestReturn(prisma, h.admin, queue, SHOP, { orderId, lines: [{ lineItemId, quantity: 1 }], reason: "wrong_item" }, NOW, easypostDeps);
    if (!result.ok) throw new Error(result.error);
    expect(result.warning).toBeUndefined();
    expect(result.case).toMatchObject({ status: "label_sent", labelProvider: "easypost", carrier: "USPS" });
    expect(result.case.trackingNumber).toMatch(/^9400\d{18}$/);
    expect(easypost.requests.filter((request) => request.path.endsWith("/buy"))).toHaveLength(1);

    const delivery = (await shopifyReturn(result.case.shopifyReturnId as string)).reverseFulfillmentOrders.nodes[0]?.reverseDeliveries.nodes[0];
    expect(delivery?.id).toBe(result.case.reverseDeliveryId);
    expect(delivery?.deliverable).toMatchObject({ tracking: { number: result.case.trackingNumber }, label: { publicFileUrl: expect.stringMatching(/\/files\/postage_label\/shp_[0-9a-f]+\.pdf$/) } });

    const [compose] = composeJobs();
    expect(compose?.payload).toMatchObject({ reason: `return:${result.case.returnNumber}:label` });
    const attachments = compose?.payload.attachments as { filename: string; contentType: string; contentBase64: string }[];
    expect(attachments.map((attachment) => attachment.filename)).toEqual([`label-${result.case.returnNumber}.pdf`, `return-${result.case.returnNumber}.pdf`]);
    expect(Buffer.from(attachments[0]?.contentBase64 ?? "", "base64").toString()).toContain("EasyPost label");

    // A second try buys nothing more.
    expect(await service.attachLabel(prisma, h.admin, queue, SHOP, result.case.id, { provider: "easypost" }, NOW, easypostDeps)).toEqual({ ok: false, error: `This return already has a label (tracking ${result.case.trackingNumber}).` });
    expect(easypost.requests.filter((request) => request.path.endsWith("/buy"))).toHaveLength(1);
  });

  it("attaches the merchant's uploaded label with its tracking, and refuses a file that is not a label", async () => {
    await settings({ labelProvider: "upload" });
    const { orderId, lineItemId } = await nextOrder();
    const result = await service.requestReturn(prisma, h.admin, queue, SHOP, { orderId, lines: [{ lineItemId, quantity: 1 }], reason: "wrong_item" }, NOW);
    if (!result.ok) throw new Error(result.error);
    expect(result.case).toMatchObject({ status: "approved", labelProvider: "upload" });
    expect(composeJobs()).toEqual([]);

    const notALabel = await service.attachLabel(prisma, h.admin, queue, SHOP, result.case.id, { provider: "upload", filename: "label.pdf", contentType: "application/pdf", data: new TextEncoder().encode("<html>"), trackingNumber: "6A123" }, NOW);
    expect(notALabel).toEqual({ ok: false, error: "The label must be a PDF, PNG or JPEG file." });

    const pdf = new TextEncoder().encode("%PDF-1.7\n% Colissimo retour\n");
    const attached = await service.attachLabel(prisma, h.admin, queue, SHOP, result.case.id, { provider: "upload", filename: "colissimo.pdf", contentType: "application/pdf", data: pdf, trackingNumber: "6A12345678901", carrier: "Colissimo", trackingUrl: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901" }, NOW);
    expect(attached).toMatchObject({ ok: true, case: { status: "label_sent", trackingNumber: "6A12345678901", carrier: "Colissimo" } });
    const delivery = (await shopifyReturn(result.case.shopifyReturnId as string)).reverseFulfillmentOrders.nodes[0]?.reverseDeliveries.nodes[0];
    // An uploaded file has no public address: Shopify gets the tracking only.
    expect(delivery?.deliverable).toMatchObject({ tracking: { number: "6A12345678901", url: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901" }, label: null });
    const attachments = composeJobs()[0]?.payload.attachments as { filename: string }[];
    expect(attachments.map((attachment) => attachment.filename)).toEqual(["colissimo.pdf", `return-${result.case.returnNumber}.pdf`]);
  });

  it("lets the merchant open a return themselves, approved at once in Shopify", async () => {
    const { order, orderId, lineItemId } = await nextOrder();
    expect(await service.createMerchantReturn(prisma, h.admin, queue, SHOP, { orderId, lines: [{ lineItemId, quantity: 1 }], reason: "nope" }, NOW)).toEqual({ ok: false, error: "Choose the reason for the return." });
    const created = await service.createMerchantReturn(prisma, h.admin, queue, SHOP, { orderId, lines: [{ lineItemId, quantity: 1 }], reason: "other" }, NOW);
    expect(created).toMatchObject({ ok: true, case: { source: "merchant", status: "approved" } });
    if (!created.ok) return;
    expect((await shopifyReturn(created.case.shopifyReturnId as string)).status).toBe("OPEN");
    expect(mutations("ReturnCreate")).toBeGreaterThan(0);
    expect(returnsOfOrder(order.id)).toHaveLength(1);
    const listed = await service.listReturns(prisma, SHOP, { status: "approved", now: new Date(NOW.getTime() + 2 * DAY) });
    expect(listed.rows).toEqual([expect.objectContaining({ id: created.case.id, status: "approved", reason: "other", ageDays: 2, items: 1 })]);
  });
});

describe("issueDiscountCode", () => {
  it("gives one code per source, order and customer, even when asked twice at once", async () => {
    const { order, orderId } = await nextOrder();
    const request = { source: "apology" as const, customerId: order.customer.id, orderId, percent: 15, validDays: 30, prefix: "Sorry!" };
    const [first, second] = await Promise.all([issueDiscountCode(prisma, h.admin, SHOP, request, NOW), issueDiscountCode(prisma, h.admin, SHOP, request, NOW)]);
    expect(second).toEqual(first);
    expect(first.code).toMatch(/^SORRY-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(first.expiresAt).toEqual(new Date(NOW.getTime() + 30 * DAY));
    expect(await issueDiscountCode(prisma, h.admin, SHOP, request, new Date(NOW.getTime() + DAY))).toEqual(first);
    expect(storedDiscountCodes(h.store.requireShop(SHOP)).filter((discount) => discount.code === first.code)).toHaveLength(1);
    expect(await prisma.issuedDiscountCode.findMany({ where: { shop: SHOP }, select: { code: true, shopifyDiscountId: true } })).toEqual([{ code: first.code, shopifyDiscountId: expect.stringMatching(/^gid:\/\/shopify\/DiscountCodeNode\/\d+$/) }]);

    // Another source for the same order is another code.
    const review = await issueDiscountCode(prisma, h.admin, SHOP, { ...request, source: "review" }, NOW);
    expect(review.code).not.toBe(first.code);
  });

  it("draws another code when Shopify already has this one (TAKEN)", async () => {
    const { order, orderId } = await nextOrder();
    const request = { source: "gift" as const, customerId: order.customer.id, orderId, percent: 5, validDays: 60, prefix: "THANKS" };
    const first = await issueDiscountCode(prisma, h.admin, SHOP, request, NOW);
    // The app forgets it (a restored backup): Shopify still has the code, so the same draw is refused.
    await prisma.issuedDiscountCode.deleteMany({ where: { shop: SHOP } });
    const again = await issueDiscountCode(prisma, h.admin, SHOP, request, NOW);
    expect(again.code).not.toBe(first.code);
    expect(again.code).toMatch(/^THANKS-/);
    expect(storedDiscountCodes(h.store.requireShop(SHOP)).filter((discount) => [first.code, again.code].includes(discount.code))).toHaveLength(2);
  });
});

describe("return settings", () => {
  it("refuses what cannot be saved, field by field", async () => {
    const saved = await saveReturnSettings(prisma, SHOP, { windowDays: "0", labelProvider: "easypost", "returnAddress.city": "Lyon", packingNotes: "x".repeat(301) }, TEST_API_SECRET);
    expect(saved).toEqual({
      ok: false,
      errors: expect.objectContaining({
        windowDays: "The return window is from 1 to 365 days.",
        easypostApiKey: "Enter your EasyPost API key to buy labels from EasyPost.",
        "returnAddress.address1": "Enter the street address parcels are sent back to.",
        "returnAddress.countryCode": "Enter the country as its two-letter code, for example FR or US.",
        packingNotes: "Each packing instruction can be at most 300 characters.",
      }),
    });
    expect(await prisma.returnSettings.count()).toBe(0);
    expect(await getReturnSettings(prisma, SHOP)).toMatchObject({ labelProvider: "printable", hasEasypostKey: false, returnAddress: null, policy: { windowDays: 30 } });
  });
});
