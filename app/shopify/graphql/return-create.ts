// A return the merchant starts (already approved: status OPEN).
export const RETURN_CREATE_MUTATION = `#graphql
  mutation ReturnCreate($input: ReturnInput!) {
    returnCreate(returnInput: $input) {
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
