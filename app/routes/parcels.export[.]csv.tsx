import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { parcelsToCsv } from "~/modules/parcels/csv.server";
import { exportParcels } from "~/modules/parcels/parcels.server";
import { parseListQuery } from "~/modules/parcels/schemas";
import { db } from "~/utils/db.server";
import { csvResponse } from "~/utils/download.server";
import { todayIn } from "~/utils/calendar-date";

/** The parcel list, with its current filters, as CSV (one row per home; the importer's columns). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const parcels = await exportParcels(db(), actor.organisationId, parseListQuery(new URL(request.url)));
  const date = todayIn(actor.timeZone);
  return csvResponse(parcelsToCsv(parcels), `${actor.organisationName} parcels ${date}.csv`);
}
