// The returns already made on an order, with the units of each fulfillment line item they
// hold: those units cannot be returned again (declined and cancelled returns free theirs).
export const RETURN_ORDER_RETURNS_QUERY = `#graphql
  query ReturnOrderReturns($id: ID!) {
    order(id: $id) {
      id
      returns(first: 10) {
        nodes {
          id
          status
          returnLineItems(first: 25) {
            nodes {
              ... on ReturnLineItem {
                quantity
                fulfillmentLineItem {
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
