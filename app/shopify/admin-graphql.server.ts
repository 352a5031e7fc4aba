// Runs one named Admin GraphQL operation and turns Shopify's failure modes into errors
// the caller can act on. Mutation userErrors are the caller's to check (see userErrorsOf).
import type { AdminClient } from "../shopify.server";

/** Shopify's leaky bucket for the app on this shop, as `extensions.cost.throttleStatus` reports it. */
export type ThrottleStatus = { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };

/** `extensions.cost`: what the query was priced at, what it cost, and what is left. */
export type QueryCost = { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: ThrottleStatus };

export class AdminApiError extends Error {
  constructor(
    message: string,
    readonly operation: string,
    readonly codes: string[],
    readonly status?: number,
    /** The response's cost extension, when it had one (a THROTTLED answer does). */
    readonly cost?: QueryCost,
  ) {
    super(message);
    this.name = "AdminApiError";
  }

  get throttled(): boolean {
    return this.codes.includes("THROTTLED");
  }

  /** Retrying will not help: the shop is gone, the token revoked, the plan frozen or the record missing. */
  get permanent(): boolean {
    return this.status !== undefined && [401, 402, 403, 404, 423].includes(this.status);
  }
}

type GraphqlClient = Pick<AdminClient, "graphql">;

export async function adminQuery<TData>(
  admin: GraphqlClient,
  operation: string,
  variables?: Record<string, unknown>,
): Promise<TData> {
  return (await adminQueryWithCost<TData>(admin, operation, variables)).data;
}

/** Like adminQuery, with the response's cost (null when Shopify sent none), for callers that pace themselves. */
export async function adminQueryWithCost<TData>(
  admin: GraphqlClient,
  operation: string,
  variables?: Record<string, unknown>,
): Promise<{ data: TData; cost: QueryCost | null }> {
  const name = /(?:query|mutation)\s+(\w+)/.exec(operation)?.[1] ?? "anonymous";
  let response: Response;
  try {
    response = await admin.graphql(operation, variables ? { variables } : undefined);
  } catch (error) {
    throw toAdminApiError(name, error);
  }
  const body = (await response.json()) as {
    data?: TData;
    errors?: { message: string; extensions?: { code?: string } }[];
    extensions?: unknown;
  };
  const cost = costOf(body.extensions);
  if (body.errors?.length) {
    throw new AdminApiError(
      `${name}: ${body.errors.map((error) => error.message).join("; ")}`,
      name,
      body.errors.map((error) => error.extensions?.code ?? "ERROR"),
      undefined,
      cost ?? undefined,
    );
  }
  if (!body.data) throw new AdminApiError(`${name}: no data in the response`, name, ["NO_DATA"]);
  return { data: body.data, cost };
}

/** Reads `extensions.cost` when it has the documented shape. */
function costOf(extensions: unknown): QueryCost | null {
  const cost = (extensions as { cost?: Partial<QueryCost> } | null | undefined)?.cost;
  const throttle = cost?.throttleStatus;
  if (!cost || typeof cost.requestedQueryCost !== "number" || !throttle) return null;
  const { maximumAvailable, currentlyAvailable, restoreRate } = throttle;
  if (![maximumAvailable, currentlyAvailable, restoreRate].every((value) => typeof value === "number")) return null;
  return {
    requestedQueryCost: cost.requestedQueryCost,
    actualQueryCost: typeof cost.actualQueryCost === "number" ? cost.actualQueryCost : null,
    throttleStatus: { maximumAvailable, currentlyAvailable, restoreRate },
  };
}

export type UserError = { field?: string[] | null; message: string };

export function assertNoUserErrors(operation: string, userErrors: UserError[] | null | undefined): void {
  if (userErrors && userErrors.length > 0) {
    throw new AdminApiError(
      `${operation}: ${userErrors.map((error) => `${error.field?.join(".") ?? "input"}: ${error.message}`).join("; ")}`,
      operation,
      ["USER_ERROR"],
    );
  }
}

type GraphqlErrorLike = { message: string; extensions?: { code?: string } };

/** Maps the Shopify library's thrown errors (GraphqlQueryError, HttpResponseError) onto AdminApiError. */
function toAdminApiError(name: string, error: unknown): AdminApiError {
  const candidate = error as {
    message?: string;
    body?: { errors?: { graphQLErrors?: GraphqlErrorLike[] }; extensions?: unknown };
    response?: { code?: number; status?: number };
  };
  const graphQLErrors = candidate.body?.errors?.graphQLErrors;
  if (graphQLErrors?.length) {
    return new AdminApiError(
      `${name}: ${graphQLErrors.map((entry) => entry.message).join("; ")}`,
      name,
      graphQLErrors.map((entry) => entry.extensions?.code ?? "ERROR"),
      undefined,
      costOf(candidate.body?.extensions) ?? undefined,
    );
  }
  const status = candidate.response?.code ?? candidate.response?.status;
  return new AdminApiError(`${name}: ${candidate.message ?? String(error)}`, name, [status ? `HTTP_${status}` : "NETWORK"], status);
}
