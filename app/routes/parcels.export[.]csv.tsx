import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { PARCEL_EXPORT_HEADERS, parcelCsvRows } from "~/modules/parcels/csv.server";
import { parcelExportPages } from "~/modules/parcels/parcels.server";
import { parseListQuery } from "~/modules/parcels/schemas";
import { todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { csvStreamResponse } from "~/utils/export-stream.server";

/** The parcel list, with its current filters, as CSV (one row per home; the importer's columns), streamed page by page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const pages = parcelExportPages(db(), actor.organisationId, parseListQuery(new URL(request.url)));
  const date = todayIn(actor.timeZone);
  return csvStreamResponse(PARCEL_EXPORT_HEADERS, pages, parcelCsvRows, `${actor.organisationName} parcels ${date}.csv`);
}
