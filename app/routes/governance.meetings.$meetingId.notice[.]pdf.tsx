import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/session.server";
import { getMeeting, noticeData } from "~/modules/governance/meetings.server";
import { renderMeetingNotice } from "~/modules/governance/notice-pdf.server";
import { todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { pdfResponse } from "~/utils/download.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "governance:read");
  const meeting = await getMeeting(db(), actor.organisationId, params.meetingId ?? "");
  if (!meeting) throw new Response("No such meeting.", { status: 404 });
  const noticeDate = todayIn(actor.timeZone, meeting.noticeQueuedAt ?? new Date());
  const pdf = await renderMeetingNotice(await noticeData(db(), actor.organisationId, meeting, noticeDate));
  return pdfResponse(pdf, `notice-${meeting.date}-${meeting.title}.pdf`, { disposition: "inline" });
}
