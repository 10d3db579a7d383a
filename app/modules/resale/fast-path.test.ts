import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseResaleRequest, type ResaleRequest, type ResaleRequestInput, type ResaleResult } from "./contract";
import { calculateResale } from "./engine";
import { fastCalculateResale } from "./fast-path";
import { calculateResaleReference } from "./reference-engine";
import { Decimal } from "~/utils/money";

/**
 * Exactness of the fast path: on random requests of every formula type, `calculateResale` must
 * give exactly — every amount, label, explanation and warning — what the straightforward Decimal
 * implementation gives, and the fast path must cover every request whose amounts fit integer cents.
 */

const pad = (n: number) => String(n).padStart(2, "0");
const date = fc
  .record({ year: fc.integer({ min: 1990, max: 2030 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => `${year}-${pad(month)}-${pad(Math.min(day, new Date(Date.UTC(year, month, 0)).getUTCDate()))}`);
const centsText = (c: number) => `${Math.floor(c / 100)}.${pad(c % 100)}`;
/** Amounts: mostly house-sized, sometimes tiny, round, or at the contract's 13-digit limit. */
const amount = (min: number, max: number) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: min * 100, max: max * 100 }).map(centsText) },
    { weight: 1, arbitrary: fc.constantFrom("0.00", "0.01", "0.5", "100", "1000000.00").filter((a) => Number(a) >= min) },
    { weight: 1, arbitrary: fc.bigInt({ min: 1n, max: 999_999_999_999_999n }).map((c) => `${c / 100n}.${pad(Number(c % 100n))}`) },
  );
const positiveAmount = (min: number, max: number) => amount(Math.max(min, 0.01), max).filter((a) => Number(a) > 0);
/** Rates as leases write them ("0.015") and, rarely, with many digits (exercising 50-digit rounding). */
const rate = (maxBasisPoints: number) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 0, max: maxBasisPoints }).map((bp) => String(bp / 10000)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: maxBasisPoints - 1 }), fc.stringMatching(/^[0-9]{1,40}$/))
        .map(([bp, more]) => `0.${String(bp).padStart(4, "0")}${more}`),
    },
  );
const indexValue = fc.oneof(
  fc.integer({ min: 1, max: 200_000 }).map(String),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.stringMatching(/^[0-9]{1,12}$/)).map(([whole, fraction]) => `${whole}.${fraction}`),
);
const improvementCredit = fc.option(
  fc.record({ creditRate: rate(10000), depreciationYears: fc.constantFrom(0, 1, 5, 7, 10, 15, 20), minimumCost: amount(0, 2000) }),
  { nil: undefined },
);
const monthlyCost = fc.oneof(fc.constant("0.00"), amount(0, 800));
const affordabilityTerms = fc.record({
  income: positiveAmount(5000, 250000),
  housingCostRatio: rate(5000).filter((r) => Number(r) > 0),
  interestRate: rate(1200),
  termYears: fc.constantFrom(10, 15, 20, 30, 40),
  downPaymentRate: rate(3000),
  propertyTaxRate: rate(300),
  mortgageInsuranceRate: rate(150),
  monthlyCosts: fc.record({ insurance: monthlyCost, hoa: monthlyCost, leaseFee: monthlyCost, utilities: monthlyCost }),
});

const formulas = {
  "fixed-rate": fc.record({
    type: fc.constant("fixed-rate" as const),
    annualRate: rate(2500),
    compounding: fc.constantFrom("simple" as const, "compound" as const),
    elapsed: fc.constantFrom("full-years" as const, "full-months" as const),
    improvementCredit,
  }),
  appraisal: fc.record({
    type: fc.constant("appraisal" as const),
    ownerShare: rate(10000),
    losses: fc.constantFrom("shielded" as const, "shared" as const),
    creditImprovementValue: fc.boolean(),
    improvementCredit,
  }),
  index: fc.record({ type: fc.constant("index" as const), indexName: fc.constantFrom("HUD area median income", "CPI-U"), improvementCredit }),
  affordability: fc.tuple(affordabilityTerms, improvementCredit).map(([terms, credit]) => ({ type: "affordability" as const, ...terms, improvementCredit: credit })),
};

/** True when the lines' cents, summed without sign, pass Number.MAX_SAFE_INTEGER. */
function beyondSafeCents(result: ResaleResult): boolean {
  const total = result.lines.reduce((sum, line) => sum + BigInt(line.amount.replace("-", "").replace(".", "")), 0n);
  return total > BigInt(Number.MAX_SAFE_INTEGER);
}

function request(formula: fc.Arbitrary<ResaleRequestInput["formula"]>): fc.Arbitrary<ResaleRequest> {
  return fc
    .record({
      formula,
      price: positiveAmount(1000, 900000),
      dates: fc.uniqueArray(date, { minLength: 2, maxLength: 2 }).map((pair) => [...pair].sort() as [string, string]),
      appraisals: fc.record({ atPurchase: positiveAmount(1000, 900000), current: positiveAmount(1000, 1200000), improvementValue: amount(0, 80000) }),
      index: fc.record({ atPurchase: indexValue, current: indexValue }),
      improvements: fc.array(
        fc.record({ description: fc.constantFrom("Roof", "Kitchen", "Windows"), cost: amount(0, 60000), completedOn: date, approved: fc.boolean() }),
        { maxLength: 4 },
      ),
      deductions: fc.array(fc.record({ description: fc.constantFrom("Deferred maintenance", "Damage"), amount: amount(0, 400000) }), { maxLength: 2 }),
      caps: fc.array(fc.oneof(fc.constant({ type: "market-value" as const }), affordabilityTerms.map((terms) => ({ type: "affordability" as const, ...terms }))), {
        maxLength: 3,
      }),
      floor: fc.boolean(),
      rounding: fc.record({
        mode: fc.constantFrom("nearest" as const, "down" as const, "up" as const),
        // the three of the first contract, the increments leases name, and any whole number of cents
        increment: fc.oneof(
          fc.constantFrom("0.01", "1", "100", "50", "500", "1000", "0.25", "100.00", "1000000"),
          fc.integer({ min: 1, max: 100_000_000 }).map(centsText),
        ),
      }),
    })
    .map(({ formula, price, dates, appraisals, index, improvements, deductions, caps, floor, rounding }) => {
      const parsed = parseResaleRequest({
        formula,
        purchase: { price, date: dates[0] },
        valuationDate: dates[1],
        appraisals,
        index,
        improvements,
        deductions,
        caps,
        floor: floor ? { type: "purchase-price" } : null,
        rounding,
      });
      if (!parsed.ok) throw new Error(`generated an invalid request: ${JSON.stringify(parsed.errors)}`);
      return parsed.request;
    });
}

describe("fast path = Decimal implementation, byte for byte", () => {
  for (const [type, formula] of Object.entries(formulas)) {
    it(`${type} formulas`, () => {
      fc.assert(
        fc.property(request(formula as fc.Arbitrary<ResaleRequestInput["formula"]>), (resale) => {
          const reference = calculateResaleReference(resale);
          expect(calculateResale(resale)).toEqual(reference);
          const fast = fastCalculateResale(resale);
          // The fast path may hand over only amounts beyond integer cents in a double (> $90 trillion).
          if (fast === null) expect(beyondSafeCents(reference)).toBe(true);
          else expect(fast).toEqual(reference);
        }),
        { numRuns: 400 },
      );
    });
  }

  it("declines what only the Decimal implementation computes, and calculateResale then gives the reference", () => {
    const base = { purchase: { price: "150000.00", date: "2016-01-01" }, valuationDate: "2026-01-01" };
    const declined: ResaleRequestInput[] = [
      { ...base, formula: { type: "fair-return", inflation: { type: "fixed-rate", annualRate: "0.02", compounding: "simple" } }, fairReturn: { principalPaidDown: "1.00", sellerClosingCosts: "0", outstandingLiens: "0" } },
      { ...base, formula: { type: "appraisal", ownerShareSchedule: [{ fromYears: 0, share: "0.2" }] }, appraisals: { atPurchase: "1.00", current: "2.00" } },
      { ...base, formula: { type: "fixed-rate", annualRate: "0.02", compounding: "simple" }, leaseIntentChecks: true },
    ];
    for (const input of declined) {
      const parsed = parseResaleRequest(input);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(fastCalculateResale(parsed.request)).toBeNull();
      expect(calculateResale(parsed.request)).toEqual(calculateResaleReference(parsed.request));
    }
  });

  it("rounds to any increment: a whole multiple, on the side the mode says, and never above the lowest cap", () => {
    fc.assert(
      fc.property(request(formulas["fixed-rate"] as fc.Arbitrary<ResaleRequestInput["formula"]>), (resale) => {
        const result = calculateResale(resale);
        const final = new Decimal(result.maxResalePrice);
        const increment = new Decimal(resale.rounding.increment);
        expect(final.mod(increment).isZero()).toBe(true);
        const rounding = result.lines.find((line) => line.label === "Rounding")!;
        const before = final.minus(rounding.amount);
        const capped = rounding.explanation.includes("so as not to exceed");
        if (resale.rounding.mode === "up" && !capped) expect(final.gte(before)).toBe(true);
        if (resale.rounding.mode === "down" || capped) expect(final.lte(before)).toBe(true);
        const caps = result.lines.filter((line) => line.label.startsWith("Cap: ")).map((line) => new Decimal(line.amount));
        // the cap lines are shown to the cent; the final price never passes the lowest of them by more than that
        for (const cap of caps) expect(final.lte(cap.plus("0.01"))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("lines whose repeating fractions cancel (1/3 + 2/3) are summed as Decimal sums them", () => {
    // 1% simple for 1 month on $100.00 = 0.0833… ; a 1-year depreciation with 4 of 12 months left on $1.00 = 0.333…
    const parsed = parseResaleRequest({
      formula: { type: "fixed-rate", annualRate: "0.01", compounding: "simple", improvementCredit: { creditRate: "1", depreciationYears: 1 } },
      purchase: { price: "100.00", date: "2024-01-01" },
      valuationDate: "2024-02-01",
      improvements: [
        { description: "A", cost: "1.00", completedOn: "2024-01-01", approved: true },
        { description: "B", cost: "2.00", completedOn: "2024-01-01", approved: true },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(fastCalculateResale(parsed.request)).toEqual(calculateResaleReference(parsed.request));
  });
});
