import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { createUserSession } from "~/modules/auth/session.server";
import { handlingDomainErrors } from "~/web/domain-errors.server";

/** Helpers for calling route loaders and actions the way Remix does, with a real session cookie. */
const ORIGIN = "http://localhost";

export async function sessionCookieFor(userId: string, organisationId: string): Promise<string> {
  const setCookie = await createUserSession(new Request(`${ORIGIN}/login`), userId, organisationId);
  return setCookie.split(";")[0]!;
}

export function getRequest(path: string, cookie?: string): Request {
  return new Request(`${ORIGIN}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export function postRequest(path: string, form: Record<string, string | string[]>, options: { cookie?: string; ip?: string } = {}): Request {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  }
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (options.cookie) headers.Cookie = options.cookie;
  if (options.ip) headers["x-commonground-client-ip"] = options.ip;
  return new Request(`${ORIGIN}${path}`, { method: "POST", body, headers });
}

type Handler<A> = (args: A) => unknown;

/**
 * Runs a loader/action as the server does (domain errors answered with their status by the same wrapper,
 * app/web/domain-errors.server.ts); a thrown Response (redirect, 403, 404) is returned rather than thrown.
 */
export async function run<A extends LoaderFunctionArgs | ActionFunctionArgs>(
  handler: Handler<A>,
  request: Request,
  params: Record<string, string> = {},
): Promise<unknown> {
  try {
    return await handlingDomainErrors(handler)({ request, params, context: {} } as A);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

/** The body and status of a `data()` result (single fetch) or a Response. */
export async function unwrap(result: unknown): Promise<{ status: number; body: unknown; headers: Headers }> {
  if (result instanceof Response) {
    const text = await result.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: result.status, body, headers: result.headers };
  }
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const value = result as unknown as { data: unknown; init: ResponseInit | null };
    return { status: value.init?.status ?? 200, body: value.data, headers: new Headers(value.init?.headers) };
  }
  return { status: 200, body: result, headers: new Headers() };
}
