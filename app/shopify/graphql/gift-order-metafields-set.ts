// Writes the app-owned order metafields $app:aftercare.gift and $app:aftercare.discount_card
// (json), read by the thank-you / order status block (extensions/thank-you-care). metafieldsSet
// only touches the keys it is given: the order's other metafields stay as they are.
export const GIFT_ORDER_METAFIELDS_SET_MUTATION = `#graphql
  mutation GiftOrderMetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        key
        namespace
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
