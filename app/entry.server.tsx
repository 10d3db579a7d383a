import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
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

/**
 * Renders the whole document before answering and sends it as one body with its length. No page defers data
 * (every loader returns its data whole), so streaming the shell first only split one page into many small
 * socket writes (chunked encoding, a write per chunk): about a tenth of a page's server time
 * (docs/benchmarks.md, fifth pass). Waiting for everything is what React does for bots anyway.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  // the server (scripts/serve.ts) puts this response's Content-Security-Policy nonce in a request header
  const nonce = request.headers.get(CSP_NONCE_HEADER) ?? "";
  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    const chunks: Buffer[] = [];
    const body = new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
        callback();
      },
      final(callback) {
        callback();
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        const html = Buffer.concat(chunks);
        responseHeaders.set("Content-Length", String(html.byteLength));
        resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce || undefined} />
      </NonceProvider>,
      {
        nonce: nonce || undefined,
        onAllReady() {
          pipe(body);
        },
        onShellError(error: unknown) {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // a render error after the shell is logged here; one before it goes to onShellError (and handleError)
          if (settled) console.error(error);
        },
      },
    );
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}

/** Called by the server once it listens (scripts/server/operations.ts `warmUp`). */
export { warmUpDocuments as warmUp } from "~/modules/leases/warm-up.server";
