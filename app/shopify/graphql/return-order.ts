// What a return needs from its order, read from Shopify at that moment: the lines (with
// product tags for final sale, and prices), the parcels with their fulfillment line items and
// delivery dates, the shipping address (the label's sender) and the customer (the goodwill
// code's owner). The app keeps none of the personal data. Sized to stay under the 1,000-point
// single query limit: 50 lines, 10 parcels of 25 items (the returns already made are read by
// ReturnOrderReturns).
export const RETURN_ORDER_QUERY = `#graphql
  query ReturnOrder($id: ID!) {
    order(id: $id) {
      id
      legacyResourceId
      name
      email
      customerLocale
      cancelledAt
      customer {
        id
      }
      shippingAddress {
        name
        firstName
        lastName
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
      lineItems(first: 50) {
        nodes {
          id
          name
          quantity
          product {
            tags
          }
          discountedUnitPriceSet {
            presentmentMoney {
              amount
              currencyCode
            }
          }
        }
      }
      fulfillments(first: 10) {
        id
        status
        createdAt
        deliveredAt
        fulfillmentLineItems(first: 25) {
          nodes {
            id
            quantity
            lineItem {
              id
            }
          }
        }
      }
    }
  }
`;
