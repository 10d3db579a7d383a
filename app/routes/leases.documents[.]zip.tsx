import type { ActionFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { buildLeaseDocumentsZip, maxBulkLeases } from "~/modules/leases/bulk.server";
import { BULK_CHOICES, isBulkChoice } from "~/modules/leases/document-kinds";
import { contentDisposition } from "~/utils/content-disposition";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { todayIn } from "~/utils/calendar-date";
import { readFormData } from "~/utils/form-data.server";

/**
 * POST leaseId=…&leaseId=…&kind=lease|memorandum|both → a ZIP of their ground leases, memoranda or both (the list
 * page's no-JavaScript bulk download).
 * A download, so nothing is recorded; a viewer may take at most MAX_BULK_LEASES_VIEWER leases at a time.
 */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const form = await readFormData(request);
  const ids = form.getAll("leaseId").map(String).filter(Boolean);
  if (ids.length === 0) return redirectWithToast("/leases", { kind: "error", message: "Select at least one lease to download." });
  const limit = maxBulkLeases(actor.role);
  if (new Set(ids).size > limit) {
    return redirectWithToast("/leases", { kind: "error", message: `Select at most ${limit} leases for one ZIP.` });
  }
  // which documents: the ground leases (the default), their memoranda, or both
  const kind = form.get("kind") ?? "lease";
  if (!isBulkChoice(kind)) return redirectWithToast("/leases", { kind: "error", message: "Choose which documents to download: ground leases, memoranda or both." });
  const choice = BULK_CHOICES[kind];
  const result = await buildLeaseDocumentsZip(db(), actor.organisationId, ids, choice.kinds, { limit });
  const filename = `${choice.zipName} ${todayIn(actor.timeZone)}.zip`;
  return new Response(Buffer.from(result.zip), {
    headers: { "Content-Type": "application/zip", "Content-Disposition": contentDisposition(filename), "Cache-Control": "private, no-store" },
  });
}

export async function loader() {
  return new Response("Use the lease list to choose leases.", { status: 405, headers: { Allow: "POST" } });
}
