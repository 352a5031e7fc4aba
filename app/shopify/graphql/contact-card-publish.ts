// Publishes the storefront contact card: one JSON metafield in the app-owned namespace on the Shop
// (owner = the Shop gid), read by extensions/aftercare-theme/blocks/contact-card.liquid.
export const CONTACT_CARD_PUBLISH_MUTATION = `#graphql
  mutation ContactCardPublish($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        id
        namespace
        key
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
