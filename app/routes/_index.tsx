import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/modules/auth/session.server";
import { portfolioSummary } from "~/modules/dashboard/dashboard.server";
import { attentionThisWeek, recentActivityInWords } from "~/modules/dashboard/attention.server";
import { centsToString, formatUsd } from "~/utils/money";
import { db } from "~/utils/db.server";
import { useFormatInstant } from "~/components/instant";
import { can } from "~/utils/permissions";
import { calendarSummary, stewardshipCalendar } from "~/modules/stewardship/calendar.server";
import { eventPath, StatusBadge, typeLabel } from "~/modules/stewardship/components";
import { formatScreenDate, todayIn } from "~/utils/calendar-date";
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
  const calendar = (await stewardshipCalendar(db(), actor, asOf)).items;
  const stewardship = calendarSummary(calendar, asOf);
  const attention = await attentionThisWeek(db(), actor.organisationId, asOf);
  // overdue stewardship events (certifications, insurance, tax proof…) and those due within the week
  const stewardshipDue = calendar
    .filter((i) => (i.status === "open" || i.status === "delinquent") && i.dueDate <= attention.until)
    .slice(0, 10)
    .map((i) => ({ key: i.eventId ?? `${i.leaseId}|${i.scheduleKey}`, path: eventPath(i), type: typeLabel(i.type), dueDate: i.dueDate, status: i.status, overdue: i.overdue || i.dueDate < asOf, leaseReference: i.leaseReference, household: i.household }));
  const activity = await recentActivityInWords(
    db(),
    actor.organisationId,
    summary.recentActivity.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
  );
  return {
    stewardship,
    resaleDeadlines: await caseDeadlineItems(db(), actor.organisationId, asOf, { onlyPressing: true }),
    attention: { ...attention, stewardshipDue, submitted: stewardship.submitted },
    activity,
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
  const formatInstant = useFormatInstant();
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
      <Attention attention={data.attention} />
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
                {formatScreenDate(item.dueDate)} — <Link to={eventPath(item)}>{typeLabel(item.type)}</Link>, {item.leaseReference} ({item.household}) <StatusBadge status={item.status} overdue={item.overdue} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ResaleDeadlines items={data.resaleDeadlines} />
      <h2>Recent activity</h2>
      {data.activity.length === 0 ? (
        <p className="muted">Nothing has changed yet.</p>
      ) : (
        <ul data-testid="recent-activity">
          {data.activity.map((entry) => (
            <li key={entry.id}>
              {entry.who} {entry.verb} {entry.href ? <Link to={entry.href}>{entry.what}</Link> : entry.what}{" "}
              <span className="muted">({formatInstant(entry.createdAt)})</span>
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

type AttentionData = ReturnType<typeof useLoaderData<typeof loader>> extends infer D ? (D extends { attention: infer A } ? A : never) : never;

/** What needs attention this week, each a link: the dashboard as a to-do list. */
function Attention({ attention }: { attention: AttentionData }) {
  const nothing =
    attention.caseDeadlines.length === 0 && attention.stewardshipDue.length === 0 && attention.arrears.length === 0 && attention.draftCount === 0 && attention.submitted === 0;
  return (
    <section className="card" aria-labelledby="attention-title" data-testid="attention">
      <h2 id="attention-title" style={{ marginTop: 0 }}>
        Needs attention this week <span className="muted">(through {formatScreenDate(attention.until)})</span>
      </h2>
      {nothing ? <p>Nothing is due or overdue. </p> : null}
      {attention.caseDeadlines.length ? (
        <>
          <h3>Resale and transfer deadlines</h3>
          <ul>
            {attention.caseDeadlines.map((c) => (
              <li key={c.id}>
                {c.overdue ? <span className="badge badge-danger">Overdue</span> : null} {formatScreenDate(c.due)} — <Link to={`/transfers/${c.id}`}>{c.label}</Link>, {c.home}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {attention.stewardshipDue.length ? (
        <>
          <h3>Certifications and other stewardship events</h3>
          <ul>
            {attention.stewardshipDue.map((item) => (
              <li key={item.key}>
                {item.overdue ? <span className="badge badge-danger">{item.status === "delinquent" ? "Delinquent" : "Overdue"}</span> : null} {formatScreenDate(item.dueDate)} —{" "}
                <Link to={item.path}>{item.type}</Link>, lease {item.leaseReference} ({item.household})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {attention.arrears.length ? (
        <>
          <h3>Lease fees in arrears (over 30 days)</h3>
          <ul>
            {attention.arrears.map((row) => (
              <li key={row.leaseId}>
                <Link to={`/leases/${row.leaseId}#fees`}>Lease {row.reference}</Link> ({row.householdName}) owes {formatUsd(centsToString(row.overdueCents))} more than 30 days old
              </li>
            ))}
          </ul>
          <p>
            <Link to="/fees">All arrears</Link>
          </p>
        </>
      ) : null}
      {attention.draftCount || attention.submitted ? (
        <>
          <h3>Waiting for you</h3>
          <ul>
            {attention.drafts.map((d) => (
              <li key={d.id}>
                Draft lease <Link to={`/leases/${d.id}`}>{d.reference}</Link> for {d.household}, waiting to be signed
              </li>
            ))}
            {attention.draftCount > attention.drafts.length ? (
              <li>
                <Link to="/leases?status=draft">All {attention.draftCount} draft leases</Link>
              </li>
            ) : null}
            {attention.submitted ? (
              <li>
                <Link to="/stewardship">
                  {attention.submitted} stewardship submission{attention.submitted === 1 ? "" : "s"} to review
                </Link>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
    </section>
  );
}
