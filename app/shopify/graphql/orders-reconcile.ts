// Reconciliation: orders updated since the last run, oldest update first, a page at a
// time. The selection is the backfill's (orders-backfill-bulk-query.ts); both map through
// app/sync/graphql-order.ts. At RECONCILE_PAGE_SIZE orders a page the requested cost stays
// under the 1000-point single-query limit (tests/unit/sync/sync-queries.test.ts checks).
export const ORDERS_RECONCILE_QUERY = `#graphql
  query OrdersReconcile($first: Int!, $after: String, $query: String!) {
    orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {
      nodes {
        id
        name
        number
        createdAt
        processedAt
        updatedAt
        cancelledAt
        cancelReason
        closedAt
        confirmed
        displayFinancialStatus
        displayFulfillmentStatus
        paymentGatewayNames
        tags
        shippingLine {
          title
        }
        discountCodes
        customerLocale
        customer {
          id
          locale
          defaultEmailAddress {
            marketingState
          }
        }
        shippingAddress {
          countryCodeV2
          provinceCode
        }
        totalPriceSet {
          shopMoney {
            amount
            currencyCode
          }
        }
        fulfillments(first: 10) {
          id
          status
          displayStatus
          createdAt
          updatedAt
          estimatedDeliveryAt
          inTransitAt
          deliveredAt
          trackingInfo(first: 1) {
            company
            number
            url
          }
        }
        refunds(first: 10) {
          id
          createdAt
          totalRefundedSet {
            shopMoney {
              amount
              currencyCode
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
