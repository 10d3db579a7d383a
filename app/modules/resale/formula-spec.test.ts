import { describe, expect, it } from "vitest";
import { FormulaPresetFormSchema, formFromSpec, parsePresetSpec } from "./formula-spec";

const form = (values: Record<string, unknown>) => FormulaPresetFormSchema.safeParse({ name: "P", roundingMode: "nearest", roundingIncrement: "0.01", ...values });

describe("formula preset form", () => {
  it("turns percents into the contract's fractions and validates through the contract", () => {
    const result = form({ formulaType: "fixed-rate", annualRate: "1.5", compounding: "simple", elapsed: "full-months", marketValueCap: "on" });
    expect(result.success && result.data.spec).toEqual({
      formula: { type: "fixed-rate", annualRate: "0.015", compounding: "simple", elapsed: "full-months" },
      caps: [{ type: "market-value" }],
      floor: null,
      rounding: { mode: "nearest", increment: "0.01" },
    });
  });

  it("places contract errors next to the form field, in percent", () => {
    const result = form({ formulaType: "fixed-rate", annualRate: "30", compounding: "simple" });
    expect(result.success).toBe(false);
    const issue = !result.success ? result.error.issues.find((i) => i.path.join(".") === "annualRate") : undefined;
    expect(issue?.message).toMatch(/at most 25%/);
    const afford = form({ formulaType: "affordability", affordability: { income: "", housingCostRatio: "30" } });
    const paths = !afford.success ? afford.error.issues.map((i) => i.path.join(".")) : [];
    expect(paths).toContain("affordability.income");
    expect(paths).toContain("affordability.interestRate");
  });

  it("round-trips a stored spec through the edit form", () => {
    const stored = parsePresetSpec({ formula: { type: "appraisal", ownerShare: "0.25", losses: "shielded" }, caps: [{ type: "market-value" }], floor: { type: "purchase-price" }, rounding: { mode: "down", increment: "100" } });
    if (!stored.ok) throw new Error("invalid");
    const again = form({ name: "P", ...formFromSpec(stored.spec) });
    expect(again.success && again.data.spec).toEqual(stored.spec);
  });

  it("refuses unknown keys in a spec", () => {
    expect(parsePresetSpec({ formula: { type: "index", indexName: "CPI" }, capz: [] })).toEqual({ ok: false, errors: [{ path: "capz", message: "is not a recognised field" }] });
  });
});

describe("formula preset form — the rules of issue 8 §2", () => {
  it("reads a share stepping with years owned, and says how to write one it cannot read", () => {
    const result = form({ formulaType: "appraisal", ownerShareSchedule: "0: 20, 5 years: 25%, 10: 30", losses: "shielded" });
    expect(result.success && result.data.spec.formula).toMatchObject({
      type: "appraisal",
      ownerShareSchedule: [
        { fromYears: 0, share: "0.2" },
        { fromYears: 5, share: "0.25" },
        { fromYears: 10, share: "0.3" },
      ],
    });
    const bad = form({ formulaType: "appraisal", ownerShareSchedule: "twenty percent" });
    expect(!bad.success && bad.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["ownerShareSchedule", "Write each step as full years owned: share %, e.g. 0: 20, 5: 25, 10: 30"],
    ]);
  });

  it("builds an AMI-level income, cap at affordability, the fair return and any rounding, and round-trips them", () => {
    const terms = { housingCostRatio: "30", interestRate: "6", termYears: "30", downPaymentRate: "5", propertyTaxRate: "1.5", mortgageInsuranceRate: "0" };
    const afford = form({
      formulaType: "affordability",
      affordability: { percentAmi: "80", householdSizeRule: "bedrooms-plus-one", area: "METRO10740M10740", ...terms },
      capAtAffordability: "on",
      roundingMode: "up",
      roundingIncrement: "$1,000",
    });
    if (!afford.success) throw new Error(JSON.stringify(afford.error.issues));
    expect(afford.data.spec.formula).toMatchObject({ amiLevel: { level: 80, householdSize: "bedrooms-plus-one", area: "METRO10740M10740" }, capAtAffordability: true });
    expect(afford.data.spec.rounding).toEqual({ mode: "up", increment: "1000" });
    expect(form({ name: "P", ...formFromSpec(afford.data.spec) }).data?.spec).toEqual(afford.data.spec);

    const fair = form({ formulaType: "fair-return", inflationType: "fixed-rate", annualRate: "2", compounding: "simple", elapsed: "full-months", improvementCredit: "on", creditRate: "50", depreciationYears: "0" });
    if (!fair.success) throw new Error(JSON.stringify(fair.error.issues));
    expect(fair.data.spec.formula).toEqual({
      type: "fair-return",
      inflation: { type: "fixed-rate", annualRate: "0.02", compounding: "simple", elapsed: "full-months" },
      improvementCredit: { creditRate: "0.5", depreciationYears: 0, minimumCost: "0.00" },
    });
    expect(form({ name: "P", ...formFromSpec(fair.data.spec) }).data?.spec).toEqual(fair.data.spec);
  });

  it("puts an AMI level's problems on its own fields, in the user's words", () => {
    const result = form({ formulaType: "affordability", affordability: { percentAmi: "80", householdSizeRule: "fixed", householdSize: "", area: "" } });
    const byField = Object.fromEntries(!result.success ? result.error.issues.map((i) => [i.path.join("."), i.message]) : []);
    expect(byField["affordability.area"]).toMatch(/^Must not be empty/);
    expect(byField["affordability.householdSize"]).toMatch(/whole number of persons/);
    expect(form({ formulaType: "fixed-rate", annualRate: "1", roundingIncrement: "zero" }).error?.issues.map((i) => i.path.join("."))).toEqual(["roundingIncrement"]);
  });
});
