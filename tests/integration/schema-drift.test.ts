// Fails when the SQLite and PostgreSQL data models drift apart, or when a schema change
// has no migration: each provider's committed migrations, applied with `prisma migrate
// deploy`, must give exactly the tables, columns and indexes its schema describes.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { ROOT, migrate, postgresTestDatabaseName, recreatePostgresDatabase } from "../support/databases";
import { derivePostgresSchema } from "../../scripts/prisma-schemas.mjs";

const read = (relative: string) => readFileSync(path.join(ROOT, relative), "utf8");

function schemaScript(provider: "sqlite" | "postgres", databaseUrl: string): string {
  return execFileSync(
    path.join(ROOT, "node_modules/.bin/prisma"),
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", `prisma/${provider}/schema.prisma`, "--script"],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "pipe"] },
  ).toString();
}

type Structure = Record<string, { columns: string[]; indexes: string[] }>;

function sqliteStructure(file: string): Structure {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => {
        const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; type: string; notnull: number; pk: number; dflt_value: string | null }[])
          .map((c) => `${c.name} ${c.type} ${c.notnull ? "not null" : "null"} pk=${c.pk} default=${c.dflt_value}`)
          .sort();
        const indexes = (db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number }[])
          .map((index) => {
            const cols = (db.prepare(`PRAGMA index_info("${index.name}")`).all() as { name: string }[]).map((c) => c.name).join(",");
            return `${index.unique ? "unique" : "index"}(${cols})`;
          })
          .sort();
        return [name, { columns, indexes }];
      }),
    );
  } finally {
    db.close();
  }
}

async function postgresStructure(url: string): Promise<Structure> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{ table_name: string; line: string }>(`
      SELECT table_name, column_name || ' ' || data_type || ' ' || is_nullable || ' default=' || coalesce(column_default, '') AS line
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
    const indexes = await client.query<{ tablename: string; indexdef: string }>(`
      SELECT tablename, regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX \\S+ ', 'CREATE \\1INDEX ') AS indexdef
      FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    const structure: Structure = {};
    for (const row of columns.rows) (structure[row.table_name] ??= { columns: [], indexes: [] }).columns.push(row.line);
    for (const row of indexes.rows) structure[row.tablename]?.indexes.push(row.indexdef);
    for (const table of Object.values(structure)) {
      table.columns.sort();
      table.indexes.sort();
    }
    return structure;
  } finally {
    await client.end();
  }
}

describe("the SQLite and PostgreSQL data models", () => {
  it("are the same models: the PostgreSQL schema is derived from the SQLite one", () => {
    expect(read("prisma/postgres/schema.prisma")).toBe(derivePostgresSchema(read("prisma/sqlite/schema.prisma")));
  });

  it("have the same migrations, by name", () => {
    const names = (provider: string) =>
      readdirSync(path.join(ROOT, "prisma", provider, "migrations"), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
    expect(names("postgres")).toEqual(names("sqlite"));
    expect(names("sqlite").length).toBeGreaterThan(0);
  });

  it("SQLite: the migrations give exactly what the schema describes", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aftercare-drift-"));
    const migrated = path.join(dir, "migrated.sqlite");
    const fromSchema = path.join(dir, "from-schema.sqlite");
    migrate(`file:${migrated}`);
    const script = schemaScript("sqlite", `file:${fromSchema}`);
    const db = new Database(fromSchema);
    db.exec(script);
    db.close();
    const expected = sqliteStructure(fromSchema);
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(sqliteStructure(migrated)).toEqual(expected);
  });

  it("PostgreSQL: the migrations give exactly what the schema describes", async () => {
    const migrated = await recreatePostgresDatabase(postgresTestDatabaseName("drift_migrated"));
    const fromSchema = await recreatePostgresDatabase(postgresTestDatabaseName("drift_schema"));
    migrate(migrated);
    const client = new pg.Client({ connectionString: fromSchema });
    await client.connect();
    await client.query(schemaScript("postgres", fromSchema));
    await client.end();
    const expected = await postgresStructure(fromSchema);
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(await postgresStructure(migrated)).toEqual(expected);
  });
});
