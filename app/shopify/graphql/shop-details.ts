// The shop's own details that messages and the storefront contact card start from: name,
// contact email, phone and address, time zone, currency and primary language.
export const SHOP_DETAILS_QUERY = `#graphql
  query ShopDetails {
    shop {
      id
      name
      email
      contactEmail
      ianaTimezone
      currencyCode
      shopAddress {
        company
        address1
        address2
        city
        zip
        province
        provinceCode
        country
        countryCodeV2
        phone
      }
    }
    shopLocales(published: true) {
      locale
      primary
    }
  }
`;
