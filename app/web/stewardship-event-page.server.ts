import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import { auditActor, auditHistory } from "~/modules/audit/audit.server";
import type { Actor } from "~/modules/auth/session.server";
import { listDocuments } from "~/modules/stored-documents/stored-documents.server";
import { StaleRecordError } from "~/utils/concurrency.server";
import { todayIn } from "~/utils/calendar-date";
import type { Db } from "~/utils/db.server";
import { documentMaxBytes } from "~/utils/env.server";
import { can } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { isOverdue, statusOn, MONITORING_EVENT_STATUSES, type MonitoringEventStatus } from "~/modules/stewardship/events";
import { assignableStaff, assignEvent, changeEventStatus, eventScope, getMonitoringEvent, stewardshipSettings } from "~/modules/stewardship/events.server";
import { leaseOccurrences, parseScheduleKey } from "~/modules/stewardship/calendar";
import { storedEventFor } from "~/modules/stewardship/calendar.server";
import { lettersFor } from "~/modules/stewardship/letters";
import { AssignEventSchema, EVENT_PAGE_INTENTS, NoteChangeSchema, ResolveEventSchema, SubmitEventSchema, type EventPageIntent } from "~/modules/stewardship/schemas";
import { ForbiddenError, NotFoundError } from "~/utils/errors";
import { readIntent } from "./intent.server";

/**
 * What the event page shows and does, for the two routes that show an event: a stored one
 * (/stewardship/events/:id) and a scheduled occurrence nobody has acted on yet
 * (/stewardship/scheduled/:leaseId/:key, which stores it first when someone acts). Staff do everything; a
 * homeowner sees their own household's events, adds proof and submits them.
 */

export async function eventPageData(db: Db, actor: Actor, eventId: string) {
  const event = await getMonitoringEvent(db, actor, eventId);
  if (!event) return null;
  const settings = await stewardshipSettings(db, actor.organisationId);
  const today = todayIn(actor.timeZone);
  const status = statusOn({ status: event.status as MonitoringEventStatus, dueDate: event.dueDate }, today, settings.graceDays);
  const isStaff = can(actor.role, "records:write");
  const history = can(actor.role, "records:read") ? await auditHistory(db, actor.organisationId, "MonitoringEvent", event.id) : [];
  return {
    event: {
      id: event.id,
      version: event.version,
      type: event.type,
      subject: event.subject,
      dueDate: event.dueDate,
      storedStatus: event.status as MonitoringEventStatus,
      status,
      overdue: isOverdue({ status, dueDate: event.dueDate }, today),
      submittedOn: event.submittedOn,
      resolvedOn: event.resolvedOn,
      resolution: event.resolution,
      notes: event.notes,
      assignedToId: event.assignedToId,
      leaseId: event.leaseId,
      scheduleKey: event.scheduleKey,
      leaseReference: event.lease?.reference ?? "",
      home: [event.home.parcel.streetAddress, event.home.parcel.city].filter(Boolean).join(", "),
      household: event.household?.name ?? "",
    },
    graceDays: settings.graceDays,
    today,
    staff: isStaff ? await assignableStaff(db, actor.organisationId) : [],
    documents: await listDocuments(db, actor.organisationId, { ownerType: "monitoring_event", ownerId: event.id }),
    documentMaxBytes: documentMaxBytes(),
    history: history.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
    timeZone: actor.timeZone,
    isStaff,
    canSubmit: (isStaff || actor.role === "homeowner") && (event.status === "open" || event.status === "delinquent"),
    letters: isStaff ? lettersFor({ type: event.type, status, overdue: isOverdue({ status, dueDate: event.dueDate }, today) }) : [],
  };
}

export type EventPageData = NonNullable<Awaited<ReturnType<typeof eventPageData>>>;

type Reply = { intent: EventPageIntent; message: string; fieldErrors?: Record<string, string[]> };
const refuse = (status: number, reply: Reply) => data(reply, { status });

/** Runs one of the page's forms (intent submit, resolve, reopen, delinquent, assign) on a stored event. */
export async function eventPageAction(db: Db, actor: Actor, eventId: string, form: FormData) {
  const intent = readIntent(form, EVENT_PAGE_INTENTS);
  const isStaff = can(actor.role, "records:write");
  const event = await getMonitoringEvent(db, actor, eventId);
  if (!event) throw new NotFoundError("Monitoring event not found");
  if (!isStaff && !(actor.role === "homeowner" && intent === "submit")) throw new ForbiddenError("You may not change this event.");
  const by = auditActor(actor);
  try {
    let result: { ok: true } | { ok: false; status: number; message: string; field?: string };
    let done = "";
    if (intent === "submit") {
      const submission = parseWithZod(form, { schema: SubmitEventSchema });
      if (submission.status !== "success") return refuse(400, { intent, message: "Check the fields below.", fieldErrors: submission.error as Record<string, string[]> });
      result = await changeEventStatus(db, by, eventId, { to: "submitted", version: submission.value.version, submittedOn: submission.value.submittedOn, notes: submission.value.notes });
      done = "The event is marked submitted.";
    } else if (intent === "resolve") {
      const submission = parseWithZod(form, { schema: ResolveEventSchema });
      if (submission.status !== "success") return refuse(400, { intent, message: "Check the fields below.", fieldErrors: submission.error as Record<string, string[]> });
      result = await changeEventStatus(db, by, eventId, { to: "resolved", version: submission.value.version, resolvedOn: submission.value.resolvedOn, resolution: submission.value.resolution });
      done = "The event is resolved.";
    } else if (intent === "reopen" || intent === "delinquent") {
      const submission = parseWithZod(form, { schema: NoteChangeSchema });
      if (submission.status !== "success") return refuse(400, { intent, message: "Check the fields below.", fieldErrors: submission.error as Record<string, string[]> });
      const to = intent === "reopen" ? "open" : "delinquent";
      result = await changeEventStatus(db, by, eventId, { to, version: submission.value.version, notes: submission.value.notes });
      done = `The event is ${MONITORING_EVENT_STATUSES[to].toLowerCase()}.`;
    } else {
      const submission = parseWithZod(form, { schema: AssignEventSchema });
      if (submission.status !== "success") return refuse(400, { intent, message: "Check the fields below.", fieldErrors: submission.error as Record<string, string[]> });
      result = await assignEvent(db, by, eventId, submission.value.version, submission.value.assignedToId);
      done = "The staff member responsible was changed.";
    }
    if (!result.ok) return refuse(result.status, { intent, message: result.message, ...(result.field ? { fieldErrors: { [result.field]: [result.message] } } : {}) });
    return redirectWithToast(`/stewardship/events/${eventId}`, { kind: "success", message: done });
  } catch (error) {
    if (error instanceof StaleRecordError) return refuse(409, { intent, message: error.message });
    throw error;
  }
}

/**
 * A scheduled occurrence nobody has acted on yet, shown as an event page: `{ redirect }` when it is stored
 * already, null when it is not an occurrence of a lease this person may see.
 */
export async function scheduledPageData(db: Db, actor: Actor, leaseId: string, key: string) {
  const scope = eventScope(actor);
  if (!scope) return null;
  const stored = await db.monitoringEvent.findFirst({ where: { ...scope, leaseId, scheduleKey: key }, select: { id: true } });
  if (stored) return { redirect: `/stewardship/events/${stored.id}` } as const;
  const parsed = parseScheduleKey(key);
  const lease = await db.lease.findFirst({
    where: { id: leaseId, ...scope },
    select: { id: true, reference: true, status: true, commencementDate: true, endedOn: true, monitoringSchedule: true, home: { select: { parcel: { select: { streetAddress: true, city: true } } } }, household: { select: { name: true } } },
  });
  if (!lease || !parsed) return null;
  const settings = await stewardshipSettings(db, actor.organisationId);
  const occurrence = leaseOccurrences({ ...lease, schedule: lease.monitoringSchedule }, settings, `${parsed.year}-12-31`).find((o) => o.scheduleKey === key);
  if (!occurrence) return null;
  const today = todayIn(actor.timeZone);
  const status = statusOn({ status: "open", dueDate: occurrence.dueDate }, today, settings.graceDays);
  const overdue = isOverdue({ status, dueDate: occurrence.dueDate }, today);
  const isStaff = can(actor.role, "records:write");
  return {
    event: {
      id: null as string | null,
      version: 1,
      type: occurrence.type,
      subject: "",
      dueDate: occurrence.dueDate,
      storedStatus: "open" as MonitoringEventStatus,
      status,
      overdue,
      submittedOn: null as string | null,
      resolvedOn: null as string | null,
      resolution: "",
      notes: "",
      assignedToId: null as string | null,
      leaseId: lease.id,
      scheduleKey: key,
      leaseReference: lease.reference,
      home: [lease.home.parcel.streetAddress, lease.home.parcel.city].filter(Boolean).join(", "),
      household: lease.household.name,
    },
    graceDays: settings.graceDays,
    today,
    staff: isStaff ? await assignableStaff(db, actor.organisationId) : [],
    documents: [] as EventPageData["documents"],
    documentMaxBytes: documentMaxBytes(),
    history: [] as EventPageData["history"],
    timeZone: actor.timeZone,
    isStaff,
    canSubmit: isStaff || actor.role === "homeowner",
    letters: isStaff ? lettersFor({ type: occurrence.type, status, overdue }) : [],
  };
}

/** Acting on a scheduled occurrence: it is stored (once, however many act at once), then the form runs on it. */
export async function scheduledPageAction(db: Db, actor: Actor, leaseId: string, key: string, form: FormData) {
  const scope = eventScope(actor);
  const lease = scope ? await db.lease.findFirst({ where: { id: leaseId, ...scope }, select: { id: true } }) : null;
  if (!lease) throw new NotFoundError("Scheduled event not found");
  const intent = readIntent(form, EVENT_PAGE_INTENTS);
  if (!can(actor.role, "records:write") && !(actor.role === "homeowner" && intent === "submit")) throw new ForbiddenError("You may not change this event.");
  const stored = await storedEventFor(db, auditActor(actor), leaseId, key);
  if (!stored.ok) throw new NotFoundError(stored.message);
  return eventPageAction(db, actor, stored.id, form);
}
