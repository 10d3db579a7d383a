import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderReportPdf } from "~/modules/reports/report-pdf.server";
import { periodReportSections } from "~/modules/reports/report-tables";
import { formatScreenDate } from "~/utils/calendar-date";
import { pdfResponse } from "~/utils/download.server";
import { badPeriodResponse, periodReportRequest } from "~/web/report-pages.server";

/** The period report as PDF (?from=&to=, as on /reports), through the documents toolkit. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, today, query, errors, report } = await periodReportRequest(request);
  if (!report) return badPeriodResponse(errors);
  const pdf = await renderReportPdf({
    title: "Report",
    subtitle: `Period ${formatScreenDate(query.from)} – ${formatScreenDate(query.to)} · prepared ${formatScreenDate(today)}`,
    organisationName: actor.organisationName,
    date: today,
    sections: periodReportSections(report),
  });
  return pdfResponse(pdf, `Report ${query.from} to ${query.to}.pdf`);
}
