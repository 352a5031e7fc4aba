// Error reporting. Enabled when SENTRY_DSN is set; a no-op otherwise.
import * as Sentry from "@sentry/node";
import type { AppConfig } from "../config.server";

type InitOptions = Pick<Sentry.NodeOptions, "beforeSend">;

let enabled = false;

export function initErrorReporting(config: Pick<AppConfig, "sentry">, options: InitOptions = {}): boolean {
  if (!config.sentry.dsn) return false;
  Sentry.init({
    dsn: config.sentry.dsn,
    environment: config.sentry.environment,
    tracesSampleRate: 0,
    sendDefaultPii: false,
    ...options,
  });
  enabled = true;
  return true;
}

export type ErrorContext = {
  /** loader, action, job, webhook … */
  source: string;
  shop?: string;
  [detail: string]: unknown;
};

export function reportError(error: unknown, context: ErrorContext): void {
  if (!enabled) return;
  Sentry.withScope((scope) => {
    scope.setTag("source", context.source);
    if (context.shop) scope.setTag("shop", context.shop);
    scope.setExtras(context);
    Sentry.captureException(error);
  });
}

export async function flushErrorReports(timeoutMs = 2000): Promise<void> {
  if (enabled) await Sentry.flush(timeoutMs);
}
