/**
 * Resale and transfer cases (docs/transfers.md): open from the notice of intent (one open case per home, a
 * database guarantee), the formula price as a saved calculation from the lease's frozen formula and the home's
 * stored valuation inputs, the trust's option decision, cancellation that keeps the history. Deadlines come from
 * the lease's terms in force on the notice date (./deadlines.ts). Every query is scoped to the organisation,
 * every change is audited and version-checked.
 */
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { parsePresetSpec } from "~/modules/formula-presets/presets";
import { resaleInputsForHome } from "~/modules/home-inputs/home-inputs.server";
import { BINDING_STATUSES } from "~/modules/leases/leases.server";
import { getLeaseTermDefaults, getLeaseTermsOn } from "~/modules/leases/terms.server";
import { homeLabel } from "~/modules/parcels/parcels.server";
import { parseResaleRequest, type ResaleRequest, type ResaleResult } from "~/modules/resale/contract";
import { calculateResale } from "~/modules/resale/engine";
import { incomeLimitTablesForContract } from "~/modules/resale/income-limit-tables.server";
import { saveResaleCalculation } from "~/modules/resale/calculations.server";
import { compareCalendarDates } from "~/utils/calendar-date";
import { STALE_RECORD_MESSAGE } from "~/utils/concurrency.server";
import { isUniqueViolation, type Db, type Tx } from "~/utils/db.server";
import { centsToString, stringToCents } from "~/utils/money";
import { caseDeadlines, nextDeadline, optionDeadline, optionState, type CaseProgress, type CaseTerms, type OptionDecision } from "./deadlines";
import type { CancelValues, CaseKind, FormulaPriceValues, OpenCaseValues, OptionValues } from "./schemas";

export class TransferCaseError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly status = 400,
  ) {
    super(message);
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
    home: { id: row.home.id, label: homeLabel(row.home) },
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
      ? { date: row.closingDate, price: money(row.closingPriceCents), overrideReason: row.overrideReason || null, statement: row.closingStatement ?? null, buyerOwnershipId: row.buyerOwnershipId, buyerLeaseId: row.buyerLeaseId }
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
      maxPrice: view.calculation?.maxPrice ?? null,
      closingDate: view.closing?.date ?? null,
    };
  }));
  const rank = (v: (typeof views)[number]) => (v.status === "open" ? 0 : 1);
  return views.sort((a, b) => rank(a) - rank(b) || (a.status === "open" ? (a.next?.due ?? "9999-12-31").localeCompare(b.next?.due ?? "9999-12-31") : 0));
}
