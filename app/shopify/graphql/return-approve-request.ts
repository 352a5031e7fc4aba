// Approves a requested return (status OPEN). Shopify's own email is not asked for: the app
// sends the return instructions with the label itself.
export const RETURN_APPROVE_REQUEST_MUTATION = `#graphql
  mutation ReturnApproveRequest($input: ReturnApproveRequestInput!) {
    returnApproveRequest(input: $input) {
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
