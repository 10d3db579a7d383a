import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { statementData } from "~/modules/lease-fees/ledger.server";
import { renderStatementPdf } from "~/modules/lease-fees/statement-pdf.server";
import { isCalendarDate, todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { pdfResponse } from "~/utils/download.server";

/** A homeowner's lease-fee statement for a period (?from=YYYY-MM-DD&to=YYYY-MM-DD; default: this year to date). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const url = new URL(request.url);
  const today = todayIn(actor.timeZone);
  const from = url.searchParams.get("from") || `${today.slice(0, 4)}-01-01`;
  const to = url.searchParams.get("to") || today;
  if (!isCalendarDate(from) || !isCalendarDate(to)) throw new Response("Give the period as real dates, YYYY-MM-DD.", { status: 400 });
  if (from > to) throw new Response("The period's start must not be after its end.", { status: 400 });
  // a LeaseFeeError (not found) is a domain error: the server answers it with its status
  const statement = await statementData(db(), auditActor(actor), params.householdId ?? "", from, to, today);
  const pdf = await renderStatementPdf(statement, today);
  return pdfResponse(pdf, `Lease-fee statement – ${statement.householdName} – ${from} to ${to}.pdf`);
}
