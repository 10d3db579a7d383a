/**
 * Where to send a browser after sign-in: only a path on this site. Browsers drop tabs and newlines
 * anywhere in a URL and read a backslash as a slash, so "/\t/evil.example" and "/\\evil.example" both
 * mean "//evil.example" (another site) to them; we normalise the way they do, and also refuse paths whose
 * decoded form starts with two slashes ("/%2F%2Fevil.example"), in case a proxy decodes them.
 */
const BASE = "http://commonground.invalid";

export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string") return fallback;
  // eslint-disable-next-line no-control-regex
  const cleaned = to.replace(/[\u0000-\u001F\u007F]/g, "").trim().replace(/\\/g, "/");
  if (!cleaned.startsWith("/") || cleaned.startsWith("//")) return fallback;
  let decoded = cleaned;
  for (let i = 0; i < 3; i++) {
    try {
      const next = decodeURIComponent(decoded);
      if (next === decoded) break;
      decoded = next;
    } catch {
      return fallback;
    }
  }
  // eslint-disable-next-line no-control-regex
  const decodedClean = decoded.replace(/[\u0000-\u001F\u007F]/g, "").replace(/\\/g, "/");
  if (decodedClean.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(cleaned, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
