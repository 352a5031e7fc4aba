// Prisma details the queue and the scheduler share.

/**
 * Interactive transactions the queue opens itself: short, but allowed to wait for a caller's.
 * On SQLite every statement of one Prisma client shares one connection, so a worker statement
 * issued while a caller's transaction is open would run inside it (and see its uncommitted
 * jobs); the worker's statements therefore always run in a transaction of their own, which the
 * adapter serialises behind the caller's.
 */
export const QUEUE_TRANSACTION = { maxWait: 10_000, timeout: 30_000 } as const;

export { isUniqueViolation } from "../db-errors.ts";
