/**
 * How every route action reads a posted form: `await readFormData(request)`, never `request.formData()`
 * (a lint rule keeps it so). A body that is not a form — no Content-Type, `text/plain`, JSON, a multipart
 * body without its boundary or cut short — is answered with a 4xx and a message, before anything is looked
 * at or changed, instead of the TypeError that `request.formData()` throws (which Remix turns into a 500).
 *
 * The production server refuses such bodies before the app sees them (app/utils/http-guard.server.ts); this
 * is the same rule inside the app, so it holds however the app is served (another adapter, tests, a proxy
 * that rewrites headers).
 */

/** The two encodings a browser uses to send a form. */
export const FORM_CONTENT_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"] as const;

export const NOT_A_FORM_MESSAGE =
  "A form must be sent as application/x-www-form-urlencoded or multipart/form-data. Nothing was changed.";

export const UNREADABLE_FORM_MESSAGE = "The form could not be read (it arrived incomplete or malformed). Nothing was changed: reload the page and send it again.";

/** The media type of a Content-Type header value, lower case, without parameters ("" when absent). */
export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

export function isFormContentType(contentType: string | null | undefined): boolean {
  return (FORM_CONTENT_TYPES as readonly string[]).includes(mediaType(contentType));
}

/**
 * The posted form. Throws a 415 response when the body is not sent as a form, and a 400 response when it
 * says it is one but cannot be parsed.
 */
export async function readFormData(request: Request): Promise<FormData> {
  if (!isFormContentType(request.headers.get("content-type"))) {
    throw new Response(NOT_A_FORM_MESSAGE, {
      status: 415,
      statusText: "Unsupported Media Type",
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  try {
    return await request.formData();
  } catch {
    throw new Response(UNREADABLE_FORM_MESSAGE, {
      status: 400,
      statusText: "Bad Request",
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}
