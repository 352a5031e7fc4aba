// Step 2: stages the gift's variant as a new line (a separate line even when the customer bought
// the same variant, so that only the gift is free).
export const GIFT_ORDER_EDIT_ADD_VARIANT_MUTATION = `#graphql
  mutation GiftOrderEditAddVariant($id: ID!, $variantId: ID!, $quantity: Int!) {
    orderEditAddVariant(id: $id, variantId: $variantId, quantity: $quantity, allowDuplicates: true) {
      calculatedLineItem {
        id
        title
        variantTitle
      }
      userErrors {
        field
        message
      }
    }
  }
`;
