import { describe, expect, it } from "vitest";
import { resaleOutcomes, type OutcomeInputs } from "./outcomes";

// A buyer with no loan costs but the price itself: 0 % interest over 1 year, no down payment, no taxes, no fixed
// costs, ratio 1 → income needed = 12 · (P/12) / 1 = P. So % AMI = 100 · P / AMI exactly.
const plainTerms = {
  housingCostRatio: "1",
  interestRate: "0",
  termYears: 1,
  downPaymentRate: "0",
  propertyTaxRate: "0",
  mortgageInsuranceRate: "0",
  monthlyCosts: { insurance: "0", hoa: "0", leaseFee: "0", utilities: "0" },
};

const base: OutcomeInputs = {
  priceCents: 21_700_000,
  previousPriceCents: 20_000_000,
  purchaseDate: "2020-06-15",
  closingDate: "2026-06-15", // 2191 days (two leap days)
  marketValueCents: 30_000_000,
  mortgageAmountCents: 19_000_000,
  closing: { mortgagePayoffCents: 16_000_000, sellerClosingCostsCents: 500_000, unpaidLeaseFeesCents: 7_000, trustFeesCents: 100_000 },
  buyerTerms: plainTerms,
  householdSize: 4,
  ami100AtSale: { income: "108500", table: "FY2026" },
  ami100AtPrevious: { income: "80000", table: "FY2020" },
};

describe("stored outcome measures of a resale", () => {
  it("affordability at each sale by its own year's AMI, subsidy kept, gain, net proceeds, return on the down payment", () => {
    const outcomes = resaleOutcomes(base);
    // 217,000 / 108,500 = 200.0 %; 200,000 / 80,000 = 250.0 %
    expect(outcomes.percentAmiNeeded).toEqual({ atThisSale: "200.0", atPreviousSale: "250.0", tableAtThisSale: "FY2026", tableAtPreviousSale: "FY2020" });
    expect(outcomes.subsidyRetained).toBe("83000.00"); // 300,000 − 217,000
    expect(outcomes.sellerGain).toBe("17000.00");
    // 217,000 − 160,000 − 5,000 − 70 − 1,000 = 50,930
    expect(outcomes.netProceeds).toBe("50930.00");
    expect(outcomes.downPayment).toBe("10000.00");
    // (50,930 / 10,000)^(365/2191) − 1: ln 5.093 = 1.62788…, × 0.166590… = 0.271190…, e^… − 1 = 31.15…%
    expect(outcomes.annualisedReturnOnDownPayment).toBe("31.2");
    expect(outcomes.yearsOwned).toBe("6.00");
  });

  it("no figure where its inputs are missing or meaningless", () => {
    const outcomes = resaleOutcomes({ ...base, marketValueCents: null, mortgageAmountCents: null, ami100AtPrevious: null });
    expect([outcomes.subsidyRetained, outcomes.downPayment, outcomes.annualisedReturnOnDownPayment, outcomes.percentAmiNeeded.atPreviousSale]).toEqual([null, null, null, null]);
    const underwater = resaleOutcomes({ ...base, closing: { ...base.closing, mortgagePayoffCents: 22_000_000 } });
    expect(underwater.netProceeds).toBe("-9070.00");
    expect(underwater.annualisedReturnOnDownPayment).toBeNull();
  });
});
