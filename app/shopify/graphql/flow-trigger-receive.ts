// Starts the merchant's Shopify Flow workflows that begin with one of the app's triggers
// (extensions/flow-*): the handle names the trigger, the payload carries its fields.
export const FLOW_TRIGGER_RECEIVE_MUTATION = `#graphql
  mutation FlowTriggerReceive($handle: String!, $payload: JSON!) {
    flowTriggerReceive(handle: $handle, payload: $payload) {
      userErrors {
        field
        message
      }
    }
  }
`;
