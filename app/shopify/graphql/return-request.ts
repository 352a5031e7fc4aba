// A shopper's return, opened in Shopify as a request (status REQUESTED): approved or declined
// next, by the app's policy or by the merchant.
export const RETURN_REQUEST_MUTATION = `#graphql
  mutation ReturnRequest($input: ReturnRequestInput!) {
    returnRequest(input: $input) {
      return {
        id
        name
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
