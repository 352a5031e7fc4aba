// Holds one fulfillment order until the order is confirmed (a hold with the app's handle).
export const FULFILLMENT_ORDER_HOLD_MUTATION = `#graphql
  mutation FulfillmentOrderHold($id: ID!, $fulfillmentHold: FulfillmentOrderHoldInput!) {
    fulfillmentOrderHold(id: $id, fulfillmentHold: $fulfillmentHold) {
      fulfillmentHold {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
