import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticateApiRequest } from "~/modules/api-tokens/api-tokens.server";
import { unauthorizedResponse } from "~/web/responses.server";
import { organisationTimeZone } from "~/modules/organisations/organisations.server";
import { getTransferCase } from "~/modules/transfers/transfers.server";
import { todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";

/**
 * GET /api/v1/transfer-cases/:caseId with `Authorization: Bearer <token>`: the case as `clt transfer --case`
 * prints it (docs/transfers.md). 401 JSON without a valid token, 404 JSON for a case of another organisation.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const client = await authenticateApiRequest(db(), request);
  if (!client) return unauthorizedResponse();
  const timeZone = await organisationTimeZone(db(), client.organisationId);
  const view = await getTransferCase(db(), client.organisationId, params.caseId ?? "", todayIn(timeZone));
  if (!view) return Response.json({ error: "not-found", message: "No resale or transfer case with this id in your organisation." }, { status: 404 });
  return Response.json(view);
}
