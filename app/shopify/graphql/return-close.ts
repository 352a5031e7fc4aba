// Closes a return once it is settled.
export const RETURN_CLOSE_MUTATION = `#graphql
  mutation ReturnClose($id: ID!) {
    returnClose(id: $id) {
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
