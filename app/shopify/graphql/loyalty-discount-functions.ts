// The app's Shopify Functions on the shop, to find the tier discount Function (handle
// "loyalty-discount") before creating the automatic discount that runs it.
export const LOYALTY_DISCOUNT_FUNCTIONS_QUERY = `#graphql
  query LoyaltyDiscountFunctions {
    shopifyFunctions(first: 50) {
      nodes {
        id
        handle
        apiType
        title
      }
    }
  }
`;
