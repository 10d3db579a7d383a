import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ApplyButton } from "~/components/list-filters";
import { requirePermission } from "~/modules/auth/session.server";
import { calendarSummary, stewardshipCalendar } from "~/modules/stewardship/calendar.server";
import { CalendarTable, type CalendarRow } from "~/modules/stewardship/components";
import { isMonitoringEventType, MONITORING_EVENT_TYPES, type MonitoringEventType } from "~/modules/stewardship/events";
import { assignableStaff } from "~/modules/stewardship/events.server";
import { LETTER_KINDS, lettersFor } from "~/modules/stewardship/letters";
import { formatScreenDate, isCalendarDate, todayIn } from "~/utils/calendar-date";
import { db } from "~/utils/db.server";
import { can } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: "Stewardship · Commonground" }];

/** The compliance calendar: delinquent, overdue, due this month, submitted, coming up — filterable, with one-click letters. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, "records:read");
  const today = todayIn(actor.timeZone);
  const params = new URL(request.url).searchParams;
  const asked = params.get("asOf") ?? "";
  const asOf = isCalendarDate(asked) ? asked : today;
  const typeParam = params.get("type") ?? "";
  const type: MonitoringEventType | undefined = isMonitoringEventType(typeParam) ? typeParam : undefined;
  const staff = await assignableStaff(db(), actor.organisationId);
  const staffParam = params.get("staff") ?? "";
  const assignedToId = staff.some((s) => s.id === staffParam) ? staffParam : undefined;
  const calendar = await stewardshipCalendar(db(), actor, asOf, { type, assignedToId });
  const summary = calendarSummary(calendar.items, asOf);
  const month = asOf.slice(0, 7);
  const items = calendar.items;
  return {
    asOf,
    today,
    type: type ?? "",
    staffId: assignedToId ?? "",
    staff,
    graceDays: calendar.graceDays,
    through: calendar.through,
    summary: { dueThisMonth: summary.dueThisMonth, overdue: summary.overdue, delinquent: summary.delinquent, submitted: summary.submitted },
    groups: {
      delinquent: items.filter((i) => i.status === "delinquent"),
      overdue: items.filter((i) => i.status === "open" && i.overdue),
      dueThisMonth: items.filter((i) => i.status === "open" && !i.overdue && i.dueDate.slice(0, 7) === month),
      submitted: items.filter((i) => i.status === "submitted"),
      upcoming: items.filter((i) => i.status === "open" && !i.overdue && i.dueDate.slice(0, 7) > month),
    },
    resolvedCount: items.filter((i) => i.status === "resolved").length,
    canWrite: can(actor.role, "records:write"),
  };
}

function LetterButtons({ row }: { row: CalendarRow }) {
  const kinds = lettersFor(row);
  if (kinds.length === 0) return <span className="muted">—</span>;
  return (
    <div className="actions">
      {kinds.map((kind) => (
        <Form key={kind} method="post" action="/stewardship/letter" reloadDocument>
          {row.eventId ? <input type="hidden" name="eventId" value={row.eventId} /> : null}
          {row.leaseId ? <input type="hidden" name="leaseId" value={row.leaseId} /> : null}
          {row.scheduleKey ? <input type="hidden" name="scheduleKey" value={row.scheduleKey} /> : null}
          <input type="hidden" name="kind" value={kind} />
          <button type="submit" className="secondary small">
            {LETTER_KINDS[kind]} (PDF)
          </button>
        </Form>
      ))}
    </div>
  );
}

export default function StewardshipPage() {
  const data = useLoaderData<typeof loader>();
  const staffNames = Object.fromEntries(data.staff.map((s) => [s.id, s.name]));
  const letters = data.canWrite ? (row: CalendarRow) => <LetterButtons row={row} /> : undefined;
  const section = (title: string, rows: CalendarRow[], empty: string) => (
    <section aria-label={title}>
      <h2>
        {title} ({rows.length})
      </h2>
      {rows.length === 0 ? <p className="muted">{empty}</p> : <CalendarTable rows={rows} caption={title} staffNames={staffNames} letters={letters} />}
    </section>
  );
  return (
    <>
      <div className="page-header">
        <h1>Stewardship: compliance calendar</h1>
        {data.canWrite ? (
          <div className="actions">
            <Link className="button secondary" to="/stewardship/events/new">
              Record an event
            </Link>
          </div>
        ) : null}
      </div>
      <p className="muted">
        As of {formatScreenDate(data.asOf)}, through {formatScreenDate(data.through)}. An event not answered within {data.graceDays} days of its due date is delinquent.
      </p>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="asOf">As of</label>
          <input id="asOf" name="asOf" type="date" defaultValue={data.asOf} />
        </div>
        <div className="field">
          <label htmlFor="type">Type</label>
          <select id="type" name="type" defaultValue={data.type}>
            <option value="">All types</option>
            {Object.entries(MONITORING_EVENT_TYPES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="staff">Staff member</label>
          <select id="staff" name="staff" defaultValue={data.staffId}>
            <option value="">Everyone</option>
            {data.staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <ApplyButton />
      </Form>
      <section aria-label="Counts" className="cards">
        <Count label="Delinquent" value={data.summary.delinquent} />
        <Count label="Overdue, in grace period" value={data.summary.overdue} />
        <Count label="Due this month" value={data.summary.dueThisMonth} />
        <Count label="Submitted, to review" value={data.summary.submitted} />
      </section>
      {section("Delinquent", data.groups.delinquent, "Nothing is delinquent.")}
      {section("Overdue, in grace period", data.groups.overdue, "Nothing is overdue.")}
      {section("Due this month", data.groups.dueThisMonth, "Nothing else is due this month.")}
      {section("Submitted, to review", data.groups.submitted, "Nothing is waiting for review.")}
      {section("Coming up", data.groups.upcoming, "Nothing is due in the next 90 days.")}
      <p className="muted">{data.resolvedCount} resolved event{data.resolvedCount === 1 ? "" : "s"} in this period are not listed; each lease page lists its events.</p>
    </>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="card">
      <p className="stat">{value.toLocaleString("en-US")}</p>
      <p className="stat-label">{label}</p>
    </div>
  );
}
