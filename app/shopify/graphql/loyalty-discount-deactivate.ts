// Stops the tier discount when the merchant turns loyalty off (the customers' metafields stay, so
// turning it on again needs no rewrite).
export const LOYALTY_DISCOUNT_DEACTIVATE_MUTATION = `#graphql
  mutation LoyaltyDiscountDeactivate($id: ID!) {
    discountAutomaticDeactivate(id: $id) {
      automaticDiscountNode {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
