// Publishing the storefront contact card against the Admin API stand-in (which checks every
// operation against the real 2026-10 schema): the shop's settings row goes in, the app-owned
// shop metafield comes back out with the JSON the theme block reads.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { CONTACT_CARD_METAFIELD, contactCardValue } from "~/messages/contact-card";
import { publishContactCard } from "~/messages/contact-card.server";
import { AdminApiError, adminQuery } from "~/shopify/admin-graphql.server";
import { createFixtureStore, FIXTURE_SHOP, FIXTURE_TOKEN } from "../../admin-api/fixture-shop";
import { startAdminApiStandIn, type StandIn } from "../../admin-api/server";
import type { AdminStore } from "../../admin-api/store";
import { resetDatabase } from "../../support/factories";
import { standInAdmin, type AdminGraphql } from "../../support/stand-in-admin";

let store: AdminStore;
let standIn: StandIn;
let admin: AdminGraphql;

beforeEach(async () => {
  await resetDatabase(prisma);
  store = createFixtureStore();
  standIn = await startAdminApiStandIn({ store });
  admin = standInAdmin({ origin: standIn.origin, shop: FIXTURE_SHOP, accessToken: FIXTURE_TOKEN });
});

afterEach(async () => {
  await standIn.close();
});

/** How a test (or the theme) sees the card: the shop's metafield, read back through the Admin API. */
const READ_BACK = `
  query ReadContactCard($namespace: String!, $key: String!) {
    shop {
      id
      metafield(namespace: $namespace, key: $key) {
        id
        type
        value
        jsonValue
      }
    }
  }
`;

type ReadBack = { shop: { id: string; metafield: { id: string; type: string; value: string; jsonValue: unknown } | null } };

async function readBack(): Promise<ReadBack["shop"]> {
  const { namespace, key } = CONTACT_CARD_METAFIELD;
  return (await adminQuery<ReadBack>(admin, READ_BACK, { namespace, key })).shop;
}

const publishes = () => store.requests.filter((request) => request.operationName === "ContactCardPublish");

async function settingsRow(data: { contactPhone?: string | null; contactEmail?: string | null; contactAddress?: string | null; responseTimeHours?: number } = {}) {
  return prisma.shopSettings.create({
    data: {
      shop: FIXTURE_SHOP,
      shopName: "Fixture Shop",
      contactPhone: "+33 4 72 00 00 00",
      contactEmail: "care@fixture.example",
      contactAddress: JSON.stringify({ address1: "12 rue des Lilas", city: "Lyon", zip: "69003", country: "France", countryCode: "FR" }),
      responseTimeHours: 24,
      ...data,
    },
  });
}

describe("publishContactCard", () => {
  it("writes the shop's contact details to the app-owned shop metafield, owned by the Shop, in one metafieldsSet", async () => {
    const settings = await settingsRow();
    expect(await readBack()).toMatchObject({ metafield: null });

    expect(await publishContactCard(admin, FIXTURE_SHOP, settings)).toEqual({ published: true });

    const shop = await readBack();
    expect(shop.metafield?.type).toBe("json");
    expect(shop.metafield?.jsonValue).toEqual({
      shopName: "Fixture Shop",
      phone: "+33 4 72 00 00 00",
      email: "care@fixture.example",
      addressLines: ["12 rue des Lilas", "69003 Lyon", "France"],
      responseTimeHours: 24,
    });
    expect(JSON.parse(shop.metafield?.value ?? "null")).toEqual(shop.metafield?.jsonValue);

    expect(publishes()).toHaveLength(1);
    const [input] = (publishes()[0]?.variables?.metafields ?? []) as Record<string, unknown>[];
    expect(input).toMatchObject({ ownerId: shop.id, namespace: "$app:aftercare", key: "contact", type: "json" });
    expect(shop.id).toMatch(/^gid:\/\/shopify\/Shop\/\d+$/);
  });

  it("writes nothing when the storefront already shows the same details", async () => {
    const settings = await settingsRow();
    await publishContactCard(admin, FIXTURE_SHOP, settings);

    expect(await publishContactCard(admin, FIXTURE_SHOP, { ...settings })).toEqual({ published: false });
    expect(publishes()).toHaveLength(1);
  });

  it("updates the same metafield when the details change", async () => {
    const settings = await settingsRow();
    await publishContactCard(admin, FIXTURE_SHOP, settings);
    const first = await readBack();

    const changed = await prisma.shopSettings.update({
      where: { shop: FIXTURE_SHOP },
      data: { contactPhone: null, responseTimeHours: 48 },
    });
    expect(await publishContactCard(admin, FIXTURE_SHOP, changed)).toEqual({ published: true });

    const second = await readBack();
    expect(second.metafield?.id).toBe(first.metafield?.id);
    expect(second.metafield?.jsonValue).toEqual(contactCardValue(changed));
    expect(second.metafield?.jsonValue).toMatchObject({ phone: null, responseTimeHours: 48 });
    expect(publishes()).toHaveLength(2);
  });

  it("fails with Shopify's userErrors when the metafield cannot be written", async () => {
    // Something else already holds the key as text: Shopify refuses to change a metafield's type.
    const { namespace, key } = CONTACT_CARD_METAFIELD;
    const shop = await readBack();
    await adminQuery(
      admin,
      `mutation SeedText($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { userErrors { message } } }`,
      { metafields: [{ ownerId: shop.id, namespace, key, type: "single_line_text_field", value: "call us" }] },
    );

    const publishing = publishContactCard(admin, FIXTURE_SHOP, await settingsRow());
    await expect(publishing).rejects.toBeInstanceOf(AdminApiError);
    await expect(publishing).rejects.toMatchObject({ operation: "ContactCardPublish", codes: ["USER_ERROR"] });
    expect((await readBack()).metafield).toMatchObject({ type: "single_line_text_field", value: "call us" });
  });
});
