import { randomUUID } from "node:crypto";

/**
 * The request id set by scripts/serve.ts on every request (header x-request-id). Logged with unexpected
 * errors and shown on the error page so staff can quote it.
 */
export function requestId(request: Request): string {
  return request.headers.get("x-request-id") ?? "";
}

export function newRequestId(): string {
  return randomUUID().slice(0, 8);
}

/** The client address the server resolved (it overwrites any client-sent x-commonground-client-ip). */
export function clientAddress(request: Request): string {
  return request.headers.get("x-commonground-client-ip") ?? "unknown";
}
