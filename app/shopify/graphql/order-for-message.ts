// What a message to the shopper needs from the order, read when the message is composed (the
// app keeps no names, emails or addresses of its own): recipient, name, language, consent,
// shipping address, lines and parcels.
export const ORDER_FOR_MESSAGE_QUERY = `#graphql
  query OrderForMessage($id: ID!) {
    order(id: $id) {
      id
      name
      createdAt
      email
      customerLocale
      cancelledAt
      totalPriceSet {
        shopMoney {
          amount
          currencyCode
        }
      }
      customer {
        id
        firstName
        lastName
        defaultEmailAddress {
          emailAddress
          marketingState
        }
      }
      shippingAddress {
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
          name
          quantity
        }
      }
      fulfillments(first: 20) {
        id
        status
        estimatedDeliveryAt
        trackingInfo(first: 1) {
          number
          url
          company
        }
      }
    }
  }
`;
