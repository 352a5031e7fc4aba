// Releases the app's own confirmation holds on one fulfillment order (never other apps' holds).
export const FULFILLMENT_ORDER_RELEASE_HOLD_MUTATION = `#graphql
  mutation FulfillmentOrderReleaseHold($id: ID!, $holdIds: [ID!]!) {
    fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
      fulfillmentOrder {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
