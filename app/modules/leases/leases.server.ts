/**
 * Ground lease records: list, read, create and edit drafts, status transitions (with the resale formula and
 * the template version frozen at execution), amendments to signed leases. Every query is scoped to the
 * organisation; every write is audited in the same transaction.
 */
import { getFormulaPresetByName, listFormulaPresets } from "~/modules/formula-presets/formula-presets.server";
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { homeLabel, listHomesForPicker, syncParcelStatus } from "~/modules/parcels/parcels.server";
import { assertUpdated } from "~/utils/concurrency.server";
import { isUniqueViolation, type Db, type Tx } from "~/utils/db.server";
import { fold } from "~/utils/word-search";
import { pageWithCappedCount } from "~/utils/word-search.server";
import { expirationDate, LEASE_STATUS_LABELS, LEASE_STATUSES, leaseStatusOn, transitionErrors, validateLeaseDraft, type LeaseStatus } from "./lifecycle";
import type { AmendmentValues, LeaseFormValues, TransitionValues } from "./schemas";
import { escalationRule } from "./schemas";
import { ensureDefaultTemplate } from "./templates.server";
import { organisationToday } from "~/modules/organisations/organisations.server";
import { yearOf } from "~/utils/calendar-date";
import { AMENDABLE_TERM_KEYS, leaseTermsOn, TIMED_TERM_KEYS, timedTermsOf, validateTimedTerms, type LeaseTerms, type LeaseTimedTerms } from "./terms";
import { getLeaseTermDefaults, leaseRowTerms } from "./terms.server";
import { fromDbCents, withNumberCents } from "~/utils/cents";
import { leaseRiders } from "./terms";
import { riderChoices, riderNameErrors, riderVersionsToFreeze } from "./riders.server";
import { isSameMortgage, mortgageAboveFormulaPrice } from "~/modules/mortgages/permitted-mortgages";
import { currentFormulaPrice, currentPurchase, linkPurchaseMortgage, purchaseFormulaPrice } from "~/modules/mortgages/permitted-mortgages.server";
import { NotFoundError } from "~/utils/errors";

/** Statuses in which a lease binds the home: a home has at most one lease in these at a time. */
export const BINDING_STATUSES: LeaseStatus[] = ["executed", "recorded", "active"];

export type FieldErrors = Record<string, string[]>;
export type WriteResult = { ok: true; id: string; reference?: string } | { ok: false; fieldErrors?: FieldErrors; formErrors?: string[] };

const listSelect = {
  id: true,
  reference: true,
  status: true,
  commencementDate: true,
  expirationDate: true,
  monthlyFeeCents: true,
  updatedAt: true,
  household: { select: { id: true, name: true } },
  home: { select: { id: true, label: true, parcel: { select: { streetAddress: true, parcelNumber: true, city: true } } } },
  lessees: { select: { fullName: true }, orderBy: { position: "asc" as const } },
} as const;

export const LEASES_PAGE_SIZE = 50;

/** A list row: `status` is the status on `today` (`leaseStatusOn`), `recordedStatus` the step recorded on the lease. */
function leaseRow(today: string) {
  return <T extends { status: LeaseStatus; commencementDate: string; home: { label: string; parcel: { streetAddress: string; parcelNumber: string } }; lessees: { fullName: string }[] }>(lease: T) =>
    withNumberCents({ ...lease, status: leaseStatusOn(lease, today), recordedStatus: lease.status, homeLabel: homeLabel(lease.home), lesseeNames: lease.lessees.map((l) => l.fullName) });
}

/**
 * `leaseStatusOn` as a database filter: the leases whose status on `today` is `status`. An executed or
 * recorded lease counts as active from its commencement date (calendar dates `YYYY-MM-DD` compare as text
 * on both databases).
 */
export function leaseStatusWhere(status: LeaseStatus, today: string) {
  if (status === "active") return { OR: [{ status: "active" as const }, { status: { in: ["executed" as const, "recorded" as const] }, commencementDate: { lte: today } }] };
  if (status === "executed" || status === "recorded") return { status, commencementDate: { gt: today } };
  return { status };
}

function leaseStatusFilter(query: { status?: string }, today: string) {
  return query.status && (Object.keys(LEASE_STATUS_LABELS) as string[]).includes(query.status) ? leaseStatusWhere(query.status as LeaseStatus, today) : {};
}

/** How many of the organisation's leases are in each status on `today` (`leaseStatusOn`), every status listed. */
export async function countLeasesByStatusOn(db: Db, organisationId: string, today: string): Promise<Record<LeaseStatus, number>> {
  const [all, commenced] = await Promise.all([
    db.lease.groupBy({ by: ["status"], where: { organisationId }, _count: { _all: true } }),
    db.lease.groupBy({ by: ["status"], where: { organisationId, status: { in: ["executed", "recorded"] }, commencementDate: { lte: today } }, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(LEASE_STATUSES.map((s) => [s, 0])) as Record<LeaseStatus, number>;
  for (const group of all) counts[group.status] += group._count._all;
  for (const group of commenced) {
    counts[group.status] -= group._count._all;
    counts.active += group._count._all;
  }
  return counts;
}

/**
 * A page of the organisation's leases, newest reference first, filtered by status and by a search over the
 * reference, lessee names and address. Without a search the page is read from the database; a search reads
 * the organisation's leases (a trust has hundreds or a few thousand, not millions) and matches them in
 * memory, accents and case folded, so it behaves the same on both databases.
 */
export async function listLeases(db: Db, organisationId: string, query: { status?: string; q?: string; page?: number } = {}, options: { today?: string } = {}) {
  const today = options.today ?? (await organisationToday(db, organisationId));
  const where = { organisationId, ...leaseStatusFilter(query, today) };
  const page = query.page ?? 1;
  const orderBy = [{ reference: "desc" as const }, { id: "desc" as const }];
  const needle = query.q ? fold(query.q.trim()) : "";
  if (needle) {
    const matches = (await db.lease.findMany({ where, select: listSelect, orderBy }))
      .map(leaseRow(today))
      .filter((lease) => [lease.reference, lease.homeLabel, lease.home.parcel.city, ...lease.lesseeNames].some((text) => fold(text).includes(needle)));
    const pageCount = Math.max(1, Math.ceil(matches.length / LEASES_PAGE_SIZE));
    return { leases: matches.slice((page - 1) * LEASES_PAGE_SIZE, page * LEASES_PAGE_SIZE), page, total: matches.length, totalIsExact: true, pageCount };
  }
  const { rows, ...paging } = await pageWithCappedCount({
    page,
    pageSize: LEASES_PAGE_SIZE,
    countLimit: 10_000,
    count: (take) => db.lease.count({ where, take }),
    findPage: ({ skip, take }) => db.lease.findMany({ where, select: listSelect, orderBy, skip, take }),
  });
  return { leases: rows.map(leaseRow(today)), page, ...paging };
}

/** Every lease of the organisation, by reference, with its status on `today` (the CLI's `leases`). */
export async function allLeases(db: Db, organisationId: string, options: { today?: string } = {}) {
  const today = options.today ?? (await organisationToday(db, organisationId));
  const leases = await db.lease.findMany({ where: { organisationId }, select: listSelect, orderBy: [{ reference: "asc" }, { id: "asc" }] });
  return leases.map(leaseRow(today));
}

export async function getLease(db: Db | Tx, organisationId: string, leaseId: string) {
  const lease = await db.lease.findFirst({
    where: { id: leaseId, organisationId },
    include: {
      lessees: { orderBy: { position: "asc" } },
      permittedMortgages: { orderBy: { recordedOn: "asc" } },
      amendments: { orderBy: [{ effectiveDate: "asc" }, { createdAt: "asc" }] },
      documents: { orderBy: { createdAt: "desc" }, take: 20, include: { templateVersion: { select: { versionNumber: true } } } },
      templateVersion: { select: { id: true, versionNumber: true } },
      household: { select: { id: true, name: true } },
      home: {
        select: {
          id: true,
          label: true,
          bedrooms: true,
          parcel: { select: { id: true, parcelNumber: true, streetAddress: true, city: true, state: true, postalCode: true, legalDescription: true } },
        },
      },
    },
  });
  return withNumberCents(lease);
}
export type LeaseDetail = NonNullable<Awaited<ReturnType<typeof getLease>>>;

export { leaseEscalation, leaseRiders } from "./terms";

/** What the lease form offers: homes, households with their members (to prefill lessees), active presets, riders. */
export async function leaseFormOptions(db: Db, organisationId: string) {
  const [homes, households, presets, riders] = await Promise.all([
    listHomesForPicker(db, organisationId),
    db.household.findMany({
      where: { organisationId, archivedAt: null },
      select: { id: true, name: true, members: { select: { fullName: true }, orderBy: { createdAt: "asc" } } },
      orderBy: { name: "asc" },
      take: 2000,
    }),
    listFormulaPresets(db, organisationId),
    riderChoices(db, organisationId),
  ]);
  return {
    /** the rider library's current riders (with their latest version), then the standard lender riders */
    riders,
    homes: homes.map((h) => ({ id: h.id, label: h.label, currentOwnerId: h.currentOwner?.id ?? null })),
    households: households.map((h) => ({ id: h.id, name: h.name, members: h.members.map((m) => m.fullName) })),
    presets: presets.map((p) => ({ name: p.name, description: p.description })),
    /** The organisation's default preset: its oldest active one (the demo seed creates the default first). */
    defaultPresetName: [...presets].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0]?.name ?? null,
  };
}

/** "GL-2025-0007": the year the lease is created and the next number in that year. */
export async function nextReference(tx: Tx, organisationId: string, year: number): Promise<string> {
  const prefix = `GL-${year}-`;
  const last = await tx.lease.findFirst({ where: { organisationId, reference: { startsWith: prefix } }, orderBy: { reference: "desc" }, select: { reference: true } });
  const next = last ? Number(last.reference.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(4, "0")}`;
}

/** The draft's timed terms: those the form gave, the rest from `fallback` (trust defaults or the draft's own). */
function resolveTimedTerms(values: LeaseFormValues, fallback: LeaseTimedTerms): LeaseTimedTerms {
  return Object.fromEntries(TIMED_TERM_KEYS.map((key) => [key, values[key] ?? fallback[key]])) as LeaseTimedTerms;
}

function draftErrors(values: LeaseFormValues, terms?: LeaseTimedTerms): FieldErrors {
  const errors: FieldErrors = {};
  if (terms) for (const e of validateTimedTerms(terms)) (errors[e.field] ??= []).push(e.message);
  for (const e of validateLeaseDraft({
    lesseeNames: values.lesseeNames,
    commencementDate: values.commencementDate,
    termYears: values.termYears,
    renewalTermYears: values.renewalTermYears,
    monthlyFeeCents: values.monthlyFeeCents,
    escalation: escalationRule(values),
    purchaseOptionDays: values.purchaseOptionDays,
  })) {
    const field = e.field === "escalation.annualRate" ? "escalationRate" : e.field === "escalation.cap" ? "escalationCap" : e.field;
    (errors[field] ??= []).push(e.message);
  }
  return errors;
}

async function checkReferences(tx: Tx, organisationId: string, values: LeaseFormValues, ridersOnLease: readonly string[] = []): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const riderErrors = await riderNameErrors(tx, organisationId, values.riders, ridersOnLease);
  if (riderErrors.length) errors.riders = riderErrors;
  const [home, household] = await Promise.all([
    tx.home.findFirst({ where: { id: values.homeId, organisationId }, select: { id: true } }),
    tx.household.findFirst({ where: { id: values.householdId, organisationId }, select: { id: true } }),
  ]);
  if (!home) errors.homeId = ["Choose a home of this organisation."];
  if (!household) errors.householdId = ["Choose a household of this organisation."];
  if (values.formulaPresetName) {
    const preset = await tx.formulaPreset.findFirst({ where: { organisationId, name: values.formulaPresetName }, select: { id: true } });
    if (!preset) errors.formulaPresetName = ["Choose a formula preset from the list."];
  }
  return errors;
}

function draftData(values: LeaseFormValues, terms: LeaseTimedTerms) {
  return {
    ...terms,
    lateChargeCents: BigInt(terms.lateChargeCents),
    homeId: values.homeId,
    householdId: values.householdId,
    executionDate: values.executionDate ?? null,
    commencementDate: values.commencementDate,
    termYears: values.termYears,
    expirationDate: expirationDate(values.commencementDate, values.termYears),
    renewalTermYears: values.renewalTermYears,
    monthlyFeeCents: values.monthlyFeeCents,
    feeEscalation: escalationRule(values),
    formulaPresetName: values.formulaPresetName ?? "",
    riders: values.riders,
  };
}

function snapshot(lease: { lessees?: { fullName: string }[]; permittedMortgages?: { lender: string; amountCents: number; recordedOn: string }[] } & Record<string, unknown>) {
  const { lessees, permittedMortgages, ...rest } = lease;
  const keep = ["homeId", "householdId", "status", "executionDate", "commencementDate", "termYears", "expirationDate", "renewalTermYears", "monthlyFeeCents",
    "feeEscalation", ...TIMED_TERM_KEYS, "formulaPresetName", "riders", "recordingCounty", "recordingInstrument", "recordingBook",
    "recordingPage", "recordingDate", "endedOn", "templateVersionId"];
  return {
    ...Object.fromEntries(keep.filter((k) => k in rest).map((k) => [k, typeof rest[k] === "bigint" ? Number(rest[k]) : rest[k]])),
    ...(lessees ? { lesseeNames: lessees.map((l) => l.fullName) } : {}),
    ...(permittedMortgages ? { permittedMortgages: permittedMortgages.map((m) => ({ lender: m.lender, amountCents: m.amountCents, recordedOn: m.recordedOn })) } : {}),
  };
}

/**
 * The typed permitted mortgages of a draft, checked: none is the purchase mortgage again (it is listed from
 * the purchase, recorded once) and none is above the formula price the lease allows (the purchase price).
 */
async function checkMortgages(tx: Tx, organisationId: string, values: LeaseFormValues): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const purchase = await currentPurchase(tx, organisationId, values.homeId, values.householdId);
  const basis = await purchaseFormulaPrice(tx, organisationId, values.homeId, values.householdId);
  values.mortgages.forEach((mortgage, i) => {
    if (purchase && purchase.mortgageAmountCents !== null && isSameMortgage(mortgage, { lender: purchase.mortgageLender, amountCents: fromDbCents(purchase.mortgageAmountCents) })) {
      errors[`mortgages[${i}].lender`] = [`This is the purchase mortgage of ${purchase.purchaseDate}: the lease lists it from the purchase already. Remove this row.`];
      return;
    }
    const above = mortgageAboveFormulaPrice(mortgage.amountCents, basis);
    if (above) errors[`mortgages[${i}].amountCents`] = [above];
  });
  return errors;
}

async function replaceChildren(tx: Tx, organisationId: string, leaseId: string, values: LeaseFormValues) {
  await tx.leaseLessee.deleteMany({ where: { leaseId, organisationId } });
  // typed rows are replaced; the purchase mortgage's linked row stays while it is this household's purchase of this home
  const purchase = await currentPurchase(tx, organisationId, values.homeId, values.householdId);
  await tx.permittedMortgage.deleteMany({ where: { leaseId, organisationId, OR: [{ ownershipId: null }, ...(purchase ? [{ ownershipId: { not: purchase.id } }] : [{ ownershipId: { not: null } }])] } });
  await tx.leaseLessee.createMany({ data: values.lesseeNames.map((fullName, position) => ({ organisationId, leaseId, fullName, position })) });
  if (values.mortgages.length) {
    await tx.permittedMortgage.createMany({ data: values.mortgages.map((m) => ({ organisationId, leaseId, lender: m.lender, amountCents: m.amountCents, recordedOn: m.recordedOn })) });
  }
  await linkPurchaseMortgage(tx, organisationId, leaseId);
}

/** Creates a draft lease with the next reference, of the year of the trust's today (`today` fixes it: tests, seed). */
export async function createLease(db: Db, actor: AuditActor, values: LeaseFormValues, options: { today?: string } = {}): Promise<WriteResult> {
  const terms = resolveTimedTerms(values, await getLeaseTermDefaults(db, actor.organisationId));
  const fieldErrors = draftErrors(values, terms);
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  const year = yearOf(options.today ?? (await organisationToday(db, actor.organisationId)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const refErrors = await checkReferences(tx, actor.organisationId, values);
        if (Object.keys(refErrors).length) return { ok: false as const, fieldErrors: refErrors };
        const mortgageErrors = await checkMortgages(tx, actor.organisationId, values);
        if (Object.keys(mortgageErrors).length) return { ok: false as const, fieldErrors: mortgageErrors };
        const reference = await nextReference(tx, actor.organisationId, year);
        const lease = await tx.lease.create({ data: { organisationId: actor.organisationId, reference, status: "draft", ...draftData(values, terms) } });
        await replaceChildren(tx, actor.organisationId, lease.id, values);
        await recordAudit(tx, actor, {
          entity: "Lease",
          entityId: lease.id,
          action: "create",
          after: { reference, ...snapshot({ ...draftData(values, terms), lessees: values.lesseeNames.map((fullName) => ({ fullName })), permittedMortgages: values.mortgages }) },
        });
        return { ok: true as const, id: lease.id, reference };
      });
    } catch (error) {
      // Two leases created at the same moment may pick the same number: try the next one.
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }
}

/** The terms the lease-fee ledger follows (an amendment of one of them changes the charges from its date). */
const FEE_TERM_KEYS = ["monthlyFeeCents", "feeEscalation", "feeDueDay", "graceDays", "lateChargeCents"] as const;

export const FROZEN_MESSAGE = "This lease has been signed: its terms are frozen. Record a change as a dated amendment instead.";

/** Edits a draft. Signed leases are refused (their terms change only by amendment). */
export async function updateDraftLease(db: Db, actor: AuditActor, leaseId: string, version: number, values: LeaseFormValues): Promise<WriteResult> {
  const basicErrors = draftErrors(values);
  if (Object.keys(basicErrors).length) return { ok: false, fieldErrors: basicErrors };
  return db.$transaction(async (tx) => {
    const before = await tx.lease.findFirst({ where: { id: leaseId, organisationId: actor.organisationId }, include: { lessees: { orderBy: { position: "asc" } }, permittedMortgages: true } });
    if (!before) throw new NotFoundError("Lease not found");
    if (before.status !== "draft") return { ok: false as const, formErrors: [FROZEN_MESSAGE] };
    const terms = resolveTimedTerms(values, timedTermsOf(before));
    const fieldErrors = draftErrors(values, terms);
    if (Object.keys(fieldErrors).length) return { ok: false as const, fieldErrors };
    const refErrors = await checkReferences(tx, actor.organisationId, values, leaseRiders(before));
    if (Object.keys(refErrors).length) return { ok: false as const, fieldErrors: refErrors };
    const mortgageErrors = await checkMortgages(tx, actor.organisationId, values);
    if (Object.keys(mortgageErrors).length) return { ok: false as const, fieldErrors: mortgageErrors };
    assertUpdated(
      await tx.lease.updateMany({
        where: { id: leaseId, organisationId: actor.organisationId, version, status: "draft" },
        data: { ...draftData(values, terms), version: { increment: 1 } },
      }),
    );
    await replaceChildren(tx, actor.organisationId, leaseId, values);
    await recordAudit(tx, actor, {
      entity: "Lease",
      entityId: leaseId,
      action: "update",
      before: snapshot(withNumberCents(before)),
      after: snapshot({ ...draftData(values, terms), lessees: values.lesseeNames.map((fullName) => ({ fullName })), permittedMortgages: values.mortgages }),
    });
    return { ok: true as const, id: leaseId };
  });
}

/**
 * Moves a lease to the next status. Executing freezes the chosen formula preset's spec and the template
 * version into the lease and refuses a second binding lease on the same home. The reasons a move is refused
 * (`transitionErrors`) come back as form errors; nothing is saved then.
 */
export async function transitionLease(db: Db, actor: AuditActor, leaseId: string, values: TransitionValues, options: { today?: string } = {}): Promise<WriteResult> {
  try {
    return await transitionLeaseOnce(db, actor, leaseId, values, options);
  } catch (error) {
    // two leases of one home made binding at the same moment: the database's unique bindingHomeId refuses one
    if (isUniqueViolation(error)) return { ok: false, formErrors: ["This home already has a binding lease. A home has one binding lease at a time."] };
    throw error;
  }
}

async function transitionLeaseOnce(db: Db, actor: AuditActor, leaseId: string, values: TransitionValues, options: { today?: string } = {}): Promise<WriteResult> {
  const today = options.today ?? (await organisationToday(db, actor.organisationId));
  const template = await ensureDefaultTemplate(db, actor.organisationId);
  return db.$transaction(async (tx) => {
    const lease = await tx.lease.findFirst({
      where: { id: leaseId, organisationId: actor.organisationId },
      include: { lessees: { orderBy: { position: "asc" } }, home: { include: { parcel: { select: { legalDescription: true } } } } },
    });
    if (!lease) throw new NotFoundError("Lease not found");
    const to = values.to;
    const changes: Record<string, unknown> = {};
    let frozenSpec: unknown = lease.formulaSpec;
    const errors: string[] = [];
    if (to === "executed") {
      if (values.executionDate) changes.executionDate = values.executionDate;
      if (lease.formulaSpec == null) {
        const preset = await getFormulaPresetByName(tx, actor.organisationId, lease.formulaPresetName);
        if (preset?.parsedSpec) frozenSpec = preset.parsedSpec;
        else if (lease.formulaPresetName) errors.push(`The formula preset “${lease.formulaPresetName}” no longer exists or is invalid; choose another.`);
        else errors.push("Choose a resale formula preset on the lease before it is signed.");
      }
      const others = await tx.lease.findFirst({
        where: { organisationId: actor.organisationId, homeId: lease.homeId, status: { in: BINDING_STATUSES }, id: { not: lease.id } },
        select: { reference: true, status: true },
      });
      if (others) {
        errors.push(`This home already has lease ${others.reference}, which is ${LEASE_STATUS_LABELS[others.status].toLowerCase()}. A home has one binding lease at a time: end or assign ${others.reference} first.`);
      }
    }
    if (to === "recorded") {
      for (const key of ["recordingCounty", "recordingInstrument", "recordingBook", "recordingPage", "recordingDate"] as const) {
        if (values[key] !== undefined) changes[key] = values[key];
      }
    }
    if (to === "ended" || to === "assigned") {
      if (values.endedOn) changes.endedOn = values.endedOn;
    }
    const merged = { ...lease, ...changes } as typeof lease;
    errors.unshift(
      ...transitionErrors(
        {
          // the rules see the status by date (a commenced recorded lease is active and can be ended), except
          // for the steps that only the recorded step can take: recording a signed lease, marking it active
          status: to === "recorded" || to === "active" ? lease.status : leaseStatusOn(lease, today),
          lesseeNames: lease.lessees.map((l) => l.fullName),
          resaleFormulaFrozen: frozenSpec != null,
          legalDescription: lease.home.parcel.legalDescription,
          commencementDate: lease.commencementDate,
          termYears: lease.termYears,
          executionDate: merged.executionDate,
          recording: { county: merged.recordingCounty, instrumentNumber: merged.recordingInstrument, recordingDate: merged.recordingDate },
          endDate: merged.endedOn,
          assignmentDate: merged.endedOn,
        },
        to,
        { today },
      ).filter((message) => !(frozenSpec == null && message.startsWith("Freeze the resale formula"))),
    );
    if (errors.length) return { ok: false as const, formErrors: errors };
    const data: Record<string, unknown> = { ...changes, status: to, bindingHomeId: BINDING_STATUSES.includes(to) ? lease.homeId : null };
    if (to === "executed") {
      data.formulaSpec = frozenSpec;
      // the rider library's versions the lease is signed with (a later version of a rider does not change it)
      data.riderVersions = await riderVersionsToFreeze(tx, actor.organisationId, leaseRiders(lease));
      data.templateVersionId = lease.templateVersionId ?? (await tx.leaseTemplateVersion.findFirstOrThrow({ where: { templateId: template.id, organisationId: actor.organisationId }, orderBy: { versionNumber: "desc" } })).id;
    }
    assertUpdated(
      await tx.lease.updateMany({ where: { id: leaseId, organisationId: actor.organisationId, version: values.version, status: lease.status }, data: { ...data, version: { increment: 1 } } }),
    );
    await recordAudit(tx, actor, {
      entity: "Lease",
      entityId: leaseId,
      action: "transition",
      before: { status: lease.status, ...Object.fromEntries(Object.keys(changes).map((k) => [k, (lease as Record<string, unknown>)[k] ?? null])) },
      after: { ...data },
    });
    // signing or ending a lease changes what the home's parcel is (app/modules/parcels/status.ts)
    await syncParcelStatus(tx, actor, lease.home.parcelId);
    return { ok: true as const, id: leaseId };
  });
}

/**
 * What an amendment asks the lease's fee ledger: the due date of the last posted charge (null when none), after
 * which a change of the fee terms must take effect (ADR 014). The fee ledger builds on leases, so leases does not
 * import it: the caller passes `feeLedgerForAmendments` from ~/modules/lease-fees/terms.server.
 */
export type FeeLedgerForAmendments = { lastPostedChargeDate(db: Db | Tx, organisationId: string, leaseId: string): Promise<string | null> };

/**
 * Changes a signed lease's terms by a dated amendment. The lease row keeps the terms as signed; the
 * amendment records `{ before, after }` of the terms it changes, compared with the terms in force on its
 * effective date, and `leaseTermsOn` applies it from that date. Terms the form leaves out stay unchanged.
 * An added permitted mortgage is recorded with it. A draft is edited directly instead. A change of the fee terms
 * is refused over charges already posted (`feeLedger`).
 */
export async function amendLease(db: Db, actor: AuditActor, leaseId: string, values: AmendmentValues, feeLedger: FeeLedgerForAmendments): Promise<WriteResult> {
  return db.$transaction(async (tx) => {
    const lease = withNumberCents(await tx.lease.findFirst({
      where: { id: leaseId, organisationId: actor.organisationId },
      include: { amendments: { select: { effectiveDate: true, createdAt: true, changes: true, appliedToLease: true } } },
    }));
    if (!lease) throw new NotFoundError("Lease not found");
    if (lease.status === "draft") return { ok: false as const, formErrors: ["A draft is edited directly; amendments are for signed leases."] };
    if (lease.status === "ended" || lease.status === "assigned") return { ok: false as const, formErrors: ["This lease has ended; it can no longer be amended."] };
    if (lease.executionDate && values.effectiveDate < lease.executionDate) {
      return { ok: false as const, fieldErrors: { effectiveDate: ["The amendment cannot take effect before the lease was signed."] } };
    }
    const inForce = leaseTermsOn(leaseRowTerms(lease), lease.amendments, values.effectiveDate);
    const proposed: LeaseTerms = {
      ...inForce,
      ...Object.fromEntries(TIMED_TERM_KEYS.filter((key) => values[key] !== undefined).map((key) => [key, values[key]])),
      monthlyFeeCents: values.monthlyFeeCents,
      feeEscalation: escalationRule(values),
      renewalTermYears: values.renewalTermYears,
      riders: values.riders,
    };
    const termErrors = validateTimedTerms(proposed);
    const riderErrors = await riderNameErrors(tx, actor.organisationId, values.riders, inForce.riders);
    if (termErrors.length || riderErrors.length) {
      const fieldErrors: FieldErrors = {};
      for (const e of termErrors) (fieldErrors[e.field] ??= []).push(e.message);
      if (riderErrors.length) fieldErrors.riders = riderErrors;
      return { ok: false as const, fieldErrors };
    }
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of AMENDABLE_TERM_KEYS) {
      if (JSON.stringify(inForce[key]) !== JSON.stringify(proposed[key])) {
        before[key] = inForce[key];
        after[key] = proposed[key];
      }
    }
    const mortgage = values.newMortgageLender && values.newMortgageAmountCents !== undefined && values.newMortgageRecordedOn
      ? { lender: values.newMortgageLender, amountCents: values.newMortgageAmountCents, recordedOn: values.newMortgageRecordedOn }
      : null;
    if (mortgage) {
      const above = mortgageAboveFormulaPrice(mortgage.amountCents, await currentFormulaPrice(tx, actor.organisationId, lease));
      if (above) return { ok: false as const, fieldErrors: { newMortgageAmountCents: [above] } };
      after.addedPermittedMortgage = mortgage;
    }
    if (Object.keys(after).length === 0) return { ok: false as const, formErrors: ["Nothing changed: change at least one term or add a permitted mortgage."] };
    // The fee ledger's posted charges stand as posted: a change to the fee terms takes effect after the last one.
    if (FEE_TERM_KEYS.some((key) => key in after)) {
      const lastCharge = await feeLedger.lastPostedChargeDate(tx, actor.organisationId, leaseId);
      if (lastCharge && values.effectiveDate <= lastCharge) {
        return {
          ok: false as const,
          fieldErrors: {
            effectiveDate: [
              `Lease fees are already charged on this lease's ledger up to ${lastCharge}: a change to the fee, its escalation, due day, grace period or late charge can take effect only after that date. Correct charges already posted with a waiver or reversal on the fee ledger.`,
            ],
          },
        };
      }
    }
    assertUpdated(await tx.lease.updateMany({ where: { id: leaseId, organisationId: actor.organisationId, version: values.version }, data: { version: { increment: 1 } } }));
    if (mortgage) await tx.permittedMortgage.create({ data: { organisationId: actor.organisationId, leaseId, ...mortgage } });
    const amendment = await tx.leaseAmendment.create({
      data: {
        organisationId: actor.organisationId,
        leaseId,
        effectiveDate: values.effectiveDate,
        description: values.description,
        changes: { before, after } as object,
        createdById: actor.userId,
      },
    });
    await recordAudit(tx, actor, {
      entity: "Lease",
      entityId: leaseId,
      action: "update",
      before: { ...before },
      after: { ...after, amendmentId: amendment.id, amendmentEffectiveDate: values.effectiveDate, amendmentDescription: values.description },
    });
    return { ok: true as const, id: leaseId };
  });
}
