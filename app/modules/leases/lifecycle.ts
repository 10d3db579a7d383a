/**
 * Ground lease rules: statuses and their transitions, term arithmetic, lease-fee escalation and draft
 * validation. Pure functions on plain data (no I/O); dates are calendar dates as `YYYY-MM-DD` strings and
 * are never converted to instants, so no time zone can move them.
 */
import { Decimal } from "~/utils/money";
import { addDays, addYears, compareCalendarDates as compareDates, fullYearsBetween, isCalendarDate } from "~/utils/calendar-date";

// ---------------------------------------------------------------------------------------------------------
// Lease terms in calendar dates (~/utils/calendar-date: an anniversary of 29 February in a common year is 1 March)
// ---------------------------------------------------------------------------------------------------------

/**
 * The last day of a lease term: the day before the `termYears`-th anniversary of the commencement date.
 * A 99-year lease commencing 2025-01-01 therefore expires at the end of 2123-12-31, and the term is exactly
 * 99 years with both the first and the last day included. A term commencing on 29 February whose
 * anniversary falls in a common year ends on 28 February (the anniversary is 1 March).
 */
export function expirationDate(commencementDate: string, termYears: number): string {
  requireDate(commencementDate, "Commencement date");
  if (!Number.isInteger(termYears) || termYears <= 0) {
    throw new RangeError(`Term must be a positive whole number of years, got ${termYears}`);
  }
  return addDays(addYears(commencementDate, termYears), -1);
}

/**
 * The renewal term that follows an expiring term: it starts the day after `expiration` and lasts
 * `renewalYears` years under the same convention as `expirationDate`.
 */
export function renewalTerm(expiration: string, renewalYears: number): { startDate: string; endDate: string } {
  requireDate(expiration, "Expiration date");
  const startDate = addDays(expiration, 1);
  return { startDate, endDate: expirationDate(startDate, renewalYears) };
}

/** Whole years from `from` to `to`: how many anniversaries of `from` fall on or before `to` (0 if none). */
export function completedYears(from: string, to: string): number {
  requireDate(from, "Start date");
  requireDate(to, "Date");
  return Math.max(0, fullYearsBetween(from, to));
}

function requireDate(value: string, what: string): void {
  if (!isCalendarDate(value)) throw new RangeError(`${what} must be a calendar date YYYY-MM-DD, got "${value}"`);
}

// ---------------------------------------------------------------------------------------------------------
// Statuses and transitions
// ---------------------------------------------------------------------------------------------------------

export const LEASE_STATUSES = ["draft", "executed", "recorded", "active", "ended", "assigned"] as const;
export type LeaseStatus = (typeof LEASE_STATUSES)[number];

/** Human names for the statuses, as staff read them. */
export const LEASE_STATUS_LABELS: Record<LeaseStatus, string> = {
  draft: "Draft",
  executed: "Executed (signed)",
  recorded: "Recorded with the county",
  active: "Active",
  ended: "Ended",
  assigned: "Assigned to a new homeowner",
};

/**
 * Allowed moves. A lease goes forward only: draft → executed (signed by all parties) → recorded (memorandum
 * recorded with the county) → active (term has commenced and the homeowner holds the leasehold) → ended
 * (terminated, expired or surrendered) or assigned (the home was sold and the lease assigned to the buyer).
 * Ended and assigned are final. Correcting a mistake is a new lease version, not a step backwards.
 */
export const LEASE_TRANSITIONS: Readonly<Record<LeaseStatus, readonly LeaseStatus[]>> = {
  draft: ["executed"],
  executed: ["recorded"],
  recorded: ["active"],
  active: ["ended", "assigned"],
  ended: [],
  assigned: [],
};

export function canTransition(from: LeaseStatus, to: LeaseStatus): boolean {
  return LEASE_TRANSITIONS[from].includes(to);
}

// ---------------------------------------------------------------------------------------------------------
// Status by date
// ---------------------------------------------------------------------------------------------------------

/** The facts the status by date looks at: the step recorded on the lease and its commencement date. */
export type LeaseDatedStatus = { status: LeaseStatus; commencementDate: string | null };

/** Signed steps that become active by themselves once the term has commenced. */
const SIGNED_NOT_ACTIVE: readonly LeaseStatus[] = ["executed", "recorded"];

/**
 * The lease's status on `today` (the trust's local date, `organisationToday` / `todayIn`): an executed or
 * recorded lease whose commencement date has come (today included) is active — nobody has to mark it. Every
 * other status is the step recorded on the lease. Lists, reports, the dashboard, the CLI and the lease page
 * all show this status; `leaseStatusWhere` (leases.server.ts) is the same rule as a database filter.
 */
export function leaseStatusOn(lease: LeaseDatedStatus, today: string): LeaseStatus {
  if (SIGNED_NOT_ACTIVE.includes(lease.status) && lease.commencementDate && compareDates(lease.commencementDate, today) <= 0) return "active";
  return lease.status;
}

/**
 * The steps staff can take on `today`. Activation is by date, so "active" is never offered; a lease that is
 * active by date can be ended or assigned, and one signed but not yet recorded can still be recorded.
 */
export function nextStepsOn(lease: LeaseDatedStatus, today: string): LeaseStatus[] {
  const current = leaseStatusOn(lease, today);
  const steps = LEASE_TRANSITIONS[current].filter((s) => s !== "active");
  return lease.status === "executed" && current === "active" ? ["recorded", ...steps] : steps;
}

/** The facts about a lease that the transition rules look at. */
export type LeaseTransitionFacts = {
  status: LeaseStatus;
  lesseeNames: readonly string[];
  /** True once the resale formula has been copied into the lease and can no longer change. */
  resaleFormulaFrozen: boolean;
  legalDescription: string | null;
  commencementDate: string | null;
  termYears: number | null;
  executionDate: string | null;
  recording: { county: string | null; instrumentNumber: string | null; recordingDate: string | null } | null;
  /** Date the lease ended (expiry, termination or surrender); needed to end it. */
  endDate?: string | null;
  /** Date the lease was assigned to a buyer; needed to mark it assigned. */
  assignmentDate?: string | null;
};

const blank = (value: string | null | undefined): boolean => value == null || value.trim() === "";

/**
 * Every reason the lease cannot move to `to`, as sentences a steward can act on; empty when it can.
 * `today` (YYYY-MM-DD) is needed for the checks that compare with the calendar (activation, execution date).
 */
export function transitionErrors(lease: LeaseTransitionFacts, to: LeaseStatus, options: { today?: string } = {}): string[] {
  if (lease.status === to) return [`The lease is already ${LEASE_STATUS_LABELS[to].toLowerCase()}.`];
  if (!canTransition(lease.status, to)) {
    const allowed = LEASE_TRANSITIONS[lease.status].map((s) => LEASE_STATUS_LABELS[s].toLowerCase());
    return [
      `A lease that is ${LEASE_STATUS_LABELS[lease.status].toLowerCase()} cannot become ${LEASE_STATUS_LABELS[to].toLowerCase()}` +
        (allowed.length ? `; it can only become ${allowed.join(" or ")}.` : "; it is final."),
    ];
  }
  const errors: string[] = [];
  const { today } = options;
  switch (to) {
    case "executed": {
      if (lease.lesseeNames.filter((n) => n.trim() !== "").length === 0) errors.push("Add at least one lessee (homeowner).");
      if (!lease.resaleFormulaFrozen) errors.push("Freeze the resale formula into the lease before it is signed.");
      if (blank(lease.legalDescription)) errors.push("Enter the legal description of the land (Exhibit A).");
      if (blank(lease.commencementDate)) errors.push("Enter the commencement date.");
      else if (!isCalendarDate(lease.commencementDate!)) errors.push("The commencement date is not a valid date.");
      if (lease.termYears == null || !Number.isInteger(lease.termYears) || lease.termYears <= 0) {
        errors.push("Enter a term of at least one whole year.");
      }
      if (blank(lease.executionDate)) errors.push("Enter the date the lease was signed (execution date).");
      else if (!isCalendarDate(lease.executionDate!)) errors.push("The execution date is not a valid date.");
      else if (today && compareDates(lease.executionDate!, today) > 0) errors.push("The execution date cannot be in the future.");
      break;
    }
    case "recorded": {
      if (blank(lease.executionDate)) errors.push("Record the execution date before recording the lease.");
      const r = lease.recording;
      if (blank(r?.county)) errors.push("Enter the county where the memorandum was recorded.");
      if (blank(r?.instrumentNumber)) errors.push("Enter the recording instrument (document) number.");
      if (blank(r?.recordingDate)) errors.push("Enter the recording date.");
      else if (!isCalendarDate(r!.recordingDate!)) errors.push("The recording date is not a valid date.");
      else if (!blank(lease.executionDate) && compareDates(r!.recordingDate!, lease.executionDate!) < 0) {
        errors.push("The recording date cannot be before the execution date.");
      }
      break;
    }
    case "active": {
      if (blank(lease.commencementDate)) errors.push("Enter the commencement date.");
      else if (today && compareDates(lease.commencementDate!, today) > 0) {
        errors.push(`The lease term has not commenced yet (it commences on ${lease.commencementDate}).`);
      }
      break;
    }
    case "ended": {
      if (blank(lease.endDate)) errors.push("Enter the date the lease ended.");
      else if (!isCalendarDate(lease.endDate!)) errors.push("The end date is not a valid date.");
      else if (!blank(lease.commencementDate) && compareDates(lease.endDate!, lease.commencementDate!) < 0) {
        errors.push("The end date cannot be before the commencement date.");
      }
      break;
    }
    case "assigned": {
      if (blank(lease.assignmentDate)) errors.push("Enter the date the lease was assigned to the buyer.");
      else if (!isCalendarDate(lease.assignmentDate!)) errors.push("The assignment date is not a valid date.");
      else if (!blank(lease.commencementDate) && compareDates(lease.assignmentDate!, lease.commencementDate!) < 0) {
        errors.push("The assignment date cannot be before the commencement date.");
      }
      break;
    }
    case "draft":
      break;
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------------
// Lease fee and its escalation
// ---------------------------------------------------------------------------------------------------------

/** A dated value of the index named in the lease (e.g. HUD area median income, CPI). */
export type IndexValue = { date: string; value: string };

export type FeeEscalationRule =
  | { kind: "none" }
  /** The fee rises on each anniversary by `annualRate` (exact decimal, e.g. "0.03" for 3 %). */
  | { kind: "fixed-percent"; annualRate: string }
  /**
   * The fee follows the index on each anniversary, each yearly increase capped at `cap` (e.g. "0.10").
   * `indexName` names the index in the lease text.
   */
  | { kind: "index"; cap: string; indexName?: string; indexValues?: readonly IndexValue[] };

export type LeaseFeeTerms = { baseMonthlyFeeCents: number; startDate: string; rule: FeeEscalationRule };

/** One escalation step in a fee schedule: the monthly fee from `effectiveDate` on. */
export type LeaseFeeStep = { effectiveDate: string; monthlyFeeCents: number; note: string };

function latestIndexOnOrBefore(values: readonly IndexValue[], date: string): IndexValue | undefined {
  let best: IndexValue | undefined;
  for (const v of values) {
    if (compareDates(v.date, date) <= 0 && (!best || compareDates(v.date, best.date) > 0)) best = v;
  }
  return best;
}

const percent = (d: Decimal): string => `${d.times(100).toDecimalPlaces(4).toString()}%`;

/**
 * The monthly fee in force at each escalation step up to `through` (the commencement step first).
 *
 * Escalation happens on each anniversary of `startDate` (same anniversary rule as the term). The new fee
 * is computed with exact decimals from the fee in force the year before and rounded to whole cents
 * (half up) once per step; the rounded fee is the base for the next step, as a bill-payer would see it.
 * - fixed-percent: fee × (1 + annualRate).
 * - index: fee × (1 + min(change, cap)), change = I(anniversary) / I(previous anniversary) − 1 where I(d)
 *   is the latest index value dated on or before d. A falling index never lowers the fee (increase floored
 *   at 0). When either index value is missing the fee stays unchanged for that step and the note says so.
 */
export function leaseFeeSchedule(terms: LeaseFeeTerms, through: string): LeaseFeeStep[] {
  const { baseMonthlyFeeCents, startDate, rule } = terms;
  requireDate(startDate, "Fee start date");
  if (!Number.isInteger(baseMonthlyFeeCents) || baseMonthlyFeeCents < 0) {
    throw new RangeError(`The base monthly fee must be a whole, non-negative number of cents, got ${baseMonthlyFeeCents}`);
  }
  const steps: LeaseFeeStep[] = [{ effectiveDate: startDate, monthlyFeeCents: baseMonthlyFeeCents, note: "Initial lease fee" }];
  if (rule.kind === "none") return steps;
  const years = completedYears(startDate, through);
  let fee = new Decimal(baseMonthlyFeeCents);
  for (let year = 1; year <= years; year += 1) {
    const effectiveDate = addYears(startDate, year);
    let note: string;
    if (rule.kind === "fixed-percent") {
      const rate = new Decimal(rule.annualRate);
      fee = fee.times(rate.plus(1)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
      note = `Increase of ${percent(rate)}`;
    } else {
      const values = rule.indexValues ?? [];
      const previous = latestIndexOnOrBefore(values, addYears(startDate, year - 1));
      const current = latestIndexOnOrBefore(values, effectiveDate);
      if (!previous || !current || new Decimal(previous.value).lte(0)) {
        note = "No index value available: fee unchanged";
      } else {
        const change = new Decimal(current.value).dividedBy(previous.value).minus(1);
        const cap = new Decimal(rule.cap);
        const applied = Decimal.max(0, Decimal.min(change, cap));
        fee = fee.times(applied.plus(1)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
        note = change.gt(cap)
          ? `Index change ${percent(change)} capped at ${percent(cap)}`
          : change.lt(0)
            ? `Index fell ${percent(change.negated())}: fee unchanged`
            : `Index change ${percent(change)}`;
      }
    }
    steps.push({ effectiveDate, monthlyFeeCents: fee.toNumber(), note });
  }
  return steps;
}

/** The monthly lease fee (integer cents) in force on `date`. Throws for a date before the fee starts. */
export function leaseFeeOn(date: string, terms: LeaseFeeTerms): number {
  requireDate(date, "Date");
  if (compareDates(date, terms.startDate) < 0) {
    throw new RangeError(`No lease fee is due before the fee start date ${terms.startDate} (asked for ${date})`);
  }
  return leaseFeeSchedule(terms, date).at(-1)!.monthlyFeeCents;
}

// ---------------------------------------------------------------------------------------------------------
// Draft validation
// ---------------------------------------------------------------------------------------------------------

export type LeaseDraft = {
  lesseeNames: readonly string[];
  commencementDate: string | null;
  /** When given, checked against the commencement date; normally computed with `expirationDate`. */
  expirationDate?: string | null;
  termYears: number | null;
  renewalTermYears?: number | null;
  monthlyFeeCents: number | null;
  escalation?: FeeEscalationRule;
  purchaseOptionDays?: number | null;
};

export type FieldError = { field: string; message: string };

function isDecimal(value: string): boolean {
  try {
    return new Decimal(value).isFinite();
  } catch {
    return false;
  }
}

/** Every problem with a lease draft, keyed by the form field it belongs to. Empty when the draft is sound. */
export function validateLeaseDraft(draft: LeaseDraft): FieldError[] {
  const errors: FieldError[] = [];
  if (draft.lesseeNames.filter((n) => n.trim() !== "").length === 0) {
    errors.push({ field: "lesseeNames", message: "Add at least one lessee (homeowner)." });
  }
  const commencementValid = draft.commencementDate != null && isCalendarDate(draft.commencementDate);
  if (draft.commencementDate == null || draft.commencementDate === "") {
    errors.push({ field: "commencementDate", message: "Enter the commencement date." });
  } else if (!commencementValid) {
    errors.push({ field: "commencementDate", message: "Enter the commencement date as a real date (YYYY-MM-DD)." });
  }
  const termValid = draft.termYears != null && Number.isInteger(draft.termYears) && draft.termYears > 0;
  if (!termValid) errors.push({ field: "termYears", message: "The term must be a whole number of years greater than zero." });
  if (draft.expirationDate) {
    if (!isCalendarDate(draft.expirationDate)) {
      errors.push({ field: "expirationDate", message: "Enter the expiration date as a real date (YYYY-MM-DD)." });
    } else if (commencementValid && compareDates(draft.expirationDate, draft.commencementDate!) <= 0) {
      errors.push({ field: "expirationDate", message: "The expiration date must be after the commencement date." });
    } else if (commencementValid && termValid && draft.expirationDate !== expirationDate(draft.commencementDate!, draft.termYears!)) {
      errors.push({
        field: "expirationDate",
        message: `A ${draft.termYears}-year term commencing ${draft.commencementDate} expires on ${expirationDate(draft.commencementDate!, draft.termYears!)}.`,
      });
    }
  }
  if (draft.renewalTermYears != null && (!Number.isInteger(draft.renewalTermYears) || draft.renewalTermYears < 0)) {
    errors.push({ field: "renewalTermYears", message: "The renewal term must be a whole number of years (0 for none)." });
  }
  if (draft.monthlyFeeCents == null) {
    errors.push({ field: "monthlyFeeCents", message: "Enter the monthly lease fee." });
  } else if (!Number.isInteger(draft.monthlyFeeCents)) {
    errors.push({ field: "monthlyFeeCents", message: "The monthly lease fee must be a whole number of cents." });
  } else if (draft.monthlyFeeCents < 0) {
    errors.push({ field: "monthlyFeeCents", message: "The monthly lease fee cannot be negative." });
  }
  const rule = draft.escalation;
  if (rule?.kind === "fixed-percent") {
    if (!isDecimal(rule.annualRate) || new Decimal(rule.annualRate).lt(0)) {
      errors.push({ field: "escalation.annualRate", message: "The yearly increase must be a rate of zero or more (e.g. 0.03 for 3%)." });
    }
  } else if (rule?.kind === "index") {
    if (!isDecimal(rule.cap) || new Decimal(rule.cap).lt(0)) {
      errors.push({ field: "escalation.cap", message: "The yearly cap must be a rate of zero or more (e.g. 0.10 for 10%)." });
    }
  }
  if (draft.purchaseOptionDays != null && (!Number.isInteger(draft.purchaseOptionDays) || draft.purchaseOptionDays <= 0)) {
    errors.push({ field: "purchaseOptionDays", message: "The purchase option period must be a whole number of days greater than zero." });
  }
  return errors;
}
