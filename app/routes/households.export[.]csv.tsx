import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { HOUSEHOLD_EXPORT_HEADERS } from "~/modules/households/csv";
import { householdCsvPages } from "~/modules/households/csv.server";
import { parseHouseholdFilters } from "~/modules/households/schemas";
import { todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { csvStreamResponse } from "~/utils/export-stream.server";

/** The (filtered) household list as CSV: same search, sort and archived filter as the list page, streamed page by page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const pages = householdCsvPages(db(), actor.organisationId, parseHouseholdFilters(new URL(request.url)));
  const date = todayIn(actor.timeZone);
  return csvStreamResponse(HOUSEHOLD_EXPORT_HEADERS, pages, (rows) => rows, `${actor.organisationName} households ${date}.csv`);
}
