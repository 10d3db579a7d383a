import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { generateLeaseDocument, renderLeaseDocumentFile } from "~/modules/leases/documents.server";
import { leaseDocumentResponse } from "~/web/responses.server";
import { db } from "~/utils/db.server";

/**
 * The ground lease PDF. A download (GET) only reads: a prefetch or a second click records nothing.
 * POST (the lease page's "Produce and record" button) produces it and records the generation — who, when,
 * template version, sha256 — under "Documents produced".
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  return leaseDocumentResponse(await renderLeaseDocumentFile(db(), actor.organisationId, params.leaseId ?? "", "lease"));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  return leaseDocumentResponse(await generateLeaseDocument(db(), auditActor(actor), params.leaseId ?? "", "lease"));
}
