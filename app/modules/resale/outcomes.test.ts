import { describe, expect, it } from "vitest";
import { describeFormula, formulaLabel } from "./describe";
import { parseResaleRequest, type Formula, type ResaleRequestInput } from "./contract";
import { affordablePrice, incomeNeeded, incomeNeededPercentOfAmi, monthlyCostPerDollar, sellerNetProceeds, subsidyRetained } from "./outcomes";

const terms = {
  housingCostRatio: "0.3",
  interestRate: "0",
  termYears: 30,
  downPaymentRate: "0.1",
  propertyTaxRate: "0.012",
  mortgageInsuranceRate: "0.006",
  monthlyCosts: { insurance: "100.00", hoa: "0.00", leaseFee: "50.00", utilities: "0.00" },
};

describe("affordability and outcome measures", () => {
  it("computes f, the monthly cost per dollar of price", () => {
    // (1 − 0.1)/360 + 0.012/12 + 0.006 × 0.9/12 = 0.0025 + 0.001 + 0.00045 = 0.00395
    expect(monthlyCostPerDollar(terms).toString()).toBe("0.00395");
  });

  it("computes the income needed: 12 · (f·P + F) / ratio", () => {
    // P = 200,000: f·P = 790; + F 150 = 940/month; × 12 = 11,280; / 0.3 = 37,600
    expect(incomeNeeded("200000.00", terms).toString()).toBe("37600");
    // as % AMI with a 100 % AMI income of 94,000: 37,600 / 94,000 = 40 %
    expect(incomeNeededPercentOfAmi("200000.00", terms, "94000").toString()).toBe("40");
  });

  it("is the inverse of the affordable price", () => {
    const price = affordablePrice({ ...terms, income: "60000.00" }).price; // 341,772.15…
    expect(incomeNeeded(price, terms).toDecimalPlaces(10).toString()).toBe("60000");
  });

  it("computes seller net proceeds and subsidy retained", () => {
    // 240,000 − 150,000 − 12,000 − 300 = 77,700
    expect(sellerNetProceeds({ price: "240000.00", mortgagePayoff: "150000.00", closingCosts: "12000.00", unpaidLeaseFees: "300.00" }).toFixed(2)).toBe("77700.00");
    // under water: 100,000 − 110,000 − 5,000 − 0 = −15,000 (not clamped)
    expect(sellerNetProceeds({ price: "100000.00", mortgagePayoff: "110000.00", closingCosts: "5000.00", unpaidLeaseFees: "0" }).toFixed(2)).toBe("-15000.00");
    expect(subsidyRetained("400000.00", "240000.00").toFixed(2)).toBe("160000.00");
  });

  it("refuses a zero AMI figure", () => {
    expect(() => incomeNeededPercentOfAmi("1.00", terms, "0")).toThrow(RangeError);
  });
});

function formula(input: ResaleRequestInput["formula"]): Formula {
  const parsed = parseResaleRequest({
    formula: input,
    purchase: { price: "1.00", date: "2020-01-01" },
    valuationDate: "2020-01-01",
    appraisals: { atPurchase: "1.00", current: "1.00", improvementValue: "0" },
    index: { atPurchase: "1", current: "1" },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.request.formula;
}

describe("describeFormula / formulaLabel", () => {
  it("describes a fixed-rate formula in plain English", () => {
    const spec = formula({ type: "fixed-rate", annualRate: "0.015", compounding: "simple" });
    expect(describeFormula(spec)).toMatch(
      /^The maximum resale price is the purchase price increased by 1\.5% simple interest for each full month of ownership divided by 12/,
    );
    expect(describeFormula(spec)).toContain("approved in advance by the trust is added in full");
    expect(formulaLabel(spec)).toBe("Fixed rate 1.5% simple (full months)");
    expect(describeFormula(formula({ type: "fixed-rate", annualRate: "0.02", compounding: "compound", elapsed: "full-years" }))).toContain(
      "increased by 2% a year, compounded, for each full year of ownership",
    );
  });

  it("describes appraisal, index and affordability formulas and the improvement credit", () => {
    const appraisal = formula({
      type: "appraisal",
      ownerShare: "0.25",
      losses: "shared",
      improvementCredit: { creditRate: "0.5", depreciationYears: 10, minimumCost: "1000.00" },
    });
    expect(describeFormula(appraisal)).toContain("plus 25% of the change in appraised market value");
    expect(describeFormula(appraisal)).toContain("the owner bears the same share of the loss");
    expect(describeFormula(appraisal)).toContain("costing at least $1,000.00, 50% of the cost is added, reduced in a straight line over 10 years");
    expect(formulaLabel(appraisal)).toBe("Shared appreciation 25%, losses shared");

    const index = formula({ type: "index", indexName: "HUD area median income" });
    expect(describeFormula(index)).toContain("multiplied by the HUD area median income at the time of resale divided by the HUD area median income at the time of purchase");
    expect(formulaLabel(index)).toBe("Indexed to HUD area median income");

    const affordable = formula({ type: "affordability", income: "60000.00", ...terms });
    expect(describeFormula(affordable)).toContain("a household earning $60,000.00 a year can afford, spending 30% of its income on housing: a 30-year mortgage at 0%");
    expect(describeFormula(affordable)).toContain("$50.00 ground lease fee");
  });
});
