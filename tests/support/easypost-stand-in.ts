// A local stand-in for the two EasyPost v2 endpoints the returns workflow uses, on
// 127.0.0.1 and a free port: POST /v2/shipments and POST /v2/shipments/:id/buy.
//
// It follows EasyPost's documentation where the documentation says something: basic auth
// with the API key as user name, rates on the created shipment, `is_return` switching the
// two addresses, `tracking_code`, `postage_label.label_url`, `selected_rate`, and errors as
// { error: { code, message, errors: [] } } with a 4xx/5xx status. The error *codes* it makes
// up for its own refusals (APIKEY.REQUIRED, SHIPMENT.POSTAGE.EXISTS, ...) are stand-ins: the
// adapter keys on the HTTP status and on codes containing "ADDRESS" only.
//
// Tests steer it with failNext (the next request to a phase answers with an error), delayNext
// (the next answer is held back, for timeouts), and setRates.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type StandInRate = { carrier: string; service: string; rate: string; currency: string };

export type RecordedRequest = { method: string; path: string; authorization: string | null; contentType: string | null; body: unknown };

type Phase = "create" | "buy";

export type Failure = {
  status: number;
  code?: string;
  message?: string;
  errors?: unknown[];
  headers?: Record<string, string>;
  /** Which call fails; the next call of any kind when absent. */
  on?: Phase;
  /** Send this instead of EasyPost's JSON error body (an HTML error page from a proxy, say). */
  rawBody?: string;
};

type StoredShipment = {
  id: string;
  request: Record<string, unknown>;
  rates: (StandInRate & { id: string; shipment_id: string; object: "Rate" })[];
  bought: Record<string, unknown> | null;
};

export type EasyPostStandIn = {
  /** The API base, as the adapter wants it: http://127.0.0.1:PORT/v2 */
  baseUrl: string;
  apiKey: string;
  requests: RecordedRequest[];
  shipments: Map<string, StoredShipment>;
  failNext(failure: Failure): void;
  delayNext(ms: number, on?: Phase): void;
  setRates(rates: StandInRate[]): void;
  /** Carrier messages to attach to the next shipments (rates that failed). */
  setMessages(messages: { carrier: string; type: string; message: string }[]): void;
  close(): Promise<void>;
};

export const DEFAULT_STAND_IN_RATES: StandInRate[] = [
  { carrier: "USPS", service: "Priority", rate: "9.45", currency: "USD" },
  { carrier: "USPS", service: "GroundAdvantage", rate: "6.07", currency: "USD" },
  { carrier: "UPS", service: "Ground", rate: "11.20", currency: "USD" },
];

const SHIPMENTS = /^\/v2\/shipments$/;
const BUY = /^\/v2\/shipments\/([^/]+)\/buy$/;
const REQUIRED_ADDRESS_FIELDS = ["street1", "city", "zip", "country"];

type Reply = { status: number; body?: unknown; rawBody?: string; headers?: Record<string, string> };

export async function startEasyPostStandIn(options: { apiKey?: string; rates?: StandInRate[] } = {}): Promise<EasyPostStandIn> {
  const apiKey = options.apiKey ?? "EZTK_stand_in_key";
  let rates = options.rates ?? DEFAULT_STAND_IN_RATES;
  let messages: { carrier: string; type: string; message: string }[] = [];
  const failures: Failure[] = [];
  const delays: { ms: number; on?: Phase }[] = [];
  const requests: RecordedRequest[] = [];
  const shipments = new Map<string, StoredShipment>();
  let origin = "";

  function take<T extends { on?: Phase }>(queue: T[], phase: Phase | null): T | undefined {
    const index = queue.findIndex((item) => item.on === undefined || item.on === phase);
    return index === -1 ? undefined : queue.splice(index, 1)[0];
  }

  async function handle(req: IncomingMessage): Promise<Reply> {
    const text = await readBody(req);
    const path = new URL(req.url ?? "/", "http://stand-in").pathname;
    let body: unknown = null;
    try {
      body = text === "" ? null : JSON.parse(text);
    } catch {
      body = text;
    }
    requests.push({ method: req.method ?? "", path, authorization: req.headers.authorization ?? null, contentType: req.headers["content-type"] ?? null, body });

    const phase: Phase | null = SHIPMENTS.test(path) ? "create" : BUY.test(path) ? "buy" : null;
    const delay = take(delays, phase);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay.ms));

    const auth = checkAuth(req.headers.authorization, apiKey);
    if (auth) return auth;
    const failure = take(failures, phase);
    if (failure) return { status: failure.status, headers: failure.headers, ...(failure.rawBody !== undefined ? { rawBody: failure.rawBody } : { body: errorBody(failure.code ?? "STAND_IN.FAILURE", failure.message ?? "Failure asked for by the test", failure.errors ?? []) }) };

    if (req.method !== "POST" || phase === null) return { status: 404, body: errorBody("NOT_FOUND", "The requested resource could not be found.") };
    if (typeof body !== "object" || body === null) return { status: 400, body: errorBody("PARAMETER.INVALID", "The request body is not JSON.") };
    return phase === "create" ? createShipment(body as Record<string, unknown>) : buyShipment(BUY.exec(path)?.[1] ?? "", body as Record<string, unknown>);
  }

  function createShipment(body: Record<string, unknown>): Reply {
    const shipment = body.shipment as Record<string, unknown> | undefined;
    if (!shipment || typeof shipment !== "object") return { status: 422, body: errorBody("PARAMETER.REQUIRED", "Missing required parameter.", [{ field: "shipment", message: "cannot be blank" }]) };
    const fieldErrors: { field: string; message: string }[] = [];
    for (const key of ["to_address", "from_address"]) {
      const address = shipment[key] as Record<string, unknown> | undefined;
      for (const field of REQUIRED_ADDRESS_FIELDS) if (!address || typeof address[field] !== "string" || address[field] === "") fieldErrors.push({ field: `${key}.${field}`, message: "cannot be blank" });
    }
    const parcel = shipment.parcel as Record<string, unknown> | undefined;
    if (!parcel || typeof parcel.weight !== "number" || parcel.weight <= 0) fieldErrors.push({ field: "parcel.weight", message: "must be greater than 0" });
    if (fieldErrors.length > 0) return { status: 422, body: errorBody("PARAMETER.REQUIRED", "Missing required parameter.", fieldErrors) };

    const id = `shp_${hex()}`;
    const stored: StoredShipment = { id, request: shipment, rates: rates.map((rate) => ({ ...rate, id: `rate_${hex()}`, shipment_id: id, object: "Rate" as const })), bought: null };
    shipments.set(id, stored);
    return { status: 201, body: shipmentView(stored) };
  }

  function buyShipment(id: string, body: Record<string, unknown>): Reply {
    const stored = shipments.get(id);
    if (!stored) return { status: 404, body: errorBody("NOT_FOUND", "The requested resource could not be found.") };
    if (stored.bought) return { status: 422, body: errorBody("SHIPMENT.POSTAGE.EXISTS", "This shipment already has postage.") };
    const rateId = (body.rate as Record<string, unknown> | undefined)?.id;
    const rate = stored.rates.find((candidate) => candidate.id === rateId);
    if (!rate) return { status: 422, body: errorBody("SHIPMENT.RATE.INVALID", "The rate is not one of this shipment's rates.", [{ field: "rate", message: "is invalid" }]) };
    const pdf = (stored.request.options as Record<string, unknown> | undefined)?.label_format === "PDF";
    stored.bought = {
      tracking_code: `9400${Array.from(randomBytes(18), (byte) => byte % 10).join("")}`,
      selected_rate: rate,
      postage_label: {
        id: `pl_${hex()}`,
        object: "PostageLabel",
        label_file_type: pdf ? "application/pdf" : "image/png",
        label_url: `${origin}/files/postage_label/${id}.png`,
        label_pdf_url: pdf ? `${origin}/files/postage_label/${id}.pdf` : null,
      },
    };
    return { status: 200, body: shipmentView(stored) };
  }

  function shipmentView(stored: StoredShipment): Record<string, unknown> {
    const request = stored.request;
    const isReturn = request.is_return === true;
    return {
      id: stored.id,
      object: "Shipment",
      mode: "test",
      reference: request.reference ?? null,
      is_return: isReturn,
      // A return shipment travels the other way: EasyPost switches the two addresses.
      to_address: isReturn ? request.from_address : request.to_address,
      from_address: isReturn ? request.to_address : request.from_address,
      parcel: { id: `prcl_${hex()}`, object: "Parcel", ...(request.parcel as object) },
      options: request.options ?? {},
      rates: stored.rates,
      messages,
      tracking_code: stored.bought?.tracking_code ?? null,
      postage_label: stored.bought?.postage_label ?? null,
      selected_rate: stored.bought?.selected_rate ?? null,
      status: stored.bought ? "pre_transit" : "unknown",
    };
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    handle(req)
      .then((reply) => send(res, reply))
      .catch((error: unknown) => send(res, { status: 500, body: errorBody("INTERNAL_SERVER_ERROR", `Stand-in failure: ${String(error)}`) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${address.port}`;

  return {
    baseUrl: `${origin}/v2`,
    apiKey,
    requests,
    shipments,
    failNext: (failure) => void failures.push(failure),
    delayNext: (ms, on) => void delays.push({ ms, on }),
    setRates: (next) => void (rates = next),
    setMessages: (next) => void (messages = next),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** EasyPost's basic auth: the key as the user name, the password empty (or ignored). */
function checkAuth(header: string | undefined, apiKey: string): Reply | null {
  if (!header?.startsWith("Basic ")) return { status: 401, body: errorBody("APIKEY.REQUIRED", "Authentication is required: send your API key as the basic auth user name."), headers: { "WWW-Authenticate": 'Basic realm="EasyPost"' } };
  const user = Buffer.from(header.slice("Basic ".length), "base64").toString("utf8").split(":")[0];
  if (user !== apiKey) return { status: 401, body: errorBody("APIKEY.INACTIVE", "The API key is not valid.") };
  return null;
}

function errorBody(code: string, message: string, errors: unknown[] = []): { error: { code: string; message: string; errors: unknown[] } } {
  return { error: { code, message, errors } };
}

function hex(): string {
  return randomBytes(16).toString("hex");
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const text = reply.rawBody ?? JSON.stringify(reply.body ?? null);
  res.writeHead(reply.status, { "Content-Type": reply.rawBody !== undefined ? "text/html" : "application/json", ...reply.headers });
  res.end(text);
}
