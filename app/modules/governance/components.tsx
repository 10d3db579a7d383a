import type { SubmissionResult } from "@conform-to/react";
import { withScreenDates } from "~/utils/calendar-date";

/** The errors of one of a page's intent forms (see ~/utils/intent-reply.server). */
export function IntentErrors({ actionData, intent }: { actionData: unknown; intent: string }) {
  const reply = actionData as { intent?: string; reply?: SubmissionResult<string[]> } | undefined;
  if (!reply || reply.intent !== intent || !reply.reply?.error) return null;
  const messages = Object.entries(reply.reply.error).flatMap(([field, errors]) => (errors ?? []).map((e) => (field ? `${fieldLabel(field)}: ${e}` : e)));
  if (messages.length === 0) return null;
  return (
    <div role="alert" className="form-errors">
      <ul>
        {messages.map((m) => (
          <li key={m}>{withScreenDates(m)}</li>
        ))}
      </ul>
    </div>
  );
}

const LABELS: Record<string, string> = {
  holderKey: "Member",
  memberKey: "Member",
  seatId: "Seat",
  seatIds: "Seats",
  startsOn: "Start",
  termStartsOn: "Start of the new terms",
  fromAddress: "From address",
  recordedOn: "Date",
  resignedOn: "Date of resignation",
  noticeDays: "Notice period",
  termLimit: "Term limit",
  classId: "Class",
  forVotes: "For",
  againstVotes: "Against",
};

function fieldLabel(field: string): string {
  return LABELS[field] ?? field.charAt(0).toUpperCase() + field.slice(1);
}

export function StandingBadge({ goodStanding }: { goodStanding: boolean }) {
  return <span className={goodStanding ? "badge badge-ok" : "badge badge-warn"}>{goodStanding ? "In good standing" : "Dues owed"}</span>;
}
