/**
 * Defaults and cure, data access: notices of default, escalation, a lender's notice, cure. Scoped to the
 * organisation; every write audited in the same transaction. Deadlines come from the lease's own terms in
 * force on the date that starts them (`getLeaseTermsOn`), frozen on the record (defaults.ts has the rules).
 */
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { BINDING_STATUSES } from "~/modules/leases/leases.server";
import { getLeaseTermsOn } from "~/modules/leases/terms.server";
import { homeLabel } from "~/modules/parcels/parcels.server";
import { compareCalendarDates } from "~/utils/calendar-date";
import { fromDbCents, withNumberCents } from "~/utils/cents";
import { assertUpdated } from "~/utils/concurrency.server";
import type { Db, Tx } from "~/utils/db.server";
import { resolveLinkedEvents, upsertLinkedEvent } from "~/modules/stewardship/linked-events.server";
import { cureDeadline, ESCALATION_STAGES, lenderCureDeadline, type DefaultKind, type Escalation } from "./defaults";
import { noticeOfDefaultLetter, type Letter } from "./letters";
import type { DefaultActionValues, NoticeOfDefaultValues } from "./schemas";
import { NotFoundError } from "~/utils/errors";

type Result = { ok: true; id: string } | { ok: false; fieldErrors?: Record<string, string[]>; formErrors?: string[] };

/** The permitted mortgages in force on `date` (recorded by then, not yet released). */
function mortgagesOn<T extends { recordedOn: string; releasedOn: string | null }>(rows: T[], date: string): T[] {
  return rows.filter((m) => compareCalendarDates(m.recordedOn, date) <= 0 && (m.releasedOn === null || compareCalendarDates(m.releasedOn, date) > 0));
}

/** Gives notice of a default on a binding lease: the cure period from the lease's own terms on the notice date. */
export async function recordNoticeOfDefault(db: Db, actor: AuditActor, leaseId: string, values: NoticeOfDefaultValues, options: { today: string }): Promise<Result> {
  if (compareCalendarDates(values.noticeDate, options.today) > 0) return { ok: false, fieldErrors: { noticeDate: [`The notice date cannot be after today (${options.today}).`] } };
  return db.$transaction(async (tx) => {
    const lease = await tx.lease.findFirst({ where: { id: leaseId, organisationId: actor.organisationId }, include: { permittedMortgages: true } });
    if (!lease) throw new NotFoundError("Lease not found");
    if (!BINDING_STATUSES.includes(lease.status)) return { ok: false as const, formErrors: [`Lease ${lease.reference} is ${lease.status}: a notice of default is given under a signed lease that binds the home.`] };
    if (lease.executionDate && compareCalendarDates(values.noticeDate, lease.executionDate) < 0) {
      return { ok: false as const, fieldErrors: { noticeDate: [`The notice cannot be before the lease was signed (${lease.executionDate}).`] } };
    }
    const terms = await getLeaseTermsOn(tx, actor.organisationId, leaseId, values.noticeDate);
    if (!terms) throw new NotFoundError("Lease not found");
    const cure = cureDeadline(values.kind, values.noticeDate, terms);
    const copies = mortgagesOn(lease.permittedMortgages, values.noticeDate).map((m) => ({ lender: m.lender, amountCents: fromDbCents(m.amountCents) }));
    const created = await tx.leaseDefault.create({
      data: {
        organisationId: actor.organisationId,
        leaseId,
        kind: values.kind,
        description: values.description,
        amountCents: values.kind === "monetary" ? values.amountCents ?? null : null,
        noticeDate: values.noticeDate,
        cureDays: cure.cureDays,
        cureDeadline: cure.deadline,
        escalations: [],
        mortgageeCopies: copies,
        createdById: actor.userId,
      },
    });
    // the calendar shows the default until it is cured: an enforcement event due on the last day to cure
    await upsertLinkedEvent(tx, actor, {
      leaseId,
      key: `default:${created.id}`,
      type: "enforcement_violation",
      subject: `Notice of default of ${values.noticeDate} (${values.kind}): cure by ${cure.deadline}`,
      dueDate: cure.deadline,
    });
    await recordAudit(tx, actor, {
      entity: "LeaseDefault",
      entityId: created.id,
      action: "create",
      after: { leaseReference: lease.reference, kind: values.kind, description: values.description, amountCents: values.amountCents ?? null, noticeDate: values.noticeDate, cureDays: cure.cureDays, cureDeadline: cure.deadline, mortgageeCopies: copies },
    });
    return { ok: true as const, id: created.id };
  });
}

/** Escalates a default, records a lender's notice (the trust's cure window), or records the cure. */
export async function updateDefault(db: Db, actor: AuditActor, defaultId: string, values: DefaultActionValues, options: { today: string }): Promise<Result> {
  return db.$transaction(async (tx): Promise<Result> => {
    const record = await tx.leaseDefault.findFirst({ where: { id: defaultId, organisationId: actor.organisationId } });
    if (!record) throw new NotFoundError("Default not found");
    if (record.status === "cured") return { ok: false as const, formErrors: [`This default was cured on ${record.curedOn}.`] };
    const dateField = values.intent === "escalate" ? "date" : values.intent === "lender-notice" ? "receivedOn" : "curedOn";
    const date = values.intent === "escalate" ? values.date : values.intent === "lender-notice" ? values.receivedOn : values.curedOn;
    if (compareCalendarDates(date, options.today) > 0) return { ok: false, fieldErrors: { [dateField]: [`The date cannot be after today (${options.today}).`] } };
    if (compareCalendarDates(date, record.noticeDate) < 0) return { ok: false, fieldErrors: { [dateField]: [`The date cannot be before the notice of default (${record.noticeDate}).`] } };
    const where = { id: defaultId, organisationId: actor.organisationId, version: values.version, status: "open" };
    let data: Record<string, unknown>;
    if (values.intent === "escalate") {
      const escalations = (record.escalations as Escalation[]) ?? [];
      if (values.stage === "delinquent-90" && !values.obligation) return { ok: false as const, fieldErrors: { obligation: ["Choose what is 90+ days delinquent"] } };
      if (values.stage !== "delinquent-90" && escalations.some((e) => e.stage === values.stage)) {
        return { ok: false as const, fieldErrors: { stage: [`${ESCALATION_STAGES[values.stage]} is already recorded.`] } };
      }
      if (values.foreclosureSaleDate && compareCalendarDates(values.foreclosureSaleDate, values.date) < 0) {
        return { ok: false as const, fieldErrors: { foreclosureSaleDate: ["The foreclosure sale cannot be before the date recorded."] } };
      }
      const escalation: Escalation = { stage: values.stage, date: values.date, ...(values.obligation && values.stage === "delinquent-90" ? { obligation: values.obligation } : {}), note: values.note ?? "" };
      data = { escalations: [...escalations, escalation], ...(values.foreclosureSaleDate ? { foreclosureSaleDate: values.foreclosureSaleDate } : {}) };
    } else if (values.intent === "lender-notice") {
      const terms = await getLeaseTermsOn(tx, actor.organisationId, record.leaseId, values.receivedOn);
      if (!terms) throw new NotFoundError("Lease not found");
      const window = lenderCureDeadline(values.receivedOn, terms);
      data = { lenderName: values.lenderName, lenderNoticeReceivedOn: values.receivedOn, lenderCureDays: window.lenderCureDays, lenderCureDeadline: window.deadline };
    } else {
      data = { status: "cured", curedOn: values.curedOn };
    }
    assertUpdated(await tx.leaseDefault.updateMany({ where, data: { ...data, version: { increment: 1 } } }));
    await recordAudit(tx, actor, { entity: "LeaseDefault", entityId: defaultId, action: "update", after: { intent: values.intent, ...data } });
    await followDefault(tx, actor, record, values, typeof data.lenderCureDeadline === "string" ? data.lenderCureDeadline : null);
    return { ok: true as const, id: defaultId };
  });
}

/** The monitoring events a default's escalation, lender's notice or cure creates or resolves (linked-events). */
async function followDefault(tx: Tx, actor: AuditActor, record: { id: string; leaseId: string; escalations: unknown }, values: DefaultActionValues, lenderCureDeadline: string | null) {
  const key = `default:${record.id}`;
  if (values.intent === "cured") {
    await resolveLinkedEvents(tx, actor, record.leaseId, key, values.curedOn, `The default was cured on ${values.curedOn}.`);
  } else if (values.intent === "lender-notice") {
    // the trust's own deadline: its cure window after the lender's notice (then its option to buy before foreclosure)
    await upsertLinkedEvent(tx, actor, {
      leaseId: record.leaseId,
      key: `${key}:lender-notice`,
      type: "other",
      subject: `${values.lenderName}'s notice of default received ${values.receivedOn}: the trust may cure by ${lenderCureDeadline}`,
      dueDate: lenderCureDeadline ?? values.receivedOn,
    });
  } else if (values.stage === "delinquent-90") {
    // may be recorded more than once: one event each, numbered in the order recorded
    const count = ((record.escalations as Escalation[]) ?? []).filter((e) => e.stage === "delinquent-90").length;
    await upsertLinkedEvent(tx, actor, {
      leaseId: record.leaseId,
      key: `${key}:delinquent-90:${count + 1}`,
      type: "delinquent_90_days",
      subject: values.obligation ?? "",
      dueDate: values.date,
      notes: values.note ?? "",
    });
  } else {
    await upsertLinkedEvent(tx, actor, {
      leaseId: record.leaseId,
      key: `${key}:${values.stage}`,
      type: values.stage === "notice-of-foreclosure" ? "notice_of_foreclosure" : "foreclosure_initiated",
      subject: values.foreclosureSaleDate ? `Foreclosure sale ${values.foreclosureSaleDate}` : "",
      dueDate: values.date,
      notes: values.note ?? "",
    });
  }
}

const defaultInclude = {
  lease: {
    select: {
      id: true,
      reference: true,
      commencementDate: true,
      household: { select: { id: true, name: true } },
      lessees: { select: { fullName: true }, orderBy: { position: "asc" as const } },
      home: { select: { id: true, label: true, parcel: { select: { streetAddress: true, parcelNumber: true, city: true, state: true, postalCode: true } } } },
    },
  },
} as const;

export async function getLeaseDefault(db: Db, organisationId: string, defaultId: string) {
  const row = await db.leaseDefault.findFirst({ where: { id: defaultId, organisationId }, include: defaultInclude });
  if (!row) return null;
  const record = withNumberCents(row);
  return { ...record, kind: record.kind as DefaultKind, escalations: record.escalations as Escalation[], mortgageeCopies: record.mortgageeCopies as { lender: string; amountCents: number }[], homeLabel: homeLabel(record.lease.home) };
}
export type LeaseDefaultDetail = NonNullable<Awaited<ReturnType<typeof getLeaseDefault>>>;

export async function listLeaseDefaults(db: Db, organisationId: string, filters: { status?: string; leaseId?: string } = {}) {
  const rows = await db.leaseDefault.findMany({
    where: { organisationId, ...(filters.status ? { status: filters.status } : {}), ...(filters.leaseId ? { leaseId: filters.leaseId } : {}) },
    include: defaultInclude,
    orderBy: [{ noticeDate: "desc" }, { createdAt: "desc" }],
    take: 500,
  });
  return rows.map((row) => ({ ...withNumberCents(row), escalations: row.escalations as Escalation[], homeLabel: homeLabel(row.lease.home) }));
}

/** The notice of default as a letter to the homeowners, with copies to the permitted mortgagees. */
export async function defaultNoticeLetter(db: Db, organisationId: string, defaultId: string): Promise<Letter | null> {
  const record = await getLeaseDefault(db, organisationId, defaultId);
  if (!record) return null;
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true, address: true } });
  const parcel = record.lease.home.parcel;
  return noticeOfDefaultLetter({
    organisation,
    noticeDate: record.noticeDate,
    kind: record.kind,
    description: record.description,
    amountCents: record.amountCents,
    cureDays: record.cureDays,
    cureDeadline: record.cureDeadline,
    homeowners: record.lease.lessees.map((l) => l.fullName),
    property: { address: [parcel.streetAddress, parcel.city, [parcel.state, parcel.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", "), parcelNumber: parcel.parcelNumber },
    lease: { reference: record.lease.reference, commencementDate: record.lease.commencementDate },
    mortgagees: record.mortgageeCopies,
  });
}

/** The lease a notice of default is recorded on, with its cure periods; null if the organisation has no such lease. */
export async function leaseForDefaultNotice(db: Db, organisationId: string, leaseId: string) {
  return db.lease.findFirst({
    where: { id: leaseId, organisationId },
    select: { id: true, reference: true, monetaryCureDays: true, nonMonetaryCureDays: true },
  });
}
