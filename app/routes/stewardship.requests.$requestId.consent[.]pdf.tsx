import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { renderLetter } from "~/modules/stewardship-decisions/letter-pdf.server";
import { refinanceConsentLetter } from "~/modules/stewardship-decisions/requests.server";
import { db } from "~/utils/db.server";
import { pdfResponse } from "~/utils/download.server";

/** The lender's consent letter of an approved refinance. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const letter = await refinanceConsentLetter(db(), actor.organisationId, params.requestId ?? "");
  if (!letter) throw new Response("No approved refinance with this id.", { status: 404 });
  return pdfResponse(await renderLetter(letter), `consent to refinance ${letter.re[0]?.split(",")[0] ?? ""}.pdf`, { disposition: "inline" });
}
