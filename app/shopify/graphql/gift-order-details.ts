// What a gift rule may look at beyond the app's own order data: the customer's tags (trigger
// "customer tagged") and the products bought (trigger "products bought"). Read only when an
// active rule needs them (app/gifts/gift-grants.server.ts). Cost: about 4 + 50 points.
export const GIFT_ORDER_DETAILS_QUERY = `#graphql
  query GiftOrderDetails($id: ID!) {
    order(id: $id) {
      id
      customer {
        id
        tags
      }
      lineItems(first: 50) {
        nodes {
          product {
            id
          }
        }
      }
    }
  }
`;
