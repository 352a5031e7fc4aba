// Which database a Prisma client talks to, for the few places that write raw SQL for
// PostgreSQL's sake (bulk updates) and keep the portable path for SQLite. Pure.

export function isPostgres(db: unknown): boolean {
  return (db as { _activeProvider?: string })._activeProvider === "postgresql";
}
