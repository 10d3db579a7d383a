import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of this response (app/utils/http-guard.server.ts makes one per request),
 * given to Remix's inline scripts. Empty in the browser, which hides nonces from the page after loading.
 */
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
