// The Messages routes (the outbox list and one message), called as Remix calls them,
// authenticated as the demo shop (its stored offline session stands in for OAuth).
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { SHOP_A, SHOP_B, createOutboxMessage } from "./outbox-rows";

vi.hoisted(() => {
  // Read by app/config.server.ts when the app modules load.
  process.env.DEMO_MODE = "1";
  process.env.DEMO_SHOP = "maison-lumen.myshopify.com";
  process.env.SHOPIFY_ADMIN_API_ORIGIN = "http://127.0.0.1:9";
});

const { default: prisma } = await import("~/db.server");
const { loader: listLoader } = await import("~/routes/app.messages._index/route");
const { loader: messageLoader, action: messageAction } = await import("~/routes/app.messages.$messageId/route");
const { resetDatabase, seedShop } = await import("../../support/factories");
const { TEST_APP_URL } = await import("../../support/test-env");
const { getJobQueue, stopJobRuntime } = await import("~/jobs/runtime.server");
const { DELIVER_MESSAGE_JOB } = await import("~/messages/request-message.server");
const { createOrder, orderIdFor } = await import("../orders-admin/order-rows");

const request = (path: string) => new Request(new URL(path, TEST_APP_URL));
const list = (query = "") => listLoader({ request: request(`/app/messages${query}`), params: {}, context: {} });

afterAll(async () => {
  await stopJobRuntime();
});

beforeEach(async () => {
  await resetDatabase(prisma);
  await seedShop(prisma, SHOP_A);
  await seedShop(prisma, SHOP_B);
});

describe("the outbox list", () => {
  it("lists the session's shop's messages only, newest first", async () => {
    const older = await createOutboxMessage(prisma, SHOP_A, { type: "order_confirmation" });
    const newer = await createOutboxMessage(prisma, SHOP_A, { type: "dispatch_note" });
    await createOutboxMessage(prisma, SHOP_B);

    const page = await list();
    expect(page.rows.map((row) => row.id)).toEqual([newer.id, older.id]);
    expect(page.rows[0]).toMatchObject({ typeName: "Dispatch note", to: "marie@example.com", language: "Français", href: `/app/messages/${newer.id}` });
    expect(page.total).toBe(2);
    expect(page.shopHasMessages).toBe(true);
  });

  it("filters by status from the URL, and says what it did not understand", async () => {
    await createOutboxMessage(prisma, SHOP_A, { status: "sent", sentAt: new Date("2026-11-18T09:05:00Z") });
    const failed = await createOutboxMessage(prisma, SHOP_A, { status: "failed", statusReason: "The mail server refused the login." });
    await createOutboxMessage(prisma, SHOP_B, { status: "failed" });

    const page = await list("?status=failed,bogus");
    expect(page.rows.map((row) => row.id)).toEqual([failed.id]);
    expect(page.rows[0]).toMatchObject({ status: { label: "Failed", tone: "critical" }, statusReason: "The mail server refused the login." });
    expect(page.filters.statuses).toEqual(["failed"]);
    expect(page.notices).toEqual(["Ignored the unknown status filter “bogus”."]);
  });

  it("filters by type and finds an order's messages by its name", async () => {
    await createOrder(prisma, SHOP_A, 1042);
    await createOrder(prisma, SHOP_A, 1043);
    const confirmation = await createOutboxMessage(prisma, SHOP_A, { type: "order_confirmation", orderId: orderIdFor(1042) });
    const dispatch = await createOutboxMessage(prisma, SHOP_A, { type: "dispatch_note", orderId: orderIdFor(1042) });
    await createOutboxMessage(prisma, SHOP_A, { type: "dispatch_note", orderId: orderIdFor(1043) });

    const byOrder = await list("?q=%231042");
    expect(byOrder.rows.map((row) => row.id)).toEqual([dispatch.id, confirmation.id]);
    expect(byOrder.rows[0]?.order).toEqual({ name: "#1042", href: `/app/orders/${orderIdFor(1042)}` });

    const byType = await list("?q=1042&type=order_confirmation");
    expect(byType.rows.map((row) => row.id)).toEqual([confirmation.id]);

    const byShopifyId = await list(`?q=${orderIdFor(1042)}`);
    expect(byShopifyId.total).toBe(2);
  });

  it("pages with cursors, newest first", async () => {
    const ids = [];
    for (let index = 0; index < 5; index += 1) ids.push((await createOutboxMessage(prisma, SHOP_A)).id);
    const { loadOutboxListPage } = await import("~/messages/outbox-list.server");
    const now = new Date("2026-11-20T10:00:00Z");
    const first = await loadOutboxListPage(prisma, SHOP_A, new URLSearchParams(), { now, pageSize: 2 });
    expect(first.rows.map((row) => row.id)).toEqual([ids[4], ids[3]]);
    expect(first.range).toBe("1–2 of 5");
    const second = await loadOutboxListPage(prisma, SHOP_A, new URLSearchParams({ after: first.nextCursor ?? "" }), { now, pageSize: 2 });
    expect(second.rows.map((row) => row.id)).toEqual([ids[2], ids[1]]);
    const back = await loadOutboxListPage(prisma, SHOP_A, new URLSearchParams({ before: second.previousCursor ?? "" }), { now, pageSize: 2 });
    expect(back.rows.map((row) => row.id)).toEqual([ids[4], ids[3]]);
  });

  it("tells an empty outbox from one with no mail server", async () => {
    const empty = await list();
    expect(empty).toMatchObject({ rows: [], shopHasMessages: false, filtered: false, outboxOnly: true });

    await prisma.shopSettings.create({ data: { shop: SHOP_A, smtpHost: "smtp.example.com", senderEmail: "hello@maison-lumen.fr" } });
    await createOutboxMessage(prisma, SHOP_B);
    const nothingMatches = await list("?status=held");
    expect(nothingMatches).toMatchObject({ rows: [], shopHasMessages: false, filtered: true, outboxOnly: false });
  });
});

describe("the message page", () => {
  const load = (messageId: string) => messageLoader({ request: request(`/app/messages/${messageId}`), params: { messageId }, context: {} });

  it("shows the shop's message: subject, reason, attempts, both parts and attachments", async () => {
    const message = await createOutboxMessage(prisma, SHOP_A, {
      status: "held",
      statusReason: "No mail server is set up: the message is kept in the outbox.",
      attempts: 1,
      attachments: JSON.stringify([{ filename: "return-label.pdf", contentType: "application/pdf", contentBase64: Buffer.from("%PDF-1.7 label").toString("base64") }]),
    });
    const page = await load(message.id);
    expect(page).toMatchObject({
      subject: "Votre commande #1042 est en route",
      to: "marie@example.com",
      status: { label: "Held" },
      statusReason: "No mail server is set up: the message is kept in the outbox.",
      attempts: 1,
      text: "Bonjour Marie,\n",
      attachments: [{ filename: "return-label.pdf", contentType: "application/pdf", size: "14 B" }],
      templateUrl: "/app/messages/templates/dispatch_note/fr",
      canResend: true,
    });
    expect(page.html).toContain("<p>Bonjour Marie,</p>");
  });

  it.each([
    ["another shop's message", async () => (await createOutboxMessage(prisma, SHOP_B)).id],
    ["an unknown message", async () => "clx0000000000000000000000"],
    ["an id that is no message id", async () => "../../etc"],
  ])("answers 404 for %s", async (_, idFor) => {
    const id = await idFor();
    const outcome = await load(id).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).toBe(404);
  });
});

describe("Resend", () => {
  const resend = (messageId: string, intent = "resend") =>
    messageAction({
      request: new Request(new URL(`/app/messages/${messageId}`, TEST_APP_URL), { method: "POST", body: new URLSearchParams({ intent }) }),
      params: { messageId },
      context: {},
    });

  it("puts a failed message back in the queue and queues its delivery", async () => {
    const enqueue = vi.spyOn(getJobQueue(), "enqueue").mockResolvedValue("job-1");
    const message = await createOutboxMessage(prisma, SHOP_A, { status: "failed", statusReason: "Mailbox unavailable.", attempts: 5, lastAttemptAt: new Date("2026-11-18T10:00:00Z") });

    const outcome = await resend(message.id);
    expect(outcome).toEqual({ ok: true, message: expect.any(String) });
    const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ status: "queued", statusReason: null, attempts: 5 });
    expect(enqueue).toHaveBeenCalledTimes(1);
    expect(enqueue.mock.calls[0]?.slice(0, 3)).toEqual([DELIVER_MESSAGE_JOB, SHOP_A, { messageId: message.id }]);
  });

  it("does not touch another shop's message", async () => {
    const enqueue = vi.spyOn(getJobQueue(), "enqueue").mockResolvedValue("job-1");
    const theirs = await createOutboxMessage(prisma, SHOP_B, { status: "failed" });
    expect(await resend(theirs.id)).toMatchObject({ ok: false });
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("failed");
    expect(enqueue).not.toHaveBeenCalled();
  });

  it("answers 400 to anything else", async () => {
    const message = await createOutboxMessage(prisma, SHOP_A, { status: "failed" });
    const outcome = await resend(message.id, "delete").then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect((outcome as Response).status).toBe(400);
  });
});
