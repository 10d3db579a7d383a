/**
 * The timed and monetary terms of a ground lease as data (docs/leases.md "Lease terms as data"): each is a field of the lease,
 * defaulted from the trust's settings, editable in a draft, frozen at execution and changed only by a dated
 * amendment. `leaseTermsOn` gives the terms in force on a date, for every deadline and fee the software
 * computes. Pure functions on plain data; money in integer cents; dates `YYYY-MM-DD`.
 */
import { compareCalendarDates as compareDates, daysInMonth, formatCalendarDate, isCalendarDate, parseCalendarDate } from "~/utils/calendar-date";
import type { FeeEscalationRule } from "./lifecycle";

/** A stored fee-escalation rule (JSON column), `none` when absent or malformed. */
export function leaseEscalation(lease: { feeEscalation: unknown }): FeeEscalationRule {
  const rule = lease.feeEscalation as FeeEscalationRule | null;
  return rule && typeof rule === "object" && "kind" in rule ? rule : { kind: "none" };
}

/** The rider names stored on a lease (JSON column). */
export function leaseRiders(lease: { riders: unknown }): string[] {
  return Array.isArray(lease.riders) ? lease.riders.filter((r): r is string => typeof r === "string") : [];
}

/** The timed and monetary terms (other than the fee amount and its escalation). */
export type LeaseTimedTerms = {
  /** Day of the month the lease fee is due (1–28, so every month has it). */
  feeDueDay: number;
  /** Days after the due day before a late charge applies. */
  graceDays: number;
  /** Late charge for a month's fee paid after the grace period, in cents. */
  lateChargeCents: number;
  /** Days the homeowner has to cure a failure to pay after the trust's written notice. */
  monetaryCureDays: number;
  /** Days the homeowner has to cure any other default after written notice. */
  nonMonetaryCureDays: number;
  /** Days a permitted mortgagee gives the trust to cure a homeowner's default. */
  lenderCureDays: number;
  /** Days after the homeowner's notice of intent to sell within which the trust states the formula price. */
  priceNoticeDays: number;
  /** Days after the notice of intent to sell within which the trust may exercise its purchase option. */
  purchaseOptionDays: number;
  /** Days after exercising the option within which the trust (or its designee) completes the purchase. */
  closingDays: number;
  /** The renewal notice window opens this many months before the expiration date … */
  renewalNoticeEarliestMonths: number;
  /** … and closes this many months before it. */
  renewalNoticeLatestMonths: number;
};

export const TIMED_TERM_KEYS = [
  "feeDueDay",
  "graceDays",
  "lateChargeCents",
  "monetaryCureDays",
  "nonMonetaryCureDays",
  "lenderCureDays",
  "priceNoticeDays",
  "purchaseOptionDays",
  "closingDays",
  "renewalNoticeEarliestMonths",
  "renewalNoticeLatestMonths",
] as const satisfies readonly (keyof LeaseTimedTerms)[];
export type TimedTermKey = (typeof TIMED_TERM_KEYS)[number];

/** How each term is labelled, its unit and its allowed range (inclusive). */
export const TIMED_TERM_SPECS: Record<TimedTermKey, { label: string; unit: "day of month" | "days" | "months" | "cents"; min: number; max: number }> = {
  feeDueDay: { label: "Fee due day of the month", unit: "day of month", min: 1, max: 28 },
  graceDays: { label: "Grace period before a late charge", unit: "days", min: 0, max: 90 },
  lateChargeCents: { label: "Late charge", unit: "cents", min: 0, max: 100_000_00 },
  monetaryCureDays: { label: "Cure period for unpaid money", unit: "days", min: 1, max: 365 },
  nonMonetaryCureDays: { label: "Cure period for other defaults", unit: "days", min: 1, max: 365 },
  lenderCureDays: { label: "Trust's cure period after a lender's notice of default", unit: "days", min: 1, max: 730 },
  priceNoticeDays: { label: "Days to state the formula price after a notice of intent to sell", unit: "days", min: 1, max: 365 },
  purchaseOptionDays: { label: "Days to exercise the purchase option", unit: "days", min: 1, max: 3650 },
  closingDays: { label: "Days to close after exercising the option", unit: "days", min: 1, max: 730 },
  renewalNoticeEarliestMonths: { label: "Renewal notice window opens (months before expiration)", unit: "months", min: 1, max: 120 },
  renewalNoticeLatestMonths: { label: "Renewal notice window closes (months before expiration)", unit: "months", min: 0, max: 119 },
};

/**
 * Commonground's starting values (the model lease's common terms: late charge $10 after 10 days, 30 days
 * to cure unpaid money, 60 for other defaults, 120 for a lender; price stated within 30 days, option 90
 * days, closing 60 days after exercise; renewal notice between 24 and 6 months before expiration). A trust
 * replaces them in Settings → Lease terms.
 */
export const DEFAULT_LEASE_TERMS: Readonly<LeaseTimedTerms> = {
  feeDueDay: 1,
  graceDays: 10,
  lateChargeCents: 1000,
  monetaryCureDays: 30,
  nonMonetaryCureDays: 60,
  lenderCureDays: 120,
  priceNoticeDays: 30,
  purchaseOptionDays: 90,
  closingDays: 60,
  renewalNoticeEarliestMonths: 24,
  renewalNoticeLatestMonths: 6,
};

/** Every term of a lease that an amendment may change. */
export type LeaseTerms = LeaseTimedTerms & {
  monthlyFeeCents: number;
  feeEscalation: FeeEscalationRule;
  renewalTermYears: number;
  riders: string[];
};

export const AMENDABLE_TERM_KEYS = ["monthlyFeeCents", "feeEscalation", ...TIMED_TERM_KEYS, "renewalTermYears", "riders"] as const satisfies readonly (keyof LeaseTerms)[];
export type AmendableTermKey = (typeof AMENDABLE_TERM_KEYS)[number];

export type TermFieldError = { field: TimedTermKey; message: string };

/** Every problem with a set of timed terms, keyed by field. Empty when they are sound. */
export function validateTimedTerms(terms: LeaseTimedTerms): TermFieldError[] {
  const errors: TermFieldError[] = [];
  for (const key of TIMED_TERM_KEYS) {
    const { label, unit, min, max } = TIMED_TERM_SPECS[key];
    const value = terms[key];
    if (!Number.isInteger(value)) errors.push({ field: key, message: `${label}: enter a whole number${unit === "cents" ? " of cents" : ""}.` });
    else if (value < min || value > max) {
      const show = (n: number) => (unit === "cents" ? `$${(n / 100).toFixed(2)}` : String(n));
      errors.push({ field: key, message: `${label} must be between ${show(min)} and ${show(max)}${unit === "cents" || unit === "day of month" ? "" : ` ${unit}`}.` });
    }
  }
  if (
    Number.isInteger(terms.renewalNoticeEarliestMonths) &&
    Number.isInteger(terms.renewalNoticeLatestMonths) &&
    terms.renewalNoticeLatestMonths >= terms.renewalNoticeEarliestMonths
  ) {
    errors.push({ field: "renewalNoticeLatestMonths", message: "The renewal notice window must close after it opens: fewer months before expiration than when it opens." });
  }
  return errors;
}

/** The timed terms of a stored row (lease or trust defaults), BigInt cents converted to numbers. */
export function timedTermsOf(row: { [K in TimedTermKey]: K extends "lateChargeCents" ? number | bigint : number }): LeaseTimedTerms {
  return Object.fromEntries(TIMED_TERM_KEYS.map((key) => [key, Number(row[key])])) as LeaseTimedTerms;
}

/** A recorded amendment as `leaseTermsOn` needs it. */
export type AmendmentRecord = {
  effectiveDate: string;
  /** When it was recorded: orders amendments with the same effective date, and legacy ones (below). */
  createdAt: Date | string;
  /** `{ before, after }` of the terms that changed (other keys, e.g. an added mortgage, are ignored). */
  changes: unknown;
  /** True for amendments recorded before terms were dated: their `after` was written into the lease row. */
  appliedToLease?: boolean;
};

function termChanges(changes: unknown, side: "before" | "after"): Partial<LeaseTerms> {
  const part = changes && typeof changes === "object" ? (changes as Record<string, unknown>)[side] : undefined;
  if (!part || typeof part !== "object") return {};
  const out: Record<string, unknown> = {};
  for (const key of AMENDABLE_TERM_KEYS) {
    if (key in part) out[key] = (part as Record<string, unknown>)[key];
  }
  return out as Partial<LeaseTerms>;
}

const recordedTime = (a: AmendmentRecord) => (a.createdAt instanceof Date ? a.createdAt.getTime() : Date.parse(a.createdAt));

/** Amendments in the order they take effect: by effective date, then by when they were recorded. */
export function amendmentsInForceOrder<T extends AmendmentRecord>(amendments: readonly T[]): T[] {
  return [...amendments].sort((a, b) => compareDates(a.effectiveDate, b.effectiveDate) || recordedTime(a) - recordedTime(b));
}

/**
 * The terms of a lease as signed: the lease row, with the changes of legacy amendments (recorded before
 * terms were dated, whose changes were written into the row) undone, latest recorded first.
 */
export function termsAsSigned(row: LeaseTerms, amendments: readonly AmendmentRecord[]): LeaseTerms {
  let terms: LeaseTerms = { ...row };
  const legacy = amendments.filter((a) => a.appliedToLease).sort((a, b) => recordedTime(b) - recordedTime(a));
  for (const amendment of legacy) terms = { ...terms, ...termChanges(amendment.changes, "before") };
  return terms;
}

/**
 * The terms in force on `date`: the terms as signed, with every amendment whose effective date is on or
 * before `date` applied in date order (amendments with the same effective date in the order recorded).
 * An amendment changes only the terms it names.
 */
export function leaseTermsOn(row: LeaseTerms, amendments: readonly AmendmentRecord[], date: string): LeaseTerms {
  if (!isCalendarDate(date)) throw new RangeError(`The date must be a calendar date YYYY-MM-DD, got "${date}"`);
  let terms = termsAsSigned(row, amendments);
  for (const amendment of amendmentsInForceOrder(amendments)) {
    if (compareDates(amendment.effectiveDate, date) > 0) break;
    terms = { ...terms, ...termChanges(amendment.changes, "after") };
  }
  return terms;
}

/**
 * `months` calendar months before `date`. A day the target month lacks becomes its last day (2123-12-31 − 6
 * months = 2123-06-30): the latest date that is still at least `months` months before `date`, as "not later
 * than six months before the Expiration Date" is read.
 */
export function monthsBefore(date: string, months: number): string {
  const start = parseCalendarDate(date);
  if (!start) throw new RangeError(`The date must be a calendar date YYYY-MM-DD, got "${date}"`);
  const index = start.year * 12 + (start.month - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatCalendarDate({ year, month, day: Math.min(start.day, daysInMonth(year, month)) });
}

/** The dates between which the homeowner may give notice of renewal (both included). */
export function renewalNoticeWindow(expiration: string, terms: Pick<LeaseTimedTerms, "renewalNoticeEarliestMonths" | "renewalNoticeLatestMonths">): { opens: string; closes: string } {
  return { opens: monthsBefore(expiration, terms.renewalNoticeEarliestMonths), closes: monthsBefore(expiration, terms.renewalNoticeLatestMonths) };
}
