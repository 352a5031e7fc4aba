// The returns pages of the admin — the Returns queue, one return, its documents and the return
// settings — called as Remix calls them, for the demo shop on the Admin API stand-in (demo mode:
// the stored offline session stands in for OAuth). Return cases are seeded here as rows; the
// actions go through the return service, and those that reach Shopify reach the stand-in.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Prisma } from "@prisma/client";
import type { OrderRecord } from "../../admin-api/demo-types";
import { startDemoStandIn } from "../../support/stand-in-admin";

vi.hoisted(() => {
  process.env.DEMO_MODE = "1";
});

const NOW = new Date();
const h = await startDemoStandIn({ now: NOW });
process.env.DEMO_SHOP = h.shop;
process.env.SHOPIFY_ADMIN_API_ORIGIN = h.standIn.origin;

const { default: prisma } = await import("~/db.server");
const { loader: queueLoader } = await import("~/routes/app.returns._index/route");
const { loadReturnsQueuePage } = await import("~/routes/app.returns._index/returns-queue-page.server");
const { loader: returnLoader, action: returnAction } = await import("~/routes/app.returns.$returnId/route");
const { loader: documentLoader } = await import("~/routes/app.returns.$returnId.documents.$documentId");
const { loader: settingsLoader, action: settingsAction } = await import("~/routes/app.settings_.returns/route");
const { resetDatabase, seedShop } = await import("../../support/factories");
const { TEST_APP_URL, TEST_API_SECRET } = await import("../../support/test-env");
const { DEFAULT_RETURN_POLICY, decideReturn } = await import("~/returns/return-policy");
const { openSecret } = await import("~/messages/secret-box.server");
const { stopJobRuntime } = await import("~/jobs/runtime.server");

const SHOP = h.shop;
const OTHER_SHOP = "atelier-nord.myshopify.com";
const HOUR = 3_600_000;

afterAll(async () => {
  await stopJobRuntime();
  await h.close();
});

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP, { accessToken: "shpat_demo_stand_in" });
  await seedShop(prisma, OTHER_SHOP);
});

// ---------------------------------------------------------------------------------------------
// Rows

type CaseOverrides = Partial<Omit<Prisma.ReturnCaseUncheckedCreateInput, "shop" | "lines" | "decision">> & {
  lines?: { lineItemId: string; fulfillmentLineItemId: string; title: string; quantity: number; unitPrice: string | null; currency: string | null }[];
};

const PATHS: Record<string, string[]> = {
  requested: ["requested"],
  approved: ["requested", "approved"],
  declined: ["requested", "declined"],
  label_sent: ["requested", "approved", "label_sent"],
  in_transit: ["requested", "approved", "label_sent", "in_transit"],
  received: ["requested", "approved", "label_sent", "received"],
  refunded: ["requested", "approved", "label_sent", "received", "refunded"],
  cancelled: ["requested", "approved", "cancelled"],
};

let sequence = 0;

/** A return case as the return service stores one, with the policy's decision for its reason. */
async function createReturnCase(shop: string, orderNumber: number, overrides: CaseOverrides = {}) {
  sequence += 1;
  const status = overrides.status ?? "requested";
  const reason = (overrides.reason ?? "size_or_fit") as Parameters<typeof decideReturn>[0]["reason"];
  const lines = overrides.lines ?? [
    { lineItemId: `gid://shopify/LineItem/${orderNumber}01`, fulfillmentLineItemId: `gid://shopify/FulfillmentLineItem/${orderNumber}01`, title: "Linen shirt — M", quantity: 1, unitPrice: "59.00", currency: "EUR" },
  ];
  const decision = decideReturn({ reason, lines: lines.map((line) => ({ lineItemId: line.lineItemId, quantity: line.quantity })) }, DEFAULT_RETURN_POLICY);
  const { lines: _lines, ...rest } = overrides;
  return prisma.returnCase.create({
    data: {
      shop,
      orderId: String(5_100_000_000_000 + orderNumber),
      returnNumber: `R${orderNumber}-${sequence}`,
      reached: (PATHS[status] ?? [status]).join(","),
      reason,
      comment: "Trop grande aux épaules.",
      lines: JSON.stringify(lines),
      decision: JSON.stringify({ ...decision, windowClosesAt: new Date(NOW.getTime() + 20 * 24 * HOUR).toISOString() }),
      labelPaidBy: decision.labelPaidBy,
      source: "shopper",
      locale: "fr",
      // Each case a minute newer than the one before, all of them in the last two days.
      requestedAt: new Date(NOW.getTime() - 48 * HOUR + sequence * 60_000),
      ...rest,
      status,
    },
  });
}

async function createOrderCare(shop: string, orderId: string, name: string) {
  const at = new Date(NOW.getTime() - 10 * 24 * HOUR);
  await prisma.orderCare.create({
    data: { shop, orderId, orderGid: `gid://shopify/Order/${orderId}`, name, number: Number(name.replace("#", "")), placedAt: at, totalPrice: "59.00", currency: "EUR", shopifyUpdatedAt: at, lastSource: "webhook" },
  });
}

/** A delivered, paid order of the demo shop in the stand-in, with one fulfilled line to return. */
function deliveredOrder(): { order: OrderRecord; line: { lineItemId: string; fulfillmentLineItemId: string; title: string } } {
  for (const order of h.demo.orders) {
    if (order.cancelledAt || order.refunds.length > 0 || order.displayFinancialStatus !== "PAID") continue;
    const fulfillment = order.fulfillments.find((candidate) => candidate.displayStatus === "DELIVERED");
    const item = fulfillment?.fulfillmentLineItems[0];
    if (item) return { order, line: { lineItemId: item.lineItem.id, fulfillmentLineItemId: item.id, title: item.lineItem.title } };
  }
  throw new Error("the demo shop has no delivered order");
}

// ---------------------------------------------------------------------------------------------
// Requests

const request = (path: string, init?: RequestInit) => new Request(new URL(path, TEST_APP_URL), init);
const listPage = (query = "") => queueLoader({ request: request(`/app/returns${query}`), params: {}, context: {} });
const returnPage = (returnId: string) => returnLoader({ request: request(`/app/returns/${returnId}`), params: { returnId }, context: {} });
const act = (returnId: string, fields: Record<string, string>) =>
  returnAction({ request: request(`/app/returns/${returnId}`, { method: "POST", body: new URLSearchParams(fields) }), params: { returnId }, context: {} });
const actMultipart = (returnId: string, form: FormData) => returnAction({ request: request(`/app/returns/${returnId}`, { method: "POST", body: form }), params: { returnId }, context: {} });
const download = (returnId: string, documentId: string) =>
  documentLoader({ request: request(`/app/returns/${returnId}/documents/${documentId}`), params: { returnId, documentId }, context: {} });
const settingsPage = () => settingsLoader({ request: request("/app/settings/returns"), params: {}, context: {} });
const saveSettings = (fields: Record<string, string>) =>
  settingsAction({ request: request("/app/settings/returns", { method: "POST", body: new URLSearchParams(fields) }), params: {}, context: {} });

/** What a loader or action threw (Remix answers 404 by throwing a Response). */
async function thrown(promise: Promise<unknown>): Promise<Response> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(Response);
  return outcome as Response;
}

// ---------------------------------------------------------------------------------------------

describe("the Returns queue", () => {
  it("lists the session's shop's returns only, newest first, each with its order, reason and value", async () => {
    await createOrderCare(SHOP, String(5_100_000_001_042), "#1042");
    const older = await createReturnCase(SHOP, 1043, { status: "approved" });
    const newer = await createReturnCase(SHOP, 1042, { reason: "damaged_in_transit", requestedAt: new Date(NOW.getTime() - 30 * 60_000) });
    // Another shop's, the newest of all: never shown.
    await createReturnCase(OTHER_SHOP, 2001, { requestedAt: new Date(NOW.getTime() - 60_000) });

    const page = await listPage();
    expect(page.rows.map((row) => row.id)).toEqual([newer.id, older.id]);
    expect(page.rows[0]).toMatchObject({
      returnNumber: newer.returnNumber,
      href: `/app/returns/${newer.id}`,
      status: { label: "Needs approval" },
      order: { name: "#1042", href: "/app/orders/5100000001042" },
      reason: "Damaged in transit",
      shopFault: true,
      age: "30 min",
      value: "€59.00",
    });
    // An order Aftercare does not have yet is still linked, by its Shopify id.
    expect(page.rows[1]).toMatchObject({ order: { name: "Order 5100000001043" }, status: { label: "Approved" }, shopFault: false });
    expect(page.shopHasReturns).toBe(true);
    expect(page.returnPageUrl).toBe(`https://${SHOP}/apps/aftercare/returns`);
  });

  it("filters by the status tab in the URL, and says what it did not understand", async () => {
    const waiting = await createReturnCase(SHOP, 1001);
    const sent = await createReturnCase(SHOP, 1002, { status: "label_sent" });
    const approved = await createReturnCase(SHOP, 1003, { status: "approved" });
    const declined = await createReturnCase(SHOP, 1004, { status: "declined", declineReason: "Worn." });
    const refunded = await createReturnCase(SHOP, 1005, { status: "refunded" });
    await createReturnCase(OTHER_SHOP, 2001);

    expect((await listPage("?status=requested")).rows.map((row) => row.id)).toEqual([waiting.id]);
    const approvedTab = await listPage("?status=approved");
    expect(approvedTab.rows.map((row) => row.id)).toEqual([approved.id, sent.id]);
    expect(approvedTab.view).toBe("approved");
    expect((await listPage("?status=closed")).rows.map((row) => row.id)).toEqual([refunded.id, declined.id]);
    expect((await listPage("?status=received")).rows).toEqual([]);

    const unknown = await listPage("?status=lost");
    expect(unknown.rows).toHaveLength(5);
    expect(unknown.view).toBe("all");
    expect(unknown.notices).toEqual(["Ignored the unknown status “lost”: showing every return."]);
    // The tabs keep Shopify's other parameters and drop the page.
    const tabs = (await listPage("?host=abc&status=approved&after=bogus")).views;
    expect(tabs.find((view) => view.id === "closed")?.url).toBe("/app/returns?host=abc&status=closed");
    expect(tabs.find((view) => view.id === "all")?.url).toBe("/app/returns?host=abc");
  });

  it("pages forward and back, within the tab", async () => {
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) ids.push((await createReturnCase(SHOP, 1100 + index)).id);
    const newestFirst = [...ids].reverse();
    const load = (query: string) => loadReturnsQueuePage(prisma, SHOP, new URLSearchParams(query), { now: NOW, pageSize: 2 });
    const queryOf = (url: string | null) => (url ?? "").split("?")[1] ?? "";

    const first = await load("status=requested");
    expect(first.rows.map((row) => row.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.previousUrl).toBeNull();
    const second = await load(queryOf(first.nextUrl));
    expect(second.rows.map((row) => row.id)).toEqual(newestFirst.slice(2, 4));
    const third = await load(queryOf(second.nextUrl));
    expect(third.rows.map((row) => row.id)).toEqual(newestFirst.slice(4));
    expect(third.nextUrl).toBeNull();
    const back = await load(queryOf(third.previousUrl));
    expect(back.rows.map((row) => row.id)).toEqual(newestFirst.slice(2, 4));
    const start = await load(queryOf(back.previousUrl));
    expect(start.rows.map((row) => row.id)).toEqual(newestFirst.slice(0, 2));
    expect(start.previousUrl).toBeNull();
    expect(new URLSearchParams(queryOf(second.nextUrl)).get("status")).toBe("requested");
  });

  it("sums up the last 90 days: by reason, top products, the shop's share, the median time to refund", async () => {
    const shirt = (quantity: number) => [{ lineItemId: "gid://shopify/LineItem/1", fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", title: "Linen shirt — M", quantity, unitPrice: "59.00", currency: "EUR" }];
    const vase = [{ lineItemId: "gid://shopify/LineItem/2", fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/2", title: "Stoneware vase", quantity: 1, unitPrice: "35.00", currency: "EUR" }];
    const requestedAt = new Date(NOW.getTime() - 5 * 24 * HOUR);
    await createReturnCase(SHOP, 1201, { reason: "size_or_fit", lines: shirt(2) });
    await createReturnCase(SHOP, 1202, { reason: "size_or_fit", lines: shirt(1), status: "refunded", requestedAt, closedAt: new Date(requestedAt.getTime() + 20 * HOUR) });
    await createReturnCase(SHOP, 1203, { reason: "damaged_in_transit", lines: vase, status: "refunded", requestedAt, closedAt: new Date(requestedAt.getTime() + 40 * HOUR) });
    await createReturnCase(SHOP, 1204, { reason: "changed_mind", lines: vase });
    // Older than 90 days, and another shop's: not counted.
    await createReturnCase(SHOP, 1205, { reason: "defective", requestedAt: new Date(NOW.getTime() - 91 * 24 * HOUR) });
    await createReturnCase(OTHER_SHOP, 2001, { reason: "defective" });

    const { insights } = await listPage();
    expect(insights.total).toBe(4);
    expect(insights.byReason.map((row) => [row.name, row.count, row.shopFault])).toEqual([
      ["Size or fit", 2, false],
      ["Changed their mind", 1, false],
      ["Damaged in transit", 1, true],
    ]);
    expect(insights.byProduct).toEqual([
      { title: "Linen shirt — M", count: 3 },
      { title: "Stoneware vase", count: 2 },
    ]);
    expect(insights.shopFaultShare).toBe("25%");
    expect(insights.medianToRefund).toBe("30 hours");
  });

  it("tells a shop with no return yet how shoppers start one", async () => {
    await createReturnCase(OTHER_SHOP, 2001);
    const page = await listPage();
    expect(page).toMatchObject({ rows: [], shopHasReturns: false, insights: { total: 0 } });
  });
});

describe("a return's page", () => {
  it("shows the shop's return: lines, reason, comment, photo, the policy's decision, documents and what can be done", async () => {
    const row = await createReturnCase(SHOP, 1042, { reason: "damaged_in_transit" });
    const photo = await prisma.returnDocument.create({ data: { shop: SHOP, returnId: row.id, kind: "photo", filename: "colis.jpg", contentType: "image/jpeg", data: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]) } });
    await prisma.timelineEvent.create({
      data: { shop: SHOP, orderId: row.orderId, kind: "return_requested", occurredAt: row.requestedAt, source: "shopper", detail: JSON.stringify({ returnNumber: row.returnNumber }), dedupeKey: `return:${row.returnNumber}:requested` },
    });

    const page = await returnPage(row.id);
    expect(page).toMatchObject({
      returnNumber: row.returnNumber,
      status: { label: "Needs approval" },
      reason: "Damaged in transit",
      shopFault: true,
      comment: "Trop grande aux épaules.",
      lines: [{ title: "Linen shirt — M", quantity: 1, price: "€59.00" }],
      value: "€59.00",
      decision: { approval: "Approved automatically by your policy", postage: "You pay: prepaid return label", goodwill: "10% discount code" },
      photo: { id: photo.id, filename: "colis.jpg", href: `/app/returns/${row.id}/documents/${photo.id}` },
      actions: ["approve", "decline", "cancel"],
      timeline: [{ label: "Return requested", source: "by the shopper" }],
    });
    // EasyPost is offered only once a key is stored.
    expect(page.labelProviders.map((choice) => choice.value)).toEqual(["printable", "upload"]);
    expect(JSON.stringify(page)).not.toContain('"data"');
  });

  it("answers 404 for another shop's return, and for one that does not exist", async () => {
    const theirs = await createReturnCase(OTHER_SHOP, 2001);
    expect((await thrown(returnPage(theirs.id))).status).toBe(404);
    expect((await thrown(returnPage("cm0000000000000000000000"))).status).toBe(404);
    expect((await thrown(returnPage("../../etc"))).status).toBe(404);
  });

  it("does not act on another shop's return", async () => {
    const theirs = await createReturnCase(OTHER_SHOP, 2001);
    expect((await thrown(act(theirs.id, { intent: "decline", reason: "No." }))).status).toBe(404);
    expect(await prisma.returnCase.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ status: "requested", declineReason: null });
  });

  it("downloads the shop's documents only, as attachments", async () => {
    const row = await createReturnCase(SHOP, 1042, { status: "label_sent" });
    const bytes = new TextEncoder().encode("%PDF-1.7 label R1042");
    const label = await prisma.returnDocument.create({ data: { shop: SHOP, returnId: row.id, kind: "label", filename: "étiquette R1042.pdf", contentType: "application/pdf", data: bytes } });
    const response = await download(row.id, label.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="_tiquette R1042.pdf"; filename*=UTF-8''%C3%A9tiquette%20R1042.pdf`);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);

    const theirs = await createReturnCase(OTHER_SHOP, 2001);
    const theirLabel = await prisma.returnDocument.create({ data: { shop: OTHER_SHOP, returnId: theirs.id, kind: "label", filename: "l.pdf", contentType: "application/pdf", data: bytes } });
    expect((await thrown(download(theirs.id, theirLabel.id))).status).toBe(404);
    // Their document under our return's address is not found either.
    expect((await thrown(download(row.id, theirLabel.id))).status).toBe(404);
  });
});

describe("a return's actions", () => {
  // A shop with returns has its details (read from Shopify when its first message was composed).
  beforeEach(async () => {
    await prisma.shopSettings.create({
      data: {
        shop: SHOP,
        shopName: "Maison Lumen",
        timezone: "Europe/Paris",
        currency: "EUR",
        countryCode: "FR",
        contactEmail: "hello@maison-lumen.example",
        contactAddress: JSON.stringify({ address1: "14 rue Mercière", city: "Lyon", zip: "69002", countryCode: "FR" }),
        importedAt: NOW,
      },
    });
  });

  it("declines with the reason the shopper will read, and refuses to decline without one", async () => {
    const row = await createReturnCase(SHOP, 1042, { reason: "changed_mind" });

    const missing = await act(row.id, { intent: "decline", reason: "   " });
    expect(missing).toMatchObject({ intent: "decline", ok: false, errors: { reason: expect.stringContaining("Say why") } });
    expect((await prisma.returnCase.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("requested");

    const declined = await act(row.id, { intent: "decline", reason: "The item has been worn." });
    expect(declined).toMatchObject({ intent: "decline", ok: true, message: "Return declined." });
    expect(await prisma.returnCase.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "declined", declineReason: "The item has been worn." });

    const page = await returnPage(row.id);
    expect(page.status.label).toBe("Declined");
    expect(page.actions).toEqual([]);
    expect(page.facts).toContainEqual({ label: "Declined because", value: "The item has been worn." });
    expect(page.timeline[0]).toMatchObject({ label: "Return declined", source: "by your team", facts: ["Reason: The item has been worn."] });
  });

  it("shows the service's refusal of a step the return cannot take", async () => {
    const row = await createReturnCase(SHOP, 1042, { status: "declined", declineReason: "Worn." });
    const outcome = await act(row.id, { intent: "approve", message: "" });
    expect(outcome).toEqual({ intent: "approve", ok: false, message: "This return is already declined, so it cannot be approved." });
    expect((await prisma.returnCase.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("declined");
    expect(await act(row.id, { intent: "refund" })).toMatchObject({ ok: false, message: expect.stringContaining("cannot be refunded") });
  });

  it("approves through the service: the return is opened in Shopify and the step is on the timeline", async () => {
    const { order, line } = deliveredOrder();
    const row = await createReturnCase(SHOP, order.number, {
      orderId: order.legacyResourceId,
      reason: "changed_mind",
      lines: [{ ...line, quantity: 1, unitPrice: "59.00", currency: "EUR" }],
    });
    const outcome = await act(row.id, { intent: "approve", message: "Merci, renvoyez-le dans sa boîte." });
    expect(outcome).toMatchObject({ intent: "approve", ok: true, message: "Return approved." });
    expect(outcome).not.toHaveProperty("warning");

    const stored = await prisma.returnCase.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.status).toBe("approved");
    expect(stored.shopifyReturnId).toMatch(/^gid:\/\/shopify\/Return\//);
    // Asked for on the storefront without a Shopify return yet: approving opens one, open at once.
    const operations = h.store.requests.filter((entry) => entry.kind === "graphql").map((entry) => entry.operationName);
    expect(operations).toContain("ReturnCreate");
    const response = await h.admin.graphql(`query ReturnBack($id: ID!) { return(id: $id) { id status order { id } } }`, { variables: { id: stored.shopifyReturnId } });
    const { data } = (await response.json()) as { data: { return: { status: string; order: { id: string } } | null } };
    expect(data.return).toMatchObject({ status: "OPEN", order: { id: order.id } });

    const page = await returnPage(row.id);
    expect(page.actions).toEqual(["label", "receive", "cancel"]);
    expect(page.timeline[0]).toMatchObject({ label: "Return approved", source: "by your team", facts: expect.arrayContaining(["Note: Merci, renvoyez-le dans sa boîte."]) });

    // The same click again changes nothing and is not an error.
    expect(await act(row.id, { intent: "approve", message: "" })).toMatchObject({ ok: true });
  });

  it("refuses a label file that is not a PDF or an image, or has no tracking number, before calling the service", async () => {
    const row = await createReturnCase(SHOP, 1042, { status: "approved" });
    const form = new FormData();
    form.set("intent", "label");
    form.set("provider", "upload");
    form.set("file", new File(["<html><script>alert(1)</script></html>"], "label.pdf", { type: "application/pdf" }));
    form.set("trackingNumber", "");
    form.set("trackingUrl", "http://track.example/1");
    const outcome = await actMultipart(row.id, form);
    expect(outcome).toMatchObject({ intent: "label", ok: false, errors: { file: expect.stringContaining("not a PDF"), trackingNumber: expect.any(String), trackingUrl: expect.any(String) } });
    expect(await prisma.returnDocument.count({ where: { returnId: row.id } })).toBe(0);
  });

  it("refuses a label file over 10 MB", async () => {
    const row = await createReturnCase(SHOP, 1042, { status: "approved" });
    const form = new FormData();
    form.set("intent", "label");
    form.set("provider", "upload");
    form.set("trackingNumber", "6A12345678901");
    form.set("file", new File([new Uint8Array(10 * 1024 * 1024 + 1)], "huge.pdf", { type: "application/pdf" }));
    const outcome = await actMultipart(row.id, form);
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining("larger than 10 MB") });
    expect(await prisma.returnDocument.count({ where: { returnId: row.id } })).toBe(0);

    // A browser says how big the form is: one that is too big is refused before its body is read.
    let read = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          read = true;
          controller.close();
        },
      },
      // Nothing is pulled until someone reads.
      { highWaterMark: 0 },
    );
    const announced = request(`/app/returns/${row.id}`, {
      method: "POST",
      body,
      duplex: "half",
      headers: { "Content-Type": "multipart/form-data; boundary=----x", "Content-Length": String(12 * 1024 * 1024) },
    } as RequestInit);
    expect(await returnAction({ request: announced, params: { returnId: row.id }, context: {} })).toMatchObject({ ok: false, message: expect.stringContaining("larger than 10 MB") });
    expect(read).toBe(false);
  });

  it("attaches an uploaded label with its tracking, stored as the return's document", async () => {
    const { order, line } = deliveredOrder();
    const row = await createReturnCase(SHOP, order.number, { orderId: order.legacyResourceId, reason: "changed_mind", lines: [{ ...line, quantity: 1, unitPrice: "59.00", currency: "EUR" }] });
    expect(await act(row.id, { intent: "approve" })).toMatchObject({ ok: true });

    const pdf = new TextEncoder().encode("%PDF-1.4\n% carrier label\n");
    const form = new FormData();
    form.set("intent", "label");
    form.set("provider", "upload");
    form.set("file", new File([pdf], "colissimo.pdf", { type: "application/pdf" }));
    form.set("trackingNumber", "6A12345678901");
    form.set("carrier", "Colissimo");
    form.set("trackingUrl", "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901");
    const outcome = await actMultipart(row.id, form);
    expect(outcome).toMatchObject({ intent: "label", ok: true });

    expect(await prisma.returnCase.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "label_sent", trackingNumber: "6A12345678901", carrier: "Colissimo", labelProvider: "upload" });
    const page = await returnPage(row.id);
    // Beside the app's own PDF sent when the return was approved.
    const label = page.documents.find((document) => document.filename === "colissimo.pdf");
    expect(label).toMatchObject({ kind: "label", name: "Return label", contentType: "application/pdf" });
    expect(page.facts).toContainEqual({ label: "Tracking number", value: "6A12345678901", url: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901" });
    const response = await download(row.id, label?.id ?? "");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf);
  });

  it("answers an unknown action with a message, not a crash", async () => {
    const row = await createReturnCase(SHOP, 1042);
    expect(await act(row.id, { intent: "delete" })).toEqual({ intent: null, ok: false, message: "That action is not known. Reload the page and try again." });
  });
});

describe("the return settings page", () => {
  const goodForm = (overrides: Record<string, string> = {}) => {
    const fields: Record<string, string> = {
      windowDays: "45",
      excludedProductTags: "final-sale, Gift card",
      labelProvider: "printable",
      packingNotes: "Put the item back in its box.\nKeep the tags on.",
    };
    for (const reason of ["wrong_item", "damaged_in_transit", "defective", "not_as_described"]) {
      fields[`${reason}.shopPays`] = "on";
      fields[`${reason}.autoApprove`] = "on";
      fields[`${reason}.goodwill`] = "discount_code";
      fields[`${reason}.goodwillPercent`] = "15";
    }
    for (const reason of ["size_or_fit", "changed_mind", "other"]) fields[`${reason}.goodwill`] = "none";
    return { ...fields, ...overrides };
  };

  it("shows the default policy and the shop's contact address, read from Shopify", async () => {
    const page = await settingsPage();
    expect(page.values).toMatchObject({ windowDays: "30", excludedProductTags: "final-sale", "wrong_item.shopPays": "on", "wrong_item.goodwill": "discount_code", "wrong_item.goodwillPercent": "10" });
    expect(page.values).not.toHaveProperty("size_or_fit.shopPays");
    expect(page).toMatchObject({ usesContactAddress: true, hasContactAddress: true, easypostKeyStored: false, labelProvider: "printable" });
    expect(page.values).toMatchObject({ "returnAddress.address1": "14 rue Mercière", "returnAddress.city": "Lyon", "returnAddress.countryCode": "FR" });
    expect(page.contactAddress).toMatchObject({ name: "Maison Lumen", address1: "14 rue Mercière", city: "Lyon" });
    expect(page.reasons.filter((row) => row.shopFault).map((row) => row.reason)).toEqual(["wrong_item", "damaged_in_transit", "defective", "not_as_described"]);
  });

  it("refuses a window of -3 days with the field's error and saves nothing", async () => {
    const outcome = await saveSettings(goodForm({ windowDays: "-3" }));
    expect(outcome).toMatchObject({ ok: false, errors: { windowDays: expect.stringContaining("whole number") } });
    expect(Object.keys(outcome.ok ? {} : outcome.errors)).toEqual(["windowDays"]);
    expect(await prisma.returnSettings.findUnique({ where: { shop: SHOP } })).toBeNull();
    expect((await settingsPage()).values.windowDays).toBe("30");
  });

  it("saves a good policy, a return address of its own, and the packing notes", async () => {
    const outcome = await saveSettings(
      goodForm({
        "returnAddress.company": "Entrepôt Lumen",
        "returnAddress.address1": "3 rue du Dépôt",
        "returnAddress.zip": "69007",
        "returnAddress.city": "Lyon",
        "returnAddress.countryCode": "fr",
      }),
    );
    expect(outcome).toEqual({ ok: true, message: "Return settings saved: new return requests follow them." });
    const page = await settingsPage();
    expect(page.values).toMatchObject({
      windowDays: "45",
      excludedProductTags: "final-sale, Gift card",
      "defective.goodwillPercent": "15",
      "returnAddress.address1": "3 rue du Dépôt",
      "returnAddress.countryCode": "FR",
      packingNotes: "Put the item back in its box.\nKeep the tags on.",
    });
    expect(page.values).not.toHaveProperty("changed_mind.autoApprove");
    expect(page.usesContactAddress).toBe(false);
    expect(page.contactAddress.address1).toBe("14 rue Mercière");

    // Without address fields (the "same as my contact address" box ticked), none is stored.
    expect(await saveSettings(goodForm())).toMatchObject({ ok: true });
    expect((await settingsPage()).usesContactAddress).toBe(true);
  });

  it("stores the EasyPost key sealed and never puts it in the page", async () => {
    const key = "EZAK_test_9f8e7d6c5b4a39281706f5e4";
    expect(await saveSettings(goodForm({ labelProvider: "easypost", easypostApiKey: key }))).toMatchObject({ ok: true });
    const stored = await prisma.returnSettings.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(stored.easypostApiKey).not.toContain(key);
    expect(openSecret(stored.easypostApiKey ?? "", TEST_API_SECRET)).toBe(key);

    const page = await settingsPage();
    expect(page).toMatchObject({ easypostKeyStored: true, labelProvider: "easypost" });
    const json = JSON.stringify(page);
    expect(json).not.toContain(key);
    expect(json).not.toContain(stored.easypostApiKey);
    expect(page.values).not.toHaveProperty("easypostApiKey");

    // Saved again with the field empty: the key is kept. The return page now offers EasyPost.
    expect(await saveSettings(goodForm({ labelProvider: "easypost", easypostApiKey: "" }))).toMatchObject({ ok: true });
    expect((await prisma.returnSettings.findUniqueOrThrow({ where: { shop: SHOP } })).easypostApiKey).toBe(stored.easypostApiKey);
    const row = await createReturnCase(SHOP, 1042, { status: "approved" });
    const returnView = await returnPage(row.id);
    expect(returnView.labelProviders.map((choice) => choice.value)).toEqual(["printable", "easypost", "upload"]);
    expect(returnView.defaultProvider).toBe("easypost");
    expect(JSON.stringify(returnView)).not.toContain(key);
  });

  it("asks for a key before labels can come from EasyPost", async () => {
    const outcome = await saveSettings(goodForm({ labelProvider: "easypost" }));
    expect(outcome).toMatchObject({ ok: false, errors: { easypostApiKey: expect.any(String) } });
  });
});
