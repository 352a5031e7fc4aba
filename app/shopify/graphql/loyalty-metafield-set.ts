// Writes the customer's loyalty standing to the app-owned customer metafield
// $app:aftercare.loyalty (json), read by the tier discount Function and the storefront block.
export const LOYALTY_METAFIELD_SET_MUTATION = `#graphql
  mutation LoyaltyMetafieldSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
