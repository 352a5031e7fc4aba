// Writes the app-owned order metafield $app:aftercare.watch (json): the order's flags and its
// confirmation, read by the order-details admin block (extensions/order-watch-block).
export const ORDER_WATCH_METAFIELD_SET_MUTATION = `#graphql
  mutation OrderWatchMetafieldSet($metafields: [MetafieldsSetInput!]!) {
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
