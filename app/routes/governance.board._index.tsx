import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { assignSeat, boardRoster, endTerm, setOfficer } from "~/modules/governance/board.server";
import { IntentErrors } from "~/modules/governance/components";
import { memberRoll } from "~/modules/governance/members.server";
import { AssignSeatSchema, EndTermSchema, OfficerSchema, OFFICER_TITLES } from "~/modules/governance/schemas";
import { formatScreenDate, todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { isCalendarDate } from "~/utils/calendar-date";
import { intentFailure } from "~/utils/intent-reply.server";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/form-data.server";
import { readIntent } from "~/web/intent.server";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Board roster · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "governance:read");
  const requested = new URL(request.url).searchParams.get("date")?.trim() ?? "";
  const date = requested && isCalendarDate(requested) ? requested : todayIn(actor.timeZone);
  const [roster, roll] = await Promise.all([boardRoster(db(), actor.organisationId, date), memberRoll(db(), actor.organisationId, date)]);
  return {
    date,
    roster,
    candidates: roll.map((m) => ({ key: m.key, label: `${m.voterName} (${m.className}${m.goodStanding ? "" : ", dues owed"})` })),
    canWrite: can(actor.role, "governance:write"),
  };
}

const Schema = z.discriminatedUnion("intent", [AssignSeatSchema, EndTermSchema, OfficerSchema]);

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "governance:write");
  const form = await readFormData(request);
  const intent = readIntent(form, Schema);
  const submission = parseWithZod(form, { schema: Schema });
  if (submission.status !== "success") return intentFailure(intent, submission);
  const value = submission.value;
  const who = auditActor(actor);
  const result =
    value.intent === "assign" ? await assignSeat(db(), who, value)
    : value.intent === "end-term" ? await endTerm(db(), who, value.termId, value.leftOn)
    : await setOfficer(db(), who, value.termId, value.officerTitle);
  if (!result.ok) return intentFailure(intent, submission, result);
  return redirectWithToast("/governance/board", { kind: "success", message: value.intent === "assign" ? "The term was added to the roster." : value.intent === "end-term" ? "The term was ended; the seat is vacant from that date." : "The officer was saved." });
}

export default function BoardPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const vacancies = data.roster.filter((s) => !s.current).length;
  return (
    <>
      <p><Link to="/governance">← Governance</Link></p>
      <h1>Board roster on {formatScreenDate(data.date)}</h1>
      <p>
        {data.roster.length} seats, {vacancies} vacant. <a href={`/governance/board.csv?date=${data.date}`}>Download the roster (CSV)</a>
      </p>
      <TableWrap label="Board roster">
        <table>
          <thead><tr><th>Seat</th><th>Class</th><th>Holder</th><th>Officer</th><th>Term</th><th>Next term</th></tr></thead>
          <tbody>
            {data.roster.map((seat) => (
              <tr key={seat.id}>
                <td>{seat.name}</td>
                <td>{seat.className}</td>
                <td>{seat.current ? seat.current.holderName : <span className="badge badge-warn">Vacant</span>}</td>
                <td>
                  {seat.current && data.canWrite ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="officer" />
                      <input type="hidden" name="termId" value={seat.current.id} />
                      <label className="visually-hidden" htmlFor={`officer-${seat.id}`}>Officer of {seat.name}</label>
                      <select id={`officer-${seat.id}`} name="officerTitle" defaultValue={seat.current.officerTitle}>
                        <option value="">—</option>
                        {OFFICER_TITLES.map((t) => <option key={t} value={t}>{t}</option>)}
                      </select>
                      <button type="submit">Save</button>
                    </Form>
                  ) : (seat.current?.officerTitle || "—")}
                </td>
                <td>{seat.current ? `${formatScreenDate(seat.current.startsOn)} – ${formatScreenDate(seat.current.endsOn)}` : "—"}</td>
                <td>{seat.upcoming.map((t) => `${t.holderName} from ${formatScreenDate(t.startsOn)}`).join("; ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <IntentErrors actionData={actionData} intent="officer" />
      {data.canWrite && data.roster.length > 0 ? (
        <>
          <Form method="post" className="card stack">
            <h2 style={{ marginTop: 0 }}>Fill a seat</h2>
            <p className="muted">By appointment or to fill a vacancy; elected seats are filled when an election is certified. A seat&apos;s holder must be a member of its class in good standing when the term starts.</p>
            <IntentErrors actionData={actionData} intent="assign" />
            <input type="hidden" name="intent" value="assign" />
            <div className="field"><label htmlFor="assign-seat">Seat</label><select id="assign-seat" name="seatId">{data.roster.map((s) => <option key={s.id} value={s.id}>{s.name} ({s.className})</option>)}</select></div>
            <div className="field"><label htmlFor="assign-holder">Member</label><select id="assign-holder" name="holderKey"><option value="">Choose…</option>{data.candidates.map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}</select></div>
            <div className="field"><label htmlFor="assign-start">Term starts</label><input id="assign-start" name="startsOn" type="date" defaultValue={data.date} /></div>
            <div className="field"><label htmlFor="assign-officer">Officer</label><select id="assign-officer" name="officerTitle"><option value="">—</option>{OFFICER_TITLES.map((t) => <option key={t} value={t}>{t}</option>)}</select></div>
            <div className="actions"><button type="submit" className="primary">Add term</button></div>
          </Form>
          <Form method="post" className="card stack">
            <h2 style={{ marginTop: 0 }}>A holder leaves early</h2>
            <IntentErrors actionData={actionData} intent="end-term" />
            <input type="hidden" name="intent" value="end-term" />
            <div className="field"><label htmlFor="end-term">Seat</label><select id="end-term" name="termId">{data.roster.filter((s) => s.current).map((s) => <option key={s.id} value={s.current!.id}>{s.name}: {s.current!.holderName}</option>)}</select></div>
            <div className="field"><label htmlFor="end-left">Left on</label><input id="end-left" name="leftOn" type="date" /></div>
            <div className="actions"><button type="submit">End term</button></div>
          </Form>
        </>
      ) : null}
    </>
  );
}
