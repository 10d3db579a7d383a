import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addYears } from "~/utils/calendar-date";
import { dayOf, fastFeeTerms, plainStep, postedAging } from "./fast-ledger";
import { computeLedger, feeSteps, ledgerEvents, postedOnlyTerms, scheduledCharges, type Credit, type Debit, type FeeEscalation, type FeeTerms } from "./rules";

/**
 * The fast path against the reference rules, on random leases and payment histories: wherever the fast path answers,
 * its answer is the rules' to the cent (and the day), and it declines exactly the ledgers it does not cover.
 */

/** A small deterministic generator (mulberry32): fast-check picks the seed, the history follows from it. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

type Case = { terms: FeeTerms; credits: Credit[]; posted: Debit[]; asOf: string; marker: string | null };

/**
 * A lease commencing 2018–2024 with a random fee, due day (1–31), escalation (none, fixed, index with values),
 * grace days and late charge; a homeowner who pays most months on time (sometimes late, short, twice or in a
 * lump), with now and then a waiver of one charge, a reversed payment or a general waiver; late charges posted by
 * an earlier step (the rules' own as of an earlier date, or none); a posting marker before, at or without it.
 */
function randomCase(seed: number): Case {
  const r = random(seed);
  const commencementDate = addDays("2018-01-01", r.int(0, 7 * 365));
  const escalation: FeeEscalation = r.pick([
    { type: "none" },
    { type: "fixed", rate: r.pick(["0.03", "0.025", "0.1", "0"]) },
    {
      type: "index",
      cap: r.pick(["0.05", "0.02"]),
      values: Array.from({ length: r.int(0, 8) }, (_, i) => ({ date: addDays(commencementDate, i * 365 + r.int(-30, 30)), value: String(300 + r.int(-20, 60) + i * 5) })),
    },
  ] as const);
  const terms: FeeTerms = {
    monthlyFeeCents: r.pick([0, 1, 2000, 2500, 4999, 12345]),
    commencementDate,
    dueDay: r.pick([1, 1, 15, 28, 29, 30, 31, r.int(1, 31)]),
    escalation,
    graceDays: r.pick([0, 5, 10, 10, 30, 89, 90, 120]),
    lateChargeCents: r.pick([0, 1000, 1000, 2500]),
  };
  const asOf = addDays(commencementDate, r.int(-20, 9 * 365));
  const habit = r.pick(["on time", "on time", "on time", "mostly", "arrears", "lump"] as const);
  const credits: Credit[] = [];
  const charges = scheduledCharges(terms, addYears(asOf, 1));
  charges.forEach((charge, k) => {
    if (habit === "lump") return;
    const late = habit === "arrears" ? k % 12 === 11 : habit === "mostly" ? r.next() < 0.1 : r.next() < 0.01;
    const date = addDays(charge.date, late ? r.int(terms.graceDays + 1, terms.graceDays + 60) : r.int(-5, terms.graceDays));
    const amount = habit === "arrears" ? (k % 12 === 11 ? charge.amountCents * 11 : 0) : r.next() < 0.03 ? charge.amountCents - 1 : charge.amountCents;
    if (amount !== 0) credits.push({ kind: "payment", date, amountCents: amount });
    if (r.next() < 0.02) credits.push({ kind: "payment", date, amountCents: r.int(1, 5000) });
  });
  if (habit === "lump") for (let year = 0; year < 10; year += 1) credits.push({ kind: "payment", date: addDays(addYears(commencementDate, year), r.int(0, 40)), amountCents: r.int(0, 12) * terms.monthlyFeeCents });
  if (r.next() < 0.1 && charges.length > 2) credits.push({ kind: "waiver", date: charges[1]!.date, amountCents: r.int(1, 500), appliesTo: charges[1]!.key });
  if (r.next() < 0.05) credits.push({ kind: "reversal", date: addDays(commencementDate, r.int(0, 900)), amountCents: -r.int(1, 3000) });
  if (r.next() < 0.05) credits.push({ kind: "waiver", date: addDays(commencementDate, r.int(0, 900)), amountCents: r.int(1, 3000) });
  // late charges an earlier step posted: the rules' own as of an earlier date
  const earlier = r.next() < 0.4 ? addDays(asOf, -r.int(0, 800)) : null;
  const posted = earlier ? computeLedger({ terms, credits, asOf: earlier, withLines: false }).generated.filter((debit) => debit.kind === "late-charge") : [];
  const marker = r.pick([null, earlier ?? asOf, asOf, addDays(asOf, -r.int(1, 400))]);
  // credits in any order, as the database returns them
  for (let i = credits.length - 1; i > 0; i -= 1) {
    const j = r.int(0, i);
    [credits[i], credits[j]] = [credits[j]!, credits[i]!];
  }
  return { terms, credits, posted, asOf, marker };
}

/** The stored entries as the database's text: "kind|date|amount|entry key|applies to" joined by ";" (amount: effect on the balance). */
function entriesText(posted: readonly Debit[], credits: readonly Credit[]): string {
  return [
    ...credits.map((credit) => `${credit.kind}|${credit.date}|${-credit.amountCents}||${credit.appliesTo ?? ""}`),
    ...posted.map((debit) => `late-charge|${debit.date}|${debit.amountCents}|${debit.key}|`),
  ].join(";");
}

const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe("fast path = the rules (random leases and payment histories)", () => {
  it("the step: on a plain ledger the same charges after the marker (number and sum), no late charge and no event; every other ledger declined", () => {
    let answered = 0;
    fc.assert(
      fc.property(seeds, (seed) => {
        const { terms, credits, posted, asOf, marker } = randomCase(seed);
        // the reference, as the step's planGenerated uses it
        const ledger = computeLedger({ terms, posted, credits, asOf, withLines: false });
        const charges = ledger.generated.filter((debit) => debit.kind === "charge" && (marker === null || debit.date > marker));
        const lateCharges = ledger.generated.filter((debit) => debit.kind === "late-charge");
        const events = ledgerEvents(terms, ledger.debits, credits, asOf);
        const fast = fastFeeTerms(terms, feeSteps(terms, asOf));
        expect(fast).not.toBeNull();
        const plan = plainStep(fast!, entriesText(posted, credits), dayOf(asOf), marker === null ? null : dayOf(marker));
        const plain =
          terms.lateChargeCents > 0 &&
          terms.graceDays < 90 &&
          posted.length === 0 &&
          credits.every((credit) => credit.appliesTo === undefined && credit.amountCents >= 0) &&
          lateCharges.length === 0;
        if (plan === null) {
          expect(plain).toBe(false);
          return;
        }
        answered += 1;
        expect(plain).toBe(true);
        expect(events).toEqual([]);
        expect(plan).toEqual({ charges: charges.length, cents: charges.reduce((sum, charge) => sum + charge.amountCents, 0) });
      }),
      { numRuns: 1500 },
    );
    // the generator makes plenty of plain ledgers (most homeowners pay on time), so the comparison is not idle
    expect(answered).toBeGreaterThan(300);
  });

  it("aging a posted ledger: the same balance and aging to the cent; declined only with a credit of one particular debit", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { terms, credits, posted, asOf, marker } = randomCase(seed);
        // as the arrears list reads a ledger: charges up to the marker (or asOf), stored late charges and one-debit
        // credits dated up to asOf, and every other credit up to asOf by its sum
        const chargedThrough = marker !== null && marker > asOf ? asOf : marker;
        const late = posted.filter((debit) => debit.date <= asOf);
        const targeted = credits.filter((credit) => credit.appliesTo !== undefined && credit.date <= asOf);
        const paidCents = credits.filter((credit) => credit.appliesTo === undefined && credit.date <= asOf).reduce((sum, credit) => sum + credit.amountCents, 0);
        const charges = chargedThrough === null ? [] : scheduledCharges(terms, chargedThrough);
        const reference = computeLedger({
          terms: postedOnlyTerms(terms),
          posted: [...charges, ...late],
          credits: paidCents !== 0 ? [...targeted, { kind: "payment", date: asOf, amountCents: paidCents }] : targeted,
          asOf,
          withLines: false,
        });
        const fast = fastFeeTerms(terms, feeSteps(terms, chargedThrough ?? asOf))!;
        const aging = postedAging(fast, chargedThrough === null ? null : dayOf(chargedThrough), entriesText(late, targeted) || null, paidCents, dayOf(asOf));
        if (targeted.length > 0) expect(aging).toBeNull();
        else expect(aging).toEqual({ balanceCents: reference.balanceCents, aging: reference.aging });
      }),
      { numRuns: 1500 },
    );
  });

  it("declines fee terms with amendments (the rules alone apply them)", () => {
    const terms: FeeTerms = { monthlyFeeCents: 2500, commencementDate: "2024-01-15", dueDay: 1, escalation: { type: "none" }, graceDays: 10, lateChargeCents: 1000, changes: [{ effectiveDate: "2025-01-01", monthlyFeeCents: 3000 }] };
    expect(fastFeeTerms(terms, feeSteps(terms, "2026-01-01"))).toBeNull();
  });

  it("the portfolio's usual ledger: $25 from 2024-01-15, due on the 1st, paid 3 days after each due date", () => {
    const terms: FeeTerms = { monthlyFeeCents: 2500, commencementDate: "2024-01-15", dueDay: 1, escalation: { type: "none" }, graceDays: 10, lateChargeCents: 1000 };
    // 17/31 × $25 = $13.71 on 2024-01-15, then $25 on 2024-02-01 … 2024-06-01 (5 charges): $138.71 in 6 charges
    const paid = ["2024-01-18|1371", "2024-02-04|2500", "2024-03-04|2500", "2024-04-04|2500", "2024-05-04|2500", "2024-06-04|2500"];
    const entries = paid.map((text) => `payment|${text.split("|")[0]}|-${text.split("|")[1]}||`).join(";");
    const fast = fastFeeTerms(terms, feeSteps(terms, "2024-06-15"))!;
    expect(plainStep(fast, entries, dayOf("2024-06-15"), null)).toEqual({ charges: 6, cents: 13871 });
    // posted through 2024-03-31: the charges of 2024-04-01, 05-01 and 06-01 remain, $75
    expect(plainStep(fast, entries, dayOf("2024-06-15"), dayOf("2024-03-31"))).toEqual({ charges: 3, cents: 7500 });
    // the May payment 12 days after the due date (2 days past the grace): a late charge, so the rules decide
    expect(plainStep(fast, entries.replace("2024-05-04", "2024-05-13"), dayOf("2024-06-15"), null)).toBeNull();
  });
});
