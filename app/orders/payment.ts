// How an order is paid, as far as care is concerned: whether it has been paid, and whether it
// is paid on delivery.

/** Financial statuses that mean the order has been paid (a refund comes after a payment). */
const PAID_STATUSES = new Set(["paid", "partially_refunded", "refunded"]);

export function showsPaid(financialStatus: string | null): boolean {
  return financialStatus !== null && PAID_STATUSES.has(financialStatus);
}

// Cash on delivery is the one payment method post-purchase care has to treat differently:
// the order is not paid until the parcel arrives, so it may need a confirmation call before
// dispatch, and "unpaid" is not a problem. Shopify only tells us the gateway *names*: its own
// manual method is "Cash on Delivery (COD)", other apps and merchants name theirs freely, in
// the shop's language. "manual", "Bank Deposit" and "Money Order" are manual methods too, but
// they are paid before dispatch: not COD.

// Whole words or phrases that mean "pay when it is delivered", in the languages the app
// supports. Compared after the same normalisation as the gateway name.
const COD_PHRASES = [
  "cod",
  "cash on delivery",
  "cash upon delivery",
  "collect on delivery",
  "pay on delivery",
  "payment on delivery",
  "paiement à la livraison", // fr
  "contre-remboursement", // fr
  "nachnahme", // de
  "zahlung bei lieferung", // de
  "contrareembolso", // es
  "contra reembolso", // es
  "pago contra entrega", // es
  "za pobraniem", // pl
  "płatność przy odbiorze", // pl
  "накладений платіж", // uk
  "накладеним платежем", // uk
  "оплата при отриманні", // uk
  "αντικαταβολή", // el
].map(normaliseGatewayName);

/** Lower case, accents dropped, every run of punctuation or spaces turned into one space. */
export function normaliseGatewayName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ł/gi, "l")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** True when any of the order's payment gateways is a cash-on-delivery method. */
export function isCashOnDelivery(gateways: readonly string[]): boolean {
  return gateways.some((gateway) => {
    const words = ` ${normaliseGatewayName(gateway)} `;
    return COD_PHRASES.some((phrase) => words.includes(` ${phrase} `));
  });
}
