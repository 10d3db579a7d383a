import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Per-request memo shared by every loader of one HTTP request, and who is making the request. The server
 * (scripts/server/operations.ts) runs each request inside `runWithRequestContext`; the root loader and the
 * route loader of a page then look the session up once instead of twice. Only GET and HEAD requests memoise:
 * a POST's action may sign in, sign out or switch organisation before the loaders run. Without a context
 * (tests calling loaders directly) nothing is memoised or noted.
 *
 * The storage lives on globalThis because the server bundle and the Remix build each bundle their own copy
 * of this module.
 */
/**
 * Who is reading: the signed-in person (app/modules/auth/session.server.ts) or an API token
 * (app/modules/api-tokens/api-tokens.server.ts). The server's access log reads it.
 */
export type RequestReader =
  | { organisationId: string; userId: string; email: string; role: string }
  | { organisationId: string; apiTokenId: string; apiToken: string };

/** `memo` is null for requests that must not memoise (anything but GET and HEAD). */
export type RequestContext = { memo: Map<string, Promise<unknown>> | null; reader?: RequestReader };
type Store = RequestContext;

const KEY = Symbol.for("commonground.requestContext");
const holder = globalThis as unknown as { [KEY]?: AsyncLocalStorage<Store> };
const storage: AsyncLocalStorage<Store> = (holder[KEY] ??= new AsyncLocalStorage<Store>());

export function newRequestContext(method: string): RequestContext {
  return { memo: method === "GET" || method === "HEAD" ? new Map() : null };
}

/** Runs a request inside `context` (the caller may keep it, to read `reader` when the response is done). */
export function runWithRequestContext<T>(method: string, run: () => T, context: RequestContext = newRequestContext(method)): T {
  return storage.run(context, run);
}

/** Notes who makes this request, for the access log (no effect outside a request context). */
export function noteRequestReader(reader: RequestReader): void {
  const store = storage.getStore();
  if (store) store.reader = reader;
}

/** `compute()` once per request and key (a rejected promise is not kept). */
export function memoForRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const memo = storage.getStore()?.memo;
  if (!memo) return compute();
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    memo.set(key, value);
    value.catch(() => memo.delete(key));
  }
  return value;
}
