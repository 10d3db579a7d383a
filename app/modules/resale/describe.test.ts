import { describe, expect, it } from "vitest";
import { describeResaleRule, resaleRuleParagraphs } from "./describe";
import type { Cap, Formula } from "./contract";

const loan = {
  housingCostRatio: "0.3",
  interestRate: "0.065",
  termYears: 30,
  downPaymentRate: "0.05",
  propertyTaxRate: "0.012",
  mortgageInsuranceRate: "0.005",
  monthlyCosts: { insurance: "80.00", hoa: "0.00", leaseFee: "35.00", utilities: "150.00" },
};
const fixed: Formula = { type: "fixed-rate", annualRate: "0.015", compounding: "simple", elapsed: "full-years" };

describe("the one describer of a resale rule (calculator, Article 10.5, Exhibit E)", () => {
  it("states the formula, deductions, floor, every cap with its terms, how they interact, and the rounding, in the engine's order", () => {
    const amiCap = { type: "affordability", ...loan, amiLevel: { level: 80, householdSize: "bedrooms-plus-one", area: "Addison County, VT" } } as unknown as Cap;
    const paragraphs = resaleRuleParagraphs({ formula: fixed, caps: [{ type: "market-value" }, amiCap], floor: { type: "purchase-price" }, rounding: { mode: "up", increment: "50" } });
    expect(paragraphs).toEqual([
      "The maximum resale price is the purchase price increased by 1.5% simple interest for each full year of ownership. The cost of capital improvements approved in advance by the trust is added in full.",
      "Any deductions this Lease provides for are then subtracted from that amount; it is never less than zero.",
      "Floor: if the amount so calculated is less than the purchase price the Homeowner paid, it is raised to that purchase price (unless a limit below applies).",
      "Limit (limit 1): the price shall not exceed the appraised market value of the Home at the time of resale, determined by an independent appraiser the Trust approves.",
      "Limit (limit 2): the price shall not exceed the price a household earning the income limit at 80% of area median income for one person more than the home has bedrooms, from HUD's income-limit table for Addison County, VT in effect on the date the price is set (the valuation date) can afford, spending 30% of its income on housing: a 30-year mortgage at 6.5% with 5% down, property tax of 1.2% and mortgage insurance of 0.5% a year, after monthly costs of $80.00 insurance, $0.00 association dues, $35.00 ground lease fee and $150.00 utilities.",
      "When more than one limit is below the price, the lowest applies; a limit applies even where it is below the floor.",
      "Rounding: the result is rounded up to the nearest $50, but never above a limit that applies. The result is the Formula Price.",
    ]);
  });

  it("says so when there is no floor and no cap; rounding down and to the cent in words", () => {
    const down = describeResaleRule({ formula: fixed, caps: [], floor: null, rounding: { mode: "down", increment: "1000" } });
    expect(down).toContain("Floor: none. The Formula Price may be less than the purchase price the Homeowner paid.");
    expect(down).toContain("Limits: none other than the formula itself.");
    expect(down).toContain("Rounding: the result is rounded down to the nearest $1,000 (any amount below the next multiple of $1,000 is dropped).");
    const cent = describeResaleRule({ formula: fixed, caps: [{ type: "market-value" }], floor: null, rounding: { mode: "nearest", increment: "0.01" } });
    expect(cent).toContain("Rounding: the result is rounded to the nearest cent (a half rounds up), but never above a limit that applies");
    expect(cent).toContain("The limit applies even where it is below the floor.");
  });
});
