// Polls one bulk operation by id (`currentBulkOperation` is deprecated in 2026-10, and an
// app may now have several bulk queries under way).
export const BULK_OPERATION_STATUS_QUERY = `#graphql
  query BulkOperationStatus($id: ID!) {
    bulkOperation(id: $id) {
      id
      status
      errorCode
      objectCount
      rootObjectCount
      url
      createdAt
      completedAt
    }
  }
`;
