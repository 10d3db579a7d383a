/**
 * Stewardship requests and the trust's decisions, data access (issue 10 "Requests and decisions"). Every
 * query is scoped to the organisation; every write is audited in the same transaction. The rules are pure
 * (refinance.ts); this file reads the figures they need (the policy, the home's newest saved calculation,
 * the lease's permitted mortgages) and writes what a decision changes: an approved refinance adds its
 * permitted mortgage to the lease by a dated amendment and releases the mortgages it repays.
 */
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { BINDING_STATUSES } from "~/modules/leases/leases.server";
import { usd } from "~/modules/mortgages/permitted-mortgages";
import { latestCalculation } from "~/modules/mortgages/permitted-mortgages.server";
import { homeLabel } from "~/modules/parcels/parcels.server";
import { getLeaseTermsOn } from "~/modules/leases/terms.server";
import { compareCalendarDates } from "~/utils/calendar-date";
import { fromDbCents, withNumberCents } from "~/utils/cents";
import { assertUpdated, createFirstVersion } from "~/utils/concurrency.server";
import type { Db, Tx } from "~/utils/db.server";
import { Decimal } from "~/utils/money";
import { decideRefinance, DEFAULT_REFINANCE_POLICY, staleCalculationError, type RefinanceFigures, type RefinancePolicy } from "./refinance";
import { consentLetter, type Letter } from "./letters";
import { addApprovedImprovement } from "~/modules/home-inputs/home-inputs.server";
import type { Formula } from "~/modules/resale/contract";
import { improvementSentence } from "~/modules/resale/describe";
import { REQUEST_EVENT_TYPES, resolveLinkedEvents, upsertLinkedEvent } from "~/modules/stewardship/linked-events.server";
import { PERIOD_KINDS, type DecisionValues, type ImprovementRequestValues, type PeriodKind, type PeriodRequestValues, type RefinanceRequestValues, type StewardshipSettingsValues } from "./schemas";
import { NotFoundError } from "~/utils/errors";
import { formatLegalDate } from "~/modules/documents/format";

export type DecisionResult = { ok: true; id: string; status: "approved" | "refused"; reasons: string[] } | { ok: false; fieldErrors?: Record<string, string[]>; formErrors?: string[] };

// ------------------------------------------------------------------------------------------------
// The trust's policy
// ------------------------------------------------------------------------------------------------

export async function getStewardshipPolicy(db: Db | Tx, organisationId: string): Promise<RefinancePolicy & { version: number }> {
  const row = await db.stewardshipSettings.findUnique({ where: { organisationId } });
  if (!row) return { ...DEFAULT_REFINANCE_POLICY, version: 0 };
  return { calculationMaxAgeDays: row.calculationMaxAgeDays, refinanceMaxShare: row.refinanceMaxShare, cashOutLimitCents: fromDbCents(row.cashOutLimitCents), version: row.version };
}

/** Saves the policy (admins); a stale version is refused (409 by the caller's concurrency helper). */
export async function updateStewardshipPolicy(db: Db, actor: AuditActor, values: StewardshipSettingsValues): Promise<void> {
  const policy = {
    calculationMaxAgeDays: values.calculationMaxAgeDays,
    refinanceMaxShare: new Decimal(values.refinanceMaxSharePercent).div(100).toFixed(),
    cashOutLimitCents: values.cashOutLimitCents,
  };
  await db.$transaction(async (tx) => {
    const before = await getStewardshipPolicy(tx, actor.organisationId);
    if (before.version === 0) {
      if (values.version !== 0) assertUpdated({ count: 0 });
      await createFirstVersion(tx.stewardshipSettings.create({ data: { organisationId: actor.organisationId, ...policy } }));
    } else {
      assertUpdated(await tx.stewardshipSettings.updateMany({ where: { organisationId: actor.organisationId, version: values.version }, data: { ...policy, version: { increment: 1 } } }));
    }
    const { version: _version, ...beforePolicy } = before;
    await recordAudit(tx, actor, { entity: "StewardshipSettings", entityId: actor.organisationId, action: "update", before: beforePolicy, after: policy });
  });
}

// ------------------------------------------------------------------------------------------------
// Requests
// ------------------------------------------------------------------------------------------------

const requestInclude = {
  lease: {
    select: {
      id: true,
      reference: true,
      status: true,
      homeId: true,
      householdId: true,
      household: { select: { id: true, name: true } },
      lessees: { select: { fullName: true }, orderBy: { position: "asc" as const } },
      home: { select: { id: true, label: true, parcel: { select: { streetAddress: true, parcelNumber: true, city: true, state: true, postalCode: true } } } },
      permittedMortgages: { orderBy: { recordedOn: "asc" as const } },
    },
  },
} as const;

export async function getStewardshipRequest(db: Db | Tx, organisationId: string, requestId: string) {
  const row = await db.stewardshipRequest.findFirst({ where: { id: requestId, organisationId }, include: requestInclude });
  if (!row) return null;
  const request = withNumberCents(row);
  return { ...request, homeLabel: homeLabel(request.lease.home) };
}
export type StewardshipRequestDetail = NonNullable<Awaited<ReturnType<typeof getStewardshipRequest>>>;

/** The organisation's requests, newest first, filtered by status and kind. */
export async function listStewardshipRequests(db: Db, organisationId: string, filters: { status?: string; kind?: string; leaseId?: string } = {}) {
  const rows = await db.stewardshipRequest.findMany({
    where: { organisationId, ...(filters.status ? { status: filters.status } : {}), ...(filters.kind ? { kind: filters.kind } : {}), ...(filters.leaseId ? { leaseId: filters.leaseId } : {}) },
    include: { lease: { select: { id: true, reference: true, household: { select: { name: true } }, home: { select: { label: true, parcel: { select: { streetAddress: true, parcelNumber: true, city: true } } } } } } },
    orderBy: [{ receivedOn: "desc" }, { createdAt: "desc" }],
    take: 500,
  });
  return rows.map((row) => ({ ...row, homeLabel: homeLabel(row.lease.home) }));
}

/** A request can be made only on a signed lease that binds the home. */
async function bindingLease(tx: Tx, organisationId: string, leaseId: string) {
  const lease = await tx.lease.findFirst({ where: { id: leaseId, organisationId }, include: { permittedMortgages: true } });
  if (!lease) throw new NotFoundError("Lease not found");
  return lease;
}

const PERIOD_WORDS: Record<PeriodKind, { noun: string; check: string }> = {
  "leave-of-absence": { noun: "leave of absence", check: "check the homeowner is living in the home again" },
  rental: { noun: "renting of the home", check: "check the tenant has left and the homeowner lives there again" },
  "short-sale": { noun: "short-sale approval", check: "it lapses unless the sale has closed" },
};

/** The request's monitoring event: submitted on the day it was received, waiting on the trust's decision. */
async function requestEvent(tx: Tx, actor: AuditActor, request: { id: string; leaseId: string; kind: string; receivedOn: string }) {
  await upsertLinkedEvent(tx, actor, {
    leaseId: request.leaseId,
    key: `request:${request.id}`,
    type: REQUEST_EVENT_TYPES[request.kind] ?? "other",
    subject: `Request received ${request.receivedOn}: to be decided`,
    dueDate: request.receivedOn,
    status: "submitted",
    submittedOn: request.receivedOn,
  });
}

/** Records a homeowner's refinance request (pending) on a binding lease. */
export async function recordRefinanceRequest(db: Db, actor: AuditActor, leaseId: string, values: RefinanceRequestValues) {
  return db.$transaction(async (tx) => {
    const lease = await bindingLease(tx, actor.organisationId, leaseId);
    if (!BINDING_STATUSES.includes(lease.status)) {
      return { ok: false as const, formErrors: [`Lease ${lease.reference} is ${lease.status}: requests are decided on a signed lease that binds the home.`] };
    }
    const inForce = lease.permittedMortgages.filter((m) => m.releasedOn === null).map((m) => m.id);
    const unknown = values.repays.filter((id) => !inForce.includes(id));
    if (unknown.length) return { ok: false as const, fieldErrors: { repays: ["Choose mortgages listed on this lease."] } };
    const details = {
      lender: values.lender,
      principalCents: values.principalCents,
      payoffCents: values.payoffCents,
      rate: values.rate ?? "",
      termYears: values.termYears ?? "",
      repays: values.repays,
      note: values.note ?? "",
    };
    const created = await tx.stewardshipRequest.create({
      data: { organisationId: actor.organisationId, leaseId, kind: "refinance", receivedOn: values.receivedOn, details, createdById: actor.userId },
    });
    await requestEvent(tx, actor, created);
    await recordAudit(tx, actor, { entity: "StewardshipRequest", entityId: created.id, action: "create", after: { kind: "refinance", leaseReference: lease.reference, receivedOn: values.receivedOn, ...details } });
    return { ok: true as const, id: created.id };
  });
}

/** Records a leave-of-absence, renting or short-sale request (pending) with the period asked for. */
export async function recordPeriodRequest(db: Db, actor: AuditActor, leaseId: string, values: PeriodRequestValues) {
  return db.$transaction(async (tx) => {
    const lease = await bindingLease(tx, actor.organisationId, leaseId);
    if (!BINDING_STATUSES.includes(lease.status)) {
      return { ok: false as const, formErrors: [`Lease ${lease.reference} is ${lease.status}: requests are decided on a signed lease that binds the home.`] };
    }
    const details = { reason: values.reason, party: values.party ?? "", priceCents: values.priceCents ?? null, requestedStart: values.periodStart, requestedEnd: values.periodEnd };
    const created = await tx.stewardshipRequest.create({
      data: { organisationId: actor.organisationId, leaseId, kind: values.kind, receivedOn: values.receivedOn, periodStart: values.periodStart, periodEnd: values.periodEnd, details, createdById: actor.userId },
    });
    await requestEvent(tx, actor, created);
    await recordAudit(tx, actor, { entity: "StewardshipRequest", entityId: created.id, action: "create", after: { kind: values.kind, leaseReference: lease.reference, receivedOn: values.receivedOn, ...details } });
    return { ok: true as const, id: created.id };
  });
}

/** Records an improvement request (pending): the work, its estimated cost and expected completion. */
export async function recordImprovementRequest(db: Db, actor: AuditActor, leaseId: string, values: ImprovementRequestValues) {
  return db.$transaction(async (tx) => {
    const lease = await bindingLease(tx, actor.organisationId, leaseId);
    if (!BINDING_STATUSES.includes(lease.status)) {
      return { ok: false as const, formErrors: [`Lease ${lease.reference} is ${lease.status}: requests are decided on a signed lease that binds the home.`] };
    }
    const details = { description: values.description, costCents: values.costCents, completedOn: values.completedOn };
    const created = await tx.stewardshipRequest.create({ data: { organisationId: actor.organisationId, leaseId, kind: "improvement", receivedOn: values.receivedOn, details, createdById: actor.userId } });
    await requestEvent(tx, actor, created);
    await recordAudit(tx, actor, { entity: "StewardshipRequest", entityId: created.id, action: "create", after: { kind: "improvement", leaseReference: lease.reference, receivedOn: values.receivedOn, ...details } });
    return { ok: true as const, id: created.id };
  });
}

/**
 * Approved leave-of-absence, renting and short-sale periods, for the compliance calendar: each approved
 * request's lease, home, kind and end date (its due date) and whether it has ended by `asOf`.
 */
export async function approvedPeriods(db: Db, organisationId: string, options: { asOf: string }) {
  const rows = await db.stewardshipRequest.findMany({
    where: { organisationId, status: "approved", kind: { in: [...PERIOD_KINDS] }, periodEnd: { not: null } },
    include: { lease: { select: { id: true, reference: true, homeId: true, householdId: true } } },
    orderBy: [{ periodEnd: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    requestId: r.id,
    leaseId: r.lease.id,
    leaseReference: r.lease.reference,
    homeId: r.lease.homeId,
    householdId: r.lease.householdId,
    kind: r.kind as PeriodKind,
    periodStart: r.periodStart!,
    periodEnd: r.periodEnd!,
    state: compareCalendarDates(options.asOf, r.periodEnd!) > 0 ? ("ended" as const) : compareCalendarDates(options.asOf, r.periodStart!) >= 0 ? ("current" as const) : ("upcoming" as const),
  }));
}

export type RefinanceDetails = { lender: string; principalCents: number; payoffCents: number; rate: string; termYears: string; repays: string[]; note: string };

/**
 * Decides a pending request. Refusing records the staff's reason. Approving a refinance checks it against
 * the home's newest saved calculation and the trust's policy: within them, the permitted mortgage is added
 * by a dated amendment (effective on the decision date) and the mortgages it repays are released; outside
 * them, the request is refused with the reasons, naming the figures. A calculation missing or too old is a
 * form error (nothing decided).
 */
export async function decideStewardshipRequest(db: Db, actor: AuditActor, requestId: string, values: DecisionValues, options: { today: string }): Promise<DecisionResult> {
  if (compareCalendarDates(values.decidedOn, options.today) > 0) return { ok: false, fieldErrors: { decidedOn: [`The decision date cannot be after today (${options.today}).`] } };
  return db.$transaction(async (tx): Promise<DecisionResult> => {
    const request = await tx.stewardshipRequest.findFirst({ where: { id: requestId, organisationId: actor.organisationId }, include: { lease: { include: { permittedMortgages: true } } } });
    if (!request) throw new NotFoundError("Request not found");
    if (request.status !== "pending") return { ok: false as const, formErrors: [`This request was already ${request.status} on ${request.decidedOn}.`] };
    if (compareCalendarDates(values.decidedOn, request.receivedOn) < 0) return { ok: false as const, fieldErrors: { decidedOn: [`The decision cannot be before the request was received (${request.receivedOn}).`] } };
    const decided = { decidedOn: values.decidedOn, decisionNote: values.note ?? "", decidedById: actor.userId, version: { increment: 1 } };
    if (values.intent === "refuse") {
      assertUpdated(await tx.stewardshipRequest.updateMany({ where: { id: requestId, organisationId: actor.organisationId, version: values.version, status: "pending" }, data: { ...decided, status: "refused", decision: { reasons: [values.note] } } }));
      await recordAudit(tx, actor, { entity: "StewardshipRequest", entityId: requestId, action: "update", before: { status: "pending" }, after: { status: "refused", decidedOn: values.decidedOn, reasons: [values.note] } });
      await resolveLinkedEvents(tx, actor, request.leaseId, `request:${requestId}`, values.decidedOn, `Refused on ${values.decidedOn}: ${values.note}`);
      return { ok: true as const, id: requestId, status: "refused" as const, reasons: [values.note] };
    }
    if ((PERIOD_KINDS as readonly string[]).includes(request.kind)) {
      const periodStart = values.periodStart ?? request.periodStart!;
      const periodEnd = values.periodEnd ?? request.periodEnd!;
      if (compareCalendarDates(periodEnd, periodStart) < 0) return { ok: false as const, fieldErrors: { periodEnd: ["The approved end date cannot be before the start date."] } };
      assertUpdated(
        await tx.stewardshipRequest.updateMany({
          where: { id: requestId, organisationId: actor.organisationId, version: values.version, status: "pending" },
          data: { ...decided, status: "approved", periodStart, periodEnd, decision: { reasons: [], approvedPeriod: { start: periodStart, end: periodEnd } } },
        }),
      );
      await recordAudit(tx, actor, { entity: "StewardshipRequest", entityId: requestId, action: "update", before: { status: "pending", periodStart: request.periodStart, periodEnd: request.periodEnd }, after: { status: "approved", decidedOn: values.decidedOn, periodStart, periodEnd } });
      await resolveLinkedEvents(tx, actor, request.leaseId, `request:${requestId}`, values.decidedOn, `Approved on ${values.decidedOn} for ${periodStart} to ${periodEnd}.`);
      // the calendar follows the approved period: its end is due for a check
      const words = PERIOD_WORDS[request.kind as PeriodKind];
      await upsertLinkedEvent(tx, actor, {
        leaseId: request.leaseId,
        key: `request-period:${requestId}`,
        type: REQUEST_EVENT_TYPES[request.kind] ?? "other",
        subject: `Approved ${words.noun} (${periodStart} to ${periodEnd}) ends: ${words.check}`,
        dueDate: periodEnd,
      });
      return { ok: true as const, id: requestId, status: "approved" as const, reasons: [] };
    }
    if (request.kind === "improvement") {
      const details = request.details as { description: string; costCents: number; completedOn: string };
      // the credit terms are the lease's own: its frozen resale formula's improvement credit, in words
      const spec = request.lease.formulaSpec as { formula?: Formula } | null;
      const creditTerms = spec?.formula ? improvementSentence(spec.formula) : "";
      if (compareCalendarDates(details.completedOn, values.decidedOn) < 0) {
        return { ok: false as const, fieldErrors: { decidedOn: [`The improvement must be approved before the work is completed (${details.completedOn}).`] } };
      }
      const improvement = await addApprovedImprovement(tx, actor, request.lease.homeId, {
        description: details.description,
        cost: details.costCents,
        approvedOn: values.decidedOn,
        completedOn: details.completedOn,
        creditTerms,
        source: `Improvement request of ${request.receivedOn} on lease ${request.lease.reference}, approved ${values.decidedOn}`,
      });
      assertUpdated(
        await tx.stewardshipRequest.updateMany({
          where: { id: requestId, organisationId: actor.organisationId, version: values.version, status: "pending" },
          data: { ...decided, status: "approved", decision: { reasons: [], approvedImprovementId: improvement.id, creditTerms } },
        }),
      );
      await recordAudit(tx, actor, { entity: "StewardshipRequest", entityId: requestId, action: "update", before: { status: "pending" }, after: { status: "approved", decidedOn: values.decidedOn, approvedImprovementId: improvement.id } });
      await resolveLinkedEvents(tx, actor, request.leaseId, `request:${requestId}`, values.decidedOn, `Approved on ${values.decidedOn}: the improvement is on the home's resale inputs.`);
      return { ok: true as const, id: requestId, status: "approved" as const, reasons: [] };
    }
    if (request.kind !== "refinance") return { ok: false as const, formErrors: ["This kind of request is not decided here yet."] };
    if (!BINDING_STATUSES.includes(request.lease.status)) return { ok: false as const, formErrors: [`Lease ${request.lease.reference} no longer binds the home (${request.lease.status}).`] };
    const details = request.details as unknown as RefinanceDetails;
    const policy = await getStewardshipPolicy(tx, actor.organisationId);
    const calculation = await latestCalculation(tx, actor.organisationId, request.lease.homeId);
    const stale = staleCalculationError(calculation, values.decidedOn, policy);
    if (stale || !calculation) return { ok: false as const, formErrors: [stale ?? "No calculation."] };
    const decision = decideRefinance(details, { id: calculation.id, valuationDate: calculation.valuationDate, maxResalePriceCents: calculation.maxResalePriceCents }, policy);
    const where = { id: requestId, organisationId: actor.organisationId, version: values.version, status: "pending" };
    if (!decision.approved) {
      assertUpdated(await tx.stewardshipRequest.updateMany({ where, data: { ...decided, status: "refused", decision: { reasons: decision.reasons, figures: decision.figures } } }));
      await recordAudit(tx, actor, { entity: "StewardshipRequest", entityId: requestId, action: "update", before: { status: "pending" }, after: { status: "refused", decidedOn: values.decidedOn, reasons: decision.reasons, ...decision.figures } });
      await resolveLinkedEvents(tx, actor, request.leaseId, `request:${requestId}`, values.decidedOn, `Refused on ${values.decidedOn}: ${decision.reasons.join(" ")}`);
      return { ok: true as const, id: requestId, status: "refused" as const, reasons: decision.reasons };
    }
    const amendmentId = await addRefinanceMortgage(tx, actor, request.lease, details, decision.figures, values.decidedOn, requestId);
    assertUpdated(await tx.stewardshipRequest.updateMany({ where, data: { ...decided, status: "approved", amendmentId, decision: { reasons: [], figures: decision.figures } } }));
    await recordAudit(tx, actor, { entity: "StewardshipRequest", entityId: requestId, action: "update", before: { status: "pending" }, after: { status: "approved", decidedOn: values.decidedOn, amendmentId, ...decision.figures } });
    await resolveLinkedEvents(tx, actor, request.leaseId, `request:${requestId}`, values.decidedOn, `Approved on ${values.decidedOn}: the new mortgage is a permitted mortgage by a dated amendment.`);
    return { ok: true as const, id: requestId, status: "approved" as const, reasons: [] };
  });
}

/** The approved refinance's dated amendment: the new permitted mortgage in, the repaid ones released. */
async function addRefinanceMortgage(
  tx: Tx,
  actor: AuditActor,
  lease: { id: string; reference: string; version: number; permittedMortgages: { id: string; lender: string; amountCents: bigint; recordedOn: string; releasedOn: string | null }[] },
  details: RefinanceDetails,
  figures: RefinanceFigures,
  decidedOn: string,
  requestId: string,
): Promise<string> {
  const mortgage = { lender: details.lender, amountCents: details.principalCents, recordedOn: decidedOn };
  const released = lease.permittedMortgages
    .filter((m) => details.repays.includes(m.id) && m.releasedOn === null)
    .map((m) => ({ lender: m.lender, amountCents: fromDbCents(m.amountCents), recordedOn: m.recordedOn }));
  assertUpdated(await tx.lease.updateMany({ where: { id: lease.id, organisationId: actor.organisationId, version: lease.version }, data: { version: { increment: 1 } } }));
  await tx.permittedMortgage.create({ data: { organisationId: actor.organisationId, leaseId: lease.id, ...mortgage } });
  if (details.repays.length) {
    await tx.permittedMortgage.updateMany({ where: { organisationId: actor.organisationId, leaseId: lease.id, id: { in: details.repays }, releasedOn: null }, data: { releasedOn: decidedOn } });
  }
  const description =
    `Refinance approved: ${details.lender} is a Permitted Mortgagee for a principal of up to ${usd(details.principalCents)}` +
    (released.length ? `, replacing ${released.map((m) => m.lender).join(" and ")}` : "") +
    ` (maximum resale price ${usd(figures.maxResalePriceCents)}, valued ${figures.valuationDate}).`;
  const amendment = await tx.leaseAmendment.create({
    data: {
      organisationId: actor.organisationId,
      leaseId: lease.id,
      effectiveDate: decidedOn,
      description,
      changes: { before: released.length ? { releasedPermittedMortgages: released } : {}, after: { addedPermittedMortgage: mortgage, stewardshipRequestId: requestId } },
      createdById: actor.userId,
    },
  });
  await recordAudit(tx, actor, {
    entity: "Lease",
    entityId: lease.id,
    action: "update",
    before: released.length ? { releasedPermittedMortgages: released } : {},
    after: { addedPermittedMortgage: mortgage, amendmentId: amendment.id, amendmentEffectiveDate: decidedOn, amendmentDescription: description },
  });
  return amendment.id;
}

/** The consent letter of an approved refinance (null for any other request). */
export async function refinanceConsentLetter(db: Db, organisationId: string, requestId: string): Promise<Letter | null> {
  const request = await getStewardshipRequest(db, organisationId, requestId);
  if (!request || request.kind !== "refinance" || request.status !== "approved" || !request.decidedOn) return null;
  const [organisation, lease, terms] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true, address: true } }),
    db.lease.findFirstOrThrow({ where: { id: request.leaseId, organisationId }, select: { reference: true, commencementDate: true, recordingCounty: true, recordingInstrument: true, recordingDate: true } }),
    getLeaseTermsOn(db, organisationId, request.leaseId, request.decidedOn),
  ]);
  const details = request.details as unknown as RefinanceDetails;
  const figures = (request.decision as { figures: RefinanceFigures }).figures;
  const parcel = request.lease.home.parcel;
  return consentLetter({
    organisation,
    decidedOn: request.decidedOn,
    lender: details.lender,
    principalCents: details.principalCents,
    homeowners: request.lease.lessees.map((l) => l.fullName),
    property: { address: [parcel.streetAddress, parcel.city, [parcel.state, parcel.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", "), parcelNumber: parcel.parcelNumber },
    lease: {
      reference: lease.reference,
      commencementDate: lease.commencementDate,
      recording: lease.recordingInstrument ? `recorded ${lease.recordingDate ? formatLegalDate(lease.recordingDate) + " " : ""}in ${lease.recordingCounty} County as instrument ${lease.recordingInstrument}` : "",
    },
    figures,
    released: request.lease.permittedMortgages
      .filter((m) => details.repays.includes(m.id))
      .map((m) => ({ lender: m.lender, amountCents: m.amountCents, recordedOn: m.recordedOn })),
    lenderCureDays: terms?.lenderCureDays ?? 120,
  });
}

/** The lease a request is recorded on, with its permitted mortgages not yet released (oldest first); null if the organisation has no such lease. */
export async function leaseForRequest(db: Db, organisationId: string, leaseId: string) {
  return db.lease.findFirst({
    where: { id: leaseId, organisationId },
    select: { id: true, reference: true, status: true, permittedMortgages: { where: { releasedOn: null }, orderBy: { recordedOn: "asc" } } },
  });
}
