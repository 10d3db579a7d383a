import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { memberRoll, ROLL_CSV_HEADERS, rollCsvRows } from "~/modules/governance/members.server";
import { toCsv } from "~/utils/csv";
import { todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { csvResponse } from "~/utils/download.server";
import { isCalendarDate } from "~/utils/calendar-date";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "governance:read");
  const requested = new URL(request.url).searchParams.get("date")?.trim() ?? "";
  if (requested && !isCalendarDate(requested)) throw new Response("Use a real date in the form YYYY-MM-DD.", { status: 400 });
  const date = requested || todayIn(actor.timeZone);
  const roll = await memberRoll(db(), actor.organisationId, date);
  return csvResponse(toCsv(ROLL_CSV_HEADERS, rollCsvRows(roll)), `member-roll-${date}.csv`);
}
