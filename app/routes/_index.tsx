import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/modules/auth/session.server";
import { portfolioSummary } from "~/modules/organisations/dashboard.server";
import { db } from "~/utils/db.server";
import { formatInstant, formatLegalDate, humanise } from "~/utils/format";
import { can } from "~/utils/permissions";
import { calendarSummary, stewardshipCalendar } from "~/modules/stewardship/calendar.server";
import { eventPath, StatusBadge, typeLabel } from "~/modules/stewardship/components";
import { todayIn } from "~/utils/calendar-date";
import { ResaleDeadlines } from "~/modules/transfers/components";
import { caseDeadlineItems } from "~/modules/transfers/transfers.server";

export const meta: MetaFunction = () => [{ title: "Home · Commonground" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  // a homeowner's home page is their home (app/routes/my-home._index.tsx)
  if (actor.role === "homeowner") throw redirect("/my-home");
  if (!can(actor.role, "records:read")) {
    return { kind: "member" as const, name: actor.name, organisationName: actor.organisationName, canVote: can(actor.role, "ballot:cast-online") };
  }
  const asOf = todayIn(actor.timeZone);
  const summary = await portfolioSummary(db(), actor.organisationId, asOf);
  const stewardship = calendarSummary((await stewardshipCalendar(db(), actor, asOf)).items, asOf);
  return {
    stewardship,
    resaleDeadlines: await caseDeadlineItems(db(), actor.organisationId, asOf, { onlyPressing: true }),
    kind: "staff" as const,
    name: actor.name,
    organisationName: actor.organisationName,
    summary: {
      ...summary,
      recentActivity: summary.recentActivity.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
    },
    canWrite: can(actor.role, "records:write"),
  };
}

export default function HomePage() {
  const data = useLoaderData<typeof loader>();
  if (data.kind === "member") {
    return (
      <>
        <h1>Welcome, {data.name}</h1>
        <p>This is your member page at {data.organisationName}.</p>
        {data.canVote ? (
          <p>
            <Link to="/vote">Vote in the trust&apos;s elections</Link>
          </p>
        ) : null}
      </>
    );
  }
  const { summary } = data;
  return (
    <>
      <div className="page-header">
        <h1>{data.organisationName}</h1>
        {data.canWrite ? (
          <div className="actions">
            <Link className="button" to="/parcels/new">
              Register a parcel
            </Link>
            <Link className="button secondary" to="/households/new">
              Add a household
            </Link>
          </div>
        ) : null}
      </div>
      <p className="muted">Signed in as {data.name}.</p>
      <section aria-label="Portfolio" className="cards">
        <Stat label="Parcels" value={summary.parcels} to="/parcels" />
        <Stat label="Homes" value={summary.homes} to="/parcels" />
        <Stat label="Households" value={summary.households} to="/households" />
        <Stat label="Active leases" value={summary.activeLeases} to="/leases?status=active" />
        <Stat label="Signed, not yet commenced" value={summary.signedLeases} to="/leases" />
        <Stat label="Draft leases" value={summary.draftLeases} to="/leases?status=draft" />
      </section>
      <h2>Stewardship</h2>
      <section aria-label="Stewardship" className="cards">
        <Stat label="Delinquent" value={data.stewardship.delinquent} to="/stewardship" />
        <Stat label="Overdue, in grace period" value={data.stewardship.overdue} to="/stewardship" />
        <Stat label="Due this month" value={data.stewardship.dueThisMonth} to="/stewardship" />
        <Stat label="Submitted, to review" value={data.stewardship.submitted} to="/stewardship" />
      </section>
      {data.stewardship.next.length ? (
        <>
          <h3>Next due</h3>
          <ul>
            {data.stewardship.next.map((item) => (
              <li key={item.eventId ?? `${item.leaseId}|${item.scheduleKey}`}>
                {formatLegalDate(item.dueDate)} — <Link to={eventPath(item)}>{typeLabel(item.type)}</Link>, {item.leaseReference} ({item.household}) <StatusBadge status={item.status} overdue={item.overdue} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ResaleDeadlines items={data.resaleDeadlines} />
      <h2>Recent activity</h2>
      {summary.recentActivity.length === 0 ? (
        <p className="muted">Nothing has changed yet.</p>
      ) : (
        <ul>
          {summary.recentActivity.map((entry) => (
            <li key={entry.id}>
              {entry.actorLabel} — {humanise(entry.action)} {entry.entity} <span className="muted">({formatInstant(entry.createdAt)})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Stat({ label, value, to }: { label: string; value: number; to: string }) {
  return (
    <Link to={to} className="card" style={{ textDecoration: "none", color: "inherit" }}>
      <p className="stat">{value.toLocaleString("en-US")}</p>
      <p className="stat-label">{label}</p>
    </Link>
  );
}
