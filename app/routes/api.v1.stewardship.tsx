import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticateApiRequest } from "~/modules/api-tokens/api-tokens.server";
import { unauthorizedResponse } from "~/web/responses.server";
import { getActor } from "~/modules/auth/session.server";
import { organisationSlugAndTimeZone } from "~/modules/organisations/organisations.server";
import { calendarJson } from "~/modules/stewardship/contract.server";
import type { EventReader } from "~/modules/stewardship/events.server";
import { isCalendarDate, todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";

/**
 * GET /api/v1/stewardship?asOf=YYYY-MM-DD — the compliance calendar as JSON, the same document
 * `clt stewardship` prints (docs/stewardship.md). With an API token: the whole trust. From a signed-in
 * browser: what that person may see (a homeowner, only their own household's events). asOf defaults to the
 * trust's today; a malformed one is a 400 naming the field.
 */
const HEADERS = { "Cache-Control": "no-store" };

export async function loader({ request }: LoaderFunctionArgs) {
  const client = await authenticateApiRequest(db(), request);
  let reader: EventReader | null = client ? { organisationId: client.organisationId, role: "viewer", householdId: null } : null;
  if (!reader && !request.headers.get("authorization")) {
    const actor = await getActor(request);
    if (actor) reader = actor;
  }
  if (!reader) return unauthorizedResponse();
  const organisation = await organisationSlugAndTimeZone(db(), reader.organisationId);
  const asOfParam = new URL(request.url).searchParams.get("asOf");
  if (asOfParam !== null && !isCalendarDate(asOfParam)) {
    return Response.json({ error: "invalid-date", field: "asOf", message: `"${asOfParam}" is not a calendar date in the form YYYY-MM-DD.` }, { status: 400, headers: HEADERS });
  }
  const asOf = asOfParam ?? todayIn(organisation.timeZone);
  return Response.json(await calendarJson(db(), reader, organisation.slug, asOf), { headers: HEADERS });
}
