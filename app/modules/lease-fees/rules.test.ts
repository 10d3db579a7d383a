import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "~/utils/calendar-date";
import { agingBucket, computeLedger, feeAnniversary, ledgerEvents, payoffAt, scheduledCharges, type Credit, type FeeTerms } from "./rules";

/** Every expected figure below is worked by hand (the arithmetic is in the comment next to it). */
const terms = (overrides: Partial<FeeTerms> = {}): FeeTerms => ({
  monthlyFeeCents: 2500,
  commencementDate: "2024-01-15",
  dueDay: 1,
  escalation: { type: "none" },
  graceDays: 10,
  lateChargeCents: 1000,
  ...overrides,
});
const pay = (date: string, amountCents: number): Credit => ({ kind: "payment", date, amountCents });
const charges = (t: FeeTerms, through: string) => scheduledCharges(t, through).map((c) => [c.date, c.amountCents]);

describe("charges", () => {
  it("the issue's example: part month 17/31 × $25 = $13.71, then $25.00, $25.75 from 2025-02-01, $26.52 from 2026-02-01", () => {
    const t = terms({ escalation: { type: "fixed", rate: "0.03" } });
    const list = charges(t, "2026-02-01");
    // 2024-01-15 up to (not including) 2024-02-01 = 17 days; 2024-01-01 → 2024-02-01 = 31 days; 25 × 17/31 = 13.7096… → 13.71
    expect(list[0]).toEqual(["2024-01-15", 1371]);
    expect(list[1]).toEqual(["2024-02-01", 2500]);
    expect(list.find(([date]) => date === "2025-01-01")).toEqual(["2025-01-01", 2500]); // before the anniversary 2025-01-15
    expect(list.find(([date]) => date === "2025-02-01")).toEqual(["2025-02-01", 2575]); // 25 × 1.03
    expect(list.find(([date]) => date === "2026-01-01")).toEqual(["2026-01-01", 2575]);
    expect(list.at(-1)).toEqual(["2026-02-01", 2652]); // 25.75 × 1.03 = 26.5225 → 26.52
    expect(list).toHaveLength(1 + 25); // the part month and 2024-02-01 … 2026-02-01
  });

  it("a commencement on a due date has no part-period charge", () => {
    expect(charges(terms({ commencementDate: "2024-02-01" }), "2024-03-01")).toEqual([["2024-02-01", 2500], ["2024-03-01", 2500]]);
  });

  it("a leap-year February: 20/29 of the fee, and 19/28 in a common year", () => {
    // 2024-02-10 → 2024-03-01 = 20 days of the 29-day period 2024-02-01 → 2024-03-01: 25 × 20/29 = 17.2413… → 17.24
    expect(charges(terms({ commencementDate: "2024-02-10" }), "2024-03-01")).toEqual([["2024-02-10", 1724], ["2024-03-01", 2500]]);
    // 2023-02-10 → 2023-03-01 = 19 of 28 days: 25 × 19/28 = 16.9642… → 16.96
    expect(charges(terms({ commencementDate: "2023-02-10" }), "2023-03-01")).toEqual([["2023-02-10", 1696], ["2023-03-01", 2500]]);
  });

  it("a commencement on the 31st: one day of a 31-day period", () => {
    // 2024-01-31 → 2024-02-01 = 1 day of 31: 25/31 = 0.806… → 0.81
    expect(charges(terms({ commencementDate: "2024-01-31" }), "2024-02-01")).toEqual([["2024-01-31", 81], ["2024-02-01", 2500]]);
    // due day 31 falls on the last day of shorter months; 2024-01-31 is itself a due date
    expect(charges(terms({ commencementDate: "2024-01-31", dueDay: 31 }), "2024-04-30")).toEqual([
      ["2024-01-31", 2500], ["2024-02-29", 2500], ["2024-03-31", 2500], ["2024-04-30", 2500],
    ]);
  });

  it("a due day of 28", () => {
    // 2024-03-01 → 2024-03-28 = 27 days of the period 2024-02-28 → 2024-03-28 = 29 days: 25 × 27/29 = 23.2758… → 23.28
    expect(charges(terms({ commencementDate: "2024-03-01", dueDay: 28 }), "2024-05-28")).toEqual([
      ["2024-03-01", 2328], ["2024-03-28", 2500], ["2024-04-28", 2500], ["2024-05-28", 2500],
    ]);
    // commencing 2024-03-29, after the due day: 2024-03-29 → 2024-04-28 = 30 of 31 days: 25 × 30/31 = 24.193… → 24.19
    expect(charges(terms({ commencementDate: "2024-03-29", dueDay: 28 }), "2024-04-28")).toEqual([["2024-03-29", 2419], ["2024-04-28", 2500]]);
  });

  it("an anniversary on 29 February falls on 28 February in other years", () => {
    expect(feeAnniversary("2024-02-29", 1)).toBe("2025-02-28");
    expect(feeAnniversary("2024-02-29", 4)).toBe("2028-02-29");
    const t = terms({ monthlyFeeCents: 10000, commencementDate: "2024-02-29", dueDay: 28, escalation: { type: "fixed", rate: "0.10" } });
    const list = new Map(charges(t, "2028-03-28") as [string, number][]);
    // 2024-02-29 → 2024-03-28 = 28 days of 2024-02-28 → 2024-03-28 = 29 days: 100 × 28/29 = 96.551… → 96.55
    expect(list.get("2024-02-29")).toBe(9655);
    expect(list.get("2025-01-28")).toBe(10000);
    expect(list.get("2025-02-28")).toBe(11000); // on the anniversary 2025-02-28: 100 × 1.1
    expect(list.get("2027-02-28")).toBe(13310); // 121 × 1.1
    expect(list.get("2028-02-28")).toBe(13310); // the day before the anniversary 2028-02-29
    expect(list.get("2028-03-28")).toBe(14641); // 133.10 × 1.1
  });

  it("index-linked escalation uses the values recorded for the anniversaries, floored at zero and capped", () => {
    const values = [
      { date: "2024-01-01", value: "300.0" },
      { date: "2025-01-10", value: "309.0" }, // +3 % by 2025-01-15
      { date: "2026-01-10", value: "349.17" }, // +13 %, capped at 5 %
      { date: "2027-01-10", value: "340.0" }, // falls: unchanged
    ];
    const t = terms({ monthlyFeeCents: 4000, commencementDate: "2024-01-15", escalation: { type: "index", cap: "0.05", values } });
    const list = new Map(charges(t, "2028-02-01") as [string, number][]);
    expect(list.get("2025-02-01")).toBe(4120); // 40 × 1.03
    expect(list.get("2026-02-01")).toBe(4326); // 41.20 × 1.05
    expect(list.get("2027-02-01")).toBe(4326); // index fell
    expect(list.get("2028-02-01")).toBe(4326); // no value after 2027-01-10: I(2028-01-15) = I(2027-01-15), change 0
    const missing = terms({ escalation: { type: "index", cap: "0.05", values: [] } });
    expect(new Map(charges(missing, "2025-02-01") as [string, number][]).get("2025-02-01")).toBe(2500);
  });
});

describe("payments and late charges", () => {
  const feb = terms({ commencementDate: "2024-02-01" }); // charges of $25.00 on the 1st, 10 grace days, $10 late charge

  it("a payment on the 10th or 11th is on time; on the 12th it is late, and the late charge is dated the 12th", () => {
    for (const day of ["2024-02-10", "2024-02-11"]) {
      const ledger = computeLedger({ terms: feb, credits: [pay(day, 2500)], asOf: "2024-02-29" });
      expect(ledger.debits.map((d) => d.kind)).toEqual(["charge"]);
      expect(ledger.balanceCents).toBe(0);
    }
    const late = computeLedger({ terms: feb, credits: [pay("2024-02-12", 2500)], asOf: "2024-02-29" });
    expect(late.lines.map((l) => [l.date, l.kind, l.amountCents, l.balanceCents])).toEqual([
      ["2024-02-01", "charge", 2500, 2500],
      ["2024-02-12", "late-charge", 1000, 3500], // on one date: late charges before payments
      ["2024-02-12", "payment", -2500, 1000],
    ]);
    // the payment paid the oldest debt, the charge; the late charge is still owed, 17 days past due
    expect(late.aging).toEqual({ current: 0, "1-30": 1000, "31-60": 0, "61-90": 0, "over-90": 0 });
  });

  it("a late charge is not dated before the grace period ends, and never incurs a late charge itself", () => {
    expect(computeLedger({ terms: feb, credits: [], asOf: "2024-02-11" }).debits).toHaveLength(1);
    const ledger = computeLedger({ terms: feb, credits: [], asOf: "2024-04-30" });
    // three charges (Feb, Mar, Apr), each late: Feb 12, Mar 12, Apr 12; no late charge on a late charge
    expect(ledger.debits.map((d) => `${d.kind}@${d.date}`)).toEqual([
      "charge@2024-02-01", "late-charge@2024-02-12", "charge@2024-03-01", "late-charge@2024-03-12", "charge@2024-04-01", "late-charge@2024-04-12",
    ]);
    expect(ledger.balanceCents).toBe(3 * 3500);
  });

  it("a payment splits across charges, oldest first, and the rest pays the next charge", () => {
    // $40 on 2024-02-05 pays February ($25) and $15 of March; March's other $10 is unpaid at 2024-03-11 → late on 03-12
    const ledger = computeLedger({ terms: feb, credits: [pay("2024-02-05", 4000)], asOf: "2024-03-31" });
    expect(ledger.lines.map((l) => [l.date, l.kind, l.amountCents, l.balanceCents])).toEqual([
      ["2024-02-01", "charge", 2500, 2500],
      ["2024-02-05", "payment", -4000, -1500],
      ["2024-03-01", "charge", 2500, 1000],
      ["2024-03-12", "late-charge", 1000, 2000],
    ]);
    expect(ledger.unpaidCents.get("charge:2024-02-01")).toBe(0);
    expect(ledger.unpaidCents.get("charge:2024-03-01")).toBe(1000);
    // as of 03-31: March's $10 is 30 days past due, the late charge 19 days
    expect(ledger.aging).toEqual({ current: 0, "1-30": 2000, "31-60": 0, "61-90": 0, "over-90": 0 });
  });

  it("a payment before a charge is a credit that pays the charge when it falls due", () => {
    const before = computeLedger({ terms: feb, credits: [pay("2024-01-20", 2500)], asOf: "2024-01-31" });
    expect(before.lines.map((l) => [l.date, l.kind, l.balanceCents])).toEqual([["2024-01-20", "payment", -2500]]);
    const after = computeLedger({ terms: feb, credits: [pay("2024-01-20", 2500)], asOf: "2024-02-29" });
    expect(after.balanceCents).toBe(0);
    expect(after.debits.map((d) => d.kind)).toEqual(["charge"]);
  });

  it("an overpayment is carried as a credit and pays later charges as they fall due", () => {
    const credits = [pay("2024-02-01", 10000)];
    const april = computeLedger({ terms: feb, credits, asOf: "2024-04-15" });
    expect(april.balanceCents).toBe(-2500); // 3 × 25 − 100
    expect(april.aging).toEqual({ current: 0, "1-30": 0, "31-60": 0, "61-90": 0, "over-90": 0 });
    const june = computeLedger({ terms: feb, credits, asOf: "2024-06-30" });
    // May is paid by the credit; June is not paid by 2024-06-11 → late charge on 06-12
    expect(june.debits.map((d) => `${d.kind}@${d.date}`).slice(-3)).toEqual(["charge@2024-05-01", "charge@2024-06-01", "late-charge@2024-06-12"]);
    expect(june.balanceCents).toBe(5 * 2500 + 1000 - 10000);
  });

  it("payments dated after the as-of date are ignored", () => {
    const ledger = computeLedger({ terms: feb, credits: [pay("2024-03-02", 2500)], asOf: "2024-03-01" });
    expect(ledger.lines.some((l) => l.kind === "payment")).toBe(false);
  });

  it("the issue's contract example: $38.71 on 2024-02-12 pays the part month and February, both already late", () => {
    const t = terms({ escalation: { type: "fixed", rate: "0.03" } });
    const ledger = computeLedger({ terms: t, credits: [pay("2024-02-12", 3871)], asOf: "2024-06-30" });
    // part month due 01-15 → late 01-26; Feb → late 02-12 (the payment is one day too late); Mar–Jun unpaid → late
    expect(ledger.debits.filter((d) => d.kind === "late-charge").map((d) => d.date)).toEqual([
      "2024-01-26", "2024-02-12", "2024-03-12", "2024-04-12", "2024-05-12", "2024-06-12",
    ]);
    // 13.71 + 5 × 25 + 6 × 10 − 38.71 = 160.00
    expect(ledger.balanceCents).toBe(16000);
    // FIFO: 38.71 pays 13.71, the $10 late charge of 01-26 and $15 of February
    expect(ledger.unpaidCents.get("charge:2024-02-01")).toBe(1000);
    expect(ledger.aging).toEqual({ current: 0, "1-30": 3500, "31-60": 3500, "61-90": 3500, "over-90": 5500 });
  });
});

describe("waivers, reversals and posted entries", () => {
  const feb = terms({ commencementDate: "2024-02-01" });

  it("a waiver of a late charge reduces that late charge, not the oldest debt", () => {
    const credits: Credit[] = [pay("2024-02-12", 2500), { kind: "waiver", date: "2024-02-20", amountCents: 1000, appliesTo: "late:2024-02-01" }];
    const ledger = computeLedger({ terms: feb, credits, asOf: "2024-02-29" });
    expect(ledger.balanceCents).toBe(0);
    expect(ledger.lines.at(-1)).toMatchObject({ kind: "waiver", amountCents: -1000, balanceCents: 0, appliesTo: "late:2024-02-01" });
  });

  it("the reversal of a payment (a returned cheque) makes the charge unpaid again, and late", () => {
    const credits: Credit[] = [pay("2024-02-05", 2500), { kind: "reversal", date: "2024-02-09", amountCents: -2500 }];
    const ledger = computeLedger({ terms: feb, credits, asOf: "2024-02-29" });
    expect(ledger.lines.map((l) => [l.date, l.kind, l.amountCents, l.balanceCents])).toEqual([
      ["2024-02-01", "charge", 2500, 2500],
      ["2024-02-05", "payment", -2500, 0],
      ["2024-02-09", "reversal", 2500, 2500],
      ["2024-02-12", "late-charge", 1000, 3500],
    ]);
  });

  it("posted debits stand as posted and are never generated twice", () => {
    const first = computeLedger({ terms: feb, credits: [], asOf: "2024-03-15" });
    expect(first.generated.map((d) => d.key)).toEqual(["charge:2024-02-01", "late:2024-02-01", "charge:2024-03-01", "late:2024-03-01"]);
    const again = computeLedger({ terms: feb, credits: [], posted: first.debits, asOf: "2024-03-15" });
    expect(again.generated).toEqual([]);
    // a backdated payment does not remove a posted late charge: only a reversal does
    const backdated = computeLedger({ terms: feb, credits: [pay("2024-02-10", 2500)], posted: first.debits, asOf: "2024-03-15" });
    expect(backdated.debits.filter((d) => d.kind === "late-charge")).toHaveLength(2);
    // a posted charge keeps its posted amount even when the terms changed afterwards
    const posted = [{ ...first.debits[0]!, amountCents: 2000 }];
    expect(computeLedger({ terms: feb, credits: [], posted, asOf: "2024-02-05" }).balanceCents).toBe(2000);
  });
});

describe("aging and payoff", () => {
  it("buckets by days past each due date", () => {
    const cases: [string, string][] = [
      ["2024-03-01", "current"], ["2024-03-02", "1-30"], ["2024-03-31", "1-30"], ["2024-04-01", "31-60"],
      ["2024-04-30", "31-60"], ["2024-05-01", "61-90"], ["2024-05-30", "61-90"], ["2024-05-31", "over-90"],
    ];
    for (const [asOf, bucket] of cases) expect([asOf, agingBucket("2024-03-01", asOf)]).toEqual([asOf, bucket]);
    expect(agingBucket("2024-03-01", "2024-02-20")).toBe("current");
  });

  it("the payoff at a future closing date projects the charges and late charges to that date", () => {
    const feb = terms({ commencementDate: "2024-02-01" });
    const payoff = payoffAt({ terms: feb, credits: [pay("2024-02-01", 2500)] }, "2024-04-15");
    // March and April unpaid ($50) with their late charges of 03-12 and 04-12 ($20)
    expect(payoff.payoffCents).toBe(7000);
    expect(payoff.aging).toEqual({ current: 0, "1-30": 3500, "31-60": 3500, "61-90": 0, "over-90": 0 });
  });

  it("with payments only, the aging adds up to the balance when something is owed (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 700 }), cents: fc.integer({ min: 1, max: 20000 }) }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 1, max: 31 }),
        (payments, asOfDay, dueDay) => {
          const t = terms({ dueDay, escalation: { type: "fixed", rate: "0.05" } });
          const credits = payments.map((p) => pay(addDays("2024-01-01", p.day), p.cents));
          const ledger = computeLedger({ terms: t, credits, asOf: addDays("2024-01-01", asOfDay) });
          const aged = Object.values(ledger.aging).reduce((a, b) => a + b, 0);
          expect(aged).toBe(Math.max(0, ledger.balanceCents));
          expect(ledger.lines.at(-1)?.balanceCents ?? 0).toBe(ledger.balanceCents);
        },
      ),
    );
  });
});

describe("amendments change the fee terms from their effective date, not before", () => {
  const escalating = terms({ escalation: { type: "fixed", rate: "0.03" } });
  const on = (list: [string, number][], date: string) => list.find(([d]) => d === date)?.[1];

  it("a new fee: charges dated on or after the effective date, escalated from the next anniversary", () => {
    const list = charges({ ...escalating, changes: [{ effectiveDate: "2024-07-01", monthlyFeeCents: 3000 }] }, "2026-02-01") as [string, number][];
    expect(list[0]).toEqual(["2024-01-15", 1371]); // the part month as signed: 25 × 17/31
    expect(on(list, "2024-06-01")).toBe(2500); // before the amendment
    expect(on(list, "2024-07-01")).toBe(3000); // the amended fee from its effective date
    expect(on(list, "2025-01-01")).toBe(3000);
    expect(on(list, "2025-02-01")).toBe(3090); // anniversary 2025-01-15: 30.00 × 1.03 = 30.90
    expect(on(list, "2026-02-01")).toBe(3183); // 30.90 × 1.03 = 31.827 → 31.83
    // effective the day after a due date: that due date keeps the old fee
    const later = charges({ ...escalating, changes: [{ effectiveDate: "2024-07-02", monthlyFeeCents: 3000 }] }, "2024-08-01") as [string, number][];
    expect([on(later, "2024-07-01"), on(later, "2024-08-01")]).toEqual([2500, 3000]);
  });

  it("a fee set on an anniversary is not escalated again that day", () => {
    const list = charges({ ...escalating, changes: [{ effectiveDate: "2025-01-15", monthlyFeeCents: 3000 }] }, "2026-02-01") as [string, number][];
    expect(on(list, "2025-01-01")).toBe(2500);
    expect(on(list, "2025-02-01")).toBe(3000);
    expect(on(list, "2026-02-01")).toBe(3090); // 30.00 × 1.03
  });

  it("a new escalation rule applies from the first anniversary on or after its effective date, to the fee then in force", () => {
    const mid = charges({ ...escalating, changes: [{ effectiveDate: "2025-06-01", escalation: { type: "fixed", rate: "0.05" } }] }, "2026-02-01") as [string, number][];
    expect(on(mid, "2025-02-01")).toBe(2575); // 2025-01-15 under the old 3 %: 25.75
    expect(on(mid, "2026-02-01")).toBe(2704); // 2026-01-15 under 5 %: 25.75 × 1.05 = 27.0375 → 27.04
    const onAnniversary = charges({ ...escalating, changes: [{ effectiveDate: "2025-01-15", escalation: { type: "fixed", rate: "0.05" } }] }, "2025-02-01") as [string, number][];
    expect(on(onAnniversary, "2025-02-01")).toBe(2625); // 25.00 × 1.05 = 26.25
    const stopped = charges({ ...escalating, changes: [{ effectiveDate: "2025-03-01", escalation: { type: "none" } }] }, "2027-02-01") as [string, number][];
    expect([on(stopped, "2025-02-01"), on(stopped, "2026-02-01"), on(stopped, "2027-02-01")]).toEqual([2575, 2575, 2575]);
  });

  it("a new due day: the old due dates up to the effective date, a part period, then the new due day", () => {
    // effective 2024-03-01, itself an old due date: part period 2024-03-01 → 2024-03-15 = 14 days of the period
    // 2024-02-15 → 2024-03-15 = 29 days (leap year): 25 × 14/29 = 12.0689… → 12.07
    expect(charges(terms({ changes: [{ effectiveDate: "2024-03-01", dueDay: 15 }] }), "2024-04-15")).toEqual([
      ["2024-01-15", 1371], ["2024-02-01", 2500], ["2024-03-01", 1207], ["2024-03-15", 2500], ["2024-04-15", 2500],
    ]);
    // effective 2024-03-10: March 1 is still charged in full; from 2024-04-01 (the first old due date on or after
    // it) to 2024-04-15 = 14 days of 2024-03-15 → 2024-04-15 = 31 days: 25 × 14/31 = 11.2903… → 11.29
    expect(charges(terms({ changes: [{ effectiveDate: "2024-03-10", dueDay: 15 }] }), "2024-05-15")).toEqual([
      ["2024-01-15", 1371], ["2024-02-01", 2500], ["2024-03-01", 2500], ["2024-04-01", 1129], ["2024-04-15", 2500], ["2024-05-15", 2500],
    ]);
    // the other way, 15 → 1 effective 2024-03-10: from 2024-03-15 to 2024-04-01 = 17 days of 2024-03-01 → 2024-04-01
    // = 31 days: 25 × 17/31 = 13.7096… → 13.71
    expect(charges(terms({ dueDay: 15, changes: [{ effectiveDate: "2024-03-10", dueDay: 1 }] }), "2024-05-01")).toEqual([
      ["2024-01-15", 2500], ["2024-02-15", 2500], ["2024-03-15", 1371], ["2024-04-01", 2500], ["2024-05-01", 2500],
    ]);
  });

  it("new grace days and late charge apply to charges due on or after the effective date", () => {
    const t = terms({ commencementDate: "2024-02-01", changes: [{ effectiveDate: "2024-04-01", graceDays: 5, lateChargeCents: 1500 }] });
    const lates = (credits: Credit[]) =>
      computeLedger({ terms: t, credits, asOf: "2024-05-31" }).debits.filter((d) => d.kind === "late-charge").map((d) => [d.date, d.amountCents]);
    // nothing paid: February and March under the signed terms (10 days, $10.00), April and May under the new (5 days, $15.00)
    expect(lates([])).toEqual([["2024-02-12", 1000], ["2024-03-12", 1000], ["2024-04-07", 1500], ["2024-05-07", 1500]]);
    // everything owed on 6 April (3 × 25.00 + 2 × 10.00 = 95.00) paid on the last grace day of April: April is on time
    expect(lates([pay("2024-04-06", 9500)])).toEqual([["2024-02-12", 1000], ["2024-03-12", 1000], ["2024-05-07", 1500]]);
    // paid a day later, April goes late
    expect(lates([pay("2024-04-07", 9500)])).toEqual([["2024-02-12", 1000], ["2024-03-12", 1000], ["2024-04-07", 1500], ["2024-05-07", 1500]]);
  });

  it("an amendment effective before the commencement sets the terms the lease starts with", () => {
    expect(charges(terms({ changes: [{ effectiveDate: "2024-01-01", monthlyFeeCents: 3100, dueDay: 15 }] }), "2024-02-15")).toEqual([
      ["2024-01-15", 3100], ["2024-02-15", 3100],
    ]);
  });
});

describe("monitoring events from the ledger", () => {
  const eventsOf = (t: FeeTerms, credits: Credit[], asOf: string) => {
    const ledger = computeLedger({ terms: t, credits, asOf });
    return ledgerEvents(t, ledger.debits, credits, asOf).map((e) => [e.kind, e.chargeDueDate, e.date]);
  };

  it("a late payment when each charge goes late; 90+ days delinquent the day a charge is unpaid after 90 days past due, once per spell", () => {
    const t = terms({ commencementDate: "2024-02-01" });
    // nothing paid: late charges dated the 12th (1st + 10 grace days + 1). The charge due 2024-02-01 is 90 days
    // past due on 2024-05-01 (28 days to 29 Feb, + 31 to 31 Mar = 59, + 30 to 30 Apr = 89, + 1 = 90): still
    // unpaid at the end of that day → 90+ days delinquent dated 2024-05-02. March's reaches 90 days on 2024-05-30.
    expect(eventsOf(t, [], "2024-05-15")).toEqual([
      ["late-payment", "2024-02-01", "2024-02-12"],
      ["late-payment", "2024-03-01", "2024-03-12"],
      ["late-payment", "2024-04-01", "2024-04-12"],
      ["delinquent-90", "2024-02-01", "2024-05-02"],
      ["late-payment", "2024-05-01", "2024-05-12"],
    ]);
    // on 2024-05-01 itself the 90th day has not ended: no 90+ event yet
    expect(eventsOf(t, [], "2024-05-01").filter(([kind]) => kind === "delinquent-90")).toEqual([]);
    // still nothing paid on 2024-12-31: March … September also passed 90 days unpaid, but February (before each)
    // was unpaid too — one spell of delinquency, one 90+ event
    expect(eventsOf(t, [], "2024-12-31").filter(([kind]) => kind === "delinquent-90")).toEqual([["delinquent-90", "2024-02-01", "2024-05-02"]]);
  });

  it("a payment on the 90th day past due pays the oldest charge in time; a day later it does not", () => {
    const t = terms({ commencementDate: "2024-02-01" });
    // $25.00 on 2024-05-01 pays February's $25.00 charge (the oldest debt) on its 90th day past due: no 90+
    // event for it. March's: owed through it 25 + 10 (Feb late charge) + 25 = 60 − 25 paid = 35 > 0 on its 90th
    // day (2024-05-30: 30 days to 31 Mar, + 30 = 60 to 30 Apr, + 30 = 90 on 30 May) → event on 2024-05-31.
    const onTime = eventsOf(t, [pay("2024-05-01", 2500)], "2024-06-30").filter(([kind]) => kind === "delinquent-90");
    expect(onTime).toEqual([["delinquent-90", "2024-03-01", "2024-05-31"]]);
    // a day later: February's event stands; by 2024-05-30 the payment has paid February, so March's 90 days
    // unpaid start a new spell of delinquency → a second event
    const dayLate = eventsOf(t, [pay("2024-05-02", 2500)], "2024-06-30").filter(([kind]) => kind === "delinquent-90");
    expect(dayLate).toEqual([
      ["delinquent-90", "2024-02-01", "2024-05-02"],
      ["delinquent-90", "2024-03-01", "2024-05-31"],
    ]);
  });

  it("without a late charge, a charge unpaid by the last grace day is still a late payment; paid on the 11th it is on time", () => {
    const t = terms({ commencementDate: "2024-02-01", lateChargeCents: 0 });
    // February paid on the 11th (the last grace day): on time. March not paid by 2024-03-11 → late on the 12th.
    expect(eventsOf(t, [pay("2024-02-11", 2500)], "2024-03-31")).toEqual([["late-payment", "2024-03-01", "2024-03-12"]]);
  });

  it("a paid-up ledger calls for no event; a waiver of the charge itself counts as paid", () => {
    const t = terms({ commencementDate: "2024-02-01" });
    expect(eventsOf(t, [pay("2024-02-05", 2500), pay("2024-03-05", 2500)], "2024-03-31")).toEqual([]);
    const waived: Credit = { kind: "waiver", date: "2024-02-10", amountCents: 2500, appliesTo: "charge:2024-02-01" };
    expect(eventsOf(t, [waived], "2024-02-29")).toEqual([]);
  });
});
