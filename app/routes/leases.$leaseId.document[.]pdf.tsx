import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { generateLeaseDocument, pdfResponse } from "~/modules/leases/documents.server";
import { db } from "~/utils/db.server";

/** The ground lease PDF. Each download is a generation, recorded with who, when, template version and hash. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  return pdfResponse(await generateLeaseDocument(db(), auditActor(actor), params.leaseId ?? "", "lease"));
}
