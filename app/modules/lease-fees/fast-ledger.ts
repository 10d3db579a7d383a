/**
 * The lease-fee ledger's fast path, for the bulk readers (the scheduled step and the arrears list over a whole
 * portfolio). It gives exactly what the reference rules (rules.ts: `computeLedger`, `ledgerEvents`) give, on the
 * ledgers it covers, and declines (returns null) on every other ledger, which the caller then hands to the rules:
 * fast-ledger.test.ts compares both on many random leases and payment histories. Neither imports the other's code
 * (types only); a change to the rules is made in both.
 *
 * What it covers:
 * - **The step on a plain ledger**: fee terms without amendments, a late charge above $0 and grace days under 90;
 *   no late charge stored, no credit of one particular debit and no credit that raises the balance; and every
 *   charge paid by its last grace day (credits dated up to and including it, oldest debt first). Then the rules
 *   post no late charge and call for no monitoring event, and the step only moves the marker: it needs the number
 *   and the sum of the charges after the marker. On anything else (a charge that goes late, a stored late charge …)
 *   it declines: such ledgers are a small part of a portfolio, and the rules handle them whole.
 * - **Aging of a posted ledger** (fee terms without amendments; no credit of one particular debit): the charges up
 *   to the marker and the stored late charges, paid oldest first by the sum of the credits.
 *
 * What makes it fast: dates are day numbers and amounts integer cents in `number`s (exact: cents below 2^53), the
 * charges are computed into two reused typed arrays (no object, no date text, no key per charge), and the stored
 * entries are read from the database's text ("kind|date|amount|entry key|applies to" joined by ";") without
 * making an object per entry. The fee steps (the monthly fee from each date on, escalation included) come from the
 * rules (`feeSteps`): there are a few per lease.
 */
import { dayNumberOf, daysInMonth } from "~/utils/calendar-date";
import type { Aging, FeeStep, FeeTerms } from "./rules";

/** A lease's fee terms as day numbers: only terms without amendments (`fastFeeTerms`). */
export type FastFeeTerms = {
  start: number;
  startYear: number;
  startMonth: number;
  dueDay: number;
  graceDays: number;
  lateChargeCents: number;
  /** The fee steps: the monthly fee from each day on (day numbers ascending). */
  stepDays: number[];
  stepFees: number[];
};

/** "YYYY-MM-DD" at `at` in `text` → its day number (the rules' and the database's dates are valid dates). */
export function dayOf(text: string, at = 0): number {
  // no helper closure here: this runs for every stored entry (over a million on a 10,000-lease portfolio)
  const year = text.charCodeAt(at) * 1000 + text.charCodeAt(at + 1) * 100 + text.charCodeAt(at + 2) * 10 + text.charCodeAt(at + 3) - 48 * 1111;
  const month = text.charCodeAt(at + 5) * 10 + text.charCodeAt(at + 6) - 48 * 11;
  return dayNumberOf(year, month, text.charCodeAt(at + 8) * 10 + text.charCodeAt(at + 9) - 48 * 11);
}

/** The terms as day numbers, with the fee steps the rules give up to the date charged through; null with amendments. */
export function fastFeeTerms(terms: FeeTerms, steps: readonly FeeStep[]): FastFeeTerms | null {
  if ((terms.changes?.length ?? 0) > 0) return null;
  const stepDays: number[] = [];
  const stepFees: number[] = [];
  for (const step of steps) {
    stepDays.push(dayOf(step.effectiveDate));
    stepFees.push(step.monthlyFeeCents);
  }
  return {
    start: dayOf(terms.commencementDate),
    startYear: Number(terms.commencementDate.slice(0, 4)),
    startMonth: Number(terms.commencementDate.slice(5, 7)),
    dueDay: terms.dueDay,
    graceDays: terms.graceDays,
    lateChargeCents: terms.lateChargeCents,
    stepDays,
    stepFees,
  };
}

function dueIn(year: number, month: number, dueDay: number): number {
  return dayNumberOf(year, month, Math.min(dueDay, daysInMonth(year, month)));
}

// The charges of the lease being computed: day numbers and cents, reused from lease to lease.
let chargeDays = new Float64Array(2048);
let chargeCents = new Float64Array(2048);

function pushCharge(count: number, day: number, cents: number): number {
  if (count === chargeDays.length) {
    const [days, amounts] = [new Float64Array(count * 2), new Float64Array(count * 2)];
    days.set(chargeDays);
    amounts.set(chargeCents);
    [chargeDays, chargeCents] = [days, amounts];
  }
  chargeDays[count] = day;
  chargeCents[count] = cents;
  return count + 1;
}

/**
 * The charges from the commencement date up to and including `through` into `chargeDays`/`chargeCents`; returns how
 * many. As `scheduledCharges` without amendments: a part-period charge on the commencement date unless it is a due
 * date (fee × days to the first due date ÷ days from the due date one month before it, rounded half-up), then the
 * fee on every due date (the month's last day when the due day is past it); charges of zero are not listed.
 */
function chargesInto(terms: FastFeeTerms, through: number): number {
  if (through < terms.start) return 0;
  const { stepDays, stepFees, dueDay, start } = terms;
  let stepIndex = 0; // the fee step in force (the days charged only increase)
  let count = 0;
  let year = terms.startYear;
  let month = terms.startMonth;
  let due = dueIn(year, month, dueDay);
  if (due < start) {
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    due = dueIn(year, month, dueDay);
  }
  if (due !== start) {
    const previousDue = month === 1 ? dueIn(year - 1, 12, dueDay) : dueIn(year, month - 1, dueDay);
    // fee × days ÷ period, rounded half-up in integers (as the rules' `proportion`)
    const numerator = due - start;
    const denominator = due - previousDue;
    while (stepIndex + 1 < stepDays.length && stepDays[stepIndex + 1]! <= start) stepIndex += 1;
    const amount = Math.floor((2 * stepFees[stepIndex]! * numerator + denominator) / (2 * denominator));
    if (amount > 0) count = pushCharge(count, start, amount);
  }
  while (due <= through) {
    while (stepIndex + 1 < stepDays.length && stepDays[stepIndex + 1]! <= due) stepIndex += 1;
    const amount = stepFees[stepIndex]!;
    if (amount > 0) count = pushCharge(count, due, amount);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    due = dueIn(year, month, dueDay);
  }
  return count;
}

// The credits of the lease being computed (day numbers, cents reducing the balance), reused from lease to lease.
let creditDays = new Float64Array(4096);
let creditCents = new Float64Array(4096);
let creditCount = 0;

function pushCredit(day: number, cents: number): void {
  if (creditCount === creditDays.length) {
    const [days, amounts] = [new Float64Array(creditCount * 2), new Float64Array(creditCount * 2)];
    days.set(creditDays);
    amounts.set(creditCents);
    [creditDays, creditCents] = [days, amounts];
  }
  creditDays[creditCount] = day;
  creditCents[creditCount] = cents;
  creditCount += 1;
}

/** Integer cents from `text` between `from` and `to` (an optional minus sign, digits). */
function centsIn(text: string, from: number, to: number): number {
  const negative = text.charCodeAt(from) === 45;
  let value = 0;
  for (let i = negative ? from + 1 : from; i < to; i += 1) value = value * 10 + (text.charCodeAt(i) - 48);
  return negative ? -value : value;
}

/**
 * The stored entries of a plain ledger ("kind|date|amount|entry key|applies to" joined by ";") into the credit
 * arrays, in date order; false when the ledger is not plain: a stored late charge, a credit of one particular
 * debit, or a credit that raises the balance (the reversal of a payment). Stored charges (none since ADR 021) are
 * skipped, as the rules' readers skip them.
 */
function plainCredits(texts: string): boolean {
  creditCount = 0;
  let sorted = true;
  let start = 0;
  while (start < texts.length) {
    let end = texts.indexOf(";", start);
    if (end < 0) end = texts.length;
    const first = texts.charCodeAt(start);
    if (first === 108) return false; // "late-charge"
    if (first !== 99) {
      // "payment", "waiver", "reversal" (not "charge")
      const a = texts.indexOf("|", start);
      const b = texts.indexOf("|", a + 1);
      const c = texts.indexOf("|", b + 1);
      const d = texts.indexOf("|", c + 1);
      if (d + 1 < end) return false; // applies to one debit
      const cents = -centsIn(texts, b + 1, c);
      if (cents < 0) return false;
      const day = dayOf(texts, a + 1);
      if (creditCount > 0 && creditDays[creditCount - 1]! > day) sorted = false;
      pushCredit(day, cents);
    }
    start = end + 1;
  }
  if (!sorted) {
    const order = Array.from({ length: creditCount }, (_, i) => i).sort((i, j) => creditDays[i]! - creditDays[j]!);
    const [days, amounts] = [order.map((i) => creditDays[i]!), order.map((i) => creditCents[i]!)];
    creditDays.set(days);
    creditCents.set(amounts);
  }
  return true;
}

/** Days past due after which the ledger calls for a "90+ days delinquent" event (the rules' DELINQUENT_DAYS). */
const DELINQUENT_DAYS = 90;

/**
 * What the scheduled step posts on a plain ledger up to `asOf` (a day number): the number and the sum of the charges
 * dated after `marker` (a day number; null: nothing posted yet) — and no late charge, no monitoring event. Null when
 * the ledger is not plain (see the file's head): the rules decide then.
 */
export function plainStep(terms: FastFeeTerms, entries: string, asOf: number, marker: number | null): { charges: number; cents: number } | null {
  if (terms.lateChargeCents <= 0 || terms.graceDays >= DELINQUENT_DAYS) return null;
  if (!plainCredits(entries)) return null;
  const count = chargesInto(terms, asOf);
  let chargesBefore = 0;
  let creditIndex = 0;
  let creditsThrough = 0;
  let posted = 0;
  let cents = 0;
  for (let i = 0; i < count; i += 1) {
    const day = chargeDays[i]!;
    const amount = chargeCents[i]!;
    const lastGraceDay = day + terms.graceDays;
    if (lastGraceDay + 1 <= asOf) {
      // the credits dated up to the last grace day must pay this charge and every one before it
      while (creditIndex < creditCount && creditDays[creditIndex]! <= lastGraceDay) creditsThrough += creditCents[creditIndex++]!;
      if (creditsThrough < chargesBefore + amount) return null;
    }
    chargesBefore += amount;
    if (marker === null || day > marker) {
      posted += 1;
      cents += amount;
    }
  }
  return { charges: posted, cents };
}

type LateCharge = { day: number; key: string; cents: number };
function byDayThenKey(x: LateCharge, y: LateCharge): number {
  return x.day - y.day || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
}

/**
 * The balance and aging as of `asOf` of a posted ledger: the charges up to `chargedThrough` (a day number; null:
 * none posted), the stored late charges and one-debit credits in `listed` (the entries' text; only late charges are
 * covered) and the sum of every other credit up to `asOf`, `paidCents`, paying the oldest debts first. Null when
 * `listed` holds a credit of one particular debit.
 */
export function postedAging(terms: FastFeeTerms, chargedThrough: number | null, listed: string | null, paidCents: number, asOf: number): { balanceCents: number; aging: Aging } | null {
  const late: LateCharge[] = [];
  if (listed) {
    let start = 0;
    while (start < listed.length) {
      let end = listed.indexOf(";", start);
      if (end < 0) end = listed.length;
      const first = listed.charCodeAt(start);
      if (first === 108) {
        // "late-charge|date|amount|key|"
        const a = listed.indexOf("|", start);
        const b = listed.indexOf("|", a + 1);
        const c = listed.indexOf("|", b + 1);
        const d = listed.indexOf("|", c + 1);
        const day = dayOf(listed, a + 1);
        if (day <= asOf) late.push({ day, key: listed.slice(c + 1, d), cents: centsIn(listed, b + 1, c) });
      } else if (first !== 99) return null; // a credit of one debit
      start = end + 1;
    }
    // debits in the rules' order: by date, then key (late charges among themselves)
    late.sort(byDayThenKey);
  }
  const count = chargedThrough === null ? 0 : chargesInto(terms, Math.min(chargedThrough, asOf));
  const aging: Aging = { current: 0, "1-30": 0, "31-60": 0, "61-90": 0, "over-90": 0 };
  let pool = paidCents;
  let debits = 0;
  let i = 0;
  let j = 0;
  while (i < count || j < late.length) {
    // a charge comes before a late charge of the same date
    const charge = i < count && (j >= late.length || chargeDays[i]! <= late[j]!.day);
    const day = charge ? chargeDays[i]! : late[j]!.day;
    const amount = charge ? chargeCents[i++]! : late[j++]!.cents;
    debits += amount;
    let remaining = Math.max(0, amount);
    const paid = Math.max(0, Math.min(pool, remaining));
    pool -= paid;
    remaining -= paid;
    if (remaining <= 0) continue;
    const daysPastDue = asOf - day;
    if (daysPastDue <= 0) aging.current += remaining;
    else if (daysPastDue <= 30) aging["1-30"] += remaining;
    else if (daysPastDue <= 60) aging["31-60"] += remaining;
    else if (daysPastDue <= 90) aging["61-90"] += remaining;
    else aging["over-90"] += remaining;
  }
  return { balanceCents: debits - paidCents, aging };
}
