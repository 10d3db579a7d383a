import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { BOARD_CSV_HEADERS, boardCsvRows, boardRoster } from "~/modules/governance/board.server";
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
  return csvResponse(toCsv(BOARD_CSV_HEADERS, boardCsvRows(await boardRoster(db(), actor.organisationId, date))), `board-roster-${date}.csv`);
}
