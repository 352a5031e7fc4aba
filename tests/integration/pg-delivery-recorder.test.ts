// PostgreSQL's raw-SQL intake path: one delivery row and its job in one transaction.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createPgDeliveryRecorder, type RecordedDelivery } from "~/webhooks/pg-delivery-recorder.server";
import type { DeliveryHeaders } from "~/webhooks/delivery-headers";
import { resetDatabase } from "../support/factories";
import { testDatabaseKind } from "../support/databases";

const onPostgres = testDatabaseKind() === "postgres";
const headers = (webhookId: string, eventId: string | null = null): DeliveryHeaders => ({
  topic: "orders/updated",
  shop: "raw.myshopify.com",
  webhookId,
  eventId,
  apiVersion: "2026-10",
  triggeredAt: new Date("2026-11-23T10:00:00Z"),
});

describe.skipIf(!onPostgres)("the PostgreSQL delivery recorder", () => {
  const enqueued: RecordedDelivery[] = [];
  let failNext = false;
  const recorder = onPostgres
    ? createPgDeliveryRecorder(process.env.DATABASE_URL ?? "", async (tx, delivery) => {
        // Runs on the recorder's transaction, as pg-boss's insert does.
        await tx.$queryRawUnsafe('SELECT count(*) FROM "WebhookDelivery" WHERE "id" = $1', delivery.id);
        if (failNext) throw new Error("queue unavailable");
        enqueued.push(delivery);
      }, 2)
    : undefined;

  beforeEach(async () => {
    await resetDatabase(prisma);
    enqueued.length = 0;
    failNext = false;
  });
  afterAll(() => recorder?.close());

  it("stores the delivery with its headers and queues it", async () => {
    expect(await recorder?.record(headers("w-1", "e-1"), '{"id":1}')).toBe("queued");
    const row = await prisma.webhookDelivery.findFirstOrThrow({ where: { shop: "raw.myshopify.com" } });
    expect(row).toMatchObject({ topic: "orders/updated", webhookId: "w-1", eventId: "e-1", apiVersion: "2026-10", payload: '{"id":1}', status: "queued" });
    expect(row.triggeredAt?.toISOString()).toBe("2026-11-23T10:00:00.000Z");
    expect(Math.abs((row.receivedAt.getTime() - Date.now()) / 1000)).toBeLessThan(60);
    expect(enqueued).toEqual([{ id: row.id, shop: "raw.myshopify.com", topic: "orders/updated" }]);
  });

  it("answers duplicate for the same webhook id or event id, and queues nothing more", async () => {
    await recorder?.record(headers("w-1", "e-1"), "{}");
    expect(await recorder?.record(headers("w-1", "e-2"), "{}")).toBe("duplicate");
    expect(await recorder?.record(headers("w-2", "e-1"), "{}")).toBe("duplicate");
    expect(await prisma.webhookDelivery.count()).toBe(1);
    expect(enqueued).toHaveLength(1);
  });

  it("rolls the delivery back when queueing fails", async () => {
    failNext = true;
    await expect(recorder?.record(headers("w-1"), "{}")).rejects.toThrow("queue unavailable");
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });
});
