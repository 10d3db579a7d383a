import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { auditActor } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";
import { listMeetings } from "~/modules/governance/meetings.server";
import { getBylaws, listClasses, memberRoll, setUpClassicClasses } from "~/modules/governance/members.server";
import { MEETING_KINDS, type MeetingKind } from "~/modules/governance/schemas";
import { formatScreenDate, todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Governance · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "governance:read");
  const today = todayIn(actor.timeZone);
  const [classes, roll, meetings, bylaws] = await Promise.all([
    listClasses(db(), actor.organisationId),
    memberRoll(db(), actor.organisationId, today),
    listMeetings(db(), actor.organisationId),
    getBylaws(db(), actor.organisationId),
  ]);
  return {
    today,
    classes: classes.map((c) => ({ id: c.id, name: c.name, kind: c.kind, members: roll.filter((m) => m.classId === c.id).length, inGoodStanding: roll.filter((m) => m.classId === c.id && m.goodStanding).length })),
    meetings: meetings.map((m) => ({ id: m.id, title: m.title, kind: m.kind, date: m.date })),
    noticeDays: bylaws.noticeDays,
    canWrite: can(actor.role, "governance:write"),
    canSettings: can(actor.role, "governance:settings"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "governance:settings");
  const created = await setUpClassicClasses(db(), auditActor(actor));
  return redirectWithToast("/governance/settings", {
    kind: created ? "success" : "info",
    message: created ? "Leaseholder, General and Public classes were created. Set the bylaws and board seats next." : "The membership classes already exist.",
  });
}

export default function GovernancePage() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Governance</h1>
      <p className="muted">The trust&apos;s members, board, meetings and elections.</p>
      {data.classes.length === 0 ? (
        <div className="card">
          <p>No membership classes yet. The classic community land trust has three: leaseholders (every household with a binding lease, automatically), general members from the community, and public representatives.</p>
          {data.canSettings ? (
            <Form method="post">
              <button type="submit" className="primary">Set up the classic three classes</button>
            </Form>
          ) : (
            <p>An administrator sets them up.</p>
          )}
        </div>
      ) : (
        <div className="cards">
          {data.classes.map((c) => (
            <div key={c.id} className="card">
              <h2 style={{ marginTop: 0 }}>{c.name}</h2>
              <p className="stat">{c.members}</p>
              <p className="muted">members today, {c.inGoodStanding} in good standing{c.kind === "leaseholder" ? " (every household holding a binding lease)" : ""}</p>
            </div>
          ))}
        </div>
      )}
      <ul className="actions" style={{ listStyle: "none", padding: 0 }}>
        <li><Link to="/governance/members">Member roll</Link></li>
        <li><Link to="/governance/board">Board roster</Link></li>
        {data.canWrite ? <li><Link to="/governance/meetings/new">Schedule a meeting</Link></li> : null}
        {data.canSettings ? <li><Link to="/governance/settings">Bylaws, classes, dues and seats</Link></li> : null}
      </ul>
      <h2>Meetings</h2>
      {data.meetings.length === 0 ? (
        <p className="muted">No meetings yet. Notice must go out {data.noticeDays} days before a members&apos; meeting.</p>
      ) : (
        <TableWrap label="Meetings">
          <table>
            <thead>
              <tr><th>Date</th><th>Meeting</th><th>Kind</th></tr>
            </thead>
            <tbody>
              {data.meetings.map((m) => (
                <tr key={m.id}>
                  <td>{formatScreenDate(m.date)}</td>
                  <td><Link to={`/governance/meetings/${m.id}`}>{m.title}</Link></td>
                  <td>{MEETING_KINDS[m.kind as MeetingKind] ?? m.kind}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
