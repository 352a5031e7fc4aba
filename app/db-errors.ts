// Prisma's error codes, read by code rather than `instanceof`: the PostgreSQL client is a
// separately generated client with its own error classes. Pure (no imports), so the job
// queue's crash-test worker can load it with plain Node.

function prismaErrorCode(error: unknown): unknown {
  return typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
}

/** P2002: a unique constraint refused the row. */
export function isUniqueViolation(error: unknown): boolean {
  return prismaErrorCode(error) === "P2002";
}

/** P2002 or P2034 (write conflict or deadlock): running the transaction again can succeed. */
export function isWriteConflict(error: unknown): boolean {
  const code = prismaErrorCode(error);
  return code === "P2002" || code === "P2034";
}
