import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { generateLeaseDocument, pdfResponse } from "~/modules/leases/documents.server";
import { db } from "~/utils/db.server";

/** The memorandum of ground lease (for county recording). Each download is recorded like the lease's. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  return pdfResponse(await generateLeaseDocument(db(), auditActor(actor), params.leaseId ?? "", "memorandum"));
}
