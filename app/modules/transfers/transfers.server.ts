/**
 * Resale and transfer cases (docs/transfers.md): open from the notice of intent (one open case per home, a
 * database guarantee), the formula price as a saved calculation from the lease's frozen formula and the home's
 * stored valuation inputs, the trust's option decision, cancellation that keeps the history. Deadlines come from
 * the lease's terms in force on the notice date (./deadlines.ts). Every query is scoped to the organisation,
 * every change is audited and version-checked.
 */
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { parsePresetSpec } from "~/modules/resale/formula-spec";
import { resaleInputsForHome } from "~/modules/home-inputs/home-inputs.server";
import { defaultAreaCode, derivationMethodOf, findIncomeLimitTableInEffect, getEligibilitySettings } from "~/modules/income-limits/income-limits.server";
import { dollarsFromCents, eligibilityAtLevel, formatLimit, limitFor } from "~/modules/income-limits/income-limits";
import { payoffFigure } from "~/modules/lease-fees/ledger.server";
import { BINDING_STATUSES, nextReference } from "~/modules/leases/leases.server";
import { expirationDate } from "~/modules/leases/lifecycle";
import { ensureDefaultTemplate } from "~/modules/leases/templates.server";
import { defaultBuyerTerms } from "~/modules/resale/form-defaults";
import { leaseTermsOn, TIMED_TERM_KEYS, type AmendmentRecord, type LeaseTimedTerms } from "~/modules/leases/terms";
import { getLeaseTermDefaults, getLeaseTermsOn, leaseRowTerms } from "~/modules/leases/terms.server";
import { homeLabel, syncParcelStatus } from "~/modules/parcels/parcels.server";
import { parseResaleRequest, type ResaleRequest, type ResaleResult } from "~/modules/resale/contract";
import { calculateResale } from "~/modules/resale/engine";
import { incomeLimitTablesForContract } from "~/modules/resale/income-limit-tables.server";
import { saveResaleCalculation } from "~/modules/resale/calculations.server";
import { addDays, addMonths, addYears, compareCalendarDates, formatScreenDate, yearOf } from "~/utils/calendar-date";
import { fromDbCents } from "~/utils/cents";
import { STALE_RECORD_MESSAGE } from "~/utils/concurrency.server";
import { isUniqueViolation, type Db, type Tx } from "~/utils/db.server";
import { centsToString, formatUsd, stringToCents } from "~/utils/money";
import { caseDeadlines, nextDeadline, optionDeadline, optionState, type CaseProgress, type CaseTerms, type DeadlineKey, type DeadlineState, type OptionDecision } from "./deadlines";
import { followCaseBuyer, listBuyerPool } from "./buyer-pool.server";
import { resaleOutcomes } from "./outcomes";
import type { BuyerValues, CancelValues, CaseKind, ClosingValues, FormulaPriceValues, LeaseDisposition, OpenCaseValues, OptionValues } from "./schemas";
import { DomainError, kindForStatus } from "~/utils/errors";
import { memoForRequest } from "~/utils/request-context.server";

/** A domain error (app/utils/errors.ts) with the field it belongs beside; status 400, 403, 404 or 409. */
export class TransferCaseError extends DomainError {
  constructor(message: string, field?: string, status: 400 | 403 | 404 | 409 = 400) {
    super(kindForStatus(status), message, { field });
    this.name = "TransferCaseError";
  }
}

export const ONE_OPEN_CASE_MESSAGE = "This home already has an open resale or transfer case: finish or cancel it first.";


type CaseRow = NonNullable<Awaited<ReturnType<typeof findCaseRow>>>;

async function findCaseRow(db: Db | Tx, organisationId: string, caseId: string) {
  return db.transferCase.findFirst({
    where: { id: caseId, organisationId },
    include: { home: { select: { id: true, label: true, bedrooms: true, parcelId: true, parcel: { select: { streetAddress: true, parcelNumber: true } } } } },
  });
}

async function requireCase(db: Db | Tx, organisationId: string, caseId: string): Promise<CaseRow> {
  const row = await findCaseRow(db, organisationId, caseId);
  if (!row) throw new TransferCaseError("Case not found", undefined, 404);
  return row;
}

function requireOpen(row: CaseRow, version: number) {
  if (row.version !== version) throw new TransferCaseError(STALE_RECORD_MESSAGE, undefined, 409);
  if (row.status !== "open") throw new TransferCaseError(`This case is ${row.status}: nothing more can be recorded on it.`, undefined, 409);
}

/** Updates the case if nobody changed it since `version` was read (else the stale-record message, 409). */
async function updateCase(tx: Tx, row: CaseRow, version: number, data: Record<string, unknown>) {
  const updated = await tx.transferCase.updateMany({ where: { id: row.id, organisationId: row.organisationId, version, status: "open" }, data: { ...data, version: { increment: 1 } } });
  if (updated.count !== 1) throw new TransferCaseError(STALE_RECORD_MESSAGE, undefined, 409);
}

/** The lease's timed terms in force on the notice date (amendments effective by then count), or the trust's defaults for a trust-owned home. */
async function caseTerms(db: Db | Tx, row: { organisationId: string; leaseId: string | null; noticeDate: string }): Promise<CaseTerms> {
  const terms = row.leaseId ? await getLeaseTermsOn(db, row.organisationId, row.leaseId, row.noticeDate) : null;
  const source = terms ?? (await getLeaseTermDefaults(db, row.organisationId));
  return { priceNoticeDays: source.priceNoticeDays, purchaseOptionDays: source.purchaseOptionDays, closingDays: source.closingDays };
}

function progressOf(row: CaseRow, terms: CaseTerms): CaseProgress {
  return {
    status: row.status as CaseProgress["status"],
    noticeDate: row.noticeDate,
    terms,
    priceNoticeOn: row.priceNoticeOn,
    optionDecision: row.optionDecision as OptionDecision | null,
    optionDecidedOn: row.optionDecidedOn,
    closingDate: row.closingDate,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Opening
// ---------------------------------------------------------------------------------------------------------

/**
 * Opens a case on a home from the notice of intent. A homeowner's sale, a transfer to heirs and a foreclosure
 * need a current owner under a binding lease; a sale by the trust needs a home the trust holds (no owner).
 * A second open case on the home is refused (also when two are opened at the same moment: the unique
 * `openHomeId` refuses one).
 */
export async function openTransferCase(db: Db, actor: AuditActor, values: OpenCaseValues, today: string): Promise<{ id: string }> {
  if (compareCalendarDates(values.noticeDate, today) > 0) throw new TransferCaseError(`The notice cannot be dated after today (${today})`, "noticeDate");
  try {
    return await db.$transaction(async (tx) => {
      const home = await tx.home.findFirst({ where: { id: values.homeId, organisationId: actor.organisationId, archivedAt: null }, select: { id: true } });
      if (!home) throw new TransferCaseError("Choose a home of this organisation", "homeId");
      const open = await tx.transferCase.findFirst({ where: { organisationId: actor.organisationId, openHomeId: home.id }, select: { id: true } });
      if (open) throw new TransferCaseError(ONE_OPEN_CASE_MESSAGE, "homeId", 409);
      const ownership = await tx.ownership.findFirst({ where: { organisationId: actor.organisationId, homeId: home.id, saleDate: null }, select: { id: true, householdId: true, purchaseDate: true } });
      const lease = await tx.lease.findFirst({ where: { organisationId: actor.organisationId, bindingHomeId: home.id, status: { in: BINDING_STATUSES } }, select: { id: true } });
      if (values.kind === "trust-sale") {
        if (ownership) throw new TransferCaseError("A sale by the trust is for a home the trust holds; this home has a homeowner.", "kind");
      } else {
        if (!ownership) throw new TransferCaseError("This home has no homeowner to sell it: choose “Sale by the trust” for a home the trust holds.", "homeId");
        if (!lease) throw new TransferCaseError("This home has no binding ground lease (executed, recorded or active): the lease's terms set the case's deadlines.", "homeId");
        if (compareCalendarDates(values.noticeDate, ownership.purchaseDate) < 0) {
          throw new TransferCaseError(`The notice cannot be before the homeowner bought the home (${ownership.purchaseDate})`, "noticeDate");
        }
      }
      const created = await tx.transferCase.create({
        data: {
          organisationId: actor.organisationId,
          homeId: home.id,
          openHomeId: home.id,
          kind: values.kind,
          leaseId: values.kind === "trust-sale" ? null : lease!.id,
          sellerOwnershipId: ownership?.id ?? null,
          sellerHouseholdId: ownership?.householdId ?? null,
          noticeDate: values.noticeDate,
          noticeMethod: values.noticeMethod,
          noticeNote: values.noticeNote ?? "",
          createdById: actor.userId,
          createdByLabel: actor.label,
        },
      });
      await recordAudit(tx, actor, {
        entity: "TransferCase",
        entityId: created.id,
        action: "create",
        after: { homeId: home.id, kind: created.kind, noticeDate: created.noticeDate, noticeMethod: created.noticeMethod, leaseId: created.leaseId, sellerHouseholdId: created.sellerHouseholdId },
      });
      return { id: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new TransferCaseError(ONE_OPEN_CASE_MESSAGE, "homeId", 409);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The formula price
// ---------------------------------------------------------------------------------------------------------

function indexNameOf(formula: ResaleRequest["formula"]): string | null {
  if (formula.type === "index") return formula.indexName;
  if (formula.type === "fair-return" && formula.inflation.type === "index") return formula.inflation.indexName;
  return null;
}

/** What the contract's error paths mean for staff: where to record the missing input. */
function missingInputMessage(path: string, message: string): string {
  if (path.startsWith("appraisals")) return `An appraisal is missing (${path} ${message}): record it under the home's valuation inputs.`;
  if (path.startsWith("index")) return `An index value is missing (${path} ${message}): record it under Settings → Lease fees → Index values.`;
  if (path.startsWith("fairReturn")) return `The fair-return figures (principal paid down, closing costs, liens) are not recorded for this home (${path} ${message}).`;
  return `${path} ${message}`;
}

/**
 * Calculates the formula price from the lease's frozen formula at the valuation date (the notice date unless
 * given), with the home's stored valuation inputs, saves it as a resale calculation and records the date the
 * price notice was sent. It may be recalculated (a new appraisal) until the option is decided.
 */
export async function calculateFormulaPrice(db: Db, actor: AuditActor, caseId: string, values: Omit<FormulaPriceValues, "intent">): Promise<{ calculationId: string; result: ResaleResult }> {
  const row = await requireCase(db, actor.organisationId, caseId);
  requireOpen(row, values.version);
  if (row.optionDecision) throw new TransferCaseError("The option has been decided: the formula price it was decided on stays.", undefined, 409);
  if (!row.leaseId || !row.sellerOwnershipId) throw new TransferCaseError("A sale by the trust has no lease formula to price it by.", undefined, 409);
  const valuationDate = values.valuationDate ?? row.noticeDate;
  if (compareCalendarDates(values.priceNoticeOn, row.noticeDate) < 0) throw new TransferCaseError(`The price notice cannot be sent before the notice of intent (${row.noticeDate})`, "priceNoticeOn");
  const [lease, ownership] = await Promise.all([
    db.lease.findFirst({ where: { id: row.leaseId, organisationId: actor.organisationId }, select: { formulaSpec: true, reference: true } }),
    db.ownership.findFirst({ where: { id: row.sellerOwnershipId, organisationId: actor.organisationId }, select: { purchaseDate: true, purchasePriceCents: true } }),
  ]);
  if (!lease || !ownership) throw new TransferCaseError("Case not found", undefined, 404);
  if (compareCalendarDates(valuationDate, ownership.purchaseDate) < 0) throw new TransferCaseError(`The valuation date cannot be before the purchase (${ownership.purchaseDate})`, "valuationDate");
  const spec = lease.formulaSpec == null ? null : parsePresetSpec(lease.formulaSpec);
  if (!spec?.ok) throw new TransferCaseError(`Lease ${lease.reference} has no frozen resale formula: it is fixed when the lease is signed.`);
  const inputs = await resaleInputsForHome(db, actor.organisationId, row.homeId, { purchaseDate: ownership.purchaseDate, valuationDate, indexName: indexNameOf(spec.spec.formula) });
  const { sources: _sources, ...requestInputs } = inputs;
  const tables = await incomeLimitTablesForContract(db, actor.organisationId);
  const parsed = parseResaleRequest({
    ...spec.spec,
    purchase: { price: centsToString(ownership.purchasePriceCents), date: ownership.purchaseDate },
    valuationDate,
    ...requestInputs,
    home: { bedrooms: row.home.bedrooms },
    ...(tables.length ? { incomeLimitTables: tables.slice(0, 200) } : {}),
    leaseIntentChecks: true,
  });
  if (!parsed.ok) throw new TransferCaseError(parsed.errors.map((e) => missingInputMessage(e.path, e.message)).join(" "));
  const result = calculateResale(parsed.request);
  const saved = await saveResaleCalculation(db, actor, { homeId: row.homeId, presetName: `Lease ${lease.reference} (frozen formula)`, request: parsed.request, result });
  await db.$transaction(async (tx) => {
    await updateCase(tx, row, values.version, { calculationId: saved.id, maxPriceCents: stringToCents(result.maxResalePrice), priceNoticeOn: values.priceNoticeOn });
    await recordAudit(tx, actor, {
      entity: "TransferCase",
      entityId: row.id,
      action: "update",
      before: { calculationId: row.calculationId, maxPrice: row.maxPriceCents === null ? null : centsToString(row.maxPriceCents), priceNoticeOn: row.priceNoticeOn },
      after: { calculationId: saved.id, maxPrice: result.maxResalePrice, priceNoticeOn: values.priceNoticeOn, valuationDate },
    });
  });
  return { calculationId: saved.id, result };
}

// ---------------------------------------------------------------------------------------------------------
// The option, cancellation
// ---------------------------------------------------------------------------------------------------------

/** Records the trust's decision on its purchase option, within the lease's option period. */
export async function decideOption(db: Db, actor: AuditActor, caseId: string, values: Omit<OptionValues, "intent">, today: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await requireCase(tx, actor.organisationId, caseId);
    requireOpen(row, values.version);
    if (row.kind === "trust-sale") throw new TransferCaseError("A sale by the trust has no purchase option to decide.", "decision");
    if (row.optionDecision) throw new TransferCaseError(`The option was already ${row.optionDecision} on ${row.optionDecidedOn}.`, "decision", 409);
    const deadline = optionDeadline({ noticeDate: row.noticeDate, terms: await caseTerms(tx, row) });
    if (compareCalendarDates(values.decidedOn, row.noticeDate) < 0) throw new TransferCaseError(`The decision cannot be before the notice of intent (${row.noticeDate})`, "decidedOn");
    if (compareCalendarDates(values.decidedOn, today) > 0) throw new TransferCaseError(`The decision cannot be dated after today (${today})`, "decidedOn");
    if (compareCalendarDates(values.decidedOn, deadline) > 0) throw new TransferCaseError(`The option period ended on ${deadline}: the option has lapsed.`, "decidedOn");
    if (values.decision !== "waived" && row.calculationId === null) throw new TransferCaseError("Calculate the formula price before the trust exercises or assigns its option.", "decision");
    await updateCase(tx, row, values.version, { optionDecision: values.decision, optionDecidedOn: values.decidedOn, optionNote: values.note ?? "" });
    await recordAudit(tx, actor, { entity: "TransferCase", entityId: row.id, action: "update", before: { optionDecision: null }, after: { optionDecision: values.decision, optionDecidedOn: values.decidedOn, optionNote: values.note ?? "" } });
  });
}

/** The homeowner withdrew: the case is cancelled, its history kept, and the home may have a new case. */
export async function cancelTransferCase(db: Db, actor: AuditActor, caseId: string, values: Omit<CancelValues, "intent">, today: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await requireCase(tx, actor.organisationId, caseId);
    requireOpen(row, values.version);
    if (compareCalendarDates(values.cancelledOn, row.noticeDate) < 0) throw new TransferCaseError(`The withdrawal cannot be before the notice (${row.noticeDate})`, "cancelledOn");
    if (compareCalendarDates(values.cancelledOn, today) > 0) throw new TransferCaseError(`The withdrawal cannot be dated after today (${today})`, "cancelledOn");
    await updateCase(tx, row, values.version, { status: "cancelled", openHomeId: null, cancelledOn: values.cancelledOn, cancelReason: values.reason });
    await followCaseBuyer(tx, actor, row.id, row.buyerHouseholdId, null, "waiting");
    await recordAudit(tx, actor, { entity: "TransferCase", entityId: row.id, action: "transition", before: { status: "open" }, after: { status: "cancelled", cancelledOn: values.cancelledOn, cancelReason: values.reason } });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------------------

const money = (cents: bigint | number | null) => (cents === null ? null : centsToString(cents));

/** One case as the page, the CLI and the API show it (the JSON of docs/transfers.md). */
export async function getTransferCase(db: Db | Tx, organisationId: string, caseId: string, today: string) {
  const row = await findCaseRow(db, organisationId, caseId);
  if (!row) return null;
  return caseView(db, row, today);
}

async function caseView(db: Db | Tx, row: CaseRow, today: string) {
  const terms = await caseTerms(db, row);
  const progress = progressOf(row, terms);
  const deadlines = caseDeadlines(progress, today);
  const [seller, buyer, lease, calculation, sellerOwnership] = await Promise.all([
    row.sellerHouseholdId ? db.household.findFirst({ where: { id: row.sellerHouseholdId, organisationId: row.organisationId }, select: { id: true, name: true } }) : null,
    row.buyerHouseholdId ? db.household.findFirst({ where: { id: row.buyerHouseholdId, organisationId: row.organisationId }, select: { id: true, name: true } }) : null,
    row.leaseId ? db.lease.findFirst({ where: { id: row.leaseId, organisationId: row.organisationId }, select: { id: true, reference: true, status: true } }) : null,
    row.calculationId ? db.resaleCalculation.findFirst({ where: { id: row.calculationId, organisationId: row.organisationId }, select: { id: true, valuationDate: true, maxResalePriceCents: true, boundBy: true, result: true } }) : null,
    row.sellerOwnershipId ? db.ownership.findFirst({ where: { id: row.sellerOwnershipId, organisationId: row.organisationId }, select: { purchaseDate: true, purchasePriceCents: true } }) : null,
  ]);
  const next = row.status === "open" ? nextDeadline(deadlines) : null;
  return {
    id: row.id,
    kind: row.kind as CaseKind,
    status: row.status as CaseProgress["status"],
    home: { id: row.home.id, label: homeLabel(row.home), parcelId: row.home.parcelId },
    seller: seller ? { householdId: seller.id, name: seller.name, purchaseDate: sellerOwnership?.purchaseDate ?? null, purchasePrice: money(sellerOwnership?.purchasePriceCents ?? null) } : null,
    lease: lease ? { id: lease.id, reference: lease.reference, status: lease.status } : null,
    notice: { date: row.noticeDate, method: row.noticeMethod, note: row.noticeNote },
    terms,
    deadlines: deadlines.map((d) => ({ key: d.key, label: d.label, due: d.due, state: d.state, doneOn: d.doneOn, rule: d.rule })),
    next: next ? { key: next.key, label: next.label, due: next.due, state: next.state } : null,
    calculation: calculation
      ? {
          id: calculation.id,
          valuationDate: calculation.valuationDate,
          maxPrice: centsToString(calculation.maxResalePriceCents),
          boundBy: calculation.boundBy,
          formulaPrice: (calculation.result as unknown as ResaleResult).formulaPrice,
          priceNoticeOn: row.priceNoticeOn,
        }
      : null,
    option: { state: row.kind === "trust-sale" ? ("not-applicable" as const) : optionState(progress, today), decidedOn: row.optionDecidedOn, note: row.optionNote },
    buyer: buyer ? { householdId: buyer.id, name: buyer.name, eligibility: row.buyerEligibility ?? null } : null,
    closing: row.closingDate
      ? {
          date: row.closingDate,
          price: money(row.closingPriceCents),
          overrideReason: row.overrideReason || null,
          statement: row.closingStatement ?? null,
          buyerOwnershipId: row.buyerOwnershipId,
          buyerLeaseId: row.buyerLeaseId,
          leaseDisposition: row.leaseDisposition as LeaseDisposition | null,
        }
      : null,
    outcomes: row.outcomes ?? null,
    cancelled: row.cancelledOn ? { on: row.cancelledOn, reason: row.cancelReason } : null,
    version: row.version,
    createdByLabel: row.createdByLabel,
  };
}
export type TransferCaseView = NonNullable<Awaited<ReturnType<typeof getTransferCase>>>;

/** The trust's cases: open ones first by their next deadline, then closed and cancelled ones, newest first. */
export async function listTransferCases(db: Db, organisationId: string, today: string, options: { homeId?: string; status?: "open" | "closed" | "cancelled" } = {}) {
  const rows = await db.transferCase.findMany({
    where: { organisationId, ...(options.homeId ? { homeId: options.homeId } : {}), ...(options.status ? { status: options.status } : {}) },
    include: { home: { select: { id: true, label: true, bedrooms: true, parcelId: true, parcel: { select: { streetAddress: true, parcelNumber: true } } } } },
    orderBy: [{ noticeDate: "desc" }, { createdAt: "desc" }],
    take: 500,
  });
  const views = await Promise.all(rows.map(async (row) => {
    const view = await caseView(db, row, today);
    return {
      id: view.id,
      kind: view.kind,
      status: view.status,
      home: view.home,
      seller: view.seller ? view.seller.name : null,
      noticeDate: view.notice.date,
      next: view.next,
      option: view.option.state,
      optionDeadline: view.deadlines.find((d) => d.key === "option")?.due ?? view.notice.date,
      maxPrice: view.calculation?.maxPrice ?? null,
      closingDate: view.closing?.date ?? null,
    };
  }));
  const rank = (v: (typeof views)[number]) => (v.status === "open" ? 0 : 1);
  return views.sort((a, b) => rank(a) - rank(b) || (a.status === "open" ? (a.next?.due ?? "9999-12-31").localeCompare(b.next?.due ?? "9999-12-31") : 0));
}

/** An open case's next deadline and option, as the dashboard, a home's page and the reminders need them. */
export type OpenCaseDeadline = {
  id: string;
  home: { id: string; label: string };
  seller: string | null;
  next: { key: DeadlineKey; label: string; due: string; state: DeadlineState } | null;
  option: ReturnType<typeof optionState> | "not-applicable";
  optionDeadline: string;
};

/**
 * The open cases' next deadlines and option states, in `listTransferCases`' order (next deadline first), read in
 * four statements whatever the number of cases — the cases, their leases with amendments (the terms in force on
 * each notice date), the sellers' names and, when a case has no lease, the trust's default terms — instead of a
 * case view (seven reads) per case: the dashboard reads this on every load. Same figures as the case views.
 */
export async function openCaseDeadlines(db: Db, organisationId: string, today: string, options: { homeIds?: string[] } = {}): Promise<readonly OpenCaseDeadline[]> {
  if (options.homeIds && options.homeIds.length === 0) return [];
  // the dashboard reads them twice (the week's to-do list and the resale deadlines): once per page request
  return memoForRequest(`openCaseDeadlines:${organisationId}:${today}:${options.homeIds?.join(",") ?? "*"}`, () => readOpenCaseDeadlines(db, organisationId, today, options.homeIds));
}

async function readOpenCaseDeadlines(db: Db, organisationId: string, today: string, homeIds: string[] | undefined): Promise<OpenCaseDeadline[]> {
  const rows = await db.transferCase.findMany({
    where: { organisationId, status: "open", ...(homeIds ? { homeId: { in: homeIds } } : {}) },
    select: {
      id: true,
      kind: true,
      noticeDate: true,
      priceNoticeOn: true,
      optionDecision: true,
      optionDecidedOn: true,
      closingDate: true,
      leaseId: true,
      sellerHouseholdId: true,
      home: { select: { id: true, label: true, parcel: { select: { streetAddress: true, parcelNumber: true } } } },
    },
    orderBy: [{ noticeDate: "desc" }, { createdAt: "desc" }],
    take: 500,
  });
  if (rows.length === 0) return [];
  const leaseIds = [...new Set(rows.flatMap((r) => (r.leaseId ? [r.leaseId] : [])))];
  const sellerIds = [...new Set(rows.flatMap((r) => (r.sellerHouseholdId ? [r.sellerHouseholdId] : [])))];
  const [leases, sellers] = await Promise.all([
    leaseIds.length
      ? db.lease.findMany({ where: { organisationId, id: { in: leaseIds } }, include: { amendments: { select: { effectiveDate: true, createdAt: true, changes: true, appliedToLease: true } } } })
      : [],
    sellerIds.length ? db.household.findMany({ where: { organisationId, id: { in: sellerIds } }, select: { id: true, name: true } }) : [],
  ]);
  const leaseById = new Map(leases.map((l) => [l.id, l]));
  const sellerName = new Map(sellers.map((h) => [h.id, h.name]));
  // as caseTerms: the lease's terms in force on the notice date, or the trust's defaults (read once, when needed)
  const needsDefaults = rows.some((r) => !r.leaseId || !leaseById.has(r.leaseId));
  const defaults = needsDefaults ? await getLeaseTermDefaults(db, organisationId) : null;
  const views = rows.map((row): OpenCaseDeadline => {
    const lease = row.leaseId ? leaseById.get(row.leaseId) : undefined;
    const source = lease ? leaseTermsOn(leaseRowTerms(lease), lease.amendments satisfies AmendmentRecord[], row.noticeDate) : defaults!;
    const progress: CaseProgress = {
      status: "open",
      noticeDate: row.noticeDate,
      terms: { priceNoticeDays: source.priceNoticeDays, purchaseOptionDays: source.purchaseOptionDays, closingDays: source.closingDays },
      priceNoticeOn: row.priceNoticeOn,
      optionDecision: row.optionDecision as OptionDecision | null,
      optionDecidedOn: row.optionDecidedOn,
      closingDate: row.closingDate,
    };
    const deadlines = caseDeadlines(progress, today);
    const next = nextDeadline(deadlines);
    return {
      id: row.id,
      home: { id: row.home.id, label: homeLabel(row.home) },
      seller: row.sellerHouseholdId ? (sellerName.get(row.sellerHouseholdId) ?? null) : null,
      next: next ? { key: next.key, label: next.label, due: next.due, state: next.state } : null,
      option: row.kind === "trust-sale" ? "not-applicable" : optionState(progress, today),
      optionDeadline: deadlines.find((d) => d.key === "option")?.due ?? row.noticeDate,
    };
  });
  return views.sort((a, b) => (a.next?.due ?? "9999-12-31").localeCompare(b.next?.due ?? "9999-12-31"));
}

/** A deadline to act on, for the dashboard and a home's page: an open case's next deadline when due soon or overdue, or its option lapsed. */
export type CaseDeadlineItem = { caseId: string; homeId: string; home: string; seller: string | null; label: string; due: string; state: "due-soon" | "overdue" | "lapsed" | "upcoming" };

/**
 * The open cases' deadlines by the trust's local date: each open case's next deadline (or "option lapsed", from
 * the day after the option deadline), most urgent first — overdue, then lapsed, then due soon, then upcoming, each
 * by date. `onlyPressing` keeps due soon, overdue and lapsed (the dashboard); a home's page shows all of its case.
 */
export async function caseDeadlineItems(db: Db, organisationId: string, today: string, options: { homeIds?: string[]; onlyPressing?: boolean } = {}): Promise<CaseDeadlineItem[]> {
  const cases = await openCaseDeadlines(db, organisationId, today, { homeIds: options.homeIds });
  const items: CaseDeadlineItem[] = [];
  for (const c of cases) {
    const base = { caseId: c.id, homeId: c.home.id, home: c.home.label, seller: c.seller };
    if (c.next) items.push({ ...base, label: c.next.label, due: c.next.due, state: c.next.state as CaseDeadlineItem["state"] });
    if (c.option === "lapsed") items.push({ ...base, label: "The trust's purchase option lapsed: the homeowner may market the home", due: c.optionDeadline, state: "lapsed" });
  }
  const rank = { overdue: 0, lapsed: 1, "due-soon": 2, upcoming: 3 } as const;
  return items.filter((i) => !options.onlyPressing || i.state !== "upcoming").sort((a, b) => rank[a.state] - rank[b.state] || a.due.localeCompare(b.due));
}

// ---------------------------------------------------------------------------------------------------------
// The buyer
// ---------------------------------------------------------------------------------------------------------

/** The income level a buyer must be eligible at: the lease formula's target AMI level when it names one, else 80 % (HUD's low-income limit). */
export const DEFAULT_BUYER_LEVEL = 80;

async function buyerLevel(db: Db | Tx, row: CaseRow): Promise<number> {
  if (!row.leaseId) return DEFAULT_BUYER_LEVEL;
  const lease = await db.lease.findFirst({ where: { id: row.leaseId, organisationId: row.organisationId }, select: { formulaSpec: true } });
  const spec = lease?.formulaSpec == null ? null : parsePresetSpec(lease.formulaSpec);
  if (spec?.ok && spec.spec.formula.type === "affordability" && spec.spec.formula.amiLevel) return spec.spec.formula.amiLevel.level;
  return DEFAULT_BUYER_LEVEL;
}

export type BuyerEligibility = {
  level: number;
  householdSize: number;
  bedrooms: number;
  sizeForBedrooms: string;
  firstTimeBuyer: boolean | null;
  certifiedOn: string;
  validUntil: string;
  annualIncome: string;
  limit: string;
  table: string;
  verdict: string;
};

/**
 * Checks a household as the buyer: not the seller, owning no home now, with a current income certification
 * (within the trust's validity period on `today`) eligible at the lease's target level for the home's area, on
 * the HUD table in effect on the certification date. Refused with the reason; stored with the verdict.
 */
export async function chooseBuyer(db: Db, actor: AuditActor, caseId: string, values: Omit<BuyerValues, "intent">, today: string): Promise<BuyerEligibility> {
  return db.$transaction(async (tx) => {
    const row = await requireCase(tx, actor.organisationId, caseId);
    requireOpen(row, values.version);
    const state = row.kind === "trust-sale" ? "not-applicable" : optionState(progressOf(row, await caseTerms(tx, row)), today);
    if (state === "open") throw new TransferCaseError("The trust's option is still open: a buyer is chosen once the option is assigned, waived or has lapsed.", "householdId", 409);
    if (state === "exercised") throw new TransferCaseError("The trust exercised its option: it buys the home itself (no other buyer on this case).", "householdId", 409);
    const household = await tx.household.findFirst({
      where: { id: values.householdId, organisationId: actor.organisationId, archivedAt: null },
      include: { incomeCertifications: { orderBy: [{ certifiedOn: "desc" }, { createdAt: "desc" }], take: 1 } },
    });
    if (!household) throw new TransferCaseError("Choose a household of this organisation", "householdId");
    if (household.id === row.sellerHouseholdId) throw new TransferCaseError("The seller cannot be the buyer.", "householdId");
    const owned = await tx.ownership.findFirst({ where: { organisationId: actor.organisationId, householdId: household.id, saleDate: null }, select: { id: true } });
    if (owned) throw new TransferCaseError(`${household.name} already owns a home: a buyer may own no other home.`, "householdId");
    const certification = household.incomeCertifications[0];
    if (!certification) throw new TransferCaseError(`${household.name} has no income certification: certify the household's income first.`, "householdId");
    const { certificationValidityMonths } = await getEligibilitySettings(tx, actor.organisationId);
    const validUntil = addMonths(certification.certifiedOn, certificationValidityMonths);
    if (compareCalendarDates(today, validUntil) > 0) {
      throw new TransferCaseError(`${household.name}'s income certification of ${certification.certifiedOn} expired on ${validUntil} (valid ${certificationValidityMonths} months): certify again.`, "householdId");
    }
    const area = (await tx.parcel.findFirst({ where: { id: row.home.parcelId, organisationId: actor.organisationId }, select: { incomeLimitAreaCode: true } }))?.incomeLimitAreaCode ?? (await defaultAreaCode(tx, actor.organisationId));
    if (!area) throw new TransferCaseError("The home's parcel has no HUD area and the trust has no default area (Settings → Eligibility).", "householdId");
    const inEffect = await findIncomeLimitTableInEffect(tx, actor.organisationId, area, certification.certifiedOn);
    if (!inEffect.ok) throw new TransferCaseError(inEffect.message, "householdId");
    const level = await buyerLevel(tx, row);
    const verdict = eligibilityAtLevel(dollarsFromCents(certification.totalIncomeCents), inEffect.table, level, certification.householdSize);
    if (!verdict.eligible) {
      throw new TransferCaseError(`${household.name} is not eligible at ${level} % AMI: income ${formatLimit(verdict.annualIncome)} ${verdict.verdict}.`, "householdId");
    }
    const bedrooms = row.home.bedrooms;
    const eligibility: BuyerEligibility = {
      level,
      householdSize: certification.householdSize,
      bedrooms,
      sizeForBedrooms: sizeForBedrooms(certification.householdSize, bedrooms),
      firstTimeBuyer: household.firstTimeBuyer,
      certifiedOn: certification.certifiedOn,
      validUntil,
      annualIncome: verdict.annualIncome,
      limit: verdict.limit,
      table: `HUD FY${inEffect.table.fiscalYear} ${inEffect.table.areaName}`,
      verdict: verdict.verdict,
    };
    await updateCase(tx, row, values.version, { buyerHouseholdId: household.id, buyerEligibility: eligibility });
    await followCaseBuyer(tx, actor, row.id, row.buyerHouseholdId, household.id, "offered");
    await recordAudit(tx, actor, { entity: "TransferCase", entityId: row.id, action: "update", before: { buyerHouseholdId: row.buyerHouseholdId }, after: { buyerHouseholdId: household.id, buyerVerdict: eligibility.verdict } });
    return eligibility;
  });
}

/** How the household fits the home: a common rule is at least one person per bedroom and at most two per bedroom plus one. */
export function sizeForBedrooms(persons: number, bedrooms: number): string {
  const fits = persons >= Math.max(1, bedrooms) && persons <= 2 * bedrooms + 1;
  return `${persons} ${persons === 1 ? "person" : "persons"} for ${bedrooms} ${bedrooms === 1 ? "bedroom" : "bedrooms"}${fits ? "" : " (outside one person per bedroom to two per bedroom plus one)"}`;
}

// ---------------------------------------------------------------------------------------------------------
// The closing
// ---------------------------------------------------------------------------------------------------------

async function ami100For(db: Db | Tx, organisationId: string, area: string | null, date: string, size: number): Promise<{ income: string; table: string } | null> {
  if (!area) return null;
  const inEffect = await findIncomeLimitTableInEffect(db, organisationId, area, date);
  if (!inEffect.ok) return null;
  const limit = limitFor(inEffect.table, 100, Math.min(8, size), derivationMethodOf(inEffect.row));
  return { income: limit.amount, table: `HUD FY${inEffect.table.fiscalYear} ${inEffect.table.areaName}` };
}

/**
 * Closes the case in one transaction: the price may not exceed the maximum (unless an admin records an
 * override with its reason); the seller's ownership ends with the sale date and price; the seller's lease ends
 * on the closing date; the buyer's ownership begins at the closing price and the buyer gets a draft lease
 * prefilled from the home, the seller's lease and the trust's current template; the closing statement (with
 * the unpaid lease fees from the ledger) and the outcome measures are stored. A failure leaves nothing changed.
 */
export async function closeTransferCase(db: Db, actor: AuditActor & { role: string }, caseId: string, values: Omit<ClosingValues, "intent" | "leaseDisposition"> & { leaseDisposition?: LeaseDisposition }, today: string): Promise<{ buyerLeaseId: string | null }> {
  const template = await ensureDefaultTemplate(db, actor.organisationId);
  try {
    return await db.$transaction(async (tx) => {
      const row = await requireCase(tx, actor.organisationId, caseId);
      requireOpen(row, values.version);
      const terms = await caseTerms(tx, row);
      const state = row.kind === "trust-sale" ? "not-applicable" : optionState(progressOf(row, terms), today);
      if (state === "open") throw new TransferCaseError(`The trust's option is open until ${optionDeadline({ noticeDate: row.noticeDate, terms })}: decide it (or let it lapse) before closing.`, "closingDate", 409);
      if (compareCalendarDates(values.closingDate, today) > 0) throw new TransferCaseError(`The closing cannot be dated after today (${today})`, "closingDate");
      if (compareCalendarDates(values.closingDate, row.noticeDate) < 0) throw new TransferCaseError(`The closing cannot be before the notice of intent (${row.noticeDate})`, "closingDate");
      if (row.optionDecidedOn && compareCalendarDates(values.closingDate, row.optionDecidedOn) < 0) {
        throw new TransferCaseError(`The closing cannot be before the option was ${row.optionDecision} (${row.optionDecidedOn})`, "closingDate");
      }
      const buyerNeeded = state !== "exercised";
      if (buyerNeeded && !row.buyerHouseholdId) throw new TransferCaseError("Choose an eligible buyer before the closing.", "closingDate", 409);
      if (row.kind !== "trust-sale" && row.maxPriceCents === null) throw new TransferCaseError("Calculate the formula price before the closing.", "price", 409);
      const maxCents = row.maxPriceCents === null ? null : fromDbCents(row.maxPriceCents);
      const override = (values.overrideReason ?? "").trim();
      if (maxCents !== null && values.price > maxCents) {
        if (!override) throw new TransferCaseError(`The price may not exceed the maximum resale price of ${formatUsd(centsToString(maxCents))}.`, "price");
        if (actor.role !== "admin") throw new TransferCaseError("Only an administrator may close above the maximum resale price.", "overrideReason", 403);
      }

      // the seller's side
      const sellerOwnership = row.sellerOwnershipId
        ? await tx.ownership.findFirst({ where: { id: row.sellerOwnershipId, organisationId: actor.organisationId }, select: { id: true, purchaseDate: true, purchasePriceCents: true, mortgageAmountCents: true, saleDate: true } })
        : null;
      if (row.sellerOwnershipId && (!sellerOwnership || sellerOwnership.saleDate !== null)) throw new TransferCaseError("The seller's ownership has already ended: reload the case.", undefined, 409);
      const unpaidLeaseFeesCents = row.leaseId ? Math.max(0, (await payoffFigure(tx, actor.organisationId, row.leaseId, values.closingDate)).payoffCents) : 0;
      if (sellerOwnership) {
        const ended = await tx.ownership.updateMany({
          where: { id: sellerOwnership.id, organisationId: actor.organisationId, saleDate: null },
          data: { saleDate: values.closingDate, salePriceCents: values.price, currentHomeId: null, version: { increment: 1 } },
        });
        if (ended.count !== 1) throw new TransferCaseError(STALE_RECORD_MESSAGE, undefined, 409);
        await recordAudit(tx, actor, { entity: "Ownership", entityId: sellerOwnership.id, action: "update", before: { saleDate: null, salePriceCents: null }, after: { saleDate: values.closingDate, salePriceCents: values.price, transferCaseId: row.id } });
      }
      const sellerLease = row.leaseId ? await tx.lease.findFirst({ where: { id: row.leaseId, organisationId: actor.organisationId } }) : null;
      const sellerLeaseBinding = sellerLease !== null && BINDING_STATUSES.includes(sellerLease.status);
      const disposition = values.leaseDisposition ?? "new-lease";
      if (disposition === "assignment") {
        if (!sellerLeaseBinding) throw new TransferCaseError("There is no binding lease to assign: choose a new lease for the buyer.", "leaseDisposition");
        if (!buyerNeeded) throw new TransferCaseError("The trust exercised its option and buys the home itself: the lease ends, there is no buyer to assign it to.", "leaseDisposition");
        if (sellerLease.formulaSpec == null) throw new TransferCaseError(`Lease ${sellerLease.reference} has no frozen resale formula to carry on: choose a new lease for the buyer.`, "leaseDisposition");
        if (wholeYearsBetween(values.closingDate, addDays(sellerLease.expirationDate, 1)) < 1) {
          throw new TransferCaseError(`Lease ${sellerLease.reference} has less than a whole year left after the closing to assign: choose a new lease for the buyer.`, "leaseDisposition");
        }
      }
      if (sellerLease && sellerLeaseBinding) {
        const to = disposition === "assignment" ? "assigned" : "ended";
        const ended = await tx.lease.updateMany({
          where: { id: sellerLease.id, organisationId: actor.organisationId, status: sellerLease.status },
          data: { status: to, endedOn: values.closingDate, bindingHomeId: null, version: { increment: 1 } },
        });
        if (ended.count !== 1) throw new TransferCaseError(STALE_RECORD_MESSAGE, undefined, 409);
        await recordAudit(tx, actor, { entity: "Lease", entityId: sellerLease.id, action: "transition", before: { status: sellerLease.status }, after: { status: to, endedOn: values.closingDate, transferCaseId: row.id } });
      }

      // the buyer's side
      let buyerOwnershipId: string | null = null;
      let buyerLeaseId: string | null = null;
      if (buyerNeeded && row.buyerHouseholdId) {
        const buyer = await tx.household.findFirst({ where: { id: row.buyerHouseholdId, organisationId: actor.organisationId }, include: { members: { orderBy: { createdAt: "asc" } } } });
        if (!buyer) throw new TransferCaseError("The buyer household no longer exists: choose another buyer.", "closingDate", 409);
        const owned = await tx.ownership.findFirst({ where: { organisationId: actor.organisationId, householdId: buyer.id, saleDate: null }, select: { id: true } });
        if (owned) throw new TransferCaseError(`${buyer.name} already owns a home: a buyer may own no other home.`, "closingDate", 409);
        const ownership = await tx.ownership.create({
          data: { organisationId: actor.organisationId, homeId: row.homeId, currentHomeId: row.homeId, householdId: buyer.id, purchasePriceCents: values.price, purchaseDate: values.closingDate },
        });
        buyerOwnershipId = ownership.id;
        await followCaseBuyer(tx, actor, row.id, buyer.id, buyer.id, "bought");
        await recordAudit(tx, actor, { entity: "Ownership", entityId: ownership.id, action: "create", after: { homeId: row.homeId, householdId: buyer.id, purchasePriceCents: values.price, purchaseDate: values.closingDate, transferCaseId: row.id } });
        const defaults = await getLeaseTermDefaults(tx, actor.organisationId);
        const sellerTerms = sellerLease ? await getLeaseTermsOn(tx, actor.organisationId, sellerLease.id, values.closingDate) : null;
        const templateVersion = await tx.leaseTemplateVersion.findFirst({ where: { templateId: template.id, organisationId: actor.organisationId }, orderBy: { versionNumber: "desc" }, select: { id: true } });
        const reference = await nextReference(tx, actor.organisationId, yearOf(today));
        const { version: _version, ...defaultTimedTerms } = defaults;
        // an assignment carries the seller's lease on: its terms in force at the closing, its frozen formula, riders and
        // template version, for its remaining whole years from the closing (the lease model holds whole-year terms);
        // a new lease takes the trust's current terms and template for 99 years
        const assignment = disposition === "assignment" && sellerLease && sellerTerms;
        const timedTerms: LeaseTimedTerms = assignment ? (Object.fromEntries(TIMED_TERM_KEYS.map((key) => [key, sellerTerms[key]])) as LeaseTimedTerms) : defaultTimedTerms;
        const termYears = assignment ? wholeYearsBetween(values.closingDate, addDays(sellerLease.expirationDate, 1)) : 99;
        const draft = await tx.lease.create({
          data: {
            organisationId: actor.organisationId,
            reference,
            homeId: row.homeId,
            householdId: buyer.id,
            status: "draft",
            commencementDate: values.closingDate,
            termYears,
            expirationDate: expirationDate(values.closingDate, termYears),
            renewalTermYears: sellerLease?.renewalTermYears ?? 99,
            monthlyFeeCents: sellerTerms?.monthlyFeeCents ?? fromDbCents(sellerLease?.monthlyFeeCents ?? 0),
            feeEscalation: (sellerTerms?.feeEscalation ?? { kind: "none" }) as object,
            ...timedTerms,
            lateChargeCents: BigInt(timedTerms.lateChargeCents),
            formulaPresetName: sellerLease?.formulaPresetName ?? "",
            ...(assignment ? { formulaSpec: sellerLease.formulaSpec as object, riders: sellerTerms.riders, riderVersions: (sellerLease.riderVersions ?? undefined) as object | undefined } : { riders: [] }),
            templateVersionId: assignment ? (sellerLease.templateVersionId ?? templateVersion?.id ?? null) : (templateVersion?.id ?? null),
          },
        });
        const names = buyer.members.length ? buyer.members.slice(0, 4).map((m) => m.fullName) : [buyer.name];
        await tx.leaseLessee.createMany({ data: names.map((fullName, position) => ({ organisationId: actor.organisationId, leaseId: draft.id, fullName, position })) });
        buyerLeaseId = draft.id;
        await recordAudit(tx, actor, {
          entity: "Lease",
          entityId: draft.id,
          action: "create",
          after: { reference, homeId: row.homeId, householdId: buyer.id, status: "draft", commencementDate: values.closingDate, termYears, transferCaseId: row.id, ...(assignment ? { assignedFromLeaseId: sellerLease.id } : {}) },
        });
      }

      // the seller's sale and the buyer's purchase change what the home's parcel is (app/modules/parcels/status.ts)
      await syncParcelStatus(tx, actor, row.home.parcelId);

      // the statement and the outcome measures
      const statement = {
        price: centsToString(values.price),
        unpaidLeaseFees: centsToString(unpaidLeaseFeesCents),
        trustFees: centsToString(values.trustFees),
        mortgagePayoff: centsToString(values.mortgagePayoff),
        sellerClosingCosts: centsToString(values.sellerClosingCosts),
        netProceeds: centsToString(values.price - unpaidLeaseFeesCents - values.trustFees - values.mortgagePayoff - values.sellerClosingCosts),
      };
      let outcomes = null;
      if (sellerOwnership) {
        const area = (await tx.parcel.findFirst({ where: { id: row.home.parcelId, organisationId: actor.organisationId }, select: { incomeLimitAreaCode: true } }))?.incomeLimitAreaCode ?? (await defaultAreaCode(tx, actor.organisationId));
        const size = Math.max(1, row.home.bedrooms + 1);
        const calculation = row.calculationId ? await tx.resaleCalculation.findFirst({ where: { id: row.calculationId, organisationId: actor.organisationId }, select: { request: true } }) : null;
        const marketValue = (calculation?.request as { appraisals?: { current?: string } } | undefined)?.appraisals?.current;
        outcomes = resaleOutcomes({
          priceCents: values.price,
          previousPriceCents: fromDbCents(sellerOwnership.purchasePriceCents),
          purchaseDate: sellerOwnership.purchaseDate,
          closingDate: values.closingDate,
          marketValueCents: marketValue ? stringToCents(marketValue) : null,
          mortgageAmountCents: sellerOwnership.mortgageAmountCents === null ? null : fromDbCents(sellerOwnership.mortgageAmountCents),
          closing: { mortgagePayoffCents: values.mortgagePayoff, sellerClosingCostsCents: values.sellerClosingCosts, unpaidLeaseFeesCents, trustFeesCents: values.trustFees },
          buyerTerms: defaultBuyerTerms(),
          householdSize: size,
          ami100AtSale: await ami100For(tx, actor.organisationId, area, values.closingDate, size),
          ami100AtPrevious: await ami100For(tx, actor.organisationId, area, sellerOwnership.purchaseDate, size),
        });
      }
      await updateCase(tx, row, values.version, {
        status: "closed",
        openHomeId: null,
        closingDate: values.closingDate,
        closingPriceCents: values.price,
        overrideReason: maxCents !== null && values.price > maxCents ? override : "",
        closingStatement: statement,
        outcomes: outcomes ?? undefined,
        buyerOwnershipId,
        buyerLeaseId,
        leaseDisposition: sellerLeaseBinding ? disposition : null,
      });
      await recordAudit(tx, actor, {
        entity: "TransferCase",
        entityId: row.id,
        action: "transition",
        before: { status: "open" },
        after: { status: "closed", closingDate: values.closingDate, price: statement.price, overrideReason: maxCents !== null && values.price > maxCents ? override : null, netProceeds: statement.netProceeds },
      });
      return { buyerLeaseId };
    });
  } catch (error) {
    // the buyer's ownership at the same moment as another purchase of the home: the unique currentHomeId refuses one
    if (isUniqueViolation(error)) throw new TransferCaseError("The home gained another owner meanwhile: reload the case.", undefined, 409);
    throw error;
  }
}

/** Whole years from `from` until `to` (the anniversary of `from` on or before `to`). */
function wholeYearsBetween(from: string, to: string): number {
  let years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  while (years > 0 && compareCalendarDates(addYears(from, years), to) > 0) years -= 1;
  return years;
}

/**
 * Households that could buy, for the case's buyer list: first the pool of interested buyers (waiting, or offered on
 * this case) in the order they were added, with bedrooms wanted, size for this home and first-time buyer; then the
 * other households owning no home. Never the seller, never a household that owns a home.
 */
export async function buyerCandidates(db: Db, organisationId: string, sellerHouseholdId: string | null, homeBedrooms: number, caseId?: string) {
  const pool = (await listBuyerPool(db, organisationId, { statuses: ["waiting", "offered"], homeBedrooms })).filter((e) => !e.ownsHome && e.householdId !== sellerHouseholdId);
  const offeredElsewhere = caseId ? new Set((await db.interestedBuyer.findMany({ where: { organisationId, status: "offered", transferCaseId: { not: caseId } }, select: { householdId: true } })).map((e) => e.householdId)) : new Set<string>();
  const pooled = pool.filter((e) => !offeredElsewhere.has(e.householdId));
  const inPool = new Set(pool.map((e) => e.householdId));
  const households = await db.household.findMany({
    where: { organisationId, archivedAt: null, ownerships: { none: { saleDate: null } }, ...(sellerHouseholdId ? { id: { not: sellerHouseholdId } } : {}) },
    select: { id: true, name: true, incomeCertifications: { orderBy: { certifiedOn: "desc" }, take: 1, select: { certifiedOn: true, percentAmi: true } } },
    orderBy: { name: "asc" },
    take: 1000,
  });
  const first = (value: boolean | null) => (value === null ? "first-time buyer not recorded" : value ? "first-time buyer" : "not a first-time buyer");
  return [
    ...pooled.map((e) => ({
      value: e.householdId,
      label: `${e.name} — in the pool since ${formatScreenDate(e.addedOn)}, wants ${e.bedroomsWanted} bedroom${e.bedroomsWanted === 1 ? "" : "s"}; ${
        e.certification ? `${sizeForBedrooms(e.certification.householdSize, homeBedrooms)}; certified ${formatScreenDate(e.certification.certifiedOn)}, ${e.certification.percentAmi} % AMI` : "no certification"
      }; ${first(e.firstTimeBuyer)}`,
    })),
    ...households
      .filter((h) => !inPool.has(h.id))
      .map((h) => {
        const c = h.incomeCertifications[0];
        return { value: h.id, label: `${h.name} (not in the pool) — ${c ? `certified ${formatScreenDate(c.certifiedOn)}, ${c.percentAmi} % AMI` : "no certification"}` };
      }),
  ];
}

/** The open resale or transfer cases of the given homes (a parcel page's homes). */
export async function openCasesForHomes(db: Db, organisationId: string, homeIds: string[]) {
  return db.transferCase.findMany({ where: { organisationId, openHomeId: { in: homeIds } }, select: { id: true, homeId: true } });
}

/** The home's number of bedrooms (0 when the home is not the organisation's). */
export async function homeBedrooms(db: Db, organisationId: string, homeId: string): Promise<number> {
  return (await db.home.findFirst({ where: { id: homeId, organisationId }, select: { bedrooms: true } }))?.bedrooms ?? 0;
}
