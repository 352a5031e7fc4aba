// The loyalty tier Discount Function (extensions/loyalty-discount), offline: every fixture is
// validated against the real Discount Function API 2026-10 schema with Shopify's test helpers
// (the input query against the schema, the fixture input against the query, the expected output
// against the target's result type) and then run through the pure function. Also: the value the
// app writes to the metafield is what the Function reads, and no metafield value makes it throw.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadFixture, loadInputQuery, loadSchema, validateTestAssets, type FixtureData } from "@shopify/shopify-function-test-helpers";
import fc from "fast-check";
import type { DocumentNode, GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TIERS, LOYALTY_METAFIELD, loyaltyMetafieldValue, loyaltyStanding, type LoyaltyOrder } from "~/loyalty/loyalty-tiers";
import {
  cartLinesDiscountsGenerateRun,
  loyaltyPercent,
  type CartLinesDiscountsGenerateRunInput,
} from "../../extensions/loyalty-discount/src/cart_lines_discounts_generate_run";
import * as entry from "../../extensions/loyalty-discount/src/index";

const EXTENSION = path.resolve(import.meta.dirname, "../../extensions/loyalty-discount");
const FIXTURES = path.join(EXTENSION, "tests/fixtures");
const INPUT_QUERY = path.join(EXTENSION, "src/cart_lines_discounts_generate_run.graphql");
const TARGET = "cart.lines.discounts.generate.run";
const EXPORT = "cart-lines-discounts-generate-run";

const fixtureFiles = readdirSync(FIXTURES)
  .filter((file) => file.endsWith(".json"))
  .sort();

let schema: GraphQLSchema;
let inputQueryAST: DocumentNode;

beforeAll(async () => {
  schema = await loadSchema(path.join(EXTENSION, "schema.graphql"));
  inputQueryAST = await loadInputQuery(INPUT_QUERY);
});

/** Every problem Shopify's helpers find in a fixture (empty when it is valid). */
async function problems(fixture: FixtureData): Promise<string[]> {
  const result = await validateTestAssets({ schema, fixture, inputQueryAST });
  return [
    // The helpers report some failures (a missing required object) only here, with no errors listed.
    ...(result.error ? [`error: ${result.error}`] : []),
    ...result.inputQuery.errors.map((error) => `input query: ${error.message}`),
    ...result.inputFixture.errors.map((error) => `input: ${error.message} at ${error.path.join(".")}`),
    ...result.outputFixture.errors.map((error) => `output: ${error.message}`),
  ];
}

const run = (input: unknown) => cartLinesDiscountsGenerateRun(input as CartLinesDiscountsGenerateRunInput);

function inputWith(value: string | null, discountClasses: string[] = ["ORDER"]): CartLinesDiscountsGenerateRunInput {
  return { cart: { buyerIdentity: { customer: { loyalty: value === null ? null : { value } } } }, discount: { discountClasses } };
}

describe("the extension's configuration", () => {
  const toml = readFileSync(path.join(EXTENSION, "shopify.extension.toml"), "utf8");

  it("targets cart.lines.discounts.generate.run on API 2026-10 with this input query and export", () => {
    expect(toml).toMatch(/^api_version = "2026-10"$/m);
    expect(toml).toMatch(/^\s*type = "function"$/m);
    expect(toml).toContain(`target = "${TARGET}"`);
    expect(toml).toContain(`input_query = "${path.relative(EXTENSION, INPUT_QUERY)}"`);
    expect(toml).toContain(`export = "${EXPORT}"`);
  });

  it("exports the run function under the export's camel-case name from src/index.ts", () => {
    const camel = EXPORT.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
    expect(Object.keys(entry)).toEqual([camel]);
  });

  it("reads the metafield the app writes", () => {
    const query = readFileSync(INPUT_QUERY, "utf8");
    expect(query).toContain(`metafield(namespace: "${LOYALTY_METAFIELD.namespace}", key: "${LOYALTY_METAFIELD.key}")`);
  });

  it("has the schema of the Discount Function API with this target", () => {
    expect(schema.getMutationType()?.getFields().cartLinesDiscountsGenerateRun?.description).toContain(TARGET);
  });
});

describe("fixtures", () => {
  it("cover no customer, a 5% tier, malformed JSON and the ORDER class absent", () => {
    expect(fixtureFiles).toEqual(expect.arrayContaining(["no-customer.json", "tier-5-percent.json", "malformed-metafield.json", "order-class-absent.json"]));
  });

  it.each(fixtureFiles)("%s is valid against the schema and the input query, and the Function gives its output", async (file) => {
    const fixture = await loadFixture(path.join(FIXTURES, file));
    expect(fixture.target).toBe(TARGET);
    expect(fixture.export).toBe(EXPORT);
    expect(await problems(fixture)).toEqual([]);
    expect(run(fixture.input)).toEqual(fixture.expectedOutput);
  });

  it("the 5% fixture takes 5% off the order subtotal with the message Loyalty 5%", async () => {
    const fixture = await loadFixture(path.join(FIXTURES, "tier-5-percent.json"));
    expect(run(fixture.input).operations).toEqual([
      {
        orderDiscountsAdd: {
          candidates: [{ message: "Loyalty 5%", targets: [{ orderSubtotal: { excludedCartLineIds: [] } }], value: { percentage: { value: 5 } } }],
          selectionStrategy: "FIRST",
        },
      },
    ]);
  });
});

describe("the fixture check itself", () => {
  async function tierFixture(): Promise<FixtureData> {
    return loadFixture(path.join(FIXTURES, "tier-5-percent.json"));
  }

  it("rejects an input field the query does not ask for", async () => {
    const fixture = await tierFixture();
    const input = structuredClone(fixture.input);
    input.cart.buyerIdentity.customer.email = "ada@example.com";
    expect(await problems({ ...fixture, input })).toEqual([expect.stringContaining("Extra field `email`")]);
  });

  it("rejects an output the target does not accept", async () => {
    const fixture = await tierFixture();
    const expectedOutput = structuredClone(fixture.expectedOutput);
    expectedOutput.operations[0].orderDiscountsAdd.selectionStrategy = "ALL";
    expect(await problems({ ...fixture, expectedOutput })).toEqual([expect.stringContaining('Value "ALL" does not exist in "OrderDiscountSelectionStrategy" enum')]);
    const misspelled = structuredClone(fixture.expectedOutput);
    misspelled.operations[0].orderDiscountsAdd.candidates[0].targets = [{ orderSubTotal: { excludedCartLineIds: [] } }];
    expect(await problems({ ...fixture, expectedOutput: misspelled })).not.toEqual([]);
  });

  it("rejects an input query field the schema does not have", async () => {
    const { parse } = await import("graphql");
    const broken = parse(readFileSync(INPUT_QUERY, "utf8").replace("discountClasses", "discountClass"));
    const result = await validateTestAssets({ schema, fixture: await tierFixture(), inputQueryAST: broken });
    expect(result.inputQuery.errors.map((error) => error.message)).toEqual([expect.stringContaining('Cannot query field "discountClass" on type "Discount"')]);
  });
});

describe("loyaltyPercent", () => {
  it("reads the percent of a version-1 value, rounded to cents of a percent", () => {
    expect(loyaltyPercent('{"version":1,"percent":7.5}')).toBe(7.5);
    expect(loyaltyPercent('{"version":1,"percent":12.3456}')).toBe(12.35);
    expect(loyaltyPercent('{"version":1,"percent":100}')).toBe(100);
  });

  it("gives nothing for values it cannot trust", () => {
    for (const value of [undefined, null, "", "5", "null", "[5]", "{", '{"percent":5}', '{"version":"1","percent":5}', '{"version":1,"percent":"5"}', '{"version":1,"percent":0}', '{"version":1,"percent":-5}', '{"version":1,"percent":101}', '{"version":1,"percent":0.001}']) {
      expect(loyaltyPercent(value)).toBeNull();
    }
  });
});

describe("the Function and the app agree", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  const paidOrder = (index: number): LoyaltyOrder => ({ orderId: `o${index}`, paidAt: new Date(now.getTime() - index * 86_400_000), cancelledAt: null, refundedFully: false, total: "20.00" });

  it("a customer's standing, written as the app writes it, gives their tier's percent and nothing without a tier", () => {
    for (const count of [0, 1, 2, 4, 5, 12]) {
      const standing = loyaltyStanding({ orders: Array.from({ length: count }, (_, i) => paidOrder(i)) }, DEFAULT_TIERS, { days: null }, now);
      const output = run(inputWith(JSON.stringify(loyaltyMetafieldValue(standing, now))));
      const percent = output.operations[0]?.orderDiscountsAdd.candidates[0]?.value.percentage.value ?? null;
      expect(percent).toBe(standing.tier?.percent ?? null);
    }
  });

  it("never throws and only ever discounts between 0 and 100 percent, whatever the metafield holds", () => {
    const values = fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((value) => JSON.stringify({ version: 1, percent: value })), fc.double().map((percent) => JSON.stringify({ version: 1, percent })));
    fc.assert(
      fc.property(values, fc.subarray(["PRODUCT", "ORDER", "SHIPPING"]), (value, classes) => {
        const output = run(inputWith(value, classes));
        expect(output.operations.length).toBeLessThanOrEqual(1);
        for (const operation of output.operations) {
          expect(classes).toContain("ORDER");
          const percent = operation.orderDiscountsAdd.candidates[0]?.value.percentage.value ?? 0;
          expect(percent).toBeGreaterThan(0);
          expect(percent).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it("never throws on inputs missing the optional parts", () => {
    expect(run({ cart: {}, discount: { discountClasses: ["ORDER"] } })).toEqual({ operations: [] });
    expect(run({ cart: { buyerIdentity: { customer: null } }, discount: { discountClasses: ["ORDER"] } })).toEqual({ operations: [] });
  });
});
