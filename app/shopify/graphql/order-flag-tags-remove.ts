// Removes the order tags of flags that cleared (only tags the app put there).
export const ORDER_FLAG_TAGS_REMOVE_MUTATION = `#graphql
  mutation OrderFlagTagsRemove($id: ID!, $tags: [String!]!) {
    tagsRemove(id: $id, tags: $tags) {
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
