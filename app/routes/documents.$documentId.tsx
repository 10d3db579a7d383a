import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/session.server";
import { readDocument } from "~/modules/stored-documents/stored-documents.server";
import { contentDisposition } from "~/utils/content-disposition";
import { db } from "~/utils/db.server";

/**
 * Download a stored document, authorised like the record it belongs to (stored-documents.server.ts); a
 * document of another trust, or one this person may not read, is "not found". PDFs and images open in the
 * browser; text and CSV download. nosniff and the CSP (set for every response) keep the browser from
 * treating the bytes as anything but their checked type.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const found = await readDocument(db(), actor, params.documentId ?? "");
  if (!found) throw new Response("Document not found", { status: 404 });
  const { document, bytes } = found;
  const inline = document.contentType === "application/pdf" || document.contentType.startsWith("image/");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": document.contentType.startsWith("text/") ? `${document.contentType}; charset=utf-8` : document.contentType,
      "Content-Disposition": contentDisposition(document.name, inline ? "inline" : "attachment"),
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "private, no-store",
      ETag: `"${document.sha256}"`,
    },
  });
}
