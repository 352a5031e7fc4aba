// The storefront order lookup for an order the app has not stored yet: found by its name
// ("#1042"), with the same fields as ReturnLookupOrder, so both paths answer alike.
export const RETURN_LOOKUP_ORDER_SEARCH_QUERY = `#graphql
  query ReturnLookupOrderSearch($query: String!) {
    orders(first: 5, query: $query) {
      nodes {
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
  }
`;
