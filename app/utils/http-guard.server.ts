import { AsyncResource } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import type { NextFunction, Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { documentMaxBytes } from "./env.server";
import { isFormContentType, NOT_A_FORM_MESSAGE } from "./form-data.server";

/**
 * What the HTTP server checks before the app sees a request (scripts/serve.ts wires these in; the why is in
 * docs/decisions/007-csp-and-request-limits.md):
 *
 * - `securityHeaders`: on every response — pages, data requests, CSV, PDF, static files — a strict
 *   Content-Security-Policy whose script nonce is new for each request (entry.server.tsx reads it from the
 *   `x-commonground-csp-nonce` request header, which this overwrites whatever a client sent), no framing,
 *   nosniff, a referrer policy, and — when the request came over HTTPS, directly or via a trusted proxy
 *   (TRUST_PROXY=true) — HSTS and the Secure flag on every cookie.
 * - `guardRequests(handler)`: for requests that carry a body, refuses a form sent from another site (403), a
 *   form without a form content type (415; the app's actions refuse it too, app/utils/form-data.server.ts), and any body larger than its route kind allows (413) — counted
 *   while it streams, so a body without Content-Length (chunked) is never held in memory beyond the limit:
 *   past it, the rest is read and dropped and the 413 sent once the client has finished sending. Only a
 *   body within its limit reaches `handler` (the Remix request handler), replayed from the bytes read. Before
 *   that, for every method, it answers a request for Remix's older data format (`?_data=…`) with 400: the app
 *   uses single fetch (`…/page.data`, remix.config.js), and Remix, still answering `?_data`, logged each one as
 *   an unexpected error and failed with its own 403 or 500 (an unknown route id, a loader that returns nothing).
 */

export const CSP_NONCE_HEADER = "x-commonground-csp-nonce";

const KB = 1024;
const MB = 1024 * KB;

/** The body limits by route kind: uploads (CSV/JSON imports), the JSON API, and every other form. */
export const BODY_LIMITS = {
  upload: { bytes: 12 * MB, what: "An uploaded file may be at most 10 MB. Split it into smaller files." },
  api: { bytes: 1 * MB, what: "The request body must be at most 1 MB." },
  form: { bytes: 1 * MB, what: "The form is too large to accept (at most 1 MB)." },
} as const;

/**
 * Stored-document uploads: the document limit (DOCUMENT_MAX_MB, default 20 MB) plus 1 MB for the form's
 * other fields and the multipart framing. A file just over the limit reaches the upload action, which says so
 * next to the field; one far over it is refused here with this message, without being held in memory.
 */
export function documentBodyLimit(maxBytes: number = documentMaxBytes()): { bytes: number; what: string } {
  const mb = Math.round(maxBytes / MB);
  return { bytes: maxBytes + 1 * MB, what: `A document may be at most ${mb} MB. Scan it at a lower resolution or split it into parts.` };
}

export type RouteKind = keyof typeof BODY_LIMITS | "document";

const UPLOAD_PATHS = new Set(["/parcels/import", "/households/import", "/settings/income-limits/import"]);
const DOCUMENT_PATHS = new Set(["/documents/upload"]);

export function routeKind(path: string): RouteKind {
  const normalised = path.replace(/\/+$/, "") || "/";
  if (normalised.startsWith("/api/")) return "api";
  if (UPLOAD_PATHS.has(normalised)) return "upload";
  if (DOCUMENT_PATHS.has(normalised)) return "document";
  return "form";
}

/**
 * After refusing a body we keep reading (and dropping) up to this much more and answer when the client has
 * finished sending: a client still sending often fails to read an early answer (Node's server closes the
 * connection after answering an unfinished request, and the client's next write fails first). Past it we
 * answer and hang up.
 */
const DRAIN_BYTES = 256 * MB;

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // React renders a few style="" attributes (bar widths, grid columns); styles cannot run code
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

export function securityHeaders(req: ExpressRequest, res: ExpressResponse, next: NextFunction): void {
  const nonce = randomBytes(16).toString("base64");
  req.headers[CSP_NONCE_HEADER] = nonce;
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (req.secure) {
    res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    secureCookies(res);
  }
  next();
}

/** Over HTTPS every cookie this response sets is marked Secure, whatever COOKIE_SECURE says. */
function secureCookies(res: ExpressResponse): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name: string, value: number | string | readonly string[]) => {
    if (name.toLowerCase() !== "set-cookie") return setHeader(name, value);
    const mark = (cookie: string) => (/;\s*secure\s*(;|$)/i.test(cookie) ? cookie : `${cookie}; Secure`);
    return setHeader(name, typeof value === "number" ? value : typeof value === "string" ? mark(value) : value.map(mark));
  };
}

/** A refusal in plain words; as JSON for the API, whose clients read `{ error, message }`. */
function refuse(res: ExpressResponse, status: number, message: string, kind: RouteKind = "form"): void {
  if (res.headersSent) return;
  res.status(status).set("Cache-Control", "no-store");
  if (kind === "api") {
    res.json({ error: status === 413 ? "payload-too-large" : "refused", message });
  } else {
    res.type("text/plain; charset=utf-8").send(message);
  }
}

/** The hosts this request may legitimately come from (the Host header, and X-Forwarded-Host behind a trusted proxy). */
function ownHosts(req: ExpressRequest): string[] {
  const hosts = [req.get("host") ?? ""];
  const forwarded = req.get("x-forwarded-host");
  if (forwarded && req.app.get("trust proxy")) hosts.push(forwarded.split(",")[0]!.trim());
  return hosts.filter(Boolean).map((h) => h.toLowerCase());
}

/** A form sent by another web site (cross-site request forgery), judged by Origin, or Sec-Fetch-Site when Origin is absent. */
export function isCrossSite(req: ExpressRequest): boolean {
  const origin = req.get("origin");
  if (origin !== undefined) {
    if (origin === "null") return true;
    try {
      return !ownHosts(req).includes(new URL(origin).host.toLowerCase());
    } catch {
      return true;
    }
  }
  return req.get("sec-fetch-site") === "cross-site";
}

function hasBody(req: ExpressRequest): boolean {
  return req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS";
}

/**
 * The request as `handler` sees it: everything from `req`, except that its body stream is a replay of the
 * bytes already read (the Remix adapter reads the body from the request object's stream methods).
 */
function withBody(req: ExpressRequest, body: Buffer): ExpressRequest {
  const replay = new PassThrough();
  replay.end(body);
  const streamMembers = new Set<PropertyKey>([
    "on", "once", "off", "addListener", "removeListener", "removeAllListeners", "emit", "pause", "resume",
    "read", "pipe", "unpipe", "destroy", "readable", "readableEnded", "readableHighWaterMark", "readableFlowing",
    "isPaused", "destroyed", Symbol.asyncIterator,
  ]);
  return new Proxy(req, {
    get(target, property) {
      const source: object = streamMembers.has(property) ? replay : target;
      const value: unknown = Reflect.get(source, property, source);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(source) : value;
    },
  });
}

export const DATA_REQUEST_MESSAGE = "This address does not answer “?_data=” requests (an older Remix data format). Open it without “?_data=”.";

/** A request in Remix's older data format: what Remix itself checks (`url.searchParams.has("_data")`). */
export function isLegacyDataRequest(req: ExpressRequest): boolean {
  const query = req.originalUrl.indexOf("?");
  return query !== -1 && new URLSearchParams(req.originalUrl.slice(query + 1)).has("_data");
}

export function guardRequests(handler: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const legacyData = isLegacyDataRequest(req);
    if (!hasBody(req)) {
      if (legacyData) refuse(res, 400, DATA_REQUEST_MESSAGE, routeKind(req.path));
      else void handler(req, res, next);
      return;
    }
    const kind = routeKind(req.path);
    const limit = kind === "document" ? documentBodyLimit() : BODY_LIMITS[kind];
    // the body's events arrive outside this request's async context (app/utils/request-context.server.ts):
    // bound here, the handler runs inside it
    const handOn = AsyncResource.bind((body: Buffer) => void handler(withBody(req, body), res, next));
    // the refusal, once decided: its body is read and dropped, and the answer sent when the client has
    // finished sending (a client still sending may not read an early answer) or after DRAIN_BYTES more
    let refusal: { status: number; message: string } | null = legacyData ? { status: 400, message: DATA_REQUEST_MESSAGE } : null;
    if (!refusal && kind !== "api") {
      if (isCrossSite(req)) {
        refusal = { status: 403, message: "This form was sent from another web site, so it was not accepted. Open Commonground directly and try again." };
      } else if (!isFormContentType(req.get("content-type"))) {
        refusal = { status: 415, message: NOT_A_FORM_MESSAGE };
      }
    }
    const declared = Number(req.get("content-length") ?? "0");
    if (!refusal && Number.isFinite(declared) && declared > limit.bytes) {
      // declared too large: answered at once, without reading (clients that announce a size expect this)
      refusal = { status: 413, message: limit.what };
      refuse(res, refusal.status, refusal.message, kind);
    }
    let received = 0;
    let chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (refusal) {
        if (received > limit.bytes + DRAIN_BYTES && !res.headersSent) {
          res.set("Connection", "close");
          refuse(res, refusal.status, refusal.message, kind);
          res.once("finish", () => req.socket.destroy());
        }
        return;
      }
      if (received > limit.bytes) {
        refusal = { status: 413, message: limit.what };
        chunks = [];
        return;
      }
      chunks.push(chunk);
    });
    req.once("error", () => {
      chunks = [];
    });
    req.once("end", () => {
      if (res.headersSent) return;
      if (refusal) {
        refuse(res, refusal.status, refusal.message, kind);
        return;
      }
      handOn(Buffer.concat(chunks));
    });
  };
}
