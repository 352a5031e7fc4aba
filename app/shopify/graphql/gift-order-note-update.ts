// Writes the order note with the packer's line appended (input: { id, note }).
export const GIFT_ORDER_NOTE_UPDATE_MUTATION = `#graphql
  mutation GiftOrderNoteUpdate($input: OrderInput!) {
    orderUpdate(input: $input) {
      order {
        id
        note
      }
      userErrors {
        field
        message
      }
    }
  }
`;
