// Adds the order tags that mirror newly raised flags (e.g. "aftercare:late-dispatch").
export const ORDER_FLAG_TAGS_ADD_MUTATION = `#graphql
  mutation OrderFlagTagsAdd($id: ID!, $tags: [String!]!) {
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
