import { describe, expect, it } from "vitest";
import { ADMIN_API_VERSION, loadAdminSchema, validateOperation } from "./schema.ts";

describe("loadAdminSchema", () => {
  it("builds the 2026-10 schema once and reuses it", () => {
    const schema = loadAdminSchema();
    expect(ADMIN_API_VERSION).toBe("2026-10");
    expect(schema.getQueryType()?.name).toBe("QueryRoot");
    expect(schema.getMutationType()?.getFields().tagsAdd).toBeDefined();
    expect(loadAdminSchema()).toBe(schema);
  });
});

describe("validateOperation", () => {
  it("rejects a misspelled field with the schema's own message", () => {
    const errors = validateOperation(`{ orders(first: 5) { nodes { id tagz } } }`);
    expect(errors.map((error) => error.message)).toEqual([
      'Cannot query field "tagz" on type "Order". Did you mean "tags"?',
    ]);
    expect(errors[0]?.locations).toEqual([{ line: 1, column: 33 }]);
  });

  it("accepts a valid orders query with a search filter", () => {
    const source = `query RecentOrders($cursor: String) {
      orders(first: 5, after: $cursor, query: "created_at:>=2026-10-01 status:open") { nodes { id name tags } }
    }`;
    expect(validateOperation(source)).toEqual([]);
  });

  it("returns syntax errors instead of throwing", () => {
    const errors = validateOperation(`{ orders(first: 5 { nodes { id } } }`);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^Syntax Error/);
  });

  it("rejects unknown arguments and missing required ones", () => {
    const messages = validateOperation(`{ order(idd: "gid://shopify/Order/1") { id } }`).map((error) => error.message);
    expect(messages).toContain('Unknown argument "idd" on field "QueryRoot.order". Did you mean "id"?');
    expect(messages).toContain('Field "order" argument "id" of type "ID!" is required, but it was not provided.');
  });
});
