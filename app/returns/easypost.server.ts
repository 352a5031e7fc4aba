// Prepaid return labels from EasyPost (REST API v2), with the merchant's own API key.
//
// Two calls, as EasyPost documents them:
//   POST /shipments            { shipment: { to_address, from_address, parcel, is_return: true, reference, options } }
//                              → a Shipment with its `rates` (and carrier `messages` for rates that failed)
//   POST /shipments/:id/buy    { rate: { id } }
//                              → the Shipment with `tracking_code`, `postage_label.label_url`, `selected_rate`
// Authentication is HTTP basic with the API key as the user name and no password. Errors come
// as { error: { code, message, errors: [FieldError | string] } } with a 4xx or 5xx status.
//
// Return shipments: EasyPost's returns guide says to send the addresses of the original
// (outbound) shipment with `is_return: true` and EasyPost switches them. So the shopper, where
// the return starts (`input.from`), goes in `to_address`, and the shop (`input.to`) in
// `from_address`.
//
// Units: EasyPost wants ounces and inches, to one decimal.
//
// Buying is not idempotent: if the buy call times out, the label may have been bought. Such a
// failure is reported as not retryable, with the shipment id, so nobody buys a second label
// blindly (a person, or later code, can look the shipment up first).
import { LabelProviderError, type Address, type LabelProvider, type Parcel, type ReturnLabel, type ReturnLabelRequest } from "~/returns/carrier-label";

export const EASYPOST_BASE_URL = "https://api.easypost.com/v2";

export type EasyPostConfig = {
  apiKey: string;
  /** Without a trailing slash; tests point it at the stand-in. */
  baseUrl?: string;
  /** Per request, in milliseconds. */
  timeoutMs?: number;
  /** Buy this carrier's rate (and this service's, if given) instead of the lowest. */
  carrier?: string | null;
  service?: string | null;
  fetch?: typeof fetch;
};

const DEFAULT_TIMEOUT_MS = 20_000;
const GRAMS_PER_OUNCE = 28.349523125;
const CM_PER_INCH = 2.54;
const MAX_PROVIDER_TEXT = 300;

export type EasyPostRate = { id: string; carrier: string; service: string; rate: string; currency: string };

export type EasyPostShipment = {
  id?: string;
  rates?: EasyPostRate[];
  messages?: { carrier?: string; message?: string }[];
  tracking_code?: string | null;
  postage_label?: { label_url?: string | null; label_pdf_url?: string | null } | null;
  selected_rate?: Partial<EasyPostRate> | null;
};

type Phase = "create" | "buy";

export function createEasyPostLabelProvider(config: EasyPostConfig): LabelProvider {
  const baseUrl = (config.baseUrl ?? EASYPOST_BASE_URL).replace(/\/+$/, "");
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchImpl = config.fetch ?? fetch;
  const authorization = `Basic ${Buffer.from(`${config.apiKey}:`).toString("base64")}`;

  async function post(path: string, body: unknown, phase: Phase, shipmentId?: string): Promise<EasyPostShipment> {
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method: "POST",
        headers: { Authorization: authorization, "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw networkError(error, phase, timeoutMs, shipmentId);
    }
    const json = parseJson(text);
    if (!response.ok) throw httpError(response, json, phase, shipmentId);
    if (json === null || typeof json !== "object") {
      throw new LabelProviderError("unavailable", "EasyPost answered with something that is not a shipment.", { retryable: phase === "create", status: response.status, providerShipmentId: shipmentId });
    }
    return json as EasyPostShipment;
  }

  return {
    name: "EasyPost",
    async createReturnLabel(input: ReturnLabelRequest): Promise<ReturnLabel> {
      const parcel = toEasyPostParcel(input.parcel);
      const shipment = await post(
        "/shipments",
        {
          shipment: {
            to_address: toEasyPostAddress(input.from),
            from_address: toEasyPostAddress(input.to),
            parcel,
            is_return: true,
            reference: input.reference,
            options: { label_format: "PDF" },
          },
        },
        "create",
      );
      if (typeof shipment.id !== "string" || shipment.id === "") {
        throw new LabelProviderError("unavailable", "EasyPost created a shipment without an id.", { retryable: true });
      }
      const rate = chooseRate(shipment, config.carrier ?? null, config.service ?? null);
      const bought = await post(`/shipments/${encodeURIComponent(shipment.id)}/buy`, { rate: { id: rate.id } }, "buy", shipment.id);

      const trackingNumber = bought.tracking_code;
      const labelUrl = bought.postage_label?.label_pdf_url || bought.postage_label?.label_url;
      if (!trackingNumber || !labelUrl) {
        throw new LabelProviderError("unavailable", `EasyPost bought the label of shipment ${shipment.id} but did not return its tracking number or label address; look the shipment up in EasyPost before trying again.`, {
          retryable: false,
          providerShipmentId: shipment.id,
        });
      }
      const selected = bought.selected_rate ?? rate;
      return {
        trackingNumber,
        carrier: selected.carrier ?? rate.carrier,
        labelUrl,
        costAmount: selected.rate ?? rate.rate,
        costCurrency: selected.currency ?? rate.currency,
        providerShipmentId: shipment.id,
      };
    },
  };
}

export function toEasyPostAddress(address: Address): Record<string, string> {
  const fields: Record<string, string | null | undefined> = {
    name: address.name,
    company: address.company,
    street1: address.street1,
    street2: address.street2,
    city: address.city,
    state: address.province,
    zip: address.zip,
    country: address.countryCode.toUpperCase(),
    phone: address.phone,
    email: address.email,
  };
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== ""));
}

export function toEasyPostParcel(parcel: Parcel): Record<string, number> {
  if (!Number.isFinite(parcel.weightGrams) || parcel.weightGrams <= 0) {
    throw new LabelProviderError("rejected", "The parcel needs a weight above zero to buy a label.", { retryable: false });
  }
  const result: Record<string, number> = { weight: toOneDecimal(parcel.weightGrams / GRAMS_PER_OUNCE) };
  const { lengthCm, widthCm, heightCm } = parcel;
  if ([lengthCm, widthCm, heightCm].every((value) => typeof value === "number" && Number.isFinite(value) && value > 0)) {
    result.length = toOneDecimal((lengthCm as number) / CM_PER_INCH);
    result.width = toOneDecimal((widthCm as number) / CM_PER_INCH);
    result.height = toOneDecimal((heightCm as number) / CM_PER_INCH);
  }
  return result;
}

/** Rounded to one decimal, and never below 0.1 (EasyPost's smallest step). */
function toOneDecimal(value: number): number {
  return Math.max(0.1, Math.round(value * 10) / 10);
}

/**
 * The configured carrier (and service), or else the lowest rate. Rates are compared within
 * one currency: the one most rates are quoted in.
 */
export function chooseRate(shipment: EasyPostShipment, carrier: string | null, service: string | null): EasyPostRate {
  const rates = (shipment.rates ?? []).filter((rate) => typeof rate.id === "string" && Number.isFinite(Number.parseFloat(rate.rate)));
  if (rates.length === 0) {
    const reasons = (shipment.messages ?? []).map((message) => [message.carrier, message.message].filter(Boolean).join(": ")).filter(Boolean);
    throw new LabelProviderError("rejected", `EasyPost found no rate for this return${reasons.length > 0 ? ` (${clip(reasons.join("; "))})` : ""}. Check the parcel and the carrier accounts in EasyPost.`, {
      retryable: false,
      providerShipmentId: shipment.id,
    });
  }
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const wanted = rates.filter((rate) => (!carrier || same(rate.carrier, carrier)) && (!service || same(rate.service, service)));
  if (wanted.length === 0) {
    const offered = [...new Set(rates.map((rate) => `${rate.carrier} ${rate.service}`))].join(", ");
    throw new LabelProviderError("rejected", `EasyPost offered no ${[carrier, service].filter(Boolean).join(" ")} rate for this return (offered: ${clip(offered)}).`, {
      retryable: false,
      providerShipmentId: shipment.id,
    });
  }
  const counts = new Map<string, number>();
  for (const rate of wanted) counts.set(rate.currency, (counts.get(rate.currency) ?? 0) + 1);
  const currency = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return wanted.filter((rate) => rate.currency === currency).reduce((lowest, rate) => (Number.parseFloat(rate.rate) < Number.parseFloat(lowest.rate) ? rate : lowest));
}

function networkError(error: unknown, phase: Phase, timeoutMs: number, shipmentId: string | undefined): LabelProviderError {
  const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
  const limit = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
  const what = timedOut ? `EasyPost did not answer within ${limit}` : "EasyPost could not be reached";
  if (phase === "buy") {
    return new LabelProviderError("unavailable", `${what} while buying the label of shipment ${shipmentId}. The label may have been bought: look the shipment up in EasyPost before trying again.`, {
      retryable: false,
      providerShipmentId: shipmentId,
      cause: error,
    });
  }
  return new LabelProviderError("unavailable", `${what}. Trying again later.`, { retryable: true, cause: error });
}

type ErrorBody = { code?: unknown; message?: unknown; errors?: unknown };

const ADDRESS_FIELDS = new Set(["address", "to_address", "from_address", "name", "company", "street1", "street2", "city", "state", "zip", "country", "phone", "email"]);

function httpError(response: Response, json: unknown, phase: Phase, shipmentId: string | undefined): LabelProviderError {
  const status = response.status;
  const body: ErrorBody = json !== null && typeof json === "object" && "error" in json && typeof json.error === "object" && json.error !== null ? (json.error as ErrorBody) : {};
  const providerCode = typeof body.code === "string" ? body.code : undefined;
  const detail = describeError(body);
  const said = detail ? `: ${detail}` : "";
  const base = { status, providerCode, providerShipmentId: shipmentId };

  if (status === 401 || status === 403) {
    return new LabelProviderError("auth", `EasyPost refused the API key${said}. Check the EasyPost API key in Settings.`, { ...base, retryable: false });
  }
  if (status === 429) {
    return new LabelProviderError("rate_limited", "EasyPost asked us to slow down; the label will be tried again shortly.", { ...base, retryable: true, retryAfterSeconds: retryAfter(response.headers.get("retry-after")) });
  }
  if (status >= 500) {
    return new LabelProviderError("unavailable", `EasyPost had a problem (HTTP ${status})${said}. Trying again later.`, { ...base, retryable: true });
  }
  if ((status === 422 || status === 400) && isAddressProblem(providerCode, body.errors)) {
    return new LabelProviderError("invalid_address", `EasyPost could not use an address${said}.`, { ...base, retryable: false });
  }
  if (status === 402) {
    return new LabelProviderError("rejected", `EasyPost could not charge for the label${said}. Check the billing details in EasyPost.`, { ...base, retryable: false });
  }
  const doing = phase === "buy" ? "buy the label" : "create the shipment";
  return new LabelProviderError("rejected", `EasyPost refused to ${doing} (HTTP ${status})${said}.`, { ...base, retryable: false });
}

function isAddressProblem(code: string | undefined, errors: unknown): boolean {
  if (code && /ADDRESS/i.test(code)) return true;
  return Array.isArray(errors) && errors.some((error) => typeof error === "object" && error !== null && "field" in error && typeof error.field === "string" && ADDRESS_FIELDS.has(error.field.split(".").at(-1) ?? ""));
}

/** EasyPost's message, then its field errors ("street1: House number is missing"), which may be objects or strings. */
function describeError(body: ErrorBody): string {
  const parts: string[] = [];
  if (typeof body.message === "string" && body.message.trim()) parts.push(body.message.trim());
  if (Array.isArray(body.errors)) {
    for (const error of body.errors) {
      if (typeof error === "string") parts.push(error);
      else if (typeof error === "object" && error !== null) {
        const field = "field" in error && typeof error.field === "string" ? error.field : null;
        const message = "message" in error && typeof error.message === "string" ? error.message : null;
        if (message && !(field === "address" && parts.includes(message))) parts.push(field ? `${field}: ${message}` : message);
      }
    }
  }
  return clip([...new Set(parts.map((part) => part.replace(/[.\s]+$/, "")))].join("; "));
}

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function clip(text: string): string {
  return text.length > MAX_PROVIDER_TEXT ? `${text.slice(0, MAX_PROVIDER_TEXT - 1)}…` : text;
}
