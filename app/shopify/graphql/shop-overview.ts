export const SHOP_OVERVIEW_QUERY = `#graphql
  query ShopOverview {
    shop {
      name
      myshopifyDomain
      currencyCode
      ianaTimezone
      contactEmail
    }
    ordersCount(limit: 10000) {
      count
      precision
    }
  }
`;
