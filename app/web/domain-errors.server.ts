import { redirect, type ServerBuild } from "@remix-run/node";
import { isDomainError, isSignInRequired } from "~/utils/errors";

/**
 * The one place domain errors (app/utils/errors.ts) become HTTP answers: not found → 404, conflict → 409,
 * invalid → 400, forbidden → 403 (a plain-text body with the message, which the route's error boundary shows),
 * and "sign in first" → a redirect to /login that comes back to the page.
 *
 * The server applies it to every route's loader and action (`withDomainErrors(build)` in scripts/serve.ts), so
 * a route lets a module's error pass and gets the right status. A route that wants the message beside a field
 * catches the error itself (`submission.reply(formErrorsOf(error))`, app/utils/errors.ts).
 */
const STATUS_TEXT: Record<number, string> = { 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 409: "Conflict" };

export function domainErrorResponse(error: unknown): Response | null {
  if (isSignInRequired(error)) return redirect(`/login?${new URLSearchParams({ redirectTo: error.returnTo })}`);
  if (isDomainError(error)) {
    return new Response(error.message, {
      status: error.status,
      statusText: STATUS_TEXT[error.status],
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return null;
}

/** A loader or action whose domain errors are thrown as their HTTP answers. */
export function handlingDomainErrors<A extends unknown[], R>(handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      const response = domainErrorResponse(error);
      if (response) throw response;
      throw error;
    }
  };
}

/** The server build with every route's loader and action wrapped by `handlingDomainErrors`. */
export function withDomainErrors(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const module = { ...route.module };
    if (module.loader) module.loader = handlingDomainErrors(module.loader);
    if (module.action) module.action = handlingDomainErrors(module.action);
    routes[id] = { ...route, module };
  }
  return { ...build, routes };
}
