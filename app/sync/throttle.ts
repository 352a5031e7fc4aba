// Pacing Admin API calls against Shopify's leaky bucket (extensions.cost.throttleStatus):
// wait until the next query's points are back, and back off when THROTTLED anyway.

export type ThrottleStatus = { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };

export const MAX_BACKOFF_MS = 30_000;
const FIRST_BACKOFF_MS = 1_000;

/** How long until `cost` points are available (0 when they already are). */
export function msUntilAvailable(status: ThrottleStatus, cost: number): number {
  const missing = Math.min(cost, status.maximumAvailable) - status.currentlyAvailable;
  if (missing <= 0) return 0;
  return Math.ceil((missing / Math.max(status.restoreRate, 1)) * 1000);
}

/**
 * The wait after a THROTTLED answer: until the refused query's points are back when the
 * answer says how many are left, otherwise exponential from one second; capped.
 */
export function throttledBackoffMs(attempt: number, status: ThrottleStatus | null, requestedCost: number | null): number {
  const refill = status && requestedCost !== null ? msUntilAvailable(status, requestedCost) : 0;
  const wait = refill > 0 ? refill : FIRST_BACKOFF_MS * 2 ** attempt;
  return Math.min(wait, MAX_BACKOFF_MS);
}
