// Step 1 of adding a free product to an order: opens an order edit session.
export const GIFT_ORDER_EDIT_BEGIN_MUTATION = `#graphql
  mutation GiftOrderEditBegin($id: ID!) {
    orderEditBegin(id: $id) {
      orderEditSession {
        id
      }
      calculatedOrder {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;
