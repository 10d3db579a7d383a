/**
 * The lease-fee ledger rules (docs/lease-fees.md states them with worked examples). Pure functions on plain
 * data: no I/O, no `Date`, no floating point for money. Amounts are integer cents (`number`, exact up to
 * $90 trillion); the two multiplications that can produce fractions of a cent (the part-period charge and the
 * yearly escalation) are done exactly and rounded half-up to the cent once, where the rules say.
 *
 * - Charges: from the commencement date; a part-period charge on the commencement date unless it is itself a
 *   due date (fee × days to the first due date ÷ days in the due period that contains the commencement
 *   date), then the full fee on every due date. A due day past the end of a month falls on its last day.
 * - Escalation on each anniversary of the commencement date (29 February → 28 February in common years):
 *   fixed rate, or index-linked (the change between the index values recorded for the two anniversaries,
 *   floored at zero and capped). Rounded to the cent once per yearly step.
 * - Amendments (`FeeTerms.changes`) change the fee terms from their effective date, never before: a new fee
 *   for charges dated on or after it (escalated from the next anniversary after it), a new escalation rule
 *   for anniversaries on or after it, a new due day from the first old due date on or after it (a part-period
 *   charge up to the first new due date, as at commencement), and new grace days and late charge for charges
 *   due on or after it (a charge's late charge follows the terms of its due date).
 * - Credits (payments, untargeted waivers) pay the oldest unpaid debit first (charges and late charges in date
 *   order); a credit larger than what is owed is carried and pays later charges as they fall due. A waiver or
 *   reversal of one particular debit reduces that debit itself.
 * - Late charge: one per charge not fully paid by its due date + grace days (credits dated up to and
 *   including the last grace day), dated the day after. Late charges never incur late charges.
 * - Aging as of a date by each debit's due date: current (not yet past due), 1–30, 31–60, 61–90, over 90.
 */
import { addDays, daysBetween, daysInMonth, formatCalendarDate } from "~/utils/calendar-date";
import { Decimal } from "~/utils/money";

function formatDate(year: number, month: number, day: number): string {
  return formatCalendarDate({ year, month, day });
}

/** `dueDateIn`'s texts by (year, month, due day) for years 1900–2299: every ledger asks for the same few thousand. */
const dueDateTexts: (string | undefined)[] = [];

/** The due date in a month: the due day, or the month's last day when the month is shorter. */
function dueDateIn(year: number, month: number, dueDay: number): string {
  const slot = year >= 1900 && year < 2300 && dueDay >= 1 && dueDay <= 31 ? ((year - 1900) * 12 + month - 1) * 31 + dueDay - 1 : -1;
  const known = slot >= 0 ? dueDateTexts[slot] : undefined;
  if (known !== undefined) return known;
  const text = formatDate(year, month, Math.min(dueDay, daysInMonth(year, month)));
  if (slot >= 0) dueDateTexts[slot] = text;
  return text;
}

const chargeKeys = new Map<string, string>();
/** A charge's key, "charge:<due date>" (memoised: ledgers share their due dates). */
function chargeKey(date: string): string {
  let key = chargeKeys.get(date);
  if (key === undefined) {
    key = `charge:${date}`;
    if (chargeKeys.size >= 100_000) chargeKeys.clear();
    chargeKeys.set(date, key);
  }
  return key;
}

/** The `years`-th anniversary of `date`; 29 February falls on 28 February in a common year (issue 11). */
export function feeAnniversary(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return formatDate(year, month, Math.min(day, daysInMonth(year, month)));
}

// ---------------------------------------------------------------------------------------------------------
// Terms and entries
// ---------------------------------------------------------------------------------------------------------

/** A dated value of the index the lease names (CPI, area median income …), as an exact decimal string. */
export type IndexValue = { date: string; value: string };

export type FeeEscalation =
  | { type: "none" }
  /** The fee rises by `rate` ("0.03" = 3 %) on each anniversary. */
  | { type: "fixed"; rate: string }
  /** The fee follows the index, each yearly increase floored at 0 and capped at `cap`. */
  | { type: "index"; cap: string; values: readonly IndexValue[] };

/**
 * A change of the fee terms by a lease amendment, from its effective date: only the terms it changes.
 * `monthlyFeeCents` is the fee from that date (later anniversaries escalate it).
 */
export type FeeTermsChange = {
  effectiveDate: string;
  monthlyFeeCents?: number;
  escalation?: FeeEscalation;
  dueDay?: number;
  graceDays?: number;
  lateChargeCents?: number;
};

/** The fee terms of one lease, as the ledger needs them. */
export type FeeTerms = {
  monthlyFeeCents: number;
  commencementDate: string;
  /** 1–31; a month without that day uses its last day. */
  dueDay: number;
  escalation: FeeEscalation;
  graceDays: number;
  lateChargeCents: number;
  /** Amendments of the fee terms, each from its effective date (any order; same date: in list order). */
  changes?: readonly FeeTermsChange[];
};

/** The changes in the order they take effect (stable: same effective date in list order). */
function changesInOrder(terms: Pick<FeeTerms, "changes">): FeeTermsChange[] {
  return [...(terms.changes ?? [])].sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0));
}

/** The grace days and late charge for a charge due on `dueDate`: the terms in force on that date. */
export function lateTermsOn(terms: FeeTerms, dueDate: string): { graceDays: number; lateChargeCents: number } {
  let { graceDays, lateChargeCents } = terms;
  for (const change of changesInOrder(terms)) {
    if (change.effectiveDate > dueDate) break;
    if (change.graceDays !== undefined) graceDays = change.graceDays;
    if (change.lateChargeCents !== undefined) lateChargeCents = change.lateChargeCents;
  }
  return { graceDays, lateChargeCents };
}

/** Terms that generate nothing: for reading what is posted without projecting (no fee, no late charge). */
export function postedOnlyTerms(terms: FeeTerms): FeeTerms {
  return { ...terms, monthlyFeeCents: 0, lateChargeCents: 0, escalation: { type: "none" }, changes: [] };
}

export type DebitKind = "charge" | "late-charge";

/**
 * What the homeowner owes: a lease-fee charge or a late charge. `key` identifies it for ever
 * ("charge:2024-02-01" for the charge due that day, "late:2024-02-01" for the late charge on that charge):
 * the stored ledger holds at most one entry per key.
 */
export type Debit = { key: string; kind: DebitKind; date: string; amountCents: number };

export type CreditKind = "payment" | "waiver" | "reversal";

/**
 * What reduces the balance. `amountCents` is signed: positive reduces what is owed (a payment, a waiver,
 * the reversal of a charge), negative increases it (the reversal of a payment: a returned cheque). With
 * `appliesTo` (a debit key) the credit reduces that debit itself; otherwise it pays the oldest debts first.
 */
export type Credit = { kind: CreditKind; date: string; amountCents: number; appliesTo?: string; id?: string };

// ---------------------------------------------------------------------------------------------------------
// Charges and escalation
// ---------------------------------------------------------------------------------------------------------

function latestIndexOnOrBefore(values: readonly IndexValue[], date: string): IndexValue | undefined {
  let best: IndexValue | undefined;
  for (const value of values) if (value.date <= date && (!best || value.date > best.date)) best = value;
  return best;
}

/** A yearly step of the fee: the monthly fee for charges dated on or after `effectiveDate`. */
export type FeeStep = { effectiveDate: string; monthlyFeeCents: number };

/**
 * The monthly fee in force from the commencement date, after each anniversary and after each amendment that
 * sets it, up to `through`. Fixed: previous fee × (1 + rate). Index: previous fee × (1 + min(max(I(anniversary)
 * ÷ I(previous anniversary) − 1, 0), cap)), I(d) the latest value recorded on or before d; unchanged when a
 * value is missing. Each step rounded half-up to the cent; the rounded fee is the base of the next step. The
 * escalation rule of an anniversary is the one in force on it; an amendment that sets the fee sets it from its
 * effective date, and the first anniversary after that date escalates it (one on that very date does not).
 */
export function feeSteps(terms: Pick<FeeTerms, "monthlyFeeCents" | "commencementDate" | "escalation" | "changes">, through: string): FeeStep[] {
  const steps: FeeStep[] = [{ effectiveDate: terms.commencementDate, monthlyFeeCents: terms.monthlyFeeCents }];
  const changes = changesInOrder(terms).filter((c) => c.monthlyFeeCents !== undefined || c.escalation !== undefined);
  if (terms.escalation.type === "none" && changes.length === 0) return steps;
  let escalation = terms.escalation;
  let fee = terms.monthlyFeeCents;
  let changeIndex = 0;
  const push = (effectiveDate: string) => {
    const last = steps.at(-1)!;
    if (last.effectiveDate === effectiveDate) last.monthlyFeeCents = fee;
    else if (last.monthlyFeeCents !== fee) steps.push({ effectiveDate, monthlyFeeCents: fee });
  };
  for (let year = 1; ; year += 1) {
    const anniversary = feeAnniversary(terms.commencementDate, year);
    // amendments up to and including the anniversary
    let feeSetOnAnniversary = false;
    while (changeIndex < changes.length && changes[changeIndex]!.effectiveDate <= anniversary && changes[changeIndex]!.effectiveDate <= through) {
      const change = changes[changeIndex]!;
      if (change.escalation !== undefined) escalation = change.escalation;
      if (change.monthlyFeeCents !== undefined) {
        // an amendment made before the lease commenced sets the fee it starts with
        const from = change.effectiveDate < terms.commencementDate ? terms.commencementDate : change.effectiveDate;
        fee = change.monthlyFeeCents;
        push(from);
        if (from === anniversary) feeSetOnAnniversary = true;
      }
      changeIndex += 1;
    }
    if (anniversary > through) break;
    if (feeSetOnAnniversary) continue;
    if (escalation.type === "fixed") {
      fee = fixedEscalation(fee, escalation.rate);
    } else if (escalation.type === "index") {
      const previous = latestIndexOnOrBefore(escalation.values, feeAnniversary(terms.commencementDate, year - 1));
      const current = latestIndexOnOrBefore(escalation.values, anniversary);
      if (previous && current && new Decimal(previous.value).gt(0)) {
        const change = new Decimal(current.value).dividedBy(previous.value).minus(1);
        const applied = Decimal.max(0, Decimal.min(change, new Decimal(escalation.cap)));
        fee = new Decimal(fee).times(applied.plus(1)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
      }
    }
    if (escalation.type !== "none") push(anniversary);
    // nothing more can change: no escalation and no amendment left
    if (escalation.type === "none" && changeIndex >= changes.length) break;
  }
  return steps;
}

const fixedEscalations = new Map<string, number>();
/** fee × (1 + rate) rounded half-up to the cent (memoised: a portfolio's leases share a few fees and rates). */
function fixedEscalation(fee: number, rate: string): number {
  const memoKey = `${rate}|${fee}`;
  let escalated = fixedEscalations.get(memoKey);
  if (escalated === undefined) {
    escalated = new Decimal(fee).times(new Decimal(rate).plus(1)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
    if (fixedEscalations.size >= 100_000) fixedEscalations.clear();
    fixedEscalations.set(memoKey, escalated);
  }
  return escalated;
}

/** fee × numerator ÷ denominator rounded half-up to the cent, in exact integer arithmetic. */
function proportion(feeCents: number, numerator: number, denominator: number): number {
  return Math.floor((2 * feeCents * numerator + denominator) / (2 * denominator));
}

/** The first due date on or after `date` for a due day, with its year and month. */
function firstDueOnOrAfter(date: string, dueDay: number): { year: number; month: number; due: string } {
  let year = Number(date.slice(0, 4));
  let month = Number(date.slice(5, 7));
  let due = dueDateIn(year, month, dueDay);
  if (due < date) {
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    due = dueDateIn(year, month, dueDay);
  }
  return { year, month, due };
}

/**
 * The lease-fee charges dated from the commencement date up to and including `through`, in date order.
 * Charges of zero are not listed (a lease without a fee has no ledger). A period that starts on a date other
 * than a due date — the commencement date, or where an amendment changes the due day, the first old due date
 * on or after its effective date — is charged in part on that date: fee × days to the first due date ÷ days
 * from the due date one month before that first due date.
 */
export function scheduledCharges(terms: FeeTerms, through: string): Debit[] {
  const charges: Debit[] = [];
  const start = terms.commencementDate;
  if (through < start) return charges;
  const steps = feeSteps(terms, through);
  let stepIndex = 0;
  const feeOn = (date: string): number => {
    while (stepIndex + 1 < steps.length && steps[stepIndex + 1]!.effectiveDate <= date) stepIndex += 1;
    return steps[stepIndex]!.monthlyFeeCents;
  };
  const dueDayChanges = changesInOrder(terms).filter((change) => change.dueDay !== undefined);
  let changeIndex = 0;
  let dueDay = terms.dueDay;
  // amendments before the lease commenced set the due day it starts with
  while (changeIndex < dueDayChanges.length && dueDayChanges[changeIndex]!.effectiveDate <= start) dueDay = dueDayChanges[changeIndex++]!.dueDay!;

  /** Charges a period starting on `from` (not a due date): the part up to the first due date; returns that date. */
  const periodFrom = (from: string) => {
    const first = firstDueOnOrAfter(from, dueDay);
    if (first.due !== from && from <= through) {
      const previousDue = first.month === 1 ? dueDateIn(first.year - 1, 12, dueDay) : dueDateIn(first.year, first.month - 1, dueDay);
      const amountCents = proportion(feeOn(from), daysBetween(from, first.due), daysBetween(previousDue, first.due));
      if (amountCents > 0) charges.push({ key: chargeKey(from), kind: "charge", date: from, amountCents });
    }
    return first;
  };

  let { year, month, due } = periodFrom(start);
  while (due <= through) {
    // a new due day takes over at the first due date on or after the amendment's effective date
    let newDueDay = dueDay;
    while (changeIndex < dueDayChanges.length && dueDayChanges[changeIndex]!.effectiveDate <= due) newDueDay = dueDayChanges[changeIndex++]!.dueDay!;
    if (newDueDay !== dueDay) {
      dueDay = newDueDay;
      ({ year, month, due } = periodFrom(due));
      continue;
    }
    const amountCents = feeOn(due);
    if (amountCents > 0) charges.push({ key: chargeKey(due), kind: "charge", date: due, amountCents });
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    due = dueDateIn(year, month, dueDay);
  }
  return charges;
}

// ---------------------------------------------------------------------------------------------------------
// The ledger
// ---------------------------------------------------------------------------------------------------------

const KIND_ORDER: Record<DebitKind | CreditKind, number> = { charge: 0, "late-charge": 1, payment: 2, waiver: 3, reversal: 4 };

function compareDebits(a: Debit, b: Debit): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** `list` sorted by `compare`, in place; a list already in order (the usual case) is only checked. */
function sortIfNeeded<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < list.length; i += 1) if (compare(list[i - 1]!, list[i]!) > 0) return list.sort(compare);
  return list;
}

const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** Two lists each in `compareDebits` order merged into one in that order (as sorting them together would). */
function mergeDebits(a: readonly Debit[], b: readonly Debit[]): Debit[] {
  if (b.length === 0) return [...a];
  const merged: Debit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(compareDebits(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}

/** Index of the first element of the sorted `dates` after `date` (= how many are on or before it). */
function countOnOrBefore(dates: readonly string[], date: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type LedgerInput = {
  terms: FeeTerms;
  /** Every credit on the ledger (payments, waivers, reversals); those dated after `asOf` are ignored. */
  credits: readonly Credit[];
  /** Debits already posted (the stored ledger): they stand as posted and are never generated again. */
  posted?: readonly Debit[];
  asOf: string;
  /** False: skip the running-balance lines (`lines` is empty) when only the debits, balance and aging are needed. */
  withLines?: boolean;
};

export type AgingBucket = "current" | "1-30" | "31-60" | "61-90" | "over-90";
export const AGING_BUCKETS: readonly AgingBucket[] = ["current", "1-30", "31-60", "61-90", "over-90"];
export type Aging = Record<AgingBucket, number>;
/** The buckets' names on screens and in reports. */
export const AGING_LABELS: Record<AgingBucket, string> = { current: "Current", "1-30": "1–30 days", "31-60": "31–60 days", "61-90": "61–90 days", "over-90": "Over 90 days" };

export type LedgerLine = {
  date: string;
  kind: DebitKind | CreditKind;
  /** Effect on the balance: positive for what is owed, negative for what is paid or credited. */
  amountCents: number;
  balanceCents: number;
  /** Debits: their key and due date. Credits: the debit they apply to, if any. */
  key?: string;
  dueDate?: string;
  appliesTo?: string;
  id?: string;
};

export type Ledger = {
  /** Every debit up to `asOf`: posted ones and those the rules generate (in date order). */
  debits: Debit[];
  /** The debits the rules generated that were not posted yet. */
  generated: Debit[];
  lines: LedgerLine[];
  balanceCents: number;
  /** What is still unpaid of each debit, by key (after every credit up to `asOf`). */
  unpaidCents: Map<string, number>;
  aging: Aging;
};

/**
 * The ledger as of `asOf`: charges and late charges (posted ones as posted, missing ones generated by the
 * rules), credits applied oldest debt first, the running balance and the aging.
 */
export function computeLedger(input: LedgerInput): Ledger {
  const { terms, asOf } = input;
  const credits = input.credits.filter((credit) => credit.date <= asOf);
  const postedByKey = new Map((input.posted ?? []).map((debit) => [debit.key, debit]));

  // Charges: the posted ones as posted, the scheduled ones that were not posted yet.
  const charges: Debit[] = [];
  const generated: Debit[] = [];
  // no fee and no amendment (`postedOnlyTerms`: reading what is posted): nothing to schedule
  const scheduled = terms.monthlyFeeCents === 0 && !terms.changes?.length ? [] : scheduledCharges(terms, asOf);
  for (const charge of scheduled) {
    const posted = postedByKey.get(charge.key);
    if (posted) charges.push(posted);
    else {
      charges.push(charge);
      generated.push(charge);
    }
  }
  const scheduledKeys = new Set(scheduled.map((charge) => charge.key));
  for (const debit of input.posted ?? []) {
    if (debit.kind === "charge" && !scheduledKeys.has(debit.key) && debit.date <= asOf) charges.push(debit);
  }
  sortIfNeeded(charges, compareDebits);

  // Untargeted credits, cumulated by date, pay the oldest debts first.
  const untargeted = sortIfNeeded(
    credits.filter((credit) => credit.appliesTo === undefined),
    byDate,
  );
  const creditDates = untargeted.map((credit) => credit.date);
  const creditTotals: number[] = [0];
  for (const credit of untargeted) creditTotals.push(creditTotals.at(-1)! + credit.amountCents);
  const creditsOnOrBefore = (date: string) => creditTotals[countOnOrBefore(creditDates, date)]!;
  const targeted = credits.filter((credit) => credit.appliesTo !== undefined);
  const targetedOnOrBefore = (key: string, date: string) => {
    let sum = 0;
    for (const credit of targeted) if (credit.appliesTo === key && credit.date <= date) sum += credit.amountCents;
    return sum;
  };

  // Late charges: walk the charges in order. `lateDebits` are kept in date order; those dated before a
  // charge come before it in the order in which credits pay.
  const lateDebits: Debit[] = [];
  for (const debit of input.posted ?? []) if (debit.kind === "late-charge" && debit.date <= asOf) lateDebits.push(debit);
  sortIfNeeded(lateDebits, compareDebits);
  const postedLateKeys = new Set(lateDebits.map((debit) => debit.key));
  const targetedKeys = new Set(targeted.map((credit) => credit.appliesTo!));
  const hasChanges = (terms.changes?.length ?? 0) > 0;
  let chargesBefore = 0; // sum of charges strictly before the current one
  let lateIndex = 0; // late charges before the current charge: lateDebits[0 .. lateIndex)
  let lateBefore = 0; // and their sum
  for (const charge of charges) {
    while (lateIndex < lateDebits.length && compareDebits(lateDebits[lateIndex]!, charge) < 0) {
      lateBefore += lateDebits[lateIndex]!.amountCents;
      lateIndex += 1;
    }
    const { graceDays, lateChargeCents } = hasChanges ? lateTermsOn(terms, charge.date) : terms;
    const lateKey = lateChargeCents > 0 ? `late:${charge.date}` : "";
    if (lateChargeCents > 0 && !postedLateKeys.has(lateKey)) {
      const [lastGraceDay, lateDate] = graceDates(charge.date, graceDays);
      if (lateDate <= asOf) {
        // owed up to and including this charge, as it stood on the last grace day
        let owed = chargesBefore + charge.amountCents + lateBefore;
        if (targetedKeys.size > 0) {
          for (const debit of charges) {
            if (compareDebits(debit, charge) > 0) break;
            owed -= Math.min(debit.amountCents, targetedOnOrBefore(debit.key, lastGraceDay));
          }
          for (const late of lateDebits.slice(0, lateIndex)) {
            owed -= Math.min(late.amountCents, targetedOnOrBefore(late.key, lastGraceDay));
          }
        }
        if (creditsOnOrBefore(lastGraceDay) < owed) {
          const late: Debit = { key: lateKey, kind: "late-charge", date: lateDate, amountCents: lateChargeCents };
          insertSorted(lateDebits, late); // dated after this charge, so after lateDebits[0 .. lateIndex)
          generated.push(late);
        }
      }
    }
    chargesBefore += charge.amountCents;
  }

  const debits = mergeDebits(charges, lateDebits);
  sortIfNeeded(generated, compareDebits);

  // What remains unpaid of each debit as of `asOf`.
  const unpaidCents = new Map<string, number>();
  let pool = creditsOnOrBefore(asOf);
  for (const debit of debits) {
    let remaining = Math.max(0, debit.amountCents - targetedOnOrBefore(debit.key, asOf));
    const paid = Math.max(0, Math.min(pool, remaining));
    pool -= paid;
    remaining -= paid;
    unpaidCents.set(debit.key, remaining);
  }

  const aging = agingOf(debits, unpaidCents, asOf);
  if (input.withLines === false) {
    let balance = 0;
    for (const debit of debits) balance += debit.amountCents;
    for (const credit of credits) balance -= credit.amountCents;
    return { debits, generated, lines: [], balanceCents: balance, unpaidCents, aging };
  }

  // The running balance, in date order: debits (charges, then late charges), then credits.
  type Row = { date: string; order: number; seq: number; line: Omit<LedgerLine, "balanceCents"> };
  const rows: Row[] = [];
  debits.forEach((debit, seq) =>
    rows.push({ date: debit.date, order: KIND_ORDER[debit.kind], seq, line: { date: debit.date, kind: debit.kind, amountCents: debit.amountCents, key: debit.key, dueDate: debit.date } }),
  );
  credits.forEach((credit, seq) =>
    rows.push({
      date: credit.date,
      order: KIND_ORDER[credit.kind],
      seq,
      line: {
        date: credit.date,
        kind: credit.kind,
        amountCents: credit.amountCents === 0 ? 0 : -credit.amountCents,
        ...(credit.appliesTo !== undefined ? { appliesTo: credit.appliesTo } : {}),
        ...(credit.id !== undefined ? { id: credit.id } : {}),
      },
    }),
  );
  rows.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.order !== b.order ? a.order - b.order : a.seq - b.seq));
  let balanceCents = 0;
  const lines: LedgerLine[] = rows.map((row) => {
    balanceCents += row.line.amountCents;
    return { ...row.line, balanceCents };
  });
  return { debits, generated, lines, balanceCents, unpaidCents, aging };
}

const graceDatesMemo = new Map<number, Map<string, readonly [string, string]>>();
/** The last grace day of a charge due on `dueDate` and the day after it (memoised by grace days and due date: ledgers share their dates). */
function graceDates(dueDate: string, graceDays: number): readonly [string, string] {
  let byDate = graceDatesMemo.get(graceDays);
  if (!byDate) graceDatesMemo.set(graceDays, (byDate = new Map()));
  let dates = byDate.get(dueDate);
  if (!dates) {
    const lastGraceDay = addDays(dueDate, graceDays);
    dates = [lastGraceDay, addDays(lastGraceDay, 1)];
    if (byDate.size >= 100_000) byDate.clear();
    byDate.set(dueDate, dates);
  }
  return dates;
}

function insertSorted(list: Debit[], debit: Debit): void {
  let index = list.length;
  while (index > 0 && compareDebits(list[index - 1]!, debit) > 0) index -= 1;
  list.splice(index, 0, debit);
}

/** The aging bucket of a debit due on `dueDate`, as of `asOf`. */
export function agingBucket(dueDate: string, asOf: string): AgingBucket {
  const daysPastDue = daysBetween(dueDate, asOf);
  if (daysPastDue <= 0) return "current";
  if (daysPastDue <= 30) return "1-30";
  if (daysPastDue <= 60) return "31-60";
  if (daysPastDue <= 90) return "61-90";
  return "over-90";
}

function agingOf(debits: readonly Debit[], unpaid: Map<string, number>, asOf: string): Aging {
  const aging: Aging = { current: 0, "1-30": 0, "31-60": 0, "61-90": 0, "over-90": 0 };
  // debits are in date order: the bucket changes only when the date does
  let lastDate = "";
  let bucket: AgingBucket = "current";
  for (const debit of debits) {
    const remaining = unpaid.get(debit.key) ?? 0;
    if (remaining <= 0) continue;
    if (debit.date !== lastDate) [lastDate, bucket] = [debit.date, agingBucket(debit.date, asOf)];
    aging[bucket] += remaining;
  }
  return aging;
}

/**
 * The payoff figure at a closing date: what the homeowner owes on that date — every charge and late charge
 * dated up to and including the closing date (projected by the rules when the date is in the future, with
 * no further payments), less every credit dated up to it. A credit balance gives a negative figure (the trust
 * owes it back). The resale case puts this on its closing statement.
 */
export function payoffAt(input: Omit<LedgerInput, "asOf">, closingDate: string): { closingDate: string; payoffCents: number; aging: Aging } {
  const ledger = computeLedger({ ...input, asOf: closingDate });
  return { closingDate, payoffCents: ledger.balanceCents, aging: ledger.aging };
}

// ---------------------------------------------------------------------------------------------------------
// Monitoring events from the ledger
// ---------------------------------------------------------------------------------------------------------

/** Days past due after which an unpaid charge makes the lease "90+ days delinquent". */
export const DELINQUENT_DAYS = 90;

export type LedgerEventKind = "late-payment" | "delinquent-90";

/**
 * A monitoring event the ledger calls for: `key` identifies it for ever ("late:2024-02-01",
 * "delinquent-90:2024-02-01": the charge due on that date), so it is created once; `date` is the day it arose.
 */
export type LedgerEvent = { kind: LedgerEventKind; key: string; chargeDueDate: string; date: string };

/**
 * The monitoring events the ledger calls for up to `asOf`, one of each kind per charge at most:
 * - **late payment**: the charge went late — its late charge is on the ledger (dated the day after the grace
 *   period), or, when the lease's late charge is $0, the charge was not fully paid by the last grace day
 *   (credits dated up to and including it, oldest debt first) and the event is dated the day after;
 * - **90+ days delinquent**, once per spell of delinquency: a charge was not fully paid by the end of its 90th day
 *   past due (credits dated up to and including due date + 90 days) while the charge before it was paid by then
 *   (otherwise the lease was already 90+ days delinquent); dated the next day, when the charge enters the aging's
 *   "over 90" column.
 * `debits` are every charge and late charge of the ledger (posted and generated), `credits` every credit.
 */
export function ledgerEvents(terms: FeeTerms, debits: readonly Debit[], credits: readonly Credit[], asOf: string): LedgerEvent[] {
  // The usual ledger, quickly: no late charge on it although every charge carries one, grace periods under 90 days
  // and no credit that raises the balance (a reversed payment) — so every charge was paid by its last grace day and
  // stayed paid: no late payment, no 90 days unpaid.
  const allTerms = [terms, ...(terms.changes ?? [])];
  if (
    allTerms.every((t) => (t.lateChargeCents === undefined || t.lateChargeCents > 0) && (t.graceDays === undefined || t.graceDays < DELINQUENT_DAYS)) &&
    !debits.some((debit) => debit.kind === "late-charge" && debit.date <= asOf) &&
    credits.every((credit) => credit.amountCents >= 0)
  ) {
    return [];
  }
  const ordered = debits.filter((debit) => debit.date <= asOf).sort(compareDebits);
  const untargeted = credits.filter((credit) => credit.appliesTo === undefined && credit.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const creditDates = untargeted.map((credit) => credit.date);
  const creditTotals: number[] = [0];
  for (const credit of untargeted) creditTotals.push(creditTotals.at(-1)! + credit.amountCents);
  const targeted = credits.filter((credit) => credit.appliesTo !== undefined && credit.date <= asOf);
  const remainingOn = (debit: Debit, date: string) => {
    let waived = 0;
    for (const credit of targeted) if (credit.appliesTo === debit.key && credit.date <= date) waived += credit.amountCents;
    return Math.max(0, debit.amountCents - waived);
  };
  const prefix: number[] = [0];
  for (const debit of ordered) prefix.push(prefix.at(-1)! + debit.amountCents);
  /** Whether the debit at `index` was still (partly) unpaid at the end of `date`: credits pay the oldest debts first. */
  const unpaidAt = (index: number, date: string): boolean => {
    const debit = ordered[index]!;
    const own = remainingOn(debit, date);
    if (own <= 0) return false;
    let owedThrough = prefix[index + 1]!;
    if (targeted.length > 0) {
      owedThrough = 0;
      for (let i = 0; i <= index; i += 1) owedThrough += remainingOn(ordered[i]!, date);
    }
    return owedThrough - creditTotals[countOnOrBefore(creditDates, date)]! > 0;
  };
  const lateByKey = new Map(ordered.filter((debit) => debit.kind === "late-charge").map((debit) => [debit.key, debit]));
  const events: LedgerEvent[] = [];
  let previousCharge = -1;
  ordered.forEach((charge, index) => {
    if (charge.kind !== "charge") return;
    const previous = previousCharge;
    previousCharge = index;
    const due = charge.date;
    const late = lateByKey.get(`late:${due}`);
    if (late) events.push({ kind: "late-payment", key: `late:${due}`, chargeDueDate: due, date: late.date });
    else {
      const { graceDays, lateChargeCents } = lateTermsOn(terms, due);
      const [lastGraceDay, lateDate] = graceDates(due, graceDays);
      if (lateChargeCents === 0 && lateDate <= asOf && unpaidAt(index, lastGraceDay)) events.push({ kind: "late-payment", key: `late:${due}`, chargeDueDate: due, date: lateDate });
    }
    const [lastDay, delinquentDate] = graceDates(due, DELINQUENT_DAYS);
    if (delinquentDate <= asOf && unpaidAt(index, lastDay) && (previous < 0 || !unpaidAt(previous, lastDay))) events.push({ kind: "delinquent-90", key: `delinquent-90:${due}`, chargeDueDate: due, date: delinquentDate });
  });
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
