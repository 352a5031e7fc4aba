// The job queue's vocabulary, shared by both backends (app/jobs/queue.server.ts): what a
// handler receives, which errors are worth retrying, and how long to wait before the next try.
// Pure: no I/O. Loaded by Node directly in the crash test, so erasable TypeScript only.

export type JobContext = {
  shop: string;
  jobId: string;
  /** 1 for the first run, 2 for the first retry, … */
  attempt: number;
};

/** Validates its own payload (zod) and throws to fail the attempt. */
export type JobHandler = (payload: unknown, context: JobContext) => Promise<void>;

export type JobHandlers = Record<string, JobHandler>;

export type EnqueueOptions = {
  /** At most one queued job per (shop, name, key); a second enqueue returns null. */
  singletonKey?: string;
  /** Not before this time. */
  runAt?: Date;
  /** Runs in all, first attempt included. */
  maxAttempts?: number;
};

export type StartOptions = {
  /** Jobs run at once (per job name on pg-boss). */
  concurrency?: number;
  /** How often to look for due jobs (pg-boss: at least 500 ms). */
  pollIntervalMs?: number;
};

export const DEFAULT_MAX_ATTEMPTS = 8;

/** Thrown by a handler when retrying cannot help: the job fails at once and is listed for the merchant. */
export class PermanentJobError extends Error {
  readonly permanent = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentJobError";
  }
}

/** The shop uninstalled the app (or its offline session is gone): nothing can be done for it. */
export class ShopUninstalledError extends PermanentJobError {
  readonly shop: string;

  constructor(shop: string) {
    super(`${shop} has uninstalled the app`);
    this.name = "ShopUninstalledError";
    this.shop = shop;
  }
}

/**
 * Whether an error should end the job without retries: our own PermanentJobError (and
 * ShopUninstalledError), the Admin API's permanent answers (AdminApiError.permanent: HTTP
 * 401/402/403/404/423, recognised by shape so this module stays free of I/O imports), and the
 * Shopify library's SessionNotFoundError, which means the shop's offline session was deleted
 * on uninstall. Anything else — network errors, throttling, 5xx, bugs — is retried.
 */
export function isPermanentError(error: unknown): boolean {
  if (error instanceof PermanentJobError) return true;
  if (typeof error !== "object" || error === null) return false;
  if ("permanent" in error && (error as { permanent: unknown }).permanent === true) return true;
  const className = (error as { constructor?: { name?: unknown } }).constructor?.name;
  return className === "SessionNotFoundError" || (error as { name?: unknown }).name === "SessionNotFoundError";
}

export type RetryPolicy = {
  /** Wait before the first retry. */
  baseDelayMs: number;
  /** No wait is longer than this. */
  maxDelayMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

/**
 * How long to wait after failed attempt number `attempt` (1-based): base · 2^(attempt-1),
 * capped, then "equal jitter" — between half and all of it — so that jobs failing together do
 * not retry together. `random` returns [0, 1); tests pass a constant.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const capped = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const unit = Math.min(Math.max(random(), 0), 1);
  return Math.round(capped / 2 + (capped / 2) * unit);
}

const MAX_ERROR_LENGTH = 2000;

/** What is stored and shown for a failed attempt. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? (error.message || error.name) : typeof error === "string" ? error : safeStringify(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Singleton keys are stored scoped by shop, so two shops never block each other's jobs
 * (the Job table's unique key is (name, singletonKey)).
 */
export function scopedSingletonKey(shop: string, key: string): string {
  return `${shop}:${key}`;
}

/** Payloads are stored as JSON text; `undefined` becomes null. */
export function serializePayload(payload: unknown): string {
  return JSON.stringify(payload ?? null);
}

export function parsePayload(text: string): unknown {
  return JSON.parse(text) as unknown;
}
