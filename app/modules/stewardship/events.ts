/**
 * Monitoring events, the pure part (client-safe): the standard types and statuses in the sector's words,
 * which status changes are allowed, and how an event stands on a given date (due, overdue, delinquent after
 * the trust's grace period). docs/stewardship.md explains them.
 */
import { addDays, compareCalendarDates } from "~/utils/calendar-date";

export const MONITORING_EVENT_TYPES = {
  occupancy_certification: "Occupancy certification",
  insurance_proof: "Proof of insurance",
  property_tax_proof: "Property tax proof",
  inspection: "Inspection",
  late_payment: "Late payment",
  delinquent_90_days: "90+ days delinquent",
  notice_of_foreclosure: "Notice of foreclosure",
  foreclosure_initiated: "Foreclosure initiated",
  enforcement_violation: "Enforcement violation",
  leave_of_absence_request: "Request: leave of absence",
  short_sale_request: "Request: short sale",
  rent_request: "Request: to rent",
  refinance_request: "Request: to refinance",
  improvement_request: "Request: to make an improvement",
  other: "Other",
} as const;

export type MonitoringEventType = keyof typeof MONITORING_EVENT_TYPES;

export function isMonitoringEventType(value: string): value is MonitoringEventType {
  return Object.hasOwn(MONITORING_EVENT_TYPES, value);
}

/** What a 90+ days delinquency is about (the event's subject). */
export const DELINQUENCY_SUBJECTS = { mortgage: "Mortgage", taxes: "Property taxes", "lease-fee": "Lease fee" } as const;

export const MONITORING_EVENT_STATUSES = {
  open: "Open",
  submitted: "Submitted",
  resolved: "Resolved",
  delinquent: "Delinquent",
} as const;

export type MonitoringEventStatus = keyof typeof MONITORING_EVENT_STATUSES;

/**
 * open → submitted (the homeowner's proof or answer arrived) → resolved; an open or submitted event may be
 * resolved directly, marked delinquent by staff, or (submitted) sent back to open when the proof falls short;
 * a delinquent event can still be submitted or resolved. A resolved event is final.
 */
export const STATUS_TRANSITIONS: Record<MonitoringEventStatus, readonly MonitoringEventStatus[]> = {
  open: ["submitted", "resolved", "delinquent"],
  submitted: ["resolved", "open", "delinquent"],
  delinquent: ["submitted", "resolved"],
  resolved: [],
};

export function canMoveTo(from: MonitoringEventStatus, to: MonitoringEventStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

export const DEFAULT_GRACE_DAYS = 14;

/** The last day an event may still be answered before it is delinquent: the due date plus the grace period. */
export function delinquentAfter(dueDate: string, graceDays: number): string {
  return addDays(dueDate, graceDays);
}

/**
 * The status as of a date: a stored open event whose due date plus the grace period has passed is
 * delinquent; the others are as stored. (A submitted event is waiting on staff, not on the homeowner, so it
 * never becomes delinquent by itself.)
 */
export function statusOn(event: { status: MonitoringEventStatus; dueDate: string }, asOf: string, graceDays: number): MonitoringEventStatus {
  if (event.status === "open" && compareCalendarDates(asOf, delinquentAfter(event.dueDate, graceDays)) > 0) return "delinquent";
  return event.status;
}

/** Open and past its due date (whether or not the grace period has run out). */
export function isOverdue(event: { status: MonitoringEventStatus; dueDate: string }, asOf: string): boolean {
  return (event.status === "open" || event.status === "delinquent") && compareCalendarDates(asOf, event.dueDate) > 0;
}
