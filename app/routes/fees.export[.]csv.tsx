import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { bookkeepingCsv } from "~/modules/lease-fees/ledger.server";
import { isCalendarDate, todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { csvResponse } from "~/utils/download.server";

/** The bookkeeping export: every ledger entry dated in ?from … ?to as a double-entry line with the trust's account codes. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const url = new URL(request.url);
  const today = todayIn(actor.timeZone);
  const from = url.searchParams.get("from") || `${today.slice(0, 4)}-01-01`;
  const to = url.searchParams.get("to") || today;
  if (!isCalendarDate(from) || !isCalendarDate(to) || from > to) throw new Response("Give the period as real dates, YYYY-MM-DD, the start not after the end.", { status: 400 });
  return csvResponse(await bookkeepingCsv(db(), actor.organisationId, from, to), `lease-fees-${from}-to-${to}.csv`);
}
