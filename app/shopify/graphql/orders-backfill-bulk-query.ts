// The query the backfill's bulk operation runs: every order created since `{since}`, with
// exactly what OrderSnapshot needs: the selection of orders-reconcile.ts, except that
// fulfillments and refunds are not capped (a bulk operation is not priced per query).
//
// Bulk queries take no variables and Shopify's examples send them anonymous, so this
// document is a template: app/sync/backfill-query.ts writes the date over the `{since}`
// marker and drops the operation name before sending it. The name stays here because
// every #graphql document in app/ is named (codegen and the stand-in's log key on it),
// and it gives the JSONL lines their generated type: OrdersBackfillBulkQuery.
//
// Fulfillments, tracking info and refunds are lists, not connections: a bulk result keeps
// lists inline, so each JSONL line is one whole order (no `__parentId` children to put
// back together, and a line number is an exact resume point).
export const ORDERS_BACKFILL_BULK_QUERY = `#graphql
  query OrdersBackfillBulk {
    orders(query: "created_at:>='{since}'", sortKey: CREATED_AT) {
      edges {
        node {
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
          fulfillments {
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
          refunds {
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
      }
    }
  }
`;
