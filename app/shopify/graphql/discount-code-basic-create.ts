// Creates a percentage-off code for one customer (app/loyalty/issue-code.server.ts builds the
// input with app/loyalty/discount-codes.ts). Duplicate codes come back as a TAKEN user error.
export const DISCOUNT_CODE_BASIC_CREATE_MUTATION = `#graphql
  mutation DiscountCodeBasicCreate($input: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $input) {
      codeDiscountNode {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`;
