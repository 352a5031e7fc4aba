// Before publishing the storefront contact card: the shop's id (the metafield's owner) and the
// value published now, so an unchanged card is not written again (app/messages/contact-card.server.ts).
export const CONTACT_CARD_CURRENT_QUERY = `#graphql
  query ContactCardCurrent($namespace: String!, $key: String!) {
    shop {
      id
      contactCard: metafield(namespace: $namespace, key: $key) {
        id
        jsonValue
      }
    }
  }
`;
