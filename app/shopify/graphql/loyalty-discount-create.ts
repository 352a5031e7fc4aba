// Creates the automatic app discount that runs the tier discount Function (ORDER class), once per
// shop; its id is kept in LoyaltySettings.discountId.
export const LOYALTY_DISCOUNT_CREATE_MUTATION = `#graphql
  mutation LoyaltyDiscountCreate($automaticAppDiscount: DiscountAutomaticAppInput!) {
    discountAutomaticAppCreate(automaticAppDiscount: $automaticAppDiscount) {
      automaticAppDiscount {
        discountId
        title
        status
        discountClasses
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
