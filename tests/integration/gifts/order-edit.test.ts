// Order editing on the Admin API stand-in, as the gifts use it: what Shopify accepts and refuses,
// and what a committed edit changes on the order that later queries see.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { adminQuery } from "~/shopify/admin-graphql.server";
import { GIFT_ORDER_EDIT_ADD_DISCOUNT_MUTATION } from "~/shopify/graphql/gift-order-edit-add-discount";
import { GIFT_ORDER_EDIT_ADD_VARIANT_MUTATION } from "~/shopify/graphql/gift-order-edit-add-variant";
import { GIFT_ORDER_EDIT_BEGIN_MUTATION } from "~/shopify/graphql/gift-order-edit-begin";
import { GIFT_ORDER_EDIT_COMMIT_MUTATION } from "~/shopify/graphql/gift-order-edit-commit";
import type { GiftOrderEditAddDiscountMutation, GiftOrderEditAddVariantMutation, GiftOrderEditBeginMutation, GiftOrderEditCommitMutation } from "~/types/admin.generated";
import { orderEditCommits } from "../../admin-api/gift-mutations";
import { startDemoStandIn, type DemoStandIn } from "../../support/stand-in-admin";
import { addCustomer, addOrder, catalog, markFulfilled, ROOMY_BUCKET } from "./gift-shop";

const NOW = new Date("2026-11-20T10:00:00Z");
let stand: DemoStandIn;

beforeEach(async () => {
  stand = await startDemoStandIn({ now: NOW, planLimits: ROOMY_BUCKET });
});

afterEach(async () => {
  await stand.close();
});

const begin = (id: string) => adminQuery<GiftOrderEditBeginMutation>(stand.admin, GIFT_ORDER_EDIT_BEGIN_MUTATION, { id });
const addVariant = (id: string, variantId: string, quantity = 1) => adminQuery<GiftOrderEditAddVariantMutation>(stand.admin, GIFT_ORDER_EDIT_ADD_VARIANT_MUTATION, { id, variantId, quantity });
const discount = (id: string, lineItemId: string, value: Record<string, unknown>) =>
  adminQuery<GiftOrderEditAddDiscountMutation>(stand.admin, GIFT_ORDER_EDIT_ADD_DISCOUNT_MUTATION, { id, lineItemId, discount: value });
const commit = (id: string, notifyCustomer = false) => adminQuery<GiftOrderEditCommitMutation>(stand.admin, GIFT_ORDER_EDIT_COMMIT_MUTATION, { id, notifyCustomer, staffNote: "test" });

type Totals = { totalPriceSet: { shopMoney: { amount: string } }; totalDiscountsSet: { shopMoney: { amount: string } }; subtotalLineItemsQuantity: number; lineItems: { nodes: { name: string; quantity: number; discountedTotalSet: { shopMoney: { amount: string } } }[] } };

async function totals(orderId: string): Promise<Totals> {
  const data = await adminQuery<{ order: Totals }>(
    stand.admin,
    `#graphql
    query TestEditedOrder($id: ID!) { order(id: $id) { subtotalLineItemsQuantity totalPriceSet { shopMoney { amount } } totalDiscountsSet { shopMoney { amount } } lineItems(first: 10) { nodes { name quantity discountedTotalSet { shopMoney { amount } } } } } }`,
    { id: orderId },
  );
  return data.order;
}

describe("order editing on the stand-in", () => {
  it("adds a free line on commit, moving quantities and discounts but not the total; a session commits once", async () => {
    const { gift } = catalog(stand);
    const order = addOrder(stand, { id: 6001, customer: addCustomer(stand, 96001), placedAt: NOW, quantity: 1 });
    const before = await totals(order.id);

    const session = (await begin(order.id)).orderEditBegin?.orderEditSession?.id ?? "";
    expect(session).toMatch(/^gid:\/\/shopify\/OrderEditSession\//);
    const line = (await addVariant(session, gift.variant.id)).orderEditAddVariant?.calculatedLineItem;
    expect(line?.title).toBe(gift.product.title);
    // Staged only: the order is unchanged until the commit.
    expect(await totals(order.id)).toEqual(before);
    expect((await discount(session, line?.id ?? "", { percentValue: 100, description: "Gift" })).orderEditAddLineItemDiscount?.userErrors).toEqual([]);
    expect((await commit(session, true)).orderEditCommit).toEqual({ order: { id: order.id }, userErrors: [] });

    const after = await totals(order.id);
    expect(after.subtotalLineItemsQuantity).toBe(before.subtotalLineItemsQuantity + 1);
    expect(after.totalPriceSet).toEqual(before.totalPriceSet);
    expect(after.totalDiscountsSet.shopMoney.amount).toBe(gift.variant.price);
    expect(after.lineItems.nodes.at(-1)).toMatchObject({ quantity: 1, discountedTotalSet: { shopMoney: { amount: "0.00" } } });
    expect(orderEditCommits(stand.store)).toEqual([expect.objectContaining({ orderId: order.id, sessionId: session, notifyCustomer: true, staffNote: "test" })]);

    expect((await commit(session)).orderEditCommit?.userErrors).toEqual([{ field: ["id"], message: "The order edit session has already been committed." }]);
    expect((await addVariant(session, gift.variant.id)).orderEditAddVariant?.userErrors).toEqual([{ field: ["id"], message: "The order edit session has already been committed." }]);
  });

  it("charges for a line with a partial discount", async () => {
    const { gift } = catalog(stand);
    const order = addOrder(stand, { id: 6002, customer: addCustomer(stand, 96002), placedAt: NOW, quantity: 1 });
    const before = await totals(order.id);
    const session = (await begin(order.id)).orderEditBegin?.calculatedOrder?.id ?? "";
    const line = (await addVariant(session, gift.variant.id, 2)).orderEditAddVariant?.calculatedLineItem;
    await discount(session, line?.id ?? "", { percentValue: 50 });
    await commit(session);
    const charged = Number(gift.variant.price);
    expect(Number((await totals(order.id)).totalPriceSet.shopMoney.amount)).toBeCloseTo(Number(before.totalPriceSet.shopMoney.amount) + charged, 2);
  });

  it("refuses what Shopify refuses", async () => {
    const { gift } = catalog(stand);
    const order = addOrder(stand, { id: 6003, customer: addCustomer(stand, 96003), placedAt: NOW });
    const session = (await begin(order.id)).orderEditBegin?.orderEditSession?.id ?? "";

    expect((await begin("gid://shopify/Order/424242")).orderEditBegin?.userErrors).toEqual([{ field: ["id"], message: "The order does not exist." }]);
    expect((await addVariant("gid://shopify/OrderEditSession/1", gift.variant.id)).orderEditAddVariant?.userErrors).toEqual([{ field: ["id"], message: "The order edit session does not exist." }]);
    expect((await addVariant(session, gift.variant.id, 0)).orderEditAddVariant?.userErrors).toEqual([{ field: ["quantity"], message: "Quantity must be greater than or equal to 1." }]);
    expect((await addVariant(session, "gid://shopify/ProductVariant/1")).orderEditAddVariant?.userErrors).toEqual([{ field: ["variantId"], message: "The variant does not exist." }]);
    expect((await discount(session, "gid://shopify/CalculatedLineItem/1", { percentValue: 100 })).orderEditAddLineItemDiscount?.userErrors).toEqual([
      { field: ["lineItemId"], message: "The line item does not exist on the calculated order." },
    ]);
    const line = (await addVariant(session, gift.variant.id)).orderEditAddVariant?.calculatedLineItem?.id ?? "";
    expect((await discount(session, line, { percentValue: 120 })).orderEditAddLineItemDiscount?.userErrors).toEqual([{ field: ["discount", "percentValue"], message: "The percent value must be greater than 0 and at most 100." }]);
    expect((await discount(session, line, {})).orderEditAddLineItemDiscount?.userErrors).toEqual([{ field: ["discount"], message: "Give the discount either a percent value or a fixed value." }]);

    markFulfilled(stand, order, NOW);
    expect((await commit(session)).orderEditCommit?.userErrors).toEqual([{ field: ["id"], message: "Items can't be added to an order that is already fulfilled." }]);
    expect(orderEditCommits(stand.store)).toEqual([]);
  });
});
