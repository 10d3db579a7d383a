import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { defaultNoticeLetter } from "~/modules/stewardship-decisions/defaults.server";
import { renderLetter } from "~/modules/stewardship-decisions/letter-pdf.server";
import { db } from "~/utils/db.server";
import { pdfResponse } from "~/utils/download.server";

/** The notice of default to the homeowners, with the copies to permitted mortgagees listed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const letter = await defaultNoticeLetter(db(), actor.organisationId, params.defaultId ?? "");
  if (!letter) throw new Response("Default not found", { status: 404 });
  return pdfResponse(await renderLetter(letter), `notice of default ${letter.date}.pdf`, { disposition: "inline" });
}
