// The storefront order lookup, when the app knows the order's id: just enough to compare the
// email the shopper typed (the lookup never shows anything else from this answer).
export const RETURN_LOOKUP_ORDER_QUERY = `#graphql
  query ReturnLookupOrder($id: ID!) {
    order(id: $id) {
      id
      legacyResourceId
      name
      email
      customer {
        defaultEmailAddress {
          emailAddress
        }
      }
    }
  }
`;
