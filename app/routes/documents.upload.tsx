import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { auditActor } from "~/modules/audit/audit.server";
import { requireActor } from "~/modules/auth/session.server";
import type { UploadReply } from "~/modules/stored-documents/components";
import { mayReadRecord, storeDocument } from "~/modules/stored-documents/stored-documents.server";
import { isDocumentOwnerType } from "~/modules/stored-documents/types";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { documentMaxBytes } from "~/utils/env.server";
import { can } from "~/utils/permissions";
import { safeRedirect } from "~/utils/safe-redirect";
import { redirectWithToast } from "~/utils/toast.server";

/**
 * POST a document (multipart: ownerType, ownerId, category, file, returnTo). The HTTP guard limits the body to
 * the document limit plus room for the other fields while it arrives (app/utils/http-guard.server.ts); here
 * the file is streamed into the stored-documents module, which counts, hashes and checks it.
 * Staff and admins file documents on any record; a homeowner only proof on their own household's events.
 * Refusals answer 4xx with the message for the field; without JavaScript this route's page shows it.
 */
export const meta: MetaFunction = () => [{ title: "Upload a document · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request);
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readFormData(request);
  const ownerType = String(form.get("ownerType") ?? "");
  const ownerId = String(form.get("ownerId") ?? "");
  const returnTo = safeRedirect(form.get("returnTo"), "/");
  const refuse = (status: number, reply: UploadReply) => data({ ...reply, returnTo }, { status });
  if (!isDocumentOwnerType(ownerType) || !ownerId) return refuse(400, { ok: false, field: "owner", message: "Choose the record the document belongs to." });
  const owner = { ownerType, ownerId };
  const mayRead = await mayReadRecord(db(), actor, owner);
  const mayUpload = can(actor.role, "records:write") || (actor.role === "homeowner" && ownerType === "monitoring_event" && mayRead);
  // a homeowner is not told whether another household's record exists (404, as on every My home page)
  if (!mayUpload) throw new Response(mayRead ? "You may not add documents to this record." : "Not found", { status: mayRead ? 403 : 404 });
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0) {
    return refuse(400, { ok: false, field: "file", message: file && typeof file !== "string" && file.name ? "The file is empty. Choose the file again." : "Choose a file to upload." });
  }
  const result = await storeDocument(db(), auditActor(actor), {
    ...owner,
    category: String(form.get("category") ?? "other"),
    fileName: file.name,
    mimeType: file.type,
    content: file.stream() as unknown as AsyncIterable<Uint8Array>,
    maxBytes: documentMaxBytes(),
  });
  if (!result.ok) return refuse(result.status, { ok: false, field: result.field, message: result.message });
  return redirectWithToast(returnTo, { kind: "success", message: `“${result.document.name}” was stored.` });
}

export default function UploadRefused() {
  const reply = useActionData<typeof action>();
  return (
    <>
      <h1>The document was not stored</h1>
      <p role="alert" className="field-error">
        {reply?.message ?? "Choose a file to upload."}
      </p>
      <p>
        <Link to={reply?.returnTo ?? "/"}>← Back</Link>
      </p>
    </>
  );
}
