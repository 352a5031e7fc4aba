// Every Admin GraphQL operation in app/ must be valid against Shopify's real 2026-10 schema.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateOperation } from "../admin-api/schema";
import { findOperations, operationsIn } from "../support/graphql-operations";

const operations = findOperations(path.resolve(import.meta.dirname, "../../app"));

describe("Admin GraphQL operations in app/", () => {
  it("are found", () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  it.each(operations.map((operation) => [`${operation.file}:${operation.line}`, operation] as const))(
    "%s is valid against the Admin API 2026-10 schema",
    (_where, operation) => {
      expect(validateOperation(operation.source).map((error) => error.message)).toEqual([]);
    },
  );

  it("each have a unique name (codegen and the stand-in's log key on it)", () => {
    const names = operations.map((operation) => /(?:query|mutation|subscription)\s+(\w+)/.exec(operation.source)?.[1]);
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("the operation check itself", () => {
  it("fails a misspelled field with Shopify's own message", () => {
    const [operation] = operationsIn("sample.ts", "const Q = `#graphql\n query Sample { shop { nmae } }`;");
    expect(operation).toBeDefined();
    expect(validateOperation(operation?.source ?? "").map((error) => error.message)).toEqual([
      'Cannot query field "nmae" on type "Shop". Did you mean "name"?',
    ]);
  });

  it("refuses interpolated operations, which cannot be checked", () => {
    expect(() => operationsIn("sample.ts", "const Q = `#graphql\n query X { ${field} }`;")).toThrow(/must not interpolate/);
  });
});
