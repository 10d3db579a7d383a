import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { compareCalendarDates } from "~/utils/calendar-date";
import type { Tx } from "~/utils/db.server";
import type { MonitoringEventStatus, MonitoringEventType } from "./events";

/**
 * Monitoring events kept in step with a record of another module — a homeowner's request, a notice of default —
 * so the compliance calendar shows them without anyone typing them twice. Each carries a key unique per lease
 * (`request:<id>`, `request-period:<id>`, `default:<id>`, `default:<id>:notice-of-foreclosure` …), written in
 * the same transaction as the record it follows, so it exists once and only when the record does.
 */

/** The monitoring event type of each kind of stewardship request. */
export const REQUEST_EVENT_TYPES: Record<string, MonitoringEventType> = {
  refinance: "refinance_request",
  improvement: "improvement_request",
  "leave-of-absence": "leave_of_absence_request",
  rental: "rent_request",
  "short-sale": "short_sale_request",
};

export type LinkedEvent = {
  leaseId: string;
  key: string;
  type: MonitoringEventType;
  subject: string;
  dueDate: string;
  status?: MonitoringEventStatus;
  submittedOn?: string | null;
  notes?: string;
};

/** Creates the event for `key` on the lease, or moves the existing one to the new due date and subject. */
export async function upsertLinkedEvent(tx: Tx, actor: AuditActor, event: LinkedEvent): Promise<string> {
  const where = { organisationId: actor.organisationId, leaseId: event.leaseId, scheduleKey: event.key };
  const existing = await tx.monitoringEvent.findFirst({ where, select: { id: true, dueDate: true, subject: true, status: true } });
  if (existing) {
    if (existing.dueDate === event.dueDate && existing.subject === event.subject) return existing.id;
    await tx.monitoringEvent.update({ where: { id: existing.id }, data: { dueDate: event.dueDate, subject: event.subject, version: { increment: 1 } } });
    await recordAudit(tx, actor, { entity: "MonitoringEvent", entityId: existing.id, action: "update", before: { dueDate: existing.dueDate, subject: existing.subject }, after: { dueDate: event.dueDate, subject: event.subject } });
    return existing.id;
  }
  const lease = await tx.lease.findFirstOrThrow({ where: { id: event.leaseId, organisationId: actor.organisationId }, select: { homeId: true, householdId: true } });
  const created = await tx.monitoringEvent.create({
    data: {
      organisationId: actor.organisationId,
      homeId: lease.homeId,
      householdId: lease.householdId,
      leaseId: event.leaseId,
      type: event.type,
      subject: event.subject,
      dueDate: event.dueDate,
      status: event.status ?? "open",
      submittedOn: event.submittedOn ?? null,
      notes: event.notes ?? "",
      scheduleKey: event.key,
      createdById: actor.userId,
    },
  });
  await recordAudit(tx, actor, {
    entity: "MonitoringEvent",
    entityId: created.id,
    action: "create",
    after: { type: created.type, subject: created.subject, dueDate: created.dueDate, status: created.status, leaseId: created.leaseId, scheduleKey: created.scheduleKey },
  });
  return created.id;
}

/**
 * Resolves the not-yet-resolved events of the lease whose key is `key` or starts with `key:` (a default and
 * its escalations), on a date with a resolution. Returns how many it resolved.
 */
export async function resolveLinkedEvents(tx: Tx, actor: AuditActor, leaseId: string, key: string, resolvedOn: string, resolution: string): Promise<number> {
  const events = await tx.monitoringEvent.findMany({
    where: { organisationId: actor.organisationId, leaseId, status: { not: "resolved" }, OR: [{ scheduleKey: key }, { scheduleKey: { startsWith: `${key}:` } }] },
    select: { id: true, status: true, submittedOn: true },
  });
  for (const event of events) {
    // an event is never resolved before the day it was submitted (events.server.ts's rule)
    const on = event.submittedOn && compareCalendarDates(event.submittedOn, resolvedOn) > 0 ? event.submittedOn : resolvedOn;
    await tx.monitoringEvent.update({ where: { id: event.id }, data: { status: "resolved", resolvedOn: on, resolution, version: { increment: 1 } } });
    await recordAudit(tx, actor, { entity: "MonitoringEvent", entityId: event.id, action: "transition", before: { status: event.status }, after: { status: "resolved", resolvedOn: on, resolution } });
  }
  return events.length;
}
