// The EasyPost adapter against a local stand-in of EasyPost's API over real HTTP: the request
// it sends, the rate it buys, and how each kind of failure reaches the workflow.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LabelProviderError, type Address, type ReturnLabelRequest } from "~/returns/carrier-label";
import { createEasyPostLabelProvider, type EasyPostConfig } from "~/returns/easypost.server";
import { startEasyPostStandIn, DEFAULT_STAND_IN_RATES, type EasyPostStandIn } from "../../support/easypost-stand-in";

const shopper: Address = { name: "Maria Papadopoulou", street1: "179 N Harbor Dr", city: "Redondo Beach", province: "CA", zip: "90277", countryCode: "us", phone: "8573875756", email: "maria@example.com", company: null, street2: "" };
const shop: Address = { name: "Returns Desk", company: "Linen & Co", street1: "417 Montgomery Street", street2: "5th Floor", city: "San Francisco", province: "CA", zip: "94104", countryCode: "US" };
const request: ReturnLabelRequest = { from: shopper, to: shop, parcel: { weightGrams: 1000, lengthCm: 30, widthCm: 20, heightCm: 10 }, reference: "R-1001" };

let standIn: EasyPostStandIn;

beforeAll(async () => {
  standIn = await startEasyPostStandIn({ apiKey: "EZTK_merchant_secret" });
});
afterAll(async () => {
  await standIn.close();
});
afterEach(() => {
  standIn.requests.length = 0;
  standIn.setRates(DEFAULT_STAND_IN_RATES);
  standIn.setMessages([]);
});

const provider = (overrides: Partial<EasyPostConfig> = {}) => createEasyPostLabelProvider({ apiKey: standIn.apiKey, baseUrl: standIn.baseUrl, timeoutMs: 2_000, ...overrides });

async function failure(promise: Promise<unknown>): Promise<LabelProviderError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LabelProviderError);
  return error as LabelProviderError;
}

describe("creating a return label with EasyPost", () => {
  it("creates a return shipment, buys the lowest rate and returns its tracking number and label", async () => {
    const label = await provider().createReturnLabel(request);

    expect(label).toMatchObject({ carrier: "USPS", costAmount: "6.07", costCurrency: "USD" });
    expect(label.trackingNumber).toMatch(/^9400\d{18}$/);
    expect(label.labelUrl).toBe(`${standIn.baseUrl.replace("/v2", "")}/files/postage_label/${label.providerShipmentId}.pdf`);

    const [create, buy] = standIn.requests;
    expect(standIn.requests).toHaveLength(2);
    expect(create?.authorization).toBe(`Basic ${Buffer.from("EZTK_merchant_secret:").toString("base64")}`);
    expect(create?.contentType).toBe("application/json");
    expect(create?.body).toEqual({
      shipment: {
        // The original shipment's addresses: EasyPost switches them for a return.
        to_address: { name: "Maria Papadopoulou", street1: "179 N Harbor Dr", city: "Redondo Beach", state: "CA", zip: "90277", country: "US", phone: "8573875756", email: "maria@example.com" },
        from_address: { name: "Returns Desk", company: "Linen & Co", street1: "417 Montgomery Street", street2: "5th Floor", city: "San Francisco", state: "CA", zip: "94104", country: "US" },
        parcel: { weight: 35.3, length: 11.8, width: 7.9, height: 3.9 },
        is_return: true,
        reference: "R-1001",
        options: { label_format: "PDF" },
      },
    });
    const shipment = standIn.shipments.get(label.providerShipmentId ?? "");
    const cheapest = shipment?.rates.find((rate) => rate.service === "GroundAdvantage");
    expect(buy?.path).toBe(`/v2/shipments/${label.providerShipmentId}/buy`);
    expect(buy?.body).toEqual({ rate: { id: cheapest?.id } });
  });

  it("sends the weight alone when the dimensions are not all known", async () => {
    await provider().createReturnLabel({ ...request, parcel: { weightGrams: 1, lengthCm: 30 } });
    expect((standIn.requests[0]?.body as { shipment: { parcel: unknown } }).shipment.parcel).toEqual({ weight: 0.1 });
  });

  it("buys the configured carrier and service even when another rate is lower", async () => {
    const label = await provider({ carrier: "ups", service: "GROUND" }).createReturnLabel(request);
    expect(label).toMatchObject({ carrier: "UPS", costAmount: "11.20" });
  });

  it("refuses when the configured carrier has no rate, naming the rates on offer", async () => {
    const error = await failure(provider({ carrier: "FedEx" }).createReturnLabel(request));
    expect(error).toMatchObject({ code: "rejected", retryable: false });
    expect(error.message).toBe("EasyPost offered no FedEx rate for this return (offered: USPS Priority, USPS GroundAdvantage, UPS Ground).");
    expect(standIn.requests.map((recorded) => recorded.path)).toEqual(["/v2/shipments"]);
  });

  it("refuses when no carrier rated the parcel, passing on the carriers' messages", async () => {
    standIn.setRates([]);
    standIn.setMessages([{ carrier: "FedEx", type: "rate_error", message: "Shipment cannot weigh less than 16oz" }]);
    const error = await failure(provider().createReturnLabel(request));
    expect(error).toMatchObject({ code: "rejected", retryable: false });
    expect(error.message).toContain("FedEx: Shipment cannot weigh less than 16oz");
  });

  it("compares rates within one currency", async () => {
    standIn.setRates([
      { carrier: "DHL", service: "Express", rate: "3.00", currency: "EUR" },
      { carrier: "USPS", service: "Priority", rate: "9.45", currency: "USD" },
      { carrier: "USPS", service: "GroundAdvantage", rate: "6.07", currency: "USD" },
    ]);
    expect(await provider().createReturnLabel(request)).toMatchObject({ carrier: "USPS", costAmount: "6.07", costCurrency: "USD" });
  });

  it("does not call EasyPost for a parcel without weight", async () => {
    const error = await failure(provider().createReturnLabel({ ...request, parcel: { weightGrams: 0 } }));
    expect(error.code).toBe("rejected");
    expect(standIn.requests).toEqual([]);
  });
});

describe("EasyPost's errors", () => {
  it("401: a wrong key is an auth error, not retried, and the key is not repeated", async () => {
    const error = await failure(createEasyPostLabelProvider({ apiKey: "EZTK_wrong_key", baseUrl: standIn.baseUrl }).createReturnLabel(request));
    expect(error).toMatchObject({ code: "auth", retryable: false, status: 401, providerCode: "APIKEY.INACTIVE" });
    expect(error.message).toBe("EasyPost refused the API key: The API key is not valid. Check the EasyPost API key in Settings.");
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain("EZTK_wrong_key");
  });

  it("422 with an address code: invalid_address, with EasyPost's message and field errors", async () => {
    standIn.failNext({
      on: "create",
      status: 422,
      code: "ADDRESS.VERIFY.FAILURE",
      message: "Address not found",
      errors: [
        { field: "address", message: "Address not found", suggestion: null },
        { field: "street1", message: "House number is missing", suggestion: null },
      ],
    });
    const error = await failure(provider().createReturnLabel(request));
    expect(error).toMatchObject({ code: "invalid_address", retryable: false, status: 422, providerCode: "ADDRESS.VERIFY.FAILURE" });
    expect(error.message).toBe("EasyPost could not use an address: Address not found; street1: House number is missing.");
  });

  it("422 about an address field, whatever the code: invalid_address", async () => {
    const error = await failure(provider().createReturnLabel({ ...request, from: { ...shopper, zip: "" } }));
    expect(error).toMatchObject({ code: "invalid_address", providerCode: "PARAMETER.REQUIRED" });
    expect(error.message).toContain("to_address.zip: cannot be blank");
  });

  it("422 about something else: rejected, with string field errors too", async () => {
    standIn.failNext({ on: "buy", status: 422, code: "SHIPMENT.POSTAGE.FAILURE", message: "Unable to buy postage", errors: ["The carrier declined the service for this parcel"] });
    const error = await failure(provider().createReturnLabel(request));
    expect(error).toMatchObject({ code: "rejected", retryable: false, status: 422 });
    expect(error.message).toBe("EasyPost refused to buy the label (HTTP 422): Unable to buy postage; The carrier declined the service for this parcel.");
    expect(error.providerShipmentId).toMatch(/^shp_/);
  });

  it("429: rate_limited and retryable, with EasyPost's Retry-After", async () => {
    standIn.failNext({ status: 429, code: "RATE_LIMITED", message: "Too many requests", headers: { "Retry-After": "7" } });
    const error = await failure(provider().createReturnLabel(request));
    expect(error).toMatchObject({ code: "rate_limited", retryable: true, retryAfterSeconds: 7 });
  });

  it.each([500, 502, 503])("%i: unavailable and retryable, even without a JSON body", async (status) => {
    standIn.failNext({ status, rawBody: "<html>Bad gateway</html>" });
    const error = await failure(provider().createReturnLabel(request));
    expect(error).toMatchObject({ code: "unavailable", retryable: true, status });
    expect(error.message).toBe(`EasyPost had a problem (HTTP ${status}). Trying again later.`);
  });

  it("402: rejected, pointing at EasyPost's billing", async () => {
    standIn.failNext({ on: "buy", status: 402, code: "PAYMENT_REQUIRED", message: "Insufficient funds" });
    const error = await failure(provider().createReturnLabel(request));
    expect(error).toMatchObject({ code: "rejected", retryable: false });
    expect(error.message).toContain("Check the billing details in EasyPost");
  });

  it("a slow answer while creating the shipment is unavailable and retryable", async () => {
    standIn.delayNext(600, "create");
    const error = await failure(provider({ timeoutMs: 150 }).createReturnLabel(request));
    expect(error).toMatchObject({ code: "unavailable", retryable: true });
    expect(error.message).toBe("EasyPost did not answer within 150 ms. Trying again later.");
  });

  it("a slow answer while buying is not retried blindly: the label may have been bought", async () => {
    standIn.delayNext(600, "buy");
    const error = await failure(provider({ timeoutMs: 150 }).createReturnLabel(request));
    expect(error).toMatchObject({ code: "unavailable", retryable: false });
    expect(error.providerShipmentId).toMatch(/^shp_/);
    expect(error.message).toContain("look the shipment up in EasyPost before trying again");
  });

  it("a server that cannot be reached is unavailable and retryable", async () => {
    const closed = await startEasyPostStandIn();
    await closed.close();
    const error = await failure(createEasyPostLabelProvider({ apiKey: "EZTK_x", baseUrl: closed.baseUrl, timeoutMs: 1_000 }).createReturnLabel(request));
    expect(error).toMatchObject({ code: "unavailable", retryable: true });
    expect(error.message).toBe("EasyPost could not be reached. Trying again later.");
  });

  it("a bought shipment without tracking number is reported, not retried", async () => {
    const fakeFetch: typeof fetch = async (input, init) => {
      const url = String(input);
      const body = url.endsWith("/buy") ? { id: "shp_1", tracking_code: null, postage_label: null } : { id: "shp_1", rates: [{ id: "rate_1", carrier: "USPS", service: "Priority", rate: "5.00", currency: "USD" }] };
      expect(new Headers(init?.headers).get("authorization")).toMatch(/^Basic /);
      return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
    };
    const error = await failure(createEasyPostLabelProvider({ apiKey: "k", fetch: fakeFetch }).createReturnLabel(request));
    expect(error).toMatchObject({ code: "unavailable", retryable: false, providerShipmentId: "shp_1" });
  });
});
