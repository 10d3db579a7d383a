import type { RenderResult } from "~/modules/leases/documents.server";
import { pdfResponse } from "~/utils/download.server";

/**
 * HTTP answers shared by several routes. Modules return results (app/utils/errors.ts explains the convention);
 * the routes and this web layer turn them into Responses.
 */

/** The JSON 401 every API route answers without a valid token. */
export function unauthorizedResponse(): Response {
  return Response.json(
    { error: "unauthorized", message: "Send a valid API token: Authorization: Bearer <token>. Admins create tokens under Settings → API tokens." },
    { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="commonground"' } },
  );
}

/** The HTTP response for a generated lease document (or a plain-text 400/404 explaining why there is none). */
export function leaseDocumentResponse(result: RenderResult): Response {
  if (!result.ok) {
    return new Response(`No document was produced:\n${result.errors.map((e) => `- ${e}`).join("\n")}\n`, {
      status: result.status,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return pdfResponse(result.pdf, result.filename, { headers: { "X-Content-SHA256": result.sha256 } });
}
