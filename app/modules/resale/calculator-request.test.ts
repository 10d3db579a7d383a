import { describe, expect, it } from "vitest";
import { ADDISON_COUNTY_VT_FY2023 } from "~/modules/income-limits/seed-tables";
import { calculateResale } from "./engine";
import { ILLUSTRATIVE_TABLES } from "~/modules/demo/income-limit-tables";
import { buildCalculation, calculatorFormSchema } from "./calculator-request";
import type { CalculatorContext, CalculatorFormValues } from "./calculator-fields";
import { DEFAULT_BUYER } from "./form-defaults";
import { outcomeMeasures } from "./outcome-measures";

const CONTEXT: CalculatorContext = {
  presets: [
    {
      id: "p1",
      name: "1.5% simple",
      spec: { formula: { type: "fixed-rate", annualRate: "0.015", compounding: "simple", elapsed: "full-months" }, caps: [{ type: "market-value" }], floor: null, rounding: { mode: "nearest", increment: "0.01" } },
    },
    { id: "broken", name: "Broken", spec: null },
  ],
  incomeLimits: { table: ADDISON_COUNTY_VT_FY2023, method: "multiple-of-50" },
};

function values(overrides: Partial<CalculatorFormValues> = {}): CalculatorFormValues {
  return {
    intent: "calculate",
    formulaType: "fixed-rate",
    annualRate: "2",
    compounding: "simple",
    elapsed: "full-years",
    roundingMode: "nearest",
    roundingIncrement: "0.01",
    purchasePrice: "$150,000",
    purchaseDate: "2015-06-01",
    valuationDate: "2025-06-01",
    improvements: [],
    deductions: [],
    householdSize: "3",
    buyer: DEFAULT_BUYER,
    ...overrides,
  };
}

describe("buildCalculation", () => {
  it("gives one field one message", () => {
    // a lone "lots" purchase price: the contract says it is not a decimal; the field shows that once
    const result = buildCalculation(values({ purchasePrice: "lots" }), CONTEXT);
    expect(!result.ok && result.errors.filter((e) => e.path.join(".") === "purchasePrice")).toHaveLength(1);
  });

  it("builds the contract request from a formula typed by hand", () => {
    const built = buildCalculation(values({ marketValueCap: "on", appraisalCurrent: "300000" }), CONTEXT);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.value.request).toMatchObject({
      formula: { type: "fixed-rate", annualRate: "0.02", compounding: "simple", elapsed: "full-years" },
      purchase: { price: "150000.00", date: "2015-06-01" },
      appraisals: { current: "300000.00" },
      caps: [{ type: "market-value" }],
    });
    expect(calculateResale(built.value.request).maxResalePrice).toBe("180000.00");
    expect(built.value.presetName).toBe("");
  });

  it("uses a preset's rule, named", () => {
    const built = buildCalculation(values({ presetId: "p1", annualRate: "garbage", appraisalCurrent: "400000" }), CONTEXT);
    expect(built.ok && built.value.presetName).toBe("1.5% simple");
    expect(built.ok && built.value.request.formula).toMatchObject({ annualRate: "0.015" });
  });

  it("says so when a preset is unknown or no longer valid, or the current appraisal its cap needs is missing", () => {
    const unknown = buildCalculation(values({ presetId: "nope" }), CONTEXT);
    expect(!unknown.ok && unknown.errors.map((e) => e.path.join("."))).toEqual(["presetId"]);
    const broken = buildCalculation(values({ presetId: "broken" }), CONTEXT);
    expect(!broken.ok && broken.errors[0]!.message).toMatch(/no longer validates/);
    const noAppraisal = buildCalculation(values({ presetId: "p1" }), CONTEXT);
    expect(!noAppraisal.ok && noAppraisal.errors).toEqual([{ path: ["appraisalCurrent"], message: "Enter the current appraised value: the cap at market value needs it" }]);
  });

  it("skips blank improvement rows and reports errors on the row as typed", () => {
    const built = buildCalculation(
      values({
        improvements: [
          { description: "", cost: "", completedOn: "" },
          undefined,
          { description: "Deck", cost: "5,000", completedOn: "2019-02-30", approved: "on" },
        ],
        deductions: [{ description: "Broken window", amount: "-3" }],
      }),
      CONTEXT,
    );
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.errors.map((e) => e.path.join("."))).toEqual(["improvements.2.completedOn", "deductions.0.amount"]);
  });

  it("names the income by a % AMI level, resolved at the valuation date from the table then in effect", () => {
    const tables = ILLUSTRATIVE_TABLES.map((table) => ({ ...table, derivationMethod: "multiple-of-50" as const }));
    const context: CalculatorContext = { ...CONTEXT, incomeLimitTables: tables, bedrooms: 2 };
    const typed = { percentAmi: "80", householdSizeRule: "bedrooms-plus-one" as const, area: "TEST0001", ...DEFAULT_BUYER };
    const built = buildCalculation(values({ formulaType: "affordability", affordability: typed }), context);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    expect(built.value.request.formula).toMatchObject({ type: "affordability", amiLevel: { level: 80, householdSize: "bedrooms-plus-one", area: "TEST0001" } });
    expect(built.value.request.home).toEqual({ bedrooms: 2 });
    expect(built.value.request.leaseIntentChecks).toBe(true);
    // valued 2025-06-01: the FY2024 table (from 2024-04-01), 2 bedrooms + 1 = 3 persons, 80 % → $66,850
    expect(calculateResale(built.value.request).incomeResolutions?.[0]).toMatchObject({ income: "66850.00", householdSize: 3, table: { fiscalYear: 2024 } });
    // a fixed size
    const fixed = buildCalculation(values({ formulaType: "affordability", affordability: { ...typed, householdSizeRule: "fixed", householdSize: "4" } }), context);
    expect(fixed.ok && calculateResale(fixed.value.request).incomeResolutions?.[0]?.income).toBe("74250.00");
    // a fixed-rate formula ignores the (default-filled) affordability fields, even without a table
    expect(buildCalculation(values({ affordability: typed, capAffordability: { percentAmi: "120" } }), CONTEXT).ok).toBe(true);
    // no table in effect: the error is on the area field, naming the date
    const noTable = buildCalculation(values({ formulaType: "affordability", affordability: typed, valuationDate: "2023-01-01" }), context);
    expect(!noTable.ok && noTable.errors).toEqual([
      { path: ["affordability", "area"], message: expect.stringMatching(/^Has no income-limit table in effect on 2023-01-01 for "TEST0001"/) },
    ]);
    // neither an income nor a level: said next to the income, with every other error at once
    const neither = buildCalculation(values({ formulaType: "affordability", affordability: { ...DEFAULT_BUYER, interestRate: "80" } }), context);
    expect(!neither.ok && neither.errors.map((e) => `${e.path.join(".")}: ${e.message}`)).toEqual([
      "affordability.income: Enter the household's income, or a % AMI level",
      "affordability.interestRate: The mortgage interest rate must be at least 0% and at most 50%",
    ]);
  });

  it("checks the buyer assumptions with the contract's own rules", () => {
    const built = buildCalculation(values({ buyer: { ...DEFAULT_BUYER, interestRate: "80", termYears: "0" }, householdSize: "0" }), CONTEXT);
    expect(!built.ok && built.errors.map((e) => e.path.join("."))).toEqual(expect.arrayContaining(["buyer.interestRate", "buyer.termYears", "householdSize"]));
  });

  it("is the Conform schema: errors land on the form's field paths", () => {
    const parsed = calculatorFormSchema(CONTEXT).safeParse(values({ annualRate: "30" }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["annualRate"], message: expect.stringMatching(/at most 25%/) });
  });
});

describe("outcomeMeasures", () => {
  it("gives % AMI from 2 × the 50 % limit, net proceeds and subsidy retained", () => {
    const built = buildCalculation(values({ appraisalCurrent: "300000", mortgagePayoff: "90,000", closingCosts: "6000", unpaidLeaseFees: "420" }), CONTEXT);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const result = calculateResale(built.value.request);
    const outcome = outcomeMeasures(built.value.request, result, built.value.outcome, CONTEXT.incomeLimits);
    expect(result.maxResalePrice).toBe("180000.00");
    expect(outcome.sellerNetProceeds).toBe("83580.00");
    expect(outcome.subsidyRetained).toBe("120000.00");
    expect(outcome.ownerGain).toBe("30000.00");
    expect(outcome.percentOfAmi?.hundredPercentIncome).toBe("89200.00");
    // income needed / 89,200 × 100, one decimal; a dearer home needs a larger share of AMI
    expect(Number(outcome.percentOfAmi!.atResalePrice)).toBeCloseTo((Number(outcome.incomeNeeded) / 89200) * 100, 1);
    expect(Number(outcome.percentOfAmi!.atResalePrice)).toBeGreaterThan(Number(outcome.percentOfAmi!.atPurchasePrice));
    expect(outcomeMeasures(built.value.request, result, built.value.outcome, null).percentOfAmi).toBeNull();
  });
});
