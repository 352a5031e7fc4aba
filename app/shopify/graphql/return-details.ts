// One Shopify return as the app follows it: status, decline, lines (with what is left to
// process and their value), exchanges and refunds, the reverse fulfillment orders with their
// deliveries (tracking, label), and the order's payments (the parent of a refund).
export const RETURN_DETAILS_QUERY = `#graphql
  query ReturnDetails($id: ID!) {
    return(id: $id) {
      id
      name
      status
      createdAt
      closedAt
      decline {
        reason
        note
      }
      order {
        id
        legacyResourceId
        name
        transactions(first: 10) {
          id
          kind
          status
          amountSet {
            presentmentMoney {
              amount
              currencyCode
            }
          }
        }
      }
      returnLineItems(first: 50) {
        nodes {
          ... on ReturnLineItem {
            id
            quantity
            processableQuantity
            processedQuantity
            customerNote
            returnReason
            returnReasonNote
            withCodeDiscountedTotalPriceSet {
              presentmentMoney {
                amount
                currencyCode
              }
            }
            fulfillmentLineItem {
              id
              lineItem {
                id
                name
              }
            }
          }
        }
      }
      exchangeLineItems(first: 1) {
        nodes {
          id
        }
      }
      refunds(first: 5) {
        nodes {
          id
        }
      }
      reverseFulfillmentOrders(first: 5) {
        nodes {
          id
          lineItems(first: 50) {
            nodes {
              id
              totalQuantity
            }
          }
          reverseDeliveries(first: 5) {
            nodes {
              id
              deliverable {
                ... on ReverseDeliveryShippingDeliverable {
                  tracking {
                    number
                    url
                    carrierName
                  }
                  label {
                    publicFileUrl
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;
