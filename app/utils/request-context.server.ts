import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Per-request memo shared by every loader of one HTTP request. The server (scripts/server/operations.ts) runs
 * each request inside `runWithRequestContext`; the root loader and the route loader of a page then look the
 * session up once instead of twice. Only GET and HEAD requests memoise: a POST's action may sign in, sign
 * out or switch organisation before the loaders run. Without a context (tests calling loaders directly)
 * nothing is memoised.
 *
 * The storage lives on globalThis because the server bundle and the Remix build each bundle their own copy
 * of this module.
 */
type Store = { memo: Map<string, Promise<unknown>> };

const KEY = Symbol.for("commonground.requestContext");
const holder = globalThis as unknown as { [KEY]?: AsyncLocalStorage<Store> };
const storage: AsyncLocalStorage<Store> = (holder[KEY] ??= new AsyncLocalStorage<Store>());

export function runWithRequestContext<T>(method: string, run: () => T): T {
  if (method !== "GET" && method !== "HEAD") return run();
  return storage.run({ memo: new Map() }, run);
}

/** `compute()` once per request and key (a rejected promise is not kept). */
export function memoForRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const store = storage.getStore();
  if (!store) return compute();
  let value = store.memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    store.memo.set(key, value);
    value.catch(() => store.memo.delete(key));
  }
  return value;
}
