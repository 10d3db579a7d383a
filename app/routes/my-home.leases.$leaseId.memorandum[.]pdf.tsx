import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { renderLeaseDocumentFile } from "~/modules/leases/documents.server";
import { leaseDocumentResponse } from "~/web/responses.server";
import { isMyLease } from "~/modules/portal/my-home.server";
import { db } from "~/utils/db.server";

/** The homeowner's own memorandum of lease as a PDF; another household's lease, or a draft, is not found. Only reads. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "own-home:read");
  const leaseId = params.leaseId ?? "";
  if (!(await isMyLease(db(), actor, leaseId))) throw new Response("Lease not found", { status: 404 });
  return leaseDocumentResponse(await renderLeaseDocumentFile(db(), actor.organisationId, leaseId, "memorandum"));
}
