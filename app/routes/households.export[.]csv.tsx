import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { exportHouseholdsCsv } from "~/modules/households/csv.server";
import { parseHouseholdFilters } from "~/modules/households/schemas";
import { db } from "~/utils/db.server";
import { csvResponse } from "~/utils/download.server";
import { todayIn } from "~/utils/calendar-date";

/** The (filtered) household list as CSV: same search, sort and archived filter as the list page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const filters = parseHouseholdFilters(new URL(request.url));
  const csv = await exportHouseholdsCsv(db(), actor.organisationId, filters);
  const date = todayIn(actor.timeZone);
  const filename = `${actor.organisationName} households ${date}.csv`;
  return csvResponse(csv, filename);
}
