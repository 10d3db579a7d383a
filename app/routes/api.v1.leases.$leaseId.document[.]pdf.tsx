import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticateApiRequest } from "~/modules/api-tokens/api-tokens.server";
import { renderLeaseDocumentFile } from "~/modules/leases/documents.server";
import { leaseDocumentResponse, unauthorizedResponse } from "~/web/responses.server";
import { db } from "~/utils/db.server";

/**
 * GET /api/v1/leases/:leaseId/document.pdf with `Authorization: Bearer <token>`; `?kind=memorandum` for the
 * memorandum. 401 JSON without a valid token, 404 JSON for a lease of another organisation, 400 JSON when
 * the lease lacks data a document needs.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const client = await authenticateApiRequest(db(), request);
  if (!client) return unauthorizedResponse();
  const kind = new URL(request.url).searchParams.get("kind") === "memorandum" ? "memorandum" : "lease";
  // a GET reads: the document is rendered, nothing is recorded (docs/leases.md)
  const result = await renderLeaseDocumentFile(db(), client.organisationId, params.leaseId ?? "", kind);
  if (!result.ok) {
    return Response.json(
      result.status === 404 ? { error: "not-found", message: "No lease with this id in your organisation." } : { error: "incomplete-lease", message: "No document was produced.", errors: result.errors },
      { status: result.status },
    );
  }
  return leaseDocumentResponse(result);
}
