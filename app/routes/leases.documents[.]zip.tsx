import type { ActionFunctionArgs } from "@remix-run/node";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { buildLeaseDocumentsZip } from "~/modules/leases/bulk.server";
import { contentDisposition } from "~/utils/content-disposition";
import { db } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { todayIn } from "~/utils/calendar-date";

/** POST leaseId=…&leaseId=… → a ZIP of their lease documents (the list page's no-JavaScript bulk download). */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const form = await request.formData();
  const ids = form.getAll("leaseId").map(String).filter(Boolean);
  if (ids.length === 0) return redirectWithToast("/leases", { kind: "error", message: "Select at least one lease to download." });
  const kind = form.get("kind") === "memorandum" ? "memorandum" : "lease";
  const result = await buildLeaseDocumentsZip(db(), auditActor(actor), ids, kind);
  const filename = `ground leases ${todayIn(actor.timeZone)}.zip`;
  return new Response(Buffer.from(result.zip), {
    headers: { "Content-Type": "application/zip", "Content-Disposition": contentDisposition(filename), "Cache-Control": "private, no-store" },
  });
}

export async function loader() {
  return new Response("Use the lease list to choose leases.", { status: 405, headers: { Allow: "POST" } });
}
