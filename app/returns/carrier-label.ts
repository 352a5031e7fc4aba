// What the returns workflow needs from a shipping-label provider (EasyPost today, others
// later), and the one error every provider turns its failures into. Pure: types and the
// error class only; adapters live in *.server.ts modules.
//
// Direction: `from` is where the parcel starts (the shopper), `to` is where it goes (the
// shop's return address). An adapter whose API describes returns differently (EasyPost swaps
// the addresses of a return shipment itself) translates.

export type Address = {
  name: string;
  company?: string | null;
  street1: string;
  street2?: string | null;
  city: string;
  /** State, province or region code where the country has them (for example CA, ON). */
  province?: string | null;
  zip: string;
  /** ISO 3166-1 alpha-2, for example US or DE. */
  countryCode: string;
  phone?: string | null;
  email?: string | null;
};

export type Parcel = {
  weightGrams: number;
  /** Dimensions are sent only when all three are known. */
  lengthCm?: number;
  widthCm?: number;
  heightCm?: number;
};

export type ReturnLabelRequest = {
  from: Address;
  to: Address;
  parcel: Parcel;
  /** Our reference for the shipment (the return number), printed or stored by the provider. */
  reference: string;
};

export type ReturnLabel = {
  trackingNumber: string;
  carrier: string;
  /** Where the printable label can be downloaded. */
  labelUrl: string;
  labelPdf?: Uint8Array;
  /** The postage, as the provider states it (a decimal string, for example "7.58"). */
  costAmount?: string;
  costCurrency?: string;
  /** The provider's id for the shipment, to find it again (refunds, support). */
  providerShipmentId?: string;
};

export type LabelProvider = {
  name: string;
  createReturnLabel(input: ReturnLabelRequest): Promise<ReturnLabel>;
};

export const LABEL_ERROR_CODES = ["auth", "invalid_address", "rate_limited", "unavailable", "rejected"] as const;
export type LabelErrorCode = (typeof LABEL_ERROR_CODES)[number];

type LabelProviderErrorOptions = {
  retryable: boolean;
  /** The provider's own code (for example ADDRESS.VERIFY.FAILURE), for logs and support. */
  providerCode?: string;
  /** The HTTP status, when there was an answer. */
  status?: number;
  /** For rate_limited: how long the provider asked us to wait, when it said. */
  retryAfterSeconds?: number;
  /** A shipment the provider created before failing, so a retry or a person can find it. */
  providerShipmentId?: string;
  cause?: unknown;
};

/**
 * A label could not be had. `message` is written for the merchant (it may quote the
 * provider's own explanation) and never contains credentials.
 *
 * auth            the API key is wrong, revoked or lacks permission: fix the settings.
 * invalid_address the provider could not use one of the addresses: fix the address.
 * rate_limited    too many requests: try again later (retryable).
 * unavailable     the provider or the network failed (retryable unless a purchase may have
 *                 gone through, see `retryable`).
 * rejected        the provider understood and refused (no rate, no funds, bad parcel).
 */
export class LabelProviderError extends Error {
  readonly code: LabelErrorCode;
  readonly retryable: boolean;
  readonly providerCode?: string;
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly providerShipmentId?: string;

  constructor(code: LabelErrorCode, message: string, options: LabelProviderErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "LabelProviderError";
    this.code = code;
    this.retryable = options.retryable;
    this.providerCode = options.providerCode;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.providerShipmentId = options.providerShipmentId;
  }
}

export function isLabelProviderError(error: unknown): error is LabelProviderError {
  return error instanceof LabelProviderError;
}
