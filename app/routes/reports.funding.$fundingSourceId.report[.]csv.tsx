import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportCsv } from "~/modules/reports/report-csv";
import { funderReportSections } from "~/modules/reports/report-tables";
import { formatScreenDate } from "~/utils/calendar-date";
import { csvResponse } from "~/utils/download.server";
import { funderReportRequest } from "~/web/report-pages.server";

/** One funding source's report as CSV. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, today, report } = await funderReportRequest(request, params.fundingSourceId ?? "");
  const csv = reportCsv([`${actor.organisationName} — funder report: ${report.source.funder}, as of ${formatScreenDate(today)}`], funderReportSections(report, today));
  return csvResponse(csv, `Funder report – ${report.source.funder} – ${today}.csv`);
}
