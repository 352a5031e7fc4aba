import {
  getOperationAST,
  getVariableValues,
  Kind,
  type DocumentNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
} from "graphql";
import { actualQueryCost, requestedQueryCost, type BucketKey, type CostLimiter, type ThrottleStatus } from "./cost.ts";
import { executeOperation } from "./execute.ts";
import { loadAdminSchema, parseAndValidate } from "./schema.ts";
import type { AdminStore, RequestLogEntry, ShopState } from "./store.ts";

/**
 * One Admin GraphQL request, after authentication: parse and validate (errors
 * answered as Shopify does, with nothing executed), coerce variables, price the
 * query, ask the leaky bucket, execute, charge the actual cost, and log it.
 */
export type GraphqlRequest = {
  store: AdminStore;
  limiter: CostLimiter;
  shop: ShopState;
  appKey: string;
  body: unknown;
  now: () => number;
};

export type GraphqlResponse = { status: number; body: Record<string, unknown> };

export type CostExtension = {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
};

type Fields = Record<string, unknown>;
type Logged = Omit<RequestLogEntry, "kind" | "at" | "shop" | "status">;

export async function handleGraphqlRequest(request: GraphqlRequest): Promise<GraphqlResponse> {
  const body = (typeof request.body === "object" && request.body !== null ? request.body : {}) as Fields;
  if (typeof body.query !== "string" || body.query.trim() === "") {
    return finish(request, 400, { errors: { query: "Required parameter missing or invalid" } }, { operationName: null });
  }
  const operationName = typeof body.operationName === "string" ? body.operationName : null;
  const variables = variablesOf(body.variables);
  const logged: Logged = { operationName, query: body.query, variables };
  const parsed = parseAndValidate(body.query);
  if (!parsed.ok) {
    const errors = parsed.errors.map(({ message, locations }) => ({ message, ...(locations ? { locations } : {}) }));
    return finish(request, 200, { errors }, { ...logged, errorCodes: ["GRAPHQL_VALIDATION_FAILED"] });
  }
  const operation = getOperationAST(parsed.document, operationName ?? undefined);
  if (!operation) {
    const message = operationName ? `Unknown operation named "${operationName}".` : "Must provide operation name if query contains multiple operations.";
    return finish(request, 200, { errors: [{ message }] }, logged);
  }
  const described: Logged = { ...logged, operationName: operationName ?? operation.name?.value ?? null, ...describe(operation) };
  const coerced = getVariableValues(loadAdminSchema(), operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) {
    const errors = coerced.errors.map(({ message, locations }) => ({ message, ...(locations ? { locations } : {}) }));
    return finish(request, 200, { errors }, { ...described, errorCodes: ["BAD_USER_INPUT"] });
  }
  return priceAndExecute(request, parsed.document, operationName, coerced.coerced, described);
}

async function priceAndExecute(
  request: GraphqlRequest,
  document: DocumentNode,
  operationName: string | null,
  variables: Record<string, unknown>,
  logged: Logged,
): Promise<GraphqlResponse> {
  const key: BucketKey = { appKey: request.appKey, shopDomain: request.shop.domain, plan: request.shop.plan };
  const requested = requestedQueryCost({ document, operationName, variables });
  const admission = request.limiter.admit(key, requested);
  if (!admission.ok) {
    const cost: CostExtension = { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: admission.status };
    const codes = [String(admission.error.extensions?.code)];
    return finish(request, 200, { errors: [admission.error], extensions: { cost } }, { ...logged, requestedQueryCost: requested, actualQueryCost: null, errorCodes: codes });
  }
  const result = await executeOperation({ store: request.store, shopDomain: request.shop.domain, document, variables, operationName, now: request.now });
  const actual = actualQueryCost({ document, operationName, variables, data: result.data });
  const throttleStatus = request.limiter.settle(key, requested, actual);
  const errors: GraphQLFormattedError[] | undefined = result.errors?.map((error) => error.toJSON());
  const cost: CostExtension = { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus };
  const body = { ...(errors ? { errors } : {}), data: result.data ?? null, extensions: { cost } };
  return finish(request, 200, body, { ...logged, requestedQueryCost: requested, actualQueryCost: actual, ...(errors ? { errorCodes: ["EXECUTION_ERROR"] } : {}) });
}

/** Clients sometimes send variables as a JSON string. */
function variablesOf(raw: unknown): Record<string, unknown> | null {
  if (typeof raw === "string") {
    try {
      return variablesOf(JSON.parse(raw));
    } catch {
      return null;
    }
  }
  return typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
}

function describe(operation: OperationDefinitionNode): Pick<RequestLogEntry, "operationType" | "rootFields"> {
  const rootFields = operation.selectionSet.selections.flatMap((selection) =>
    selection.kind === Kind.FIELD ? [selection.name.value] : [],
  );
  return { operationType: operation.operation, rootFields };
}

function finish(request: GraphqlRequest, status: number, body: Record<string, unknown>, logged: Logged): GraphqlResponse {
  request.store.requests.push({ kind: "graphql", at: request.now(), shop: request.shop.domain, status, ...logged });
  return { status, body };
}
