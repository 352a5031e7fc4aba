// Before and after adding a free product (app/gifts/order-edit.server.ts): whether the order
// can still take it (nothing fulfilled, not cancelled) and how many of its lines hold the gift's
// variant — a count above the one stored before the edit means the edit was committed. The
// newest lines first (`reverse`), where an added line appears, on orders with more than 100.
export const GIFT_ORDER_EDIT_STATE_QUERY = `#graphql
  query GiftOrderEditState($id: ID!) {
    order(id: $id) {
      id
      cancelledAt
      displayFulfillmentStatus
      lineItems(first: 100, reverse: true) {
        nodes {
          id
          variant {
            id
          }
        }
      }
    }
  }
`;
