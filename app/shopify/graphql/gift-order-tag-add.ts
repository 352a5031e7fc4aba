// The packer's filter: adds the "aftercare-gift" tag to an order that gets a gift put in by hand.
export const GIFT_ORDER_TAG_ADD_MUTATION = `#graphql
  mutation GiftOrderTagAdd($id: ID!, $tags: [String!]!) {
    tagsAdd(id: $id, tags: $tags) {
      node {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;
