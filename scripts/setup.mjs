// Prepares a checkout to run: the Admin API schema file for codegen, both Prisma clients,
// the GraphQL operation types, and the database at DATABASE_URL migrated to the latest
// schema (SQLite by default, created if missing). Safe to run again.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules/.bin", name);
const run = (command, args, env = {}) =>
  execFileSync(command, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
const quiet = (command, args, env = {}) =>
  execFileSync(command, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...env } });

const step = (label) => console.log(`› ${label}`);

const schemaGz = path.join(root, "app/types/admin-2026-10.schema.json.gz");
const schemaJson = schemaGz.replace(/\.gz$/, "");
if (!existsSync(schemaJson) || statSync(schemaJson).mtimeMs < statSync(schemaGz).mtimeMs) {
  step("unpacking the Admin API 2026-10 schema for codegen");
  writeFileSync(schemaJson, gunzipSync(readFileSync(schemaGz)));
}

step("checking prisma/postgres/schema.prisma against prisma/sqlite/schema.prisma");
run(process.execPath, ["scripts/prisma-schemas.mjs", "--check"]);

step("generating the Prisma clients (SQLite and PostgreSQL)");
quiet(bin("prisma"), ["generate"], { DATABASE_URL: "file:./prisma/dev.sqlite" });
quiet(bin("prisma"), ["generate"], { DATABASE_URL: "postgresql://localhost:5432/unused" });

step("generating Admin API operation types");
quiet(bin("graphql-codegen"), []);

if (!process.argv.includes("--no-migrate")) {
  const url = process.env.DATABASE_URL ?? "file:./prisma/dev.sqlite";
  step(`migrating ${url.startsWith("file:") ? url : "the PostgreSQL database"}`);
  quiet(bin("prisma"), ["migrate", "deploy"], { DATABASE_URL: url });
}
