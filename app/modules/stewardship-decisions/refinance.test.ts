import { describe, expect, it } from "vitest";
import { decideRefinance, DEFAULT_REFINANCE_POLICY, staleCalculationError } from "./refinance";

const calculation = { id: "c1", valuationDate: "2026-10-01", maxResalePriceCents: 16_000_000 }; // $160,000.00
const policy = { calculationMaxAgeDays: 180, refinanceMaxShare: "0.95", cashOutLimitCents: 500_000 }; // 95 %, $5,000

describe("refinance approval", () => {
  it("approves a principal at exactly 95 % of $160,000 = $152,000 that repays $150,000 (cash out $2,000)", () => {
    const decision = decideRefinance({ lender: "VHFA", principalCents: 15_200_000, payoffCents: 15_000_000 }, calculation, policy);
    expect(decision).toMatchObject({ approved: true, reasons: [] });
    expect(decision.figures).toMatchObject({ principalLimitCents: 15_200_000, cashOutCents: 200_000 });
  });

  it("refuses one cent above the limit, naming both figures", () => {
    const decision = decideRefinance({ lender: "VHFA", principalCents: 15_200_001, payoffCents: 15_200_001 }, calculation, policy);
    expect(decision.approved).toBe(false);
    expect(decision.reasons).toEqual([
      "The new principal of $152,000.01 is above the trust's limit of $152,000.00: 95% of the maximum resale price of $160,000.00 (calculation valued 2026-10-01).",
    ]);
  });

  it("refuses cash out above the limit: $140,000 borrowed to repay $130,000 takes out $10,000 > $5,000", () => {
    const decision = decideRefinance({ lender: "VHFA", principalCents: 14_000_000, payoffCents: 13_000_000 }, calculation, policy);
    expect(decision.reasons).toEqual([
      "The cash out of $10,000.00 (new principal $140,000.00 less the payoff of $130,000.00) is above the trust's cash-out limit of $5,000.00.",
    ]);
  });

  it("rounds the limit down to the cent: 95 % of $100,000.01 is $95,000.0095 → $95,000.00", () => {
    const decision = decideRefinance({ lender: "x", principalCents: 9_500_001, payoffCents: 9_500_001 }, { ...calculation, maxResalePriceCents: 10_000_001 }, policy);
    expect(decision.figures.principalLimitCents).toBe(9_500_000);
    expect(decision.approved).toBe(false);
  });

  it("both limits broken: both reasons; payoff above principal is no cash out", () => {
    expect(decideRefinance({ lender: "x", principalCents: 20_000_000, payoffCents: 0 }, calculation, policy).reasons).toHaveLength(2);
    expect(decideRefinance({ lender: "x", principalCents: 10_000_000, payoffCents: 12_000_000 }, calculation, policy).figures.cashOutCents).toBe(0);
  });

  it("needs a calculation valued within the policy's age: 180 days yes, 181 no, none or later no", () => {
    expect(staleCalculationError(calculation, "2027-03-30", policy)).toBeNull(); // 2026-10-01 + 180 days
    expect(staleCalculationError(calculation, "2027-03-31", policy)).toContain("valued 2026-10-01, 181 days before 2027-03-31; the trust's policy allows at most 180");
    expect(staleCalculationError(null, "2027-01-01", DEFAULT_REFINANCE_POLICY)).toContain("no saved resale calculation");
    expect(staleCalculationError(calculation, "2026-09-30", policy)).toContain("after the decision date");
  });
});
