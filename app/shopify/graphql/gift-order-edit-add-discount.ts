// Step 3: makes the staged gift line free (a 100% line discount with the gift's description).
export const GIFT_ORDER_EDIT_ADD_DISCOUNT_MUTATION = `#graphql
  mutation GiftOrderEditAddDiscount($id: ID!, $lineItemId: ID!, $discount: OrderEditAppliedDiscountInput!) {
    orderEditAddLineItemDiscount(id: $id, lineItemId: $lineItemId, discount: $discount) {
      addedDiscountStagedChange {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;
