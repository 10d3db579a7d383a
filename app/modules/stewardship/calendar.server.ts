import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { getLeaseTermsOn } from "~/modules/leases/terms.server";
import { storeDocument } from "~/modules/stored-documents/stored-documents.server";
import { addDays, compareCalendarDates, todayIn } from "~/utils/calendar-date";
import { isUniqueViolation, type Db } from "~/utils/db.server";
import { buildCalendar, calendarThrough, leaseOccurrences, parseScheduleKey, type CalendarEntry, type ScheduleLease } from "./calendar";
import { eventScope, stewardshipSettings, type EventReader } from "./events.server";
import { isOverdue, statusOn, type MonitoringEventStatus, type MonitoringEventType } from "./events";
import { renderLetter } from "./letter-pdf.server";
import { LETTER_KINDS, lettersFor, type LetterKind } from "./letters";

/**
 * The compliance calendar of a trust (or, for a homeowner, of their household) as of a date: computed from
 * the leases' schedules and merged with the stored events (calendar.ts). Reading writes nothing; an
 * occurrence becomes a stored event when someone acts on it (`storedEventFor`), once per lease and year
 * whatever the number of servers — the database's unique (organisation, lease, schedule key) decides.
 */

export type CalendarFilters = { type?: MonitoringEventType; assignedToId?: string };

export type CalendarItem = {
  eventId: string | null;
  scheduleKey: string | null;
  leaseId: string | null;
  leaseReference: string;
  homeId: string;
  home: string;
  householdId: string | null;
  household: string;
  type: MonitoringEventType;
  dueDate: string;
  status: MonitoringEventStatus;
  overdue: boolean;
  assignedToId: string | null;
};

function homeLabel(home: { label: string; parcel: { streetAddress: string; city: string } }): string {
  const street = [home.parcel.streetAddress, home.parcel.city].filter(Boolean).join(", ");
  return home.label ? `${street} (${home.label})` : street;
}

type LeaseRow = {
  id: string;
  reference: string;
  status: string;
  commencementDate: string;
  endedOn: string | null;
  homeId: string;
  householdId: string;
  homeLabel: string;
  streetAddress: string;
  city: string;
  householdName: string;
  scheduleLeaseId: string | null;
  occupancyFixedDate: string | null;
  insuranceExpiresOn: string | null;
  taxProofDate: string | null;
};

type EventRow = {
  id: string;
  leaseId: string | null;
  homeId: string;
  householdId: string | null;
  type: string;
  dueDate: string;
  status: string;
  scheduleKey: string | null;
  assignedToId: string | null;
  homeLabel: string;
  streetAddress: string;
  city: string;
  householdName: string | null;
  leaseReference: string | null;
};

export async function stewardshipCalendar(db: Db, reader: EventReader, asOf: string, filters: CalendarFilters = {}): Promise<{ asOf: string; through: string; graceDays: number; items: CalendarItem[] }> {
  const scope = eventScope(reader);
  const settings = await stewardshipSettings(db, reader.organisationId);
  const through = calendarThrough(asOf);
  if (!scope) return { asOf, through, graceDays: settings.graceDays, items: [] };
  // Two statements (docs/decisions/012-hot-path-queries-in-sql.md): the dashboard asks on every load, and the
  // same reads as nested Prisma relations took ten queries. Homeowners see their household's only.
  const householdId = scope.householdId ?? "";
  const [leaseRows, eventRows] = await Promise.all([
    db.$queryRaw<LeaseRow[]>`
      SELECT l."id", l."reference", l."status", l."commencementDate", l."endedOn", l."homeId", l."householdId",
             h."label" AS "homeLabel", p."streetAddress", p."city", hh."name" AS "householdName",
             ms."leaseId" AS "scheduleLeaseId", ms."occupancyFixedDate", ms."insuranceExpiresOn", ms."taxProofDate"
      FROM "Lease" l
      JOIN "Home" h ON h."id" = l."homeId"
      JOIN "Parcel" p ON p."id" = h."parcelId"
      JOIN "Household" hh ON hh."id" = l."householdId"
      LEFT JOIN "MonitoringSchedule" ms ON ms."leaseId" = l."id"
      WHERE l."organisationId" = ${reader.organisationId} AND (${householdId} = '' OR l."householdId" = ${householdId})
        AND l."status" IN ('executed', 'recorded', 'active', 'ended', 'assigned')
      ORDER BY l."id"`,
    db.$queryRaw<EventRow[]>`
      SELECT e."id", e."leaseId", e."homeId", e."householdId", e."type", e."dueDate", e."status", e."scheduleKey", e."assignedToId",
             h."label" AS "homeLabel", p."streetAddress", p."city", hh."name" AS "householdName", l."reference" AS "leaseReference"
      FROM "MonitoringEvent" e
      JOIN "Home" h ON h."id" = e."homeId"
      JOIN "Parcel" p ON p."id" = h."parcelId"
      LEFT JOIN "Household" hh ON hh."id" = e."householdId"
      LEFT JOIN "Lease" l ON l."id" = e."leaseId"
      WHERE e."organisationId" = ${reader.organisationId} AND (${householdId} = '' OR e."householdId" = ${householdId})
        AND e."dueDate" <= ${through}
      ORDER BY e."id"`,
  ]);
  const home = (row: { homeLabel: string; streetAddress: string; city: string }) => ({ label: row.homeLabel, parcel: { streetAddress: row.streetAddress, city: row.city } });
  const leases = leaseRows.map((row) => ({
    ...row,
    home: home(row),
    household: { name: row.householdName },
    monitoringSchedule: row.scheduleLeaseId === null ? null : { occupancyFixedDate: row.occupancyFixedDate, insuranceExpiresOn: row.insuranceExpiresOn, taxProofDate: row.taxProofDate },
  }));
  const events = eventRows.map((row) => ({
    ...row,
    type: row.type as MonitoringEventType,
    status: row.status as MonitoringEventStatus,
    home: home(row),
    household: row.householdName === null ? null : { name: row.householdName },
    lease: row.leaseReference === null ? null : { reference: row.leaseReference },
  }));
  const occurrences = leases.flatMap((lease) =>
    leaseOccurrences({ ...lease, schedule: lease.monitoringSchedule } as ScheduleLease, settings, through),
  );
  const byLease = new Map(leases.map((l) => [l.id, l]));
  const entries = buildCalendar(occurrences, events, asOf, settings.graceDays);
  const items = entries
    .map((entry: CalendarEntry<(typeof events)[number]>): CalendarItem => {
      const lease = entry.leaseId ? byLease.get(entry.leaseId) : undefined;
      const event = entry.event;
      return {
        eventId: event?.id ?? null,
        scheduleKey: entry.scheduleKey,
        leaseId: entry.leaseId,
        leaseReference: lease?.reference ?? event?.lease?.reference ?? "",
        homeId: event?.homeId ?? lease!.homeId,
        home: homeLabel(event?.home ?? lease!.home),
        householdId: event?.householdId ?? lease?.householdId ?? null,
        household: event?.household?.name ?? lease?.household.name ?? "",
        type: entry.type,
        dueDate: entry.dueDate,
        status: entry.status,
        overdue: entry.overdue,
        assignedToId: event?.assignedToId ?? null,
      };
    })
    .filter((item) => (!filters.type || item.type === filters.type) && (!filters.assignedToId || item.assignedToId === filters.assignedToId));
  return { asOf, through, graceDays: settings.graceDays, items };
}

/** Counts and the next items for the dashboard: due this month (not yet answered), overdue, delinquent. */
export function calendarSummary(items: CalendarItem[], asOf: string) {
  const month = asOf.slice(0, 7);
  const waiting = items.filter((i) => i.status === "open" || i.status === "delinquent");
  return {
    dueThisMonth: waiting.filter((i) => i.dueDate.slice(0, 7) === month).length,
    overdue: waiting.filter((i) => i.overdue && i.status === "open").length,
    delinquent: items.filter((i) => i.status === "delinquent").length,
    submitted: items.filter((i) => i.status === "submitted").length,
    next: waiting.filter((i) => compareCalendarDates(i.dueDate, addDays(asOf, -1)) > 0).slice(0, 5),
  };
}

/**
 * The stored event for a lease's scheduled occurrence, created if nobody has acted on it yet. Refuses a key
 * that is not an occurrence of that lease's schedule. Safe under concurrency: when two servers create the
 * same occurrence at once, the database keeps one and the other reads it.
 */
export async function storedEventFor(db: Db, actor: AuditActor, leaseId: string, key: string): Promise<{ ok: true; id: string; created: boolean } | { ok: false; message: string }> {
  const parsed = parseScheduleKey(key);
  const existing = () => db.monitoringEvent.findFirst({ where: { organisationId: actor.organisationId, leaseId, scheduleKey: key }, select: { id: true } });
  const found = await existing();
  if (found) return { ok: true, id: found.id, created: false };
  const lease = await db.lease.findFirst({
    where: { id: leaseId, organisationId: actor.organisationId },
    select: { id: true, status: true, commencementDate: true, endedOn: true, homeId: true, householdId: true, monitoringSchedule: true },
  });
  if (!lease || !parsed) return { ok: false, message: "This scheduled event does not exist." };
  const settings = await stewardshipSettings(db, actor.organisationId);
  const occurrence = leaseOccurrences({ ...lease, schedule: lease.monitoringSchedule }, settings, `${parsed.year}-12-31`).find((o) => o.scheduleKey === key);
  if (!occurrence) return { ok: false, message: "This scheduled event does not exist." };
  try {
    const id = await db.$transaction(async (tx) => {
      const created = await tx.monitoringEvent.create({
        data: {
          organisationId: actor.organisationId,
          homeId: lease.homeId,
          householdId: lease.householdId,
          leaseId: lease.id,
          type: occurrence.type,
          dueDate: occurrence.dueDate,
          scheduleKey: key,
          createdById: actor.userId,
        },
      });
      await recordAudit(tx, actor, { entity: "MonitoringEvent", entityId: created.id, action: "create", after: { type: created.type, dueDate: created.dueDate, leaseId: lease.id, scheduleKey: key } });
      return created.id;
    });
    return { ok: true, id, created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await existing();
    if (!raced) throw error;
    return { ok: true, id: raced.id, created: false };
  }
}

/**
 * Produces a letter for an event (storing a scheduled occurrence first), files it on the event as a stored
 * document, and returns its bytes and name. Refuses a letter the event cannot have (lettersFor).
 */
export async function produceLetter(
  db: Db,
  actor: AuditActor & { timeZone: string },
  target: { eventId?: string; leaseId?: string; scheduleKey?: string },
  kind: LetterKind,
): Promise<{ ok: true; pdf: Buffer; name: string; eventId: string } | { ok: false; status: 400 | 404; message: string }> {
  let eventId = target.eventId ?? "";
  if (!eventId && target.leaseId && target.scheduleKey) {
    const stored = await storedEventFor(db, actor, target.leaseId, target.scheduleKey);
    if (!stored.ok) return { ok: false, status: 404, message: stored.message };
    eventId = stored.id;
  }
  const event = await db.monitoringEvent.findFirst({
    where: { id: eventId, organisationId: actor.organisationId },
    include: {
      lease: { select: { id: true, reference: true, commencementDate: true, lessees: { orderBy: { position: "asc" }, select: { fullName: true } } } },
      household: { select: { name: true, mailingAddress: true } },
      home: { select: { parcel: { select: { streetAddress: true, city: true, state: true, postalCode: true } } } },
      organisation: { select: { name: true, address: true } },
    },
  });
  if (!event || !event.lease) return { ok: false, status: 404, message: "Monitoring event not found." };
  const settings = await stewardshipSettings(db, actor.organisationId);
  const today = todayIn(actor.timeZone);
  const status = statusOn({ status: event.status as MonitoringEventStatus, dueDate: event.dueDate }, today, settings.graceDays);
  const allowed = lettersFor({ type: event.type as MonitoringEventType, status, overdue: isOverdue({ status, dueDate: event.dueDate }, today) });
  if (!allowed.includes(kind)) return { ok: false, status: 400, message: `A ${LETTER_KINDS[kind].toLowerCase()} cannot be produced for this event now.` };
  const terms = await getLeaseTermsOn(db, actor.organisationId, event.lease.id, today);
  const parcel = event.home.parcel;
  const pdf = await renderLetter({
    kind,
    letterDate: today,
    organisation: event.organisation,
    lessees: event.lease.lessees.map((l) => l.fullName),
    mailingAddress: event.household?.mailingAddress ?? "",
    homeAddress: [parcel.streetAddress, [parcel.city, [parcel.state, parcel.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ")].filter(Boolean).join(", "),
    leaseReference: event.lease.reference,
    commencementDate: event.lease.commencementDate,
    type: event.type as MonitoringEventType,
    dueDate: event.dueDate,
    graceDays: settings.graceDays,
    nonMonetaryCureDays: terms?.nonMonetaryCureDays ?? 60,
  });
  const name = `${LETTER_KINDS[kind]} ${event.lease.reference} ${event.dueDate}.pdf`;
  const stored = await storeDocument(db, actor, { ownerType: "monitoring_event", ownerId: event.id, category: "letter", fileName: name, mimeType: "application/pdf", content: new Uint8Array(pdf), maxBytes: Number.MAX_SAFE_INTEGER, source: "generated" });
  if (!stored.ok) throw new Error(stored.message);
  return { ok: true, pdf, name: stored.document.name, eventId: event.id };
}
