import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { getResaleCalculation } from "~/modules/resale/calculations.server";
import { renderWorksheetPdf } from "~/modules/resale/worksheet-pdf.server";
import { db } from "~/utils/db.server";
import { pdfResponse } from "~/utils/download.server";

/** The saved worksheet as a PDF, drawn from the calculation exactly as saved. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const calculation = await getResaleCalculation(db(), actor.organisationId, params.calculationId ?? "");
  if (!calculation) throw new Response("Calculation not found", { status: 404 });
  const pdf = await renderWorksheetPdf({
    organisationName: actor.organisationName,
    homeLabel: calculation.homeLabel,
    calculatedAt: calculation.createdAt.toISOString(),
    timeZone: actor.timeZone,
    calculatedBy: calculation.createdByLabel,
    request: calculation.request,
    result: calculation.result,
  });
  return pdfResponse(pdf, `Resale worksheet – ${calculation.homeLabel} – ${calculation.valuationDate}.pdf`);
}
