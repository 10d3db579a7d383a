import { Link } from "@remix-run/react";
import { MONITORING_EVENT_STATUSES, MONITORING_EVENT_TYPES, type MonitoringEventStatus, type MonitoringEventType } from "./events";
import { TableWrap } from "~/components/table-wrap";
import { formatScreenDate } from "~/utils/calendar-date";

/** Stewardship UI pieces shared by the calendar, the dashboard and the lease page (client-safe). */

export type CalendarRow = {
  eventId: string | null;
  scheduleKey: string | null;
  leaseId: string | null;
  leaseReference: string;
  home: string;
  household: string;
  type: MonitoringEventType;
  dueDate: string;
  status: MonitoringEventStatus;
  overdue: boolean;
  assignedToId: string | null;
};

/** The page of an event: the stored one, or the scheduled occurrence nobody has acted on yet. */
export function eventPath(row: Pick<CalendarRow, "eventId" | "leaseId" | "scheduleKey">): string {
  if (row.eventId) return `/stewardship/events/${row.eventId}`;
  return `/stewardship/scheduled/${row.leaseId}/${encodeURIComponent(row.scheduleKey ?? "")}`;
}

export function StatusBadge({ status, overdue }: { status: MonitoringEventStatus; overdue?: boolean }) {
  const label = status === "open" && overdue ? "Overdue (in grace period)" : MONITORING_EVENT_STATUSES[status];
  return <span className={`badge badge-${status}${overdue && status === "open" ? " badge-overdue" : ""}`}>{label}</span>;
}

export function typeLabel(type: MonitoringEventType): string {
  return MONITORING_EVENT_TYPES[type];
}

export function CalendarTable({
  rows,
  caption,
  staffNames,
  letters,
}: {
  rows: CalendarRow[];
  caption: string;
  staffNames: Record<string, string>;
  letters?: (row: CalendarRow) => React.ReactNode;
}) {
  return (
    <TableWrap label={caption}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Due</th>
            <th scope="col">Event</th>
            <th scope="col">Lease</th>
            <th scope="col">Home</th>
            <th scope="col">Household</th>
            <th scope="col">Status</th>
            <th scope="col">Staff</th>
            {letters ? <th scope="col">Letters</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.eventId ?? `${row.leaseId}|${row.scheduleKey}`}>
              <td>{formatScreenDate(row.dueDate)}</td>
              <td>
                <Link to={eventPath(row)}>{typeLabel(row.type)}</Link>
              </td>
              <td>{row.leaseId ? <Link to={`/leases/${row.leaseId}`}>{row.leaseReference}</Link> : row.leaseReference}</td>
              <td>{row.home}</td>
              <td>{row.household}</td>
              <td>
                <StatusBadge status={row.status} overdue={row.overdue} />
              </td>
              <td>{row.assignedToId ? (staffNames[row.assignedToId] ?? "—") : "—"}</td>
              {letters ? <td>{letters(row)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
