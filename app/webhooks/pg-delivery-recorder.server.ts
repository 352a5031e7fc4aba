// On PostgreSQL the intake records a delivery and enqueues its job with two plain SQL
// statements in one transaction on a small pg pool of its own: Prisma's per-query
// overhead was the largest cost of an acknowledgement (bench/results/). The job goes in
// through pg-boss's own insert, run on this transaction.
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { DeliveryHeaders } from "./delivery-headers";

/** The slice of a Prisma transaction that pg-boss's `fromPrisma` adapter uses. */
export type RawSqlTransaction = { $queryRawUnsafe: (text: string, ...values: unknown[]) => Promise<unknown[]> };

export type RecordedDelivery = { id: string; shop: string; topic: string };
export type RecordOutcome = "queued" | "duplicate";
export type Enqueue = (tx: RawSqlTransaction, delivery: RecordedDelivery) => Promise<unknown>;

const INSERT_DELIVERY = `
  INSERT INTO "WebhookDelivery" ("id", "shop", "topic", "webhookId", "eventId", "apiVersion", "triggeredAt", "receivedAt", "payload", "status")
  VALUES ($1, $2, $3, $4, $5, $6, ($7::timestamptz AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC'), $8, 'queued')
  ON CONFLICT DO NOTHING
  RETURNING "id"`;

export function createPgDeliveryRecorder(connectionString: string, enqueue: Enqueue, poolSize = 10) {
  const pool = new pg.Pool({ connectionString, max: poolSize, allowExitOnIdle: true });
  return {
    async record(headers: DeliveryHeaders, payload: string): Promise<RecordOutcome> {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const id = randomUUID();
        const inserted = await client.query(INSERT_DELIVERY, [
          id,
          headers.shop,
          headers.topic,
          headers.webhookId,
          headers.eventId,
          headers.apiVersion,
          headers.triggeredAt?.toISOString() ?? null,
          payload,
        ]);
        if (inserted.rowCount === 0) {
          await client.query("ROLLBACK");
          return "duplicate";
        }
        const tx: RawSqlTransaction = { $queryRawUnsafe: async (text, ...values) => (await client.query(text, values)).rows };
        await enqueue(tx, { id, shop: headers.shop, topic: headers.topic });
        await client.query("COMMIT");
        return "queued";
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
