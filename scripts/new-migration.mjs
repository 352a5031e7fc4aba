// Writes a new migration for both providers from the change to prisma/sqlite/schema.prisma
// since the last commit: `node scripts/new-migration.mjs add_order_intake`.
// (prisma migrate dev needs a shadow database, which the offline engine cannot build; the
// schema-to-schema diff needs none. tests/integration/schema-drift.test.ts proves the result.)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: node scripts/new-migration.mjs <snake_case_name>");
  process.exit(2);
}
execFileSync(process.execPath, [path.join(root, "scripts/prisma-schemas.mjs")], { cwd: root, stdio: "inherit" });

const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const work = mkdtempSync(path.join(tmpdir(), "migration-"));
const urls = { sqlite: "file:./prisma/dev.sqlite", postgres: "postgresql://postgres@127.0.0.1:5432/test" };

for (const provider of ["sqlite", "postgres"]) {
  const schema = `prisma/${provider}/schema.prisma`;
  const previous = path.join(work, `${provider}.prisma`);
  writeFileSync(previous, execFileSync("git", ["show", `HEAD:${schema}`], { cwd: root }));
  const sql = execFileSync(
    path.join(root, "node_modules/.bin/prisma"),
    ["migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", schema, "--script"],
    { cwd: root, env: { ...process.env, DATABASE_URL: urls[provider] }, stdio: ["ignore", "pipe", "inherit"] },
  ).toString();
  const folder = path.join(root, "prisma", provider, "migrations", `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), sql);
  console.log(`wrote ${path.relative(root, folder)}/migration.sql (${sql.split("\n").length} lines)`);
}
