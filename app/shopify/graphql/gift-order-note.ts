// The order's note as it is now, so the packer's line is appended to it (never replacing what the
// customer or the staff wrote) and not appended twice.
export const GIFT_ORDER_NOTE_QUERY = `#graphql
  query GiftOrderNote($id: ID!) {
    order(id: $id) {
      id
      note
    }
  }
`;
