import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { boardRoster } from "~/modules/governance/board.server";
import { IntentErrors } from "~/modules/governance/components";
import { createElection } from "~/modules/governance/elections.server";
import { addResolution, getMeeting, meetingQuorum, recordAttendance, sendNotice } from "~/modules/governance/meetings.server";
import { getBylaws, listClasses } from "~/modules/governance/members.server";
import { addDays, MAJORITIES } from "~/modules/governance/rules";
import { AttendanceSchema, ElectionSchema, ELECTION_STATUS_LABELS, MEETING_KINDS, ResolutionSchema, type MeetingKind } from "~/modules/governance/schemas";
import { formatScreenDate, todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { useFormatInstant } from "~/components/instant";
import { intentFailure } from "~/utils/intent-reply.server";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.meeting.title ?? "Meeting"} · Commonground` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "governance:read");
  const meeting = await getMeeting(db(), actor.organisationId, params.meetingId ?? "");
  if (!meeting) throw new Response("No such meeting.", { status: 404 });
  const [quorum, bylaws, classes, roster] = await Promise.all([
    meetingQuorum(db(), actor.organisationId, meeting),
    getBylaws(db(), actor.organisationId),
    listClasses(db(), actor.organisationId),
    boardRoster(db(), actor.organisationId, meeting.date),
  ]);
  const className = new Map(classes.map((c) => [c.id, c.name]));
  return {
    meeting: { ...meeting, noticeQueuedAt: meeting.noticeQueuedAt?.toISOString() ?? null, createdAt: undefined, updatedAt: undefined, elections: meeting.elections.map((e) => ({ id: e.id, status: e.status, seats: e.seats.length, onlineVoting: e.onlineVoting })) },
    noticeDeadline: addDays(meeting.date, -bylaws.noticeDays),
    noticeDays: bylaws.noticeDays,
    majority: MAJORITIES[bylaws.resolutionMajority],
    quorum: { met: quorum.met, lines: quorum.lines.map((l) => ({ ...l, label: l.classId ? `${className.get(l.classId) ?? "Class"} members` : "All members" })) },
    roll: quorum.roll.map((m) => ({ key: m.key, name: m.name, voterName: m.voterName, className: m.className, goodStanding: m.goodStanding })),
    seats: roster.map((s) => ({ id: s.id, name: s.name, className: s.className, holder: s.current?.holderName ?? null, endsOn: s.current?.endsOn ?? null })),
    today: todayIn(actor.timeZone),
    canWrite: can(actor.role, "governance:write"),
  };
}

const Schema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("notice") }), AttendanceSchema, ResolutionSchema, ElectionSchema]);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "governance:write");
  const meetingId = params.meetingId ?? "";
  if (!(await getMeeting(db(), actor.organisationId, meetingId))) throw new Response("No such meeting.", { status: 404 });
  const form = await readFormData(request);
  const intent = readIntent(form, Schema);
  const submission = parseWithZod(form, { schema: Schema });
  if (submission.status !== "success") return intentFailure(intent, submission);
  const value = submission.value;
  const who = auditActor(actor);
  const back = `/governance/meetings/${meetingId}`;
  if (value.intent === "notice") {
    const result = await sendNotice(db(), who, meetingId, todayIn(actor.timeZone));
    if (!result.ok) return intentFailure(intent, submission, result);
    const missing = result.withoutEmail.length ? ` ${result.withoutEmail.length} members have no email address: post the PDF notice to them (${result.withoutEmail.slice(0, 5).join(", ")}${result.withoutEmail.length > 5 ? ", …" : ""}).` : "";
    return redirectWithToast(back, { kind: "success", message: `The notice was queued for ${result.queued} members in the outbox.${missing}` });
  }
  const result =
    value.intent === "attendance" ? await recordAttendance(db(), who, meetingId, value.present)
    : value.intent === "resolution" ? await addResolution(db(), who, meetingId, value)
    : await createElection(db(), who, meetingId, { seatIds: value.seatIds, termStartsOn: value.termStartsOn, onlineVoting: value.onlineVoting === "yes" });
  if (!result.ok) return intentFailure(intent, submission, result);
  if (value.intent === "election") return redirectWithToast(`/governance/elections/${result.id}`, { kind: "success", message: "The election was set up. Add the candidates." });
  return redirectWithToast(back, { kind: "success", message: value.intent === "attendance" ? "Attendance was saved." : "The resolution was recorded." });
}

export default function MeetingPage() {
  const formatInstant = useFormatInstant();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { meeting } = data;
  const present = new Set(meeting.attendance.map((a) => a.memberKey));
  return (
    <>
      <p><Link to="/governance">← Governance</Link></p>
      <h1>{meeting.title}</h1>
      <dl className="details">
        <dt>Kind</dt><dd>{MEETING_KINDS[meeting.kind as MeetingKind] ?? meeting.kind}</dd>
        <dt>When</dt><dd>{formatScreenDate(meeting.date)}{meeting.time ? `, ${meeting.time}` : ""}</dd>
        <dt>Where</dt><dd>{[meeting.place, meeting.link].filter(Boolean).join(" · ") || "—"}</dd>
        <dt>Record date</dt><dd>{formatScreenDate(meeting.recordDate)} (the roll of that day votes)</dd>
        <dt>Notice</dt>
        <dd>
          {meeting.noticeQueuedAt ? `Sent to the outbox ${formatInstant(meeting.noticeQueuedAt)}` : meeting.kind === "board" ? "Not sent" : `Due by ${formatScreenDate(data.noticeDeadline)} (${data.noticeDays} days before)`}
          {" · "}<a href={`/governance/meetings/${meeting.id}/notice.pdf`}>Notice (PDF)</a>
        </dd>
      </dl>
      {data.canWrite && !meeting.noticeQueuedAt ? (
        <Form method="post">
          <IntentErrors actionData={actionData} intent="notice" />
          <input type="hidden" name="intent" value="notice" />
          <button type="submit">Email the notice to members in good standing</button>
        </Form>
      ) : null}

      <h2>Quorum</h2>
      {data.quorum.lines.length === 0 ? <p className="muted">The bylaws set no quorum.</p> : (
        <>
          <p><span className={data.quorum.met ? "badge badge-ok" : "badge badge-warn"}>{data.quorum.met ? "Quorum reached" : "No quorum"}</span></p>
          <TableWrap label="Quorum">
            <table>
              <thead><tr><th>Rule</th><th>In good standing on the record date</th><th>Needed</th><th>Present</th></tr></thead>
              <tbody>
                {data.quorum.lines.map((l) => (
                  <tr key={`${l.classId}-${l.rule.kind}`}>
                    <td>{l.label}: {l.rule.kind === "percent" ? `${l.rule.value} %` : `${l.rule.value} members`}</td>
                    <td>{l.roll}</td><td>{l.required}</td><td>{l.present} {l.met ? "✓" : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}

      <h2>Attendance</h2>
      {data.canWrite ? (
        <Form method="post" className="stack">
          <IntentErrors actionData={actionData} intent="attendance" />
          <input type="hidden" name="intent" value="attendance" />
          <fieldset>
            <legend>Members on the roll of {formatScreenDate(meeting.recordDate)} who are present</legend>
            {data.roll.map((m) => (
              <div key={m.key} className="field field-checkbox">
                <input type="checkbox" id={`present-${m.key}`} name="present" value={m.key} defaultChecked={present.has(m.key)} />
                <label htmlFor={`present-${m.key}`}>{m.voterName}{m.voterName !== m.name ? ` for ${m.name}` : ""} ({m.className}{m.goodStanding ? "" : ", not in good standing"})</label>
              </div>
            ))}
          </fieldset>
          <div className="actions"><button type="submit">Save attendance</button></div>
        </Form>
      ) : <p>{meeting.attendance.length} present.</p>}

      <h2>Resolutions</h2>
      <p className="muted">Passed by: {data.majority.toLowerCase()} (abstentions are not votes cast).</p>
      {meeting.resolutions.length ? (
        <TableWrap label="Resolutions">
          <table>
            <thead><tr><th>Resolution</th><th>For</th><th>Against</th><th>Abstain</th><th>Result</th></tr></thead>
            <tbody>{meeting.resolutions.map((r) => <tr key={r.id}><td>{r.text}</td><td>{r.forVotes}</td><td>{r.againstVotes}</td><td>{r.abstentions}</td><td>{r.passed ? "Passed" : "Failed"}</td></tr>)}</tbody>
          </table>
        </TableWrap>
      ) : null}
      {data.canWrite ? (
        <Form method="post" className="card stack">
          <IntentErrors actionData={actionData} intent="resolution" />
          <input type="hidden" name="intent" value="resolution" />
          <div className="field"><label htmlFor="res-text">Resolution</label><textarea id="res-text" name="text" rows={3} /></div>
          <div className="inline-form">
            <label htmlFor="res-for">For</label><input id="res-for" name="forVotes" inputMode="numeric" size={5} />
            <label htmlFor="res-against">Against</label><input id="res-against" name="againstVotes" inputMode="numeric" size={5} />
            <label htmlFor="res-abstain">Abstain</label><input id="res-abstain" name="abstentions" inputMode="numeric" size={5} defaultValue={0} />
          </div>
          <div className="actions"><button type="submit">Record resolution</button></div>
        </Form>
      ) : null}

      <h2>Elections</h2>
      {meeting.elections.map((e) => (
        <p key={e.id}><Link to={`/governance/elections/${e.id}`}>Election of {e.seats} seat{e.seats === 1 ? "" : "s"}</Link> — {ELECTION_STATUS_LABELS[e.status] ?? e.status}{e.onlineVoting ? ", online voting" : ""}</p>
      ))}
      {data.canWrite && meeting.kind !== "board" && data.seats.length > 0 ? (
        <Form method="post" className="card stack">
          <h3 style={{ marginTop: 0 }}>Set up an election</h3>
          <IntentErrors actionData={actionData} intent="election" />
          <input type="hidden" name="intent" value="election" />
          <fieldset>
            <legend>Seats to elect</legend>
            {data.seats.map((s) => (
              <div key={s.id} className="field field-checkbox">
                <input type="checkbox" id={`seat-${s.id}`} name="seatIds" value={s.id} defaultChecked={!s.endsOn || s.endsOn <= addDays(meeting.date, 60)} />
                <label htmlFor={`seat-${s.id}`}>{s.name} ({s.className}) — {s.holder ? `${s.holder}, term ends ${formatScreenDate(s.endsOn)}` : "vacant"}</label>
              </div>
            ))}
          </fieldset>
          <div className="field"><label htmlFor="term-start">New terms start</label><input id="term-start" name="termStartsOn" type="date" defaultValue={meeting.date} /></div>
          <div className="field field-checkbox"><input type="checkbox" id="online" name="onlineVoting" value="yes" defaultChecked /><label htmlFor="online">Members may also vote online</label></div>
          <div className="actions"><button type="submit">Set up election</button></div>
        </Form>
      ) : null}
    </>
  );
}
