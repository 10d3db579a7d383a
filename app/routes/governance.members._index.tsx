import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data as json } from "@remix-run/node";
import { ApplyButton } from "~/components/list-filters";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/modules/auth/session.server";
import { StandingBadge } from "~/modules/governance/components";
import { memberRoll } from "~/modules/governance/members.server";
import { formatScreenDate, todayIn, withScreenDates } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { isCalendarDate } from "~/utils/calendar-date";
import { formatUsd, centsToString } from "~/utils/money";
import { can } from "~/utils/permissions";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Member roll · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "governance:read");
  const requested = new URL(request.url).searchParams.get("date")?.trim() ?? "";
  const dateError = requested && !isCalendarDate(requested) ? "Use a real date in the form YYYY-MM-DD" : null;
  const date = requested && !dateError ? requested : todayIn(actor.timeZone);
  const roll = await memberRoll(db(), actor.organisationId, date);
  const body = { date, dateError, requested, roll, canWrite: can(actor.role, "governance:write") };
  return dateError ? json(body, { status: 400 }) : body;
}

export default function MemberRollPage() {
  const { date, dateError, requested, roll, canWrite } = useLoaderData<typeof loader>();
  const inGood = roll.filter((m) => m.goodStanding).length;
  return (
    <>
      <p><Link to="/governance">← Governance</Link></p>
      <h1>Member roll on {formatScreenDate(date)}</h1>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="date">Roll on the date</label>
          <input id="date" name="date" type="date" defaultValue={requested || date} aria-invalid={dateError ? true : undefined} aria-describedby={dateError ? "date-error" : undefined} />
          {dateError ? <p id="date-error" className="field-error" role="alert">{withScreenDates(dateError)}</p> : null}
        </div>
        <ApplyButton />
      </Form>
      <p>
        {roll.length} members, {inGood} in good standing. <a href={`/governance/roll.csv?date=${date}`}>Download the roll (CSV)</a>
        {canWrite ? <> · <Link to="/governance/members/new">Add a member</Link></> : null}
      </p>
      <TableWrap label="Member roll">
        <table>
          <thead>
            <tr><th>Class</th><th>Member</th><th>Votes through</th><th>Member since</th><th>Dues {date.slice(0, 4)}</th><th>Standing</th></tr>
          </thead>
          <tbody>
            {roll.map((m) => (
              <tr key={m.key}>
                <td>{m.className}</td>
                <td><Link to={`/governance/members/${m.key}`}>{m.name}</Link></td>
                <td>{m.voterName}</td>
                <td>{formatScreenDate(m.memberSince)}</td>
                <td>{m.waived ? "Waived" : m.duesCents === 0 ? "None" : `${formatUsd(centsToString(m.paidCents))} of ${formatUsd(centsToString(m.duesCents))}`}</td>
                <td><StandingBadge goodStanding={m.goodStanding} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
