import { PassThrough } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { RemixServer } from "@remix-run/react";
import {
  createReadableStreamFromReadable,
  type ActionFunctionArgs,
  type EntryContext,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { isbot } from "isbot";
import { getConfig } from "./config.server";
import { addDocumentResponseHeaders } from "./shopify.server";
import { initErrorReporting, reportError } from "./observability/sentry.server";
import { setLogLevel, log } from "./observability/log.server";
import { getJobQueue, startJobRuntime, stopJobRuntime } from "./jobs/runtime.server";
import { closeMailTransports } from "./messages/mailer.server";
import { appJobHandlers, appSchedules, backfillDemoShopOnce } from "./jobs/app-jobs.server";

const config = getConfig();
setLogLevel(config.logLevel);
initErrorReporting(config);

// Job workers run in the web process unless JOBS_IN_PROCESS=0 (tests start their own).
if (config.jobsInProcess && config.nodeEnv !== "test") {
  const queue = getJobQueue();
  startJobRuntime(appJobHandlers(queue), { schedules: appSchedules, concurrency: 4 })
    .then(() => backfillDemoShopOnce(queue))
    .catch((error: unknown) => {
      log.error("job runtime did not start", { error: String(error) });
      reportError(error, { source: "job-runtime" });
    });
}

// remix-serve closes its HTTP server on these signals; the queue (workers, or only the
// connection used to enqueue) finishes its running jobs and stops, so the process can exit.
if (config.nodeEnv !== "test") {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      stopJobRuntime()
        .then(closeMailTransports)
        .catch((error: unknown) => log.error("job runtime did not stop cleanly", { error: String(error) }));
    });
  }
}

export const streamTimeout = 5000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  addDocumentResponseHeaders(request, responseHeaders);
  const userAgent = request.headers.get("user-agent");
  const callbackName = isbot(userAgent ?? "") ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} />,
      {
        [callbackName]: () => {
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error) {
          reject(error);
        },
        onError(error) {
          responseStatusCode = 500;
          reportError(error, { source: "render", url: request.url });
          console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

/** Errors thrown by loaders and actions (not thrown Responses) reach error reporting. */
export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs): void {
  if (request.signal.aborted) return;
  const url = new URL(request.url);
  reportError(error, { source: request.method === "GET" ? "loader" : "action", path: url.pathname, shop: url.searchParams.get("shop") ?? undefined });
  console.error(error);
}
