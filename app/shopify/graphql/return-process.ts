// Processes the returned items: a refund to the original payment or to store credit, or no
// money at all (an exchange handled by the merchant).
export const RETURN_PROCESS_MUTATION = `#graphql
  mutation ReturnProcess($input: ReturnProcessInput!) {
    returnProcess(input: $input) {
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
