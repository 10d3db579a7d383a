import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { CSP_NONCE_HEADER } from "~/utils/http-guard.server";
import { NonceProvider } from "~/utils/nonce";
import { requestId } from "~/utils/request.server";

const ABORT_DELAY = 5_000;

/** Unexpected errors are logged once, with the request id the error page shows. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (error instanceof Response) return;
  // 4xx route errors (no such page, thrown 403/404 responses) are answers, not faults
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === "number" && status < 500) return;
  // one JSON line, like the server's request log (scripts/server/operations.ts)
  console.error(
    JSON.stringify({
      time: new Date().toISOString(),
      level: "error",
      msg: "unexpected error",
      requestId: requestId(request) || undefined,
      method: request.method,
      path: new URL(request.url).pathname,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }),
  );
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  // the server (scripts/serve.ts) puts this response's Content-Security-Policy nonce in a request header
  const nonce = request.headers.get(CSP_NONCE_HEADER) ?? "";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce || undefined} />
      </NonceProvider>,
      {
        nonce: nonce || undefined,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/** Called by the server once it listens (scripts/server/operations.ts `warmUp`). */
export { warmUpDocuments as warmUp } from "~/modules/leases/warm-up.server";
