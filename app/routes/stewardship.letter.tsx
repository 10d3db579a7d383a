import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { produceLetter } from "~/modules/stewardship/calendar.server";
import { isLetterKind } from "~/modules/stewardship/letters";
import { db } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { pdfResponse } from "~/utils/download.server";

/**
 * POST: one click from the calendar or an event produces a letter (certification request, past-due notice) as
 * a PDF, files it on the event (stored documents) and answers the PDF. Producing it is a recorded act, so it
 * is a POST; downloading it again later is a plain GET of the stored document.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "records:write");
  return redirect("/stewardship");
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "records:write");
  const form = await readFormData(request);
  const kind = String(form.get("kind") ?? "");
  if (!isLetterKind(kind)) throw new Response("Choose a certification request or a past-due notice.", { status: 400 });
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" && value ? value : undefined;
  };
  const result = await produceLetter(db(), { ...auditActor(actor), timeZone: actor.timeZone }, { eventId: text("eventId"), leaseId: text("leaseId"), scheduleKey: text("scheduleKey") }, kind);
  if (!result.ok) throw new Response(result.message, { status: result.status });
  return pdfResponse(result.pdf, result.name, { disposition: "inline" });
}
