// Step 4: applies the staged gift line to the order, telling the customer when the rule says so.
export const GIFT_ORDER_EDIT_COMMIT_MUTATION = `#graphql
  mutation GiftOrderEditCommit($id: ID!, $notifyCustomer: Boolean!, $staffNote: String) {
    orderEditCommit(id: $id, notifyCustomer: $notifyCustomer, staffNote: $staffNote) {
      order {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;
