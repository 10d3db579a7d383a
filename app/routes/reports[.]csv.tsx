import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportCsv } from "~/modules/reports/report-csv";
import { periodReportSections } from "~/modules/reports/report-tables";
import { formatScreenDate } from "~/utils/calendar-date";
import { csvResponse } from "~/utils/download.server";
import { badPeriodResponse, periodReportRequest } from "~/web/report-pages.server";

/** The period report as CSV (?from=&to=, as on /reports). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, query, errors, report } = await periodReportRequest(request);
  if (!report) return badPeriodResponse(errors);
  const csv = reportCsv([`${actor.organisationName} — report for ${formatScreenDate(query.from)} to ${formatScreenDate(query.to)}`], periodReportSections(report));
  return csvResponse(csv, `Report ${query.from} to ${query.to}.csv`);
}
