// The confirmation call queue: what the merchant needs on the phone, read from Shopify for the
// orders of the page being shown (the app keeps no names, phones or addresses of its own).
// One node per id, in the order asked; an order Shopify no longer has comes back null.
// Cost: 1 + 20 line items per order; the queue asks for at most CALL_QUEUE_PAGE_SIZE ids.
export const ORDERS_FOR_CALLS_QUERY = `#graphql
  query OrdersForCalls($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Order {
        id
        name
        email
        phone
        customer {
          firstName
          lastName
          defaultEmailAddress {
            emailAddress
          }
          defaultPhoneNumber {
            phoneNumber
          }
        }
        shippingAddress {
          firstName
          lastName
          address1
          address2
          city
          zip
          province
          country
          phone
        }
        lineItems(first: 20) {
          nodes {
            name
            quantity
          }
        }
      }
    }
  }
`;
