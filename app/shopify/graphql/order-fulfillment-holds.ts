// An order's fulfillment orders and their holds, for holding fulfillment until the customer
// confirms the order (app/watch/fulfillment-hold.server.ts).
export const ORDER_FULFILLMENT_HOLDS_QUERY = `#graphql
  query OrderFulfillmentHolds($id: ID!) {
    order(id: $id) {
      id
      fulfillmentOrders(first: 20) {
        nodes {
          id
          status
          fulfillmentHolds {
            id
            handle
            heldByRequestingApp
          }
        }
      }
    }
  }
`;
