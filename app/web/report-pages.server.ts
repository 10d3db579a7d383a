import { parseWithZod } from "@conform-to/zod";
import { requirePermission } from "~/modules/auth/session.server";
import { loadFunderReport, loadPeriodReport } from "~/modules/reports/reports.server";
import { periodQuery, ReportPeriodSchema } from "~/modules/reports/period";
import { todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { NotFoundError } from "~/utils/errors";

/**
 * What the report page and its CSV and PDF share: the signed-in reader, the trust's today, the period read from
 * the address (blank: this year to date) and, when the period is valid, the report. An invalid period comes back
 * as field errors (`report` null); the page shows them beside the fields with a 400, the downloads answer 400.
 */
export async function periodReportRequest(request: Request) {
  const actor = await requirePermission(request, "reports:read");
  const today = todayIn(actor.timeZone);
  const query = periodQuery(new URL(request.url).searchParams, today);
  const submission = parseWithZod(query, { schema: ReportPeriodSchema });
  if (submission.status !== "success") {
    return { actor, today, query: { from: query.get("from") ?? "", to: query.get("to") ?? "" }, errors: submission.reply().error ?? {}, report: null };
  }
  const report = await loadPeriodReport(db(), actor.organisationId, submission.value, today);
  return { actor, today, query: submission.value, errors: {} as Record<string, string[] | null>, report };
}

export function badPeriodResponse(errors: Record<string, string[] | null>): Response {
  const message = Object.values(errors).flatMap((e) => e ?? [])[0] ?? "Give the period as two dates";
  return new Response(`The report's period is not valid: ${message}.`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** A funder report, or a 404 when the trust has no such funding source. */
export async function funderReportRequest(request: Request, fundingSourceId: string) {
  const actor = await requirePermission(request, "reports:read");
  const report = await loadFunderReport(db(), actor.organisationId, fundingSourceId);
  if (!report) throw new NotFoundError("Funding source not found");
  return { actor, today: todayIn(actor.timeZone), report };
}
