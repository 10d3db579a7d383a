/**
 * The valuation inputs of a home — appraisals, pre-sale inspections with their deductions, approved
 * improvements — and the trust's index values (docs/home-inputs.md). Every query is scoped to the
 * organisation; every record is added once, audited, with who recorded it. An appraisal is ordered and later
 * received (version-checked, once). `resaleInputsForHome` turns the stored records into the inputs of a resale
 * calculation by the rules in ./resale-inputs.ts.
 */
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { compareCalendarDates } from "~/utils/calendar-date";
import { fromDbCents } from "~/utils/cents";
import { STALE_RECORD_MESSAGE } from "~/utils/concurrency.server";
import type { Db, Tx } from "~/utils/db.server";
import { centsToString } from "~/utils/money";
import { resaleInputsFrom, type ResaleInputs } from "./resale-inputs";
import type { AppraisalReceiptValues, AppraisalValues, ImprovementValues, InspectionValues } from "./schemas";
import { DomainError, kindForStatus } from "~/utils/errors";

/** A domain error (app/utils/errors.ts) with the field it belongs beside; status 400, 403, 404 or 409. */
export class HomeInputError extends DomainError {
  constructor(message: string, field?: string, status: 400 | 403 | 404 | 409 = 400) {
    super(kindForStatus(status), message, { field });
    this.name = "HomeInputError";
  }
}

async function findHome(tx: Tx | Db, organisationId: string, homeId: string) {
  const home = await tx.home.findFirst({ where: { id: homeId, organisationId }, select: { id: true } });
  if (!home) throw new HomeInputError("Home not found", undefined, 404);
  return home;
}

const money = (cents: number | null | undefined) => (cents === null || cents === undefined ? null : centsToString(cents));

/** Every stored valuation input of the home (oldest first), with the trust's index values. 404 for another trust's home. */
export async function getHomeInputs(db: Db, organisationId: string, homeId: string) {
  await findHome(db, organisationId, homeId);
  const [appraisals, inspections, improvements, indexValues] = await Promise.all([
    db.homeAppraisal.findMany({ where: { organisationId, homeId }, orderBy: [{ orderedOn: "asc" }, { createdAt: "asc" }] }),
    db.homeInspection.findMany({
      where: { organisationId, homeId },
      orderBy: [{ inspectedOn: "asc" }, { createdAt: "asc" }],
      include: { deductions: { orderBy: { position: "asc" } } },
    }),
    db.approvedImprovement.findMany({ where: { organisationId, homeId }, orderBy: [{ completedOn: "asc" }, { createdAt: "asc" }] }),
    db.indexValue.findMany({ where: { organisationId }, orderBy: [{ indexName: "asc" }, { date: "asc" }] }),
  ]);
  return {
    appraisals: appraisals.map((a) => ({
      id: a.id,
      appraiser: a.appraiser,
      orderedOn: a.orderedOn,
      receivedOn: a.receivedOn,
      effectiveDate: a.effectiveDate,
      valueCents: a.valueCents === null ? null : fromDbCents(a.valueCents),
      improvementValueCents: a.improvementValueCents === null ? null : fromDbCents(a.improvementValueCents),
      source: a.source,
      note: a.note,
      version: a.version,
      createdByLabel: a.createdByLabel,
      createdAt: a.createdAt.toISOString(),
    })),
    inspections: inspections.map((i) => ({
      id: i.id,
      inspectedOn: i.inspectedOn,
      inspector: i.inspector,
      source: i.source,
      note: i.note,
      createdByLabel: i.createdByLabel,
      createdAt: i.createdAt.toISOString(),
      deductions: i.deductions.map((d) => ({ description: d.description, amountCents: fromDbCents(d.amountCents) })),
    })),
    improvements: improvements.map((i) => ({
      id: i.id,
      description: i.description,
      costCents: fromDbCents(i.costCents),
      completedOn: i.completedOn,
      approvedOn: i.approvedOn,
      creditTerms: i.creditTerms,
      source: i.source,
      createdByLabel: i.createdByLabel,
      createdAt: i.createdAt.toISOString(),
    })),
    indexValues: indexValues.map((v) => ({ id: v.id, indexName: v.indexName, date: v.date, value: v.value, source: v.source })),
  };
}

/** Orders an appraisal (with its report when it is already in). */
export async function recordAppraisal(db: Db, actor: AuditActor, homeId: string, values: Omit<AppraisalValues, "intent">): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await findHome(tx, actor.organisationId, homeId);
    const appraisal = await tx.homeAppraisal.create({
      data: {
        organisationId: actor.organisationId,
        homeId,
        appraiser: values.appraiser,
        orderedOn: values.orderedOn,
        receivedOn: values.receivedOn ?? null,
        effectiveDate: values.effectiveDate ?? null,
        valueCents: values.value ?? null,
        improvementValueCents: values.improvementValue ?? null,
        source: values.source ?? "",
        note: values.note ?? "",
        createdById: actor.userId,
        createdByLabel: actor.label,
      },
    });
    await recordAudit(tx, actor, {
      entity: "HomeAppraisal",
      entityId: appraisal.id,
      action: "create",
      after: {
        homeId,
        appraiser: appraisal.appraiser,
        orderedOn: appraisal.orderedOn,
        receivedOn: appraisal.receivedOn,
        effectiveDate: appraisal.effectiveDate,
        value: money(values.value),
        improvementValue: money(values.improvementValue),
        source: appraisal.source,
      },
    });
    return { id: appraisal.id };
  });
}

/** Records the report of an ordered appraisal, once; a stale form (version) is refused. */
export async function recordAppraisalReceived(db: Db, actor: AuditActor, values: Omit<AppraisalReceiptValues, "intent">): Promise<void> {
  await db.$transaction(async (tx) => {
    const appraisal = await tx.homeAppraisal.findFirst({ where: { id: values.appraisalId, organisationId: actor.organisationId } });
    if (!appraisal) throw new HomeInputError("Appraisal not found", undefined, 404);
    if (appraisal.version !== values.version) throw new HomeInputError(STALE_RECORD_MESSAGE, undefined, 409);
    if (appraisal.receivedOn !== null) throw new HomeInputError("This appraisal's report is already recorded; order a new appraisal for a new value.", "receivedOn", 409);
    if (compareCalendarDates(values.receivedOn, appraisal.orderedOn) < 0) {
      throw new HomeInputError(`The report cannot arrive before the appraisal was ordered (${appraisal.orderedOn})`, "receivedOn");
    }
    const updated = await tx.homeAppraisal.updateMany({
      where: { id: appraisal.id, organisationId: actor.organisationId, version: values.version, receivedOn: null },
      data: {
        receivedOn: values.receivedOn,
        effectiveDate: values.effectiveDate,
        valueCents: values.value,
        improvementValueCents: values.improvementValue ?? null,
        source: values.source ?? appraisal.source,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new HomeInputError(STALE_RECORD_MESSAGE, undefined, 409);
    await recordAudit(tx, actor, {
      entity: "HomeAppraisal",
      entityId: appraisal.id,
      action: "update",
      before: { receivedOn: null, effectiveDate: null, value: null, improvementValue: null },
      after: { receivedOn: values.receivedOn, effectiveDate: values.effectiveDate, value: money(values.value), improvementValue: money(values.improvementValue) },
    });
  });
}

/** Records an inspection with its deductions. */
export async function recordInspection(db: Db, actor: AuditActor, homeId: string, values: Omit<InspectionValues, "intent">): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await findHome(tx, actor.organisationId, homeId);
    const inspection = await tx.homeInspection.create({
      data: {
        organisationId: actor.organisationId,
        homeId,
        inspectedOn: values.inspectedOn,
        inspector: values.inspector,
        source: values.source ?? "",
        note: values.note ?? "",
        createdById: actor.userId,
        createdByLabel: actor.label,
        deductions: {
          create: values.deductions.map((d, position) => ({ organisationId: actor.organisationId, position, description: d.description, amountCents: d.amountCents })),
        },
      },
    });
    await recordAudit(tx, actor, {
      entity: "HomeInspection",
      entityId: inspection.id,
      action: "create",
      after: {
        homeId,
        inspectedOn: inspection.inspectedOn,
        inspector: inspection.inspector,
        source: inspection.source,
        deductions: values.deductions.map((d) => `${d.description}: ${centsToString(d.amountCents)}`).join("; "),
      },
    });
    return { id: inspection.id };
  });
}

/**
 * Adds an approved improvement inside the caller's transaction (an improvement approval records the decision
 * and the improvement together). `recordApprovedImprovement` is the same in a transaction of its own.
 */
export async function addApprovedImprovement(tx: Tx, actor: AuditActor, homeId: string, values: Omit<ImprovementValues, "intent">): Promise<{ id: string }> {
  await findHome(tx, actor.organisationId, homeId);
  if (compareCalendarDates(values.completedOn, values.approvedOn) < 0) {
    throw new HomeInputError(`Work credited must be approved before it is completed (approved ${values.approvedOn})`, "completedOn");
  }
  const improvement = await tx.approvedImprovement.create({
    data: {
      organisationId: actor.organisationId,
      homeId,
      description: values.description,
      costCents: values.cost,
      completedOn: values.completedOn,
      approvedOn: values.approvedOn,
      creditTerms: values.creditTerms ?? "",
      source: values.source ?? "",
      createdById: actor.userId,
      createdByLabel: actor.label,
    },
  });
  await recordAudit(tx, actor, {
    entity: "ApprovedImprovement",
    entityId: improvement.id,
    action: "create",
    after: {
      homeId,
      description: improvement.description,
      cost: centsToString(values.cost),
      approvedOn: improvement.approvedOn,
      completedOn: improvement.completedOn,
      creditTerms: improvement.creditTerms,
      source: improvement.source,
    },
  });
  return { id: improvement.id };
}

export async function recordApprovedImprovement(db: Db, actor: AuditActor, homeId: string, values: Omit<ImprovementValues, "intent">): Promise<{ id: string }> {
  return db.$transaction((tx) => addApprovedImprovement(tx, actor, homeId, values));
}

/**
 * The inputs of a resale calculation of this home from its stored records: appraisals, index values of the
 * formula's index, approved improvements and the pre-sale inspection's deductions, each with its source.
 */
export async function resaleInputsForHome(
  db: Db,
  organisationId: string,
  homeId: string,
  on: { purchaseDate: string; valuationDate: string; indexName?: string | null },
): Promise<ResaleInputs> {
  return resaleInputsFrom(await getHomeInputs(db, organisationId, homeId), on);
}
