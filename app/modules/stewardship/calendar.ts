/**
 * The compliance calendar, computed (pure). A lease's schedule yields, for every year, one occupancy
 * certification, one property tax proof and — when the insurance policy's expiry is known — one proof of
 * insurance, each with a schedule key ("occupancy_certification:2025") unique per lease. The calendar is the
 * scheduled occurrences merged with the stored events: a stored event with the same key *is* that occurrence
 * (it was acted on), so nothing is missed (every year is computed again on every read, after any restart, on
 * any server) and nothing duplicated (the database holds a key once per lease). Why computed rather than a
 * scheduled job: docs/decisions/017-stored-documents-and-monitoring-events.md.
 */
import { addDays, addYears, compareCalendarDates, formatCalendarDate, parseCalendarDate, yearOf } from "~/utils/calendar-date";
import { isOverdue, statusOn, type MonitoringEventStatus, type MonitoringEventType } from "./events";

/** Scheduled types, in the order a row of the calendar lists them on the same day. */
export const SCHEDULED_TYPES = ["occupancy_certification", "insurance_proof", "property_tax_proof"] as const satisfies readonly MonitoringEventType[];
export type ScheduledType = (typeof SCHEDULED_TYPES)[number];

/** How far ahead the calendar looks (days after the as-of date). */
export const CALENDAR_HORIZON_DAYS = 90;

export type ScheduleLease = {
  id: string;
  status: string;
  commencementDate: string;
  /** the day the lease stopped binding (ended or assigned), if it did */
  endedOn: string | null;
  schedule: { occupancyFixedDate: string | null; insuranceExpiresOn: string | null; taxProofDate: string | null } | null;
};

export type ScheduleSettings = { occupancyFixedDate: string | null; taxProofDate: string | null; monitoringStartsOn: string | null };

export type Occurrence = { leaseId: string; type: ScheduledType; dueDate: string; scheduleKey: string };

/** Leases the trust monitors: signed ones (a draft binds nobody). */
const MONITORED = new Set(["executed", "recorded", "active", "ended", "assigned"]);

/** "MM-DD" → month and day; null when not a valid month-day (29 February is refused: it is not yearly). */
export function parseMonthDay(text: string): { month: number; day: number } | null {
  const match = /^(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const month = Number(match[1]);
  const day = Number(match[2]);
  if (month === 2 && day === 29) return null;
  return parseCalendarDate(`2001-${match[1]}-${match[2]}`) ? { month, day } : null;
}

export function scheduleKey(type: ScheduledType, year: number): string {
  return `${type}:${year}`;
}

/** Parses a schedule key back; null for anything else. */
export function parseScheduleKey(key: string): { type: ScheduledType; year: number } | null {
  const match = /^([a-z_]+):(\d{4})$/.exec(key);
  if (!match || !(SCHEDULED_TYPES as readonly string[]).includes(match[1]!)) return null;
  return { type: match[1] as ScheduledType, year: Number(match[2]) };
}

/**
 * Yearly due dates from `first` to `through`: on each anniversary of the commencement (the first a year after
 * it), or — with a fixed month-day — on that day in each year after the commencement year.
 */
function yearly(commencementDate: string, fixed: string | null, through: string): string[] {
  const dates: string[] = [];
  const monthDay = fixed ? parseMonthDay(fixed) : null;
  for (let n = 1; ; n++) {
    const date = monthDay
      ? formatCalendarDate({ year: yearOf(commencementDate) + n, month: monthDay.month, day: monthDay.day })
      : addYears(commencementDate, n);
    if (compareCalendarDates(date, through) > 0) return dates;
    dates.push(date);
  }
}

/** A lease's scheduled occurrences due on or before `through`. */
export function leaseOccurrences(lease: ScheduleLease, settings: ScheduleSettings, through: string): Occurrence[] {
  if (!MONITORED.has(lease.status)) return [];
  // nothing falls due after the lease stopped binding
  const last = lease.endedOn && compareCalendarDates(lease.endedOn, through) < 0 ? lease.endedOn : through;
  const occurrences: Occurrence[] = [];
  const add = (type: ScheduledType, dueDate: string) => {
    if (settings.monitoringStartsOn && compareCalendarDates(dueDate, settings.monitoringStartsOn) < 0) return;
    occurrences.push({ leaseId: lease.id, type, dueDate, scheduleKey: scheduleKey(type, yearOf(dueDate)) });
  };
  for (const date of yearly(lease.commencementDate, lease.schedule?.occupancyFixedDate ?? settings.occupancyFixedDate, last)) add("occupancy_certification", date);
  const expiry = lease.schedule?.insuranceExpiresOn ?? null;
  if (expiry) {
    // the policy renews yearly: proof is due by each expiry (the ones before the lease began are not asked for)
    for (let n = 0; ; n++) {
      const date = addYears(expiry, n);
      if (compareCalendarDates(date, last) > 0) break;
      if (compareCalendarDates(date, lease.commencementDate) > 0) add("insurance_proof", date);
    }
  }
  for (const date of yearly(lease.commencementDate, lease.schedule?.taxProofDate ?? settings.taxProofDate, last)) add("property_tax_proof", date);
  return occurrences.sort((a, b) => compareCalendarDates(a.dueDate, b.dueDate) || SCHEDULED_TYPES.indexOf(a.type) - SCHEDULED_TYPES.indexOf(b.type));
}

export type StoredEvent = {
  id: string;
  leaseId: string | null;
  type: MonitoringEventType;
  dueDate: string;
  status: MonitoringEventStatus;
  scheduleKey: string | null;
  assignedToId: string | null;
};

export type CalendarEntry<E extends StoredEvent> = {
  /** the stored event, or null for an occurrence nobody has acted on yet */
  event: E | null;
  leaseId: string | null;
  type: MonitoringEventType;
  dueDate: string;
  scheduleKey: string | null;
  /** the status as of the calendar's date (an open event past its grace period is delinquent) */
  status: MonitoringEventStatus;
  overdue: boolean;
};

/**
 * The calendar: every occurrence of the leases' schedules due on or before `through`, each replaced by its
 * stored event where there is one, plus every stored event without a schedule key (requests, defaults,
 * inspections …) — ordered by due date, then type, then lease.
 */
export function buildCalendar<E extends StoredEvent>(
  occurrences: Occurrence[],
  events: E[],
  asOf: string,
  graceDays: number,
): CalendarEntry<E>[] {
  const stored = new Map<string, E>();
  for (const event of events) if (event.scheduleKey && event.leaseId) stored.set(`${event.leaseId}|${event.scheduleKey}`, event);
  const entries: CalendarEntry<E>[] = [];
  const entry = (event: E | null, base: { leaseId: string | null; type: MonitoringEventType; dueDate: string; scheduleKey: string | null }): CalendarEntry<E> => {
    const status = statusOn({ status: event?.status ?? "open", dueDate: event?.dueDate ?? base.dueDate }, asOf, graceDays);
    const dueDate = event?.dueDate ?? base.dueDate;
    return { event, ...base, dueDate, status, overdue: isOverdue({ status, dueDate }, asOf) };
  };
  const seen = new Set<string>();
  for (const occurrence of occurrences) {
    const key = `${occurrence.leaseId}|${occurrence.scheduleKey}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push(entry(stored.get(key) ?? null, occurrence));
  }
  for (const event of events) {
    const key = event.scheduleKey && event.leaseId ? `${event.leaseId}|${event.scheduleKey}` : null;
    if (key && seen.has(key)) continue;
    if (key) seen.add(key);
    entries.push(entry(event, { leaseId: event.leaseId, type: event.type, dueDate: event.dueDate, scheduleKey: event.scheduleKey }));
  }
  const typeOrder = (t: MonitoringEventType) => {
    const i = (SCHEDULED_TYPES as readonly string[]).indexOf(t);
    return i === -1 ? SCHEDULED_TYPES.length : i;
  };
  return entries.sort(
    (a, b) => compareCalendarDates(a.dueDate, b.dueDate) || typeOrder(a.type) - typeOrder(b.type) || (a.leaseId ?? "").localeCompare(b.leaseId ?? ""),
  );
}

/** The last day the calendar shows, for an as-of date. */
export function calendarThrough(asOf: string): string {
  return addDays(asOf, CALENDAR_HORIZON_DAYS);
}
