import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { householdSummary } from "~/modules/households/households.server";
import { renderHomeTodayPdf } from "~/modules/portal/home-today-pdf.server";
import { myHomeToday } from "~/modules/portal/home-today.server";
import { parsePayoff } from "~/modules/portal/payoff";
import { todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { pdfResponse } from "~/utils/download.server";

/** "Your home today" as a PDF (?payoff= as on the page). Only the homeowner's own home. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "own-home:read");
  const today = todayIn(actor.timeZone);
  const payoff = parsePayoff(new URL(request.url).searchParams.get("payoff"));
  if (!payoff.ok) throw new Response(payoff.message, { status: 400 });
  const result = await myHomeToday(db(), actor, today, payoff.cents);
  if (!result) throw new Response("There is no home with a signed lease recorded for your household.", { status: 404 });
  const household = await householdSummary(db(), actor.organisationId, actor.householdId!);
  if (!household) throw new Error("The signed-in homeowner's household is not in their organisation.");
  const pdf = await renderHomeTodayPdf({ ...result, organisationName: actor.organisationName, householdName: household.name });
  return pdfResponse(pdf, `Your home today – ${result.address} – ${today}.pdf`);
}
