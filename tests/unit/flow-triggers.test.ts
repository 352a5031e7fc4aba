// The Shopify Flow triggers (extensions/flow-*): each TOML declares a valid flow_trigger with an
// order reference, and every payload app/watch/flag-mirror.ts builds carries exactly the fields
// its trigger declares, each with a value of the declared type. The TOMLs are read with the
// same small reader the Admin API stand-in uses to check flowTriggerReceive calls.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FLOW_TRIGGER_HANDLES, flowPayloads, type FlowChange } from "~/watch/flag-mirror";
import { FLAG_KINDS } from "~/watch/watch-rules";
import { flowPayloadKey, flowTriggerDefinitions, parseTomlSubset, type FlowTriggerDefinition } from "../admin-api/mutation-handlers";

const EXTENSIONS = path.resolve(import.meta.dirname, "../../extensions");
const ORDER_GID = "gid://shopify/Order/5550001234";

/** The field types Flow triggers accept (shopify.dev, Flow trigger reference). */
const REFERENCE_KEYS: Record<string, string> = { customer_reference: "customer_id", order_reference: "order_id", product_reference: "product_id" };
const CUSTOM_TYPES = new Set(["boolean", "email", "single_line_text_field", "number_decimal", "url"]);

/** Whether a value is what Flow expects for a field of this type (checked here independently of the stand-in). */
function hasDeclaredType(type: string, value: unknown): boolean {
  if (type in REFERENCE_KEYS) return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
  switch (type) {
    case "single_line_text_field":
      return typeof value === "string" && value.length > 0 && !value.includes("\n");
    case "number_decimal":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "email":
      return typeof value === "string" && value.includes("@");
    case "url":
      return typeof value === "string" && /^https?:\/\//.test(value);
    default:
      return false;
  }
}

const triggers = flowTriggerDefinitions();
const byHandle = (handle: string): FlowTriggerDefinition => {
  const found = triggers.find((trigger) => trigger.handle === handle);
  if (!found) throw new Error(`no flow_trigger extension with handle ${handle}`);
  return found;
};

/** A change that exercises every trigger and every kind. */
const everything: FlowChange = {
  orderId: "5550001234",
  raised: FLAG_KINDS.map((kind, index) => ({ kind, reason: `Reason for ${kind}`, dueAt: new Date(Date.UTC(2026, 10, 20, index)).toISOString() })),
  cleared: [...FLAG_KINDS],
  confirmed: true,
};

describe("the small TOML reader", () => {
  it("reads tables, arrays of tables, strings, numbers, booleans and arrays, and skips comments", () => {
    const toml = parseTomlSubset(
      [
        "# comment",
        'api_version = "2026-10" # trailing',
        "[[extensions]]",
        'name = "A \\"quoted\\" name"',
        "[[extensions.targeting]]",
        "target = 'x.y'",
        "[settings]",
        "  [[settings.fields]]",
        '  "key with spaces" = 1_000',
        "  flags = [true, false, 2.5, \"s\"]",
        "  [[settings.fields]]",
        "  key = \"second\"",
      ].join("\n"),
    );
    expect(toml).toEqual({
      api_version: "2026-10",
      extensions: [{ name: 'A "quoted" name', targeting: [{ target: "x.y" }] }],
      settings: { fields: [{ "key with spaces": 1000, flags: [true, false, 2.5, "s"] }, { key: "second" }] },
    });
  });

  it("refuses what it does not understand instead of guessing", () => {
    expect(() => parseTomlSubset('a = """multi\nline"""')).toThrow(/multi-line/);
    expect(() => parseTomlSubset("a = { b = 1 }")).toThrow(/unsupported value/);
    expect(() => parseTomlSubset('a = "x"\na = "y"')).toThrow(/duplicate key/);
    expect(() => parseTomlSubset('a = "x" b')).toThrow(/after the value/);
  });
});

describe("the Flow trigger extensions", () => {
  it("are the three the app sends, each in the folder named after its handle", () => {
    expect(triggers.map((trigger) => trigger.handle).sort()).toEqual(Object.values(FLOW_TRIGGER_HANDLES).sort());
    for (const trigger of triggers) expect(trigger.file).toBe(`extensions/${trigger.handle}/shopify.extension.toml`);
  });

  it.each(Object.values(FLOW_TRIGGER_HANDLES))("%s is a valid flow_trigger with an order reference", (handle) => {
    const file = path.join(EXTENSIONS, handle, "shopify.extension.toml");
    const toml = parseTomlSubset(readFileSync(file, "utf8"));
    const [extension, ...others] = toml.extensions as Record<string, unknown>[];
    expect(others).toEqual([]);
    expect(extension).toMatchObject({ type: "flow_trigger", handle });
    // Handles: at most 30 characters, letters, digits and hyphens; names: sentence case, no punctuation.
    expect(handle).toMatch(/^[a-z0-9-]{1,30}$/);
    expect(String(extension?.name)).toMatch(/^[A-Z][a-z ]+$/);
    expect(String(extension?.description ?? "").length).toBeGreaterThan(0);

    const { fields } = byHandle(handle);
    expect(fields.filter((field) => field.type === "order_reference")).toHaveLength(1);
    for (const field of fields) {
      if (field.type in REFERENCE_KEYS) expect(field.key, "reference fields have no key").toBeNull();
      else {
        expect(CUSTOM_TYPES.has(field.type), `${field.type} is not a Flow trigger field type`).toBe(true);
        expect(field.key).toMatch(/^[A-Za-z][A-Za-z0-9 ]*$/);
        expect(field.description, `${field.key} has no description`).toBeTruthy();
      }
    }
    const keys = fields.map(flowPayloadKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("no other extension folder declares a flow trigger the app does not send", () => {
    const declared = readdirSync(EXTENSIONS).filter((name) => {
      try {
        return /type\s*=\s*"flow_trigger"/.test(readFileSync(path.join(EXTENSIONS, name, "shopify.extension.toml"), "utf8"));
      } catch {
        return false;
      }
    });
    expect(declared.sort()).toEqual(Object.values(FLOW_TRIGGER_HANDLES).sort());
  });
});

describe("flowPayloads against the triggers' declared fields", () => {
  const calls = flowPayloads(everything, ORDER_GID);

  it("builds a call for every trigger", () => {
    expect(new Set(calls.map((call) => call.handle))).toEqual(new Set(Object.values(FLOW_TRIGGER_HANDLES)));
    expect(calls).toHaveLength(FLAG_KINDS.length * 2 + 1);
  });

  it.each(calls.map((call, index) => [`${index}: ${call.handle}`, call] as const))("%s has exactly the declared fields, with their types", (_name, call) => {
    const { fields } = byHandle(call.handle);
    expect(Object.keys(call.payload).sort()).toEqual(fields.map(flowPayloadKey).sort());
    for (const field of fields) {
      const value = call.payload[flowPayloadKey(field)];
      expect(hasDeclaredType(field.type, value), `${call.handle}: ${flowPayloadKey(field)} = ${JSON.stringify(value)} is not a ${field.type}`).toBe(true);
    }
    expect(call.payload.order_id).toBe(5550001234);
    expect(Buffer.byteLength(JSON.stringify(call.payload))).toBeLessThan(50_000);
  });

  it("the type check itself tells a wrong payload from a right one", () => {
    expect(hasDeclaredType("order_reference", "5550001234")).toBe(false);
    expect(hasDeclaredType("single_line_text_field", "two\nlines")).toBe(false);
    expect(hasDeclaredType("single_line_text_field", 3)).toBe(false);
    expect(hasDeclaredType("date_time", "2026-11-20T00:00:00Z")).toBe(false);
  });
});
