// Turns the tier discount back on when the merchant enables loyalty again.
export const LOYALTY_DISCOUNT_ACTIVATE_MUTATION = `#graphql
  mutation LoyaltyDiscountActivate($id: ID!) {
    discountAutomaticActivate(id: $id) {
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
