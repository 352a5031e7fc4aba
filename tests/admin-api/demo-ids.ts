// Sequential, readable numeric ids per resource type, and their GIDs.

const FIRST_ID = {
  Shop: 71_512_345,
  Order: 5001,
  Customer: 7001,
  Product: 8001,
  ProductVariant: 44_001,
  ProductOption: 46_001,
  LineItem: 12_001,
  ShippingLine: 14_001,
  Fulfillment: 16_001,
  FulfillmentLineItem: 17_001,
  FulfillmentEvent: 18_001,
  Refund: 19_001,
  RefundLineItem: 20_001,
  MailingAddress: 21_001,
} as const;

export type IdType = keyof typeof FIRST_ID;

export type AllocatedId = { id: string; legacyResourceId: string; numeric: number };

export function gid(type: string, numeric: number | string): string {
  return `gid://shopify/${type}/${numeric}`;
}

/** The numeric part of a GID ("gid://shopify/Order/5001?x=y" -> 5001). */
export function numericId(globalId: string): number {
  const match = /^gid:\/\/shopify\/[A-Za-z]+\/(\d+)/.exec(globalId);
  if (!match) throw new Error(`not a Shopify GID: ${globalId}`);
  return Number(match[1]);
}

export class IdAllocator {
  private readonly next = new Map<IdType, number>();

  take(type: IdType): AllocatedId {
    const numeric = this.next.get(type) ?? FIRST_ID[type];
    this.next.set(type, numeric + 1);
    return { id: gid(type, numeric), legacyResourceId: String(numeric), numeric };
  }
}
