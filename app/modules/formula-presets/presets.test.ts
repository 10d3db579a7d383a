import { describe, expect, it } from "vitest";
import { FormulaPresetFormSchema, formFromSpec, parsePresetSpec } from "./presets";

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
