// What the flag mirror compares with before writing (app/watch/flag-mirror.server.ts): the
// order's tags and the app-owned order metafield $app:aftercare.watch as Shopify has them now.
export const ORDER_WATCH_MIRROR_STATE_QUERY = `#graphql
  query OrderWatchMirrorState($id: ID!, $namespace: String!, $key: String!) {
    order(id: $id) {
      id
      tags
      watch: metafield(namespace: $namespace, key: $key) {
        jsonValue
      }
    }
  }
`;
