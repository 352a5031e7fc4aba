// Cancels a return nothing has been done with yet (no items processed).
export const RETURN_CANCEL_MUTATION = `#graphql
  mutation ReturnCancel($id: ID!, $notifyCustomer: Boolean) {
    returnCancel(id: $id, notifyCustomer: $notifyCustomer) {
      return {
        id
        status
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`;
