// Which return a reverse delivery belongs to (reverse_deliveries/attach_deliverable names the
// delivery): its reverse fulfillment order, and the order's returns with theirs.
export const REVERSE_DELIVERY_OWNER_QUERY = `#graphql
  query ReverseDeliveryOwner($id: ID!) {
    reverseDelivery(id: $id) {
      id
      reverseFulfillmentOrder {
        id
        order {
          id
          returns(first: 20) {
            nodes {
              id
              reverseFulfillmentOrders(first: 5) {
                nodes {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
`;
