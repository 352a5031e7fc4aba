// An Admin API client on the stand-in, shaped like the one the Shopify library gives routes
// and jobs (`admin.graphql`): it answers a Response whose JSON is `{ data, extensions }`,
// and throws what the library throws — a GraphqlQueryError-like error (`body.errors
// .graphQLErrors`, `body.extensions`) for GraphQL errors, an HttpResponseError-like one
// (`response.code`) for other HTTP statuses — so services see exactly what they would in
// production (app/shopify/admin-graphql.server.ts reads both).
import type { AdminClient } from "~/shopify.server";
import type { PlanLimit } from "../admin-api/cost";
import { buildDemoShop, type DemoShop } from "../admin-api/demo-shop";
import { installAppFunctions } from "../admin-api/gift-mutations";
import { startAdminApiStandIn, type StandIn } from "../admin-api/server";
import { createStore, type AdminStore, type NodeRecord, type ShopPlan } from "../admin-api/store";

export type AdminGraphql = Pick<AdminClient, "graphql">;

type GraphqlBody = { data?: unknown; errors?: unknown; extensions?: unknown };

export function standInAdmin(options: { origin: string; shop: string; accessToken: string }): AdminGraphql {
  const url = `${options.origin}/${options.shop}/admin/api/2026-10/graphql.json`;
  const graphql = async (query: string, requestOptions?: { variables?: unknown }): Promise<Response> => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": options.accessToken },
      body: JSON.stringify({ query, variables: requestOptions?.variables }),
    });
    const text = await response.text();
    if (response.status !== 200) throw httpResponseError(response, text);
    const body = JSON.parse(text) as GraphqlBody;
    if (body.errors || !body.data) throw graphqlQueryError(response, body);
    return new Response(JSON.stringify({ data: body.data, extensions: body.extensions }), {
      headers: { "Content-Type": "application/json" },
    });
  };
  return { graphql: graphql as AdminGraphql["graphql"] };
}

function graphqlQueryError(response: Response, body: GraphqlBody): Error {
  const graphQLErrors = Array.isArray(body.errors) ? (body.errors as { message?: string }[]) : [];
  const error = new Error(graphQLErrors[0]?.message ?? "GraphQL operation failed") as Error & { body: unknown; response: Response };
  error.name = "GraphqlQueryError";
  error.response = response;
  error.body = {
    ...(body.data ? { data: body.data } : {}),
    ...(body.extensions ? { extensions: body.extensions } : {}),
    errors: {
      networkStatusCode: response.status,
      message: "GraphQL Client: An error occurred while fetching from the API. Review 'graphQLErrors' for details.",
      graphQLErrors,
      response,
    },
  };
  return error;
}

function httpResponseError(response: Response, text: string): Error {
  const error = new Error(`Received an error response (${response.status} ${response.statusText}) from Shopify:\n${text}`) as Error & {
    response: { code: number; statusText: string; body: string };
  };
  error.name = "HttpResponseError";
  error.response = { code: response.status, statusText: response.statusText, body: text };
  return error;
}

export type DemoStandIn = {
  standIn: StandIn;
  store: AdminStore;
  demo: DemoShop;
  shop: string;
  admin: AdminGraphql;
  /** The stand-in's clock (epoch ms): rate limiting, bulk operations and mutation timestamps follow it. */
  clock: { now: number };
  close(): Promise<void>;
};

/** The demo shop (320 orders at `now`) on a running stand-in, with a client for it. */
export async function startDemoStandIn(options: {
  now: Date;
  plan?: ShopPlan;
  planLimits?: Partial<Record<ShopPlan, PlanLimit>>;
}): Promise<DemoStandIn> {
  const demo = buildDemoShop({ now: options.now });
  const store = createStore();
  const accessToken = "shpat_demo_stand_in";
  store.addShop({ domain: demo.domain, accessToken, plan: options.plan ?? "standard", shop: demo.shop, locales: demo.locales });
  installAppFunctions(store, demo.domain);
  for (const record of [...demo.products, ...demo.customers, ...demo.orders] as NodeRecord[]) store.upsertNode(demo.domain, record);
  const clock = { now: options.now.getTime() };
  const standIn = await startAdminApiStandIn({ store, now: () => clock.now, ...(options.planLimits ? { planLimits: options.planLimits } : {}) });
  return {
    standIn,
    store,
    demo,
    shop: demo.domain,
    admin: standInAdmin({ origin: standIn.origin, shop: demo.domain, accessToken }),
    clock,
    close: () => standIn.close(),
  };
}
