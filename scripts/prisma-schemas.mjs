// Derives prisma/postgres/schema.prisma from the canonical prisma/sqlite/schema.prisma.
// Only the datasource provider and the generated client's location differ; the models
// are the same text. `--check` exits 1 when the committed PostgreSQL schema is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sqlitePath = path.join(root, "prisma/sqlite/schema.prisma");
const postgresPath = path.join(root, "prisma/postgres/schema.prisma");

export function derivePostgresSchema(sqliteSchema) {
  const header =
    "// GENERATED from ../sqlite/schema.prisma by scripts/prisma-schemas.mjs. Edit that file instead.\n";
  const derived = sqliteSchema
    .replace(/^\/\/ Canonical data model\.[^\n]*\n(\/\/[^\n]*\n)*/m, header)
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./dev.sqlite"', 'url      = "postgresql://localhost:5432/aftercare"')
    .replace(
      'engineType = "client"',
      'engineType = "client"\n  output     = "../../node_modules/.prisma/client-postgres"',
    );
  if (derived === sqliteSchema) throw new Error("postgres schema derivation changed nothing");
  return derived;
}

const expected = derivePostgresSchema(readFileSync(sqlitePath, "utf8"));
if (process.argv.includes("--check")) {
  const actual = readFileSync(postgresPath, "utf8");
  if (actual !== expected) {
    console.error("prisma/postgres/schema.prisma is stale: run `node scripts/prisma-schemas.mjs`");
    process.exit(1);
  }
} else {
  writeFileSync(postgresPath, expected);
}
