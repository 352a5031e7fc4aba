// Declines a requested return; Shopify emails the shopper the merchant's note.
export const RETURN_DECLINE_REQUEST_MUTATION = `#graphql
  mutation ReturnDeclineRequest($input: ReturnDeclineRequestInput!) {
    returnDeclineRequest(input: $input) {
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
