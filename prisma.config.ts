// Prisma CLI configuration. Both databases go through driver adapters and the JS engine,
// so `generate`, `migrate deploy` and `migrate diff` never download an engine binary.
// PRISMA_PROVIDER picks the schema; DATABASE_URL the database (see docs/decisions/002-prisma-setup.md).
import path from "node:path";
import type { PrismaConfig } from "prisma";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

const url = process.env.DATABASE_URL ?? "file:./prisma/dev.sqlite";
const postgres = /^postgres(ql)?:\/\//.test(url);
const folder = postgres ? "postgres" : "sqlite";

if (postgres) letLongEngineTimersNotHoldTheProcess();

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", folder, "schema.prisma"),
  migrations: { path: path.join("prisma", folder, "migrations") },
  async adapter() {
    return postgres ? withCatalogTypesAsText(new PrismaPg({ connectionString: url, idleTimeoutMillis: 50, allowExitOnIdle: true })) : new PrismaBetterSQLite3({ url });
  },
} satisfies PrismaConfig;

// @prisma/adapter-pg 6.19 cannot map PostgreSQL's `name` type (OID 19, used by the catalog
// columns the schema engine reads during `migrate deploy`) and fails with "Column type
// 'name' could not be deserialized". For the CLI only, such columns are read as text.
const CATALOG_TYPES_AS_TEXT = new Map([
  [18, 25], // "char" -> text
  [19, 25], // name -> text
  [1003, 1009], // name[] -> text[]
]);

type Field = { dataTypeID: number };
type Queryable = { performIO(query: unknown): Promise<{ fields: Field[] }> };

function withCatalogTypesAsText(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    let prototype = Object.getPrototypeOf(adapter) as Partial<Queryable> & { __catalogTypesPatched?: boolean };
    while (prototype && !Object.prototype.hasOwnProperty.call(prototype, "performIO")) {
      prototype = Object.getPrototypeOf(prototype) as typeof prototype;
    }
    if (prototype?.performIO && !prototype.__catalogTypesPatched) {
      const performIO = prototype.performIO;
      prototype.performIO = async function (this: Queryable, query: unknown) {
        const result = await performIO.call(this, query);
        for (const field of result.fields) field.dataTypeID = CATALOG_TYPES_AS_TEXT.get(field.dataTypeID) ?? field.dataTypeID;
        return result;
      };
      prototype.__catalogTypesPatched = true;
    }
    return adapter;
  };
  return factory;
}

// On PostgreSQL the schema engine (WebAssembly) leaves a 10-second timer behind (its lock
// timeout), so every `prisma migrate deploy` waited 10 s after finishing before exiting.
// This file is loaded by the Prisma CLI only; there, long timers are unref'd: they still
// fire while the command works, but no longer keep a finished command alive.
function letLongEngineTimersNotHoldTheProcess(): void {
  const original = globalThis.setTimeout;
  const patched = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = original(handler, ms, ...args);
    if ((ms ?? 0) >= 5000) timer.unref();
    return timer;
  }) as unknown as typeof setTimeout;
  globalThis.setTimeout = Object.assign(patched, original);
}
