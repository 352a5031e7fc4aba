// Starts the backfill's bulk operation; `query` is the prepared ORDERS_BACKFILL_BULK_QUERY.
export const ORDERS_BACKFILL_RUN_MUTATION = `#graphql
  mutation OrdersBackfillRun($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation {
        id
        status
        createdAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
