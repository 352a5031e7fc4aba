import { loadAdminSchema } from "./schema.ts";
import type { AdminStore, ShopState } from "./store.ts";

export type MutationContext = {
  store: AdminStore;
  shop: ShopState;
  /** Epoch milliseconds from the stand-in's (injectable) clock. */
  now: () => number;
};

/** Returns the payload record, shaped like the mutation's payload type (e.g. `{ node, userErrors }`). */
export type MutationHandler = (args: Record<string, unknown>, ctx: MutationContext) => unknown;

const handlers = new Map<string, MutationHandler>();

/** Registers (or replaces) the handler for a root mutation field; returns a function that removes it. */
export function registerMutation(name: string, handler: MutationHandler): () => void {
  if (!loadAdminSchema().getMutationType()?.getFields()[name]) {
    throw new Error(`"${name}" is not a mutation in the Admin API schema`);
  }
  const previous = handlers.get(name);
  handlers.set(name, handler);
  return () => {
    if (handlers.get(name) !== handler) return;
    if (previous) handlers.set(name, previous);
    else handlers.delete(name);
  };
}

export function getMutationHandler(name: string): MutationHandler | undefined {
  return handlers.get(name);
}
