import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderReportPdf } from "~/modules/reports/report-pdf.server";
import { funderReportSections } from "~/modules/reports/report-tables";
import { formatScreenDate } from "~/utils/calendar-date";
import { pdfResponse } from "~/utils/download.server";
import { funderReportRequest } from "~/web/report-pages.server";

/** One funding source's report as PDF, through the documents toolkit. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, today, report } = await funderReportRequest(request, params.fundingSourceId ?? "");
  const pdf = await renderReportPdf({
    title: `Funder report: ${report.source.funder}`,
    subtitle: `${report.parcel.streetAddress} · as of ${formatScreenDate(today)}`,
    organisationName: actor.organisationName,
    date: today,
    sections: funderReportSections(report, today),
  });
  return pdfResponse(pdf, `Funder report – ${report.source.funder} – ${today}.pdf`);
}
