import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import type { Actor } from "~/modules/auth/session.server";
import { assertUpdated, createFirstVersion } from "~/utils/concurrency.server";
import { compareCalendarDates } from "~/utils/calendar-date";
import type { Db, Tx } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import type { LeaseScheduleValues, MonitoringSettingsValues } from "./schemas";
import { canMoveTo, DEFAULT_GRACE_DAYS, MONITORING_EVENT_STATUSES, type MonitoringEventStatus, type MonitoringEventType } from "./events";

/**
 * Monitoring events: data access, scoped to the trust (and, for a homeowner, to their own household), every
 * change audited in the same transaction. The rules (statuses, transitions, delinquency) are in events.ts.
 */

export type EventReader = Pick<Actor, "organisationId" | "role" | "householdId">;

/** The trust's stewardship settings, or the defaults when an admin never saved any. */
export async function stewardshipSettings(db: Db | Tx, organisationId: string) {
  const saved = await db.stewardshipSettings.findUnique({ where: { organisationId } });
  return {
    graceDays: saved?.graceDays ?? DEFAULT_GRACE_DAYS,
    occupancyFixedDate: saved?.occupancyFixedDate ?? null,
    taxProofDate: saved?.taxProofDate ?? null,
    monitoringStartsOn: saved?.monitoringStartsOn ?? null,
    version: saved?.version ?? 0,
  };
}

/** Who may see which events: the trust's staff, viewers and admins see all; a homeowner only their household's. */
export function eventScope(actor: EventReader): { organisationId: string; householdId?: string } | null {
  if (can(actor.role, "records:read")) return { organisationId: actor.organisationId };
  if (actor.role === "homeowner" && actor.householdId) return { organisationId: actor.organisationId, householdId: actor.householdId };
  return null;
}

const EVENT_INCLUDE = {
  home: { select: { id: true, label: true, parcel: { select: { id: true, streetAddress: true, city: true } } } },
  household: { select: { id: true, name: true } },
  lease: { select: { id: true, reference: true, commencementDate: true } },
} as const;

export async function getMonitoringEvent(db: Db, actor: EventReader, eventId: string) {
  const scope = eventScope(actor);
  if (!scope) return null;
  return db.monitoringEvent.findFirst({ where: { id: eventId, ...scope }, include: EVENT_INCLUDE });
}

export type EventFilters = { leaseId?: string; homeId?: string; type?: MonitoringEventType; assignedToId?: string; dueFrom?: string; dueTo?: string };

export async function listMonitoringEvents(db: Db, actor: EventReader, filters: EventFilters = {}) {
  const scope = eventScope(actor);
  if (!scope) return [];
  return db.monitoringEvent.findMany({
    where: {
      ...scope,
      ...(filters.leaseId ? { leaseId: filters.leaseId } : {}),
      ...(filters.homeId ? { homeId: filters.homeId } : {}),
      ...(filters.type ? { type: filters.type } : {}),
      ...(filters.assignedToId ? { assignedToId: filters.assignedToId } : {}),
      ...(filters.dueFrom || filters.dueTo ? { dueDate: { ...(filters.dueFrom ? { gte: filters.dueFrom } : {}), ...(filters.dueTo ? { lte: filters.dueTo } : {}) } } : {}),
    },
    include: EVENT_INCLUDE,
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });
}

/** The staff members events can be assigned to (admins and staff of the trust, not disabled). */
export async function assignableStaff(db: Db | Tx, organisationId: string) {
  const memberships = await db.membership.findMany({
    where: { organisationId, role: { in: ["admin", "staff"] }, disabledAt: null, user: { disabledAt: null } },
    select: { userId: true, user: { select: { name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return memberships.map((m) => ({ id: m.userId, name: m.user.name }));
}

export type EventInput = {
  leaseId: string;
  type: MonitoringEventType;
  subject: string;
  dueDate: string;
  notes: string;
  assignedToId: string | null;
  scheduleKey?: string | null;
};

type FieldErrors = Record<string, string[]>;

/** Records a monitoring event on a lease (its home and household are the lease's). */
export async function createMonitoringEvent(
  db: Db,
  actor: AuditActor,
  input: EventInput,
): Promise<{ ok: true; id: string } | { ok: false; fieldErrors: FieldErrors }> {
  const lease = await db.lease.findFirst({ where: { id: input.leaseId, organisationId: actor.organisationId }, select: { id: true, homeId: true, householdId: true } });
  const fieldErrors: FieldErrors = {};
  if (!lease) fieldErrors.leaseId = ["Choose a lease of this trust."];
  if (input.assignedToId && !(await assignableStaff(db, actor.organisationId)).some((s) => s.id === input.assignedToId)) {
    fieldErrors.assignedToId = ["Choose a staff member of this trust."];
  }
  if (!lease || Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  const id = await db.$transaction(async (tx) => {
    const created = await tx.monitoringEvent.create({
      data: {
        organisationId: actor.organisationId,
        homeId: lease.homeId,
        householdId: lease.householdId,
        leaseId: lease.id,
        type: input.type,
        subject: input.subject,
        dueDate: input.dueDate,
        notes: input.notes,
        assignedToId: input.assignedToId,
        scheduleKey: input.scheduleKey ?? null,
        createdById: actor.userId,
      },
    });
    await recordAudit(tx, actor, {
      entity: "MonitoringEvent",
      entityId: created.id,
      action: "create",
      after: { type: created.type, subject: created.subject, dueDate: created.dueDate, leaseId: created.leaseId, notes: created.notes, assignedToId: created.assignedToId, scheduleKey: created.scheduleKey },
    });
    return created.id;
  });
  return { ok: true, id };
}

export type EventChange =
  | { to: "submitted"; version: number; submittedOn: string; notes: string }
  | { to: "resolved"; version: number; resolvedOn: string; resolution: string }
  | { to: "open"; version: number; notes: string }
  | { to: "delinquent"; version: number; notes: string };

/**
 * Moves an event along open → submitted → resolved (or back to open, or to delinquent), refusing a change
 * the rules do not allow with a message for the form. The stored status is judged as of today: an open event
 * past its grace period is delinquent, and may be submitted or resolved.
 */
export async function changeEventStatus(
  db: Db,
  actor: AuditActor,
  eventId: string,
  change: EventChange,
): Promise<{ ok: true } | { ok: false; status: 404 | 400; message: string; field?: string }> {
  const before = await db.monitoringEvent.findFirst({ where: { id: eventId, organisationId: actor.organisationId } });
  if (!before) return { ok: false, status: 404, message: "Monitoring event not found." };
  const from = before.status as MonitoringEventStatus;
  if (!canMoveTo(from, change.to)) {
    return { ok: false, status: 400, message: `A ${MONITORING_EVENT_STATUSES[from].toLowerCase()} event cannot be marked ${MONITORING_EVENT_STATUSES[change.to].toLowerCase()}.` };
  }
  if (change.to === "resolved" && before.submittedOn && compareCalendarDates(change.resolvedOn, before.submittedOn) < 0) {
    return { ok: false, status: 400, field: "resolvedOn", message: `It cannot be resolved before it was submitted (${before.submittedOn}).` };
  }
  const appendNote = (note: string) => (note ? (before.notes ? `${before.notes}\n\n${note}` : note) : before.notes);
  const data =
    change.to === "submitted"
      ? { status: change.to, submittedOn: change.submittedOn, notes: appendNote(change.notes) }
      : change.to === "resolved"
        ? { status: change.to, resolvedOn: change.resolvedOn, resolution: change.resolution }
        : { status: change.to, notes: appendNote(change.notes) };
  await db.$transaction(async (tx) => {
    assertUpdated(await tx.monitoringEvent.updateMany({ where: { id: eventId, organisationId: actor.organisationId, version: change.version }, data: { ...data, version: { increment: 1 } } }));
    await recordAudit(tx, actor, {
      entity: "MonitoringEvent",
      entityId: eventId,
      action: "transition",
      before: { status: before.status, submittedOn: before.submittedOn, resolvedOn: before.resolvedOn, resolution: before.resolution, notes: before.notes },
      after: { status: data.status, submittedOn: "submittedOn" in data ? data.submittedOn : before.submittedOn, resolvedOn: "resolvedOn" in data ? data.resolvedOn : before.resolvedOn, resolution: "resolution" in data ? data.resolution : before.resolution, notes: "notes" in data ? data.notes : before.notes },
    });
  });
  return { ok: true };
}

/** Assigns the event to a staff member (or to nobody). */
export async function assignEvent(db: Db, actor: AuditActor, eventId: string, version: number, assignedToId: string | null): Promise<{ ok: true } | { ok: false; status: 404 | 400; message: string }> {
  const before = await db.monitoringEvent.findFirst({ where: { id: eventId, organisationId: actor.organisationId }, select: { assignedToId: true } });
  if (!before) return { ok: false, status: 404, message: "Monitoring event not found." };
  if (assignedToId && !(await assignableStaff(db, actor.organisationId)).some((s) => s.id === assignedToId)) {
    return { ok: false, status: 400, message: "Choose a staff member of this trust." };
  }
  await db.$transaction(async (tx) => {
    assertUpdated(await tx.monitoringEvent.updateMany({ where: { id: eventId, organisationId: actor.organisationId, version }, data: { assignedToId, version: { increment: 1 } } }));
    await recordAudit(tx, actor, { entity: "MonitoringEvent", entityId: eventId, action: "update", before: { assignedToId: before.assignedToId }, after: { assignedToId } });
  });
  return { ok: true };
}

/**
 * Saves the trust's monitoring settings (admins): the grace period, the fixed dates of the yearly
 * certification and tax proof (null = each lease's commencement anniversary) and the first due date asked
 * for. Shares the settings row (and its version) with the refinance policy; a stale version is refused.
 */
export async function updateMonitoringSettings(db: Db, actor: AuditActor, values: MonitoringSettingsValues): Promise<void> {
  const settings = { graceDays: values.graceDays, occupancyFixedDate: values.occupancyFixedDate, taxProofDate: values.taxProofDate, monitoringStartsOn: values.monitoringStartsOn };
  await db.$transaction(async (tx) => {
    const { version, ...before } = await stewardshipSettings(tx, actor.organisationId);
    if (version === 0) {
      if (values.version !== 0) assertUpdated({ count: 0 });
      await createFirstVersion(tx.stewardshipSettings.create({ data: { organisationId: actor.organisationId, ...settings } }));
    } else {
      assertUpdated(await tx.stewardshipSettings.updateMany({ where: { organisationId: actor.organisationId, version: values.version }, data: { ...settings, version: { increment: 1 } } }));
    }
    await recordAudit(tx, actor, { entity: "StewardshipSettings", entityId: actor.organisationId, action: "update", before, after: settings });
  });
}

/** A lease's own monitoring schedule, or nulls (the trust's dates apply) with version 0 when none is saved. */
export async function getLeaseSchedule(db: Db | Tx, organisationId: string, leaseId: string) {
  const saved = await db.monitoringSchedule.findFirst({ where: { leaseId, organisationId } });
  return {
    insuranceExpiresOn: saved?.insuranceExpiresOn ?? null,
    occupancyFixedDate: saved?.occupancyFixedDate ?? null,
    taxProofDate: saved?.taxProofDate ?? null,
    version: saved?.version ?? 0,
  };
}

/**
 * Saves a lease's monitoring schedule: the insurance policy's expiry (proof of insurance is due by it and by
 * each yearly renewal) and the lease's own fixed dates. The calendar follows at once (it is computed).
 * Events already stored for earlier occurrences stay as they are.
 */
export async function saveLeaseSchedule(db: Db, actor: AuditActor, leaseId: string, values: LeaseScheduleValues): Promise<{ ok: true } | { ok: false; status: 404; message: string }> {
  const lease = await db.lease.findFirst({ where: { id: leaseId, organisationId: actor.organisationId }, select: { id: true } });
  if (!lease) return { ok: false, status: 404, message: "Lease not found." };
  const schedule = { insuranceExpiresOn: values.insuranceExpiresOn, occupancyFixedDate: values.occupancyFixedDate, taxProofDate: values.taxProofDate };
  await db.$transaction(async (tx) => {
    const { version, ...before } = await getLeaseSchedule(tx, actor.organisationId, leaseId);
    if (version === 0) {
      if (values.version !== 0) assertUpdated({ count: 0 });
      await tx.monitoringSchedule.create({ data: { leaseId, organisationId: actor.organisationId, ...schedule } });
    } else {
      assertUpdated(await tx.monitoringSchedule.updateMany({ where: { leaseId, organisationId: actor.organisationId, version: values.version }, data: { ...schedule, version: { increment: 1 } } }));
    }
    await recordAudit(tx, actor, { entity: "MonitoringSchedule", entityId: leaseId, action: "update", before, after: schedule });
  });
  return { ok: true };
}

/** The lease whose monitoring schedule is edited, with its commencement date; null if the organisation has no such lease. */
export async function leaseForSchedule(db: Db, organisationId: string, leaseId: string) {
  return db.lease.findFirst({
    where: { id: leaseId, organisationId },
    select: { id: true, reference: true, commencementDate: true },
  });
}

/** The signed leases (executed, recorded or active) an event can be recorded on, by reference, with the household's name. */
export async function signedLeaseChoices(db: Db, organisationId: string) {
  return db.lease.findMany({
    where: { organisationId, status: { in: ["executed", "recorded", "active"] } },
    select: { id: true, reference: true, household: { select: { name: true } } },
    orderBy: { reference: "asc" },
  });
}
